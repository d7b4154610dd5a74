"""The "What changed" page's view and the Atom feed of an edition (from :mod:`attguide.editions.changes`)."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from . import translations
from .changes import CHANGED, REMOVED, EditionChanges, PageChange
from ..read import languages
from ..read.registry import Registry
from ..read.sitemodel import SiteModel

log = logging.getLogger("mkdocs.plugins.attguide.feeds")


def _summary(change: PageChange, t: dict) -> str:
    """A one-line count, e.g. ``3 sections changed, 2 added`` (the noun only in the first part)."""
    parts = []
    for count, key in ((len(change.changed), "changed"), (len(change.added), "added"),
                       (len(change.removed), "removed")):
        if not count:
            continue
        if parts:
            parts.append(t[f"changes_more_{key}"].format(n=count))
        else:
            parts.append(t[f"changes_sections_{key}" + ("_one" if count == 1 else "")].format(n=count))
    if not parts:
        return t["changes_wording_only"]
    return t["changes_list_separator"].join(parts)


def _group_of(base: str, registry: Registry) -> tuple[int, str]:
    """Where a page is listed: (order, group key): a phase, the articles, or other pages."""
    folder = base.split("/", 1)[0] if "/" in base else ""
    for index, phase in enumerate(registry.phases.values()):
        if folder == phase.dir:
            return index, phase.id
    if folder == "articles":
        return len(registry.phases), "articles"
    return len(registry.phases) + 1, "other"


def _is_behind(model: SiteModel, base: str, lang: str) -> bool:
    """Whether the translation (``lang``) of the English page ``base`` has not caught up."""
    english = model.page(languages.default(), base)
    if english is None:
        return False
    for other in model.pages:
        if not languages.is_default(other) and translations.status(english, model.page(other, base)) != translations.CURRENT:
            return True
    return False


def changes_view(edition: EditionChanges, model: SiteModel, registry: Registry, lang: str, link) -> dict:
    """For the "What changed" page: changed pages in ``lang`` grouped by phase, in reading order."""
    t = registry.strings(lang)
    previous = registry.cycles[edition.previous.cycle].label(lang) if edition.previous else None
    groups: dict[tuple[int, str], list[dict]] = {}
    for base in edition.bases():
        own = edition.change(lang, base)
        english = edition.change(languages.default(), base)
        shown = own or english
        page = model.page(lang, base) or model.page(languages.default(), base)
        behind = shown.kind != REMOVED and english is not None and english.kind != REMOVED and _is_behind(model, base, lang)
        entry = {"base": base, "title": (page.h1 if page else "") or shown.title or base,
                 "url": link(base) if page else None, "kind": shown.kind,
                 "own": own is not None,  # this language's text changed
                 "changed": own.changed if own else [], "added": own.added if own else [],
                 "removed": own.removed if own else [],
                 "summary": _summary(own, t) if own and own.kind == CHANGED else "",
                 "english_summary": _summary(english, t) if english and english.kind == CHANGED and own is None else "",
                 "behind": behind}
        groups.setdefault(_group_of(base, registry), []).append(entry)
    order = {path: index for index, path in enumerate(reading_order(registry))}
    shown_groups = []
    for (_, key), entries in sorted(groups.items()):
        entries.sort(key=lambda e: (order.get(e["base"], len(order)), e["base"]))
        label = (registry.phases[key].label(lang) if key in registry.phases
                 else t["changes_group_articles"] if key == "articles" else t["changes_group_other"])
        shown_groups.append({"label": label, "pages": entries})
    return {"cycle": registry.cycles[edition.cycle].label(lang), "previous": previous,
            "previous_date": edition.previous.date.date().isoformat() if edition.previous else None,
            "groups": shown_groups, "count": sum(len(g["pages"]) for g in shown_groups)}


def reading_order(registry: Registry) -> list[str]:
    """English base paths in the order of the navigation: phases with their topics, then articles."""
    paths = []
    for phase in registry.phases.values():
        paths.append(phase.overview_path)
        paths.extend(phase.topic_path(topic) for topic in phase.topics)
    paths.extend(f"articles/{article.slug}.md" for article in registry.articles.values())
    return paths


def _atom_time(value: dt.datetime | dt.date) -> str:
    """RFC 3339 time for Atom (dates become midnight UTC)."""
    if not isinstance(value, dt.datetime):
        value = dt.datetime(value.year, value.month, value.day, tzinfo=dt.timezone.utc)
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    return value.isoformat()


def feed_view(edition: EditionChanges, model: SiteModel, registry: Registry, lang: str, root_url: str,
              edition_url: str, urls: dict[str, str], dated, built: dt.date) -> dict:
    """For the Atom feed of ``lang``: one entry per released cycle and per page changed since.

    ``root_url`` is the site root (where the versions live), ``edition_url`` this build's root,
    ``urls`` each page's URL by English base path, ``dated(base)`` a page's last-updated date.
    """
    t = registry.strings(lang)
    prefix = languages.prefix(lang)
    entries = []
    for release in edition.releases:
        cycle = registry.cycles[release.cycle]
        url = f"{root_url.rstrip('/')}/{release.cycle}/{prefix}"
        entries.append({"id": f"{url}#edition", "url": url, "title": t["feed_release_title"].format(edition=cycle.label(lang)),
                        "updated": _atom_time(release.date),
                        "summary": t["feed_release_summary"].format(edition=cycle.label(lang))})
    view = changes_view(edition, model, registry, lang, lambda base: urls.get(base))
    for group in view["groups"]:
        for page in group["pages"]:
            if page["kind"] == REMOVED or not page["url"]:
                continue
            url = edition_url + page["url"]
            entries.append(dict(_feed_entry(page, t, lang), id=f"{url}#{edition.cycle}", url=url,
                                updated=_atom_time(dated(page["base"]))))
    updated = max((e["updated"] for e in entries), default=_atom_time(built))
    # The feed's own address and id do not name a cycle: mike copies this file to `latest/`
    # too, and a subscriber must not stay on this cycle once the next one is released.
    stable = _stable_root(root_url, edition_url) + prefix
    return {"title": t["feed_title"], "id": stable + "feed.xml", "self": stable + "feed.xml",
            "home": stable, "updated": updated, "lang": lang, "author": t.get("feed_author") or t["feed_title"],
            "entries": sorted(entries, key=lambda e: e["updated"], reverse=True)}


LATEST = "latest"  # mike's alias of the newest cycle (see release.py)


def _stable_root(root_url: str, edition_url: str) -> str:
    """The root that stays across editions: ``latest/`` on the versioned site, else the edition's root."""
    root = root_url if root_url.endswith("/") else root_url + "/"
    return f"{root}{LATEST}/" if root_url and edition_url != root else edition_url


