"""Addresses from configuration (hooks/attguide/editions/siteaddress.py): remotes, placeholders, citations,
feeds without an address, and what `make release` refuses."""

from __future__ import annotations

import subprocess
from types import SimpleNamespace

import pytest

from attguide.editions import siteaddress


@pytest.mark.parametrize("remote, expected", [
    ("https://github.com/owner/att-guide.git", "https://github.com/owner/att-guide"),
    ("https://github.com/owner/att-guide", "https://github.com/owner/att-guide"),
    ("git@github.com:owner/att-guide.git", "https://github.com/owner/att-guide"),
    ("ssh://git@github.com/owner/att-guide.git", "https://github.com/owner/att-guide"),
    ("https://user:ghp_secret@github.com/owner/att-guide.git", "https://github.com/owner/att-guide"),
    ("git@gitlab.com:group/sub/att-guide.git", "https://gitlab.com/group/sub/att-guide"),
    ("https://gitlab.ministry.gov/unit/att-guide.git", "https://gitlab.ministry.gov/unit/att-guide"),
    ("/srv/git/att-guide.git", None),
    ("file:///srv/git/att-guide.git", None),
    ("../att-guide", None),
    ("https://github.com/owner", None),
    ("https://github.com/owner/repo/extra", None),
    ("", None),
    (None, None),
])
def test_a_remote_names_a_repository_only_in_a_github_or_gitlab_form(remote, expected):
    assert siteaddress.repository_from_remote(remote) == expected


@pytest.mark.parametrize("url", [
    "https://att-guidance.example.org/", "https://example.com", "http://docs.example.net/att/",
    "http://localhost:8000/", "http://127.0.0.1:8000/", "https://att.test/", "https://x.invalid/",
    "https://github.com/att-guidance/att-guidance", "https://github.com/att-guidance/att-guidance.git/",
])
def test_placeholders_are_named(url):
    assert siteaddress.placeholder(url)


@pytest.mark.parametrize("url", [None, "", "https://att-guidance.internal/", "https://guidance.ministry.gov/att/",
                                 "https://github.com/some-ministry/att-guidance"])
def test_real_looking_addresses_are_not_placeholders(url):
    assert siteaddress.placeholder(url) is None


@pytest.mark.parametrize("root, fixed, page, expected", [
    # mike gives config.site_url the version without a slash; the root is taken before that.
    ("https://h.internal/", True, "e-authorization/risk-assessment/", "https://h.internal/csp13/e-authorization/risk-assessment/"),
    ("https://h.internal/guide", True, "zh/", "https://h.internal/guide/csp13/zh/"),
    ("https://h.internal/", True, "e-authorization/risk-assessment.html", "https://h.internal/csp13/e-authorization/risk-assessment/"),
    ("https://h.internal/", True, "zh/index.html", "https://h.internal/csp13/zh/"),
    ("https://h.internal/", False, "articles/article-7/", "https://h.internal/articles/article-7/"),
])
def test_the_cite_address_holds_the_version_once(root, fixed, page, expected):
    cite = siteaddress.cite(root, "csp13", fixed, page)
    assert cite == {"url": expected, "text": expected}
    assert "csp13csp13" not in cite["url"]


@pytest.mark.parametrize("fixed, page, expected", [
    (True, "e-authorization/risk-assessment/", "/csp13/e-authorization/risk-assessment/"),
    (True, "zh/articles/article-7.html", "/csp13/zh/articles/article-7/"),
    (False, "zh/e-authorization/", "/zh/e-authorization/"),
])
def test_without_an_address_the_citation_gives_the_path(fixed, page, expected):
    assert siteaddress.cite("", "csp13", fixed, page) == {"url": None, "text": expected}
    assert siteaddress.cite(None, "csp13", fixed, page)["url"] is None


