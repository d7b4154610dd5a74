"""The views that need an edition (translations, what changed, downloads), added to the table
of :mod:`attguide.views.pages`; :func:`page_content` is what the hook calls for a page's HTML."""

from __future__ import annotations


from . import changes, cycle, feeds, release, translations
from ..assessment import views as assessment
from ..assessment.questions import MARKER as QUESTIONS_MARKER, TOOL_PAGE, VIEW as SELF_ASSESSMENT
from ..read import languages
from ..views import downloads, provisions, views
from ..views.pages import VIEWS as PAGE_VIEWS, Builder, PageContext, page_content as _page_content
from ..views.render import render


def _translations(c: PageContext) -> dict:
    rows = translations.report(c.model)
    for row in rows:
        row["url"] = c.link(row["base"])
        row["title"] = (row["title_translated"] if c.lang != languages.default() else None) or row["title"]
    return {"rows": rows}


def _changes(c: PageContext) -> dict:
    return {"view": feeds.changes_view(c.state.changes, c.model, c.registry, c.lang, c.link)}


def _downloads(c: PageContext) -> dict:
    # Bundles sit in downloads/ beside the versions: reachable only from a mike version.
    state, lang = c.state, c.lang
    root = downloads.downloads_root(c.page.url) if state.versioned else None
    bundles = views.downloads_view(state.released or [], c.registry, lang, root)
    # An offline bundle names itself (its checksum is published beside the file).
    current = ({"file": release.bundle_name(state.cycle.id), "label": state.cycle.label(lang),
                "date": cycle.format_date(cycle.build_date(), lang)} if state.offline else None)
    return {"bundles": bundles, "linked": bool(root), "current": current}


def downloads_this(html: str, c: PageContext) -> str:
    """On the Downloads page, under the title: this edition's files, plain buttons first."""
    if c.source.meta.get("view") != "downloads":
        return html
    found = _downloads(c)
    return provisions.after_title(html, render(c.state.env, "downloads-this", bundles=found["bundles"],
                                               linked=found["linked"], t=c.t, this_cycle=c.state.cycle.id,
                                               lang=c.lang))


def _self_assessment(c: PageContext) -> dict:
    questions = c.state.questions
    return {"s": questions.t(c.lang), "tool_token": c.state.tool_token,
            "view": assessment.tool_view(questions, c.registry, c.lang, c.link, c.state.cycle.id)}


VIEWS: dict[str, tuple[Builder, str]] = {
    **PAGE_VIEWS,
    "translations": (_translations, "translations"),
    "changes": (_changes, "changes"),
    "downloads": (_downloads, "downloads"),
    SELF_ASSESSMENT: (_self_assessment, "self-assessment"),
}


def topic_questions(html: str, c: PageContext) -> str:
    """A topic page's practical questions (questions.yml), where its page has the marker."""
    if QUESTIONS_MARKER not in html:
        return html
    meta, questions = c.source.meta, c.state.questions
    key = f"{meta.get('phase')}/{meta.get('topic')}"
    tool = c.link(TOOL_PAGE)
    return html.replace(QUESTIONS_MARKER, render(
        c.state.env, "topic-questions", questions=assessment.topic_view(questions, key, c.lang),
        tool_url="" if tool == "#" else tool, topic_id=key.replace("/", "-"), s=questions.t(c.lang)), 1)


def changed_note(html: str, c: PageContext) -> str:
    """Under the title of a page this edition changed: a note linking to "What changed"."""
    if c.state.changes is not None and c.state.changes.change(c.lang, c.source.base) and "</h1>" in html:
        note = render(c.state.env, "changed-note", url=c.link(changes.CHANGES_PAGE), t=c.t)
        html = provisions.after_title(html, note)
    return html


def page_content(html: str, c: PageContext) -> str:
    """The page's HTML with every generated piece, the edition's views included."""
    return _page_content(topic_questions(html, c), c, VIEWS, after_title=(changed_note, downloads_this))
