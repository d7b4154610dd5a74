"""Data for the generated views, derived from the registry and the pages' front matter.

Nothing here writes HTML: each function returns plain dictionaries that the Jinja
templates in ``overrides/partials/att/`` render. ``link`` is a callable that turns an
English source path into a URL relative to the page being rendered, in its language.
"""

from __future__ import annotations

import logging
import datetime as dt
from typing import Callable

from . import downloads
from ..check import records
from ..read import languages
from ..read.languages import format_date
from ..read.refs import Target
from ..read.registry import Registry
from ..read.sitemodel import SiteModel, SourcePage

log = logging.getLogger("mkdocs.plugins.attguide.views")

Link = Callable[[str], str]


def _paragraph_labels(targets: list[Target], number: int, registry: Registry, lang: str) -> list[str]:
    """Labels of the paragraphs of article ``number`` cited in ``targets``."""
    article = registry.articles[number]
    return [article.label(lang, t.paragraph) for t in targets
            if t.cites(number) and t.paragraph]


def article_links(page: SourcePage, registry: Registry, lang: str, link: Link) -> list[dict]:
    """The articles a page lists in front matter, as links with their labels."""
    return [{"label": registry.articles[t.article.number].label(lang, t.paragraph),
             "title": registry.articles[t.article.number].title(lang),
             "url": link(t.path)} for t in page.articles]


def article_presentations(number: int, model: SiteModel, lang: str, link: Link) -> list[dict]:
    """Presentation records that list the article."""
    pages = [p for p in records.presentations(model) if any(t.cites(number) for t in p.articles)]
    return presentation_rows(pages, model, lang, link)


def article_view(number: int, model: SiteModel, lang: str, link: Link) -> list[dict]:
    """For an article page: every phase and topic that addresses the article, by phase."""
    registry = model.registry
    groups = []
    for phase in registry.phases.values():
        overview = model.page(languages.default(), phase.overview_path)
        lists_it = bool(overview and number in model.cited_articles(overview))
        topics = []
        for topic in phase.topics:
            page = model.topic_page(topic)
            if page and number in model.cited_articles(page):
                topics.append({"title": topic.title(lang), "url": link(page.base),
                               "paragraphs": _paragraph_labels(page.articles, number, registry, lang)})
        if topics or lists_it:
            groups.append({"id": phase.id, "letter": phase.letter, "title": phase.short(lang),
                           "url": link(phase.overview_path), "overview": lists_it, "topics": topics})
    return groups


def matrix_view(model: SiteModel, lang: str, link: Link) -> dict:
    """The article × phase matrix: a row per article, a cell per phase with its topics."""
    registry = model.registry
    phases = list(registry.phases.values())
    rows = []
    for number, article in registry.articles.items():
        cells = []
        for phase in phases:
            overview = model.page(languages.default(), phase.overview_path)
            topics = [{"title": topic.title(lang), "url": link(model.topic_page(topic).base)}
                      for topic in phase.topics
                      if model.topic_page(topic) and number in model.cited_articles(model.topic_page(topic))]
            in_overview = bool(overview and number in model.cited_articles(overview))
            cells.append({"phase": phase.id, "topics": topics, "overview": in_overview,
                          "overview_url": link(phase.overview_path),
                          "phase_title": phase.short(lang)})
        rows.append({"number": number, "label": article.label(lang), "title": article.title(lang),
                     "url": link(f"articles/{article.slug}.md"), "cells": cells,
                     "count": sum(len(cell["topics"]) for cell in cells)})
    columns = [{"id": p.id, "letter": p.letter, "title": p.short(lang),
                "url": link(p.overview_path)} for p in phases]
    return {"columns": columns, "rows": rows}


def phase_view(phase_id: str, model: SiteModel, lang: str, link: Link) -> list[dict]:
    """For a phase overview: its topics, each with the articles it addresses."""
    registry = model.registry
    phase = registry.phases[phase_id]
    items = []
    for topic in phase.topics:
        page = model.topic_page(topic)
        if page is None:
            continue
        items.append({"title": topic.title(lang), "url": link(page.base),
                      "articles": article_links(page, registry, lang, link)})
    return items


def articles_index_view(model: SiteModel, lang: str, link: Link) -> list[dict]:
    """For the articles index: every article with the number of topics addressing it."""
    registry = model.registry
    topics = [model.topic_page(t) for t in registry.all_topics()]
    rows = []
    for number, article in registry.articles.items():
        count = sum(1 for page in topics if page and number in model.cited_articles(page))
        rows.append({"number": number, "label": article.label(lang), "title": article.title(lang),
                     "url": link(f"articles/{article.slug}.md"),
                     "topics": count})
    return rows


