"""The reference data: treaty articles, implementation phases, topics, CSP cycles.

Everything comes from one YAML file (``hooks/data/registry.yml``). The data classes
(articles, phases, topics, cycles, :class:`Registry`) are in :mod:`attguide.read.registrydata`
and re-exported here; the file's schema is declared below as MkDocs ``Config`` classes (one per kind of entry, as the page
front matter is), and :func:`load` checks every entry against it, then the rules between
entries (articles numbered 1..N without gaps, ids listed once); each mistake is reported
as ``registry.yml:line: what — what would be right``, all of them in one build.
"""

from __future__ import annotations

import logging
from pathlib import Path

import yaml
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError

from . import force as modality
from . import sources as sources_module
from . import languages, yamlsource
from .problems import Problems, shown_path
from .registrydata import DEFAULT_PATH, VOCABULARIES, Article, Cycle, Phase, Registry, Topic  # noqa: F401 (re-exported)
from .yamlsource import Bilingual, Text, check_entry, child, items, line_of, per_language, text_problem

log = logging.getLogger("mkdocs.plugins.attguide.registry")



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
    """An entry of ``articles:`` (and a title per language, see :func:`per_language`)."""

    number = c.Type(int)
    zh_source = c.Choice(("seed", "label"), default="label")
    paragraphs = c.Type(int, default=0)


class TopicEntry(base.Config):
    """An entry of a phase's ``topics:`` (and a name per language)."""

    id = c.Type(str)


class PhaseEntry(base.Config):
    """An entry of ``phases:`` (and ``{name, short}`` per language)."""

    id = c.Type(str)
    letter = c.Optional(c.Type(str))
    dir = c.Type(str)
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
        values = check_entry(raw, node, schema, {**HINTS, **languages.hints()}, shown, problems, what, required)
        if values is not None:
            found.append((values, line_of(node), node))
    return found


def load(path: str | Path = DEFAULT_PATH) -> Registry:
    """Read and check the registry; raise ``PluginError`` listing every problem."""
    path = Path(path)
    shown = shown_path(path)
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
    for values, line, _ in _entries(root, data, "articles", per_language(ArticleEntry, Text, after="number"),
                                    "an article entry", ("number", *languages.codes()), shown, problems):
        article = Article(values["number"], {lang: values[lang] for lang in languages.codes()},
                          values["zh_source"], values["paragraphs"])
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
    topic_entry = per_language(TopicEntry, Text, after="id")
    for order, (values, line, node) in enumerate(_entries(
            root, data, "phases", per_language(PhaseEntry, _Names, after="dir"), "a phase entry",
            ("id", "dir", *languages.codes()), shown, problems)):
        phase_id = values["id"]
        topics: list[Topic] = []
        for topic_node, raw in zip(items(child(node, "topics")), values["topics"]):
            topic = check_entry(raw, topic_node, topic_entry, {**HINTS, **languages.hints("name")}, shown, problems,
                                f"a topic entry of phase {phase_id}", ("id", *languages.codes()))
            if topic is None:
                continue
            if any(t.id == topic["id"] for t in topics):
                problems.add(shown, line_of(topic_node), f"topic '{topic['id']}' is listed twice in phase {phase_id}",
                             "topic ids must be unique within a phase")
                continue
            topics.append(Topic(phase_id, topic["id"], {lang: topic[lang] for lang in languages.codes()},
                                len(topics), line_of(topic_node)))
        if phase_id in phases:
            problems.add(shown, line, f"phase '{phase_id}' is listed twice",
                         f"keep one entry (the first is on line {phases[phase_id].line})")
            continue
        if values["dir"] in dirs:
            problems.add(shown, line, f"phase '{phase_id}' uses the folder '{values['dir']}' of another phase",
                         f"give each phase its own 'dir' (line {dirs[values['dir']]} has it)")
        dirs.setdefault(values["dir"], line)
        phases[phase_id] = Phase(phase_id, values["letter"], values["dir"], order,
                                 {lang: values[lang] for lang in languages.codes()}, tuple(topics),
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
                                        shown_path(sources_module.path_beside(path))),
                    force=modality.load(modality.path_beside(path), articles,
                                        shown_path(modality.path_beside(path))))
