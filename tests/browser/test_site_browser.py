"""Browser tests in Chromium: language switching, search per language, local-only requests."""

from __future__ import annotations

from urllib.parse import urlsplit

from browser_support import search_results

import pytest

pytestmark = pytest.mark.browser


def switch_language(page, lang: str) -> None:
    """Open the language menu and choose ``lang``."""
    page.hover(".md-header__option .md-select")
    page.click(f'.md-select__link[hreflang="{lang}"]')
    page.wait_for_load_state()


def test_switch_language_on_a_nested_page_and_back(page, site_url):
    page.goto(site_url + "e-authorization/risk-assessment/")
    assert page.get_attribute("html", "lang") == "en"
    switch_language(page, "zh")
    assert page.url == site_url + "zh/e-authorization/risk-assessment/"
    assert page.get_attribute("html", "lang") == "zh"
    assert page.inner_text("h1").rstrip("¶") == "风险评估"
    switch_language(page, "en")
    assert page.url == site_url + "e-authorization/risk-assessment/"


def search(page, query: str) -> list[str]:
    """Type ``query`` into the search box; return the result links."""
    hrefs = search_results(page, query)
    return [urlsplit(href).path for href in hrefs]


def test_chinese_query_finds_the_chinese_page(page, site_url):
    page.goto(site_url + "zh/")
    results = search(page, "风险评估")
    assert any(url.endswith("/zh/e-authorization/risk-assessment/") for url in results), results
    assert all("/zh/" in url for url in results), results


def test_english_query_finds_english_pages_only(page, site_url):
    page.goto(site_url)
    results = search(page, "risk assessment")
    assert any(url.endswith("/e-authorization/risk-assessment/") for url in results), results
    assert not any("/zh/" in url for url in results), results


@pytest.mark.parametrize("path", ["", "zh/", "e-authorization/risk-assessment/",
                                  "zh/articles/matrix/"])
def test_every_request_stays_on_the_local_origin(page, site_url, path):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site_url + path, wait_until="networkidle")
    page.fill("input.md-search__input", "treaty")  # loads the search worker and index
    page.wait_for_timeout(1000)
    origin = urlsplit(site_url).netloc
    foreign = [url for url in requests
               if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc != origin]
    assert requests and not foreign, foreign


@pytest.mark.parametrize("path, index", [("e-authorization/risk-assessment/", "search/search_index.json"),
                                         ("zh/e-authorization/risk-assessment/", "zh/search/search_index.json")])
def test_search_index_loads_only_when_the_reader_reaches_for_search(page, site_url, path, index):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site_url + path, wait_until="networkidle")
    page.wait_for_timeout(500)
    assert site_url + index not in requests, "the index was downloaded before any search"
    # Keyboard only: the theme's "/" shortcut focuses the search field.
    page.keyboard.press("/")
    page.wait_for_function("() => performance.getEntriesByType('resource')"
                           ".some(e => e.name.endsWith('search_index.json'))", timeout=10000)
    assert requests.count(site_url + index) == 1, requests
    query = "风险评估" if path.startswith("zh/") else "risk assessment"
    assert any(url.endswith(path) for url in search(page, query))


def test_a_search_link_with_a_query_loads_the_index_at_once(page, site_url):
    page.goto(site_url + "zh/?q=风险评估", wait_until="networkidle")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    assert page.is_visible(".md-search-result__item")


PAGE_TYPES = {"home": "", "phase": "e-authorization/", "topic": "e-authorization/risk-assessment/",
              "article": "articles/article-7/", "matrix": "articles/matrix/", "glossary": "glossary/",
              "downloads": "downloads/", "not found": "404.html"}


@pytest.mark.parametrize("lang", ["", "zh/"])
@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_no_request_fails_on_any_page_type(page, site_url, kind, lang):
    """Guards the theme couplings by behaviour: no 4xx or failed request on load or search.

    (The theme fetches a sitemap beside every alternate link, the search index from the
    search root, its assets from the base of error pages: a break shows here as a 404.)
    """
    failures = []
    page.on("response", lambda response: failures.append(f"{response.status} {response.url}")
            if response.status >= 400 else None)
    page.on("requestfailed", lambda request: failures.append(f"failed {request.url}"))
    page.goto(site_url + lang + PAGE_TYPES[kind], wait_until="networkidle")
    page.keyboard.press("/")  # the reader reaches for search: the index loads
    page.wait_for_function("() => performance.getEntriesByType('resource')"
                           ".some(e => e.name.endsWith('search_index.json'))", timeout=10000)
    page.wait_for_load_state("networkidle")
    assert page.get_attribute("html", "lang") == (lang.rstrip("/") or "en")
    assert failures == []


@pytest.mark.parametrize("lang, query, home, title", [("", "risk assessment", "/", "Page not found"),
                                                      ("zh/", "风险评估", "/zh/", "未找到页面")])
def test_the_404_page_of_each_language_leads_home_and_searches_its_language(page, site_url, lang, query, home,
                                                                             title):
    page.goto(site_url + lang + "404.html")
    assert title in page.inner_text("h1")
    assert page.get_attribute(".att-not-found__home", "href") == home
    results = search(page, query)
    assert results and all(url.startswith("/zh/") == bool(lang) for url in results), results
    assert any(url.endswith("/e-authorization/risk-assessment/") for url in results), results
    page.keyboard.press("Escape")  # close the search results, then follow the link home
    with page.expect_navigation():
        page.click(".att-not-found__home")
    assert page.url == site_url + lang and page.get_attribute("html", "lang") == (lang.rstrip("/") or "en")
