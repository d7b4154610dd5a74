"""mike tests: two cycles deployed in a temporary repository, driven in Chromium."""

from __future__ import annotations

import hashlib
import json

import pytest

from browser_support import search_results, serve

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


def test_switching_version_to_a_missing_page_lands_on_that_versions_home(page, pages_url, released):
    # A page that exists only in csp13: copy one under a new name in the csp13 tree.
    source = released["pages"] / "csp13" / "zh" / "glossary"
    target = released["pages"] / "csp13" / "zh" / "only-in-csp13"
    if not target.exists():
        target.mkdir()
        (target / "index.html").write_bytes((source / "index.html").read_bytes().replace(
            b'data-att-root="../../"', b'data-att-root="../../"'))
    page.goto(pages_url + "csp13/zh/only-in-csp13/")
    page.wait_for_selector(".att-versions:not([hidden])")
    with page.expect_navigation():
        page.select_option(".att-versions__select", "csp12")
    assert page.url == pages_url + "csp12/zh/"


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
