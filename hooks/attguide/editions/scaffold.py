"""Skeletons of new pages, and the registry edit that goes with a new topic.

Used by ``make new-topic`` (see :mod:`attguide.cli`) and by the benchmark's synthetic
sites. The section headings and their ids are the same as in every topic page.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from . import translations
from ..read import languages
from ..read.registry import Phase, Registry

log = logging.getLogger("mkdocs.plugins.attguide.scaffold")

# Topic page sections: (id, heading per language code). A language without its heading here
# gets the default language's, for its translator to translate in the new page.
# The "At a glance" box and the closing list of sources are generated from the front matter.
TOPIC_SECTIONS = (
    ("scope", {"en": "What the topic covers", "zh": "专题范围"}),
    ("requires", {"en": "What the Treaty requires", "zh": "条约的要求"}),
    ("encouraged", {"en": "What the Treaty encourages or allows", "zh": "条约鼓励或允许的做法"}),
    ("steps", {"en": "Steps", "zh": "实施步骤"}),
    ("options", {"en": "Options and trade-offs", "zh": "可选做法及其利弊"}),
    ("example", {"en": "Worked example", "zh": "示例"}),
    ("pitfalls", {"en": "Common pitfalls", "zh": "常见误区"}),
    ("questions", {"en": "Practical questions", "zh": "可以提出的实际问题"}),
    ("connections", {"en": "Links with other phases", "zh": "与其他阶段的联系"}),
    ("cooperation", {"en": "Cooperation and assistance", "zh": "国际合作与援助"}),
)

# What a new page says in each section until its author writes it; readers see the
# status "draft for discussion" and this note.
PENDING = {
    "en": "*This section is being drafted.*",
    "zh": "*本节正在起草。*",
}

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def front_matter(phase_id: str, topic_id: str, articles: list, related: list[str]) -> str:
    """The front matter of a topic page (identical in both languages)."""
    def items(values):
        """A YAML flow list."""
        return "[" + ", ".join(str(v) for v in values) + "]"
    return (f"---\nphase: {phase_id}\ntopic: {topic_id}\narticles: {items(articles)}\n"
            f"related: {items(related)}\nstatus: draft\n---\n")


def topic_page(phase_id: str, topic_id: str, title: str, lang: str, articles: list,
               related: list[str], sections: dict[str, str] | None = None) -> str:
    """A whole topic page: front matter, title, and every section of :data:`TOPIC_SECTIONS`."""
    sections = sections or {}
    parts = [front_matter(phase_id, topic_id, articles, related), f"\n# {title}\n"]
    for section_id, headings in TOPIC_SECTIONS:
        heading = languages.text_in(headings, lang)
        parts.append(f"\n## {heading} {{#{section_id}}}\n\n{sections.get(section_id, languages.text_in(PENDING, lang))}\n")
    return "".join(parts)


def check_new_topic(registry: Registry, phase_id: str, topic_id: str) -> str | None:
    """Why a new topic cannot be added, or None when it can."""
    if phase_id not in registry.phases:
        return f"unknown phase '{phase_id}' — valid phases: {', '.join(registry.phases)}"
    if not _ID.match(topic_id):
        return (f"'{topic_id}' is not a valid topic id — use lowercase words joined by hyphens, "
                "e.g. end-user-documentation")
    if registry.topic(f"{phase_id}/{topic_id}"):
        return f"topic {phase_id}/{topic_id} already exists — choose another id"
    return None


def add_topic_to_registry(registry_text: str, phase: Phase, topic_id: str, names: dict) -> str:
    """Insert a topic entry (``names``: language code -> name) at the end of the phase's
    ``topics:`` list in the YAML text."""
    lines = registry_text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if re.match(rf"\s*- id: {re.escape(phase.id)}\s*$", line))
    end = next((i for i in range(start + 1, len(lines)) if re.match(r"\s*- id: ", lines[i])
                or re.match(r"^\S", lines[i])), len(lines))
    topics_line = next(i for i in range(start, end) if lines[i].strip().startswith("topics:"))
    entry = ("      - {id: " + topic_id + "".join(f", {lang}: {_yaml_str(names[lang])}" for lang in languages.codes())
             + "}\n")
    if lines[topics_line].strip() == "topics: []":
        lines[topics_line] = lines[topics_line].replace("topics: []", "topics:")
        lines.insert(topics_line + 1, entry)
        return "".join(lines)
    last = topics_line
    for i in range(topics_line + 1, end):
        if lines[i].strip().startswith("- {id:"):
            last = i
    lines.insert(last + 1, entry)
    return "".join(lines)


def _yaml_str(value: str) -> str:
    """A YAML scalar for a name, quoted when it needs to be."""
    if re.search(r"[:#,\[\]{}&*!|>'\"%@`]", value) or value != value.strip():
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return value


def write_topic(docs_dir: Path, registry_path: Path, registry: Registry, phase_id: str,
                topic_id: str, names: dict) -> list[Path]:
    """Create the topic's page in every language (``names``: language code -> name; the
    default language's first) and list it in the registry."""
    phase = registry.phases[phase_id]
    folder = docs_dir / phase.dir
    folder.mkdir(parents=True, exist_ok=True)
    paths = {lang: folder / (topic_id + languages.suffix(lang)) for lang in languages.codes()}
    for path in paths.values():
        if path.exists():
            raise FileExistsError(f"{path} already exists")
    default = languages.default()
    original = paths[default]
    original.write_text(topic_page(phase_id, topic_id, names[default], default, [], []), encoding="utf-8")
    # Each translation follows the page as created: record it (``make translations``).
    revision = translations.revision(original.read_text(encoding="utf-8"))
    for lang in languages.translated():
        paths[lang].write_text(translations.set_key(topic_page(phase_id, topic_id, names[lang], lang, [], []),
                                                    translations.KEY, revision), encoding="utf-8")
    text = registry_path.read_text(encoding="utf-8")
    registry_path.write_text(add_topic_to_registry(text, phase, topic_id, names), encoding="utf-8")
    return [paths[lang] for lang in (default, *languages.translated())]