def test_a_feed_without_an_address_links_relative_to_itself_with_urn_ids():
    view = {"id": "/csp13/zh/", "self": "/csp13/zh/feed.xml", "home": "/csp13/zh/",
            "entries": [{"id": "/csp12/zh/#edition", "url": "/csp12/zh/"},
                        {"id": "/csp13/zh/e/x/#csp13", "url": "/csp13/zh/e/x/"}]}
    feed = siteaddress.relative_feed(view)
    assert feed["self"] == "feed.xml" and feed["home"] == "./"
    assert [e["url"] for e in feed["entries"]] == ["../../csp12/zh/", "e/x/"]
    ids = [feed["id"]] + [e["id"] for e in feed["entries"]]
    assert all(i.startswith("urn:uuid:") for i in ids) and len(set(ids)) == 3
    assert siteaddress.relative_feed(view)["id"] == feed["id"]  # stable from build to build


def test_release_refuses_no_address_and_placeholders_unless_told():
    assert "no site address is set" in siteaddress.release_problems(None, None, False)[0]
    assert "is a placeholder" in siteaddress.release_problems("https://att-guidance.example.org/", None, False)[0]
    assert siteaddress.release_problems(None, None, True) == []
    assert siteaddress.release_problems("https://att-guidance.internal/", None, False) == []
    repo = siteaddress.release_problems("https://att-guidance.internal/",
                                        "https://github.com/att-guidance/att-guidance", True)
    assert len(repo) == 1 and "repository address" in repo[0]


def _config(tmp_path, site_url=None, repo_url=None):
    return SimpleNamespace(site_url=site_url, repo_url=repo_url, repo_name="x", edit_uri="edit/master/docs/",
                           edit_uri_template=None, config_file_path=str(tmp_path / "mkdocs.yml"))


def test_settle_without_a_repository_clears_every_repository_link(tmp_path):
    subprocess.run(["git", "init", "--quiet"], cwd=tmp_path, check=True)  # a checkout without a remote
    config = _config(tmp_path, site_url="")
    assert siteaddress.settle(config) is None
    assert (config.site_url, config.repo_url, config.repo_name, config.edit_uri) == (None, None, None, None)


def test_settle_takes_the_origin_remote_and_the_edit_branch(tmp_path, monkeypatch):
    subprocess.run(["git", "init", "--quiet"], cwd=tmp_path, check=True)
    subprocess.run(["git", "remote", "add", "origin", "git@gitlab.com:unit/att-guide.git"], cwd=tmp_path, check=True)
    monkeypatch.setenv(siteaddress.BRANCH_VARIABLE, "published")
    config = _config(tmp_path)
    repo = siteaddress.settle(config)
    assert config.repo_url == "https://gitlab.com/unit/att-guide" and config.repo_name == "unit/att-guide"
    assert config.edit_uri == "-/edit/published/docs/"
    assert repo["issues"] == "https://gitlab.com/unit/att-guide/-/issues/new" and repo["service"] == "GitLab"
    # ATT_REPO_URL (config.repo_url) wins over the remote.
    config = _config(tmp_path, repo_url="https://github.com/owner/att-guide/")
    assert siteaddress.settle(config)["issues"] == "https://github.com/owner/att-guide/issues/new/choose"
    assert config.edit_uri == "edit/published/docs/"


def test_a_pdf_without_an_address_keeps_links_to_pages_not_printed_as_text():
    from attguide.editions import pdf

    body = '<p><a href="../tools/first-year.html#x">first year</a> <a href="risk.html">risk</a></p>'
    anchors = {"e-authorization/risk.html": "p3"}
    printed = pdf.rewrite(body, "e-authorization/index.html", "p2", anchors, "")
    assert '<a data-att-online="">first year</a>' in printed
    assert 'href="#p3"' in printed  # links inside the document stay
    online = pdf.rewrite(body, "e-authorization/index.html", "p2", anchors, "https://h.internal/csp13/")
    assert 'href="https://h.internal/csp13/tools/first-year/#x"' in online
