"""Markdown text as Python-Markdown reads it: what is code, and so is not checked.

The page checks (references, content safety) look at the Markdown outside code. What they
treat as code must be what Python-Markdown renders as code, or text could hide from them:
a code span never crosses a blank line (a paragraph break), and indented code blocks
(four spaces after a blank line, outside a list) are code too. Inside a container
(admonition ``!!!``, details ``???``, a definition ``:``) the body is indented by four
spaces and is prose: code there is indented four more. Blanking keeps every offset and
line, so findings keep their ``path:line``. This is the one model of what is code: the
reference, safety, termbase, wording and what-changed checks all read through it.
"""

from __future__ import annotations

import functools
import logging
import re

log = logging.getLogger("mkdocs.plugins.attguide.mdtext")

_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
# A line that opens a container whose body is indented by four more spaces.
_CONTAINER = re.compile(r"^[ \t]*(?:(?:!!!|\?\?\?\+?)[ \t]*[\w-]|:[ \t]+\S)")
# A code span: a run of backticks, then text that never holds a blank line, then the same
# run (not part of a longer one). An escaped backtick opens nothing.
_CODE_SPAN = re.compile(r"(?<![\\`])(`+)(?!`)((?:(?!\n[ \t]*\n)[\s\S])+?)(?<!`)\1(?!`)")
_LIST_ITEM = re.compile(r"^[ ]{0,3}(?:[-*+]|\d+[.)])[ \t]+")
_NOT_NEWLINE = re.compile(r"[^\n]")


def _blank(text: str) -> str:
    """``text`` with every character but newlines replaced by a space."""
    return _NOT_NEWLINE.sub(" ", text)


def _indent(line: str) -> int:
    """Columns of leading whitespace (a tab counts four)."""
    width = 0
    for char in line:
        if char == " ":
            width += 1
        elif char == "\t":
            width += 4 - width % 4
        else:
            break
    return width


# The checks of one build read the same page through this model several times (references
# in both passes, safety): the answer for a text is kept (the text is the key); the build
# empties the cache when it starts (BuildState.scan), so it holds one build's pages.
@functools.lru_cache(maxsize=None)
def blank_code(markdown: str) -> str:
    """Replace fenced and indented code blocks and code spans with spaces, keeping offsets."""
    out = []
    fence = None
    blank_before = True  # the start of the text counts as after a blank line
    in_code = in_list = False
    containers: list[int] = []  # body indent of each open container
    for line in markdown.splitlines(keepends=True):
        stripped = line.strip()
        if fence is not None:
            if line.lstrip().startswith(fence):
                fence = None
            out.append(_blank(line))
            continue
        if not stripped:
            out.append(line)
            blank_before = True
            continue
        width = _indent(line)
        while containers and width < containers[-1]:
            containers.pop()  # a line less indented than the body closes the container
        base = containers[-1] if containers else 0
        relative = width - base
        opened = _FENCE.match(line)
        if opened and not in_code and relative < 4:
            fence = opened.group(1)[0] * len(opened.group(1))
            out.append(_blank(line))
            continue
        if relative < 4 and not in_code and _CONTAINER.match(line):
            containers.append(width + 4)
            in_list = False
            out.append(line)
            blank_before = False
            continue
        indented = relative >= 4
        if indented and (in_code or (blank_before and not in_list)):
            in_code = True
            out.append(_blank(line))
        else:
            in_code = False
            if _LIST_ITEM.match(" " * max(relative, 0) + line.lstrip(" \t")):
                in_list = True
            elif not indented and blank_before:
                in_list = False
            out.append(line)
        blank_before = False
    prose = "".join(out)
    if "`" not in prose:  # no code span can open (the pattern below tries every position)
        return prose
    return _CODE_SPAN.sub(lambda m: _blank(m.group(0)), prose)
