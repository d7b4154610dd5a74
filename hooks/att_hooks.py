"""MkDocs hook of the ATT guidance site: wires MkDocs events to :mod:`attguide`.

This file holds no logic of its own. Order of a build (run once per language by
mkdocs-static-i18n, English first):

1. ``on_config``: load the registry, generate the phase and article navigation.
2. ``on_pre_build``: first pass over every page of both languages (front matter,
   references, pairs); fail once, listing every problem.
3. ``on_page_markdown``: second pass, rewrite ``art:``/``phase:``/``topic:`` links.
4. ``on_page_content``: check the rendered HTML (:mod:`attguide.htmlsafety`); the generated
   views (article, matrix, phase lists, a topic's "At a glance" after its title and its
   Sources); links to other sites marked.
4a. ``on_env``: every page rendered, none written: fail once if any page's HTML is unsafe.
5. ``on_page_context``: status, language switcher links, search base.
6. ``on_template_context``/``on_post_template``: the 404 page of each language, the sitemap.
7. ``on_post_build``: add the termbase's words to the search entries of the pages that treat
   each concept; give each language its own search index and its own 404 page.

What relies on the theme's or the plugins' internals goes through :mod:`attguide.theme`.
"""

from __future__ import annotations

import logging
import os

from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

# MkDocs puts this file's folder on sys.path while loading it.
from attguide import (abbreviations, changes, downloads, editions, external, htmlsafety, lastupdated, notfound, pdf,
                      provisions, questions, records, refs, release, scan, search, segmenter, sources, termbase, theme,
                      translations, views)
from attguide.problems import Problems
from attguide.build import BuildState, DEFAULT_LANGUAGE, downloads_root, language_root, split_search_index
from attguide.registry import DEFAULT_PATH as DEFAULT_REGISTRY
from attguide.render import render

log = logging.getLogger("mkdocs.plugins.attguide.hooks")
state = BuildState()
CHART_MARKER = "<!-- att:phase-chart -->"
SITEMAP = "sitemap.xml"


def english_url(page) -> str:
    """Site URL of the English counterpart of a page."""
    alternates = getattr(page.file, "alternates", {}) or {}
    return alternates[DEFAULT_LANGUAGE].url if DEFAULT_LANGUAGE in alternates else ""


@event_priority(50)  # before the offline plugin, which adds a CDN polyfill unless one is set
def on_config(config):
    """Load the registry, generate the navigation, settle the edition (cycle, offline)."""
    state.lang = theme.language_built(config)
    if state.lang == DEFAULT_LANGUAGE:
        state.not_found = {}
    state.unsafe = Problems()
    # A site may name its own registry (the test fixtures do); the default is the project's.
    custom = config.extra.get("att_registry")
    state.registry_path = (os.path.join(os.path.dirname(config.config_file_path), custom)
                           if custom else str(DEFAULT_REGISTRY))
    state.load_registry()
    state.termbase = termbase.load(termbase.path_beside(state.registry_path), state.registry)
    segmenter.keep_whole(termbase.search_words(state.termbase))
    state.questions = questions.load(questions.path_beside(state.registry_path), state.registry,
                                     shown=sources.shown_path(questions.path_beside(state.registry_path)))
    state.page_keywords = {path: search.keywords_text(words)
                           for path, words in termbase.page_keywords(state.termbase).items()}
    if config.nav:
        config.nav = state.expand_nav(config.nav, state.lang)
    state.cycle, state.versioned = editions.current_cycle(state.registry)
    if state.lang == DEFAULT_LANGUAGE:
        state.root_url = config.site_url or ""  # before mike appends the version
    state.offline = editions.offline_enabled(config)
    if state.offline:
        # Offline search on file:// needs the iframe-worker shim: the vendored copy.
        theme.use_local_polyfill(config, editions.IFRAME_WORKER_SHIM)
    return config


