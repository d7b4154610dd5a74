"""The reference data: treaty articles, implementation phases, topics, CSP cycles.

Everything comes from one YAML file (``data/registry.yml`` beside this module); nothing
about the Treaty or the seed's structure is written in code. :func:`load` checks the file
and reports mistakes as ``path:line`` problems instead of tracebacks.
"""

from __future__ import annotations

import difflib
import logging
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import modality, sources as sources_module
from .frontmatter import compose_and_load
from .problems import Problems

log = logging.getLogger("mkdocs.plugins.attguide.registry")

DEFAULT_PATH = Path(__file__).parent / "data" / "registry.yml"
LANGUAGES = ("en", "zh")
# Controlled vocabularies of presentation and current-issue records.
VOCABULARIES = ("stakeholders", "regions", "profiles", "issue_statuses")


@dataclass(frozen=True)
class Article:
    """A treaty article: number, titles and how many numbered paragraphs it has."""

    number: int
    en: str
    zh: str
    zh_source: str
    paragraphs: int

    def title(self, lang: str) -> str:
        """The article's title in ``lang``."""
        return self.zh if lang == "zh" else self.en

    def label(self, lang: str, paragraph: int | None = None) -> str:
        """Short citation such as ``Article 7(3)`` or ``第7条第3款``."""
        if lang == "zh":
            return f"第{self.number}条" + (f"第{paragraph}款" if paragraph else "")
        return f"Article {self.number}" + (f"({paragraph})" if paragraph else "")

    @property
    def slug(self) -> str:
        """The article page's file stem, e.g. ``article-7``."""
        return f"article-{self.number}"


@dataclass(frozen=True)
class Topic:
    """A topic of the seed's annex chart, identified by its phase and its own id."""

    phase_id: str
    id: str
    en: str
    zh: str
    order: int

    @property
    def key(self) -> str:
        """The qualified reference ``phase/topic``."""
        return f"{self.phase_id}/{self.id}"

    def title(self, lang: str) -> str:
        """The topic's name in ``lang`` (Chinese: the seed's chart label)."""
        return self.zh if lang == "zh" else self.en


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

    def name(self, lang: str) -> str:
        """Full name as in the seed's paragraph 8."""
        return self.names[lang]["name"]

    def short(self, lang: str) -> str:
        """Short name as in the seed's annex chart."""
        return self.names[lang]["short"]

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
        if lang == "zh":
            return f"CSP{self.number}周期（{self.span}年）"
        return f"CSP{self.number} cycle ({self.span})"

    def status_label(self, lang: str) -> str:
        """The cycle's status for readers, e.g. ``concluded at CSP12``."""
        if self.status == "concluded":
            return f"已于CSP{self.number}结束" if lang == "zh" else f"concluded at CSP{self.number}"
        return f"CSP{self.number}的草稿" if lang == "zh" else f"draft for CSP{self.number}"


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
        phase = self.phases.get(phase_id)
        if phase is None:
            return None
        return next((t for t in phase.topics if t.id == topic_id), None)

    def strings(self, lang: str) -> dict[str, str]:
        """The interface strings of the generated views, in ``lang`` (computed once)."""
        if lang not in self._strings:
            self._strings[lang] = {key: texts.get(lang, texts.get("en", key)) for key, texts in self.ui.items()}
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


def _line_of(node: yaml.Node | None) -> int:
    """1-based line of a YAML node (1 when unknown)."""
    return node.start_mark.line + 1 if node is not None else 1


def _item_lines(root: yaml.Node, section: str) -> list[int]:
    """Lines of the items of a top-level list section, for messages."""
    if not isinstance(root, yaml.MappingNode):
        return []
    for key, value in root.value:
        if key.value == section and isinstance(value, yaml.SequenceNode):
            return [_line_of(item) for item in value.value]
    return []


