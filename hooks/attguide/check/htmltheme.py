"""The one door: the regions of a page, and the theme's markup outside the content.

The page's text (its Markdown and generated views) ends with an end mark holding the build's
token (:func:`marked_end`); the gate finds it inside the one content region, or the text closed
that region early (an unmatched ``</div>`` or ``</article>``) or swallowed what follows it (an
open ``<textarea>``, ``<!--``), and what came after would be taken for the theme's. Outside ``article.md-content__inner`` the page is the theme's (with the whole navigation on
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


def end_mark(token: str) -> str:
    """The empty element put after a page's text (this build's token in it): the gate finds it
    inside the text's region, or the text closed that region early."""
    return f'<span data-att-end="{token}"></span>'


def marked_end(content_html: str, token: str) -> str:
    """A page's text (its HTML, views included) with the end mark after it."""
    return content_html + end_mark(token)


def contained(node, region) -> bool:
    """Is ``node`` inside ``region``?"""
    while node is not None:
        if node.mem_id == region.mem_id:
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
    theme_elements, ruled_elements = allow.THEME_ELEMENTS, _RULED_ELEMENTS
    for node in tree.root.traverse(include_text=False):
        tag = node.tag
        if tag[0] == "-" or node.mem_id in content_ids:  # a comment, or content (checked already)
            continue
        if tag not in theme_elements or tag in ruled_elements:
            gate.element(node, tag, False)
            continue
        attrs = node.attributes
        if attrs and _needs_rules(attrs):
            gate.element(node, tag, False)
