"""The Self-assessment tool in Chromium, in both languages, online and from the offline bundle.

Answers survive a reload; export, erase and import bring them back; a bad or foreign file is
refused with a message and nothing is lost; the printed report (print media) lists the
obligations not yet in place before the rest, in the language chosen for the report; no
request leaves the site; axe finds nothing serious.
"""

from __future__ import annotations

import json
import re
import os
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from support import MKDOCS, ROOT

pytestmark = pytest.mark.browser

PATH = {"en": "tools/self-assessment/", "zh": "zh/tools/self-assessment/"}
# A question resting on an obligation (Article 7(5)) and one resting on none.
OBLIGED = "e/decision-making/must-licence-contain-detailed"
OTHER = "b/legislative-process/existing-laws-already-regulate"
MESSAGES = {"en": {"bad": "cannot be imported", "title": "Self-assessment: implementation"},
            "zh": {"bad": "无法导入此文件", "title": "自我评估：《武器贸易条约》"}}
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory) -> Path:
    """The offline edition (ATT_OFFLINE=true), built once; ``ATT_OFFLINE_SITE`` reuses one."""
    if os.environ.get("ATT_OFFLINE_SITE"):
        return Path(os.environ["ATT_OFFLINE_SITE"])
    out = tmp_path_factory.mktemp("offline") / "site"
    env = dict(os.environ, ATT_OFFLINE="true", NO_MKDOCS_2_WARNING="1")
    built = subprocess.run(MKDOCS + ["build", "--strict", "--site-dir", str(out)], cwd=ROOT, env=env,
                           capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stdout + built.stderr
    return out


def item(page, key: str):
    return page.locator(f'[data-q="{key}"]')


def open_tool(page, url: str, requests: list | None = None):
    """Open the tool; record every request and every script error."""
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    if requests is not None:
        page.on("request", lambda request: requests.append(request.url))
    page.goto(url)
    page.wait_for_selector(".att-sa--ready")
    return errors


def answer(page):
    """Answer two questions: the obligation 'not yet' with assistance, the other with a note."""
    obliged = item(page, OBLIGED)
    obliged.locator('input[value="not-yet"]').check()
    obliged.locator('[data-field="note"]').fill("Draft licence form under review")
    obliged.locator('[data-field="assist"]').check()
    obliged.locator('[data-field="kinds"][value="legal"]').check()
    other = item(page, OTHER)
    other.locator('input[value="in-place"]').check()
    other.locator('[data-field="ref"]').fill("Export Control Act, s. 4")


def assert_answered(page):
    obliged = item(page, OBLIGED)
    assert obliged.locator('input[value="not-yet"]').is_checked()
    assert obliged.locator('[data-field="note"]').input_value() == "Draft licence form under review"
    assert obliged.locator('[data-field="kinds"][value="legal"]').is_checked()
    assert item(page, OTHER).locator('[data-field="ref"]').input_value() == "Export Control Act, s. 4"


def stored(page) -> dict:
    return page.evaluate("() => JSON.parse(localStorage.getItem('att-self-assessment:csp13') || 'null')")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_answers_are_kept_after_a_reload(page, site_url, lang):
    errors = open_tool(page, site_url + PATH[lang])
    answer(page)
    page.reload()
    page.wait_for_selector(".att-sa--ready")
    assert_answered(page)
    assert stored(page)["answers"][OBLIGED]["kinds"] == ["legal"]
    phase = page.locator('.att-sa__phase[data-phase="e"]')
    assert phase.locator("progress").evaluate("el => el.value") == 1
    assert not errors, errors


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_export_erase_import_brings_the_answers_back(page, site_url, lang, tmp_path):
    errors = open_tool(page, site_url + PATH[lang])
    answer(page)
    with page.expect_download() as download:
        page.click('[data-att-sa-action="export"]')
    saved = tmp_path / "answers.json"
    download.value.save_as(saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert (data["format"], data["version"], data["edition"], data["lang"]) == ("att-self-assessment", 1, "csp13", lang)
    page.once("dialog", lambda dialog: dialog.accept())
    page.click('[data-att-sa-action="erase"]')
    assert not item(page, OBLIGED).locator('input[value="not-yet"]').is_checked()
    assert stored(page) is None
    page.set_input_files("#att-sa-file", str(saved))
    page.wait_for_function("() => document.querySelector('[data-att-sa-message]').textContent.includes('2')")
    assert_answered(page)
    page.reload()
    page.wait_for_selector(".att-sa--ready")
    assert_answered(page)
    assert not errors, errors


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_bad_or_foreign_file_is_refused_and_nothing_is_lost(page, site_url, lang):
    errors = open_tool(page, site_url + PATH[lang])
    answer(page)
    before = stored(page)
    bad = [b"not json at all", json.dumps({"format": "something-else", "answers": {}}).encode(),
           json.dumps({"format": "att-self-assessment", "version": 1, "edition": "csp13",
                       "answers": {OBLIGED: {"status": "maybe"}}}).encode()]
    for payload in bad:
        page.evaluate("() => { document.querySelector('[data-att-sa-message]').textContent = ''; }")
        page.set_input_files("#att-sa-file", files=[{"name": "answers.json", "mimeType": "application/json",
                                                     "buffer": payload}])
        page.wait_for_function("() => document.querySelector('[data-att-sa-message]').textContent !== ''")
        assert MESSAGES[lang]["bad"] in page.inner_text("[data-att-sa-message]")
        assert stored(page) == before
        assert_answered(page)
    # A good file, but the reader declines to replace the answers: nothing changes either.
    good = json.dumps({"format": "att-self-assessment", "version": 1, "edition": "csp13", "lang": "en",
                       "answers": {OTHER: {"status": "partly"}}}).encode()
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.set_input_files("#att-sa-file", files=[{"name": "a.json", "mimeType": "application/json", "buffer": good}])
    page.wait_for_timeout(300)
    assert stored(page) == before
    assert_answered(page)
    assert not errors, errors


def print_report(page, lang: str) -> str:
    """Choose the report's language, press the print button (the dialog itself stubbed), and
    return the text a printer would get."""
    page.evaluate("() => { window.print = () => {}; }")
    page.select_option("[data-att-sa-report-lang]", lang)
    page.click('[data-att-sa-action="print"]')
    page.emulate_media(media="print")
    assert not page.locator(".att-sa__phase").first.is_visible()
    report = page.locator(".att-sa-report")
    assert report.is_visible()
    return report.inner_text()


@pytest.mark.parametrize("lang,report_lang", [("en", "en"), ("en", "zh"), ("zh", "zh"), ("zh", "en")])
def test_the_printed_report_lists_unmet_obligations_first(page, site_url, lang, report_lang):
    open_tool(page, site_url + PATH[lang])
    answer(page)
    text = print_report(page, report_lang)
    obliged = item(page, OBLIGED).get_attribute(f"data-{report_lang}")
    other = item(page, OTHER).get_attribute(f"data-{report_lang}")
    assert text.startswith(MESSAGES[report_lang]["title"])
    assert page.get_attribute(".att-sa-report", "lang").startswith(report_lang)
    headings = page.locator(".att-sa-report h2").all_inner_texts()
    assert len(headings) == 4, headings
    summary, obligations, assistance, rest = (text.index(h) for h in headings)
    assert summary < obligations < text.index(obliged) < assistance < rest < text.index(other)
    assert "Draft licence form under review" in text and "Export Control Act, s. 4" in text
    assert page.locator(".att-sa-report svg rect").count() > 5


def test_the_report_is_on_a4(page, site_url, tmp_path):
    open_tool(page, site_url + PATH["en"])
    answer(page)
    print_report(page, "en")
    pdf = page.pdf(prefer_css_page_size=True)
    assert re.search(rb"/MediaBox \[0 0 59[45]\.\d* 84[12]\.", pdf), "not A4"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_request_leaves_the_site(page, site_url, lang, tmp_path):
    requests = []
    open_tool(page, site_url + PATH[lang], requests)
    answer(page)
    with page.expect_download() as download:
        page.click('[data-att-sa-action="export"]')
    download.value.save_as(tmp_path / "a.json")
    print_report(page, lang)
    page.wait_for_timeout(500)
    origin = urlsplit(site_url).netloc
    away = [url for url in requests if not url.startswith(("blob:", "data:")) and urlsplit(url).netloc != origin]
    assert not away, away


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_nothing_serious_for_axe(browser, site_url, lang):
    # axe is injected as a script: the test's own tool, let past the page's Content-Security-Policy.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    open_tool(page, site_url + PATH[lang])
    answer(page)
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate("""async () => {
        const r = await axe.run(document, {runOnly: {type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}});
        return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => ({id: v.id, impact: v.impact, target: v.nodes[0].target.join(' ')}));
    }""")
    context.close()
    assert not violations, violations


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_control_has_a_name(page, site_url, lang):
    open_tool(page, site_url + PATH[lang])
    unnamed = page.evaluate("""() => [...document.querySelectorAll('.att-sa input, .att-sa textarea, .att-sa select, .att-sa button')]
        .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label') && !el.textContent.trim())
        .map(el => el.outerHTML.slice(0, 80))""")
    assert not unnamed, unnamed


def test_the_page_is_a_readable_list_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + PATH["en"])
    assert page.locator(".att-sa__nojs").is_visible()
    assert page.locator("[data-q]").count() > 200
    assert page.locator(".att-sa__phase").first.locator("a").first.is_visible()
    assert page.locator(f'[data-q="{OBLIGED}"] .att-force__badge--obligation').count() == 1
    assert page.locator(f'[data-q="{OTHER}"] .att-force__badge--obligation').count() == 0
    context.close()


def test_answers_of_an_earlier_edition_carry_over(page, site_url):
    """csp12 answers: kept where the id is unchanged; a changed text and a new id are marked."""
    page.goto(site_url + PATH["en"])
    hashes = page.evaluate("() => Object.fromEntries([...document.querySelectorAll('[data-q]')].map(e => [e.dataset.q, e.dataset.hash]))")
    earlier = dict(hashes)
    earlier[OTHER] = "0123456789ab"
    del earlier[OBLIGED]
    state = {"format": "att-self-assessment", "version": 1, "edition": "csp12", "questions": earlier,
             "answers": {OTHER: {"status": "partly"}}}
    page.evaluate("s => { localStorage.clear(); localStorage.setItem('att-self-assessment:csp12', JSON.stringify(s)); }", state)
    page.reload()
    page.wait_for_selector(".att-sa--ready")
    assert item(page, OTHER).locator('input[value="partly"]').is_checked()
    assert item(page, OTHER).locator(".att-sa__mark--changed").count() == 1
    assert item(page, OBLIGED).locator(".att-sa__mark--new").count() == 1
    assert "CSP12" in page.inner_text("[data-att-sa-message]")
    assert stored(page)["answers"][OTHER] == {"status": "partly"}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_from_the_offline_bundle(browser, offline_site, lang, tmp_path):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    requests = []
    # The offline edition has no directory URLs: tools/self-assessment.html.
    errors = open_tool(page, (offline_site / (PATH[lang].rstrip("/") + ".html")).as_uri(), requests)
    page.evaluate("() => localStorage.clear()")
    answer(page)
    page.reload()
    page.wait_for_selector(".att-sa--ready")
    assert_answered(page)
    with page.expect_download() as download:
        page.click('[data-att-sa-action="export"]')
    download.value.save_as(tmp_path / "a.json")
    page.once("dialog", lambda dialog: dialog.accept())
    page.click('[data-att-sa-action="erase"]')
    page.set_input_files("#att-sa-file", str(tmp_path / "a.json"))
    page.wait_for_function("() => document.querySelector('[data-att-sa-message]').textContent.includes('2')")
    assert_answered(page)
    text = print_report(page, lang)
    assert text.index(item(page, OBLIGED).get_attribute(f"data-{lang}")) < text.index(
        item(page, OTHER).get_attribute(f"data-{lang}"))
    away = [url for url in requests if not url.startswith(("file:", "blob:", "data:"))]
    assert not away, away
    assert not errors, errors
    context.close()


CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'")


def test_works_under_a_strict_content_security_policy(browser, site_url):
    """The tool's own script, markup and styles need no inline script, handler or style: with a
    strict policy (the theme's own inline bits may be reported; the tool's must not be) it works."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()

    def with_policy(route):
        response = route.fetch()
        headers = dict(response.headers)
        if "text/html" in headers.get("content-type", ""):
            headers["content-security-policy"] = CSP
        route.fulfill(response=response, headers=headers)

    page.route("**/*", with_policy)
    page.add_init_script("""window.__violations = [];
        document.addEventListener('securitypolicyviolation', e => window.__violations.push(
            {source: e.sourceFile, directive: e.violatedDirective, sample: e.sample, line: e.lineNumber}));""")
    page.goto(site_url + PATH["en"])
    page.wait_for_selector(".att-sa--ready")
    answer(page)
    page.reload()
    page.wait_for_selector(".att-sa--ready")
    assert_answered(page)
    print_report(page, "zh")
    violations = page.evaluate("() => window.__violations")
    # The theme's inline scripts are reported against the page itself; the tool's script is a file.
    ours = [v for v in violations if "att-self-assessment" in (v["source"] or "")
            or v["directive"].startswith("style-src")]
    assert not ours, ours
    context.close()
