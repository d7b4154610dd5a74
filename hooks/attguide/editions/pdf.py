"""The PDF of an edition: one file per language, printed by WeasyPrint from a print build.

``make pdf`` (a preview of the current edition) and ``make release CYCLE=…`` run
:func:`build_pdfs`:

1. build the cycle's offline edition (one ``.html`` file per page, relative links) into a
   temporary folder — the print build;
2. per language, take each page's article content in reading order (introduction, every
   phase overview with its topics, the Tools, every article page, glossary, sources, what
   changed),
   give every ``id`` a page prefix and turn links between printed pages into links inside
   the document (links to pages not printed go to the online edition);
3. render ``partials/att/pdf-document.html`` (cover, contents with page numbers, the pages)
   with ``assets/att-print.css`` and let WeasyPrint write an A4 PDF with bookmarks, running
   header and footer, and ``target-counter`` page numbers after cross-references.

WeasyPrint only loads files from the print build (no other origin). It is imported only
here, on demand: the site build never needs it. The hook uses :func:`pdf_name` and
:func:`pdf_url` for the footer link.
"""

from __future__ import annotations

import concurrent.futures
import hashlib
import logging
import posixpath
import re
import tempfile
import time
from pathlib import Path

import jinja2

from . import changes, feeds, tools
from . import cycle as editions
from ..read import languages
from ..read.registry import Registry

log = logging.getLogger("mkdocs.plugins.attguide.pdf")

PDF_VARIANT = "pdf/ua-1"  # WeasyPrint >= 63: tagged PDF for accessibility
PARTIALS = Path(__file__).resolve().parents[3] / "overrides"
_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(?P<body>.*)</article>', re.DOTALL)
_DROP = re.compile(r'<a[^>]*class="(?:md-content__button|headerlink)[^"]*"[^>]*>.*?</a>|<script\b.*?</script>',
                   re.DOTALL)