def on_pre_build(config):
    """First pass, once per site build: check every page of both languages."""
    if state.lang == DEFAULT_LANGUAGE:
        state.scan(config.docs_dir, scan.source_paths(config))
        questions.check(state.model, state.questions, state.termbase, state.docs_prefix).raise_if_any()
        state.dates = lastupdated.LastUpdated(config.docs_dir, editions.build_date())
        state.search_keywords = {}
        state.changes = changes.edition_changes(config.docs_dir, state.model, state.registry, state.cycle.id)
        state.feeds = {}
    state.env = config.theme.get_env()


@event_priority(-200)
def on_files(files, config):
    """Keep the language's files, to turn source paths into URLs."""
    state.files = files
    state._urls = None
    return files


def _dated(base: str):
    """Last-updated date of an English source page (for the feed)."""
    return state.dates.date_of(os.path.join(state.model.docs_dir, base))


def on_page_markdown(markdown, page, config, files):
    """Second pass: rewrite reference links into relative links to the target pages."""
    source = state.source_page(page)
    if source is None:
        return markdown
    theme.hide_status_from_theme(page)  # our template shows the status
    # Search: Material's `search: boost:` by page kind; the termbase's words for the page.
    search.set_boost(page.meta, search.page_kind(source.meta, records.kind_of(source.base) is not None))
    if source.base in state.page_keywords:
        state.search_keywords[page.url] = state.page_keywords[source.base]
    if source.meta.get("view") == "glossary":
        view = termbase.glossary_view(state.termbase, state.registry, state.lang)
        markdown = markdown.rstrip() + "\n\n" + render(state.env, "glossary-markdown", view=view,
                                                        t=state.registry.strings(state.lang))
    links = refs.links_for(markdown, source.body, source.targets, state.registry)
    markdown = refs.rewrite(markdown, links, page.file.src_uri, state.registry, state.lang)
    # Generated closing sections (headings in Markdown, so the page's TOC lists them).
    if source.meta.get("topic"):
        markdown += provisions.topic_markdown(state.lang, state.registry)
    elif source.meta.get("article") is not None:
        markdown += provisions.article_markdown(state.lang, state.registry)
    return markdown


