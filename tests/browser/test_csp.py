"""The second wall: the Content-Security-Policy of the online site, in Chromium.

A handler injected into a built page after the build (as if it had slipped past every
check) must not run; the theme's own scripts still run: search, language switch.
"""

from __future__ import annotations

import shutil

import pytest

from browser_support import serve

pytestmark = pytest.mark.browser
PAGE = "e-authorization/risk-assessment/index.html"


@pytest.fixture
def tampered(built_site, tmp_path):
    """A copy of the built site with a handler and an inline script injected into one page."""
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    path = site / PAGE
    html = path.read_text(encoding="utf-8")
    assert 'http-equiv="Content-Security-Policy"' in html
    injected = ('<img src="nowhere.png" alt="" onerror="document.title=\'HANDLER RAN\'">'
                "<script>document.body.dataset.inline = 'ran'</script>")
    path.write_text(html.replace("</h1>", "</h1>" + injected, 1), encoding="utf-8")
    server, url = serve(site)
    yield url
    server.shutdown()


def test_an_injected_handler_and_script_do_not_run(page, tampered):
    violations = []
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)
    page.goto(tampered + PAGE.replace("index.html", ""), wait_until="networkidle")
    page.wait_for_timeout(500)
    assert page.title() != "HANDLER RAN"
    assert page.evaluate("document.body.dataset.inline") is None
    assert violations, "the browser reported no policy violation"
    # The theme's own scripts ran: the search box works.
    page.fill("input.md-search__input", "risk")
    page.wait_for_selector(".md-search-result__item", timeout=10000)


@pytest.mark.parametrize("path", ["", "zh/", "e-authorization/risk-assessment/", "zh/articles/matrix/",
                                  "404.html", "zh/404.html"])
def test_the_site_itself_breaks_no_rule_of_its_policy(page, site_url, path):
    violations = []
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)
    page.goto(site_url + path, wait_until="networkidle")
    page.fill("input.md-search__input", "treaty")
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    assert violations == []
