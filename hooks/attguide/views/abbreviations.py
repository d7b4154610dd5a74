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
    """The pattern for a set of names (cached: the same for every page of a build)."""
    ordered = sorted(names, key=len, reverse=True)
    return re.compile(r"(?<![A-Za-z0-9])(" + "|".join(map(re.escape, ordered)) + r")(?![A-Za-z0-9])")


def pattern(abbreviations: dict) -> re.Pattern | None:
    """One pattern matching every abbreviation, longest first, not touching [A-Za-z0-9]."""
    if not abbreviations:
        return None
    return _compiled(tuple(sorted(abbreviations)))


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
            out.append(compiled.sub(lambda m: _abbr(m.group(1), abbreviations, lang, seen), piece))
    return "".join(out)


def _abbr(name: str, abbreviations: dict, lang: str, seen: set[str]) -> str:
    """The ``<abbr>`` element of one occurrence."""
    texts = abbreviations[name]
    title = html_module.escape(languages.text_in(texts, lang, name), quote=True)
    focus = "" if name in seen else ' tabindex="0"'
    seen.add(name)
    return f'<abbr class="att-abbr" title="{title}"{focus}>{name}</abbr>'