def on_page_content(html, page, config, files):
    """Check the page's rendered HTML; append the generated view it asks for."""
    source = state.source_page(page)
    # The backstop: what Markdown made of the page, before our views and the theme's scripts.
    htmlsafety.check(html, source.text if source else "", state.shown(page.file.src_uri),
                     source.meta.body_line if source else 1, state.unsafe)
    if source is None:
        return html
    meta, model, lang = source.meta, state.model, state.lang
    link = state.link_from(page)
    t = state.registry.strings(lang)
    if questions.MARKER in html:
        key = f"{meta.get('phase')}/{meta.get('topic')}"
        tool = link(questions.TOOL_PAGE)
        html = html.replace(questions.MARKER, render(
            state.env, "topic-questions", questions=questions.topic_view(state.questions, key, lang),
            tool_url="" if tool == "#" else tool, topic_id=key.replace("/", "-"), s=state.questions.t(lang)), 1)
    html = abbreviations.expand(html, state.registry.abbreviations, lang)
    if state.changes is not None and state.changes.change(lang, source.base) and "</h1>" in html:
        note = render(state.env, "changed-note", url=link(changes.CHANGES_PAGE), t=t)
        html = html.replace("</h1>", "</h1>" + note, 1)
    if CHART_MARKER in html:
        chart = views.chart_view(state.registry, lang, link)
        html = html.replace(CHART_MARKER, render(state.env, "phase-chart", t=t, **chart), 1)
    if meta.get("topic") and meta.get("phase") in state.registry.phases:
        # "At a glance" right after the title; the cited sources under "Sources".
        topic = views.topic_view(source, model, lang, link)
        topic["provisions"] = provisions.topic_provisions(source, state.registry, lang, link)
        html = provisions.after_title(html, render(state.env, "topic-summary", att_t=t, att_topic=topic))
        html = html.replace(provisions.TOPIC_SOURCES_MARKER, render(
            state.env, "topic-sources", sources=provisions.topic_sources(source, state.registry, lang, link), t=t), 1)
    if meta.get("article") is not None:
        number = meta.get("article")
        html = provisions.after_title(html, render(
            state.env, "article-force", force=provisions.article_force_view(number, state.registry, lang), t=t))
        html = html.replace(provisions.ARTICLE_TEXTS_MARKER, render(
            state.env, "article-texts", texts=provisions.article_texts_view(state.registry, lang, link), t=t), 1)
        groups = views.article_view(number, model, lang, link)
        shown = views.article_presentations(number, model, lang, link)
        html += render(state.env, "article-topics", groups=groups, presentations=shown, t=t)
    elif meta.get("view") == "matrix":
        matrix = provisions.matrix_force(views.matrix_view(model, lang, link), model, lang)
        html += render(state.env, "matrix", matrix=matrix, t=t)
    elif meta.get("view") == "articles-index":
        html += render(state.env, "articles-index", rows=views.articles_index_view(model, lang, link),
                       t=t)
    elif meta.get("view") == "translations":
        rows = translations.report(model)
        for row in rows:
            row["url"] = link(row["base"])
        html += render(state.env, "translations", rows=rows, t=t)
    elif meta.get("view") == "presentations":
        html += render(state.env, "dashboard", dashboard=views.dashboard_view(model, lang, link), t=t)
    elif meta.get("view") == "workplan":
        html += render(state.env, "workplan", plan=views.workplan_view(meta.get("cycle"), model, lang, link), t=t)
    elif meta.get("view") == "changes":
        view = changes.changes_view(state.changes, model, state.registry, lang, link)
        html += render(state.env, "changes", view=view, t=t)
    elif meta.get("view") == questions.VIEW:
        html += render(state.env, "self-assessment", t=t, s=state.questions.t(lang), view=questions.tool_view(
            state.questions, state.registry, lang, link, state.cycle.id))
    elif meta.get("view") == "sources":
        html += render(state.env, "sources", groups=views.sources_view(model, lang, link), t=t)
    elif meta.get("view") == "current-issues":
        html += render(state.env, "current-issues", issues=views.issues_view(model, lang, link), t=t)
    elif meta.get("view") == "downloads":
        # Bundles sit in downloads/ beside the versions: reachable only from a mike version.
        root = downloads_root(page.url) if state.versioned else None
        project = os.path.dirname(os.path.abspath(config.config_file_path))
        bundles = views.downloads_view(downloads.load(project), state.registry, lang, root)
        # An offline bundle names itself (its checksum is published beside the file).
        current = ({"file": release.bundle_name(state.cycle.id), "label": state.cycle.label(lang),
                    "date": editions.format_date(editions.build_date(), lang)} if state.offline else None)
        html += render(state.env, "downloads", bundles=bundles, linked=bool(root), current=current, t=t)
    elif meta.get("phase") and not meta.get("topic") and not records.kind_of(source.base):
        html += render(state.env, "phase-topics", topics=views.phase_view(meta.get("phase"), model, lang, link),
                       t=t)
        html += render(state.env, "phase-presentations", t=t,
                       presentations=views.phase_presentations_view(meta.get("phase"), model, lang, link))
    # Links to other websites: same tab, marked as leaving the site.
    return external.mark(html, t.get("external_link", ""))


def on_env(env, config, files):
    """Every page is rendered, none written yet: fail once if any page's HTML is unsafe; then
    the language's Atom feed, from this edition's changes (written after the last language)."""
    state.unsafe.raise_if_any("the rendered pages")
    if state.changes is not None and state.feeds is not None:
        edition_url = changes.edition_url(state.root_url, state.cycle.id, state.versioned)
        view = changes.feed_view(state.changes, state.model, state.registry, state.lang, state.root_url,
                                 edition_url, state.page_urls(), _dated, editions.build_date())
        state.feeds[state.lang] = render(env, "feed", feed=view)
    return env


