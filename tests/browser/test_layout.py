"""Layout in Chromium at desk (1280 × 800) and phone (360 × 740) widths, in both languages.

One test per promise of issue 14: the matrix can be read, the phone header stays small,
Chinese is set in a Chinese font (upright in the chart, never slanted), contributor pages
stay out of the reader's navigation, topic and article pages can be cited, the language
switch keeps the section, phase overviews show their topics first on phones, and generated
tables never break a word in the middle.
"""

from __future__ import annotations

import re

import pytest

from browser_support import VIEWPORTS
from sitedata import REGISTRY

pytestmark = pytest.mark.browser

LANGS = {"en": "", "zh": "zh/"}
CJK_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei")



def phone(browser):
    """A fresh page at phone width."""
    return browser.new_context(viewport=VIEWPORTS["phone"]).new_page()


def rect(page, selector: str) -> dict:
    """The bounding box of the first element matching ``selector``."""
    box = page.eval_on_selector(selector, "e => { const r = e.getBoundingClientRect();"
                                          " return {left: r.left, right: r.right, top: r.top, bottom: r.bottom,"
                                          " width: r.width, height: r.height}; }")
    return box


# --- Matrix -----------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_every_matrix_column_is_reachable_with_the_article_column_in_view(view, site_url, lang):
    view.goto(site_url + LANGS[lang] + "articles/matrix/", wait_until="networkidle")
    view.eval_on_selector(".att-matrix-wrap", "e => e.scrollIntoView({block: 'start'})")
    box = rect(view, ".att-matrix-wrap")
    # The box and so its horizontal scrollbar fit in the window (not thousands of px down).
    assert box["bottom"] <= VIEWPORTS[view.width_name]["height"] + 1, box
    # More columns lie to the right, and the page shows it before any scrolling.
    assert view.eval_on_selector(".att-matrix-wrap", "e => e.scrollWidth > e.clientWidth")
    assert "att-more-right" in view.get_attribute(".att-matrix-frame", "class")
    # Scroll to the end: the last phase column is inside the box, the article column still at its left.
    view.eval_on_selector(".att-matrix-wrap", "e => { e.scrollLeft = e.scrollWidth; e.scrollTop = e.scrollHeight / 2; }")
    view.wait_for_timeout(100)
    box = rect(view, ".att-matrix-wrap")
    last = rect(view, ".att-matrix thead th:last-child")
    assert box["left"] <= last["left"] and last["right"] <= box["right"] + 1, (box, last)
    sticky = view.eval_on_selector_all(".att-matrix tbody th", "els => els.map(e => {"
                                       " const r = e.getBoundingClientRect(); return [getComputedStyle(e).position, r.left]; })")
    assert all(position == "sticky" for position, _ in sticky)
    visible_rows = [left for _, left in sticky]
    assert min(abs(left - box["left"]) for left in visible_rows) < 2, (visible_rows, box)
    # The phase row stays at the top of the box while its rows scroll under it.
    head = rect(view, ".att-matrix thead th:last-child")
    assert abs(head["top"] - box["top"]) < 2, (head, box)
    assert "att-more-left" in view.get_attribute(".att-matrix-frame", "class")
    # The legend is readable: it wraps inside the text column instead of running off.
    assert view.eval_on_selector(".att-matrix-legend", "e => e.scrollWidth <= e.clientWidth + 1")
    assert rect(view, ".att-matrix-legend")["right"] <= VIEWPORTS[view.width_name]["width"]


@pytest.mark.parametrize("lang", LANGS)
def test_phase_jump_links_bring_each_column_into_view(browser, site_url, lang):
    page = browser.new_context(viewport=VIEWPORTS["desk"]).new_page()
    page.goto(site_url + LANGS[lang] + "articles/matrix/", wait_until="networkidle")
    page.click('.att-matrix-jump a[href="#att-col-i"]')
    page.wait_for_timeout(300)
    box, column = rect(page, ".att-matrix-wrap"), rect(page, "#att-col-i")
    assert box["left"] <= column["left"] and column["right"] <= box["right"] + 1, (box, column)


