"""The wording check built on the force table (:mod:`attguide.read.force`).

:func:`check_coverage` requires a recorded force for everything a page cites;
:func:`check_wording` flags a sentence that cites an obligation with soft words ("asks",
"should", 宜…) or an encouragement with hard ones (必须, 应当…), for a human to confirm or
settle with ``<!-- att:force-ok -->`` (:data:`ALLOW_MARKER`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..read.force import ALLOW_MARKER, ForceTable  # noqa: F401 (ALLOW_MARKER re-exported)
from ..read import languages
from ..read.mdtext import blank_code
from ..read.problems import Problems


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
                    label = model.registry.articles[number].label(languages.default(), target.paragraph)
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
# The words of each language the check knows: (plain-text citation, soft, encourage, hard).
# Pages of a language not listed are not checked (no table, no false alarms).
_WORDS = {"en": (_CITE_EN, _SOFT_EN, _ENCOURAGE_EN, _HARD_EN), "zh": (_CITE_ZH, _SOFT_ZH, _ENCOURAGE_ZH, _HARD_ZH)}
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
    for pattern in (_ART_LINK, _WORDS[lang][0]):
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
        if lang not in _WORDS:
            continue
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
    _, soft, encourage, hard = _WORDS[lang]
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
