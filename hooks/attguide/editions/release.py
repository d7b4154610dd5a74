"""Releasing a CSP cycle: its offline bundle, the downloads list, and the mike deployment.

``make release CYCLE=csp13`` runs :func:`release`:

1. build the cycle's offline bundle (Material's offline plugin, both languages) and zip it;
   write its SHA-256 beside it;
2. commit the bundle, its checksum and the downloads record (file, size, SHA-256, date of
   every bundle released so far, :mod:`attguide.downloads`) to ``gh-pages`` under
   ``downloads/``, so that the build in step 3 lists it with every earlier bundle;
3. ``mike deploy`` the cycle to the local ``gh-pages`` branch, with the alias ``latest``
   when it is the newest cycle deployed, and make ``latest`` the default version;
4. put the newest version's English 404 page at the root of ``gh-pages`` (static hosts
   serve ``/404.html`` for every missing address);
5. push ``gh-pages`` only when asked.

Editions (:mod:`attguide.changes`, :mod:`attguide.pdf`): before building, HEAD is tagged
with the cycle (an annotated tag, kept when it already marks HEAD), so the next cycle can
say what changed since; beside the bundle, the edition's PDFs (one per language) are
printed, recorded under the cycle's ``files:`` and published with it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import logging
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from . import changes
from ..views import downloads
from . import cycle as editions
from . import pdf, releasecheck, siteaddress, tools
from ..read import languages
from ..read.registry import Registry

log = logging.getLogger("mkdocs.plugins.attguide.release")

BRANCH = "gh-pages"


def bundle_name(cycle_id: str) -> str:
    """File name of a cycle's offline bundle."""
    return f"att-guidance-{cycle_id}-offline.zip"


def build_bundle(project: Path, cycle_id: str, out_dir: Path) -> dict:
    """Build the offline site of ``cycle_id`` and zip it; return its downloads entry."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / f"att-guidance-{cycle_id}"
        tools.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
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


def _configured(project: Path) -> dict:
    """The project's mkdocs.yml as MkDocs reads it (``!ENV`` resolved from the environment)."""
    from mkdocs.utils import yaml_load

    with open(project / "mkdocs.yml", encoding="utf-8") as file:
        return yaml_load(file) or {}


def site_url(project: Path) -> str:
    """The site's address (the root every version lives under): ``site_url`` of mkdocs.yml,
    normally ``ATT_SITE_URL``; empty when none is set."""
    return str(_configured(project).get("site_url") or "").strip()


def repo_url(project: Path) -> str:
    """The repository the pages link to (``ATT_REPO_URL``, else the origin remote), or empty."""
    repo = siteaddress.repository(_configured(project).get("repo_url"), project)
    return repo["url"] if repo else ""


@contextlib.contextmanager
def addresses(project: Path, allow_relative: bool):
    """Check the addresses a release would publish; with ``allow_relative`` build without one.

    Raises ValueError (the release stops before it tags or builds anything) when the site
    address is missing or a placeholder and ``allow_relative`` is not given, or when the
    repository address is a placeholder. Yields the site address the release uses ('' for none).
    """
    saved = os.environ.get(siteaddress.SITE_VARIABLE)
    if allow_relative:
        os.environ[siteaddress.SITE_VARIABLE] = ""  # every build of the release: no site address
    try:
        url = site_url(project)
        problems = siteaddress.release_problems(url, repo_url(project), allow_relative)
        if allow_relative and url and siteaddress.placeholder(url):
            problems.insert(0, f"mkdocs.yml sets site_url to '{url}' itself — write "
                               f"'site_url: !ENV [{siteaddress.SITE_VARIABLE}, null]' so that the host sets it")
        if problems:
            raise ValueError("the release was not published:\n  " + "\n  ".join(problems))
        yield url
    finally:
        if saved is None:
            os.environ.pop(siteaddress.SITE_VARIABLE, None)
        else:
            os.environ[siteaddress.SITE_VARIABLE] = saved


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
    args = [tools.tool("mike"), "deploy", "--title", cycle.label(languages.default()), cycle_id]
    if latest:
        args += ["latest", "--update-aliases"]
    tools.run(args, cwd=project)
    if latest:
        tools.run([tools.tool("mike"), "set-default", "latest"], cwd=project)
    return latest


