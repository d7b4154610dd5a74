"""The rules that span pages and languages, run once the pages are read (:mod:`attguide.scan`).

Every page exists in both languages with the same shared front matter; each registry topic,
phase and article has exactly one page per language, where the registry puts it; titles
are the registry's names; presentation and issue records are complete. Each finding is a
``path:line`` problem with the fix.
"""

from __future__ import annotations

import logging

from ..read import frontmatter
from . import records
from ..read import languages
from ..read.problems import shown_path
from ..read.sitemodel import SiteModel, SourcePage

log = logging.getLogger("mkdocs.plugins.attguide.checks")


def check_site(model: SiteModel, prefix: str) -> None:
    """Run every rule that spans pages or languages."""
    _check_pairs(model, prefix)
    _check_claims(model, prefix)


def _shown(prefix: str, rel: str) -> str:
    """Path as shown in messages."""
    return f"{prefix}/{rel}" if prefix else rel


def _counterpart(base: str, lang: str) -> str:
    """Docs-relative path of ``base`` in ``lang``."""
    return base[:-3] + languages.suffix(lang)


def _counterparts() -> str:
    """``Chinese counterpart`` (or ``Chinese and French counterparts``): the translations a new
    page needs, for messages."""
    names = [languages.english_name(lang) for lang in languages.translated()]
    return " and ".join(names) + (" counterparts" if len(names) > 1 else " counterpart")


def _check_pairs(model: SiteModel, prefix: str) -> None:
    """Every page exists in both languages, with the same shared front matter."""
    english = model.pages[languages.default()]
    for lang in languages.codes():
        if languages.is_default(lang):
            continue
        translated = model.pages[lang]
        for base, page in english.items():
            if base not in translated:
                alone = all(base not in model.pages[other] for other in languages.translated())
                model.problems.add(
                    _shown(prefix, page.path), 1,
                    f"this page exists in {languages.english_name(languages.default())} only" if alone
                    else f"this page has no {languages.english_name(lang)} counterpart",
                    f"add its {languages.english_name(lang)} counterpart {_shown(prefix, _counterpart(base, lang))} "
                    "with the same front matter")
        for base, page in translated.items():
            if base not in english:
                model.problems.add(
                    _shown(prefix, page.path), 1, f"this page exists in {languages.english_name(lang)} only",
                    f"add its {languages.english_name(languages.default())} counterpart {_shown(prefix, base)} "
                    "with the same front matter")
                continue
            source = english[base]
            if not (page.meta.readable and source.meta.readable):
                continue  # the unreadable side is already reported
            for key in frontmatter.SHARED_KEYS:
                mine, theirs = page.meta.get(key), source.meta.get(key)
                if mine != theirs:
                    model.problems.add(
                        _shown(prefix, page.path), page.meta.line(key),
                        f"front matter '{key}' differs from the English page "
                        f"({_fmt(mine)} here, {_fmt(theirs)} in {_shown(prefix, base)})",
                        "make the two pages' front matter identical")


def _fmt(value) -> str:
    """A front-matter value as a contributor wrote it."""
    if value is None:
        return "missing"
    if isinstance(value, list):
        return "[" + ", ".join(str(v) for v in value) + "]"
    return str(value)


