"""The build's first pass: every Markdown source read once, then its references and markup checked.

:func:`scan_site` takes MkDocs' own file list (:func:`source_paths`: ``exclude_docs`` and
draft pages are left out as MkDocs leaves them out), decodes each page as MkDocs decodes it
(``utf-8-sig``, so a byte-order mark is not text) and has :func:`attguide.read.sitemodel.read_page`
read it into a :class:`SourcePage`. :func:`check_page` then checks the page's markup and turns
its inline and front-matter references into checked :class:`attguide.refs.Target` values
(articles as :class:`attguide.refs.ArticleRef`, built from the text as written). The rules
that span pages and languages then run in :mod:`attguide.check.rules`.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.structure.files import get_files

from . import rules as checks
from ..read import refs
from . import safety
from ..read.problems import Problems
from ..read import languages
from ..read.registry import Registry
from ..read.sitemodel import SiteModel, SourcePage, language_of, read_page

log = logging.getLogger("mkdocs.plugins.attguide.scan")


def source_paths(config) -> list[str]:
    """Docs-relative paths of the Markdown pages MkDocs builds (``exclude_docs``, drafts honoured)."""
    return sorted(file.src_uri for file in get_files(config).documentation_pages())


def scan_site(docs_dir: str | Path, registry: Registry, shown_prefix: str = "docs",
              paths: list[str] | None = None) -> SiteModel:
    """First pass over the pages: read, check and pair every page of every language.

    ``paths`` are the docs-relative pages to read (the hook passes MkDocs' own list, see
    :func:`source_paths`); without it every ``*.md`` under ``docs_dir`` is read.
    """
    docs = Path(docs_dir)
    model = SiteModel(registry, str(docs), {lang: {} for lang in languages.codes()})
    if paths is None:
        paths = sorted(file.relative_to(docs).as_posix() for file in docs.rglob("*.md"))
    for rel in paths:
        lang, base = language_of(rel)
        if lang not in model.pages:
            continue
        shown = f"{shown_prefix}/{rel}" if shown_prefix else rel
        page = read_page(rel, (docs / rel).read_bytes().decode("utf-8-sig"), shown, model.problems)
        check_page(page, shown, registry, model.problems)
        model.pages[lang][base] = page
    checks.check_site(model, shown_prefix)
    return model


def check_page(page: SourcePage, shown: str, registry: Registry, problems: Problems) -> None:
    """Check one page read by :func:`read_page` (shown as ``shown``): its markup, and its inline
    and front-matter references against the registry, kept on the page as checked targets."""
    meta = page.meta
    body = page.body

    # Unsafe markup (scripts, handlers, frames, third-party resources).
    safety.check(body, shown, meta.body_line, problems)
    safety.check_front_matter(meta, shown, problems)

    # Inline references, checked against the registry.
    for link in refs.scan(body, meta.body_line):
        try:
            page.targets.append((link, refs.parse_target(link.url, registry)))
        except refs.RefError as error:
            problems.add(shown, link.line, error.message, error.hint)

    # Front-matter references: articles and related topics.
    for index, item in enumerate(meta.get("articles", [])):
        written = str(item).strip()  # the YAML scalar as written (see frontmatter.parse)
        try:
            page.articles.append(refs.article_target(refs.ArticleRef.parse(written), written, registry))
        except refs.RefError as error:
            problems.add(shown, meta.item_line("articles", index), f"in 'articles': {error.message}",
                         error.hint)
    for item in meta.get("related", []):
        try:
            page.related.append(refs.topic_target(item, registry, scheme=""))
        except refs.RefError as error:
            problems.add(shown, meta.line("related"), f"in 'related': {error.message}", error.hint)
    for item in meta.get("sources", []):
        try:
            page.sources.append(refs.source_target(item, registry, scheme=""))
        except refs.RefError as error:
            problems.add(shown, meta.line("sources"), f"in 'sources': {error.message}", error.hint)

    status = meta.get("status")
    if status is not None and status not in registry.statuses:
        problems.add(shown, meta.line("status"), f"unknown status '{status}'",
                     "use one of: " + ", ".join(registry.statuses))
