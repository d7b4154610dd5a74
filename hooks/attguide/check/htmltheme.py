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


# Attributes that a rule outside the content looks at (besides href, see check): style,
# the URL attributes, and the presentation attributes that take url().
_RULED_ATTRIBUTES = (frozenset({"style", "fill", "stroke", "filter", "mask", "clip-path", "marker-start",
                                "marker-mid", "marker-end", "cursor"}) | allow.URL_ATTRIBUTES) - {"href"}
# Elements whose every occurrence goes through the rules: inline scripts are hashed for the policy.
_RULED_ELEMENTS = frozenset({"script", "meta", "link"})


_HANDLER_PREFIXES = ("on", "On", "oN", "ON")
# Attribute names of the theme's markup that no rule looks at (a fast path only: a name not
# listed goes the long way). None is ruled, none is a handler's, href is not among them.
_UNRULED = frozenset("""
    class id title aria-label aria-labelledby aria-hidden aria-expanded aria-controls aria-current
    type xmlns viewBox d for rel name role hreflang content tabindex hidden autocomplete scope lang dir
    charset placeholder autocapitalize autocorrect spellcheck required checked open datetime
    data-md-component data-md-scrollfix data-md-color-scheme data-md-color-primary data-md-color-accent
    data-md-color-media data-md-toggle data-md-type data-md-level data-search-exclude
""".split())
assert not _UNRULED & (_RULED_ATTRIBUTES | {"href"}) and not any(n.startswith(_HANDLER_PREFIXES) for n in _UNRULED)


def _local(href: str) -> bool:
    """An href no rule looks at: it names no scheme and no other site (the parser has decoded
    entities, so a scheme shows its colon; ``\\`` is read as ``/`` by browsers)."""
    return ":" not in href and "\\" not in href and "//" not in href


def check(gate, tree, content_ids: set) -> None:
    """The rules for every element outside the content (``content_ids``: the content's elements).

    Most of the theme's elements are an allowed tag whose attributes no rule looks at: an href
    that names no scheme and no other site (the parser has decoded entities), no ruled name, no
    on… name (a handler; the parser lowercases attribute names, and SVG's camelCase ones are
    none of these). They are passed here, inline (this loop runs for every element of every
    page); the others go through the gate's rules unless they are the content's."""
    plain, ruled, unruled = allow.THEME_ELEMENTS - _RULED_ELEMENTS, _RULED_ATTRIBUTES, _UNRULED
    for node in tree.root.traverse(include_text=False):
        tag = node.tag
        if tag in plain:
            # The lazy view of the attributes first: most of the theme's elements have none,
            # or only a class (a dict of every attribute costs twice as much to build).
            lazy = node.attrs
            count = len(lazy)
            if count == 0 or (count == 1 and "class" in lazy):
                continue
            if count == 2 and "class" in lazy:  # a navigation link: class and href
                href = lazy.get("href")
                if href is not None and _local(href):
                    continue
            attrs = node.attributes
            href = attrs.pop("href", None)
            if href is None or _local(href):
                if attrs.keys() <= unruled:
                    continue
                if ruled.isdisjoint(attrs):
                    for name in attrs:
                        if name.startswith(_HANDLER_PREFIXES):
                            break
                    else:
                        continue
        elif tag[0] == "-":  # a comment
            continue
        if node.mem_id not in content_ids:  # the content was checked by its own rules
            gate.element(node, tag, False)
