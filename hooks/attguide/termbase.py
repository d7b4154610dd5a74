"""The termbase (``data/terms.yml``): one preferred form per concept, in both languages.

Read once into typed values and checked against a declared schema (MkDocs ``Config``
option classes), with ``terms.yml:line`` messages. Three things use it:

* :func:`check_page` finds avoided variants in a page (Chinese variants in Chinese
  pages, -ise spellings and English variants in English pages), for ``make terms``;
* :func:`glossary_view` orders the entries for the generated glossary (A–Z in English,
  by pinyin in Chinese, each with a jump list);
* :func:`search_words` gives the Chinese words that the search segmenter must keep whole;
  :func:`page_keywords` gives, per page that treats a concept (``pages:``), the words a reader
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
from .mdtext import blank_code
from .yamlsource import Bilingual, Text, check_entry, child, items, key_lines, read
from .problems import Problem, Problems
from .registry import Registry

log = logging.getLogger("mkdocs.plugins.attguide.termbase")

FILE_NAME = "terms.yml"
SECTIONS = ("abbreviation", "term")
# Endings that follow an -is-/-iz- stem in the spelling rules.
_ENDINGS = r"(?:e|es|ed|ing|ation|ations|er|ers)"
# A line carrying this marker is exempt from the check (a quotation, a title, a false alarm).
ALLOW_MARKER = "<!-- att:term-ok -->"
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Quoted titles are exempt: 《…》 and “…” in Chinese, "…" and “…” in English.
_QUOTED = {"zh": re.compile(r"《[^》\n]*》|“[^”\n]*”"), "en": re.compile(r"\"[^\"\n]*\"|“[^”\n]*”")}
_LINK_TARGET = re.compile(r"\]\([^)\n]*\)")
_HTML_COMMENT = re.compile(r"<!--.*?-->")


class TermEntry(base.Config):
    """The schema of one entry of ``terms.yml``."""

    id = c.Type(str)
    section = c.Choice(SECTIONS)
    abbr = c.Optional(Text())
    heading = Bilingual(required=False)
    pinyin = c.Optional(c.Type(str))
    en = Text()
    zh = Text()
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
    en: str
    zh: str
    definition: dict
    line: int
    abbr: str | None = None
    heading: dict | None = None
    pinyin: str | None = None
    zh_descriptive: bool = False
    avoid: dict = field(default_factory=lambda: {"en": (), "zh": ()})
    topic_title: str | None = None
    reason: dict | None = None
    aliases: dict = field(default_factory=lambda: {"en": (), "zh": ()})
    pages: tuple[str, ...] = ()  # English source paths of the pages that treat the concept

    def title(self, lang: str) -> str:
        """The entry's heading in ``lang``."""
        if self.abbr:
            return self.abbr
        return self.heading["zh" if lang == "zh" else "en"]

    def name(self, lang: str) -> str:
        """The preferred form in ``lang``."""
        return self.zh if lang == "zh" else self.en


