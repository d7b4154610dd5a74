"""Front matter of guidance pages: reading it with line numbers and checking its schema.

The schema is a MkDocs ``Config`` class, so types are checked by MkDocs' own option
classes; keys it does not know are errors, so that a typo never passes silently.
Values that depend on the registry (is ``phase: x`` a phase?) are checked by
:mod:`attguide.sitemodel`, which knows the registry.
"""

from __future__ import annotations

import datetime
import difflib
import logging
import re
from dataclasses import dataclass, field

import yaml
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError

from .problems import Problems
from .yamlsource import ValueProblem, compose_and_load, items, literal, line_of  # noqa: F401 (re-exported)

log = logging.getLogger("mkdocs.plugins.attguide.frontmatter")

# Generated views a page can ask for with ``view:``.
VIEWS = ("matrix", "articles-index", "downloads", "translations", "presentations", "workplan",
         "current-issues", "sources", "glossary", "changes", "self-assessment")

# Keys that must be identical in the English page and its Chinese counterpart.
SHARED_KEYS = ("phase", "topic", "article", "articles", "related", "sources", "view", "status", "presenter",
               "stakeholder", "region", "profile", "topics", "cycle", "date", "link", "issue_status")

_OPENING = re.compile(r"\A---[ \t]*\r?\n")
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.MULTILINE)


class PageMeta(base.Config):
    """The front-matter contract of every page (see CONTRIBUTING.md)."""

    phase = c.Optional(c.Type(str))
    topic = c.Optional(c.Type(str))
    article = c.Optional(c.Type(int))
    articles = c.ListOfItems(c.Type((int, float, str)), default=[])
    related = c.ListOfItems(c.Type(str), default=[])
    sources = c.ListOfItems(c.Type(str), default=[])
    status = c.Optional(c.Type(str))
    view = c.Optional(c.Choice(VIEWS))
    title = c.Optional(c.Type(str))
    description = c.Optional(c.Type(str))
    hide = c.Optional(c.ListOfItems(c.Choice(("navigation", "toc", "footer", "path", "feedback"))))
    source_revision = c.Optional(c.Type(str))
    # Presentation records (docs/presentations/) and current issues (docs/current-issues/).
    presenter = c.Optional(c.Type(str))
    stakeholder = c.Optional(c.Type(str))
    region = c.Optional(c.Type(str))
    profile = c.Optional(c.Type(str))
    topics = c.ListOfItems(c.Type(str), default=[])
    cycle = c.Optional(c.Type(str))
    date = c.Optional(c.Type((str, datetime.date)))
    link = c.Optional(c.Type(str))
    issue_status = c.Optional(c.Type(str))


# What a correct value looks like, per key, for the hint of a type error.
HINTS = {
    "phase": "a phase id such as 'e' or 'cooperation'",
    "topic": "the topic id from the registry, such as 'risk-assessment'",
    "article": "an article number such as 7",
    "articles": "a list of articles or paragraphs such as [7, 7.3]",
    "related": "a list of topics such as [e/mitigation, c/national-control-list]",
    "sources": "a list of source ids from hooks/data/sources.yml, such as [basic-guide-ncs]",
    "status": "one of the statuses in the registry, such as 'draft'",
    "view": "one of: " + ", ".join(VIEWS),
    "hide": "a list such as [toc]",
    "source_revision": "the value written by `make translations-mark`",
    "topics": "a list of topics such as [e/risk-assessment]",
    "date": "the meeting date as YYYY-MM-DD, e.g. 2025-02-11",
}


@dataclass
class FrontMatter:
    """A page's validated front matter, with the line of each key, and the page's text it was
    read from (the Markdown body is the part after ``body_offset``)."""

    text: str = ""  # the page's whole text, as read
    values: dict = field(default_factory=dict)
    lines: dict = field(default_factory=dict)
    start_line: int = 1
    body_line: int = 1  # line of the file where the Markdown body starts
    body_offset: int = 0  # where the body starts in the page's text (0 when no block is closed)
    readable: bool = True  # False when the block could not be read at all (YAML error)
    item_lines: dict = field(default_factory=dict)  # key -> line of each list item

    @property
    def body(self) -> str:
        """The Markdown after the front matter (the whole text when there is no closed block)."""
        return self.text[self.body_offset:]

    def item_line(self, key: str, index: int) -> int:
        """Line of the ``index``-th item of the list ``key`` (the key's line when unknown)."""
        found = self.item_lines.get(key, ())
        return found[index] if index < len(found) else self.line(key)

    def line(self, key: str) -> int:
        """Line of ``key`` in the file (the opening line when absent)."""
        return self.lines.get(key, self.start_line)

    def get(self, key: str, default=None):
        """Value of ``key``, or ``default``."""
        value = self.values.get(key)
        return default if value is None else value


