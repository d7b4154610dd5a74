"""The generated glossary page's view: the termbase's entries ordered and grouped by letter."""

from __future__ import annotations

from ..read.registry import Registry
from ..read.terms import Term, Termbase


def _letter(term: Term, lang: str) -> str:
    """The jump-list letter of an entry: A–Z of the English heading, or of the pinyin."""
    key = (term.pinyin or term.title(lang)) if lang == "zh" else term.title(lang)
    return key[:1].upper()


def glossary_view(termbase: Termbase, registry: Registry, lang: str) -> dict:
    """Abbreviations, then terms ordered and grouped by letter, in ``lang``."""
    t = registry.strings(lang)
    terms = [term for term in termbase.terms if term.section == "term"]
    order = (lambda term: (term.pinyin or "").lower()) if lang == "zh" else (lambda term: term.title(lang).lower())
    groups: list[dict] = []
    for term in sorted(terms, key=order):
        letter = _letter(term, lang)
        if not groups or groups[-1]["letter"] != letter:
            groups.append({"letter": letter, "entries": []})
        groups[-1]["entries"].append(_entry_view(term, termbase, registry, lang, t))
    abbreviations = [_entry_view(term, termbase, registry, lang, t)
                     for term in termbase.terms if term.section == "abbreviation"]
    return {"abbreviations": abbreviations, "groups": groups}


def _entry_view(term: Term, termbase: Termbase, registry: Registry, lang: str, t: dict) -> dict:
    """One entry as the glossary template shows it."""
    topic = registry.topic(term.topic_title) if term.topic_title else None
    return {
        "id": term.id, "title": term.title(lang), "en": term.en, "zh": term.zh,
        "descriptive": term.zh_descriptive, "definition": term.definition[lang],
        "avoid": list(term.avoid["zh"]) + list(term.avoid["en"]),
        "reason": (term.reason or {}).get(lang, ""),
        "topic_title": topic.zh if topic else "",
        "topic_ref": term.topic_title or "",
    }
