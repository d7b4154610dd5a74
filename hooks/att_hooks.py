"""MkDocs hook of the ATT guidance site: wires MkDocs events to :mod:`attguide`.

This file holds no logic of its own. Order of a build (run once per language by
mkdocs-static-i18n, English first):

1. ``on_config``: load the registry, generate the phase and article navigation.
2. ``on_pre_build``: first pass over every page of both languages (front matter,
   references, pairs); fail once, listing every problem.
3. ``on_page_markdown``: second pass, rewrite ``art:``/``phase:``/``topic:`` links.
4. ``on_page_content``: the generated
   views (article, matrix, phase lists, a topic's "At a glance" after its title and its
   Sources); links to other sites marked.
4a. ``on_post_page``: the one door (:mod:`attguide.check.htmlgate`): the final HTML of each page,
   read as a browser reads it, against allow-lists; an unsafe page is withheld, and
   ``on_post_build`` fails the build once, listing every finding.
5. ``on_page_context``: status, language switcher links, search base.
6. ``on_template_context``/``on_post_template``: the 404 page of each language, the sitemap.
7. ``on_post_build``: add the termbase's words to the search entries of the pages that treat
   each concept; give each language its own search index and its own 404 page.

What relies on the theme's or the plugins' internals goes through :mod:`attguide.theme`.
"""

from __future__ import annotations

import logging
import os
import secrets

from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

# MkDocs puts this file's folder on sys.path while loading it.
from attguide.editions import changes, feeds
from attguide.editions import cycle as editions
from attguide.check import htmlgate, htmltheme
from attguide.theme import anchors, interface, pagehead
from attguide.views import lastupdated
from attguide.views import notfound
from attguide.editions import pdf
from attguide.views import provisions
from attguide.check import records
from attguide.read import languages, refs
from attguide.check import scan
from attguide.search import index as search
from attguide.search import segmenter
from attguide.read import terms as termbase
from attguide.search import keywords
from attguide.search import synonyms
from attguide.views import glossary
from attguide.theme import bridge as theme
from attguide.editions import translations
from attguide.read.problems import Problems, shown_path
from attguide.build import BuildState, language_root, split_search_index
from attguide.read.registry import DEFAULT_PATH as DEFAULT_REGISTRY
from attguide.views.pages import PageContext
from attguide.views.render import render
from attguide.editions import pageviews
from attguide.views import downloads
from attguide.editions import siteaddress
from attguide.assessment import checks as question_checks
from attguide.assessment import questions

log = logging.getLogger("mkdocs.plugins.attguide.hooks")
state = BuildState()
SITEMAP = "sitemap.xml"


def english_url(page) -> str:
    """Site URL of the English counterpart of a page."""
    alternates = getattr(page.file, "alternates", {}) or {}
    return alternates[languages.default()].url if languages.default() in alternates else ""


@event_priority(50)  # before the offline plugin, which adds a CDN polyfill unless one is set
def on_config(config):
    """Load the registry, generate the navigation, settle the edition (cycle, offline)."""
    languages.configure(config)
    state.lang = theme.language_built(config)
    if state.lang == languages.default():
        state.not_found = {}
        state.unsafe = Problems()  # both languages: reported after the last one
    # A site may name its own registry (the test fixtures do); the default is the project's.
    custom = config.extra.get("att_registry")
    state.registry_path = (os.path.join(os.path.dirname(config.config_file_path), custom)
                           if custom else str(DEFAULT_REGISTRY))
    state.load_registry()
    interface.localise_markdown(config, state.registry.strings(state.lang))  # the ¶ tooltips
    state.termbase = termbase.load(termbase.path_beside(state.registry_path), state.registry)
    found = synonyms.load(synonyms.path_beside(state.registry_path), state.registry, termbase.page_path)
    segmenter.keep_whole(keywords.search_words(state.termbase) + synonyms.chinese_words(found))
    state.page_keywords = {path: search.keywords_text(words) for path, words in synonyms.page_words(
        keywords.page_keywords(state.termbase), found, state.registry).items()}
    state.questions = questions.load(questions.path_beside(state.registry_path), state.registry,
                                     shown=shown_path(questions.path_beside(state.registry_path)))
    if config.nav:
        config.nav = state.expand_nav(config.nav, state.lang)
    state.cycle, state.versioned = editions.current_cycle(state.registry)
    state.repo = siteaddress.settle(config)  # addresses from the host's configuration only
    state.tool_token = secrets.token_hex(16)  # marks the tools' own forms for the one door
    if state.lang == languages.default():
        state.root_url = config.site_url or ""  # before mike appends the version
    state.offline = editions.offline_enabled(config)
    if state.offline:
        # Offline search on file:// needs the iframe-worker shim: the vendored copy.
        theme.use_local_polyfill(config, editions.IFRAME_WORKER_SHIM)
    return config


