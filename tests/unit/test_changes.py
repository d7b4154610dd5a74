"""Unit tests of hooks/attguide/changes.py: sections, page diffs, tags and trees in git."""

from __future__ import annotations

import os
import subprocess

import pytest

from attguide.editions import changes, feeds

PAGE = """---
phase: e
---

# Risk assessment

Opening words.

## Criteria {#criteria}

Article 7 criteria.

## Sources

A list.
"""


def test_sections_split_under_headings_and_ignore_headings_in_code():
    body = "# T\n\nIntro.\n\n## A\n\ntext\n\n```\n## not a heading\n```\n\n## B {#b}\n\nmore\n"
    assert [h for h, _ in changes.sections(body)] == ["", "A", "B"]


def test_diff_sections_names_changed_added_and_removed_headings():
    new = PAGE.replace("Article 7 criteria.", "Article 7 criteria, revised.").replace("## Sources\n\nA list.\n", "## Practice\n\nNew.\n")
    assert changes.diff_sections(PAGE, new) == (["Criteria"], ["Practice"], ["Sources"])


def test_diff_pages_ignores_front_matter_and_reports_per_language():
    old = {"e/a.md": PAGE, "e/a.zh.md": PAGE, "e/gone.md": PAGE, "changes.md": "# x\n"}
    new = {"e/a.md": PAGE.replace("phase: e", "phase: e\nstatus: draft"),
           "e/a.zh.md": PAGE + "\nAdded line.\n", "e/new.md": PAGE, "changes.md": "# y\n"}
    found = changes.diff_pages(old, new)
    assert set(found["en"]) == {"e/gone.md", "e/new.md"}
    assert found["en"]["e/gone.md"].kind == changes.REMOVED and found["en"]["e/new.md"].kind == changes.ADDED
    assert found["zh"]["e/a.md"].kind == changes.CHANGED and found["zh"]["e/a.md"].changed == ["Sources"]
    assert found["zh"]["e/a.md"].title == "Risk assessment"


def test_summary_counts_in_both_languages():
    change = changes.PageChange("e/a.md", "en", changes.CHANGED, changed=["A", "B", "C"], added=["D", "E"])
    en = {"changes_sections_changed": "{n} sections changed", "changes_sections_changed_one": "{n} section changed",
          "changes_more_added": "{n} added", "changes_more_removed": "{n} removed", "changes_list_separator": ", ",
          "changes_wording_only": "layout only"}
    assert feeds._summary(change, en) == "3 sections changed, 2 added"


def _git(args, cwd):
    env = dict(os.environ, GIT_AUTHOR_NAME="T", GIT_AUTHOR_EMAIL="t@example.org",
               GIT_COMMITTER_NAME="T", GIT_COMMITTER_EMAIL="t@example.org")
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path, monkeypatch):
    for key, value in (("GIT_AUTHOR_NAME", "T"), ("GIT_AUTHOR_EMAIL", "t@example.org"),
                       ("GIT_COMMITTER_NAME", "T"), ("GIT_COMMITTER_EMAIL", "t@example.org")):
        monkeypatch.setenv(key, value)
    docs = tmp_path / "docs"
    (docs / "e").mkdir(parents=True)
    (docs / "e" / "a.md").write_text(PAGE, encoding="utf-8")
    (docs / "e" / "a.zh.md").write_text("# 风险评估\n\n中文。\n", encoding="utf-8")
    (docs / "logo.png").write_bytes(b"\x89PNG")
    _git(["init", "--quiet"], tmp_path)
    _git(["add", "-A"], tmp_path)
    _git(["commit", "--quiet", "-m", "one"], tmp_path)
    return tmp_path


def test_tree_texts_reads_every_markdown_page_of_a_revision(repo):
    texts = changes.tree_texts(repo, "HEAD", "docs/")
    assert texts == {"e/a.md": PAGE, "e/a.zh.md": "# 风险评估\n\n中文。\n"}


def test_ensure_tag_creates_an_annotated_tag_keeps_it_on_head_and_refuses_another_commit(repo):
    assert changes.ensure_tag(repo, "csp12", "CSP12 edition") == "created"
    assert _git(["cat-file", "-t", "csp12"], repo).strip() == "tag"
    assert changes.ensure_tag(repo, "csp12", "CSP12 edition") == "kept"
    (repo / "docs" / "e" / "a.md").write_text(PAGE + "\nMore.\n", encoding="utf-8")
    _git(["commit", "--quiet", "-am", "two"], repo)
    with pytest.raises(ValueError, match="already marks commit"):
        changes.ensure_tag(repo, "csp12", "CSP12 edition")


def test_repository_of_finds_the_docs_folder_inside_the_work_tree(repo):
    top, prefix = changes.repository_of(repo / "docs")
    assert top.resolve() == repo.resolve() and prefix == "docs/"


def test_repository_of_is_none_outside_git(tmp_path):
    assert changes.repository_of(tmp_path) is None or changes.repository_of(tmp_path)[0] != tmp_path


def test_edition_url():
    assert feeds.edition_url("https://x.org/", "csp13", True) == "https://x.org/csp13/"
    assert feeds.edition_url("https://x.org", "csp13", False) == "https://x.org/"
