"""The one door, outside the content: the theme's markup, checked through lexbor's selectors.

Outside ``article.md-content__inner`` the page is the theme's (with the whole navigation on
every page, so it grows with the site): it is not walked element by element in Python. The
selectors (run in C) pick what can be wrong, and prefilters on the raw text skip what cannot
be there; each element picked goes through :class:`attguide.htmlgate._Gate`'s rules.
"""

from __future__ import annotations

import re

from . import htmlallow as allow


def in_content(node) -> bool:
    """Is ``node`` inside the content region?"""
    node = node.parent
    while node is not None:
        if node.tag == "article" and "md-content__inner" in (node.attributes.get("class") or "").split():
            return True
        node = node.parent
    return False


_THEME_UNKNOWN = ":not(" + ", ".join(sorted(allow.THEME_ELEMENTS)) + ")"
_THEME_URLS = '[src], [srcset], [href*=":"], [href^="//"], [href^="\\\\"], [href^="/\\\\"]'
# Rarer URL attributes: looked for only when their name is in the page's text at all.
_RARE_URLS = sorted(allow.URL_ATTRIBUTES - {"href", "src", "srcset"})
_THEME_URL_FUNCTIONS = "[fill], [stroke], [filter], [mask], [clip-path], [marker-start], [marker-mid], [marker-end], [cursor]"
# What a browser takes for an event-handler attribute: a name "on…" after whitespace, "/" or
# a quoted value. When the raw page holds nothing like it, no element has one.
_HANDLER_LIKE = re.compile(r"on[a-z]+\s*=")  # on the lowercased page; preceded by _SEPARATORS
_SEPARATORS = " \t\n\r\f/\"'"


def _handler_like(lowered: str) -> bool:
    """Does the (lowercased) page hold anything a browser could read as an on… attribute?"""
    return any(m.start() and lowered[m.start() - 1] in _SEPARATORS for m in _HANDLER_LIKE.finditer(lowered))


# Every element of the parsed page comes from a "<name" in its text (or is html, head, body,
# tbody): when all such names are the theme's, no element outside the list can be there.
_TAG_NAME = re.compile(r"<([a-zA-Z][^\s/>]*)")


def check(gate, tree, page_html: str) -> None:
    """The rules outside the content, through selectors."""
    if {name.lower() for name in _TAG_NAME.findall(page_html)} - allow.THEME_ELEMENTS:
        for node in tree.css(_THEME_UNKNOWN):
            if not in_content(node):
                gate.element(node, node.tag, False)
    lowered = page_html.lower()
    rare = [f"[{name.replace(':', chr(92) + ':')}]" for name in _RARE_URLS if name in lowered]
    for node in tree.css(", ".join(["script, meta, link, [style]", _THEME_URLS, _THEME_URL_FUNCTIONS] + rare)):
        if not in_content(node) and node.tag in allow.THEME_ELEMENTS:
            gate.element(node, node.tag, False)
    if _handler_like(lowered):
        for node in tree.root.traverse():
            if any(name.lower().startswith("on") for name in node.attributes) and not in_content(node):
                gate.element(node, node.tag, False)
