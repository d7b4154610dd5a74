"""What a new reader trips over (issue 22), in Chromium at 360 and 1280 px, in both languages:
the guidance within the first screen of a phone, the edition links inside the page grid, the
Downloads page's "This edition" block, the interface in Chinese on Chinese pages, and a 404
page in the reader's language under `mkdocs serve` and `make preview-versions`.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import threading
from pathlib import Path

import jinja2
import pytest

from browser_support import VIEWPORTS
from support import ROOT

pytestmark = pytest.mark.browser

LANGS = {"en": "", "zh": "zh/"}
TOPIC = "e-authorization/risk-assessment/"
CJK = re.compile(r"[\u4e00-\u9fff]")
SHOTS = Path(os.environ["ATT_SHOTS"]) if os.environ.get("ATT_SHOTS") else None  # screenshots for a person



def box(page, selector: str) -> dict:
    """The bounding box of the first element matching ``selector`` (page coordinates)."""
    return page.eval_on_selector(selector, "e => { const r = e.getBoundingClientRect(); return {left: r.left,"
                                           " right: r.right, top: r.top + scrollY, bottom: r.bottom + scrollY}; }")


def no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1")


# --- 1. Phones: the guidance starts within the first screen --------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_at_a_glance_is_folded_on_phones_and_open_at_a_desk(view, site_url, lang):
    view.goto(site_url + LANGS[lang] + TOPIC, wait_until="networkidle")
    fold = ".att-summary details[data-att-fold]"
    is_open = view.eval_on_selector(fold, "e => e.open")
    first_text = view.eval_on_selector(".att-summary", "a => { let e = a.nextElementSibling;"
                                                        " while (e && e.tagName !== 'P') e = e.nextElementSibling;"
                                                        " const r = e.getBoundingClientRect(); return r.top + scrollY; }")
    line = view.inner_text(".att-summary__line")
    assert ("条约条款" if lang == "zh" else "Treaty provisions") in line
    if view.width_name == "phone":
        assert not is_open
        assert view.is_visible(".att-summary__line"), "the one-line summary shows while folded"
        assert first_text < VIEWPORTS["phone"]["height"] - 60, f"guidance starts at {first_text} px"
        view.click(".att-summary__head")
        assert view.eval_on_selector(fold, "e => e.open") and view.is_visible(".att-summary dl")
    else:
        assert is_open and view.is_visible(".att-summary dl")
    assert no_sideways_scroll(view)


@pytest.mark.parametrize("lang", LANGS)
def test_folding_at_a_glance_moves_nothing_on_a_phone(browser, site_url, lang):
    """The box is folded before the first paint (partials/att/fold-early.html): folding it after
    the page was drawn moved the guidance up by most of a screen (a layout shift of about 0.4;
    Lighthouse's "good" ends at 0.1)."""
    context = browser.new_context(viewport=VIEWPORTS["phone"])
    page = context.new_page()
    page.add_init_script("""window.attShifts = [];
        new PerformanceObserver(list => list.getEntries().forEach(e => attShifts.push(e.value)))
            .observe({type: 'layout-shift', buffered: true});""")
    page.goto(site_url + LANGS[lang] + TOPIC, wait_until="networkidle")
    page.wait_for_timeout(500)
    shift = page.evaluate("attShifts.reduce((a, b) => a + b, 0)")
    assert not page.eval_on_selector(".att-summary details[data-att-fold]", "e => e.open")
    context.close()
    assert shift < 0.05, f"layout shift {shift:.3f}"


@pytest.mark.parametrize("lang", LANGS)
def test_at_a_glance_stays_open_without_javascript(browser, site_url, lang):
    context = browser.new_context(viewport=VIEWPORTS["phone"], java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + LANGS[lang] + TOPIC)
    assert page.eval_on_selector(".att-summary details", "e => e.open")
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_the_decision_flow_fits_its_boxes(view, site_url, lang):
    view.goto(site_url + LANGS[lang] + "tools/export-assessment/", wait_until="networkidle")
    overflow = view.evaluate("""() => {
      const out = [];
      for (const node of document.querySelectorAll('.att-flow__node')) {
        const rect = node.querySelector('rect').getBBox();
        for (const text of node.querySelectorAll('text')) {
          const b = text.getBBox();
          if (b.x + b.width > rect.x + rect.width + 0.5) out.push(text.textContent.trim().slice(0, 40));
        }
      }
      return out; }""")
    assert overflow == []
    assert no_sideways_scroll(view)


# --- 2. Edition links inside the page grid; Downloads' "This edition" --------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_edition_links_sit_inside_the_footer_grid_and_are_relative(view, site_url, lang):
    view.goto(site_url + LANGS[lang] + TOPIC, wait_until="networkidle")
    links = box(view, ".att-edition-links")
    grid = box(view, ".md-footer-meta__inner")
    assert grid["left"] <= links["left"] and links["right"] <= grid["right"] + 1, (links, grid)
    assert links["left"] > 0
    # Aligned with the footer's other lines (not indented like a bulleted list).
    assert abs(box(view, ".att-edition-links li")["left"] - box(view, ".md-copyright__highlight")["left"]) < 1
    hrefs = view.eval_on_selector_all(".att-edition-links a", "as => as.map(a => a.getAttribute('href'))")
    assert hrefs and all(not re.match(r"^(/|[a-z]+:)", href) for href in hrefs), hrefs
    # This build is no released edition: it has no PDF, so it does not link to one.
    assert view.query_selector(".att-edition-links__pdf") is None
    feed = view.eval_on_selector(".att-edition-links__feed", "a => a.href")
    assert view.request.get(feed).ok
    assert view.inner_text(".att-edition-links") == ("修改订阅（Atom）" if lang == "zh" else "Feed of changes (Atom)")


def downloads_html(lang: str) -> str:
    """The Downloads view of a released cycle (csp13 with both PDFs, csp12 before it)."""
    from attguide.editions import pdf
    from attguide.read import registry as registry_module
    from attguide.views import views

    registry = registry_module.load()
    entries = [{"cycle": cycle, "file": f"att-guidance-{cycle}-offline.zip", "size": 10_200_000 - n,
                "sha256": "ab" * 32, "date": "2026-11-28",
                "files": [{"file": pdf.pdf_name(cycle, code), "lang": code, "size": 1_990_000, "sha256": "cd" * 32}
                          for code in ("en", "zh")]}
               for n, cycle in enumerate(("csp13", "csp12"))]
    bundles = views.downloads_view(entries, registry, lang, "../../downloads/")
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(ROOT / "overrides")), autoescape=True)
    t = registry.strings(lang)
    return (env.get_template("partials/att/downloads-this.html").render(
                bundles=bundles, linked=True, t=t, this_cycle="csp13", lang=lang),
            env.get_template("partials/att/downloads.html").render(bundles=bundles, linked=True, current=None, t=t))


