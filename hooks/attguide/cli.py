"""Command line of the project's maintenance tasks (run by the Makefile).

    python -m attguide.cli new-topic PHASE ID --en "English name" --zh "中文名称"
    python -m attguide.cli release CYCLE [--push] [--no-absolute-addresses]
    python -m attguide.cli check-sources        # external addresses (needs a network)
    python -m attguide.cli force-wording        # provisions cited in words that misstate their force
    python -m attguide.cli pdf [CYCLE]
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

from .check import linkcheck
from .check import wording
from .editions import pdf as pdf_module
from .read import languages
from .read import registry as registry_module
from .editions import release as release_module
from .editions import scaffold
from .read import sources as sources_module
from .read import terms as termbase
from .read.problems import shown_path
from .check import termcheck
from .editions import translations
from .check.scan import scan_site

log = logging.getLogger("mkdocs.plugins.attguide.cli")
PROJECT = Path(__file__).resolve().parents[2]


def _say(text: str) -> None:
    """Write one line for the person at the terminal."""
    sys.stdout.write(text + "\n")


def new_topic(args) -> int:
    """Create both language files of a topic and add it to the registry."""
    registry = registry_module.load(args.registry)
    problem = scaffold.check_new_topic(registry, args.phase, args.id)
    if problem:
        _say(f"error: {problem}")
        return 2
    en = args.en or args.id.replace("-", " ").capitalize()
    zh = args.zh or en
    try:
        # A language without a name given (only --en and --zh exist) repeats the English one.
        names = {lang: {"en": en, "zh": zh}.get(lang, en) for lang in languages.codes()}
        files = scaffold.write_topic(Path(args.docs), Path(args.registry), registry, args.phase, args.id, names)
    except FileExistsError as error:
        _say(f"error: {error}, although the registry has no topic {args.phase}/{args.id} — choose another id, "
             f"or add the topic to {args.registry} by hand to keep the existing page")
        return 2
    for path in files:
        _say(f"created {path}")
    _say(f"added {args.phase}/{args.id} to {args.registry}")
    if not args.zh:
        _say("note: no --zh name given; the Chinese title repeats the English one until you set it "
             "in the registry and the .zh.md page")
    return 0


def release(args) -> int:
    """Bundle, record and deploy one CSP cycle."""
    registry = registry_module.load(args.registry)
    try:
        figures = release_module.release(PROJECT, registry, args.cycle, push=args.push,
                                          allow_relative=args.allow_relative)
    except (ValueError, RuntimeError) as error:
        _say(f"error: {error}")
        return 2
    _say(f"released {figures['cycle']}{' (latest)' if figures['latest'] else ''}")
    _say(f"  bundle   {figures['file']}  {figures['size'] / 1e6:.2f} MB  sha256 {figures['sha256']}")
    for entry in figures.get("files", []):
        _say(f"  pdf      {entry['file']}  {entry['size'] / 1e6:.2f} MB  sha256 {entry['sha256']}  {entry['seconds']} s")
    _say(f"  tag      {figures['cycle']} ({figures['tag']})")
    _say(f"  timing   bundle {figures['bundle_seconds']} s, PDFs {figures['pdf_seconds']} s, "
         f"whole release {figures['total_seconds']} s")
    return 0


def pdf(args) -> int:
    """Print the PDFs of an edition (default: the newest cycle) into build/pdf/ for a preview."""
    registry = registry_module.load(args.registry)
    cycle_id = args.cycle or registry.newest_cycle().id
    if cycle_id not in registry.cycles:
        _say(f"error: unknown cycle '{cycle_id}' — cycles in the registry: {', '.join(registry.cycles)}")
        return 2
    try:
        files = pdf_module.build_pdfs(PROJECT, registry, cycle_id, PROJECT / "build" / "pdf",
                                      release_module.site_url(PROJECT))
    except RuntimeError as error:
        _say(f"error: {error}")
        return 2
    for entry in files:
        _say(f"  pdf      build/pdf/{entry['file']}  {entry['size'] / 1e6:.2f} MB  {entry['seconds']} s")
    return 0


def translations_report(args) -> int:
    """List each Chinese page as current, outdated or unmarked; exit 1 with --check if any is not current."""
    registry = registry_module.load(args.registry)
    model = scan_site(args.docs, registry)
    rows = translations.report(model)
    width = max(len(row["base"]) for row in rows)
    for row in rows:
        _say(f"{row['status']:<9} {row['base']:<{width}}")
    states = (translations.CURRENT, translations.OUTDATED, translations.UNMARKED)
    counts = {state: sum(1 for row in rows if row["status"] == state) for state in states}
    _say(", ".join(f"{count} {state}" for state, count in counts.items()))
    for state in states[1:]:
        if counts[state]:
            _say(f"  {state}: {translations.EXPLAINED[state]}")
    behind = counts[translations.OUTDATED] + counts[translations.UNMARKED]
    return 1 if args.check and behind else 0


def translations_mark(args) -> int:
    """Record that a Chinese page now translates the current English text."""
    try:
        path, value = translations.mark(Path(args.docs), args.page)
    except FileNotFoundError as error:
        _say(f"error: {error}")
        return 2
    _say(f"{path}: source_revision {value}")
    return 0


def check_sources(args) -> int:
    """HEAD/GET every external address; say plainly when there is no network."""
    registry = registry_module.load(args.registry)
    shown = shown_path(sources_module.path_beside(args.registry))
    return linkcheck.run(registry.sources, shown, Path(args.docs), _say)


def force_wording(args) -> int:
    """List sentences citing a provision in words that misstate its force; exit 1 if any."""
    registry = registry_module.load(args.registry)
    model = scan_site(args.docs, registry, shown_prefix=shown_path(args.docs))
    issues = wording.check_wording(model, shown_path(args.docs))
    for issue in issues:
        _say(str(issue))
    _say(f"{len(issues)} sentence{'s' if len(issues) != 1 else ''} to confirm")
    return 1 if issues else 0
def terms(args) -> int:
    """Check every page against the termbase; list each avoided variant as path:line."""
    registry = registry_module.load(args.registry)
    base = termbase.load(termbase.path_beside(args.registry), registry)
    found = termcheck.check_docs(args.docs, base, registry)
    for problem in found:
        _say(str(problem))
    _say(f"{len(found)} avoided term(s) or spelling(s) found in {args.docs}" if found else
         f"terms: every page follows the termbase ({len(base.terms)} entries)")
    return 1 if found else 0


def preview_versions(args) -> int:
    """Serve the versioned site with a 404 page per language and version (attguide.editions.preview)."""
    from .editions import preview

    preview.serve(args.dev_addr)
    return 0


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run one task; errors are messages, not tracebacks."""
    parser = argparse.ArgumentParser(prog="attguide")
    parser.add_argument("--registry", default=str(registry_module.DEFAULT_PATH))
    parser.add_argument("--docs", default=str(PROJECT / "docs"))
    commands = parser.add_subparsers(dest="command", required=True)

    topic = commands.add_parser("new-topic", help="scaffold a topic in both languages")
    topic.add_argument("phase")
    topic.add_argument("id")
    topic.add_argument("--en", help="English name of the topic")
    topic.add_argument("--zh", help="Chinese name of the topic")
    topic.set_defaults(run=new_topic)

    cut = commands.add_parser("release", help="bundle and deploy a CSP cycle with mike")
    cut.add_argument("cycle")
    cut.add_argument("--push", action="store_true", help="push gh-pages afterwards")
    cut.add_argument("--no-absolute-addresses", dest="allow_relative", action="store_true",
                     help="publish without a site address (ATT_SITE_URL): citations give paths, the PDFs and "
                          "feeds carry no absolute address of the site")
    cut.set_defaults(run=release)

    printed = commands.add_parser("pdf", help="print an edition's PDFs (both languages) into build/pdf/")
    printed.add_argument("cycle", nargs="?", help="the cycle (default: the newest in the registry)")
    printed.set_defaults(run=pdf)

    drift = commands.add_parser("translations", help="list translations as current, outdated or unmarked")
    drift.add_argument("--check", action="store_true", help="exit 1 when any is outdated or unmarked")
    drift.set_defaults(run=translations_report)

    marked = commands.add_parser("translations-mark", help="record the English revision a translation follows")
    marked.add_argument("page", help="docs-relative path of the English or Chinese page")
    marked.set_defaults(run=translations_mark)

    served = commands.add_parser("preview-versions", help="serve gh-pages (as mike serve) with the site's 404 pages")
    served.add_argument("--dev-addr", default="127.0.0.1:8000")
    served.set_defaults(run=preview_versions)

    links = commands.add_parser("check-sources", help="check the external addresses (needs a network)")
    links.set_defaults(run=check_sources)

    force_command = commands.add_parser("force-wording",
                                  help="flag sentences that cite an obligation as 'asks' and the like")
    force_command.set_defaults(run=force_wording)
    checked = commands.add_parser("terms", help="fail on variants the termbase avoids, in every page")
    checked.set_defaults(run=terms)

    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except PluginError as error:
        _say(f"error: {error}")
        return 2


if __name__ == "__main__":
    sys.exit(main())