def ensure_branch(project: Path) -> None:
    """Create an empty ``gh-pages`` branch when the repository has none yet."""
    if subprocess.run(["git", "rev-parse", "--verify", "--quiet", f"refs/heads/{BRANCH}"], cwd=project,
                      capture_output=True).returncode == 0:
        return
    empty = subprocess.run(["git", "hash-object", "-t", "tree", "-w", "--stdin"], cwd=project, input="",
                           capture_output=True, text=True, check=True).stdout.strip()
    commit = tools.run(["git", "commit-tree", empty, "-m", "Start the versioned site"], cwd=project).stdout.strip()
    tools.run(["git", "branch", BRANCH, commit], cwd=project)


def publish_files(project: Path, files: dict[str, bytes], message: str) -> None:
    """Commit ``files`` (path in ``gh-pages`` → content) through a temporary worktree."""
    ensure_branch(project)
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "pages"
        tools.run(["git", "worktree", "add", "--quiet", str(tree), BRANCH], cwd=project)
        try:
            for name, content in files.items():
                target = tree / name
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(content)
            tools.run(["git", "add", "--", *files], cwd=tree)
            status = tools.run(["git", "status", "--porcelain"], cwd=tree).stdout
            if status.strip():
                tools.run(["git", "commit", "--quiet", "-m", message], cwd=tree)
        finally:
            tools.run(["git", "worktree", "remove", "--force", str(tree)], cwd=project)


def publish_bundle(project: Path, out_dir: Path, entry: dict) -> list[dict]:
    """Commit a bundle and the cycle's PDFs, their checksums and the updated downloads record
    to ``gh-pages``."""
    entries = downloads.with_entry(downloads.load(project), entry)
    folder = downloads.FOLDER
    names = [entry["file"]] + [item["file"] for item in entry.get("files") or []]
    files = {f"{folder}/{name}{suffix}": (out_dir / f"{name}{suffix}").read_bytes()
             for name in names for suffix in ("", ".sha256")}
    files[downloads.RECORD] = downloads.dump(entries).encode("utf-8")
    publish_files(project, files, f"Publish {entry['file']}")
    return entries


def publish_root_404(project: Path, cycle_id: str) -> None:
    """Copy the newest version's English 404 page to the root of ``gh-pages``."""
    for folder in ("latest", cycle_id):
        shown = subprocess.run(["git", "show", f"{BRANCH}:{folder}/404.html"], cwd=project, capture_output=True)
        if shown.returncode == 0:
            publish_files(project, {"404.html": shown.stdout}, f"Root 404 page from {folder}/")
            return


def release(project: Path, registry: Registry, cycle_id: str, push: bool = False,
            out_dir: Path | None = None, allow_relative: bool = False) -> dict:
    """Bundle, record, deploy and publish one cycle; return figures for the report.

    Refuses (ValueError) a missing or placeholder site address unless ``allow_relative``:
    then nothing released carries an absolute address of the site (:func:`addresses`)."""
    if cycle_id not in registry.cycles:
        raise ValueError(f"unknown cycle '{cycle_id}' — cycles in the registry: {', '.join(registry.cycles)}")
    with addresses(project, allow_relative) as url:
        return _release(project, registry, cycle_id, push, out_dir, url)


def _release(project: Path, registry: Registry, cycle_id: str, push: bool, out_dir: Path | None,
             url: str) -> dict:
    """:func:`release` once the addresses are settled (``url``: the site's address or '')."""
    started = time.monotonic()
    tag = changes.ensure_tag(project, cycle_id, f"{registry.cycles[cycle_id].label(languages.default())}: released edition")
    out_dir = out_dir or project / "build" / "downloads"
    entry = build_bundle(project, cycle_id, out_dir)
    bundle_seconds = time.monotonic() - started
    files = pdf.build_pdfs(project, registry, cycle_id, out_dir, url)
    releasecheck.check_pdfs(out_dir, files)  # before anything is published
    pdf_seconds = time.monotonic() - started - bundle_seconds
    entry["files"] = [{k: v for k, v in f.items() if k != "seconds"} for f in files]
    publish_bundle(project, out_dir, entry)
    latest = deploy(project, registry, cycle_id)
    publish_root_404(project, cycle_id)
    if push:
        tools.run(["git", "push", "origin", BRANCH], cwd=project)
    return dict(entry, files=files, tag=tag, latest=latest, bundle_seconds=round(bundle_seconds, 1),
                pdf_seconds=round(pdf_seconds, 1),
                total_seconds=round(time.monotonic() - started, 1), released=dt.datetime.now().isoformat())
