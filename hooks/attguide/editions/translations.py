"""Translation drift: which English revision each Chinese page translates.

A Chinese page records, in ``source_revision``, a short hash of its English page's text
(the body after the front matter) as it stood when the translation was last brought up to
date (``make translations-mark PAGE=...``). When the English text changes afterwards the
page is *outdated*: readers see a notice, and ``make translations`` lists it. A Chinese
page that never recorded a revision is *unmarked* (``make translations-mark`` records one;
``make new-topic`` records it for the pages it creates). Drift never fails the build:
new English guidance can be published before its translation.
"""

from __future__ import annotations

import hashlib
import logging
import re
from pathlib import Path

from ..read import frontmatter, languages
from ..read.sitemodel import SiteModel, SourcePage

log = logging.getLogger("mkdocs.plugins.attguide.translations")

CURRENT, OUTDATED, UNMARKED = "current", "outdated", "unmarked"
# What each state means, and what to do, for ``make translations``.
EXPLAINED = {
    CURRENT: "follows the current English text",
    OUTDATED: "the English text changed since: update the translation, then make translations-mark PAGE=…",
    UNMARKED: "no record of the English text it follows: check it, then make translations-mark PAGE=…",
}
KEY = "source_revision"


def body_of(text: str) -> str:
    """The Markdown after the front matter."""
    block, body_line = frontmatter.split(text)
    if block is None or body_line < 1:
        return text
    return "".join(text.splitlines(keepends=True)[body_line - 1:])


def revision(english_text: str) -> str:
    """Short hash of an English page's body, insensitive to line endings and trailing spaces."""
    lines = [line.rstrip() for line in body_of(english_text).replace("\r\n", "\n").split("\n")]
    normalized = "\n".join(lines).strip() + "\n"
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()[:12]


def status(english: SourcePage, translated: SourcePage | None) -> str:
    """``current``, ``outdated`` or ``unmarked`` for one pair of pages."""
    if translated is None or not translated.meta.get(KEY):
        return UNMARKED
    return CURRENT if translated.meta.get(KEY) == revision(english.text) else OUTDATED


def natural_key(text: str) -> list:
    """Sort key that orders numbers by value: article-2 before article-10."""
    return [(0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"(\d+)", text)]


def report(model: SiteModel, lang: str | None = None) -> list[dict]:
    """Every page of the default language with the status of its translation into ``lang``
    (default: the first translated language of mkdocs.yml)."""
    lang = lang or languages.translated()[0]
    rows = []
    for base, english in sorted(model.pages[languages.default()].items(), key=lambda item: natural_key(item[0])):
        translated = model.page(lang, base)
        rows.append({"base": base, "path": translated.path if translated else None,
                     "title": english.h1 or base, "title_translated": translated.h1 if translated else None,
                     "title_en": english.h1 or base,
                     "status": status(english, translated)})
    return rows


def mark(docs_dir: Path, english_rel: str, lang: str | None = None) -> tuple[Path, str]:
    """Record the English page's current revision in its translation's front matter
    (``lang``: the translation's language, else the one the path names, else the first)."""
    named = languages.language_of(english_rel)[0]
    lang = lang or (named if not languages.is_default(named) else languages.translated()[0])
    english_rel = english_rel.removeprefix("docs/")
    if english_rel.endswith(languages.suffix(lang)):
        english_rel = english_rel[: -len(languages.suffix(lang))] + ".md"
    english = docs_dir / english_rel
    translated = docs_dir / (english_rel[:-3] + languages.suffix(lang))
    if not english.exists() or not translated.exists():
        raise FileNotFoundError(f"no page pair for {english_rel} (expected {english} and {translated})")
    value = revision(english.read_text(encoding="utf-8"))
    text = translated.read_text(encoding="utf-8")
    translated.write_text(set_key(text, KEY, value), encoding="utf-8")
    return translated, value


def set_key(text: str, key: str, value: str) -> str:
    """Set ``key: value`` in the front matter of ``text`` (creating the block if needed)."""
    block, body_line = frontmatter.split(text)
    line = f"{key}: {value}\n"
    if block is None:
        return f"---\n{line}---\n\n{text}"
    lines = text.splitlines(keepends=True)
    closing = body_line - 2  # index of the closing '---'
    for index in range(1, closing):
        if re.match(rf"{re.escape(key)}\s*:", lines[index]):
            lines[index] = line
            return "".join(lines)
    lines.insert(closing, line)
    return "".join(lines)
