"""The reference data: treaty articles, implementation phases, topics, CSP cycles.

Everything comes from one YAML file (``data/registry.yml`` beside this module). Its
schema is declared below as MkDocs ``Config`` classes (one per kind of entry, as the page
front matter is), and :func:`load` checks every entry against it, then the rules between
entries (articles numbered 1..N without gaps, ids listed once); each mistake is reported
as ``registry.yml:line: what — what would be right``, all of them in one build.
"""

from __future__ import annotations

import difflib
import logging
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError

from . import modality, sources as sources_module
from . import yamlsource
from .problems import Problems
from .yamlsource import Bilingual, Text, check_entry, child, items, line_of, text_problem

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
    line: int = 0  # of its entry in the registry file

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
    line: int = 0  # of its entry in the registry file

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


class _Names(c.Type):
    """A phase's ``{name, short}`` in one language, both non-empty."""

    def __init__(self):
        """A mapping."""
        super().__init__(dict)

    def run_validation(self, value):
        """Both texts present."""
        value = super().run_validation(value)
        missing = [key for key in ("name", "short") if not str(value.get(key) or "").strip()]
        if missing:
            raise ValidationError("no " + " or ".join(missing))
        for key in ("name", "short"):
            if text_problem(str(value[key])):
                raise ValidationError(f"the {key} {text_problem(str(value[key]))}")
        return {"name": str(value["name"]), "short": str(value["short"])}


class ArticleEntry(base.Config):
    """An entry of ``articles:``."""

    number = c.Type(int)
    en = Text()
    zh = Text()
    zh_source = c.Choice(("seed", "label"), default="label")
    paragraphs = c.Type(int, default=0)


class TopicEntry(base.Config):
    """An entry of a phase's ``topics:``."""

    id = c.Type(str)
    en = Text()
    zh = Text()


class PhaseEntry(base.Config):
    """An entry of ``phases:``."""

    id = c.Type(str)
    letter = c.Optional(c.Type(str))
    dir = c.Type(str)
    en = _Names()
    zh = _Names()
    topics = c.ListOfItems(c.Type(dict), default=[])
    cross_cutting = c.Type(bool, default=False)
    in_parentheses = c.Type(bool, default=False)


class CycleEntry(base.Config):
    """An entry of ``cycles:`` (the ids are the mike version names)."""

    id = c.Type(str)
    number = c.Type(int)
    year = c.Type(int)
    span = c.Type(str)
    place = c.Optional(Bilingual())
    dates = c.Optional(c.Type(str))
    status = c.Choice(("concluded", "current"))
    workplan = c.Optional(c.Type(dict))


class RegistryFile(base.Config):
    """The top level of the registry file."""

    articles = c.ListOfItems(c.Type(dict))
    phases = c.ListOfItems(c.Type(dict))
    cycles = c.ListOfItems(c.Type(dict))
    statuses = c.Type(dict)
    abbreviations = c.Type(dict, default={})
    ui = c.Optional(c.Type(dict))
    stakeholders = c.Optional(c.Type(dict))
    regions = c.Optional(c.Type(dict))
    profiles = c.Optional(c.Type(dict))
    issue_statuses = c.Optional(c.Type(dict))


# Sections of ``key: {en: …, zh: …}`` entries: every text exists in both languages.
BILINGUAL_SECTIONS = ("statuses", "abbreviations", "ui") + VOCABULARIES


HINTS = {
    "number": "the article's number, e.g. 7",
    "en": "the English text",
    "zh": "the Chinese text",
    "zh_source": "seed (the seed's own wording) or label (a descriptive label)",
    "paragraphs": "the number of numbered paragraphs (0 when the article has none)",
    "id": "a lowercase id, e.g. e or risk-assessment",
    "letter": "the phase's letter, e.g. e (null for the cross-cutting function)",
    "dir": "the phase's folder under docs/, e.g. e-authorization",
    "topics": "a list of {id, en, zh} entries",
    "year": "the year of the Conference, e.g. 2027",
    "span": "the cycle's years, e.g. '2026–2027'",
    "place": "{en: …, zh: …} or null",
    "dates": "the Conference's dates, e.g. '2027-08-23/2027-08-27', or null",
    "status": "concluded or current",
    "workplan": "{objectives: [], phases: [], topics: []}",
    "articles": "a list of {number, en, zh, paragraphs} entries",
    "phases": "a list of phase entries",
    "cycles": "a list of cycle entries",
    "statuses": "entries such as 'draft: {en: …, zh: …}'",
    "abbreviations": "entries such as 'ATT: {en: …, zh: …}'",
    "ui": "entries such as 'key: {en: …, zh: …}'",
}


def _entries(root, data: dict, section: str, schema, what: str, required: tuple, shown: str,
             problems: Problems) -> list[tuple[dict, int, object]]:
    """The valid entries of a top-level list, each with its line and node."""
    found = []
    for node, raw in zip(items(child(root, section)), data.get(section) or []):
        values = check_entry(raw, node, schema, HINTS, shown, problems, what, required)
        if values is not None:
            found.append((values, line_of(node), node))
    return found