def topic_view(page: SourcePage, model: SiteModel, lang: str, link: Link) -> dict:
    """For a topic page: its phase, articles, related topics and the pages linking to it."""
    registry = model.registry
    phase = registry.phases[page.meta.get("phase")]
    related = [{"title": registry.topic(t.key).title(lang),
                "phase": registry.phases[t.key.partition("/")[0]].label(lang),
                "url": link(t.path)} for t in page.related]
    backlinks = []
    for source in model.backlinks(lang, page.base):
        backlinks.append({"title": source.h1 or source.base, "url": link(source.base)})
    return {"phase": {"title": phase.label(lang), "url": link(phase.overview_path)},
            "articles": article_links(page, registry, lang, link),
            "related": related, "backlinks": backlinks}


def chart_view(registry: Registry, lang: str, link: Link) -> dict:
    """For the home page's phase chart: the lettered phases in order, and the band."""
    phases = [{"letter": p.letter, "label": p.short(lang), "url": link(p.overview_path),
               "optional": p.in_parentheses} for p in registry.phases.values() if not p.cross_cutting]
    band = next(p for p in registry.phases.values() if p.cross_cutting)
    return {"phases": phases, "band": {"label": band.short(lang), "url": link(band.overview_path)}}


def downloads_view(entries: list[dict], registry: Registry, lang: str, downloads_root: str | None) -> list[dict]:
    """For the Downloads page: each released bundle with its label, size and checksum."""
    rows = []
    for entry in entries:
        cycle = registry.cycles.get(entry["cycle"])
        day = dt.date.fromisoformat(str(entry["date"])) if entry.get("date") else None
        rows.append({"cycle": entry["cycle"], "label": cycle.label(lang) if cycle else entry["cycle"], "file": entry["file"],
                     "size": f"{entry['size'] / 1e6:.1f} MB", "sha256": entry["sha256"],
                     "date": format_date(day, lang) if day else "",
                     "url": downloads_root + entry["file"] if downloads_root else None,
                     "files": downloads.file_rows(entry, registry, lang, downloads_root)})
    return rows


def presentation_rows(pages: list, model: SiteModel, lang: str, link: Link) -> list[dict]:
    """Presentation records as rows: title, presenter, kind, region, profile, cycle, date."""
    registry = model.registry
    rows = []
    for page in pages:
        meta = page.meta
        date = meta.get("date")
        day = date if isinstance(date, dt.date) else dt.date.fromisoformat(str(date))
        cycle = registry.cycles.get(meta.get("cycle"))
        translated = model.page(lang, page.base) or page
        rows.append({"title": translated.h1 or page.base, "url": link(page.base), "presenter": meta.get("presenter"),
                     "stakeholder": registry.term("stakeholders", meta.get("stakeholder"), lang),
                     "region": registry.term("regions", meta.get("region"), lang) if meta.get("region") else "",
                     "profile": registry.term("profiles", meta.get("profile"), lang) if meta.get("profile") else "",
                     "cycle": cycle.label(lang) if cycle else meta.get("cycle"),
                     "date": format_date(day, lang), "link": meta.get("link")})
    return rows


def phase_presentations_view(phase_id: str, model: SiteModel, lang: str, link: Link) -> dict:
    """For a phase overview: its presentations and its coverage against the seed's target."""
    pages = records.presentations(model, phase_id)
    found = records.coverage(pages)
    registry = model.registry
    # The proposal sets its target of State presentations per phase (para. 11 c); the
    # cross-cutting function is not a phase, so its overview shows no target.
    return {"rows": presentation_rows(pages, model, lang, link), "states": found["states"],
            "cross_cutting": registry.phases[phase_id].cross_cutting,
            "others": found["others"], "met": found["met"],
            "regions": [registry.term("regions", r, lang) for r in found["regions"]],
            "profiles": [registry.term("profiles", p, lang) for p in found["profiles"]]}