def split(text: str) -> tuple[str | None, int]:
    """Return the raw YAML block (or None) and the 1-based line where the body starts."""
    block, body_line, _ = _split(text)
    return block, body_line


def _split(page_text: str) -> tuple[str | None, int, int]:
    """:func:`split`, and the character offset in ``page_text`` where the body starts."""
    text = page_text.removeprefix("\ufeff")  # a BOM, if the caller kept it
    opening = _OPENING.match(text)
    if not opening:
        return None, 1, 0
    closing = _CLOSING.search(text, opening.end())
    if not closing:
        return "", -1, 0  # opened, never closed
    block = text[opening.end():closing.start()]
    body_line = text.count("\n", 0, closing.end()) + 2
    newline = text.find("\n", closing.end())
    body_offset = len(page_text) if newline == -1 else newline + 1 + len(page_text) - len(text)
    return block, body_line, body_offset


def parse(text: str, path: str, problems: Problems) -> FrontMatter:
    """Read and check the front matter of one page; record problems, never raise."""
    block, body_line, body_offset = _split(text)
    meta = FrontMatter(text, body_line=max(body_line, 1), body_offset=body_offset)
    if block is None:
        return meta
    if body_line == -1:
        problems.add(path, 1, "the front matter opened with '---' is never closed",
                     "end it with a line containing only '---'")
        meta.readable = False
        return meta
    offset = 1  # the YAML block starts on line 2 of the file
    try:
        node, raw = compose_and_load(block)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = offset + (mark.line + 1 if mark else 1)
        reason = getattr(error, "problem", None) or str(error).splitlines()[0]
        context = getattr(error, "context_mark", None)
        if context is not None and offset + context.line + 1 != line:
            reason += f"; the construct began on line {offset + context.line + 1}"
        problems.add(path, line, f"the front matter is not valid YAML ({reason})",
                     "write 'key: value' pairs, lists as [a, b], and quote values containing ':'")
        meta.readable = False
        return meta
    except ValueProblem as error:
        problems.add(path, offset + error.line, f"the value of '{error.key}' cannot be read ({error.reason})",
                     f"write {HINTS.get(error.key, 'a valid value')}")
        meta.readable = False
        return meta
    if raw is None:
        return meta
    if not isinstance(raw, dict) or not isinstance(node, yaml.MappingNode):
        problems.add(path, 2, "the front matter must be a set of 'key: value' lines",
                     "for example 'phase: e'")
        return meta
    meta.lines = {key.value: offset + key.start_mark.line + 1 for key, _ in node.value}
    meta.item_lines = {key.value: [offset + line_of(item) for item in items(value)]
                       for key, value in node.value if items(value)}
    _validate(raw, meta, path, problems)
    # Article references keep the text as written: 7.10 is paragraph 10, not the float 7.1.
    articles = next((value for key, value in node.value if key.value == "articles"), None)
    if "articles" in meta.values and items(articles):
        meta.values["articles"] = [literal(item) if literal(item) is not None else str(value)
                                   for item, value in zip(items(articles), meta.values["articles"])]
    return meta


def _validate(raw: dict, meta: FrontMatter, path: str, problems: Problems) -> None:
    """Check ``raw`` against :class:`PageMeta`; fill ``meta.values`` with what passed.

    Each option validates on its own (MkDocs' ``Config.validate`` stops at the first
    failure), so that every wrong key of a page is reported in the same build.
    """
    schema = dict(PageMeta._schema)
    for key, value in raw.items():
        option = schema.get(key)
        if option is None:
            near = difflib.get_close_matches(str(key), list(schema), n=1)
            hint = f"did you mean '{near[0]}'?" if near else "allowed keys: " + ", ".join(schema)
            problems.add(path, meta.line(key), f"unknown front-matter key '{key}'", hint)
            continue
        try:
            meta.values[key] = option.validate(value)
        except ValidationError as error:
            problems.add(path, meta.line(key), f"front-matter key '{key}' has a wrong value ({error})",
                         f"write {HINTS.get(key, 'a valid value')}")
