"""What a page's HTML gets from the hooks: the generated views, by a table, not a chain of ifs.

:data:`VIEWS` maps a front-matter ``view:`` name to ``(builder, template)``: the builder
takes a :class:`PageContext` and returns the template's variables; the template is
``overrides/partials/att/<template>.html``. :mod:`attguide.editions.pageviews` adds the views
that need an edition (translations, changes, downloads) and is what the hook calls.
:func:`page_content` also places the pieces that depend on the page's kind rather than on
``view:`` (a topic's "At a glance" and Sources, an article's force, texts and topics, a
phase's topic list, the phase chart), expands abbreviations and marks external links.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from . import abbreviations, provisions, views
from .render import render
from ..check import records
from ..read.sitemodel import SourcePage
from ..theme import external

CHART_MARKER = "<!-- att:phase-chart -->"


@dataclass
class PageContext:
    """One page being rendered: its source, the build state, and how to link from it."""

    source: SourcePage
    page: object  # mkdocs.structure.pages.Page
    config: object  # MkDocs configuration
    state: object  # attguide.build.BuildState
    link: Callable[[str], str]

    @property
    def model(self):
        return self.state.model

    @property
    def registry(self):
        return self.state.registry

    @property
    def lang(self) -> str:
        return self.state.lang

    @property
    def t(self) -> dict:
        return self.state.registry.strings(self.state.lang)


Builder = Callable[[PageContext], dict]


def _matrix(c: PageContext) -> dict:
    return {"matrix": provisions.matrix_force(views.matrix_view(c.model, c.lang, c.link), c.model, c.lang)}


VIEWS: dict[str, tuple[Builder, str]] = {
    "matrix": (_matrix, "matrix"),
    "articles-index": (lambda c: {"rows": views.articles_index_view(c.model, c.lang, c.link)}, "articles-index"),
    "presentations": (lambda c: {"dashboard": views.dashboard_view(c.model, c.lang, c.link)}, "dashboard"),
    "workplan": (lambda c: {"plan": views.workplan_view(c.source.meta.get("cycle"), c.model, c.lang, c.link)},
                 "workplan"),
    "sources": (lambda c: {"groups": views.sources_view(c.model, c.lang, c.link)}, "sources"),
    "current-issues": (lambda c: {"issues": views.issues_view(c.model, c.lang, c.link)}, "current-issues"),
}
# Views placed in the Markdown, not the HTML (on_page_markdown): listed so the names are complete.
MARKDOWN_VIEWS = ("glossary",)


def _topic(html: str, c: PageContext) -> str:
    """A topic: "At a glance" right after the title; the cited sources under "Sources"."""
    topic = views.topic_view(c.source, c.model, c.lang, c.link)
    topic["provisions"] = provisions.topic_provisions(c.source, c.registry, c.lang, c.link)
    html = provisions.after_title(html, render(c.state.env, "topic-summary", att_t=c.t, att_topic=topic))
    return html.replace(provisions.TOPIC_SOURCES_MARKER, render(
        c.state.env, "topic-sources", sources=provisions.topic_sources(c.source, c.registry, c.lang, c.link),
        t=c.t), 1)


def _article(html: str, c: PageContext, number) -> str:
    """An article: its force after the title, the authentic texts, the topics that cite it."""
    env, t = c.state.env, c.t
    html = provisions.after_title(html, render(
        env, "article-force", force=provisions.article_force_view(number, c.registry, c.lang), t=t))
    html = html.replace(provisions.ARTICLE_TEXTS_MARKER, render(
        env, "article-texts", texts=provisions.article_texts_view(c.registry, c.lang, c.link), t=t), 1)
    groups = views.article_view(number, c.model, c.lang, c.link)
    shown = views.article_presentations(number, c.model, c.lang, c.link)
    return html + render(env, "article-topics", groups=groups, presentations=shown, t=t)


def _phase(html: str, c: PageContext, phase: str) -> str:
    """A phase overview: its topics and the presentations filed under it."""
    html += render(c.state.env, "phase-topics", topics=views.phase_view(phase, c.model, c.lang, c.link), t=c.t)
    return html + render(c.state.env, "phase-presentations", t=c.t,
                         presentations=views.phase_presentations_view(phase, c.model, c.lang, c.link))


def page_content(html: str, c: PageContext, table: dict[str, tuple[Builder, str]] = VIEWS,
                 after_title: tuple[Callable[[str, PageContext], str], ...] = ()) -> str:
    """The page's HTML with everything generated for it. ``after_title``: steps that insert a
    block under the title, run after the views in reverse order, so the first comes first."""
    meta, t = c.source.meta, c.t
    html = abbreviations.expand(html, c.registry.abbreviations, c.lang)
    if CHART_MARKER in html:
        chart = views.chart_view(c.registry, c.lang, c.link)
        html = html.replace(CHART_MARKER, render(c.state.env, "phase-chart", t=t, **chart), 1)
    if meta.get("topic") and meta.get("phase") in c.registry.phases:
        html = _topic(html, c)
    view = meta.get("view")
    if meta.get("article") is not None:
        html = _article(html, c, meta.get("article"))
    elif view in table:
        builder, template = table[view]
        html += render(c.state.env, template, t=t, **builder(c))
    elif meta.get("phase") and not meta.get("topic") and not records.kind_of(c.source.base):
        html = _phase(html, c, meta.get("phase"))
    for step in reversed(after_title):  # under the title, above "At a glance"
        html = step(html, c)
    # Links to other websites: same tab, marked as leaving the site.
    return external.mark(html, t.get("external_link", ""))