def on_pre_build(config):
    """First pass, once per site build: check every page of both languages."""
    if state.lang == languages.default():
        state.scan(config.docs_dir, scan.source_paths(config))
        question_checks.check(state.model, state.questions, state.termbase, state.docs_prefix).raise_if_any()
        state.dates = lastupdated.LastUpdated(config.docs_dir, editions.build_date())
        state.search_keywords = {}
        state.changes = changes.edition_changes(config.docs_dir, state.model, state.registry, state.cycle.id)
        state.feeds = {}
        # What has been released (gh-pages' downloads.yml), read once per site build: the
        # Downloads page lists it, and a version links only to its own PDFs.
        state.released = downloads.load(os.path.dirname(os.path.abspath(config.config_file_path)))
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
        view = glossary.glossary_view(state.termbase, state.registry, state.lang)
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
    """Append the generated views the page asks for (the views table) and register their anchors."""
    source = state.source_page(page)
    if source is None:
        return html
    html = pageviews.page_content(html, PageContext(source, page, config, state, state.link_from(page)))
    anchors.register(page, html)  # the generated views' anchors, before MkDocs validates links
    return htmltheme.marked_end(html, state.tool_token)  # the one door finds where the text ends


def on_env(env, config, files):
    """The language's Atom feed, from this edition's changes (written after the last language)."""
    if state.changes is not None and state.feeds is not None:
        edition_url = feeds.edition_url(state.root_url, state.cycle.id, state.versioned)
        view = feeds.feed_view(state.changes, state.model, state.registry, state.lang, state.root_url,
                                 edition_url, state.page_urls(), _dated, editions.build_date())
        if not state.root_url:  # no site address: links relative to the feed, no made-up address
            view = siteaddress.relative_feed(view)
        state.feeds[state.lang] = render(env, "feed", feed=view)
    return env


def on_serve(server, config, builder):
    """``mkdocs serve``: a missing page is answered in its language (``zh/404.html`` under ``/zh/``)."""
    return notfound.serve_per_language(server, config.site_dir)


@event_priority(-100)  # after every other plugin has changed the page
def on_post_page(output, page, config):
    """The one door: the page as readers get it, checked; withheld if unsafe."""
    source = state.source_page(page)
    return htmlgate.guard(output, source.text if source else "", state.shown(page.file.src_uri),
                          source.meta.body_line if source else 1, state.unsafe, state.tool_token,
                          marked=source is not None)