_ATTRIBUTE = re.compile(r'(?P<space>\s)(?P<name>id|href|src|for)="(?P<value>[^"]*)"')
_TITLE = re.compile(r"<title>(?P<title>.*?)</title>", re.DOTALL)
_COPYRIGHT = re.compile(r'<div class="md-copyright__highlight">(?P<text>.*?)</div>', re.DOTALL)
_H1 = re.compile(r"<h1[^>]*>(?P<title>.*?)</h1>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


def pdf_name(cycle_id: str, lang: str) -> str:
    """File name of an edition's PDF, e.g. ``att-guidance-csp13-zh.pdf``."""
    return f"att-guidance-{cycle_id}-{lang}.pdf"


def pdf_url(root_url: str, cycle_id: str, lang: str, versioned: bool, site_root: str,
            offline: bool = False, released: list[dict] | None = None) -> str:
    """Where a page's footer links to its edition's PDF (``downloads/`` beside the versions).

    On the versioned site: relative, and only when the release record lists that PDF. An
    offline bundle holds no PDF: the published one. Any other build (``make serve``, a preview)
    has no PDF: no link.
    """
    if versioned:
        if released is not None and not has_pdf(released, cycle_id, lang):
            return ""
        return f"{site_root.rstrip('/')}/../downloads/{pdf_name(cycle_id, lang)}"
    if not offline or not root_url:
        return ""
    return f"{root_url.rstrip('/')}/downloads/{pdf_name(cycle_id, lang)}"


def has_pdf(released: list[dict], cycle_id: str, lang: str) -> bool:
    """Whether the release record (downloads.yml) lists the PDF of ``cycle_id`` in ``lang``."""
    return any(f.get("file") == pdf_name(cycle_id, lang)
               for entry in released if entry.get("cycle") == cycle_id for f in entry.get("files") or [])


# -- the document -----------------------------------------------------------------------------
def built_file(base: str, lang: str) -> str:
    """Site-relative path of a page in the print build (offline layout: ``x/y.html``)."""
    return languages.prefix(lang) + base[:-3] + ".html"


def reading_plan(registry: Registry, lang: str) -> list[dict]:
    """The printed pages in reading order, with their bookmark level and part headings."""
    t = registry.strings(lang)
    plan = [{"base": "about.md", "level": 1}]
    plan.append({"part": t["pdf_part_phases"], "level": 1})
    for phase in registry.phases.values():
        plan.append({"base": phase.overview_path, "level": 2})
        plan.extend({"base": phase.topic_path(topic), "level": 3} for topic in phase.topics)
    tools = tool_pages()
    if tools:  # the worksheet and plans are meant to be printed with every file
        plan.append({"part": t["pdf_part_tools"], "level": 1})
        plan.extend({"base": base, "level": 2} for base in tools)
    plan.append({"part": t["pdf_part_articles"], "level": 1})
    plan.extend({"base": f"articles/{article.slug}.md", "level": 2} for article in registry.articles.values())
    plan.extend({"base": base, "level": 1} for base in ("glossary.md", "sources.md", changes.CHANGES_PAGE))
    return plan


_NAV_TOOL = re.compile(r"^\s*-\s*(?:[^:\n]*:\s*)?(?P<path>tools/[\w./-]+\.md)\s*$", re.MULTILINE)


def tool_pages(config_text: str | None = None) -> list[str]:
    """The Tools pages (English base paths) in the order of the navigation of ``mkdocs.yml``."""
    if config_text is None:
        config = PARTIALS.parent / "mkdocs.yml"
        config_text = config.read_text(encoding="utf-8") if config.exists() else ""
    found = []
    for match in _NAV_TOOL.finditer(config_text):
        if match.group("path") not in found:
            found.append(match.group("path"))
    return found


def online_url(edition_root: str, site_path: str) -> str:
    """The online (directory-URL) address of a print-build path."""
    path, _, fragment = site_path.partition("#")
    if path.endswith("index.html"):
        path = path[: -len("index.html")]
    elif path.endswith(".html"):
        path = path[: -len(".html")] + "/"
    return edition_root + path + (f"#{fragment}" if fragment else "")


def rewrite(html: str, page_file: str, anchor: str, anchors: dict[str, str], edition_root: str) -> str:
    """Prefix the ids of one page with ``anchor`` and point its links into the document."""
    folder = posixpath.dirname(page_file)

    def one(match: re.Match) -> str:
        name, value, space = match.group("name"), match.group("value"), match.group("space")
        if name in ("id", "for"):
            return f'{space}{name}="{anchor}-{value}"'
        if value.startswith("#"):
            return f'{space}{name}="#{anchor}-{value[1:]}"' if name == "href" else match.group(0)
        if _SCHEME.match(value) or value.startswith("//"):
            return match.group(0)
        path, _, fragment = value.partition("#")
        target = posixpath.normpath(posixpath.join(folder, path)) if path else page_file
        if name == "src":
            return f'{space}src="{target}"'
        if target in anchors:
            inner = f"{anchors[target]}-{fragment}" if fragment else anchors[target]
            return f'{space}data-att-xref="" href="#{inner}"'
        if not edition_root:  # no site address configured: the text stays, without a link
            return f'{space}data-att-online=""'
        return f'{space}href="{online_url(edition_root, target + ("#" + fragment if fragment else ""))}"'

    return _ATTRIBUTE.sub(one, html)


def _text(html: str) -> str:
    """Plain text of a fragment of HTML (for titles)."""
    return re.sub(r"\s+", " ", _TAG.sub("", html)).strip()


def document_view(site: Path, registry: Registry, cycle_id: str, lang: str, edition_root: str,
                  day) -> dict:
    """What ``pdf-document.html`` needs for one language: cover, contents and the pages."""
    t = registry.strings(lang)
    cycle = registry.cycles[cycle_id]
    plan = reading_plan(registry, lang)
    anchors = {}
    for index, item in enumerate(plan):
        item["anchor"] = f"p{index}"
        if "base" in item:
            if (site / built_file(item["base"], lang)).exists():
                anchors[built_file(item["base"], lang)] = item["anchor"]
            else:
                log.warning("pdf: %s is not in the print build; left out", built_file(item["base"], lang))
    pages = []
    for item in plan:
        if "part" in item:
            pages.append({"part": item["part"], "anchor": item["anchor"], "level": 1, "title": item["part"]})
            continue
        page_file = built_file(item["base"], lang)
        if page_file not in anchors:
            continue
        match = _ARTICLE.search((site / page_file).read_text(encoding="utf-8"))
        body = _DROP.sub("", match.group("body")) if match else ""
        h1 = _H1.search(body)
        pages.append({"anchor": item["anchor"], "level": item["level"], "title": _text(h1.group("title")) if h1 else "",
                      "html": rewrite(body, page_file, item["anchor"], anchors, edition_root)})
    home = (site / built_file("index.md", lang)).read_text(encoding="utf-8")
    # The home page's <title> is "Home - <site name>": the site name is the last part.
    title = _TAG.sub("", _TITLE.search(home).group("title")).strip().split(" - ")[-1]
    copyright_match = _COPYRIGHT.search(home)
    return {"lang": lang, "title": title, "t": t,
            "edition": cycle.label(lang), "status": cycle.status_label(lang),
            "date": editions.format_date(day, lang),
            "disclaimer": _text(copyright_match.group("text")) if copyright_match else "",
            "online": edition_root + languages.prefix(lang) if edition_root else "", "pages": pages}


def render_document(view: dict) -> str:
    """The combined HTML of one language, from ``partials/att/pdf-document.html``."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(PARTIALS)), autoescape=False)
    return env.get_template("partials/att/pdf-document.html").render(doc=view)


def _local_only(site: Path):
    """A WeasyPrint URL fetcher that serves files of the print build and nothing else."""
    from weasyprint.urls import URLFetcher

    root = site.resolve().as_uri() + "/"

    class LocalFetcher(URLFetcher):
        """Refuses every URL outside the print build (no other origin, no network)."""

        def fetch(self, url, headers=None):
            """Fetch a file of the print build."""
            if not url.startswith(root):
                raise ValueError(f"pdf: refusing to load {url} (only the print build is read)")
            return super().fetch(url, headers)

    return LocalFetcher(allowed_protocols=("file",))


def write_pdf(html: str, site: Path, target: Path) -> None:
    """Print the combined HTML to ``target`` (A4, fonts embedded and subset)."""
    import weasyprint

    document = weasyprint.HTML(string=html, base_url=site.resolve().as_uri() + "/", url_fetcher=_local_only(site))
    # Tagged (PDF/UA-1: structure tree, reading order, /Lang, title), so screen readers can read it.
    document.write_pdf(str(target), uncompressed_pdf=False, pdf_variant=PDF_VARIANT)


def print_build(project: Path, cycle_id: str, site: Path) -> None:
    """The print build: the cycle's offline edition (``.html`` pages, relative links)."""
    tools.mkdocs_build(project, site, ATT_OFFLINE="true", ATT_CYCLE=cycle_id)


def print_language(site: Path, registry: Registry, cycle_id: str, lang: str, edition_root: str, day,
                   out_dir: Path) -> dict:
    """Print one language's PDF and its checksum file; return its downloads entry."""
    started = time.monotonic()
    target = out_dir / pdf_name(cycle_id, lang)
    view = document_view(site, registry, cycle_id, lang, edition_root, day)
    write_pdf(render_document(view), site, target)
    data = target.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    (out_dir / (target.name + ".sha256")).write_text(f"{digest}  {target.name}\n", encoding="utf-8")
    return {"file": target.name, "kind": "pdf", "lang": lang, "size": len(data), "sha256": digest,
            "seconds": round(time.monotonic() - started, 1)}


def build_pdfs(project: Path, registry: Registry, cycle_id: str, out_dir: Path, root_url: str,
               site: Path | None = None) -> list[dict]:
    """Write both languages' PDFs of ``cycle_id`` to ``out_dir`` (in parallel); return their entries."""
    out_dir.mkdir(parents=True, exist_ok=True)
    # Without a configured site address the PDF names no online edition (no made-up address).
    edition_root = feeds.edition_url(root_url, cycle_id, True) if root_url else ""
    day = editions.build_date()
    with tempfile.TemporaryDirectory() as tmp:
        if site is None:
            site = Path(tmp) / "print"
            started = time.monotonic()
            print_build(project, cycle_id, site)
            log.info("pdf: print build in %.1f s", time.monotonic() - started)
        # One process per language: WeasyPrint is single-threaded and the languages are independent.
        with concurrent.futures.ProcessPoolExecutor(max_workers=len(languages.codes())) as pool:
            jobs = [pool.submit(print_language, site, registry, cycle_id, lang, edition_root, day, out_dir)
                    for lang in languages.codes()]
            return [job.result() for job in jobs]
