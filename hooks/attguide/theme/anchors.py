"""Anchors the hook adds to a page's HTML, made known to MkDocs' link validation.

MkDocs 1.6 collects each page's anchor ids while rendering its Markdown
(``Page.present_anchor_ids``) and, once every page is rendered, checks the links to
anchors of other pages against them (``validation.anchors``). The views the hook appends
in ``on_page_content`` (a source's entry on the Sources page, "At a glance", the generated
tables) come after that collection, so every link to them was reported as
"does not contain an anchor", although the anchor is in the written page. :func:`register`
adds the ids of the final HTML to the page's set, so MkDocs only reports anchors that
really are missing.
"""

from __future__ import annotations

import html as html_lib
import re

_ID = re.compile(r"""<[a-zA-Z][^>]*?\sid\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def ids_in(html: str) -> set[str]:
    """Every ``id`` attribute value in a fragment of HTML (entities decoded)."""
    return {html_lib.unescape(m.group(1) if m.group(1) is not None else m.group(2)) for m in _ID.finditer(html)}


def register(page, html: str) -> None:
    """Add the ids of ``html`` (the page's final content) to the anchors MkDocs validates."""
    present = getattr(page, "present_anchor_ids", None)
    if present is None:
        return  # not rendered by MkDocs (or an MkDocs without anchor validation)
    page.present_anchor_ids = set(present) | ids_in(html)
