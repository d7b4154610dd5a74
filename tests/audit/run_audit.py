"""`make audit`: build the site afresh, run every gate, print a table of the figures.

Exit status 1 when any figure is outside its budget.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import gates  # noqa: E402
from browser_support import serve  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402
from support import ROOT, build_site_or_report  # noqa: E402


def main() -> int:
    """Build, measure, print; return the exit status."""
    rows: list[tuple[str, str, str, bool]] = []  # gate, subject, figure, within budget
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        if not build_site_or_report(site):
            return 1
        server, url = serve(site)
        try:
            if gates.lacking("browser"):  # every browser gate would fail for the same reason
                rows.append(("browser", "axe, weight, print", gates.lacking("browser"), False))
            with sync_playwright() as playwright:
                browser = gates.launch(playwright) if not gates.lacking("browser") else None
                if browser is None:
                    results = []
                elif gates.lacking("axe"):
                    rows.append(("axe", "every page type", gates.lacking("axe"), False))
                    results = []
                else:
                    results = gates.accessibility(browser, url)
                for result in results:
                    bad = [v for v in result["violations"] if v["impact"] in ("serious", "critical")]
                    other = len(result["violations"]) - len(bad)
                    rows.append(("axe", f"{result['lang']} {result['page']}",
                                 f"{len(bad)} serious/critical, {other} minor", not bad))
                for lang, prefix in (gates.LANGUAGES.items() if browser else ()):
                    weight = gates.page_weight(browser, url + prefix + gates.PAGE_TYPES["topic"],
                                               search="风险评估" if lang == "zh" else "risk")
                    rows.append(("weight", f"{lang} topic page", f"{weight['bytes'] / 1024:.1f} KB gzip, "
                                 f"{weight['requests'] - len(weight['indexes'])} requests",
                                 weight["bytes"] <= gates.BUDGET_TOPIC_KB * 1024))
                    for index_url, size in weight["indexes"].items():
                        own = ("/zh/" in index_url) == (lang == "zh")
                        rows.append(("weight", f"{lang} search index", f"{size / 1024:.1f} KB gzip "
                                     f"({index_url.replace(url, '')})", own))
                out = ROOT / "tests" / "artifacts"
                out.mkdir(parents=True, exist_ok=True)
                if browser and gates.lacking("print"):
                    # Without poppler the PDF cannot be read: say so, not "0 A4 pages, Chinese text: False".
                    rows.append(("print", "zh topic page", gates.lacking("print"), False))
                elif browser:
                    printed = gates.print_pdf(browser, url + "zh/" + gates.PAGE_TYPES["topic"], out / "topic-zh.pdf")
                    cjk = "风险评估" in printed["text"]
                    rows.append(("print", "zh topic page", f"{printed['pages']} A4 pages, chrome hidden: "
                                 f"{printed['chrome_hidden']}, Chinese text: {cjk}, link targets: "
                                 f"{'printed' if gates.PRINTED_LINK in printed['text'].replace(chr(10), '') else 'missing'}",
                                 printed["chrome_hidden"] and cjk))
                if browser:
                    browser.close()
            checked, broken = gates.broken_links(url)
            rows.append(("links", "whole site, both languages", f"{checked} links, {len(broken)} broken", not broken))
            for line in broken[:20]:
                sys.stdout.write(f"  broken: {line}\n")
            lighthouse_lacks = gates.lacking("lighthouse") or gates.lacking("browser")
            if lighthouse_lacks:
                rows.append(("lighthouse", "home and topic (mobile)", lighthouse_lacks, False))
            for lang, prefix in (gates.LANGUAGES.items() if not lighthouse_lacks else ()):
                for name in ("home", "topic"):
                    scores = gates.lighthouse(url + prefix + gates.PAGE_TYPES[name])
                    ok = all(value >= gates.BUDGET_LIGHTHOUSE for value in scores.values())
                    rows.append(("lighthouse", f"{lang} {name} (mobile)",
                                 " / ".join(f"{k} {v}" for k, v in scores.items()), ok))
        finally:
            server.shutdown()
    width = max(len(subject) for _, subject, _, _ in rows)
    sys.stdout.write(f"\n| gate | page | figure | within budget |\n|---|---|---|---|\n")
    for gate, subject, figure, ok in rows:
        sys.stdout.write(f"| {gate} | {subject:<{width}} | {figure} | {'yes' if ok else 'NO'} |\n")
    failed = [row for row in rows if not row[3]]
    sys.stdout.write(f"\n{len(rows) - len(failed)} within budget, {len(failed)} outside\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
