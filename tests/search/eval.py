"""`make search-eval`: how well the real search answers a delegate's queries, per language.

Builds the site once (or uses ``--site``), serves it on 127.0.0.1, drives Material's search
in the system Chromium with every query of ``queries.yml`` and prints, per language, the
share of queries whose expected page comes first and the share where it is among the first
three results: for all queries, for the earlier set (queries without ``kind``) and for each
kind of the extended set (``reference``, ``synonym``, ``typo``). ``-v`` prints every query;
misses are always printed.

Exit status 0 unless ``--min-first``/``--min-top3`` (percentages) are given and not met.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from browser_support import ranked_pages, serve, wait_for_search  # noqa: E402
from support import CHROMIUM_ARGS, build_site_or_report, chromium_path  # noqa: E402

QUERIES = HERE / "queries.yml"
HOMES = {"en": "", "zh": "zh/"}
PROBES = {"en": "treaty", "zh": "条约"}


def load_queries(path: Path = QUERIES) -> dict[str, list[dict]]:
    """The queries per language: ``{lang: [{q, first: [paths], kind}]}`` (kind "" for the earlier set)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {lang: [dict(item, first=list(item["first"]), kind=item.get("kind", "")) for item in items]
            for lang, items in data.items()}


def evaluate(browser, url: str, lang: str, queries: list[dict]) -> list[dict]:
    """Run each query on the language's home page; return one row per query."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    home = url + HOMES[lang]
    page.goto(home)
    wait_for_search(page, PROBES[lang])
    rows = []
    for item in queries:
        pages = [p[len(home):] if p.startswith(home) else p for p in ranked_pages(page, item["q"])]
        rank = next((i + 1 for i, p in enumerate(pages) if p in item["first"]), None)
        rows.append({"q": item["q"], "expected": item["first"], "rank": rank, "got": pages[:3], "kind": item["kind"]})
    context.close()
    return rows


def figures(rows: list[dict]) -> tuple[int, int, int]:
    """(queries, first, top three) of ``rows``."""
    first = sum(1 for r in rows if r["rank"] == 1)
    top3 = sum(1 for r in rows if r["rank"] is not None and r["rank"] <= 3)
    return len(rows), first, top3


def report(lang: str, rows: list[dict], verbose: bool) -> tuple[float, float]:
    """Print the rows (misses always) and the language's figures; return (first %, top-3 %)."""
    for r in rows:
        if verbose or r["rank"] != 1:
            mark = "ok " if r["rank"] == 1 else (f"#{r['rank']} " if r["rank"] else "-- ")
            print(f"  {lang} {mark} {r['q']!r}: got {r['got'] or 'nothing'}"
                  + ("" if r["rank"] == 1 else f" (want {r['expected'][0]})"))
    n, first, top3 = figures(rows)
    p_first, p_top3 = 100.0 * first / n, 100.0 * top3 / n
    print(f"{lang}: {n} queries, first {first}/{n} ({p_first:.0f} %), top three {top3}/{n} ({p_top3:.0f} %)")
    kinds = sorted({r["kind"] for r in rows})
    for kind in kinds if len(kinds) > 1 else ():
        k, k_first, k_top3 = figures([r for r in rows if r["kind"] == kind])
        print(f"  {lang} {kind or 'earlier set':12} {k:3} queries, first {k_first}/{k} ({100.0 * k_first / k:.0f} %),"
              f" top three {k_top3}/{k} ({100.0 * k_top3 / k:.0f} %)")
    extended = [r for r in rows if r["kind"]]
    if extended and len(extended) < n:
        k, k_first, k_top3 = figures(extended)
        print(f"  {lang} {'extended set':12} {k:3} queries, first {k_first}/{k} ({100.0 * k_first / k:.0f} %),"
              f" top three {k_top3}/{k} ({100.0 * k_top3 / k:.0f} %)")
    return p_first, p_top3


def main(argv: list[str] | None = None) -> int:
    """Build (unless --site), serve, search, print; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a site already built (skips the build)")
    parser.add_argument("--lang", choices=sorted(HOMES), action="append", help="only this language")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every query")
    parser.add_argument("--min-first", type=float, default=0.0)
    parser.add_argument("--min-top3", type=float, default=0.0)
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    queries = load_queries()
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            if not build_site_or_report(site):
                return 1
        server, url = serve(site)
        ok = True
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
                for lang in args.lang or list(HOMES):
                    p_first, p_top3 = report(lang, evaluate(browser, url, lang, queries[lang]), args.verbose)
                    ok = ok and p_first >= args.min_first and p_top3 >= args.min_top3
                browser.close()
        finally:
            server.shutdown()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