def load(path: str | Path = DEFAULT_PATH) -> Registry:
    """Read and check the registry; raise ``PluginError`` listing every problem."""
    path = Path(path)
    shown = _display_path(path)
    problems = Problems()
    text = path.read_text(encoding="utf-8")
    try:
        root, data = compose_and_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        problems.add(shown, line, f"the registry is not valid YAML ({getattr(error, 'problem', error)})",
                     "fix the indentation or quoting on that line")
        problems.raise_if_any("the registry")
    data = data or {}

    # Articles: numbered 1..N without gaps, each with titles and a paragraph count.
    articles: dict[int, Article] = {}
    for line, item in zip(_item_lines(root, "articles"), data.get("articles", [])):
        try:
            article = Article(int(item["number"]), str(item["en"]), str(item["zh"]),
                              str(item.get("zh_source", "label")), int(item.get("paragraphs", 0)))
        except (KeyError, TypeError, ValueError) as error:
            problems.add(shown, line, f"article entry is incomplete ({error})",
                         "give number, en, zh, zh_source and paragraphs")
            continue
        if article.number in articles:
            problems.add(shown, line, f"article {article.number} is listed twice", "keep one entry")
        articles[article.number] = article

    # Phases with their topics; topic ids are unique within a phase only.
    phases: dict[str, Phase] = {}
    for order, (line, item) in enumerate(zip(_item_lines(root, "phases"), data.get("phases", []))):
        try:
            phase_id = str(item["id"])
            names = {lang: dict(item[lang]) for lang in LANGUAGES}
            for lang in LANGUAGES:
                if not names[lang].get("name") or not names[lang].get("short"):
                    raise KeyError(f"{lang}.name/{lang}.short")
            topics = []
            seen: set[str] = set()
            for topic_order, raw in enumerate(item.get("topics") or []):
                topic = Topic(phase_id, str(raw["id"]), str(raw["en"]), str(raw["zh"]), topic_order)
                if topic.id in seen:
                    problems.add(shown, line, f"topic '{topic.id}' is listed twice in phase {phase_id}",
                                 "topic ids must be unique within a phase")
                seen.add(topic.id)
                topics.append(topic)
        except (KeyError, TypeError) as error:
            problems.add(shown, line, f"phase entry is incomplete (missing {error})",
                         "give id, letter, dir, en/zh name and short, and topics")
            continue
        if phase_id in phases:
            problems.add(shown, line, f"phase '{phase_id}' is listed twice", "keep one entry")
        phases[phase_id] = Phase(phase_id, item.get("letter"), str(item["dir"]), order, names,
                                 tuple(topics), bool(item.get("cross_cutting", False)),
                                 bool(item.get("in_parentheses", False)))

    # CSP cycles: the mike version names.
    cycles: dict[str, Cycle] = {}
    for line, item in zip(_item_lines(root, "cycles"), data.get("cycles", [])):
        try:
            cycle = Cycle(str(item["id"]), int(item["number"]), int(item["year"]), str(item["span"]),
                          item.get("place"), item.get("dates"), str(item["status"]),
                          dict(item.get("workplan") or {}))
        except (KeyError, TypeError, ValueError) as error:
            problems.add(shown, line, f"cycle entry is incomplete ({error})",
                         "give id, number, year, span, place, dates and status")
            continue
        cycles[cycle.id] = cycle

    for section in ("articles", "phases", "cycles", "statuses"):
        if not data.get(section):
            problems.add(shown, 1, f"the registry has no '{section}' section", f"add '{section}:'")
    problems.raise_if_any("the registry")
    # Interface strings and controlled vocabularies are generic: a registry without them (a
    # test fixture's) uses the project's.
    if path.resolve() != DEFAULT_PATH.resolve() and any(data.get(k) is None for k in ("ui",) + VOCABULARIES):
        defaults = yaml.safe_load(DEFAULT_PATH.read_text(encoding="utf-8")) or {}
        for key in ("ui",) + VOCABULARIES:
            if data.get(key) is None:
                data[key] = defaults.get(key)
    ui = data.get("ui")
    vocabularies = {name: dict(data.get(name) or {}) for name in VOCABULARIES}
    return Registry(articles, phases, cycles, dict(data.get("statuses") or {}),
                    dict(data.get("abbreviations") or {}), dict(ui or {}), vocabularies, str(path),
                    sources_module.load(sources_module.path_beside(path),
                                        _display_path(sources_module.path_beside(path))),
                    force=modality.load(modality.path_beside(path), articles,
                                        _display_path(modality.path_beside(path))))


def _display_path(path: Path) -> str:
    """Path relative to the working directory when possible, for messages."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
