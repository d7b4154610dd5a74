"""View data for the force of provisions and for citations of sources.

Built on :mod:`attguide.views` and :mod:`attguide.modality`: the force badges of article
pages, of a topic's "At a glance" provisions and of the article × phase matrix; a topic's
generated Sources section; an article page's note on the authentic texts. Like the views,
these return plain dictionaries for the partials in ``overrides/partials/att/``.
"""

from __future__ import annotations

import logging
import re

from . import views
from ..read.registry import Registry
from ..read.sitemodel import SiteModel, SourcePage

log = logging.getLogger("mkdocs.plugins.attguide.provisions")

TOPIC_SOURCES_MARKER = "<!-- att:topic-sources -->"
ARTICLE_TEXTS_MARKER = "<!-- att:article-texts -->"
AUTHENTIC_TEXT = "att-text"
CORRECTION = "att-corrections-ar-zh"
RESOLUTION = "ga-res-67-234b"


def badges(registry: Registry, number: int, paragraph: int | None, lang: str) -> list[dict]:
    """The force badges of an article or paragraph: ``[{"id": "obligation", "label": …}]``."""
    table = registry.force
    if not table:
        return []
    t = registry.strings(lang)
    return [{"id": force, "label": t.get(f"force_{force}", force)}
            for force in table.forces(number, paragraph)]


def binding(registry: Registry, number: int, paragraph: int | None = None) -> bool:
    """Whether the article or paragraph carries an obligation."""
    return bool(registry.force) and "obligation" in registry.force.forces(number, paragraph)


# -- article pages ------------------------------------------------------------------------------
def article_force_view(number: int, registry: Registry, lang: str) -> dict:
    """For an article page: each paragraph (or the article) with its force badges."""
    article = registry.articles[number]
    rows = []
    if article.paragraphs:
        for paragraph in range(1, article.paragraphs + 1):
            rows.append({"label": article.label(lang, paragraph), "anchor": f"para-{paragraph}",
                         "badges": badges(registry, number, paragraph, lang)})
    else:
        rows.append({"label": article.label(lang), "anchor": "para",
                     "badges": badges(registry, number, None, lang)})
    return {"rows": rows, "recorded": any(row["badges"] for row in rows)}


def article_texts_view(registry: Registry, lang: str, link) -> dict | None:
    """For an article page: the UN Treaty Collection record of the authentic texts and the
    2013 correction of the Arabic and Chinese texts (None when sources.yml lacks them)."""
    treaty = registry.sources.get(AUTHENTIC_TEXT)
    if treaty is None:
        return None
    correction = registry.sources.get(CORRECTION)
    t = registry.strings(lang)
    status = registry.sources.get(correction.found_at) if correction and correction.found_at else None
    return {
        "treaty": views.source_entry(treaty, registry, lang),
        "treaty_page": link(_sources_page()) + f"#{treaty.id}",
        "languages": _join([t.get(f"language_{code}", code) for code in treaty.languages], t),
        "correction": (dict(views.source_entry(correction, registry, lang), date=_date(correction.date, lang))
                       if correction else None),
        "correction_page": link(_sources_page()) + f"#{correction.id}" if correction else "",
        "status": views.source_entry(status, registry, lang) if status else None,
        "resolution": (views.source_entry(registry.sources[RESOLUTION], registry, lang)
                       if RESOLUTION in registry.sources else None),
    }


def _join(items: list[str], t: dict) -> str:
    """``A, B and C`` / ``A、B和C``."""
    if len(items) < 2:
        return "".join(items)
    return t.get("list_separator", ", ").join(items[:-1]) + t.get("list_last", " and ") + items[-1]


def _date(text: str, lang: str) -> str:
    """A recorded ``YYYY-MM-DD`` date as readers write it (other forms as they stand)."""
    import datetime as dt

    from ..read.languages import format_date

    try:
        return format_date(dt.date.fromisoformat(text), lang)
    except (TypeError, ValueError):
        return text or ""


def _sources_page() -> str:
    """English source path of the Sources page."""
    from ..read.refs import SOURCES_PAGE

    return SOURCES_PAGE


# -- topic pages --------------------------------------------------------------------------------
def topic_provisions(page: SourcePage, registry: Registry, lang: str, link) -> list[dict]:
    """The provisions a topic lists in front matter, each with its force badges."""
    rows = []
    for target, item in zip(page.articles, views.article_links(page, registry, lang, link)):
        number = int(target.key)
        rows.append(dict(item, badges=badges(registry, number, target.paragraph, lang)))
    return rows


def topic_sources(page: SourcePage, registry: Registry, lang: str, link) -> list[dict]:
    """The sources a topic cites (front matter first, then the text), each once."""
    order: list[str] = []
    for target in list(page.sources) + [target for _, target in page.targets]:
        if target.kind == "src" and target.key not in order:
            order.append(target.key)
    rows = []
    for key in order:
        source = registry.sources.get(key)
        if source is None:
            continue
        entry = views.source_entry(source, registry, lang)
        entry["page"] = link(_sources_page()) + f"#{source.id}"
        rows.append(entry)
    return rows


def topic_markdown(lang: str, registry: Registry) -> str:
    """Markdown appended to a topic page: the Sources heading (so the TOC lists it)."""
    title = registry.strings(lang).get("sources_heading", "Sources")
    return f"\n\n## {title} {{#sources}}\n\n{TOPIC_SOURCES_MARKER}\n"


def article_markdown(lang: str, registry: Registry) -> str:
    """Markdown appended to an article page: the authentic-texts heading."""
    title = registry.strings(lang).get("authentic_texts_heading", "Authentic texts")
    return f"\n\n## {title} {{#authentic-texts}}\n\n{ARTICLE_TEXTS_MARKER}\n"


# -- the matrix ----------------------------------------------------------------------------------
def matrix_force(matrix: dict, model: SiteModel, lang: str) -> dict:
    """Add each row's force badges and mark the topics that cite an obligation of the article."""
    registry = model.registry
    by_url = {}
    for topic in registry.all_topics():
        page = model.topic_page(topic)
        if page is not None:
            by_url[topic.key] = page
    for row in matrix["rows"]:
        number = row["number"]
        row["badges"] = badges(registry, number, None, lang)
        row["binding"] = binding(registry, number)
        for cell in row["cells"]:
            phase = registry.phases[cell["phase"]]
            cited = {}
            for topic in phase.topics:
                page = by_url.get(topic.key)
                if page is None:
                    continue
                targets = [t for t in page.articles if int(t.key) == number]
                if targets:
                    cited[topic.title(lang)] = any(binding(registry, number, t.paragraph) for t in targets)
            for item in cell["topics"]:
                item["binding"] = cited.get(item["title"], False)
            cell["binding"] = any(item["binding"] for item in cell["topics"])
    return matrix


# -- summary placement ------------------------------------------------------------------------------
_H1_END = re.compile(r"</h1>", re.IGNORECASE)


def after_title(html: str, block: str) -> str:
    """Insert ``block`` right after the page's first ``</h1>`` (at the top when there is none)."""
    match = _H1_END.search(html)
    if match is None:
        return block + html
    return html[:match.end()] + "\n" + block + html[match.end():]