def _feed_entry(page: dict, t: dict, lang: str) -> dict:
    """Title and summary of a changed page's entry. A translation whose own text did not change
    says so (it does not claim that its sections changed) and that it is behind."""
    kind = t["changes_kind_" + page["kind"]]
    behind = page["behind"] and not languages.is_default(lang)
    if page["own"] or not (page["english_summary"] or behind):
        parts = [page["summary"] or kind] + ([t["feed_translation_behind"]] if behind else [])
        title = t["feed_page_title"].format(title=page["title"], kind=kind)
    else:  # only the English text changed: this language's page is as it was
        parts = [t["changes_english_only"].format(summary=page["english_summary"] or kind)]
        parts += [t["feed_translation_behind"]] if behind else []
        title = t["feed_page_title"].format(title=page["title"], kind=t["feed_kind_english_only"])
    end = t["feed_sentence_end"]
    return {"title": title, "summary": end.join(parts) + end.strip()}


def edition_url(root_url: str, cycle_id: str, versioned: bool) -> str:
    """Absolute URL of this build's root: the cycle's version under the site root, or the root."""
    root = root_url if root_url.endswith("/") else root_url + "/"
    return f"{root}{cycle_id}/" if versioned else root


def write_feed(site_dir: str | Path, lang: str, feed: str) -> Path:
    """Write a language's feed: ``feed.xml`` at its language root."""
    target = Path(site_dir) / languages.prefix(lang) / "feed.xml"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(feed, encoding="utf-8")
    return target