# After static-i18n's on_page_context (priority 50), which sets config.extra.alternate for the
# page: the language switcher below rewrites those links. Same value as MkDocs' default, stated.
@event_priority(0)
def on_page_context(context, page, config, nav):
    """Page status and topic summary for the templates; relative switcher and search links."""
    source = state.source_page(page)
    lang = state.lang
    link = state.link_from(page)
    status = source.meta.get("status") if source else None
    context["att_t"] = state.registry.strings(lang)
    context["att_lang"] = lang
    context["att_lang_root"] = languages.prefix(lang)  # the language's folder: "" or "zh/"
    pagehead.escape_theme_meta(page.meta)
    context["att_status"] = state.registry.statuses.get(status, {}).get(lang) if status else None
    context["att_status_id"] = status
    # Translation drift: a notice on Chinese pages whose English text changed since.
    if source is not None and lang != languages.default():
        english = state.model.page(languages.default(), source.base)
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
        target = alt_file.url if alt_file else languages.prefix(alternate["lang"])
        alternate["link"] = target or "."
        alternates.append(alternate)
    theme.set_alternates(config, alternates)
    # Search: each language has its own index under its own root.
    theme.set_search_base(context, language_root(page.url, lang))
    context["att_site_root"] = language_root(page.url, languages.default())
    if source is not None:
        day = state.dates.date_of(page.file.abs_src_path)
        context["att_updated"] = editions.format_date(day, lang)
        context["att_updated_iso"] = day.isoformat()
    context["att_feed_url"] = language_root(page.url, lang).rstrip("/") + "/feed.xml"
    context["att_pdf_url"] = pdf.pdf_url(state.root_url, state.cycle.id, lang, state.versioned,
                                         context["att_site_root"], state.offline,
                                         state.released if state.versioned else None)
    # The Content-Security-Policy (online only), filled in by on_post_page; see README.
    context["att_csp"] = None if state.offline else pagehead.CSP_PENDING
    context["att_repo"] = state.repo
    context["att_cite"] = siteaddress.cite(state.root_url, state.cycle.id, state.versioned or state.offline, page.url)
    context["att_edition"] = editions.edition_context(
        state.registry, state.cycle, state.versioned, state.offline, lang, editions.build_date())
    return context


def on_template_context(context, template_name, config):
    """The sitemap: a well-formed site URL. The 404 page: strings and home links in its language."""
    if template_name == SITEMAP:
        state.site_url = theme.site_url_with_slash(config)
    if template_name != notfound.TEMPLATE or state.registry is None:
        return context
    if not config.site_url and state.versioned:
        # MkDocs bases error pages on site_url's path, '/' without one: a version's own folder.
        context["base_url"] = siteaddress.error_page_base(state.cycle.id)
    lang, base = state.lang, context["base_url"]
    context["att_t"] = state.registry.strings(lang)
    context["att_lang"] = lang
    context["att_lang_root"] = languages.prefix(lang)  # the language's folder: "" or "zh/"
    context["att_not_found"] = notfound.context(base, lang, theme.languages_built(config), languages.default(),
                                                state.registry.strings)
    context["att_search_base"] = notfound.home_of(base, lang, languages.default())
    context["att_csp"] = None if state.offline else pagehead.CSP_PENDING
    theme.set_alternates(config, notfound.alternates(base, config.extra.get("alternate") or [], languages.default()))
    return context


def on_post_template(output, template_name, config):
    """Keep each language's 404 page (``on_post_build`` writes them); restore the site URL."""
    if template_name == SITEMAP:
        theme.restore_site_url(config, state.site_url)
    if template_name == notfound.TEMPLATE:
        output = htmlgate.guard(output, "", "overrides/404.html", 1, state.unsafe)  # the one door
        state.not_found[state.lang] = output
    return output


@event_priority(-150)
def on_post_build(config):
    """After the last language: split the search index, write the 404 page of each language."""
    if theme.nested_build(config):
        return  # a nested language build; the outer build finishes the job
    state.unsafe.raise_if_any("the built pages")
    built = theme.languages_built(config)
    notfound.write_pages(config.site_dir, state.not_found, languages.default())
    if not config.site_url:
        theme.remove_sitemap(config.site_dir)  # a sitemap needs absolute addresses
    if state.dates is not None:
        state.dates.report()
    for lang, feed in (state.feeds or {}).items():
        feeds.write_feed(config.site_dir, lang, feed)
    sizes = split_search_index(config.site_dir, built, inline_js=state.offline, keywords=state.search_keywords)
    for lang, size in sizes.items():
        log.info("search index for '%s': %d bytes", lang, size)