@pytest.mark.parametrize("lang", LANGS)
def test_downloads_start_with_this_edition_and_fold_the_checksums(view, site_url, lang):
    view.goto(site_url + LANGS[lang] + "downloads/", wait_until="networkidle")
    # The page as a released version shows it (the served build has no release record).
    # As the hook places them: "This edition" under the title, the list of editions at the end.
    view.eval_on_selector(".md-content__inner", "(e, [top, list]) => { e.querySelectorAll('.att-downloads,"
                                                " .att-empty, .att-download-this').forEach(n => n.remove());"
                                                " e.querySelector('h1').insertAdjacentHTML('afterend', top);"
                                                " e.querySelector('.att-updated, h1 ~ p:last-of-type')"
                                                ".insertAdjacentHTML('beforebegin', list); }",
                          list(downloads_html(lang)))
    buttons = view.query_selector_all(".att-download-this__button")
    labels = [b.inner_text() for b in buttons]
    assert len(buttons) == 3, labels
    first = "PDF（中文）" if lang == "zh" else "PDF, English"
    assert labels[0].startswith(first) and "MB" in labels[0], labels
    assert box(view, ".att-download-this__button")["top"] < VIEWPORTS["phone"]["height"] - 40
    assert not view.is_visible(".att-sha")
    view.click(".att-download__checksums summary")
    assert view.is_visible(".att-sha")
    assert no_sideways_scroll(view)
    if SHOTS:
        view.screenshot(path=str(SHOTS / f"downloads-{lang}-{view.width_name}.png"), full_page=True)


