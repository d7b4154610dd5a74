"""Inline cross-references: ``[text](art:7.3)``, ``[](phase:e)``, ``[](topic:e/risk-assessment)``.

References are ordinary Markdown links with a scheme, so they read sensibly on GitHub.
:func:`scan` finds them (outside code) with their line numbers; :func:`parse_target`
checks one against the registry; :func:`rewrite` turns them into relative links to the
target's Markdown file, which MkDocs then resolves for the page's language, for ``/``,
``/zh/``, a mike version prefix and ``file://`` alike.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import posixpath
import re
from dataclasses import dataclass

from .mdtext import blank_code
from .registry import Registry
from .sources import suggest as suggest_source

log = logging.getLogger("mkdocs.plugins.attguide.refs")

SCHEMES = ("art", "phase", "topic", "src")
# The generated page that lists every source; a src: reference links to its entry there.
SOURCES_PAGE = "sources.md"

# A Markdown inline link whose URL uses one of our schemes; the text may hold one level of
# nested brackets. An optional title ("...") is kept.
_LINK = re.compile(
    r"(?<!!)\[(?P<text>(?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]"
    r"\((?P<url>(?:" + "|".join(SCHEMES) + r"):[^\s)]*)(?P<title>\s+\"[^\"]*\")?\)"
)
_ARTICLE = re.compile(r"^(?P<number>\d+)(?:\.(?P<paragraph>\d+))?$")


@dataclass(frozen=True)
class Link:
    """A reference link found in Markdown."""

    url: str
    text: str
    line: int  # 1-based, counted in the text that was scanned
    start: int
    end: int
    title: str = ""

    @property
    def scheme(self) -> str:
        """``art``, ``phase`` or ``topic``."""
        return self.url.split(":", 1)[0]

    @property
    def value(self) -> str:
        """What follows the scheme, e.g. ``7.3``."""
        return self.url.split(":", 1)[1]


@dataclass(frozen=True, order=True)
class ArticleRef:
    """A reference to an article or one of its numbered paragraphs: ``7`` or ``7.3``.

    Built from the text as written (``art:7.10``, or the YAML scalar ``7.10``), never from
    a float, so that ``7.10`` is paragraph 10 of Article 7 and not paragraph 1.
    """

    number: int
    paragraph: int | None = None

    @classmethod
    def parse(cls, text: str) -> "ArticleRef | None":
        """``7`` or ``7.3`` as written; None when the text is not of that form."""
        match = _ARTICLE.match(str(text).strip())
        if not match:
            return None
        paragraph = match.group("paragraph")
        return cls(int(match.group("number")), int(paragraph) if paragraph is not None else None)

    def __str__(self) -> str:
        """Back to the reference text, e.g. ``7.3``."""
        return f"{self.number}" + (f".{self.paragraph}" if self.paragraph is not None else "")


@dataclass(frozen=True)
class Target:
    """What a reference points to, once checked against the registry."""

    kind: str  # "art", "phase", "topic" or "src"
    key: str  # "7", "e", "e/risk-assessment", "basic-guide-ncs"
    path: str  # English source path of the target page, e.g. "articles/article-7.md"
    paragraph: int | None = None
    anchor: str = ""  # fragment on the target page (a source's entry on the Sources page)
    article: ArticleRef | None = None  # for "art" targets: the typed reference

    def cites(self, number: int) -> bool:
        """True when this is a reference to article ``number`` (or one of its paragraphs)."""
        return self.article is not None and self.article.number == number

    def title(self, registry: Registry, lang: str) -> str:
        """The target's title in ``lang``: what an empty link text becomes."""
        if self.kind == "art":
            return registry.articles[self.article.number].label(lang, self.paragraph)
        if self.kind == "phase":
            return registry.phases[self.key].short(lang)
        if self.kind == "src":
            return registry.sources[self.key].short_title(lang)
        return registry.topic(self.key).title(lang)


class RefError(ValueError):
    """A reference that does not exist, with the message and the fix."""

    def __init__(self, message: str, hint: str):
        """Keep the message and the hint apart for ``path:line`` reporting."""
        super().__init__(message)
        self.message = message
        self.hint = hint


def scan(markdown: str, first_line: int = 1) -> list[Link]:
    """Every reference link in ``markdown`` outside code, with its line in the file."""
    visible = blank_code(markdown)
    links = []
    line, counted = first_line, 0  # lines counted up to ``counted``, from one link to the next
    for match in _LINK.finditer(visible):
        line += visible.count("\n", counted, match.start())
        counted = match.start()
        links.append(Link(match.group("url"), match.group("text"), line,
                          match.start(), match.end(), match.group("title") or ""))
    return links


def parse_target(url: str, registry: Registry) -> Target:
    """Check ``url`` (``art:7.3``, ``phase:e``, ``topic:e/x``) against the registry."""
    scheme, _, value = url.partition(":")
    if scheme == "art":
        return _article(value, registry)
    if scheme == "phase":
        return _phase(value, registry)
    if scheme == "topic":
        return _topic(value, registry)
    if scheme == "src":
        return source_target(value, registry)
    raise RefError(f"unknown reference scheme '{scheme}:'", "use art:, phase:, topic: or src:")


def source_target(value: str, registry: Registry, scheme: str = "src:") -> Target:
    """Resolve a source id from ``sources.yml`` (used by ``sources:`` in front matter too)."""
    source = registry.sources.get(value.strip())
    if source is None:
        raise RefError(f"unknown source '{scheme}{value}'", suggest_source(value.strip(), registry.sources))
    return Target("src", source.id, SOURCES_PAGE, anchor=source.id)


