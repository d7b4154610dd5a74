"""What a built page may hold: the allow-lists of :mod:`attguide.check.htmlgate`.

Two regions. The *content* (``article.md-content__inner``: what Markdown made of a page,
plus the generated views) may hold only the elements and attributes below. The *theme*
(everything else: Material's templates and ``overrides/``) may hold its own markup, but no
event handler, no style, no URL outside the allowed schemes, nothing embedded from another
site, and no inline script but the ones listed here by hash.
"""

from __future__ import annotations

# Prose, lists, tables, figures and the inline SVG of the tools' diagrams. No MathML (a
# second namespace whose parsing differs from HTML's is a known source of sanitizer bypass).
CONTENT_ELEMENTS = frozenset("""
    a abbr article aside b blockquote br caption cite code col colgroup dd del details dfn div dl dt em
    figcaption figure h1 h2 h3 h4 h5 h6 hr i img input ins kbd label li mark nav ol p pre q s samp section
    small span strong sub summary sup table tbody td tfoot th thead time tr u ul var wbr
    svg g rect line path polygon polyline circle ellipse text tspan title desc defs marker
""".split())

# Content elements that break no rule when they carry no attribute (a link is checked for its
# text, a form field for its type).
PLAIN_CONTENT_ELEMENTS = CONTENT_ELEMENTS - {"a", "input"}

# Attributes any content element may carry (plus aria-* and data-* but data-md-*).
GLOBAL_ATTRIBUTES = frozenset("class id title lang dir role hidden tabindex".split())
CONTENT_ATTRIBUTES = {
    "a": {"href", "hreflang", "rel", "download", "type"},
    "abbr": set(),
    "img": {"src", "alt", "width", "height", "loading", "srcset", "sizes"},
    "input": {"type", "checked", "disabled"},
    "label": {"for"},
    "td": {"colspan", "rowspan", "headers", "align"},
    "th": {"colspan", "rowspan", "headers", "scope", "align"},
    "col": {"span"}, "colgroup": {"span"},
    "ol": {"start", "type", "reversed"},
    "li": {"value"},
    "details": {"open"},
    "time": {"datetime"},
    "blockquote": {"cite"}, "q": {"cite"}, "del": {"cite", "datetime"}, "ins": {"cite", "datetime"},
}
SVG_ATTRIBUTES = frozenset("""
    xmlns viewbox preserveaspectratio width height x y x1 x2 y1 y2 dx dy cx cy r rx ry d points fill
    stroke stroke-width stroke-dasharray stroke-linecap stroke-linejoin opacity fill-opacity transform
    text-anchor dominant-baseline font-size font-weight font-style marker-start marker-mid marker-end
    markerwidth markerheight refx refy orient markerunits focusable
""".split())
SVG_ELEMENTS = frozenset("svg g rect line path polygon polyline circle ellipse text tspan title desc defs marker"
                         .split())
# The only style a content element may carry: the column alignment of Markdown tables.
TABLE_ALIGN_STYLE = ("text-align: left;", "text-align: center;", "text-align: right;")
# Input types that send nothing anywhere (task lists).
INPUT_TYPES = ("checkbox",)

# The form of a tool built from our own template (the Self-assessment): allowed only inside an
# element whose data-att-tool= holds this build's random token (see htmlgate), which a
# contributor's text cannot know. Nothing in it can send anything: no <form>, buttons only of
# type "button", no URL but those already checked everywhere.
TOOL_ELEMENTS = frozenset("button fieldset input label legend option output progress select template textarea".split())
TOOL_ATTRIBUTES = {
    "button": {"type"},
    "input": {"type", "value", "accept", "checked", "disabled", "name", "placeholder"},
    "select": {"name", "disabled"}, "option": {"value", "selected"},
    "textarea": {"rows", "cols", "name", "placeholder", "disabled"},
    "progress": {"max", "value"}, "output": {"for"}, "fieldset": {"disabled"}, "label": {"for"},
}
TOOL_INPUT_TYPES = ("checkbox", "radio", "text", "file")
TOOL_BUTTON_TYPES = ("button",)

# The theme's own elements (outside the content).
THEME_ELEMENTS = CONTENT_ELEMENTS | frozenset("""
    html head body meta title link script header footer main form button select option label input
""".split())
# <meta http-equiv>: only for the Content-Security-Policy this site sets itself.
META_HTTP_EQUIV = ("content-security-policy",)
# <link rel> values whose href is loaded into the page: it must be local.
LINK_LOADS = frozenset("stylesheet icon preload modulepreload prefetch manifest apple-touch-icon".split())
# Script types that are data, never run.
DATA_SCRIPT_TYPES = ("application/json", "application/ld+json")

# Anywhere: elements that never belong in a page (listed for a clearer message).
FORBIDDEN = {
    "script": "a <script> element is not allowed",
    "style": "a <style> element is not allowed",
    "iframe": "an embedded frame (<iframe>) is not allowed",
    "frame": "an embedded frame (<frame>) is not allowed",
    "frameset": "an embedded frame (<frameset>) is not allowed",
    "object": "an embedded object (<object>) is not allowed",
    "embed": "an embedded object (<embed>) is not allowed",
    "applet": "an embedded object (<applet>) is not allowed",
    "base": "a <base> element is not allowed",
    "math": "MathML (<math>) is not allowed",
}

# Attributes whose value is a URL (or a list of them).
URL_ATTRIBUTES = frozenset("""
    href src xlink:href action formaction poster srcset data background cite codebase lowsrc dynsrc longdesc
    ping manifest icon itemtype archive
""".split())
# Attributes that load what they name into the page (rather than a link the reader follows).
EMBEDDING = frozenset("src srcset poster data background lowsrc dynsrc codebase archive".split())
# SVG elements whose href loads what it names.
SVG_LOADING = frozenset("image use feimage script".split())

LINK_SCHEMES = ("http", "https", "mailto")
REFERENCE_SCHEMES = ("art", "phase", "topic", "src")

# sha256 (hex) of the theme's inline scripts, their base URL replaced by BASE (see
# htmlgate.script_key). Material 9.8.2's base.html (scope, palette, hash target) and
# overrides/partials/att (theme-bridge, theme-bridge-search, fold-early, not-found). A theme upgrade or an
# edited inline script fails the build, naming the hash to add here after review.
THEME_SCRIPTS = frozenset({
    "022f1b4fc968ebf8f33c73247e552e8294c57be9a2c06db549b4eff762aaf715",  # Material: __md_scope (storage)
    "0eb10c249dbdb0beef225a10ce5cbe55418cc4a7014cc208f8e7d6ed8f00906e",  # Material: palette
    "ffcc0f7735fdab434d257c80e65cec2e88d716991e69757185b7e450e41a5b2f",  # Material: scroll to hash target
    "1f8f2f2609d11c31a4766a9d90205790c02e1ddab16038c7548333bea276ef69",  # theme-bridge: search index hold-back
    "3158793c54644ca92e56e0d744f7b7c541242d4730972726b460c0a1de5aff41",  # theme-bridge: rel=alternate rename
    "89ca06157285c9be01dbd6d07d6c143de92aa4103758c0836b964dd98406df9e",  # theme-bridge-search: worker patch (loads att-search.js)
    "06299bdd842f984e9a5a00e6766ad4a02517acd4adb615c432f0d7012306203d",  # theme-bridge: 404 page base
    "e516523ac6bcf5a88fa75e35a5fb93b20401464cc1bdcac8cf86c079d080708d",  # fold-early: At a glance folded on phones
})