def on_page_context(context, page, config, nav):
    """Page status and topic summary for the templates; relative switcher and search links."""
    source = state.source_page(page)
    lang = state.lang
    link = state.link_from(page)
    status = source.meta.get("status") if source else None
    context["att_t"] = state.registry.strings(lang)
    context["att_lang"] = lang
    context["att_status"] = state.registry.statuses.get(status, {}).get(lang) if status else None
    context["att_status_id"] = status
    # Translation drift: a notice on Chinese pages whose English text changed since.
    if source is not None and lang != DEFAULT_LANGUAGE:
        english = state.model.page(DEFAULT_LANGUAGE, source.base)
        if english is not None:
            context["att_translation"] = {
                "status": translations.status(english, source),
                "url": get_relative_url(english_url(page), page.url)}
    # Language switcher: links relative to the page, so they keep a mike version prefix
    # and work from file:// (mkdocs-static-i18n writes absolute links for home pages).
    alternates = []
    for alternate in config.extra.get("alternate") or []:
        alternate = dict(alternate)
        alt_file = page.file.alternates.get(alternate["lang"]) if hasattr(page.file, "alternates") else None
        target = alt_file.url if alt_file else ("" if alternate["lang"] == DEFAULT_LANGUAGE
                                                else f"{alternate['lang']}/")
        alternate["link"] = target or "."
        alternates.append(alternate)
    theme.set_alternates(config, alternates)
    # Search: each language has its own index under its own root.
    theme.set_search_base(context, language_root(page.url, lang))
    context["att_site_root"] = language_root(page.url, DEFAULT_LANGUAGE)
    if source is not None:
        day = state.dates.date_of(page.file.abs_src_path)
        context["att_updated"] = editions.format_date(day, lang)
        context["att_updated_iso"] = day.isoformat()
    context["att_feed_url"] = language_root(page.url, lang).rstrip("/") + "/feed.xml"
    context["att_pdf_url"] = pdf.pdf_url(state.root_url, state.cycle.id, lang, state.versioned, context["att_site_root"])
    context["att_edition"] = editions.edition_context(
        state.registry, state.cycle, state.versioned, state.offline, lang, editions.build_date())
    return context


def on_template_context(context, template_name, config):
    """The sitemap: a well-formed site URL. The 404 page: strings and home links in its language."""
    if template_name == SITEMAP:
        state.site_url = theme.site_url_with_slash(config)
    if template_name != notfound.TEMPLATE or state.registry is None:
        return context
    lang, base = state.lang, context["base_url"]
    context["att_t"] = state.registry.strings(lang)
    context["att_lang"] = lang
    context["att_not_found"] = notfound.context(base, lang, theme.languages_built(config), DEFAULT_LANGUAGE,
                                                state.registry.strings)
    context["att_search_base"] = notfound.home_of(base, lang, DEFAULT_LANGUAGE)
    theme.set_alternates(config, notfound.alternates(base, config.extra.get("alternate") or [], DEFAULT_LANGUAGE))
    return context


def on_post_template(output, template_name, config):
    """Keep each language's 404 page (``on_post_build`` writes them); restore the site URL."""
    if template_name == SITEMAP:
        theme.restore_site_url(config, state.site_url)
    if template_name == notfound.TEMPLATE:
        state.not_found[state.lang] = output
    return output


@event_priority(-150)
def on_post_build(config):
    """After the last language: split the search index, write the 404 page of each language."""
    if theme.nested_build(config):
        return  # a nested language build; the outer build finishes the job
    languages = theme.languages_built(config)
    notfound.write_pages(config.site_dir, state.not_found, DEFAULT_LANGUAGE)
    if state.dates is not None:
        state.dates.report()
    for lang, feed in (state.feeds or {}).items():
        changes.write_feed(config.site_dir, lang, feed)
    sizes = split_search_index(config.site_dir, languages, inline_js=state.offline, keywords=state.search_keywords)
    for lang, size in sizes.items():
        log.info("search index for '%s': %d bytes", lang, size)
