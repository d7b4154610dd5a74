"""The generated glossary page's view: the termbase's entries ordered and grouped by letter."""

from __future__ import annotations

from ..read import languages
from ..read.registry import Registry
from ..read.terms import Term, Termbase

# Languages whose glossary is ordered and grouped by the entries' pinyin (a property of Chinese).
BY_PINYIN = ("zh",)


def _letter(term: Term, lang: str) -> str:
    """The jump-list letter of an entry: A–Z of the English heading, or of the pinyin."""
    key = (term.pinyin or term.title(lang)) if lang in BY_PINYIN else term.title(lang)
    return key[:1].upper()


def glossary_view(termbase: Termbase, registry: Registry, lang: str) -> dict:
    """Abbreviations, then terms ordered and grouped by letter, in ``lang``."""
    t = registry.strings(lang)
    terms = [term for term in termbase.terms if term.section == "term"]
    order = ((lambda term: (term.pinyin or "").lower()) if lang in BY_PINYIN
             else (lambda term: term.title(lang).lower()))
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
    # The preferred form in each language, labelled by the interface string glossary_<English
    # name> ("glossary_chinese"); variants to avoid: the translations' first, then the default's.
    names = [{"label": t.get(f"glossary_{languages.english_name(code).lower()}", languages.english_name(code)),
              "text": term.names[code]} for code in languages.codes()]
    avoid_order = sorted(languages.codes(), key=languages.is_default)
    return {
        "id": term.id, "title": term.title(lang), "names": names,
        "descriptive": term.zh_descriptive, "definition": languages.text_in(term.definition, lang),
        "avoid": [word for code in avoid_order for word in term.avoid.get(code, ())],
        "reason": (term.reason or {}).get(lang, ""),
        "topic_ref": term.topic_title or "",
    }
