"""The record of released offline bundles, kept on ``gh-pages`` beside the bundles.

``make release`` writes ``downloads/downloads.yml`` on the ``gh-pages`` branch, next to the
bundles it lists, before ``mike deploy`` builds the cycle; every build reads the record
from that branch. The record is release state: it lives with the releases, so a fresh
checkout (a CI runner) sees every bundle released before, and each cycle's Downloads page
lists them all. A file ``hooks/attguide/data/downloads.yml`` from before this design is
still read when the branch holds no record.
"""

from __future__ import annotations

import logging
import subprocess
from pathlib import Path

import yaml
from mkdocs.utils import get_relative_url

from ..read.registry import Registry

log = logging.getLogger("mkdocs.plugins.attguide.downloads")

BRANCHES = ("gh-pages", "origin/gh-pages")
FOLDER = "downloads"
RECORD = f"{FOLDER}/downloads.yml"
LEGACY_PATH = Path(__file__).resolve().parents[1] / "data" / "downloads.yml"
HEADER = ("# Offline bundles published by `make release`: one entry per CSP cycle, newest first.\n"
          "# Written by the release command on the gh-pages branch; every Downloads page lists them.\n")


def parse(text: str) -> list[dict]:
    """The entries of a downloads record (empty when none)."""
    return list((yaml.safe_load(text) or {}).get("downloads") or [])


def dump(entries: list[dict]) -> str:
    """A downloads record holding ``entries``."""
    return HEADER + yaml.safe_dump({"downloads": entries}, allow_unicode=True, sort_keys=False)


def _cycle_number(entry: dict) -> int:
    """The number of an entry's cycle (``csp13`` → 13), for sorting."""
    return int("".join(ch for ch in str(entry["cycle"]) if ch.isdigit()) or 0)


def with_entry(entries: list[dict], entry: dict) -> list[dict]:
    """``entries`` with ``entry`` in place of any earlier one of its cycle, newest first."""
    kept = [e for e in entries if e["cycle"] != entry["cycle"]] + [entry]
    return sorted(kept, key=_cycle_number, reverse=True)


def read_published(project: Path) -> str | None:
    """The record's text on the ``gh-pages`` branch of ``project`` (None when absent)."""
    for branch in BRANCHES:
        try:
            result = subprocess.run(["git", "show", f"{branch}:{RECORD}"], cwd=project,
                                    capture_output=True, text=True, encoding="utf-8")
        except (FileNotFoundError, NotADirectoryError):  # no git, or no such folder
            return None
        if result.returncode == 0:
            return result.stdout
    return None


def load(project: Path, legacy: Path = LEGACY_PATH) -> list[dict]:
    """Every bundle released so far: the ``gh-pages`` record, else the old data file."""
    text = read_published(project)
    if text is not None:
        return parse(text)
    if legacy.exists():
        return parse(legacy.read_text(encoding="utf-8"))
    return []


def file_rows(entry: dict, registry: Registry, lang: str, downloads_root: str | None) -> list[dict]:
    """For the Downloads page: the PDFs recorded under a cycle's ``files:`` (size, SHA-256, link)."""
    t = registry.strings(lang)
    return [{"file": f["file"], "lang": f["lang"], "label": t["downloads_pdf"].format(language=t[f"language_{f['lang']}"]),
             "size": f"{f['size'] / 1e6:.1f} MB", "sha256": f["sha256"],
             "url": downloads_root + f["file"] if downloads_root else None}
            for f in entry.get("files") or []]


def site_root(page_url: str) -> str:
    """URL of the (version's) site root relative to the page, ending with a slash."""
    root = get_relative_url(".", page_url)
    return "" if root in (".", "./") else root.rstrip("/") + "/"


def downloads_root(page_url: str) -> str:
    """URL of ``downloads/`` beside the versions (the ``gh-pages`` root), relative to the page."""
    return site_root(page_url) + "../downloads/"