def _article(value: str, registry: Registry) -> Target:
    """Resolve ``7`` or ``7.3``."""
    return article_target(ArticleRef.parse(value), value, registry)


def article_target(ref: ArticleRef | None, value: str, registry: Registry, scheme: str = "art:") -> Target:
    """Check a typed article reference against the registry (``value`` as written, for messages)."""
    span = registry.article_range()
    if ref is None:
        raise RefError(f"'{scheme}{value}' is not an article reference",
                       f"write the article number {span}, e.g. {scheme}7, or a paragraph, e.g. {scheme}7.3")
    number, paragraph = ref.number, ref.paragraph
    article = registry.articles.get(number)
    if article is None:
        raise RefError(f"unknown article '{scheme}{value}'",
                       f"the Treaty has articles {span}, e.g. {scheme}7 or {scheme}7.3")
    if paragraph is not None:
        if article.paragraphs == 0:
            raise RefError(f"Article {number} has no numbered paragraphs ('{scheme}{value}')",
                           f"write {scheme}{number}")
        if not 1 <= paragraph <= article.paragraphs:
            raise RefError(f"Article {number} has no paragraph {paragraph} ('{scheme}{value}')",
                           f"its paragraphs are {number}.1–{number}.{article.paragraphs}; "
                           f"or write {scheme}{number}")
    return Target("art", str(number), f"articles/{article.slug}.md", paragraph, article=ref)


def _phase(value: str, registry: Registry) -> Target:
    """Resolve a phase id."""
    phase = registry.phases.get(value)
    if phase is None:
        near = registry.suggest_phase(value)
        valid = ", ".join(registry.phases)
        hint = f"did you mean 'phase:{near}'? Valid phases: {valid}" if near else f"valid phases: {valid}"
        raise RefError(f"unknown phase 'phase:{value}'", hint)
    return Target("phase", phase.id, phase.overview_path)


def topic_target(value: str, registry: Registry, scheme: str = "topic:") -> Target:
    """Resolve ``phase/topic`` or an unambiguous bare topic id (used by ``related:`` too)."""
    if "/" in value:
        phase_id, _, topic_id = value.partition("/")
        if phase_id not in registry.phases:
            near = registry.suggest_topic(value)
            raise RefError(f"unknown phase '{phase_id}' in '{scheme}{value}'",
                           f"did you mean '{scheme}{near}'?" if near else
                           "valid phases: " + ", ".join(registry.phases))
        topic = registry.topic(value)
        if topic is None:
            near = registry.suggest_topic(value)
            phase = registry.phases[phase_id]
            known = ", ".join(t.id for t in phase.topics) or "none"
            raise RefError(f"unknown topic '{scheme}{value}'",
                           f"did you mean '{scheme}{near}'?" if near else
                           f"topics of phase {phase_id}: {known}")
    else:
        candidates = registry.topics_by_id.get(value, [])
        if len(candidates) > 1:
            options = " or ".join(f"{scheme}{t.key}" for t in candidates)
            phases = " and ".join(t.phase_id for t in candidates)
            raise RefError(f"'{scheme}{value}' is ambiguous: the topic exists in phases {phases}",
                           f"qualify it: {options}")
        if not candidates:
            near = registry.suggest_topic(value)
            raise RefError(f"unknown topic '{scheme}{value}'",
                           f"did you mean '{scheme}{near}'?" if near else
                           "write phase/topic, e.g. topic:e/risk-assessment")
        topic = candidates[0]
    phase = registry.phases[topic.phase_id]
    return Target("topic", topic.key, phase.topic_path(topic))


def _topic(value: str, registry: Registry) -> Target:
    """Resolve a ``topic:`` reference."""
    return topic_target(value, registry)


def links_for(markdown: str, scanned_body: str, scanned: list[tuple[Link, Target]],
              registry: Registry) -> list[tuple[Link, Target]]:
    """The checked references of ``markdown``, reusing the first pass when it is unchanged.

    MkDocs hands pages over without the front matter and the blank lines after it, and
    without the final line break; when that is what the first pass scanned, its links are
    shifted instead of found again. Otherwise (another plugin changed the text) the Markdown
    is scanned anew.
    """
    stripped = scanned_body.lstrip("\n")
    if stripped.startswith(markdown) and not stripped[len(markdown):].strip():
        shift = len(scanned_body) - len(stripped)
        return [(dataclasses.replace(link, start=link.start - shift, end=link.end - shift), target)
                for link, target in scanned]
    found = []
    for link in scan(markdown):
        try:
            found.append((link, parse_target(link.url, registry)))
        except RefError:
            continue  # reported by the first pass
    return found


def relative_md_path(target_path: str, page_src_uri: str) -> str:
    """Path from the page's source folder to the target's Markdown file."""
    return _relative_to_folder(target_path, posixpath.dirname(page_src_uri) or ".")


@functools.lru_cache(maxsize=16384)
def _relative_to_folder(target_path: str, folder: str) -> str:
    """``posixpath.relpath`` (kept: pages of one folder link to the same targets again and again)."""
    return posixpath.relpath(target_path, folder)


def rewrite(markdown: str, links: list[tuple[Link, Target]], page_src_uri: str,
            registry: Registry, lang: str) -> str:
    """Replace each checked reference with an ordinary relative Markdown link."""
    pieces = []
    cursor = 0
    for link, target in sorted(links, key=lambda pair: pair[0].start):
        text = link.text if link.text.strip() else target.title(registry, lang)
        href = relative_md_path(target.path, page_src_uri) + (f"#{target.anchor}" if target.anchor else "")
        pieces.append(markdown[cursor:link.start])
        pieces.append(f"[{text}]({href}{link.title})")
        cursor = link.end
    pieces.append(markdown[cursor:])
    return "".join(pieces)
