"""Search ranking and vocabulary: guidance first, and the words delegates type.

Two things, both through Material's own search index:

* **Ranking per page kind.** Each page gets Material's documented ``search: boost:``
  setting from its kind (set in the page's metadata by the hook, not written in every
  file): topic and article pages are raised, the glossary and generated lists lowered,
  so a topic page whose title or concept matches outranks the glossary entry that merely
  defines it. Every page stays in the index; the glossary remains the answer for a term
  no page treats.
* **The termbase's words reach the pages that treat a concept.** ``terms.yml`` names, per
  term, the pages that treat it (``pages:``); each such page's search entry gets a
  ``keywords`` field with the abbreviation, both preferred forms and the aliases
  (``EUC``, ``end user certificate``, ``最终用户证书`` …). ``keywords`` is declared in the
  search plugin's ``fields`` (mkdocs.yml), so Material's search worker indexes it with its
  own boost; the result list shows only ``title`` and ``text``, so the words never appear
  in a snippet. Chinese keywords are segmented like the rest of the index.
  :mod:`attguide.search.synonyms` adds two more sources of keywords: the article word ``artN``
  of each article page (treaty references typed as queries) and the everyday synonyms of
  ``search-synonyms.yml``; ``assets/javascripts/att-search.js`` rewrites queries to match.
"""

from __future__ import annotations

import logging
import re

from . import segmenter

log = logging.getLogger("mkdocs.plugins.attguide.search")

FIELD = "keywords"
# Document boosts (lunr multiplies every field's score by them). 1 is Material's default.
BOOSTS = {
    "topic": 2.0,          # the guidance itself
    "article": 1.5,        # a treaty article and the topics that implement it
    "overview": 1.0,       # phase overviews, home, about
    "glossary": 0.25,      # defines every term: found, but after the pages that treat it
    "list": 0.3,           # generated lists: sources, presentations, work plans, issues, downloads
    "matrix": 0.1,         # every topic title again, in cells
    "translations": 0.05,  # every page title in both languages: a maintenance report
}
LIST_VIEWS = ("articles-index", "downloads", "presentations", "workplan", "current-issues", "sources")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")


def page_kind(meta: dict, is_record: bool = False) -> str:
    """The kind of a page, from its (checked) front matter."""
    view = meta.get("view")
    if meta.get("topic"):
        return "topic"
    if meta.get("article") is not None:
        return "article"
    if view in ("glossary", "matrix", "translations"):
        return view
    if view in LIST_VIEWS or is_record:
        return "list"
    return "overview"


def set_boost(meta: dict, kind: str) -> None:
    """Give a page Material's ``search: boost:`` for its kind (1 is left unset)."""
    boost = BOOSTS.get(kind, 1.0)
    if boost != 1.0:
        meta["search"] = dict(meta.get("search") or {}, boost=boost)


def keywords_text(words: list[str]) -> str:
    """The ``keywords`` field: the words, Chinese runs segmented as Material segments text."""
    def segment(match: re.Match) -> str:
        return "\u200b" + "\u200b".join(segmenter.segment(match.group(0))) + "\u200b"
    return " ".join(_HAN.sub(segment, word).strip("\u200b") for word in words)


def add_keywords(docs: list[dict], keywords: dict[str, str]) -> int:
    """Add ``keywords`` (by page location) to each page's own entry; return how many got them."""
    added = 0
    for doc in docs:
        text = keywords.get(doc["location"])
        if text:
            doc[FIELD] = text
            added += 1
    return added