# --- 6. The interface in Chinese on Chinese pages ----------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_interface_strings_are_in_the_page_language(view, site_url, lang):
    view.goto(site_url + LANGS[lang] + TOPIC, wait_until="networkidle")
    titles = set(view.eval_on_selector_all("a.headerlink", "as => as.map(a => a.title)"))
    footer = view.inner_text(".md-footer-meta")
    labels = view.eval_on_selector(".att-edition__labels", "s => JSON.parse(s.textContent)")
    if lang == "zh":
        assert titles == {"本节的固定链接"}
        assert "Made with" not in footer and "本站使用" in footer
        assert labels["alias:latest"] == "最新"
    else:
        assert titles == {"Permanent link"} and "Made with" in footer and labels["alias:latest"] == "latest"


@pytest.mark.parametrize("lang", LANGS)
def test_translation_status_titles_and_generated_punctuation(view, site_url, lang):
    view.goto(site_url + LANGS[lang] + "translations/", wait_until="networkidle")
    row = view.inner_text("tr:has(code:text-is('e-authorization/risk-assessment.md')) th a")
    assert row == ("风险评估" if lang == "zh" else "Risk assessment")
    view.goto(site_url + LANGS[lang] + "e-authorization/", wait_until="networkidle")
    coverage = view.inner_text(".att-coverage")
    if lang == "zh":
        assert "." not in coverage and " " not in coverage.strip() and coverage.strip().endswith("。"), coverage
    else:
        assert ". Regions represented: " in coverage


# --- 7. A 404 page per language under `mkdocs serve` and on the versioned preview ----------------------
def start(server):
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="module")
def mkdocs_serve_url(built_site):
    """The built site behind MkDocs' own live-reload server, with the hook's 404 handling."""
    from mkdocs.livereload import LiveReloadServer

    from attguide.views import notfound

    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(built_site))
    server.server_bind()
    server.server_activate()
    # As `mkdocs serve` does (mkdocs/commands/serve.py): the root 404.html for every missing page.
    server.error_handler = lambda code: (built_site / "404.html").read_bytes() if code == 404 else None
    notfound.serve_per_language(server, str(built_site))
    url = start(server)
    yield url
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("lang", LANGS)
def test_mkdocs_serve_answers_a_missing_page_in_its_language(view, mkdocs_serve_url, lang):
    response = view.goto(mkdocs_serve_url + LANGS[lang] + "no-such-page/")
    assert response.status == 404
    assert view.get_attribute("html", "lang").startswith(lang)
    assert view.inner_text("h1") == ("未找到页面" if lang == "zh" else "Page not found")
    assert no_sideways_scroll(view)


@pytest.fixture(scope="module")
def preview_url(built_site, tmp_path_factory):
    """A gh-pages branch with one version (csp13, both 404 pages), served as `make preview-versions`."""
    from http.server import ThreadingHTTPServer

    from attguide.editions import preview

    repo = tmp_path_factory.mktemp("pages")
    version = repo / "csp13"
    shutil.copytree(built_site, version, ignore=shutil.ignore_patterns("search", "*.json", "*.xml", "*.gz"))
    for args in (["init", "-q", "-b", "gh-pages"], ["add", "-A"],
                 ["-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-qm", "pages"]):
        subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)
    server = ThreadingHTTPServer(("127.0.0.1", 0), preview.handler_class("gh-pages", cwd=str(repo)))
    url = start(server)
    yield url
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("lang", LANGS)
def test_the_versioned_preview_answers_a_missing_page_in_its_language(view, preview_url, lang):
    response = view.goto(preview_url + "csp13/" + LANGS[lang] + "no-such-page/")
    assert response.status == 404
    assert view.inner_text("h1") == ("未找到页面" if lang == "zh" else "Page not found")
    assert view.get_attribute("html", "lang").startswith(lang)
