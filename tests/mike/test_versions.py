"""mike tests: two cycles deployed in a temporary repository, driven in Chromium."""

from __future__ import annotations

import hashlib
import json
import shutil
import urllib.request
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from urllib.parse import urljoin

import pytest

from browser_support import search_results, serve
from mike_support import SITE_URL, status_of

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def pages_url(released):
    """The gh-pages tree served on 127.0.0.1."""
    server, url = serve(released["pages"])
    yield url
    server.shutdown()


def test_versions_json_lists_both_cycles_with_latest_on_the_newest(released):
    versions = json.loads((released["pages"] / "versions.json").read_text(encoding="utf-8"))
    assert [v["version"] for v in versions] == ["csp13", "csp12"]
    assert versions[0]["aliases"] == ["latest"]
    page = "e-authorization/risk-assessment/index.html"
    assert "Marker: revised" in (released["pages"] / "latest" / page).read_text(encoding="utf-8")
    assert "Marker: revised" not in (released["pages"] / "csp12" / page).read_text(encoding="utf-8")


class _Links(HTMLParser):
    """The targets of the links of an HTML page, and of its download links apart."""

    def __init__(self):
        super().__init__()
        self.links, self.downloads = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
            if "download" in attrs or attrs["href"].endswith((".sha256", ".pdf")):
                self.downloads.append(attrs["href"])


def links_of(html: str) -> _Links:
    """Parse the links of ``html``."""
    parser = _Links()
    parser.feed(html)
    return parser



def fetch(url: str) -> str:
    """The text of ``url``."""
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode("utf-8")


@pytest.mark.parametrize("version, cycles", [("csp13", ["csp13", "csp12"]), ("latest", ["csp13", "csp12"]),
                                             ("csp12", ["csp12"])])
@pytest.mark.parametrize("lang", ["", "zh/"])
def test_every_download_link_resolves(pages_url, version, cycles, lang):
    """Each Downloads page links every bundle and PDF released up to its cycle, and each link is 200."""
    url = f"{pages_url}{version}/{lang}downloads/"
    found = links_of(fetch(url)).downloads
    expected = {f"att-guidance-{cycle}-{kind}{suffix}" for cycle in cycles
                for kind in ("offline.zip", "en.pdf", "zh.pdf") for suffix in ("", ".sha256")}
    assert {target.rsplit("/", 1)[-1] for target in found} == expected, found
    statuses = {target: status_of(urljoin(url, target)) for target in found}
    assert all(code == 200 for code in statuses.values()), statuses


def test_a_fresh_checkout_lists_every_bundle_released_before(released):
    """The downloads record lives on gh-pages: csp13, released from a fresh checkout, lists csp12 too."""
    record = (released["pages"] / "downloads" / "downloads.yml").read_text(encoding="utf-8")
    assert "csp12" in record and "csp13" in record
    for lang in ("", "zh/"):
        page = (released["pages"] / "csp13" / lang / "downloads" / "index.html").read_text(encoding="utf-8")
        assert "att-guidance-csp13-offline.zip" in page and "att-guidance-csp12-offline.zip" in page
    earlier = (released["pages"] / "csp12" / "downloads" / "index.html").read_text(encoding="utf-8")
    assert "att-guidance-csp12-offline.zip" in earlier and "att-guidance-csp13-offline.zip" not in earlier


SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@pytest.mark.parametrize("version", ["csp13", "csp12"])
def test_sitemap_addresses_and_alternates_are_well_formed_under_a_version(released, version):
    root = ET.parse(released["pages"] / version / "sitemap.xml").getroot()
    base = f"{SITE_URL}{version}/"
    urls = root.findall("s:url", SITEMAP_NS)
    assert len(urls) > 100
    for entry in urls:
        loc = entry.find("s:loc", SITEMAP_NS).text
        alternates = {link.get("hreflang"): link.get("href") for link in entry.findall("x:link", SITEMAP_NS)}
        assert loc.startswith(base), loc
        assert set(alternates) == {"en", "zh"}, alternates
        assert alternates["zh"].startswith(base + "zh/"), alternates
        assert alternates["en"].startswith(base) and not alternates["en"].startswith(base + "zh/"), alternates
        assert loc in alternates.values(), (loc, alternates)


