"""Releasing a CSP cycle: its offline bundle, the downloads list, and the mike deployment.

``make release CYCLE=csp13`` runs :func:`release`:

1. build the cycle's offline bundle (Material's offline plugin, both languages) and zip it;
   write its SHA-256 beside it;
2. record the bundle (file, size, SHA-256, date) in ``data/downloads.yml``, which the
   Downloads page lists;
3. ``mike deploy`` the cycle to the local ``gh-pages`` branch, with the alias ``latest``
   when it is the newest cycle deployed, and make ``latest`` the default version;
4. add the bundle and its checksum to ``gh-pages`` under ``downloads/``;
5. push ``gh-pages`` only when asked.

Editions (:mod:`attguide.changes`, :mod:`attguide.pdf`): before building, HEAD is tagged
with the cycle (an annotated tag, kept when it already marks HEAD), so the next cycle can
say what changed since; beside the bundle, the edition's PDFs (one per language) are
printed, recorded under the cycle's ``files:`` and published with it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import yaml

from . import changes, editions, pdf
from .registry import Registry

log = logging.getLogger("mkdocs.plugins.attguide.release")

DOWNLOADS_RELATIVE = Path("hooks") / "attguide" / "data" / "downloads.yml"
DOWNLOADS_PATH = Path(__file__).parent / "data" / "downloads.yml"
BRANCH = "gh-pages"


def bundle_name(cycle_id: str) -> str:
    """File name of a cycle's offline bundle."""
    return f"att-guidance-{cycle_id}-offline.zip"


def _env(**extra) -> dict:
    """The environment for mkdocs and mike: quiet warnings, the project's mkdocs first."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **extra)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    return env


def _tool(name: str) -> str:
    """A console script installed beside the running Python (mike, mkdocs)."""
    return str(Path(sys.executable).parent / name)


def _run(args: list[str], cwd: Path, **extra) -> subprocess.CompletedProcess:
    """Run a command, failing loudly with its output."""
    result = subprocess.run(args, cwd=cwd, env=_env(**extra), capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result


def build_bundle(project: Path, cycle_id: str, out_dir: Path) -> dict:
    """Build the offline site of ``cycle_id`` and zip it; return its downloads entry."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / f"att-guidance-{cycle_id}"
        _run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
             cwd=project, ATT_OFFLINE="true", ATT_CYCLE=cycle_id)
        archive = out_dir / bundle_name(cycle_id)
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zipped:
            for path in sorted(site.rglob("*")):
                if path.is_file():
                    zipped.write(path, path.relative_to(site.parent).as_posix())
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    (out_dir / (archive.name + ".sha256")).write_text(f"{digest}  {archive.name}\n", encoding="utf-8")
    return {"cycle": cycle_id, "file": archive.name, "size": archive.stat().st_size,
            "sha256": digest, "date": editions.build_date().isoformat()}


def record_download(entry: dict, path: Path = DOWNLOADS_PATH) -> list[dict]:
    """Put ``entry`` in the downloads list (one per cycle, newest cycle first)."""
    entries = load_downloads(path)
    entries = [e for e in entries if e["cycle"] != entry["cycle"]] + [entry]
    entries.sort(key=lambda e: int("".join(ch for ch in e["cycle"] if ch.isdigit()) or 0), reverse=True)
    header = ("# Offline bundles published by `make release`: one entry per CSP cycle.\n"
              "# Written by the release command; the Downloads page lists them.\n")
    path.write_text(header + yaml.safe_dump({"downloads": entries}, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    return entries


def load_downloads(path: Path = DOWNLOADS_PATH) -> list[dict]:
    """The recorded bundles (empty when none)."""
    if not path.exists():
        return []
    return list((yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("downloads") or [])


def site_url(project: Path) -> str:
    """The ``site_url`` of the project's mkdocs.yml (the root every version lives under)."""
    for line in (project / "mkdocs.yml").read_text(encoding="utf-8").splitlines():
        if line.startswith("site_url:"):
            return line.split(":", 1)[1].strip().strip("'\"")
    return ""


def deployed_versions(project: Path) -> list[dict]:
    """mike's versions.json on the local gh-pages branch (empty when none)."""
    result = subprocess.run(["git", "show", f"{BRANCH}:versions.json"], cwd=project,
                            capture_output=True, text=True)
    return json.loads(result.stdout) if result.returncode == 0 else []


def deploy(project: Path, registry: Registry, cycle_id: str) -> bool:
    """``mike deploy`` the cycle (alias ``latest`` if newest); return whether it is latest."""
    cycle = registry.cycles[cycle_id]
    numbers = [registry.cycles[v["version"]].number for v in deployed_versions(project)
               if v["version"] in registry.cycles]
    latest = cycle.number >= max(numbers, default=0)
    args = [_tool("mike"), "deploy", "--title", cycle.label("en"), cycle_id]
    if latest:
        args += ["latest", "--update-aliases"]
    _run(args, cwd=project)
    if latest:
        _run([_tool("mike"), "set-default", "latest"], cwd=project)
    return latest


def publish_files(project: Path, files: list[Path], folder: str = "downloads") -> None:
    """Commit ``files`` into ``gh-pages`` under ``folder`` (through a temporary worktree)."""
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "pages"
        _run(["git", "worktree", "add", "--quiet", str(tree), BRANCH], cwd=project)
        try:
            target = tree / folder
            target.mkdir(exist_ok=True)
            for file in files:
                shutil.copy2(file, target / file.name)
            _run(["git", "add", folder], cwd=tree)
            status = _run(["git", "status", "--porcelain"], cwd=tree).stdout
            if status.strip():
                _run(["git", "commit", "--quiet", "-m", f"Publish {', '.join(f.name for f in files)}"], cwd=tree)
        finally:
            _run(["git", "worktree", "remove", "--force", str(tree)], cwd=project)


def release(project: Path, registry: Registry, cycle_id: str, push: bool = False,
            out_dir: Path | None = None) -> dict:
    """Bundle, record, deploy and publish one cycle; return figures for the report."""
    if cycle_id not in registry.cycles:
        raise ValueError(f"unknown cycle '{cycle_id}' — cycles in the registry: {', '.join(registry.cycles)}")
    started = time.monotonic()
    tag = changes.ensure_tag(project, cycle_id, f"{registry.cycles[cycle_id].label('en')}: released edition")
    out_dir = out_dir or project / "build" / "downloads"
    entry = build_bundle(project, cycle_id, out_dir)
    bundle_seconds = time.monotonic() - started
    files = pdf.build_pdfs(project, registry, cycle_id, out_dir, site_url(project))
    pdf_seconds = time.monotonic() - started - bundle_seconds
    entry["files"] = [{k: v for k, v in f.items() if k != "seconds"} for f in files]
    record_download(entry, project / DOWNLOADS_RELATIVE)
    latest = deploy(project, registry, cycle_id)
    published = [out_dir / entry["file"]] + [out_dir / f["file"] for f in files]
    publish_files(project, [p for path in published for p in (path, path.with_name(path.name + ".sha256"))])
    if push:
        _run(["git", "push", "origin", BRANCH], cwd=project)
    return dict(entry, files=files, tag=tag, latest=latest, bundle_seconds=round(bundle_seconds, 1),
                pdf_seconds=round(pdf_seconds, 1),
                total_seconds=round(time.monotonic() - started, 1), released=dt.datetime.now().isoformat())
