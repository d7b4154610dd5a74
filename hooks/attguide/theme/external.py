"""Links to other websites in rendered pages: plain links, same tab, marked as leaving the site.

:func:`mark` rewrites every ``<a href="https://…">`` of a page's content: it drops
``target`` (the link opens in the same tab), adds ``rel="noopener"`` and the class
``att-external`` (an arrow drawn by CSS, no resource loaded) and a note in words (" (another
website)") that both sighted readers and screen readers get. Links already marked are left
as they are.
"""

from __future__ import annotations

import html as html_module
import logging
import re

log = logging.getLogger("mkdocs.plugins.attguide.external")

_ANCHOR = re.compile(r"<a\s(?P<attrs>[^>]*?\bhref=\"(?:https?:)?//[^\"]+\"[^>]*)>(?P<text>.*?)</a>",
                     re.IGNORECASE | re.DOTALL)
_TARGET = re.compile(r"\s+target=\"[^\"]*\"", re.IGNORECASE)
_CLASS = re.compile(r"\bclass=\"(?P<value>[^\"]*)\"", re.IGNORECASE)
_REL = re.compile(r"\brel=\"[^\"]*\"", re.IGNORECASE)
CLASS = "att-external"


def mark(html: str, note: str) -> str:
    """Mark every external link of ``html``; ``note`` is the words after its text."""
    def one(match: re.Match) -> str:
        attrs, text = match.group("attrs"), match.group("text")
        if CLASS in attrs:
            return match.group(0)
        attrs = _TARGET.sub("", attrs)
        if _CLASS.search(attrs):
            attrs = _CLASS.sub(lambda m: f'class="{m.group("value")} {CLASS}"', attrs, count=1)
        else:
            attrs += f' class="{CLASS}"'
        if not _REL.search(attrs):
            attrs += ' rel="noopener"'
        return f'<a {attrs}>{text}<span class="att-external__note">{html_module.escape(note)}</span></a>'

    return _ANCHOR.sub(one, html)
