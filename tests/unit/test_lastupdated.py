""""Last updated" dates from a real git history in a temporary repository: a committed page gets
its commit date whether it is named by its own path or through a symbolic link to its folder; a
page without history gets the build date and is counted for the warning."""

from __future__ import annotations

import datetime as dt
import os
import subprocess

import pytest

from attguide.views.lastupdated import LastUpdated

FALLBACK = dt.date(2030, 1, 1)


def _git(repo, *args, date: str | None = None):
    """Run git in ``repo`` (fixed identity; commit date ``date`` when given)."""
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")
    if date:
        env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


@pytest.fixture()
def repo(tmp_path):
    """A repository whose ``docs/a.md`` was committed on 2024-05-06 and ``docs/new.md`` never."""
    docs = tmp_path / "repo" / "docs"
    docs.mkdir(parents=True)
    (docs / "a.md").write_text("# A\n", encoding="utf-8")
    _git(docs.parent, "init", "-q")
    _git(docs.parent, "add", ".")
    _git(docs.parent, "commit", "-q", "-m", "a", date="2024-05-06T12:00:00+00:00")
    (docs / "new.md").write_text("# New\n", encoding="utf-8")
    return docs


def test_a_committed_page_has_its_commit_date(repo):
    dates = LastUpdated(repo, FALLBACK)
    assert dates.date_of(str(repo.resolve() / "a.md")) == dt.date(2024, 5, 6)
    assert dates.missing == []


def test_a_page_named_through_a_linked_folder_has_the_same_date(repo, tmp_path):
    link = tmp_path / "linked-docs"
    link.symlink_to(repo, target_is_directory=True)
    dates = LastUpdated(link, FALLBACK)
    assert dates.date_of(os.path.join(str(link), "a.md")) == dt.date(2024, 5, 6)


def test_a_page_without_history_gets_the_build_date_and_is_counted(repo):
    dates = LastUpdated(repo, FALLBACK)
    path = str(repo.resolve() / "new.md")
    assert dates.date_of(path) == FALLBACK
    assert dates.missing == [path]


def test_outside_a_repository_every_page_gets_the_build_date(tmp_path):
    docs = tmp_path / "plain"
    docs.mkdir()
    (docs / "a.md").write_text("# A\n", encoding="utf-8")
    dates = LastUpdated(docs, FALLBACK)
    assert dates.date_of(str(docs / "a.md")) == FALLBACK and not dates.shallow