@dataclass(frozen=True)
class Termbase:
    """Every term, and the English spelling rules."""

    terms: tuple[Term, ...]
    spelling: tuple[tuple[str, str], ...]
    path: str = ""

    def by_id(self, term_id: str) -> Term | None:
        """The entry with ``term_id``, or None."""
        return next((term for term in self.terms if term.id == term_id), None)


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
    values = check_entry(raw, node, TermEntry, HINTS, shown, problems, "a term entry",
                         required=("id", "section", "en", "zh", "definition"), line=line)
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
    for lang in ("en", "zh"):
        text = values["definition"][lang]
        first = lines.get("definition", line)
        for link in refs.scan(text):
            try:
                refs.parse_target(link.url, registry)
            except refs.RefError as error:
                problems.add(shown, first, f"in the {lang} definition of '{values['id']}': {error.message}", error.hint)
    empty = {"en": (), "zh": ()}
    return Term(id=values["id"], section=values["section"], en=values["en"].strip(), zh=values["zh"].strip(),
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


# -- the check -----------------------------------------------------------------------------

@dataclass(frozen=True)
class _Rule:
    """One avoided form and what to write instead."""

    pattern: re.Pattern
    preferred: str
    why: str
    stem: str = ""  # spelling rules: the avoided stem, replaced by ``preferred`` in the match

    def instead_of(self, seen: str) -> str:
        """What to write in place of ``seen``."""
        if not self.stem:
            return self.preferred
        word = self.preferred + seen[len(self.stem):]
        return word.capitalize() if seen[:1].isupper() else word


@dataclass(frozen=True)
class RuleSet:
    """The rules of one language, and one pattern matching any of them (a page or a line
    that it does not match is skipped without further work)."""

    rules: tuple
    any: re.Pattern | None


def rule_set(termbase: Termbase, lang: str) -> RuleSet:
    """The rules of ``lang`` with their combined pattern (compile once per check, not per page)."""
    active = tuple(rules(termbase, lang))
    combined = re.compile("|".join(f"(?:{rule.pattern.pattern})" for rule in active),
                          re.IGNORECASE if lang == "en" else 0) if active else None
    return RuleSet(active, combined)


def rules(termbase: Termbase, lang: str) -> list[_Rule]:
    """The avoided forms of ``lang``, longest first (so 国家主管机构 wins over 主管机构)."""
    found = []
    for term in termbase.terms:
        for variant in term.avoid[lang]:
            flags = re.IGNORECASE if lang == "en" else 0
            pattern = re.compile((r"\b" + re.escape(variant) + r"\b") if lang == "en" else re.escape(variant), flags)
            found.append((len(variant), _Rule(pattern, term.name(lang), f"glossary: {term.en}")))
    if lang == "en":
        for avoided, preferred in termbase.spelling:
            pattern = re.compile(r"\b" + re.escape(avoided) + _ENDINGS + r"\b", re.IGNORECASE)
            found.append((len(avoided), _Rule(pattern, preferred, "spelling: -ize, as in the Treaty", avoided)))
    return [rule for _, rule in sorted(found, key=lambda pair: -pair[0])]


def _blank(text: str, pattern: re.Pattern) -> str:
    """Replace each match of ``pattern`` with spaces, keeping positions."""
    return pattern.sub(lambda m: " " * len(m.group(0)), text)


def check_page(text: str, lang: str, shown: str, termbase: Termbase, kept_titles: tuple[str, ...] = (),
               ruleset: RuleSet | None = None) -> list[Problem]:
    """Avoided variants in one page's Markdown, as ``path:line`` problems.

    Front matter, code, link targets, HTML comments, quoted titles and the titles that the
    proposal's labels keep (``kept_titles``) are left out; a line with
    :data:`ALLOW_MARKER` is exempt. ``ruleset`` (from :func:`rule_set`) saves compiling the
    rules again for every page of a site.
    """
    found = []
    ruleset = ruleset or rule_set(termbase, lang)
    if ruleset.any is None or not ruleset.any.search(text):
        return found  # the usual case: nothing on the page looks like an avoided form
    active = ruleset.rules
    lines = text.splitlines()
    start = 0
    if lines and lines[0].lstrip("\ufeff").strip() == "---":
        for index in range(1, len(lines)):
            if lines[index].strip() in ("---", "..."):
                start = index + 1
                break
    # Code (fences, indented code, code spans) as attguide.mdtext sees it: blanked.
    prose = blank_code("\n".join(lines[start:])).split("\n")
    for number, (line, visible) in enumerate(zip(lines[start:], prose), start=start + 1):
        if ALLOW_MARKER in line or not ruleset.any.search(visible):
            continue
        for pattern in (_LINK_TARGET, _HTML_COMMENT, _QUOTED[lang]):
            visible = _blank(visible, pattern)
        for title in kept_titles:
            visible = visible.replace(title, " " * len(title))
        for rule in active:
            for match in rule.pattern.finditer(visible):
                found.append(Problem(shown, number, f"{match.group(0)}",
                                     f"the termbase uses {rule.instead_of(match.group(0))} ({rule.why})"))
                visible = visible[:match.start()] + " " * len(match.group(0)) + visible[match.end():]
    return found


def _kept_titles(registry: Registry) -> tuple[str, ...]:
    """The proposal's Chinese labels kept as titles (topics and phases), longest first."""
    return tuple(sorted({topic.zh for topic in registry.all_topics()}
                        | {phase.short("zh") for phase in registry.phases.values()}
                        | {phase.name("zh") for phase in registry.phases.values()}, key=len, reverse=True))


def check_docs(docs_dir: str | Path, termbase: Termbase, registry: Registry, shown_prefix: str = "docs"
               ) -> list[Problem]:
    """Every page of ``docs_dir`` checked (``make terms``, outside a build)."""
    docs = Path(docs_dir)
    kept = _kept_titles(registry)
    sets = {lang: rule_set(termbase, lang) for lang in ("en", "zh")}
    problems: list[Problem] = []
    for file in sorted(docs.rglob("*.md")):
        rel = file.relative_to(docs).as_posix()
        lang = "zh" if rel.endswith(".zh.md") else "en"
        text = file.read_text(encoding="utf-8-sig")
        problems += check_page(text, lang, f"{shown_prefix}/{rel}", termbase, kept if lang == "zh" else (),
                               sets[lang])
    return problems


def check_model(model, termbase: Termbase, shown_prefix: str = "docs") -> list[Problem]:
    """The same check during a build, over the pages the first pass has already read."""
    kept = _kept_titles(model.registry)
    problems: list[Problem] = []
    for lang, pages in model.pages.items():
        ruleset = rule_set(termbase, lang)
        for page in pages.values():
            shown = f"{shown_prefix}/{page.path}" if shown_prefix else page.path
            problems += check_page(page.text, lang, shown, termbase, kept if lang == "zh" else (), ruleset)
    return problems


# -- the glossary and search ---------------------------------------------------------------

def _letter(term: Term, lang: str) -> str:
    """The jump-list letter of an entry: A–Z of the English heading, or of the pinyin."""
    key = (term.pinyin or term.title(lang)) if lang == "zh" else term.title(lang)
    return key[:1].upper()


def glossary_view(termbase: Termbase, registry: Registry, lang: str) -> dict:
    """Abbreviations, then terms ordered and grouped by letter, in ``lang``."""
    t = registry.strings(lang)
    terms = [term for term in termbase.terms if term.section == "term"]
    order = (lambda term: (term.pinyin or "").lower()) if lang == "zh" else (lambda term: term.title(lang).lower())
    groups: list[dict] = []
    for term in sorted(terms, key=order):
        letter = _letter(term, lang)
        if not groups or groups[-1]["letter"] != letter:
            groups.append({"letter": letter, "entries": []})
        groups[-1]["entries"].append(_entry_view(term, termbase, registry, lang, t))
    abbreviations = [_entry_view(term, termbase, registry, lang, t)
                     for term in termbase.terms if term.section == "abbreviation"]
    return {"abbreviations": abbreviations, "groups": groups}


def _entry_view(term: Term, termbase: Termbase, registry: Registry, lang: str, t: dict) -> dict:
    """One entry as the glossary template shows it."""
    topic = registry.topic(term.topic_title) if term.topic_title else None
    return {
        "id": term.id, "title": term.title(lang), "en": term.en, "zh": term.zh,
        "descriptive": term.zh_descriptive, "definition": term.definition[lang],
        "avoid": list(term.avoid["zh"]) + list(term.avoid["en"]),
        "reason": (term.reason or {}).get(lang, ""),
        "topic_title": topic.zh if topic else "",
        "topic_ref": term.topic_title or "",
    }


def page_keywords(termbase: Termbase) -> dict[str, list[str]]:
    """For each page named in a term's ``pages:``, the words a reader may type for the concept.

    The abbreviation, the preferred forms and the aliases, in both languages (an English
    abbreviation typed on the Chinese site finds the Chinese page), in termbase order.
    """
    found: dict[str, list[str]] = {}
    for term in termbase.terms:
        words = [term.abbr or "", term.en, term.zh, *term.aliases["en"], *term.aliases["zh"]]
        for path in term.pages:
            bucket = found.setdefault(path, [])
            bucket += [w for w in (w.strip() for w in words) if w and w not in bucket]
    return found


def search_words(termbase: Termbase) -> list[str]:
    """Chinese words the search segmenter must keep whole: preferred forms and aliases."""
    words = set()
    for term in termbase.terms:
        for word in re.split(r"[／/；;（）()、\s]+", term.zh) + list(term.aliases["zh"]):
            if len(word) >= 2 and re.search(r"[\u4e00-\u9fff]", word):
                words.add(word)
    return sorted(words)
