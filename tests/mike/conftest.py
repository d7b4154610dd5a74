"""A temporary git repository with two CSP cycles released through `make release`'s command."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from attguide.editions import translations
from support import ROOT

COPIED = ("docs", "hooks", "overrides", "mkdocs.yml", "pyproject.toml")


def git(args: list[str], cwd: Path) -> str:
    """Run git quietly in ``cwd``; return its output."""
    env = dict(os.environ, GIT_AUTHOR_NAME="Test", GIT_AUTHOR_EMAIL="test@example.org",
               GIT_COMMITTER_NAME="Test", GIT_COMMITTER_EMAIL="test@example.org")
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True,
                          text=True).stdout


def release(repo: Path, cycle: str) -> str:
    """Release a cycle with the project's own command, in the temporary repository."""
    env = dict(os.environ, PYTHONPATH=str(repo / "hooks"), NO_MKDOCS_2_WARNING="1",
               GIT_AUTHOR_NAME="Test", GIT_AUTHOR_EMAIL="test@example.org",
               GIT_COMMITTER_NAME="Test", GIT_COMMITTER_EMAIL="test@example.org")
    result = subprocess.run([sys.executable, "-m", "attguide.cli", "release", cycle], cwd=repo,
                            env=env, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.fixture(scope="session")
def released(tmp_path_factory):
    """csp12 released, a fresh checkout, a page changed, csp13 released; gh-pages checked out.

    ``ATT_RELEASED_PAGES=path`` reuses a gh-pages tree already exported there.
    """
    if os.environ.get("ATT_RELEASED_PAGES"):
        return {"repo": None, "pages": Path(os.environ["ATT_RELEASED_PAGES"]), "output": ""}
    repo = tmp_path_factory.mktemp("repo")
    for name in COPIED:
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, repo / name)
    downloads = repo / "hooks" / "attguide" / "data" / "downloads.yml"
    if downloads.exists():
        downloads.unlink()
    git(["init", "--quiet", "--initial-branch", "main"], repo)
    git(["add", "-A"], repo)
    git(["commit", "--quiet", "-m", "csp12 content"], repo)
    first = release(repo, "csp12")
    # Each release starts from a fresh checkout, as on a CI runner: nothing the first
    # release left outside git (bundles, any downloads list) survives, only gh-pages.
    git(["clean", "-fdxq"], repo)
    # Two topic pages change between the cycles: risk assessment in both languages (its
    # translation marked as following), mitigation in English only (its translation falls behind).
    for name, text in (("risk-assessment.md", "\nMarker: revised in the CSP13 cycle.\n"),
                       ("risk-assessment.zh.md", "\n标记：CSP13周期修订。\n"),
                       ("mitigation.md", "\nMarker: mitigation revised in the CSP13 cycle.\n")):
        page = repo / "docs" / "e-authorization" / name
        page.write_text(page.read_text(encoding="utf-8") + text, encoding="utf-8")
    translations.mark(repo / "docs", "e-authorization/risk-assessment.md")
    git(["commit", "--quiet", "-am", "csp13 content"], repo)
    second = release(repo, "csp13")
    pages = tmp_path_factory.mktemp("gh-pages")
    archive = subprocess.run(["git", "archive", "gh-pages"], cwd=repo, check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(pages)], input=archive, check=True)
    return {"repo": repo, "pages": pages, "output": first + second}


@pytest.fixture(scope="session")
def unzipped_bundle(released, tmp_path_factory):
    """The csp13 offline bundle, unzipped."""
    folder = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(released["pages"] / "downloads" / "att-guidance-csp13-offline.zip") as bundle:
        bundle.extractall(folder)
    return folder / "att-guidance-csp13"