def _check_claims(model: SiteModel, prefix: str) -> None:
    """Pages agree with the registry: topics, phases and articles each have one page."""
    registry = model.registry
    dirs = {phase.dir: phase for phase in registry.phases.values()}
    claimed_topics: dict[str, SourcePage] = {}
    claimed_articles: dict[int, SourcePage] = {}
    for lang in languages.codes():
        for page in model.pages[lang].values():
            shown = _shown(prefix, page.path)
            meta = page.meta
            folder, _, name = page.base.rpartition("/")
            phase_id, topic_id = meta.get("phase"), meta.get("topic")
            phase = registry.phases.get(phase_id) if phase_id else None
            if phase_id and phase is None:
                near = registry.suggest_phase(str(phase_id))
                model.problems.add(shown, meta.line("phase"), f"unknown phase '{phase_id}'",
                                   f"did you mean '{near}'?" if near else
                                   "valid phases: " + ", ".join(registry.phases))
            if topic_id and not phase_id:
                model.problems.add(shown, meta.line("topic"), "'topic' is set without 'phase'",
                                   "add 'phase:' with the topic's phase id")

            # Pages inside a phase folder: the overview, or a topic page of that phase.
            in_phase = dirs.get(folder)
            if not meta.readable:
                continue  # already reported; its claims are unknown
            if in_phase and name == "index.md" and phase_id != in_phase.id and phase is not None:
                model.problems.add(shown, meta.line("phase"),
                                   f"this is the overview of phase {in_phase.id} but says phase '{phase_id}'",
                                   f"write 'phase: {in_phase.id}'")
            if in_phase and name != "index.md" and not topic_id:
                model.problems.add(shown, 1, "a page in a phase folder must be a topic page",
                                   f"add 'phase: {in_phase.id}' and 'topic: {name[:-3]}' "
                                   "and list the topic in the registry")

            if phase is not None and topic_id:
                _check_topic_page(model, page, shown, phase, str(topic_id), claimed_topics, lang, prefix)

            # Article pages: the registry's articles, one page each, where expected.
            number = meta.get("article")
            if number is not None:
                _check_article_page(model, page, shown, number, claimed_articles, lang, prefix)

            # Presentation and current-issue records.
            if languages.is_default(lang):
                records.check(page, shown, registry, model.problems)

            # Titles of topic and article pages are the registry's names.
            _check_title(model, page, shown)

            # A topic never lists itself as related.
            for target in page.related:
                if phase_id and topic_id and target.key == f"{phase_id}/{topic_id}":
                    model.problems.add(shown, meta.line("related"),
                                       f"'related' lists the page's own topic '{target.key}'",
                                       "list topics of other pages only")
        claimed_topics.clear()
        claimed_articles.clear()

    # Registry entries without pages (checked once, on the English side).
    english = model.pages[languages.default()]
    for phase in registry.phases.values():
        if phase.overview_path not in english:
            model.problems.add(_shown(prefix, phase.overview_path), 1,
                               f"phase {phase.id} has no overview page",
                               f"create {_shown(prefix, phase.overview_path)} with 'phase: {phase.id}' "
                               f"and its {_counterparts()}")
        for topic in phase.topics:
            path = phase.topic_path(topic)
            page = english.get(path)
            if page is not None and not page.meta.readable:
                continue
            if page is None or page.meta.get("topic") != topic.id:
                model.problems.add(
                    shown_path(registry.path), topic.line or phase.line,
                    f"topic {topic.key} has no page",
                    f"create {_shown(prefix, path)} and its "
                    + " and ".join(languages.suffix(lang) for lang in languages.translated()) + " counterpart "
                    f"(make new-topic PHASE={phase.id} ID={topic.id})")
    for number, article in registry.articles.items():
        path = f"articles/{article.slug}.md"
        if path not in english:
            model.problems.add(_shown(prefix, path), 1, f"article {number} has no page",
                               f"create {_shown(prefix, path)} with 'article: {number}' and its "
                               + _counterparts())


def _check_topic_page(model: SiteModel, page: SourcePage, shown: str, phase, topic_id: str,
                      claimed: dict, lang: str, prefix: str) -> None:
    """A topic page names a registry topic, sits where the registry puts it, alone."""
    registry = model.registry
    topic = registry.topic(f"{phase.id}/{topic_id}")
    if topic is None:
        near = registry.suggest_topic(f"{phase.id}/{topic_id}")
        known = ", ".join(t.id for t in phase.topics) or "none"
        hint = (f"did you mean '{near.partition('/')[2]}'?" if near.startswith(phase.id + "/")
                else f"topics of phase {phase.id}: {known}")
        model.problems.add(shown, page.meta.line("topic"),
                           f"topic '{topic_id}' is not a topic of phase {phase.id} in the registry",
                           hint + "; new topics are added with make new-topic")
        return
    expected = phase.topic_path(topic)
    if page.base != expected:
        model.problems.add(shown, page.meta.line("topic"),
                           f"this page claims topic {topic.key}, whose page is {_shown(prefix, expected)}",
                           f"move the page to {_shown(prefix, _counterpart(expected, lang))} "
                           "or correct 'phase'/'topic'")
    if topic.key in claimed:
        other = claimed[topic.key]
        model.problems.add(shown, page.meta.line("topic"),
                           f"topic {topic.key} is already claimed by {_shown(prefix, other.path)}",
                           "each topic has exactly one page per language; change 'topic' here")
    else:
        claimed[topic.key] = page


def _check_article_page(model: SiteModel, page: SourcePage, shown: str, number, claimed: dict,
                        lang: str, prefix: str) -> None:
    """An article page names an existing article, at articles/article-N.md, alone."""
    article = model.registry.articles.get(number)
    if article is None:
        model.problems.add(shown, page.meta.line("article"), f"unknown article {number}",
                           f"the Treaty has articles {model.registry.article_range()}")
        return
    expected = f"articles/{article.slug}.md"
    if page.base != expected:
        model.problems.add(shown, page.meta.line("article"),
                           f"this page claims article {number}, whose page is {_shown(prefix, expected)}",
                           "correct 'article' or move the page")
    if number in claimed:
        model.problems.add(shown, page.meta.line("article"),
                           f"article {number} is already claimed by {_shown(prefix, claimed[number].path)}",
                           "each article has exactly one page per language")
    else:
        claimed[number] = page


def _check_title(model: SiteModel, page: SourcePage, shown: str) -> None:
    """Topic pages are titled with the registry's name in their language."""
    registry = model.registry
    meta = page.meta
    expected = None
    if meta.get("topic") and meta.get("phase") in registry.phases:
        topic = registry.topic(f"{meta.get('phase')}/{meta.get('topic')}")
        expected = topic.title(page.lang) if topic else None
    if expected is None or meta.get("title"):
        return
    if page.h1 is None:
        model.problems.add(shown, meta.body_line, "the page has no '# ' title",
                           f"start the text with '# {expected}'")
    elif page.h1 != expected:
        model.problems.add(shown, page.h1_line, f"the title '{page.h1}' differs from the registry's name",
                           f"write '# {expected}' (or rename the topic in the registry)")
