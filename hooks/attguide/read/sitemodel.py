"""The site's pages in both languages, as read once by :mod:`attguide.scan`.

A :class:`SourcePage` holds one Markdown source in typed values (validated front matter
with its lines, checked references, title); :class:`SiteModel` holds every page of both
languages and the problems found. Reading is :mod:`attguide.scan`'s job, the rules that
span pages and languages are :mod:`attguide.checks`'.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from . import frontmatter, languages
from . import refs
from .problems import Problems
from .registry import Registry, Topic

log = logging.getLogger("mkdocs.plugins.attguide.sitemodel")

language_of = languages.language_of  # (language, base path) of a docs-relative path


@dataclass
class SourcePage:
    """One Markdown source file, as read in the first pass."""

    path: str  # docs-relative, e.g. "e-authorization/risk-assessment.zh.md"
    base: str  # the English file it pairs with, e.g. "e-authorization/risk-assessment.md"
    lang: str
    text: str
    meta: frontmatter.FrontMatter
    body: str = ""  # the Markdown after the front matter, as scanned
    targets: list[tuple[refs.Link, refs.Target]] = field(default_factory=list)
    related: list[refs.Target] = field(default_factory=list)
    articles: list[refs.Target] = field(default_factory=list)
    sources: list[refs.Target] = field(default_factory=list)  # front matter `sources:`
    h1: str | None = None
    h1_line: int = 1


@dataclass
class SiteModel:
    """All pages by language, and what they claim; plus the problems found."""

    registry: Registry
    docs_dir: str
    pages: dict[str, dict[str, SourcePage]] = field(default_factory=dict)  # lang -> base -> page
    problems: Problems = field(default_factory=Problems)
    _backlinks: dict = field(default_factory=dict, repr=False)  # lang -> target -> sources
    _cited: dict = field(default_factory=dict, repr=False)  # (lang, base) -> article numbers

    def page(self, lang: str, base: str) -> SourcePage | None:
        """The page of ``lang`` that pairs with the English file ``base``."""
        return self.pages.get(lang, {}).get(base)

    def topic_page(self, topic: Topic, lang: str | None = None) -> SourcePage | None:
        """The page of ``lang`` (default: the default language) that covers ``topic``."""
        phase = self.registry.phases[topic.phase_id]
        return self.page(lang or languages.default(), phase.topic_path(topic))

    def cited_articles(self, page: SourcePage) -> frozenset[int]:
        """The numbers of the articles ``page`` lists in its front matter (kept: every article
        page and the matrix ask it of every topic page)."""
        key = (page.lang, page.base)
        if key not in self._cited:
            self._cited[key] = frozenset(t.article.number for t in page.articles if t.article is not None)
        return self._cited[key]

    def backlinks(self, lang: str, target_base: str) -> list[SourcePage]:
        """Pages of ``lang`` whose text links to ``target_base``, in path order."""
        if lang not in self._backlinks:
            index: dict[str, set[str]] = {}
            for page in self.pages.get(lang, {}).values():
                for _, target in page.targets:
                    if target.path != page.base:
                        index.setdefault(target.path, set()).add(page.base)
            self._backlinks[lang] = index
        found = self._backlinks[lang].get(target_base, ())
        return [self.pages[lang][base] for base in sorted(found)]

