"""The backstop on what readers get: the rendered HTML of every page, after Markdown.

:mod:`attguide.safety` checks the Markdown source, line by line; this module checks the
HTML that Python-Markdown made of it (``page.content``, before the theme's templates add
their own scripts), with the standard library's HTML parser, so entities are decoded as a
browser decodes them. Nothing in a page may run script or leave the page: no ``script``,
``iframe``, ``object``, ``embed``, ``form``, ``base`` or ``meta http-equiv`` element, no
``on*`` attribute, no ``javascript:``, ``vbscript:`` or ``data:`` URL however it is encoded
(entities, case, spaces or control characters inside the scheme), no resource embedded from
another site, and no cross-reference left unresolved. A finding names the source page and,
where the offending text can be found in it, the line.
"""

from __future__ import annotations

import html
import logging
import re
from html.parser import HTMLParser

from ..read.problems import Problems

log = logging.getLogger("mkdocs.plugins.attguide.htmlsafety")

ELEMENTS = {
    "script": "a <script> element is not allowed",
    "iframe": "an embedded frame (<iframe>) is not allowed",
    "frame": "an embedded frame (<frame>) is not allowed",
    "frameset": "an embedded frame (<frameset>) is not allowed",
    "object": "an embedded object (<object>) is not allowed",
    "embed": "an embedded object (<embed>) is not allowed",
    "applet": "an embedded object (<applet>) is not allowed",
    "form": "a form (<form>) is not allowed",
    "base": "a <base> element is not allowed",
    "style": "a <style> element is not allowed",
    "link": "a <link> element is not allowed",
}
# Attributes whose value is a URL (or a list of them: srcset, ping).
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "poster", "srcset", "data",
                  "background", "cite", "codebase", "lowsrc", "dynsrc", "longdesc", "ping", "manifest",
                  "icon", "itemtype", "archive")
# SVG animation can set any attribute (an href) to these values.
ANIMATION = {"animate", "set", "animatemotion", "animatetransform", "animatecolor"}
ANIMATION_VALUES = ("to", "from", "values", "by")
# Attributes that load a resource into the page (as opposed to a link the reader follows).
EMBEDDING = ("src", "srcset", "poster", "data", "background", "lowsrc", "dynsrc", "codebase", "archive")
SCHEMES = ("javascript:", "vbscript:", "data:")
REFERENCE_SCHEMES = ("art:", "phase:", "topic:", "src:")
# What a browser ignores inside a URL's scheme: ASCII whitespace and control characters
# (and, to be safe, any other invisible or space character).
_IGNORED = re.compile(r"[\x00-\x20\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff\s]+")
_REMOTE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//")


def normalize(url: str) -> str:
    """A URL as a browser sees its scheme: entities decoded, invisible characters gone, lowercase."""
    return _IGNORED.sub("", html.unescape(url)).lower()


def _urls(name: str, value: str) -> list[str]:
    """The URLs an attribute value holds (one, or several in ``srcset`` and ``ping``)."""
    if name == "srcset":
        return [part.strip().split(" ")[0] for part in value.split(",")]
    if name in ("ping", "archive"):
        return value.replace(",", " ").split()
    return [value]


class _Scanner(HTMLParser):
    """Collects (what is wrong, what would be right, text to look for in the source)."""

    def __init__(self):
        """An HTML parser that decodes character references in text and attributes."""
        super().__init__(convert_charrefs=True)
        self.findings: list[tuple[str, str, list[str]]] = []

    def handle_starttag(self, tag, attrs):
        """Check an element and its attributes."""
        self._check(tag, attrs)

    def handle_startendtag(self, tag, attrs):
        """Check a self-closing element."""
        self._check(tag, attrs)

    def _add(self, message: str, hint: str, *needles: str) -> None:
        """Record a finding with the texts to look for in the source."""
        self.findings.append((message, hint, [n for n in needles if n]))

    def _check(self, tag: str, attrs: list) -> None:
        """Every rule, for one start tag."""
        tag = tag.lower()
        if tag in ELEMENTS:
            self._add(ELEMENTS[tag], "remove it: pages carry no scripts, frames, objects or forms of their own",
                      f"<{tag}")
        for name, value in attrs:
            name, value = name.lower(), value or ""
            if name.startswith("on"):
                self._add(f"an inline event handler ({name}=) is not allowed", "remove the attribute",
                          name + "=", name, value)
            elif tag == "meta" and name == "http-equiv":
                self._add("a <meta http-equiv> element is not allowed", "remove it", "http-equiv", "<meta")
            elif name == "style" and any(word in normalize(value) for word in SCHEMES[:2] + ("expression(",)):
                self._add("a style attribute with a script URL is not allowed",
                          "remove it; styles belong in overrides/assets/att.css", value, "style")
            elif name in URL_ATTRIBUTES:
                for url in _urls(name, value):
                    self._check_url(tag, name, url)
            elif tag in ANIMATION and name in ANIMATION_VALUES:
                if any(scheme in normalize(value) for scheme in SCHEMES):
                    self._add(f"an SVG <{tag}> that sets a script URL is not allowed", "remove it",
                              value, f"<{tag}")

    def _check_url(self, tag: str, name: str, url: str) -> None:
        """One URL of an attribute."""
        seen = normalize(url)
        scheme = next((s for s in SCHEMES if seen.startswith(s)), None)
        payload = url.split(":", 1)[1].strip() if ":" in url else ""
        if scheme:
            self._add(f"a {scheme} URL is not allowed (in {name}= of <{tag}>)",
                      "link to a page or a web address instead; put images in docs/assets/",
                      url, payload[:40], payload[:12])
        elif seen.startswith(REFERENCE_SCHEMES) and name == "href":
            self._add(f"the reference '{url}' was not resolved (the reference check did not see it)",
                      "write it as [text](art:…), [](phase:…) or [](topic:…) outside code and HTML",
                      url)
        elif name in EMBEDDING and _REMOTE.match(seen):
            self._add(f"an embedded resource from another site is not allowed ({name}= of <{tag}>)",
                      "copy the file into docs/assets/ and use a relative path", url, payload[:40])


def findings(content: str) -> list[tuple[str, str, list[str]]]:
    """Every unsafe construct of rendered page HTML: (what, fix, texts to find in the source)."""
    scanner = _Scanner()
    scanner.feed(content)
    scanner.close()
    return scanner.findings


def line_in(source: str, needles: list[str], default: int) -> int:
    """Line of the first of ``needles`` found in ``source`` (case-insensitive), else ``default``."""
    lowered = source.lower()
    for needle in needles:
        found = lowered.find(needle.lower())
        if found != -1:
            return source.count("\n", 0, found) + 1
    return default


def check(content: str, source_text: str, shown: str, first_line: int, problems: Problems) -> None:
    """Record every finding of ``content``, at its line in the page's source text."""
    for message, hint, needles in findings(content):
        problems.add(shown, line_in(source_text, needles, first_line), message, hint)
