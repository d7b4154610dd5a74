"""The audit gates: accessibility, links, page weight, Lighthouse, print.

Each gate measures a built site served on 127.0.0.1 (gzip like a static host) and
returns its figures; ``run_audit.py`` prints them as a table (``make audit``) and
``test_audit.py`` asserts the budgets, so CI enforces the same numbers.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from browser_support import search_results  # noqa: E402
from support import CHROMIUM_ARGS, ROOT, chromium_path  # noqa: E402

NODE_BIN = ROOT / "node_modules" / ".bin"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"

# Every page type, in both languages (the search dialog is audited on the home page).
PAGE_TYPES = {
    "home": "",
    "phase overview": "e-authorization/",
    "topic": "e-authorization/risk-assessment/",
    "article": "articles/article-7/",
    "matrix": "articles/matrix/",
    "glossary": "glossary/",
    "downloads": "downloads/",
    "translations": "translations/",
    "self-assessment": "tools/self-assessment/",
}
LANGUAGES = {"en": "", "zh": "zh/"}

BUDGET_TOPIC_KB = 150
PRINTED_LINK = "https://example.org/att"  # short: a PDF's text breaks long lines
BUDGET_LIGHTHOUSE = 95


def launch(playwright):
    """The system Chromium."""
    return playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)


# -- accessibility ---------------------------------------------------------------------------
def axe_violations(page) -> list[dict]:
    """Run axe-core (WCAG 2.1 A/AA and best practices) on the open page."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("""async () => {
        const r = await axe.run(document, {runOnly: {type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}});
        return r.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length,
                                       target: v.nodes[0] && v.nodes[0].target.join(' ')}));
    }""")
    return result


def accessibility(browser, base_url: str) -> list[dict]:
    """axe on every page type in both languages, and with the search dialog open."""
    rows = []
    # axe-core is injected as an inline script, which the site's Content-Security-Policy blocks
    # (tests/browser/test_csp.py); the audit's own script bypasses it.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    for lang, prefix in LANGUAGES.items():
        for name, path in PAGE_TYPES.items():
            response = page.goto(base_url + prefix + path)
            rows.append({"page": name, "lang": lang, "path": prefix + path, "status": response.status,
                         **_seen(page), "violations": axe_violations(page)})
        page.goto(base_url + prefix)
        search_results(page, "风险评估" if lang == "zh" else "risk")
        rows.append({"page": "search dialog", "lang": lang, "path": prefix, "status": 200, **_seen(page),
                     "results": page.locator(".md-search-result__item").count(),
                     "violations": axe_violations(page)})
    context.close()
    return rows


def _seen(page) -> dict:
    """What the audited page was: its language attribute and its first heading."""
    return {"html_lang": page.get_attribute("html", "lang"),
            "h1": page.evaluate("() => (document.querySelector('.md-content h1') || {}).textContent || ''")
            .replace("¶", "").strip()}


def serious(rows: list[dict]) -> list[str]:
    """Serious or critical violations, as readable lines."""
    return [f"{row['lang']} {row['page']}: {v['id']} ({v['impact']}) at {v['target']}"
            for row in rows for v in row["violations"] if v["impact"] in ("serious", "critical")]


# -- links -------------------------------------------------------------------------------------
def broken_links(base_url: str) -> tuple[int, list[str]]:
    """LinkChecker over the whole site, both languages, internal links and anchors."""
    config = tempfile.NamedTemporaryFile("w", suffix=".ini", delete=False)
    config.write("[checking]\nthreads=10\nmaxrequestspersecond=200\n[filtering]\ncheckextern=0\n[AnchorCheck]\n")
    config.close()
    try:
        result = subprocess.run([str(Path(sys.executable).parent / "linkchecker"), "--config", config.name,
                                 "--no-status", "--verbose", "--output", "csv", base_url, base_url + "zh/"],
                                capture_output=True, text=True, timeout=900)
    finally:
        os.unlink(config.name)
    rows = [line for line in result.stdout.splitlines() if line and not line.startswith("#")]
    header = rows[0].split(";") if rows else []
    problems = []
    for line in rows[1:]:
        fields = dict(zip(header, line.split(";")))
        if fields.get("valid", "True") == "False" or "Anchor" in fields.get("warningstring", ""):
            problems.append(f"{fields.get('parentname')} -> {fields.get('urlname')}: "
                            f"{fields.get('result')} {fields.get('warningstring')}".strip())
    return max(len(rows) - 1, 0), problems


# -- page weight -------------------------------------------------------------------------------
def page_weight(browser, url: str, search: str | None = None) -> dict:
    """Bytes a page loads with a cold cache (gzip, as served); search index counted apart.

    Read from the page's own Resource Timing entries (encoded body sizes), so that the
    measurement does not disturb the page.
    """
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    if search:
        search_results(page, search)
        page.wait_for_timeout(300)
    entries = page.evaluate("""() => performance.getEntriesByType('navigation')
        .concat(performance.getEntriesByType('resource'))
        .map(e => [e.name, e.encodedBodySize])""")
    context.close()
    bodies = dict(entries)
    index = {u: b for u, b in bodies.items() if "search_index" in u}
    rest = sum(b for u, b in bodies.items() if u not in index)
    return {"url": url, "bytes": rest, "requests": len(bodies), "indexes": index}


# -- what each gate needs ----------------------------------------------------------------------
def lacking(gate: str) -> str:
    """What a gate needs and this machine lacks, said plainly ("" when nothing is missing)."""
    needs = {
        "axe": [(AXE.exists(), "axe-core missing (node_modules: run npm ci)")],
        "lighthouse": [((NODE_BIN / "lighthouse").exists(), "lighthouse missing (node_modules: run npm ci)")],
        "print": [(shutil.which("pdftotext") is not None, "pdftotext missing (install poppler-utils)"),
                  (shutil.which("pdffonts") is not None, "pdffonts missing (install poppler-utils)")],
        "browser": [(Path(chromium_path()).exists(), f"Chromium missing ({chromium_path()})")],
    }
    return "; ".join(message for present, message in needs.get(gate, []) if not present)


# -- Lighthouse --------------------------------------------------------------------------------
def lighthouse(url: str) -> dict:
    """Lighthouse scores 0–100; on a miss, the median of five runs.

    The performance score moves by several points from run to run on a shared machine
    (Lighthouse's own guidance is to take the median of several runs). A page that is
    really over budget misses in most runs and fails; one unlucky run does not.
    """
    first = lighthouse_run(url)
    if min(first.values()) >= BUDGET_LIGHTHOUSE:
        return first
    runs = [first] + [lighthouse_run(url) for _ in range(4)]
    return {key: sorted(run[key] for run in runs)[2] for key in first}


def lighthouse_run(url: str) -> dict:
    """One Lighthouse 12 run (mobile emulation) with the system Chromium; scores 0–100."""
    flags = " ".join(["--headless=new"] + CHROMIUM_ARGS)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        result = subprocess.run(
            [str(NODE_BIN / "lighthouse"), url, f"--chrome-path={chromium_path()}", f"--chrome-flags={flags}",
             "--only-categories=performance,accessibility,best-practices", "--output=json",
             f"--output-path={out}", "--quiet", "--max-wait-for-load=60000"],
            capture_output=True, text=True, timeout=300, env=dict(os.environ, CHROME_PATH=chromium_path()))
        if result.returncode != 0 or not out.exists():
            raise RuntimeError(f"lighthouse failed for {url}:\n{result.stderr[-2000:]}")
        report = json.loads(out.read_text(encoding="utf-8"))
    categories = report["categories"]
    return {key: round(100 * (categories[key]["score"] or 0)) for key in ("performance", "accessibility", "best-practices")}


# -- print -------------------------------------------------------------------------------------
def print_pdf(browser, url: str, out: Path) -> dict:
    """Print a page to PDF in Chromium; return what the PDF shows."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    page.emulate_media(media="print")
    # An external link at the end of the content (the pages have none of their own): the
    # print style sheet should print its target, which then shows in the PDF's text.
    after = page.evaluate("""(target) => {
        const p = document.createElement('p'), a = document.createElement('a');
        a.href = target; a.textContent = 'printed link'; p.appendChild(a);
        document.querySelector('.md-content .md-typeset').appendChild(p);
        return getComputedStyle(a, '::after').content; }""", PRINTED_LINK)
    hidden = page.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.md-footer', '.md-banner']
        .map(s => document.querySelector(s)).filter(Boolean)
        .every(el => getComputedStyle(el).display === 'none')""")
    page.pdf(path=str(out), format="A4", print_background=True)
    context.close()
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout \
        if shutil.which("pdftotext") else ""
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout \
        if shutil.which("pdffonts") else ""
    return {"pdf": out, "text": text, "fonts": fonts, "link_after": after, "chrome_hidden": hidden,
            "pages": text.count("\f")}
