"""The registry's data classes: articles, phases, topics, CSP cycles, and :class:`Registry`.

What :func:`attguide.read.registry.load` returns after checking ``hooks/data/registry.yml``;
the look-ups and suggestions the checks and views need. No reading or checking here.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from . import languages

DEFAULT_PATH = Path(__file__).resolve().parents[2] / "data" / "registry.yml"  # hooks/data/
# Controlled vocabularies of presentation and current-issue records.
VOCABULARIES = ("stakeholders", "regions", "profiles", "issue_statuses")

# How a language writes citations and cycle labels; a language not listed uses "default".
# (A property of each language, not of the site's language list.)
_WORDING = {
    "default": {"article": "Article {number}", "paragraph": "({paragraph})",
                "cycle": "CSP{number} cycle ({span})", "concluded": "concluded at CSP{number}",
                "current": "draft for CSP{number}"},
    "zh": {"article": "第{number}条", "paragraph": "第{paragraph}款", "cycle": "CSP{number}周期（{span}年）",
           "concluded": "已于CSP{number}结束", "current": "CSP{number}的草稿"},
}


def _wording(lang: str, key: str) -> str:
    """The pattern ``key`` of :data:`_WORDING` in ``lang`` (the default wording when none)."""
    return _WORDING.get(lang, _WORDING["default"])[key]


@dataclass(frozen=True)
class Article:
    """A treaty article: number, titles and how many numbered paragraphs it has."""

    number: int
    titles: dict  # language code -> title
    zh_source: str
    paragraphs: int

    def title(self, lang: str) -> str:
        """The article's title in ``lang`` (the default language's when it has none)."""
        return languages.text_in(self.titles, lang)

    def label(self, lang: str, paragraph: int | None = None) -> str:
        """Short citation such as ``Article 7(3)`` or ``第7条第3款``."""
        return (_wording(lang, "article").format(number=self.number)
                + (_wording(lang, "paragraph").format(paragraph=paragraph) if paragraph else ""))

    @property
    def slug(self) -> str:
        """The article page's file stem, e.g. ``article-7``."""
        return f"article-{self.number}"


@dataclass(frozen=True)
class Topic:
    """A topic of the seed's annex chart, identified by its phase and its own id."""

    phase_id: str
    id: str
    titles: dict  # language code -> name
    order: int
    line: int = 0  # of its entry in the registry file

    @property
    def key(self) -> str:
        """The qualified reference ``phase/topic``."""
        return f"{self.phase_id}/{self.id}"

    def title(self, lang: str) -> str:
        """The topic's name in ``lang`` (Chinese: the seed's chart label)."""
        return languages.text_in(self.titles, lang)


@dataclass(frozen=True)
class Phase:
    """An implementation phase (a–i) or the cross-cutting function."""

    id: str
    letter: str | None
    dir: str
    order: int
    names: dict
    topics: tuple[Topic, ...] = ()
    cross_cutting: bool = False
    in_parentheses: bool = False
    line: int = 0  # of its entry in the registry file

    def name(self, lang: str) -> str:
        """Full name as in the seed's paragraph 8."""
        return self.names.get(lang, self.names[languages.default()])["name"]

    def short(self, lang: str) -> str:
        """Short name as in the seed's annex chart."""
        return self.names.get(lang, self.names[languages.default()])["short"]

    def label(self, lang: str) -> str:
        """Navigation label: letter and short name, e.g. ``e. Application and authorization``."""
        return f"{self.letter}. {self.short(lang)}" if self.letter else self.short(lang)

    @property
    def overview_path(self) -> str:
        """Source path of the phase overview page (English name)."""
        return f"{self.dir}/index.md"

    def topic_path(self, topic: Topic) -> str:
        """Source path of a topic page (English name)."""
        return f"{self.dir}/{topic.id}.md"


@dataclass(frozen=True)
class Cycle:
    """A CSP cycle: the preparatory period leading up to one Conference."""

    id: str
    number: int
    year: int
    span: str
    place: dict | None
    dates: str | None
    status: str
    workplan: dict = field(default_factory=dict)

    def label(self, lang: str) -> str:
        """Version label, e.g. ``CSP12 cycle (2025–2026)`` / ``CSP12周期（2025–2026年）``."""
        return _wording(lang, "cycle").format(number=self.number, span=self.span)

    def status_label(self, lang: str) -> str:
        """The cycle's status for readers, e.g. ``concluded at CSP12``."""
        return _wording(lang, "concluded" if self.status == "concluded" else "current").format(number=self.number)


@dataclass
class Registry:
    """All reference data, with the look-ups and suggestions the checks need."""

    articles: dict[int, Article]
    phases: dict[str, Phase]
    cycles: dict[str, Cycle]
    statuses: dict[str, dict]
    abbreviations: dict[str, dict]
    ui: dict[str, dict] = field(default_factory=dict)
    vocabularies: dict[str, dict] = field(default_factory=dict)  # stakeholders, regions, …
    path: str = str(DEFAULT_PATH)
    sources: dict = field(default_factory=dict)  # id -> attguide.sources.Source (sources.yml beside)
    force: object = None  # attguide.modality.ForceTable (force.yml beside)
    topics_by_id: dict[str, list[Topic]] = field(default_factory=dict)
    _strings: dict[str, dict[str, str]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        """Index topics by their own id, to resolve unqualified references."""
        for phase in self.phases.values():
            for topic in phase.topics:
                self.topics_by_id.setdefault(topic.id, []).append(topic)

    # -- look-ups ---------------------------------------------------------------------
    def all_topics(self) -> list[Topic]:
        """Every topic, in phase order then chart order."""
        return [topic for phase in self.phases.values() for topic in phase.topics]

    def topic(self, key: str) -> Topic | None:
        """The topic for a qualified key ``phase/topic``, or None."""
        phase_id, _, topic_id = key.partition("/")
        return next((t for t in self.topics_by_id.get(topic_id, ()) if t.phase_id == phase_id), None)

    def strings(self, lang: str) -> dict[str, str]:
        """The interface strings of the generated views, in ``lang`` (computed once)."""
        if lang not in self._strings:
            self._strings[lang] = {key: texts.get(lang, texts.get(languages.default(), key)) for key, texts in self.ui.items()}
        return self._strings[lang]

    def term(self, vocabulary: str, key: str, lang: str) -> str:
        """A controlled term in ``lang`` (the key itself when unknown)."""
        return self.vocabularies.get(vocabulary, {}).get(key, {}).get(lang, key)

    def newest_cycle(self) -> Cycle:
        """The cycle with the highest number (the one under way)."""
        return max(self.cycles.values(), key=lambda cycle: cycle.number)

    def article_range(self) -> str:
        """``1–28``: the valid article numbers, for messages."""
        return f"{min(self.articles)}–{max(self.articles)}"

    # -- suggestions ------------------------------------------------------------------
    def suggest_topic(self, text: str) -> str:
        """The nearest qualified topic key, for 'did you mean' hints."""
        keys = [t.key for t in self.all_topics()] + list(self.topics_by_id)
        match = difflib.get_close_matches(text, keys, n=1, cutoff=0.5)
        if not match:
            return ""
        found = match[0]
        if "/" not in found:
            candidates = self.topics_by_id[found]
            found = candidates[0].key if len(candidates) == 1 else found
        return found

    def suggest_phase(self, text: str) -> str:
        """The nearest phase id."""
        match = difflib.get_close_matches(text.lower(), list(self.phases), n=1, cutoff=0.3)
        return match[0] if match else ""
