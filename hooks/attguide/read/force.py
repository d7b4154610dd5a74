"""The force of each treaty provision (``hooks/data/force.yml``): the data half.

Each paragraph of Articles 1–28 is an **obligation** (shall / shall not), an
**encouragement** (is encouraged to), a **permission** (may) or **other** (definitions,
procedure); a paragraph that mixes them lists its forces in sentence order. :func:`load`
reads and checks the file against the registry's articles (``force.yml:line: what — fix``);
:func:`forces` answers for an article or a paragraph. The checks built on it (coverage,
wording) are in :mod:`attguide.check.wording`.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .frontmatter import compose_and_load
from .problems import Problems

log = logging.getLogger("mkdocs.plugins.attguide.modality")

FILE_NAME = "force.yml"
FORCES = ("obligation", "encouragement", "permission", "other")
ALLOW_MARKER = "<!-- att:force-ok -->"


@dataclass(frozen=True)
class ArticleForce:
    """The recorded force of one article: for the whole article, or per paragraph."""

    number: int
    whole: tuple[str, ...] = ()  # set when one value covers the article
    paragraphs: dict = field(default_factory=dict)  # paragraph -> tuple of forces
    line: int = 1


@dataclass
class ForceTable:
    """Every article's recorded force, with the file it came from (for messages)."""

    articles: dict[int, ArticleForce] = field(default_factory=dict)
    path: str = ""

    def __bool__(self) -> bool:
        """True when the table holds anything (a site without force.yml has none)."""
        return bool(self.articles)

    def forces(self, number: int, paragraph: int | None = None) -> tuple[str, ...]:
        """Forces of a paragraph, or of a whole article (its paragraphs' forces in order)."""
        entry = self.articles.get(number)
        if entry is None:
            return ()
        if entry.whole:
            return entry.whole
        if paragraph is not None:
            return entry.paragraphs.get(paragraph, ())
        found: list[str] = []
        for _, parts in sorted(entry.paragraphs.items()):
            found.extend(part for part in parts if part not in found)
        return tuple(found)

    def recorded(self, number: int, paragraph: int | None = None) -> bool:
        """Whether the article (or paragraph) has a recorded force."""
        return bool(self.forces(number, paragraph))


def path_beside(registry_path: str | Path) -> Path:
    """``force.yml`` in the folder of a registry file."""
    return Path(registry_path).parent / FILE_NAME


def _line(node) -> int:
    """1-based line of a YAML node."""
    return node.start_mark.line + 1 if node is not None else 1


def _value(node, where: str, shown: str, problems: Problems) -> tuple[str, ...] | None:
    """A force, or a list of forces, from a scalar or sequence node."""
    items = node.value if isinstance(node, yaml.SequenceNode) else [node]
    parts = []
    for item in items:
        text = item.value if isinstance(item, yaml.ScalarNode) else None
        if text not in FORCES:
            problems.add(shown, _line(item), f"{where}: '{text if text is not None else '…'}' is not a force",
                         "write one of: " + ", ".join(FORCES) + " (or a list of them, in sentence order)")
            return None
        parts.append(text)
    if not parts:
        problems.add(shown, _line(node), f"{where}: the list of forces is empty",
                     "write one of: " + ", ".join(FORCES))
        return None
    return tuple(parts)


def load(path: str | Path, articles: dict, shown: str | None = None) -> ForceTable:
    """Read and check ``path`` against ``articles`` (number -> Article); absent file: empty table.

    Fails once, listing every problem as ``path:line``.
    """
    path = Path(path)
    if not path.exists():
        return ForceTable()
    shown = shown or str(path)
    problems = Problems()
    try:
        root, _ = compose_and_load(path.read_text(encoding="utf-8-sig"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problems.add(shown, mark.line + 1 if mark else 1,
                     f"the force file is not valid YAML ({getattr(error, 'problem', error)})",
                     "fix the indentation or quoting on that line")
        problems.raise_if_any("the force of the Treaty's provisions")
    table = ForceTable(path=shown)
    section = None
    if isinstance(root, yaml.MappingNode):
        section = next((value for key, value in root.value if key.value == "force"), None)
    if not isinstance(section, yaml.MappingNode):
        problems.add(shown, _line(root), "the file has no 'force:' mapping",
                     "write force: with one entry per article, e.g. 7: {1: obligation, 7: encouragement}")
        problems.raise_if_any("the force of the Treaty's provisions")
    span = f"{min(articles)}–{max(articles)}" if articles else "none"
    for key, node in section.value:
        line = _line(key)
        try:
            number = int(key.value)
        except ValueError:
            problems.add(shown, line, f"'{key.value}' is not an article number", f"use the articles {span}")
            continue
        article = articles.get(number)
        if article is None:
            problems.add(shown, line, f"article {number} is not in the registry", f"use the articles {span}")
            continue
        if number in table.articles:
            problems.add(shown, line, f"article {number} is listed twice",
                         f"keep one entry (the first is on line {table.articles[number].line})")
            continue
        if isinstance(node, yaml.MappingNode):
            paragraphs = {}
            if article.paragraphs == 0:
                problems.add(shown, line, f"Article {number} has no numbered paragraphs",
                             f"write one value: {number}: obligation")
                continue
            for pkey, pnode in node.value:
                try:
                    paragraph = int(pkey.value)
                except ValueError:
                    paragraph = 0
                if not 1 <= paragraph <= article.paragraphs:
                    problems.add(shown, _line(pkey),
                                 f"Article {number} has no paragraph '{pkey.value}'",
                                 f"its paragraphs are 1–{article.paragraphs}")
                    continue
                if paragraph in paragraphs:
                    problems.add(shown, _line(pkey), f"paragraph {number}.{paragraph} is listed twice",
                                 "keep one value")
                    continue
                parts = _value(pnode, f"Article {number}({paragraph})", shown, problems)
                if parts:
                    paragraphs[paragraph] = parts
            table.articles[number] = ArticleForce(number, (), paragraphs, line)
        else:
            parts = _value(node, f"Article {number}", shown, problems)
            if parts:
                table.articles[number] = ArticleForce(number, parts, {}, line)
    problems.raise_if_any("the force of the Treaty's provisions")
    return table
