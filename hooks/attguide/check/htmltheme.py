"""The one door, outside the content: the theme's markup.

Outside ``article.md-content__inner`` the page is the theme's (with the whole navigation on
every page, so it grows with the site). One walk over its elements picks, by cheap tests on
the tag and the attribute names, the elements a rule could find wrong; only those go through
:class:`attguide.check.htmlgate._Gate`'s rules. (One walk in Python measured faster than
lexbor's attribute selectors, one tree walk in C per attribute name, and it sees every
attribute name, so no raw-text prefilter is needed for event handlers.)
"""

from __future__ import annotations

from . import htmlallow as allow


def in_content(node) -> bool:
    """Is ``node`` inside the content region?"""
    node = node.parent
    while node is not None:
        if node.tag == "article" and "md-content__inner" in (node.attributes.get("class") or "").split():
            return True
        node = node.parent
    return False


# Attributes that a rule outside the content looks at (besides href, see _needs_rules): style,
# the URL attributes, and the presentation attributes that take url().
_RULED_ATTRIBUTES = (frozenset({"style", "fill", "stroke", "filter", "mask", "clip-path", "marker-start",
                                "marker-mid", "marker-end", "cursor"}) | allow.URL_ATTRIBUTES) - {"href"}
# Elements whose every occurrence goes through the rules: inline scripts are hashed for the policy.
_RULED_ELEMENTS = frozenset({"script", "meta", "link"})


def _needs_rules(attrs: dict) -> bool:
    """Could an attribute of this theme element break a rule? An href only when it could name a
    scheme or another site (the parser has decoded entities); a ruled name; any on… name (a
    handler). The parser lowercases attribute names (SVG's camelCase ones are none of these)."""
    if not attrs:
        return False
    href = attrs.get("href")
    if href and (":" in href or "\\" in href or "//" in href):
        return True
    if not _RULED_ATTRIBUTES.isdisjoint(attrs):
        return True
    for name in attrs:
        if name[:2].lower() == "on":
            return True
    return False


def check(gate, tree, content_ids: set) -> None:
    """The rules for every element outside the content (``content_ids``: the content's elements)."""
    for node in tree.root.traverse(include_text=False):
        tag = node.tag
        if tag[0] == "-" or node.mem_id in content_ids:  # a comment, or content (checked already)
            continue
        if tag not in allow.THEME_ELEMENTS or tag in _RULED_ELEMENTS or _needs_rules(node.attributes):
            gate.element(node, tag, False)
