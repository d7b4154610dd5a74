"""Abbreviations expanded on hover and on focus, in English and in Chinese text.

Python-Markdown's ``abbr`` extension matches on word boundaries, which do not exist
inside Chinese text ("ATT秘书处"), so this module marks abbreviations in the rendered HTML
instead: an abbreviation counts when no Latin letter or digit touches it. Text inside
links, code, headings and existing ``<abbr>`` elements is left alone. The first occurrence
of each abbreviation on a page is focusable, so keyboard users can read its expansion.
The abbreviations are the registry's ``abbreviations:`` (``hooks/data/registry.yml``); the
``abbr`` Markdown extension is not used (no page defines ``*[…]:`` abbreviations).
"""

from __future__ import annotations

import functools
import html as html_module
import logging
import re

from ..read import languages

log = logging.getLogger("mkdocs.plugins.attguide.abbreviations")

SKIPPED = {"a", "code", "pre", "script", "style", "abbr", "h1", "h2", "h3", "h4", "h5", "h6",
           "svg", "title", "kbd", "button", "select", "textarea"}
_TAG = re.compile(r"(<[^>]+>)")
_NAME = re.compile(r"</?\s*([a-zA-Z0-9]+)")


@functools.lru_cache(maxsize=8)
def _compiled(names: tuple[str, ...]) -> re.Pattern:
    """The pattern for a set of names (cached: the same for every page of a build).

    The names, longest first, not followed by a Latin letter or digit. That none precedes is
    checked on each match (:func:`_touched`): a leading look-behind would keep the regular
    expression engine from skipping quickly to the names' first letters (measured 7 times
    slower on a page without abbreviations)."""
    ordered = sorted(names, key=len, reverse=True)
    return re.compile(r"(" + "|".join(map(re.escape, ordered)) + r")(?![A-Za-z0-9])")


_LATIN_OR_DIGIT = re.compile(r"[A-Za-z0-9]")


def _touched(text: str, start: int) -> bool:
    """Does a Latin letter or digit come just before ``start`` in ``text``?"""
    return start > 0 and _LATIN_OR_DIGIT.match(text, start - 1) is not None


def pattern(abbreviations: dict) -> re.Pattern | None:
    """One pattern matching every abbreviation, longest first (see :func:`_compiled`)."""
    if not abbreviations:
        return None
    return _compiled(tuple(sorted(abbreviations)))


def _marked(piece: str, compiled: re.Pattern, abbreviations: dict, lang: str, seen: set[str]) -> str:
    """``piece`` (text between tags) with every abbreviation no letter or digit touches marked.
    A match touched on its left is left as it is, and the search goes on after it (an
    abbreviation is letters and digits, so none can start inside it untouched); a name holding
    another character is searched for at every position instead."""
    out, cursor, position = [], 0, 0
    while (match := compiled.search(piece, position)) is not None:
        name = match.group(1)
        if _touched(piece, match.start()):
            position = match.start() + 1 if not name.isalnum() else match.end()
            continue
        out.append(piece[cursor:match.start()])
        out.append(_abbr(name, abbreviations, lang, seen))
        cursor = position = match.end()
    out.append(piece[cursor:])
    return "".join(out)


def expand(html: str, abbreviations: dict, lang: str) -> str:
    """Wrap abbreviations of ``html`` text in ``<abbr title="expansion">``."""
    compiled = pattern(abbreviations)
    if compiled is None or not compiled.search(html):
        return html
    seen: set[str] = set()
    skip_depth = 0
    out = []
    for piece in _TAG.split(html):
        if piece.startswith("<"):
            name = _NAME.match(piece)
            tag = name.group(1).lower() if name else ""
            if tag in SKIPPED and not piece.endswith("/>"):
                skip_depth += -1 if piece.startswith("</") else 1
                skip_depth = max(skip_depth, 0)
            out.append(piece)
        elif skip_depth or not piece.strip():
            out.append(piece)
        else:
            out.append(_marked(piece, compiled, abbreviations, lang, seen))
    return "".join(out)


def _abbr(name: str, abbreviations: dict, lang: str, seen: set[str]) -> str:
    """The ``<abbr>`` element of one occurrence."""
    texts = abbreviations[name]
    title = html_module.escape(languages.text_in(texts, lang, name), quote=True)
    focus = "" if name in seen else ' tabindex="0"'
    seen.add(name)
    return f'<abbr class="att-abbr" title="{title}"{focus}>{name}</abbr>'
