"""The project's data files (hooks/data/): what they must hold. The code that reads them is
unit-tested on small data (tests/unit/data/); these tests check the production data itself."""

from __future__ import annotations

import re

import pytest

from attguide.assessment import questions
from attguide.read import registry
from attguide.read import terms as termbase
from attguide.search import keywords as search_keywords
from attguide.search import synonyms as searchwords

from support import ROOT

REGISTRY = registry.load()
TERMBASE = termbase.load(termbase.path_beside(REGISTRY.path), REGISTRY)
QUESTIONS = questions.load(questions.path_beside(registry.DEFAULT_PATH), REGISTRY)


# -- registry.yml ---------------------------------------------------------------------------------
def test_project_registry_matches_the_seed():
    assert sorted(REGISTRY.articles) == list(range(1, 29))
    letters = [p.letter for p in REGISTRY.phases.values() if not p.cross_cutting]
    assert letters == list("abcdefghi")
    assert len(REGISTRY.all_topics()) == 37
    assert [t.phase_id for t in REGISTRY.topics_by_id["inter-agency-coordination"]] == ["c", "h"]
    assert REGISTRY.newest_cycle().id == "csp13"


# -- terms.yml ------------------------------------------------------------------------------------
def test_every_registry_abbreviation_has_a_glossary_entry():
    entries = {t.abbr for t in TERMBASE.terms if t.section == "abbreviation"}
    assert set(REGISTRY.abbreviations) <= entries


def test_the_project_termbase_keeps_the_fields_terms_whole_in_search():
    words = search_keywords.search_words(TERMBASE)
    assert {"国家管制清单", "最终用户证书", "联合国常规武器登记册", "风险评估"} <= set(words)


def test_the_project_termbase_sends_abbreviations_to_the_pages_that_treat_them():
    keywords = search_keywords.page_keywords(TERMBASE)
    assert "EUC" in keywords["e-authorization/document-verification.md"]
    assert "UNROCA" in keywords["c-national-control-system/national-control-list.md"]
    assert "武器禁运" in keywords["e-authorization/prohibitions.md"]
