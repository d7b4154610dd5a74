"""The termbase (``hooks/data/terms.yml``): one preferred form per concept, in each language.

Read once into typed values and checked against a declared schema (MkDocs ``Config``
option classes), with ``terms.yml:line`` messages. This is the data half; three things use it:

* :func:`attguide.check.termcheck.check_page` finds avoided variants in a page (Chinese variants in Chinese
  pages, -ise spellings and English variants in English pages), for ``make terms``;
* :func:`attguide.views.glossary.glossary_view` orders the entries for the generated glossary (A–Z in English,
  by pinyin in Chinese, each with a jump list);
* :func:`attguide.search.keywords.search_words` gives the Chinese words that the search
  segmenter must keep whole; :func:`attguide.search.keywords.page_keywords` gives, per page that treats a concept (``pages:``), the words a reader
  may type for it, which :mod:`attguide.search` adds to that page's search entry.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c

from . import refs
from .yamlsource import Bilingual, Text, check_entry, child, items, key_lines, per_language, read
from . import languages
from .problems import Problems
from .registry import Registry

log = logging.getLogger("mkdocs.plugins.attguide.termbase")

FILE_NAME = "terms.yml"
SECTIONS = ("abbreviation", "term")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class TermEntry(base.Config):
    """The schema of one entry of ``terms.yml`` (and, after ``pinyin``, the preferred form
    in each language, keyed by its code: see :func:`per_language`)."""

    id = c.Type(str)
    section = c.Choice(SECTIONS)
    abbr = c.Optional(Text())
    heading = Bilingual(required=False)
    pinyin = c.Optional(c.Type(str))
    zh_descriptive = c.Type(bool, default=False)
    avoid = Bilingual(required=False, lists=True)
    topic_title = c.Optional(Text())
    reason = Bilingual(required=False)
    aliases = Bilingual(required=False, lists=True)
    pages = c.ListOfItems(c.Type(str), default=[])
    definition = Bilingual()


HINTS = {
    "id": "lowercase words joined by hyphens, e.g. end-user-certificate",
    "section": "abbreviation or term",
    "heading": "en: and zh: headings",
    "avoid": "en: [...] and zh: [...] lists of variants",
    "aliases": "en: [...] and zh: [...] lists of words",
    "reason": "en: and zh: text",
    "definition": "en: and zh: Markdown",
    "pinyin": "the Chinese heading in pinyin without tones, e.g. guojia guanzhi qingdan",
    "pages": "a list of pages, e.g. [e/document-verification, art:10]",
}
PAGE_HINT = "write phase/topic (e.g. e/document-verification) or art:N (e.g. art:10)"
_ARTICLE_PAGE = re.compile(r"^art:(\d+)$")


@dataclass(frozen=True)
class Term:
    """One entry of the termbase."""

    id: str
    section: str
    names: dict  # language code -> the preferred form
    definition: dict
    line: int
    abbr: str | None = None
    heading: dict | None = None
    pinyin: str | None = None
    zh_descriptive: bool = False
    avoid: dict = field(default_factory=dict)  # language code -> variants to avoid
    topic_title: str | None = None
    reason: dict | None = None
    aliases: dict = field(default_factory=dict)  # language code -> words readers may type
    pages: tuple[str, ...] = ()  # English source paths of the pages that treat the concept

    def title(self, lang: str) -> str:
        """The entry's heading in ``lang``."""
        if self.abbr:
            return self.abbr
        return languages.text_in(self.heading, lang)

    def name(self, lang: str) -> str:
        """The preferred form in ``lang`` (the default language's when it has none)."""
        return languages.text_in(self.names, lang)


@dataclass(frozen=True)
class Termbase:
    """Every term, and the English spelling rules."""

    terms: tuple[Term, ...]
    spelling: tuple[tuple[str, str], ...]
    path: str = ""


def path_beside(registry_path: str | Path) -> Path:
    """``terms.yml`` in the folder of a registry file."""
    return Path(registry_path).parent / FILE_NAME