def load(path: str | Path = DEFAULT_PATH) -> Registry:
    """Read and check the registry; raise ``PluginError`` listing every problem."""
    path = Path(path)
    shown = _display_path(path)
    problems = Problems()
    root, data = yamlsource.read(path.read_text(encoding="utf-8-sig"), shown, problems, "the registry")
    problems.raise_if_any("the registry")
    data = data or {}
    top = check_entry(data, root, RegistryFile, HINTS, shown, problems, "the registry",
                      required=("articles", "phases", "cycles", "statuses"))
    if top is None:
        problems.raise_if_any("the registry")

    for section in BILINGUAL_SECTIONS:
        bilingual = Bilingual(allow_empty=section == "ui")
        node = child(root, section)
        if not isinstance(node, yaml.MappingNode) or not isinstance(data.get(section), dict):
            continue
        for key_node, value_node in node.value:
            try:
                bilingual.validate(data[section].get(key_node.value))
            except ValidationError as error:
                problems.add(shown, line_of(value_node), f"'{key_node.value}' in '{section}' has a wrong value ({error})",
                             "write {en: …, zh: …} with both texts; quote a text that holds a comma or a colon")

    # Articles: numbered 1..N without gaps, each listed once.
    articles: dict[int, Article] = {}
    for values, line, _ in _entries(root, data, "articles", ArticleEntry, "an article entry",
                                    ("number", "en", "zh"), shown, problems):
        article = Article(values["number"], values["en"], values["zh"], values["zh_source"],
                          values["paragraphs"])
        if article.number in articles:
            problems.add(shown, line, f"article {article.number} is listed twice", "keep one entry")
            continue
        if article.number < 1 or article.paragraphs < 0:
            problems.add(shown, line, f"article {article.number} has a wrong number or paragraph count",
                         "numbers start at 1; paragraphs is 0 or more")
            continue
        articles[article.number] = article
    missing = sorted(set(range(1, max(articles, default=0) + 1)) - set(articles))
    if missing:
        problems.add(shown, line_of(child(root, "articles")),
                     "articles " + ", ".join(map(str, missing)) + " are missing from the list"
                     if len(missing) > 1 else f"article {missing[0]} is missing from the list",
                     f"list every article from 1 to {max(articles)}, each with its paragraphs")
    articles = dict(sorted(articles.items()))

    # Phases with their topics; topic ids are unique within a phase only.
    phases: dict[str, Phase] = {}
    dirs: dict[str, int] = {}
    for order, (values, line, node) in enumerate(_entries(
            root, data, "phases", PhaseEntry, "a phase entry", ("id", "dir", "en", "zh"), shown, problems)):
        phase_id = values["id"]
        topics: list[Topic] = []
        for topic_node, raw in zip(items(child(node, "topics")), values["topics"]):
            topic = check_entry(raw, topic_node, TopicEntry, HINTS, shown, problems,
                                f"a topic entry of phase {phase_id}", ("id", "en", "zh"))
            if topic is None:
                continue
            if any(t.id == topic["id"] for t in topics):
                problems.add(shown, line_of(topic_node), f"topic '{topic['id']}' is listed twice in phase {phase_id}",
                             "topic ids must be unique within a phase")
                continue
            topics.append(Topic(phase_id, topic["id"], topic["en"], topic["zh"], len(topics), line_of(topic_node)))
        if phase_id in phases:
            problems.add(shown, line, f"phase '{phase_id}' is listed twice",
                         f"keep one entry (the first is on line {phases[phase_id].line})")
            continue
        if values["dir"] in dirs:
            problems.add(shown, line, f"phase '{phase_id}' uses the folder '{values['dir']}' of another phase",
                         f"give each phase its own 'dir' (line {dirs[values['dir']]} has it)")
        dirs.setdefault(values["dir"], line)
        phases[phase_id] = Phase(phase_id, values["letter"], values["dir"], order,
                                 {"en": values["en"], "zh": values["zh"]}, tuple(topics),
                                 values["cross_cutting"], values["in_parentheses"], line)

    # CSP cycles: the mike version names, each id and number once.
    cycles: dict[str, Cycle] = {}
    numbers: dict[int, str] = {}
    for values, line, _ in _entries(root, data, "cycles", CycleEntry, "a cycle entry",
                                    ("id", "number", "year", "span", "status"), shown, problems):
        cycle = Cycle(values["id"], values["number"], values["year"], values["span"], values["place"],
                      values["dates"], values["status"], dict(values["workplan"] or {}))
        if cycle.id in cycles:
            problems.add(shown, line, f"cycle '{cycle.id}' is listed twice", "keep one entry per cycle")
            continue
        if cycle.number in numbers:
            problems.add(shown, line, f"cycle '{cycle.id}' has the number {cycle.number} of '{numbers[cycle.number]}'",
                         "give each cycle its own CSP number")
            continue
        numbers[cycle.number] = cycle.id
        cycles[cycle.id] = cycle

    for section in ("articles", "phases", "cycles", "statuses"):
        if top.get(section) is not None and not data.get(section):
            problems.add(shown, line_of(child(root, section)), f"the registry's '{section}' section is empty",
                         f"add {HINTS[section]}")
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
