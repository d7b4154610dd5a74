"""Shared test helpers: running mkdocs, fixture sites, the system Chromium."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
BUILD_LOG = "build.log"  # beside the built site of a session: MkDocs' output of that build
FIXTURES = ROOT / "tests" / "fixtures"
ARTIFACTS = ROOT / "tests" / "artifacts"
MKDOCS = [sys.executable, "-m", "mkdocs"]


def run_mkdocs(args: list[str], cwd: Path, timeout: int = 600) -> subprocess.CompletedProcess:
    """Run mkdocs in ``cwd`` with the project's Python; output captured as text."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")
    return subprocess.run(MKDOCS + args, cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=timeout)


def build_site_or_report(site: Path) -> bool:
    """Strict build of the project into ``site``; on failure print MkDocs' output, return False."""
    built = run_mkdocs(["build", "--strict", "--site-dir", str(site)], cwd=ROOT)
    if built.returncode != 0:
        sys.stdout.write(built.stdout + built.stderr)
    return built.returncode == 0


def make_fixture_site(tmp_path: Path, case: str | None = None, base: str = "base") -> Path:
    """Copy a valid fixture site (``base``), apply a case's edits (case.yml), return the folder."""
    site = tmp_path / "site-src"
    shutil.copytree(FIXTURES / base, site)
    config = (site / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("OVERRIDES", str(ROOT / "overrides")).replace(
        "HOOK", str(ROOT / "hooks" / "att_hooks.py"))
    # Fixtures and the hostile corpus build with the production Markdown extensions.
    config = re.sub(r"(?m)^markdown_extensions:.*$", production_extensions(), config, count=1)
    (site / "mkdocs.yml").write_text(config, encoding="utf-8")
    if case:
        apply_case(site, load_case(case))
    return site


def production_extensions() -> str:
    """The ``markdown_extensions:`` block of the project's own mkdocs.yml, as text."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    found = re.search(r"(?m)^markdown_extensions:\n(?:[ \t]+.*\n|\n(?=[ \t]))+", text)
    assert found, "mkdocs.yml has no markdown_extensions block"
    return found.group(0).rstrip("\n")


def load_case(case: str) -> dict:
    """The edits and expectations of one fixture case."""
    return yaml.safe_load((FIXTURES / case / "case.yml").read_text(encoding="utf-8"))


def apply_case(site: Path, spec: dict) -> None:
    """Write, replace-in and delete files of a fixture site as a case says."""
    for rel, text in (spec.get("write") or {}).items():
        path = site / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for rel, pairs in (spec.get("replace") or {}).items():
        path = site / rel
        text = path.read_text(encoding="utf-8")
        for old, new in pairs:
            assert old in text, f"{rel} has no {old!r}"
            text = text.replace(old, new, 1)
        path.write_text(text, encoding="utf-8")
    for rel in spec.get("delete") or []:
        (site / rel).unlink()


def chromium_path() -> str:
    """The system Chromium: $CHROMIUM, else /usr/bin/chromium."""
    return os.environ.get("CHROMIUM", "/usr/bin/chromium")


CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-quic"]
