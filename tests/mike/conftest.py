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
from mike_support import SITE_URL, git
from support import ROOT

COPIED = ("docs", "hooks", "overrides", "mkdocs.yml", "pyproject.toml")
def run_release(repo: Path, cycle: str, *options: str, site_url: str | None = SITE_URL,
                repo_url: str | None = None) -> subprocess.CompletedProcess:
    """Run `make release`'s command in the temporary repository with these addresses."""
    env = dict(os.environ, PYTHONPATH=str(repo / "hooks"), NO_MKDOCS_2_WARNING="1",
               GIT_AUTHOR_NAME="Test", GIT_AUTHOR_EMAIL="test@example.org",
               GIT_COMMITTER_NAME="Test", GIT_COMMITTER_EMAIL="test@example.org")
    for name, value in (("ATT_SITE_URL", site_url), ("ATT_REPO_URL", repo_url)):
        env.pop(name, None)
        if value is not None:
            env[name] = value
    return subprocess.run([sys.executable, "-m", "attguide.cli", "release", cycle, *options], cwd=repo,
                          env=env, capture_output=True, text=True, timeout=900)


def release(repo: Path, cycle: str, *options: str, site_url: str | None = SITE_URL) -> str:
    """Release a cycle with the project's own command, in the temporary repository."""
    result = run_release(repo, cycle, *options, site_url=site_url)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def new_repo(tmp_path_factory, name: str = "repo") -> Path:
    """A temporary git repository holding a copy of the project (no downloads record)."""
    repo = tmp_path_factory.mktemp(name)
    for item in COPIED:
        source = ROOT / item
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, repo / item)
    downloads = repo / "hooks" / "attguide" / "data" / "downloads.yml"
    if downloads.exists():
        downloads.unlink()
    git(["init", "--quiet", "--initial-branch", "main"], repo)
    git(["add", "-A"], repo)
    git(["commit", "--quiet", "-m", "csp12 content"], repo)
    return repo


def export_pages(repo: Path, folder: Path) -> Path:
    """The gh-pages tree of ``repo``, exported into ``folder``."""
    archive = subprocess.run(["git", "archive", "gh-pages"], cwd=repo, check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder


@pytest.fixture(scope="session")
def released(tmp_path_factory):
    """csp12 released, a fresh checkout, a page changed, csp13 released; gh-pages checked out.

    ``ATT_RELEASED_PAGES=path`` reuses a gh-pages tree already exported there.
    """
    if os.environ.get("ATT_RELEASED_PAGES"):
        return {"repo": None, "pages": Path(os.environ["ATT_RELEASED_PAGES"]), "output": ""}
    repo = new_repo(tmp_path_factory)
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
    pages = export_pages(repo, tmp_path_factory.mktemp("gh-pages"))
    return {"repo": repo, "pages": pages, "output": first + second}


@pytest.fixture(scope="session")
def released_without_address(tmp_path_factory):
    """csp12 released with ALLOW_RELATIVE=1 (no site address); the refusals tried first."""
    repo = new_repo(tmp_path_factory, "repo-relative")
    refused = {"none": run_release(repo, "csp12", site_url=None),
               "placeholder": run_release(repo, "csp12", site_url="https://att-guidance.example.org/"),
               "localhost": run_release(repo, "csp12", site_url="http://localhost:8000/"),
               "repository": run_release(repo, "csp12", repo_url="https://github.com/att-guidance/att-guidance")}
    tags = git(["tag", "--list"], repo)
    output = release(repo, "csp12", "--no-absolute-addresses", site_url="https://att-guidance.example.org/")
    pages = export_pages(repo, tmp_path_factory.mktemp("gh-pages-relative"))
    return {"repo": repo, "pages": pages, "output": output, "refused": refused, "tags_after_refusals": tags}


@pytest.fixture(scope="session")
def unzipped_bundle(released, tmp_path_factory):
    """The csp13 offline bundle, unzipped."""
    folder = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(released["pages"] / "downloads" / "att-guidance-csp13-offline.zip") as bundle:
        bundle.extractall(folder)
    return folder / "att-guidance-csp13"
