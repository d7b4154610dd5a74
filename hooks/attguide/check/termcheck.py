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
# How the check reads each language (a property of the language; one not listed reads as
# "default"): its quoted titles (exempt: 《…》 and “…” in Chinese, "…" and “…” elsewhere),
# whether variants are whole words matched in any case, whether the -ize spelling rules
# apply, whether the registry's own labels are kept as titles (the seed's Chinese labels).
_READING = {
    "default": {"quoted": re.compile(r"\"[^\"\n]*\"|“[^”\n]*”"), "words": True, "any_case": False,
                "spelling": False, "kept_titles": False},
    "en": {"quoted": re.compile(r"\"[^\"\n]*\"|“[^”\n]*”"), "words": True, "any_case": True,
           "spelling": True, "kept_titles": False},
    "zh": {"quoted": re.compile(r"《[^》\n]*》|“[^”\n]*”"), "words": False, "any_case": False,
           "spelling": False, "kept_titles": True},
}


def _reading(lang: str) -> dict:
    """How the check reads ``lang`` (see :data:`_READING`)."""
    return _READING.get(lang, _READING["default"])
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
                          re.IGNORECASE if _reading(lang)["any_case"] else 0) if active else None
    return RuleSet(active, combined)


def rules(termbase: Termbase, lang: str) -> list[_Rule]:
    """The avoided forms of ``lang``, longest first (so 国家主管机构 wins over 主管机构)."""
    found = []
    reading = _reading(lang)
    for term in termbase.terms:
        for variant in term.avoid.get(lang, ()):
            flags = re.IGNORECASE if reading["any_case"] else 0
            pattern = re.compile((r"\b" + re.escape(variant) + r"\b") if reading["words"] else re.escape(variant), flags)
            found.append((len(variant), _Rule(pattern, term.name(lang), f"glossary: {term.name(languages.default())}")))
    if reading["spelling"]:
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
        for pattern in (_LINK_TARGET, _HTML_COMMENT, _reading(lang)["quoted"]):
            visible = _blank(visible, pattern)
        for title in kept_titles:
            visible = visible.replace(title, " " * len(title))
        for rule in active:
            for match in rule.pattern.finditer(visible):
                found.append(Problem(shown, number, f"{match.group(0)}",
                                     f"the termbase uses {rule.instead_of(match.group(0))} ({rule.why})"))
                visible = visible[:match.start()] + " " * len(match.group(0)) + visible[match.end():]
    return found


def _kept_titles(registry: Registry, lang: str) -> tuple[str, ...]:
    """The proposal's labels in ``lang`` kept as titles (topics and phases), longest first;
    none for a language whose labels are not kept (see :data:`_READING`)."""
    if not _reading(lang)["kept_titles"]:
        return ()
    return tuple(sorted({topic.title(lang) for topic in registry.all_topics()}
                        | {phase.short(lang) for phase in registry.phases.values()}
                        | {phase.name(lang) for phase in registry.phases.values()}, key=len, reverse=True))


def check_docs(docs_dir: str | Path, termbase: Termbase, registry: Registry, shown_prefix: str = "docs"
               ) -> list[Problem]:
    """Every page of ``docs_dir`` checked (``make terms``, outside a build)."""
    docs = Path(docs_dir)
    kept = {lang: _kept_titles(registry, lang) for lang in languages.codes()}
    sets = {lang: rule_set(termbase, lang) for lang in languages.codes()}
    problems: list[Problem] = []
    for file in sorted(docs.rglob("*.md")):
        rel = file.relative_to(docs).as_posix()
        lang = languages.language_of(rel)[0]
        text = file.read_text(encoding="utf-8-sig")
        problems += check_page(text, lang, f"{shown_prefix}/{rel}", termbase, kept[lang], sets[lang])
    return problems


def check_model(model, termbase: Termbase, shown_prefix: str = "docs") -> list[Problem]:
    """The same check during a build, over the pages the first pass has already read."""
    problems: list[Problem] = []
    for lang, pages in model.pages.items():
        ruleset, kept = rule_set(termbase, lang), _kept_titles(model.registry, lang)
        for page in pages.values():
            shown = f"{shown_prefix}/{page.path}" if shown_prefix else page.path
            problems += check_page(page.text, lang, shown, termbase, kept, ruleset)
    return problems