def test_the_site_root_has_an_english_404_page_that_leads_home(pages_url, released):
    html = (released["pages"] / "404.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in html and "Page not found" in html
    home = links_of(html).links
    assert "/csp13/" in home and "/csp13/zh/" in home, home
    assert status_of(pages_url + "csp13/") == 200 and status_of(pages_url + "csp13/zh/") == 200


@pytest.mark.parametrize("lang, home, title", [("", "/csp13/", "Page not found"),
                                               ("zh/", "/csp13/zh/", "未找到页面")])
def test_each_version_has_a_404_page_per_language(page, pages_url, lang, home, title):
    page.goto(f"{pages_url}csp13/{lang}404.html")
    assert page.get_attribute("html", "lang") == (lang.rstrip("/") or "en")
    assert title in page.inner_text("h1")
    with page.expect_navigation():
        page.click(".att-not-found__home")
    assert page.url == pages_url.rstrip("/") + home
    assert page.get_attribute("html", "lang") == (lang.rstrip("/") or "en")


def test_bundles_are_published_with_their_checksums(released):
    folder = released["pages"] / "downloads"
    for cycle in ("csp12", "csp13"):
        bundle = folder / f"att-guidance-{cycle}-offline.zip"
        digest = (folder / f"{bundle.name}.sha256").read_text(encoding="utf-8").split()[0]
        assert hashlib.sha256(bundle.read_bytes()).hexdigest() == digest
    page = (released["pages"] / "csp13" / "downloads" / "index.html").read_text(encoding="utf-8")
    assert "att-guidance-csp13-offline.zip" in page and "att-guidance-csp12-offline.zip" in page


def test_selector_lists_both_versions(page, pages_url):
    page.goto(pages_url + "csp13/zh/e-authorization/risk-assessment/")
    page.wait_for_selector(".att-versions:not([hidden])")
    options = page.eval_on_selector_all(".att-versions__select option", "os => os.map(o => o.value)")
    assert options == ["csp13", "csp12"]
    labels = page.eval_on_selector_all(".att-versions__select option", "os => os.map(o => o.textContent)")
    assert labels[1].startswith("CSP12周期")


def test_switching_version_keeps_chinese_and_the_page(page, pages_url):
    page.goto(pages_url + "csp13/zh/e-authorization/risk-assessment/")
    page.wait_for_selector(".att-versions:not([hidden])")
    with page.expect_navigation():
        page.select_option(".att-versions__select", "csp12")
    assert page.url == pages_url + "csp12/zh/e-authorization/risk-assessment/"
    assert page.get_attribute("html", "lang") == "zh"


def test_switching_version_to_a_missing_page_lands_on_that_versions_home(page, released, tmp_path):
    # A page that exists only in csp13: a copy of the glossary under a new name at the same
    # depth (so its relative links hold), in a copy of the tree that no other test shares.
    tree = tmp_path / "pages"
    shutil.copytree(released["pages"], tree, ignore=shutil.ignore_patterns("*.zip"))
    target = tree / "csp13" / "zh" / "only-in-csp13"
    target.mkdir()
    shutil.copy2(tree / "csp13" / "zh" / "glossary" / "index.html", target / "index.html")
    assert not (tree / "csp12" / "zh" / "only-in-csp13").exists()
    server, url = serve(tree)
    try:
        page.goto(url + "csp13/zh/only-in-csp13/")
        page.wait_for_selector(".att-versions:not([hidden])")
        with page.expect_navigation():
            page.select_option(".att-versions__select", "csp12")
        assert page.url == url + "csp12/zh/"
    finally:
        server.shutdown()


def test_language_switch_under_a_version_stays_in_that_version(page, pages_url):
    page.goto(pages_url + "csp12/zh/e-authorization/risk-assessment/")
    page.hover(".md-header__option .md-select")
    page.click('.md-select__link[hreflang="en"]')
    page.wait_for_load_state()
    assert page.url == pages_url + "csp12/e-authorization/risk-assessment/"
    page.goto(pages_url + "csp12/")
    page.hover(".md-header__option .md-select")
    page.click('.md-select__link[hreflang="zh"]')
    page.wait_for_load_state()
    assert page.url == pages_url + "csp12/zh/"


def test_older_version_shows_the_banner_and_the_newest_does_not(page, pages_url):
    page.goto(pages_url + "csp12/zh/e-authorization/risk-assessment/")
    banner = page.wait_for_selector(".att-outdated:not([hidden])")
    assert "较早版本" in banner.inner_text()
    href = page.get_attribute(".att-outdated__link", "href")
    assert href == pages_url + "csp13/zh/e-authorization/risk-assessment/"
    assert "已于CSP12结束" in page.inner_text(".att-edition")
    page.goto(pages_url + "csp13/e-authorization/risk-assessment/")
    page.wait_for_selector(".att-versions:not([hidden])")
    assert page.is_hidden(".att-outdated")
    assert "draft for CSP13" in page.inner_text(".att-edition")


def test_offline_bundle_works_from_disk(page, unzipped_bundle):
    page.goto((unzipped_bundle / "zh" / "e-authorization" / "risk-assessment.html").as_uri())
    assert page.get_attribute("html", "lang") == "zh"
    edition = page.inner_text(".att-edition")
    assert "CSP13周期" in edition and "离线版" in edition and page.locator(".att-versions").count() == 0
    # Navigation: follow a link in the page to another page on disk.
    page.click(".md-nav__link[href$='mitigation.html']")
    assert page.url.endswith("/zh/e-authorization/mitigation.html")
    # Language switch from disk.
    page.hover(".md-header__option .md-select")
    page.click('.md-select__link[hreflang="en"]')
    assert page.url.endswith("/att-guidance-csp13/e-authorization/mitigation.html")
    # Search in Chinese from disk.
    page.goto((unzipped_bundle / "zh" / "index.html").as_uri())
    results = search_results(page, "风险评估")
    assert any("risk-assessment.html" in url for url in results), results


def test_version_selector_works_from_the_keyboard(page, pages_url):
    page.goto(pages_url + "csp13/zh/e-authorization/risk-assessment/")
    page.wait_for_selector(".att-versions:not([hidden])")
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('att-versions__select')"):
            break
    else:
        raise AssertionError("the version selector is not reachable with Tab")
    with page.expect_navigation():
        page.keyboard.press("ArrowDown")
    assert page.url == pages_url + "csp12/zh/e-authorization/risk-assessment/"
