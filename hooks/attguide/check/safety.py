"""Content safety: markup that has no place in guidance read by governments.

Checked in the Markdown source (outside code), so that every finding has a line:
scripts, inline event handlers, ``javascript:`` URLs, frames and embedded objects, and
images or other embedded resources from another origin (they would tell a third party
who reads what). Links to other sites stay allowed.
"""

from __future__ import annotations

import html
import logging
import re

from ..read.problems import Problems
from ..read.mdtext import blank_code
from ..read.yamlsource import text_problem

log = logging.getLogger("mkdocs.plugins.attguide.safety")

# (pattern, what is wrong, what would be right)
RULES = (
    (re.compile(r"<\s*script\b", re.IGNORECASE), "a <script> element is not allowed",
     "remove it; pages carry no scripts of their own"),
    (re.compile(r"<[^>]*[\s/\"']on[a-z]+\s*=", re.IGNORECASE), "an inline event handler (on…=) is not allowed",
     "remove the attribute"),
    (re.compile(r"<\s*(iframe|object|embed|frame|frameset|applet)\b", re.IGNORECASE),
     "an embedded frame or object (<iframe>, <object>, <embed>) is not allowed",
     "link to the content instead of embedding it"),
    (re.compile(r"!\[[^\]]*\]\(\s*<?(?:https?:)?//", re.IGNORECASE),
     "an image from another site is not allowed (it would reveal readers to that site)",
     "copy the image into docs/assets/ and link it with a relative path"),
    (re.compile(r"<[^>]*\s(?:src|srcset|poster|data)\s*=\s*[\"']?\s*(?:https?:)?//", re.IGNORECASE),
     "an embedded resource from another site is not allowed (it would reveal readers to that site)",
     "copy the file into docs/assets/ and use a relative path"),
    (re.compile(r"<\s*(?:link|meta|base|form|style)\b", re.IGNORECASE),
     "this HTML element is not allowed in a page",
     "use Markdown; styles belong in overrides/assets/att.css"),
)


# A script URL where a URL goes: a Markdown link or image target, an autolink, or a URL
# attribute. Prose such as "no JavaScript: it works" is no URL. Checked on each line with
# character references decoded and spaces and control characters removed, as a browser
# reads a scheme (the one door on the final HTML, attguide.check.htmlgate, catches the rest).
_SCRIPT_URL = re.compile(
    r"(?:\]\(<?|\]:|<|\b(?:href|src|action|formaction|xlink:href|poster|srcset|data|to|values)=[\"']?)"
    r"(?:javascript|vbscript):", re.IGNORECASE)
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")


def check(markdown: str, path: str, first_line: int, problems: Problems) -> None:
    """Record every unsafe construct of ``markdown`` (a page body starting at ``first_line``)."""
    visible = blank_code(markdown)
    for rule, message, hint in RULES:
        for match in rule.finditer(visible):
            line = first_line + visible.count("\n", 0, match.start())
            problems.add(path, line, message, hint)
    for number, text in enumerate(visible.split("\n")):
        if ":" in text and _SCRIPT_URL.search(_INVISIBLE.sub("", html.unescape(text))):
            problems.add(path, first_line + number, "a javascript: URL is not allowed",
                         "link to a page or a web address instead")


_TAG = re.compile(r"<\s*/?\s*[a-z!?]", re.IGNORECASE)


def check_front_matter(meta, path: str, problems: Problems) -> None:
    """Front-matter texts are plain text: the theme puts them into every page's head and nav."""
    for key, value in meta.values.items():
        for text in value if isinstance(value, list) else [value]:
            if not isinstance(text, str):
                continue
            plain = _INVISIBLE.sub("", html.unescape(text)).lower()
            if _TAG.search(html.unescape(text)) or plain.startswith(("javascript:", "vbscript:", "data:")):
                problems.add(path, meta.line(key), f"front matter '{key}' holds HTML or a script URL",
                             "write plain text (or a https:// address for 'link')")
            elif text_problem(text):
                problems.add(path, meta.line(key), f"front matter '{key}' {text_problem(text)}")