def dashboard_view(model: SiteModel, lang: str, link: Link) -> dict:
    """Phases × cycles: State presentations (others apart), diversity, gaps."""
    registry = model.registry
    cycles = sorted(registry.cycles.values(), key=lambda c: c.number)
    rows = []
    for phase in registry.phases.values():
        pages = records.presentations(model, phase.id)
        cells = []
        for cycle in cycles:
            found = records.coverage([p for p in pages if p.meta.get("cycle") == cycle.id])
            cells.append(found)
        total = records.coverage(pages)
        rows.append({"phase": phase.label(lang), "url": link(phase.overview_path), "cells": cells, "total": total,
                     "cross_cutting": phase.cross_cutting,  # no target: the proposal sets it per phase
                     "regions": [registry.term("regions", r, lang) for r in total["regions"]],
                     "profiles": [registry.term("profiles", p, lang) for p in total["profiles"]]})
    return {"cycles": [c.label(lang) for c in cycles], "rows": rows,
            "records": presentation_rows(records.presentations(model), model, lang, link)}


def workplan_view(cycle_id: str, model: SiteModel, lang: str, link: Link) -> dict:
    """A cycle's work plan from the registry: objectives, scheduled phases and topics."""
    registry = model.registry
    cycle = registry.cycles[cycle_id]
    plan = cycle.workplan or {}
    phases = [{"title": registry.phases[p].label(lang), "url": link(registry.phases[p].overview_path)}
              for p in plan.get("phases") or [] if p in registry.phases]
    topics = []
    for key in plan.get("topics") or []:
        topic = registry.topic(key)
        if topic:
            topics.append({"title": topic.title(lang), "url": link(registry.phases[topic.phase_id].topic_path(topic))})
    return {"label": cycle.label(lang), "status": cycle.status_label(lang),
            "objectives": [languages.text_in(o, lang) for o in plan.get("objectives") or []],
            "source": (plan.get("source") or {}).get(lang), "phases": phases, "topics": topics}


def issues_view(model: SiteModel, lang: str, link: Link) -> list[dict]:
    """Current implementation issues with their status and phase."""
    registry = model.registry
    rows = []
    for page in records.issues(model):
        phase = registry.phases.get(page.meta.get("phase"))
        translated = model.page(lang, page.base) or page
        rows.append({"title": translated.h1 or page.base, "url": link(page.base),
                     "status": registry.term("issue_statuses", page.meta.get("issue_status"), lang),
                     "phase": phase.label(lang) if phase else ""})
    return rows


def citing_pages(model: SiteModel, lang: str) -> dict[str, list[SourcePage]]:
    """For each source id, the pages of ``lang`` that cite it (front matter or text)."""
    cited: dict[str, set[str]] = {}
    for page in model.pages.get(lang, {}).values():
        targets = list(page.sources) + [target for _, target in page.targets]
        for target in targets:
            if target.kind == "src":
                cited.setdefault(target.key, set()).add(page.base)
    return {key: [model.pages[lang][base] for base in sorted(bases)] for key, bases in cited.items()}


def source_entry(source, registry: Registry, lang: str) -> dict:
    """One source as the templates show it, in ``lang``."""
    default = languages.default()
    found_at = registry.sources.get(source.found_at) if source.found_at else None
    return {
        "id": source.id, "kind": source.kind,
        "title": languages.text_in(source.title, lang),
        # A descriptive (translated) title is followed by the original one, in the default language.
        "original": source.title[default] if not source.official_in(lang) else "", "original_lang": default,
        "issuer": languages.text_in(source.issuer or {}, lang),
        "symbol": source.symbol or "", "date": source.date or "",
        "status": registry.strings(lang).get(f"source_status_{source.status}", "") if source.status else "",
        "languages": [registry.strings(lang).get(f"language_{code}", code) for code in source.languages],
        "url": source.url or "",
        "found_at": ({"id": found_at.id, "title": found_at.short_title(lang), "url": found_at.url or ""}
                     if found_at else None),
        "note": languages.text_in(source.note or {}, lang),
    }


def sources_view(model: SiteModel, lang: str, link: Link) -> list[dict]:
    """The Sources page: every source grouped by kind, each with the pages that cite it."""
    from ..read.sources import KINDS

    registry = model.registry
    t = registry.strings(lang)
    cited = citing_pages(model, lang)
    groups = []
    for kind in KINDS:
        entries = []
        for source in registry.sources.values():
            if source.kind != kind:
                continue
            entry = source_entry(source, registry, lang)
            entry["cited_by"] = [{"title": page.h1 or page.base, "url": link(page.base)}
                                 for page in cited.get(source.id, []) if page.base != "sources.md"]
            entries.append(entry)
        if entries:
            groups.append({"kind": kind, "title": t.get(f"source_kind_{kind}", kind), "entries": entries})
    return groups