def test_empty_matrix_cells_leave_nothing_in_search(site_url, built_site, browser):
    page = browser.new_page()
    page.goto(site_url + "articles/matrix/")
    texts = page.eval_on_selector_all(".att-matrix__cell--empty", "els => els.map(e => e.textContent.trim())")
    assert texts and not any(texts), "empty cells carry text"
    index = (built_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "—none" not in index and "— none" not in index
    assert "—无" not in (built_site / "zh" / "search" / "search_index.json").read_text(encoding="utf-8")


def test_matrix_prints_every_column(browser, site_url, tmp_path):
    page = browser.new_page()
    page.goto(site_url + "articles/matrix/", wait_until="networkidle")
    page.emulate_media(media="print")
    width = page.evaluate("() => document.querySelector('.att-matrix').getBoundingClientRect().width")
    frame = page.evaluate("() => document.querySelector('.att-matrix-wrap').getBoundingClientRect().width")
    assert width <= frame + 1, (width, frame)
    assert page.eval_on_selector(".att-matrix-frame", "e => getComputedStyle(e).page") == "att-landscape"


# --- Header on a phone -----------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_phone_header_is_small_and_the_site_name_whole(browser, site_url, lang):
    page = phone(browser)
    page.goto(site_url + LANGS[lang], wait_until="networkidle")
    assert rect(page, ".md-header")["bottom"] <= 112
    line = page.eval_on_selector(".att-edition", "e => parseFloat(getComputedStyle(e).lineHeight)")
    assert rect(page, ".att-edition")["height"] <= line * 1.5, "the edition bar wraps"
    name = page.eval_on_selector_all(".md-header__topic:first-child .md-ellipsis",
                                     "els => els.filter(e => e.offsetWidth > 1)"
                                     ".map(e => [e.textContent.trim(), e.scrollWidth <= e.clientWidth])")
    assert name and all(fits for _, fits in name), f"site name cut: {name}"
    # A mike version that is not the newest: version selector and earlier-edition banner.
    page.evaluate("""() => {
        const select = document.querySelector('.att-versions__select');
        for (const v of ['csp13', 'csp12']) { const o = document.createElement('option');
            o.textContent = v.toUpperCase() + ' cycle (2024–2025) · latest'; select.appendChild(o); }
        document.querySelector('.att-versions').hidden = false;
        document.querySelector('.att-outdated').hidden = false; }""")
    assert rect(page, ".md-header")["bottom"] <= 160
    assert rect(page, ".att-edition")["height"] <= line * 1.5 + 8, "the edition bar wraps"


# --- Chinese typography ----------------------------------------------------------------

@pytest.mark.parametrize("path", ["zh/", "zh/e-authorization/risk-assessment/"])
def test_chinese_text_is_set_in_a_chinese_font(view, site_url, path):
    view.goto(site_url + path)
    family = view.eval_on_selector(".md-typeset p", "e => getComputedStyle(e).fontFamily")
    first = family.split(",")[0].strip().strip('"')
    assert first in CJK_FAMILIES, family
    assert view.eval_on_selector(".md-typeset p", "e => getComputedStyle(e).lineHeight") != "normal"
    ratio = view.eval_on_selector(".md-typeset p", "e => parseFloat(getComputedStyle(e).lineHeight)"
                                                   " / parseFloat(getComputedStyle(e).fontSize)")
    assert ratio >= 1.7, ratio
    # No synthetic italics in Chinese: the chart caption and any emphasis stand upright.
    styles = view.eval_on_selector_all("figcaption, .md-typeset em, .att-empty",
                                       "els => els.map(e => getComputedStyle(e).fontStyle)")
    assert all(style == "normal" for style in styles), styles


def test_english_text_keeps_latin_fonts_first_with_cjk_fallbacks(browser, site_url):
    page = browser.new_page()
    page.goto(site_url)
    family = page.eval_on_selector(".md-typeset p", "e => getComputedStyle(e).fontFamily")
    assert family.split(",")[0].strip().strip('"') not in CJK_FAMILIES
    assert "Noto Sans CJK SC" in family, family


@pytest.mark.parametrize("lang, orientation", [("zh", "upright"), ("en", "mixed")])
def test_chart_band_label_reads_top_to_bottom(view, site_url, lang, orientation):
    view.goto(site_url + LANGS[lang])
    label = view.eval_on_selector(".att-chart__band text", """e => ({
        mode: getComputedStyle(e).writingMode, orientation: getComputedStyle(e).textOrientation,
        transform: e.getAttribute('transform'), box: (b => ({width: b.width, height: b.height}))(e.getBBox())})""")
    assert label["mode"] == "vertical-rl" and label["orientation"] == orientation, label
    assert not label["transform"], "a rotated label, not vertical text"
    assert label["box"]["height"] > 2 * label["box"]["width"], label


# --- Navigation, footer, citation, language switch --------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_contributor_pages_are_in_the_footer_not_the_main_navigation(view, site_url, lang):
    view.goto(site_url + LANGS[lang] + "e-authorization/")
    primary = view.eval_on_selector_all(".md-nav--primary a", "els => els.map(e => e.href)")
    assert primary and not [href for href in primary if href.endswith("/translations/")]
    footer = view.eval_on_selector_all(".md-footer-meta a", "els => els.map(e => e.href)")
    for slug in ("translations/", "licence/", "accessibility/"):
        assert site_url + LANGS[lang] + slug in footer, (slug, footer)
    text = view.inner_text(".md-footer-meta")
    assert "CC BY 4.0" in text and "MIT" in text
    # No contact address is configured: a preview build says so; never an invented address.
    assert view.query_selector("[data-att-dev-note]") is not None
    assert view.query_selector(".att-footer__contact") is None


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", ["e-authorization/risk-assessment/", "articles/article-7/"])
def test_topic_and_article_pages_can_be_cited(view, site_url, lang, path):
    view.goto(site_url + LANGS[lang] + path)
    cite = view.inner_text(".att-cite")
    title = view.inner_text("h1").rstrip("¶").strip()
    edition = view.inner_text(".att-edition__label strong")
    assert title in cite
    assert edition and edition in cite
    assert re.search(r"\d{4}", cite)
    # The configured site address (ATT_SITE_URL) and the page, or without one the page's path.
    assert "/" + LANGS[lang] + path in cite and "example.org" not in cite
    assert view.get_attribute(".att-cite", "data-search-exclude") is not None


@pytest.mark.parametrize("source, target", [("", "zh/"), ("zh/", "")])
def test_language_switch_keeps_the_section(browser, site_url, source, target):
    page = browser.new_context(viewport=VIEWPORTS["desk"]).new_page()
    page.goto(site_url + source + "e-authorization/risk-assessment/#questions")
    page.hover(".md-header__option .md-select")
    page.click(f'.md-select__link[hreflang="{"zh" if target else "en"}"]')
    page.wait_for_load_state()
    assert page.url == site_url + target + "e-authorization/risk-assessment/#questions"
    assert page.evaluate("() => document.getElementById('questions').getBoundingClientRect().top") < 200


# --- Order on phones, tables ----------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_phase_overview_shows_its_topics_before_the_prose_on_phones(view, site_url, lang):
    view.goto(site_url + LANGS[lang] + "e-authorization/")
    topics = rect(view, ".att-phase-topics")["top"]
    prose = rect(view, "h2#what")["top"]
    if view.width_name == "phone":
        assert topics < prose, (topics, prose)
        assert topics < 2 * VIEWPORTS["phone"]["height"], "the topics start more than two screens down"
    else:
        assert topics > prose


WORDS_BROKEN_JS = """sel => {
  const broken = [];
  for (const cell of document.querySelectorAll(sel)) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const re = /[A-Za-z]{2,}/g; let m;
      while ((m = re.exec(node.data))) {
        const range = document.createRange();
        range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
        const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
        if (lines.size > 1) broken.push(m[0]);
      }
    }
  }
  return broken;
}"""


@pytest.mark.parametrize("path", ["presentations/", "articles/matrix/", "e-authorization/"])
def test_generated_tables_never_break_a_word_in_the_middle(view, site_url, path):
    view.goto(site_url + path)
    broken = view.evaluate(WORDS_BROKEN_JS, ".att-table th, .att-table td, .att-matrix th, .att-matrix td")
    assert not broken, broken


def test_translation_status_lists_articles_in_numeric_order(browser, site_url):
    page = browser.new_page()
    page.goto(site_url + "translations/")
    bases = page.eval_on_selector_all(".att-translations th code", "els => els.map(e => e.textContent)")
    numbers = [int(m.group(1)) for b in bases if (m := re.fullmatch(r"articles/article-(\d+)\.md", b))]
    assert numbers == sorted(numbers) and len(numbers) > 10, numbers


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", ["", "e-authorization/", "e-authorization/risk-assessment/", "articles/article-7/",
                                  "articles/matrix/", "glossary/", "downloads/", "presentations/",
                                  "accessibility/", "licence/"])
def test_no_page_is_wider_than_a_phone(browser, site_url, lang, path):
    page = phone(browser)
    page.goto(site_url + LANGS[lang] + path)
    assert page.evaluate("() => document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth")


def test_downloads_wording_is_for_readers():
    texts = [value for key, value in REGISTRY["ui"].items() if key.startswith("downloads")]
    assert texts and not [t for t in texts if "preview" in str(t).lower() or "预览" in str(t)]
