"""The sources the guidance cites (``data/sources.yml``), read once into typed values.

Each entry is checked against a declared schema (MkDocs ``Config`` option classes, as
the page front matter is); every mistake is reported as ``sources.yml:line: what — fix``
and the build fails once, listing them all. Pages cite a source as ``[](src:ID)`` or in
their front matter (``sources: [ID]``); :mod:`attguide.refs` resolves those ids here.
"""

from __future__ import annotations

import difflib
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError

from . import languages as site_languages  # (a Source has a field "languages")
from .yamlsource import Bilingual, Text, check_entry, child, items, key_lines, read
from .problems import Problems, shown_path

log = logging.getLogger("mkdocs.plugins.attguide.sources")

FILE_NAME = "sources.yml"
KINDS = ("treaty", "un-record", "att-document", "guide")
STATUSES = ("draft", "welcomed", "endorsed", "adopted")
# ISO 639-1 codes of the UN's six official languages: the only ones recorded so far.
LANGUAGE_CODES = ("ar", "en", "es", "fr", "ru", "zh")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


_Bilingual = Bilingual  # the shared option (attguide.read.yamlsource)


class _Date(c.BaseConfigOption):
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` (YAML may read the first as a date)."""

    def run_validation(self, value):
        """Keep the date as the text it was written."""
        if value is None:
            return None
        text = value.isoformat() if hasattr(value, "isoformat") else str(value)
        if not _DATE.match(text):
            raise ValidationError(f"'{text}' is not a date")
        return text


class _Url(c.BaseConfigOption):
    """An absolute https (or http) address with a host and no spaces."""

    def run_validation(self, value):
        """Reject anything that is not a well-formed web address."""
        if value is None:
            return None
        text = str(value)
        parts = urlsplit(text)
        if parts.scheme not in ("https", "http") or not parts.netloc or any(ch.isspace() for ch in text):
            raise ValidationError(f"'{text}' is not a well-formed web address")
        return text


class SourceEntry(base.Config):
    """The schema of one entry of ``sources.yml``."""

    id = c.Type(str)
    kind = c.Choice(KINDS)
    title = _Bilingual()
    zh_official = c.Type(bool, default=False)
    short = _Bilingual()
    issuer = _Bilingual(required=False)
    symbol = c.Optional(Text())
    date = _Date()
    status = c.Optional(c.Choice(STATUSES))
    languages = c.ListOfItems(c.Choice(LANGUAGE_CODES), default=[])
    url = _Url()
    found_at = c.Optional(c.Type(str))
    note = _Bilingual(required=False)


HINTS = {
    "id": "lowercase words joined by hyphens, e.g. basic-guide-ncs",
    "kind": "one of: " + ", ".join(KINDS),
    "title": "en: and zh: titles",
    "short": "en: and zh: short titles",
    "issuer": "en: and zh: names",
    "note": "en: and zh: text",
    "date": "YYYY-MM-DD, YYYY-MM or YYYY",
    "status": "one of: " + ", ".join(STATUSES) + " (or leave it out when unknown)",
    "languages": "a list of codes from: " + ", ".join(LANGUAGE_CODES),
    "url": "an address seen in a public copy, such as https://treaties.un.org/…, or no url",
    "zh_official": "true or false",
}


@dataclass(frozen=True)
class Source:
    """One cited source, with its titles in both languages."""

    id: str
    kind: str
    title: dict
    zh_official: bool
    short: dict
    issuer: dict | None = None
    symbol: str | None = None
    date: str | None = None
    status: str | None = None
    languages: tuple = ()
    url: str | None = None
    found_at: str | None = None
    note: dict | None = None
    line: int = 0

    def short_title(self, lang: str) -> str:
        """What an empty ``[](src:ID)`` link text becomes in ``lang``."""
        return site_languages.text_in(self.short, lang)

    def official_in(self, lang: str) -> bool:
        """Whether the title in ``lang`` is the source's own (the default language's, or the
        Chinese one when ``zh_official``), not a descriptive translation."""
        return lang == site_languages.default() or (self.zh_official and lang == "zh")


def path_beside(registry_path: str | Path) -> Path:
    """``sources.yml`` in the folder of a registry file."""
    return Path(registry_path).parent / FILE_NAME


def load(path: str | Path, shown: str | None = None) -> dict[str, Source]:
    """Read and check ``path``; an absent file means no sources. Fails once, listing all."""
    path = Path(path)
    if not path.exists():
        return {}
    shown = shown or str(path)
    problems = Problems()
    root, data = read(path.read_text(encoding="utf-8-sig"), shown, problems, "the sources file")
    problems.raise_if_any("the sources")
    entries = (data or {}).get("sources") or []
    nodes = items(child(root, "sources"))
    found: dict[str, Source] = {}
    for index, raw in enumerate(entries):
        node = nodes[index] if index < len(nodes) else None
        line = node.start_mark.line + 1 if node is not None else 1
        source = _entry(raw, node, line, shown, problems)
        if source is None:
            continue
        if source.id in found:
            problems.add(shown, line, f"source '{source.id}' is listed twice",
                         f"keep one entry (the first is on line {found[source.id].line})")
            continue
        found[source.id] = source
    for source in found.values():
        if source.found_at and source.found_at not in found:
            problems.add(shown, source.line, f"'found_at: {source.found_at}' names no source",
                         _suggest(source.found_at, found))
    problems.raise_if_any("the sources")
    return found


def _entry(raw, node, line: int, shown: str, problems: Problems) -> Source | None:
    """Validate one entry against :class:`SourceEntry`; record every problem."""
    values = check_entry(raw, node, SourceEntry, HINTS, shown, problems, "a source entry",
                         required=("id", "kind", "title", "short"), line=line)
    source_id = raw.get("id") if isinstance(raw, dict) else None
    if isinstance(source_id, str) and not _ID.match(source_id):
        problems.add(shown, key_lines(node, line).get("id", line), f"'{source_id}' is not a valid source id",
                     HINTS["id"])
        return None
    if values is None:
        return None
    return Source(id=values["id"], kind=values["kind"], title=values["title"],
                  zh_official=values.get("zh_official", False), short=values["short"],
                  issuer=values.get("issuer"), symbol=values.get("symbol"), date=values.get("date"),
                  status=values.get("status"), languages=tuple(values.get("languages") or ()),
                  url=values.get("url"), found_at=values.get("found_at"), note=values.get("note"),
                  line=line)


def _suggest(value: str, known) -> str:
    """A 'did you mean' hint for an unknown source id."""
    near = difflib.get_close_matches(value, list(known), n=1)
    return f"did you mean '{near[0]}'?" if near else "use an id from hooks/data/sources.yml"


def suggest(value: str, known) -> str:
    """Public form of the 'did you mean' hint, for references from pages."""
    return _suggest(value, known)


# -- citations ------------------------------------------------------------------------------
# What every article page cites through its generated "Authentic texts" note: the Treaty's
# UN Treaty Series record, the resolution that adopted it, its status page and the 2013
# correction of the Arabic and Chinese texts.
ARTICLE_PAGE_SOURCES = ("att-text", "ga-res-67-234b", "att-status", "att-corrections-ar-zh")


def cited_ids(model) -> set[str]:
    """Ids of the sources cited by any page (front matter, text or generated note)."""
    cited: set[str] = set()
    for pages in model.pages.values():
        for page in pages.values():
            cited.update(t.key for t in page.sources if t.kind == "src")
            cited.update(t.key for _, t in page.targets if t.kind == "src")
            if page.meta.get("article") is not None:
                cited.update(ARTICLE_PAGE_SOURCES)
    return cited


def check_unused(model) -> Problems:
    """Every entry of sources.yml is cited by a page, or is where a cited document is published."""
    problems = Problems()
    registry = model.registry
    if not registry.sources:
        return problems
    cited = cited_ids(model)
    published_at = {s.found_at for s in registry.sources.values() if s.found_at and s.id in cited}
    shown = shown_path(path_beside(registry.path))
    for source in registry.sources.values():
        if source.id not in cited and source.id not in published_at:
            problems.add(shown, source.line, f"source '{source.id}' is cited by no page",
                         f"cite it on a page ([](src:{source.id}) or sources: [{source.id}]) "
                         "or remove the entry")
    return problems
