"""The force of each treaty provision (``data/force.yml``), and the wording check built on it.

Each paragraph of Articles 1–28 is an **obligation** (shall / shall not), an
**encouragement** (is encouraged to), a **permission** (may) or **other** (definitions,
procedure); a paragraph that mixes them lists its forces in sentence order. :func:`load`
reads and checks the file against the registry's articles (``force.yml:line: what — fix``);
:func:`forces` answers for an article or a paragraph; :func:`check_coverage` requires a
value for everything a page cites; :func:`check_wording` flags a sentence that cites an
obligation with soft words ("asks", "should", 宜…) or an encouragement with hard ones
(必须, 应当…), for a human to confirm or settle with ``<!-- att:force-ok -->``.
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


# -- coverage: every cited provision has a recorded force -------------------------------------
def check_coverage(model, shown_prefix: str = "docs") -> Problems:
    """Every article and paragraph a page cites (front matter or text) has a recorded force."""
    problems = Problems()
    table = getattr(model.registry, "force", None)
    if not table:
        return problems
    for lang, pages in model.pages.items():
        for page in pages.values():
            shown = f"{shown_prefix}/{page.path}" if shown_prefix else page.path
            cited = [(page.meta.line("articles"), target) for target in page.articles]
            cited += [(link.line, target) for link, target in page.targets]
            for line, target in cited:
                if target.kind != "art":
                    continue
                number = int(target.key)
                if not table.recorded(number, target.paragraph):
                    label = model.registry.articles[number].label("en", target.paragraph)
                    problems.add(shown, line, f"{label} has no recorded force",
                                 f"add it to {table.path} (obligation, encouragement, permission or other)")
    return problems


# -- the wording check ----------------------------------------------------------------------------
# Soft words that misstate an obligation; hard words that misstate an encouragement.
_SOFT_EN = re.compile(r"\b(asks?|asked|invites?|invited|encourag(?:es|ed|e)|should)\b", re.IGNORECASE)
_ENCOURAGE_EN = re.compile(r"\bencourag(?:es|ed|e)\b", re.IGNORECASE)
_HARD_EN = re.compile(r"\b(requires?|required|must|obliges?|obliged)\b", re.IGNORECASE)
# 宜 as a modal verb: not in 事宜, 适宜, 便宜, 时宜, 合宜.
_SOFT_ZH = re.compile(r"鼓励|(?<![事适便时合])宜")
_ENCOURAGE_ZH = re.compile(r"鼓励")
_HARD_ZH = re.compile(r"必须|应当")
# Plain-text citations besides art: links.
_CITE_EN = re.compile(r"\bArt(?:icle|\.)\s*(\d{1,2})(?:\s*\((\d{1,2})\))?")
_CITE_ZH = re.compile(r"第(\d{1,2})条(?:第(\d{1,2})款)?")
_ART_LINK = re.compile(r"\]\(art:(\d{1,2})(?:\.(\d{1,2}))?\)")
_BLOCK_START = re.compile(r"^\s*(?:[-*+]\s|\d+\.\s|#|\||>)")
_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\[*_(])|(?<=[。！？；;])")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


@dataclass(frozen=True)
class WordingIssue:
    """One sentence whose wording may misstate the force of a provision it cites."""

    path: str
    line: int
    provision: str
    force: str
    word: str

    @property
    def message(self) -> str:
        """What is wrong."""
        return f"{self.provision} is an {self.force} but the sentence says \"{self.word}\""

    @property
    def hint(self) -> str:
        """What would be right."""
        if self.force == "obligation":
            return ("say what it requires (\"requires\", \"shall\"; 须/应), or add "
                    f"{ALLOW_MARKER} to the line if the wording is right")
        return ("say that States are encouraged (\"encourages\"; 鼓励), or add "
                f"{ALLOW_MARKER} to the line if the wording is right")

    def __str__(self) -> str:
        """``path:line: what — fix`` for the person at the terminal."""
        return f"{self.path}:{self.line}: {self.message} — {self.hint}"


def _sentences(body: str, first_line: int):
    """Yield (first line, text, line numbers spanned) of each sentence, list item or row."""
    from .mdtext import blank_code

    lines = blank_code(body).split("\n")
    block: list[tuple[int, str]] = []

    def flush():
        if not block:
            return
        text = "\n".join(part for _, part in block)
        offsets = []  # line number of each character position
        for number, part in block:
            offsets.extend([number] * (len(part) + 1))
        start = 0
        for piece in _SPLIT.split(text):
            begin = text.find(piece, start) if piece else start
            if piece.strip():
                end = begin + len(piece)
                spanned = sorted(set(offsets[begin:max(end, begin + 1)]))
                yield spanned[0], piece, spanned
            start = begin + len(piece)

    for index, raw in enumerate(lines):
        number = first_line + index
        if not raw.strip() or _BLOCK_START.match(raw):
            yield from flush()
            block = []
            if raw.strip():
                block = [(number, raw)]
            continue
        block.append((number, raw))
    yield from flush()


def _citations(sentence: str, lang: str, registry) -> list[tuple[int, int | None]]:
    """(article, paragraph) cited by a sentence, as art: links or plain text."""
    found = []
    for pattern in (_ART_LINK, _CITE_ZH if lang == "zh" else _CITE_EN):
        for match in pattern.finditer(sentence):
            number = int(match.group(1))
            paragraph = int(match.group(2)) if match.group(2) else None
            if number in registry.articles and (number, paragraph) not in found:
                found.append((number, paragraph))
    return found


def check_wording(model, shown_prefix: str = "docs") -> list[WordingIssue]:
    """Sentences of every page that cite a provision in words that misstate its force."""
    registry = model.registry
    table = getattr(registry, "force", None)
    issues: list[WordingIssue] = []
    if not table:
        return issues
    for lang, pages in model.pages.items():
        for page in pages.values():
            shown = f"{shown_prefix}/{page.path}" if shown_prefix else page.path
            raw_lines = page.text.split("\n")
            for line, sentence, spanned in _sentences(page.body, page.meta.body_line):
                if any(ALLOW_MARKER in raw_lines[n - 1] for n in spanned if 0 < n <= len(raw_lines)):
                    continue
                prose = _COMMENT.sub(" ", re.sub(r"\]\([^)]*\)", "]", sentence))
                issue = _judge(prose, _citations(sentence, lang, registry), lang, table, registry)
                if issue:
                    provision, force, word = issue
                    issues.append(WordingIssue(shown, line, provision, force, word))
    return issues


def _judge(prose: str, cited, lang: str, table: ForceTable, registry):
    """(provision, force, word) when the sentence's wording misstates a cited provision.

    Soft words are flagged when the sentence cites an obligation; "encourages" (鼓励) is
    let through when it also cites an encouragement (a mixed paragraph such as 5.4, or a
    second provision). Hard words are flagged when it cites an encouragement and no
    obligation.
    """
    soft, encourage, hard = ((_SOFT_ZH, _ENCOURAGE_ZH, _HARD_ZH) if lang == "zh"
                             else (_SOFT_EN, _ENCOURAGE_EN, _HARD_EN))
    forces = [(number, paragraph, table.forces(number, paragraph)) for number, paragraph in cited]
    obliging = [(n, p) for n, p, parts in forces if "obligation" in parts]
    encouraging = [(n, p) for n, p, parts in forces if "encouragement" in parts]
    if obliging:
        for match in soft.finditer(prose):
            if encouraging and encourage.fullmatch(match.group(0)):
                continue
            number, paragraph = obliging[0]
            return registry.articles[number].label(lang, paragraph), "obligation", match.group(0)
    elif encouraging:
        match = hard.search(prose)
        if match:
            number, paragraph = encouraging[0]
            return registry.articles[number].label(lang, paragraph), "encouragement", match.group(0)
    return None
