"""Reader pages of the real site, built without and with a configured address and repository.

Without ATT_SITE_URL / ATT_REPO_URL (and no origin remote naming a repository) no page shows an
address or a repository link that nobody configured; with them, citations, edit links, the header
repository link, the issue forms, the sitemap and the feeds use exactly the configured values.
Every reader page, in both languages, is also checked for instructions meant for contributors.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from html import unescape
from pathlib import Path

import pytest

from support import ROOT

pytestmark = [pytest.mark.slow]

SITE_URL = "https://att-guidance.internal/guide/"
REPO_URL = "https://github.com/some-ministry/att-guide"
VARIABLES = ("ATT_SITE_URL", "ATT_REPO_URL", "ATT_REPO_BRANCH")
# Addresses no reader page may show: reserved example hosts and the drafting placeholders.
UNCONFIGURED = re.compile(r"att-guidance\.example|example\.(?:org|com|net)\b|github\.com/att-guidance|"
                          r"localhost|127\.0\.0\.1")
# Pages for contributors, deliberately out of the main navigation (mkdocs.yml, footer).
CONTRIBUTOR_PAGES = ("translations/",)
# Words meant for contributors, or version-control words, that a reader page must not carry.
CONTRIBUTOR_WORDS = re.compile(
    r"CONTRIBUTING|pull request|merge request|front matter|\bMarkdown\b|\bdocs/|\b[\w-]+\.(?:md|yml)\b|"
    r"\bgit\b|\bcommit (?:hash|id|message)|\bthe tree\b|\bseed\b|\brepository\b|"
    r"\bcontributors?\b|\bmkdocs\b|"
    r"代码库|仓库|前置元数据|页面头部元数据|合并请求|拉取请求|贡献者|注册表")
_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(?P<body>.*?)</article>', re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_CODE = re.compile(r"<code>(.*?)</code>")


def build(out: Path, **variables: str) -> Path:
    """A strict build of the project into ``out`` with exactly these address variables."""
    env = {k: v for k, v in os.environ.items() if k not in VARIABLES}
    env.update(variables, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)], cwd=ROOT,
                            env=env, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="module")
def plain_site(built_site, tmp_path_factory):
    """The site with no address and no repository configured (the session's site when it is one)."""
    if not any(os.environ.get(name) for name in VARIABLES):
        return built_site
    return build(tmp_path_factory.mktemp("plain") / "site")


@pytest.fixture(scope="module")
def configured_site(tmp_path_factory):
    return build(tmp_path_factory.mktemp("configured") / "site", ATT_SITE_URL=SITE_URL, ATT_REPO_URL=REPO_URL)


def html(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def reader_pages(site: Path):
    """Every page a reader reaches, both languages (the contributor pages and error pages apart)."""
    for path in sorted(site.rglob("index.html")):
        rel = path.parent.relative_to(site).as_posix() + "/"
        rel = "" if rel == "./" else rel
        if any(rel.removeprefix("zh/").startswith(page) for page in CONTRIBUTOR_PAGES):
            continue
        yield rel, path.read_text(encoding="utf-8")


def test_no_page_shows_an_address_nobody_configured(plain_site):
    found = []
    for path in sorted(plain_site.rglob("*")):
        if path.suffix in (".html", ".xml", ".json", ".js", ".txt") and path.is_file():
            match = UNCONFIGURED.search(path.read_text(encoding="utf-8", errors="replace"))
            if match and "assets/javascripts/bundle" not in path.as_posix():
                found.append(f"{path.relative_to(plain_site)}: {match.group(0)}")
    assert not found, found[:20]
    assert not (plain_site / "sitemap.xml").exists() and not (plain_site / "sitemap.xml.gz").exists()


@pytest.mark.parametrize("lang", ["", "zh/"])
def test_without_an_address_the_citation_gives_the_page_path_and_no_link(plain_site, lang):
    page = html(plain_site, f"{lang}e-authorization/risk-assessment")
    cite = re.search(r'<aside class="att-cite".*?</aside>', page, re.DOTALL).group(0)
    assert "<a " not in cite
    assert _CODE.search(cite).group(1) == f"/{lang}e-authorization/risk-assessment/"
    assert f"/{lang}e-authorization/risk-assessment/" in re.search(r'att-cite__text">(.*?)</p>', cite, re.DOTALL).group(1)


@pytest.mark.parametrize("lang", ["", "zh/"])
def test_without_a_repository_there_is_no_repository_edit_or_issue_link(plain_site, lang):
    for path in ("", "e-authorization/risk-assessment", "articles/article-7"):
        page = html(plain_site, lang + path)
        assert 'class="md-source' not in page, path
        assert "md-content__button" not in page, path  # Material's edit button
        assert "/issues/new" not in page and "att-footer__feedback" not in page, path


def test_without_an_address_feeds_link_relative_with_urn_ids(plain_site):
    feed = (plain_site / "feed.xml").read_text(encoding="utf-8")
    assert re.search(r"<id>urn:uuid:[0-9a-f-]{36}</id>", feed)
    assert 'href="feed.xml"' in feed and "://" not in re.sub(r'xmlns(:\w+)?="[^"]+"', "", feed)


@pytest.mark.parametrize("lang", ["", "zh/"])
def test_configured_addresses_are_used_exactly(configured_site, lang):
    page = html(configured_site, f"{lang}e-authorization/risk-assessment")
    cite = re.search(r'<aside class="att-cite".*?</aside>', page, re.DOTALL).group(0)
    expected = f"{SITE_URL}{lang}e-authorization/risk-assessment/"
    assert f'<dd><a href="{expected}">{expected}</a></dd>' in cite
    assert f'<a href="{REPO_URL}" title=' in page  # the header's repository link
    source = "risk-assessment.zh.md" if lang else "risk-assessment.md"
    assert f'href="{REPO_URL}/edit/main/docs/e-authorization/{source}"' in page
    issues = re.search(r'<a href="([^"]+)">([^<]+)</a>\s*</li>', page[page.index("att-footer__feedback"):])
    assert issues.group(1) == f"{REPO_URL}/issues/new/choose" and "GitHub" in unescape(issues.group(2))


def test_configured_sitemap_and_feed_are_absolute_under_the_address(configured_site):
    sitemap = (configured_site / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert len(locs) > 100 and all(loc.startswith(SITE_URL) for loc in locs)
    feed = (configured_site / "zh" / "feed.xml").read_text(encoding="utf-8")
    assert f'<link rel="self" type="application/atom+xml" href="{SITE_URL}zh/feed.xml"/>' in feed


def test_reader_pages_carry_no_instructions_for_contributors(plain_site):
    found = []
    for rel, page in reader_pages(plain_site):
        match = _ARTICLE.search(page)
        text = unescape(_TAG.sub(" ", match.group("body"))) if match else ""
        for hit in CONTRIBUTOR_WORDS.finditer(text):
            found.append(f"{rel or '/'}: …{text[max(0, hit.start() - 60):hit.end() + 30].strip()}…")
    assert not found, "\n".join(found[:40])


def test_the_cross_cutting_function_shows_no_presentation_target(plain_site):
    for lang in ("", "zh/"):
        assert "att-coverage" not in html(plain_site, f"{lang}cooperation")
        assert "att-coverage" in html(plain_site, f"{lang}e-authorization")
    # The presentations dashboard lists the function's presentations without marking a gap.
    for lang in ("", "zh/"):
        rows = re.findall(r"<tr>.*?</tr>", html(plain_site, f"{lang}presentations"), re.DOTALL)
        cooperation = [row for row in rows if 'cooperation/"' in row]
        assert len(cooperation) == 1 and "att-gap" not in cooperation[0]
        assert any("att-gap" in row for row in rows if row not in cooperation)


def test_generated_presentation_lines_use_chinese_punctuation(plain_site):
    page = html(plain_site, "zh/e-authorization")
    section = re.search(r'<section class="att-generated att-phase-presentations".*?</section>', page, re.DOTALL).group(0)
    text = unescape(_TAG.sub("", section))
    assert "。" in text and not re.search(r"[\u4e00-\u9fff]\s*\.", text) and not re.search(r"。 +\S", text), text
