"""The views that need an edition (translations, what changed, downloads), added to the table
of :mod:`attguide.views.pages`; :func:`page_content` is what the hook calls for a page's HTML."""

from __future__ import annotations

import os

from . import changes, cycle, feeds, release, translations
from ..views import downloads, views
from ..views.pages import VIEWS as PAGE_VIEWS, Builder, PageContext, page_content as _page_content
from ..views.render import render


def _translations(c: PageContext) -> dict:
    rows = translations.report(c.model)
    for row in rows:
        row["url"] = c.link(row["base"])
    return {"rows": rows}


def _changes(c: PageContext) -> dict:
    return {"view": feeds.changes_view(c.state.changes, c.model, c.registry, c.lang, c.link)}


def _downloads(c: PageContext) -> dict:
    # Bundles sit in downloads/ beside the versions: reachable only from a mike version.
    state, lang = c.state, c.lang
    root = downloads.downloads_root(c.page.url) if state.versioned else None
    project = os.path.dirname(os.path.abspath(c.config.config_file_path))
    bundles = views.downloads_view(downloads.load(project), c.registry, lang, root)
    # An offline bundle names itself (its checksum is published beside the file).
    current = ({"file": release.bundle_name(state.cycle.id), "label": state.cycle.label(lang),
                "date": cycle.format_date(cycle.build_date(), lang)} if state.offline else None)
    return {"bundles": bundles, "linked": bool(root), "current": current}


VIEWS: dict[str, tuple[Builder, str]] = {
    **PAGE_VIEWS,
    "translations": (_translations, "translations"),
    "changes": (_changes, "changes"),
    "downloads": (_downloads, "downloads"),
}


def changed_note(html: str, c: PageContext) -> str:
    """Under the title of a page this edition changed: a note linking to "What changed"."""
    if c.state.changes is not None and c.state.changes.change(c.lang, c.source.base) and "</h1>" in html:
        note = render(c.state.env, "changed-note", url=c.link(changes.CHANGES_PAGE), t=c.t)
        html = html.replace("</h1>", "</h1>" + note, 1)
    return html


def page_content(html: str, c: PageContext) -> str:
    """The page's HTML with every generated piece, the edition's views included."""
    return _page_content(html, c, VIEWS, after_title=(changed_note,))
