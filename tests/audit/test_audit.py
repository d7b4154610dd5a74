"""The audit gates as tests: the budgets `make audit` reports, enforced in CI."""

from __future__ import annotations

import re
import shutil
from html import unescape

import pytest

import gates
from browser_support import serve
from support import make_fixture_site, run_mkdocs

pytestmark = [pytest.mark.browser, pytest.mark.slow]

needs_node = pytest.mark.skipif(not gates.AXE.exists(), reason="npm packages missing: run `npm ci` (make test does)")


@pytest.fixture(scope="module")
def served(built_site):
    """The built site on 127.0.0.1, compressed like a static host."""
    server, url = serve(built_site)
    yield url
    server.shutdown()


def _h1_on_disk(site, path: str) -> str:
    """The first heading of a built page, read from its file (not through the browser)."""
    html = (site / path / "index.html").read_text(encoding="utf-8")
    match = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.DOTALL)
    return html_text(match.group(1)) if match else ""


def html_text(fragment: str) -> str:
    """The text of an HTML fragment, without the permalink sign."""
    return unescape(re.sub(r"<[^>]+>", "", fragment)).replace("¶", "").strip()


@needs_node
def test_no_serious_accessibility_violation_on_any_page_type(browser, served, built_site):
    rows = gates.accessibility(browser, served)
    # Each row audited the page it names: compare with the built files themselves.
    audited = {(row["lang"], row["path"]) for row in rows if row["page"] != "search dialog"}
    expected = {(lang, prefix + path) for lang, prefix in (("en", ""), ("zh", "zh/"))
                for path in ("", "e-authorization/", "e-authorization/risk-assessment/", "articles/article-7/",
                             "articles/matrix/", "glossary/", "downloads/", "translations/",
                             "tools/self-assessment/")}
    assert audited == expected
    for row in rows:
        assert row["status"] == 200 and row["html_lang"] == row["lang"], row
        assert row["h1"] == _h1_on_disk(built_site, row["path"]), row
        if row["page"] == "search dialog":
            assert row["results"] > 0, row
    assert gates.serious(rows) == []


@pytest.mark.parametrize("lang, query", [("en", "risk"), ("zh", "风险评估")])
def test_topic_page_weight_and_own_language_search_index(browser, served, lang, query):
    prefix = gates.LANGUAGES[lang]
    weight = gates.page_weight(browser, served + prefix + gates.PAGE_TYPES["topic"], search=query)
    assert weight["bytes"] <= gates.BUDGET_TOPIC_KB * 1024, f"{weight['bytes'] / 1024:.1f} KB"
    assert len(weight["indexes"]) == 1, weight["indexes"]
    (index_url,) = weight["indexes"]
    assert index_url == served + prefix + "search/search_index.json"


def test_no_broken_internal_link_or_anchor(served):
    checked, broken = gates.broken_links(served)
    assert checked > 300
    assert broken == []


def test_link_checker_reports_a_broken_link_and_anchor(tmp_path):
    site = make_fixture_site(tmp_path)
    result = run_mkdocs(["build"], cwd=site)
    assert result.returncode == 0, result.stderr
    page = site / "site" / "zh" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "</article>", '<a href="missing/">x</a> <a href="b-law/#no-such-anchor">y</a></article>', 1), encoding="utf-8")
    server, url = serve(site / "site")
    try:
        _, broken = gates.broken_links(url)
    finally:
        server.shutdown()
    assert any("missing/" in line and "404" in line for line in broken), broken
    assert any("no-such-anchor" in line for line in broken), broken


@needs_node
@pytest.mark.parametrize("path", ["", "zh/", gates.PAGE_TYPES["topic"], "zh/" + gates.PAGE_TYPES["topic"]])
def test_lighthouse_mobile_scores(served, path):
    scores = gates.lighthouse(served + path)
    assert min(scores.values()) >= gates.BUDGET_LIGHTHOUSE, scores


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils missing")
def test_topic_page_prints_cleanly(browser, served, built_site, tmp_path):
    printed = gates.print_pdf(browser, served + "zh/" + gates.PAGE_TYPES["topic"], tmp_path / "topic.pdf")
    assert printed["chrome_hidden"], "header, navigation and footer are hidden in print"
    assert "风险评估" in printed["text"], "Chinese glyphs are in the PDF"
    # The whole page is printed: its last heading (read from the built file) is in the PDF,
    # on a plausible number of A4 pages for a substantial topic page.
    html = (built_site / "zh" / gates.PAGE_TYPES["topic"] / "index.html").read_text(encoding="utf-8")
    last = html_text(re.findall(r"<h2[^>]*>(.*?)</h2>", html, re.DOTALL)[-1])
    assert last in printed["text"], last
    assert 2 <= printed["pages"] <= 20, printed["pages"]
    # The print style sheet prints a link's target after it: the address is in the PDF text.
    assert gates.PRINTED_LINK in printed["text"].replace("\n", ""), printed["link_after"]
    assert "译文状态" not in printed["text"], "no navigation labels in the printout"


@pytest.mark.parametrize("path", ["", "zh/", "zh/articles/matrix/", gates.PAGE_TYPES["topic"], "zh/glossary/"])
def test_no_page_is_wider_than_a_phone(browser, served, path):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(served + path)
    width = page.evaluate("document.scrollingElement.scrollWidth")
    context.close()
    assert width <= 360


def test_keyboard_only_language_switch_and_search(browser, served):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(served + gates.PAGE_TYPES["topic"])
    # Tab to the language menu, open it with the keyboard, choose Chinese.
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('.md-select') !== null"):
            break
    else:
        pytest.fail("the language switcher is not reachable with Tab")
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('hreflang') === 'zh'"):
            break
    assert page.evaluate("document.activeElement.getAttribute('hreflang')") == "zh"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == served + "zh/" + gates.PAGE_TYPES["topic"]
    # Search from the keyboard: "/" focuses the search box; Down and Enter open a result.
    page.keyboard.press("/")
    page.keyboard.type("缓解措施", delay=30)
    page.wait_for_selector(".md-search-result__item", timeout=20000)
    page.keyboard.press("ArrowDown")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/zh/" in page.url
    context.close()


def test_each_gate_says_what_this_machine_lacks(monkeypatch, tmp_path):
    """A gate that cannot run names the missing tool (not "0 A4 pages, Chinese text: False")."""
    monkeypatch.setattr(gates.shutil, "which", lambda name: None)
    assert gates.lacking("print") == ("pdftotext missing (install poppler-utils); "
                                      "pdffonts missing (install poppler-utils)")
    monkeypatch.setattr(gates, "NODE_BIN", tmp_path)
    monkeypatch.setattr(gates, "AXE", tmp_path / "axe.min.js")
    assert "lighthouse missing" in gates.lacking("lighthouse") and "axe-core missing" in gates.lacking("axe")
    monkeypatch.setattr(gates, "chromium_path", lambda: str(tmp_path / "chromium"))
    assert gates.lacking("browser").startswith("Chromium missing")
    monkeypatch.undo()
    assert gates.lacking("print") == "" or not shutil.which("pdftotext")
