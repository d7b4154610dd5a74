"""Search words from the termbase: words the segmenter keeps whole, keywords per page."""

from __future__ import annotations

import re

from ..read import languages
from ..read.terms import Termbase

# The language whose words the (jieba) segmenter must keep whole: a property of Chinese.
SEGMENTED = "zh"


def page_keywords(termbase: Termbase) -> dict[str, list[str]]:
    """For each page named in a term's ``pages:``, the words a reader may type for the concept.

    The abbreviation, the preferred forms and the aliases, in both languages (an English
    abbreviation typed on the Chinese site finds the Chinese page), in termbase order.
    """
    found: dict[str, list[str]] = {}
    for term in termbase.terms:
        words = [term.abbr or "", *(term.names[lang] for lang in languages.codes()),
                 *(alias for lang in languages.codes() for alias in term.aliases.get(lang, ()))]
        for path in term.pages:
            bucket = found.setdefault(path, [])
            bucket += [w for w in (w.strip() for w in words) if w and w not in bucket]
    return found


def search_words(termbase: Termbase) -> list[str]:
    """Chinese words the search segmenter must keep whole: preferred forms and aliases."""
    words = set()
    for term in termbase.terms:
        for word in (re.split(r"[／/；;（）()、\s]+", term.names.get(SEGMENTED, ""))
                     + list(term.aliases.get(SEGMENTED, ()))):
            if len(word) >= 2 and re.search(r"[\u4e00-\u9fff]", word):
                words.add(word)
    return sorted(words)
