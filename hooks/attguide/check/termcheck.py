"""The termbase check: avoided variants and spellings in a page (``make terms`` and every build).

The data half (reading ``terms.yml``) is :mod:`attguide.read.terms`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..read import languages
from ..read.mdtext import blank_code
from ..read.problems import Problem
from ..read.registry import Registry
from ..read.terms import Termbase

# Endings that follow an -is-/-iz- stem in the spelling rules.
_ENDINGS = r"(?:e|es|ed|ing|ation|ations|er|ers)"
# A line carrying this marker is exempt from the check (a quotation, a title, a false alarm).
ALLOW_MARKER = "<!-- att:term-ok -->"
# Quoted titles are exempt: 《…》 and “…” in Chinese, "…" and “…” in English.
_QUOTED = {"zh": re.compile(r"《[^》\n]*》|“[^”\n]*”"), "en": re.compile(r"\"[^\"\n]*\"|“[^”\n]*”")}
_LINK_TARGET = re.compile(r"\]\([^)\n]*\)")
_HTML_COMMENT = re.compile(r"<!--.*?-->")


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
    # Code (fences, indented code, code spans) as attguide.read.mdtext sees it: blanked.
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
    sets = {lang: rule_set(termbase, lang) for lang in languages.codes()}
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