def load(path: str | Path, registry: Registry, shown: str | None = None) -> Termbase:
    """Read and check the termbase; raise ``PluginError`` listing every problem."""
    path = Path(path)
    shown = shown or str(path)
    if not path.exists():
        return Termbase((), (), shown)
    problems = Problems()
    root, data = read(path.read_text(encoding="utf-8-sig"), shown, problems, "the termbase")
    problems.raise_if_any("the termbase")
    data = data or {}
    terms, seen = [], {}
    for node, raw in zip(items(child(root, "terms")), data.get("terms") or []):
        term = _entry(raw, node, shown, registry, problems)
        if term is None:
            continue
        if term.id in seen:
            problems.add(shown, term.line, f"term '{term.id}' is listed twice",
                         f"keep one entry (the first is on line {seen[term.id]})")
            continue
        seen[term.id] = term.line
        terms.append(term)
    spelling = []
    for node, pair in zip(items(child(root, "spelling")), data.get("spelling") or []):
        if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(p, str) and p for p in pair)):
            problems.add(shown, node.start_mark.line + 1, "a spelling rule must be [avoided stem, preferred stem]",
                         "for example [authoris, authoriz]")
            continue
        spelling.append((pair[0], pair[1]))
    problems.raise_if_any("the termbase")
    return Termbase(tuple(terms), tuple(spelling), shown)


def _entry(raw, node, shown: str, registry: Registry, problems: Problems) -> Term | None:
    """Validate one entry; record every problem; check the references in its definition."""
    line = node.start_mark.line + 1
    lines = key_lines(node, line)
    values = check_entry(raw, node, per_language(TermEntry, Text, after="pinyin"), {**HINTS, **languages.hints()},
                         shown, problems, "a term entry",
                         required=("id", "section", *languages.codes(), "definition"), line=line)
    if values is None:
        return None
    if not _ID.match(values["id"]):
        problems.add(shown, lines.get("id", line), f"'{values['id']}' is not a valid term id", HINTS["id"])
        return None
    if values["section"] == "abbreviation" and not values.get("abbr"):
        problems.add(shown, line, f"abbreviation entry '{values['id']}' has no 'abbr'", "add abbr: the abbreviation")
        return None
    if values["section"] == "term" and not (values.get("heading") and values.get("pinyin")):
        problems.add(shown, line, f"term entry '{values['id']}' needs 'heading' and 'pinyin'",
                     f"add heading: {{en: …, zh: …}} and pinyin: ({HINTS['pinyin']})")
        return None
    if values.get("topic_title") and registry.topic(values["topic_title"]) is None:
        problems.add(shown, lines.get("topic_title", line), f"unknown topic '{values['topic_title']}'",
                     "write phase/topic, e.g. c/competent-authorities")
    pages = []
    for ref in values.get("pages") or []:
        path = page_path(ref.strip(), registry)
        if path is None:
            near = registry.suggest_topic(ref)
            problems.add(shown, lines.get("pages", line), f"'pages' of '{values['id']}': no page '{ref}'",
                         f"did you mean '{near}'?" if near and not ref.startswith("art:") else PAGE_HINT)
        elif path not in pages:
            pages.append(path)
    for lang in languages.codes():
        text = values["definition"][lang]
        first = lines.get("definition", line)
        for link in refs.scan(text):
            try:
                refs.parse_target(link.url, registry)
            except refs.RefError as error:
                problems.add(shown, first, f"in the {lang} definition of '{values['id']}': {error.message}", error.hint)
    empty = {lang: () for lang in languages.codes()}
    return Term(id=values["id"], section=values["section"],
                names={lang: values[lang].strip() for lang in languages.codes()},
                definition=values["definition"], line=line, abbr=values.get("abbr"), heading=values.get("heading"),
                pinyin=values.get("pinyin"), zh_descriptive=values.get("zh_descriptive", False),
                avoid=values.get("avoid") or empty, topic_title=values.get("topic_title"),
                reason=values.get("reason"), aliases=values.get("aliases") or empty, pages=tuple(pages))


def page_path(ref: str, registry: Registry) -> str | None:
    """English source path of a ``pages:`` item (``phase/topic`` or ``art:N``), or None."""
    article = _ARTICLE_PAGE.match(ref)
    if article:
        number = int(article.group(1))
        return f"articles/{registry.articles[number].slug}.md" if number in registry.articles else None
    topic = registry.topic(ref)
    return registry.phases[topic.phase_id].topic_path(topic) if topic else None
