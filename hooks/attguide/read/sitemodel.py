"""The site's pages in every language, each read once into typed values.

:func:`read_page` reads one Markdown source into a :class:`SourcePage`: its front matter
(validated, with its lines), its body and its title. :class:`SiteModel` holds every page of
every language and the problems found. Checking a page's references and markup is
:mod:`attguide.check.scan`'s job; the rules that span pages and languages are
:mod:`attguide.check.rules`'.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from . import frontmatter, languages
from . import refs
from .problems import Problems
from .registry import Registry, Topic

log = logging.getLogger("mkdocs.plugins.attguide.sitemodel")

language_of = languages.language_of  # (language, base path) of a docs-relative path


# A level-1 ATX heading, without an attribute list or closing hashes.
_H1 = re.compile(r"^#[ \t]+(?P<title>.+?)(?:[ \t]+\{[^}]*\})?[ \t]*#*[ \t]*$", re.MULTILINE)


@dataclass
class SourcePage:
    """One Markdown source file, as read in the first pass."""

    path: str  # docs-relative, e.g. "e-authorization/risk-assessment.zh.md"
    base: str  # the English file it pairs with, e.g. "e-authorization/risk-assessment.md"
    lang: str
    meta: frontmatter.FrontMatter  # holds the page's text
    targets: list[tuple[refs.Link, refs.Target]] = field(default_factory=list)
    related: list[refs.Target] = field(default_factory=list)
    articles: list[refs.Target] = field(default_factory=list)
    sources: list[refs.Target] = field(default_factory=list)  # front matter `sources:`
    h1: str | None = None
    h1_line: int = 1

    @property
    def text(self) -> str:
        """The page's whole text, as read."""
        return self.meta.text

    @property
    def body(self) -> str:
        """The Markdown after the front matter."""
        return self.meta.body


def read_page(rel: str, text: str, shown: str, problems: Problems) -> SourcePage:
    """Read one page's ``text`` (docs-relative path ``rel``, shown as ``shown`` in problems) into a
    :class:`SourcePage`: front matter and body, and the title of its first level-1 heading.
    References are resolved and checked later, by :mod:`attguide.check.scan`."""
    lang, base = language_of(rel)
    page = SourcePage(rel, base, lang, frontmatter.parse(text, shown, problems))
    heading = _H1.search(page.body)
    if heading:
        page.h1 = heading.group("title").strip()
        page.h1_line = page.meta.body_line + page.body.count("\n", 0, heading.start())
    return page


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

