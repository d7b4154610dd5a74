"""The project's data files (hooks/data/): what they must hold. The code that reads them is
unit-tested on small data (tests/unit/data/); these tests check the production data itself."""

from __future__ import annotations

import re

import pytest

from attguide.assessment import questions
from attguide.read import refs, registry
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


# -- questions.yml --------------------------------------------------------------------------------
def test_every_topic_with_a_questions_section_has_its_questions_in_the_data():
    for phase in REGISTRY.phases.values():
        for topic in phase.topics:
            page = ROOT / "docs" / phase.topic_path(topic)
            if not page.exists() or "{#questions}" not in page.read_text(encoding="utf-8"):
                continue
            assert len(QUESTIONS.by_topic.get(topic.key, ())) >= 3, topic.key


def test_no_bullet_is_left_in_the_questions_section_of_a_topic_page():
    for path in (ROOT / "docs").glob("*/*.md"):
        text = path.read_text(encoding="utf-8")
        if not re.search(r"^topic: ", text, re.M):
            continue
        match = re.search(r"\{#questions\}\n(.*?)(?=^## |\Z)", text, re.S | re.M)
        if match:
            assert not re.search(r"^- ", match.group(1), re.M), path
            assert questions.MARKER in match.group(1), path


def test_every_interface_string_the_tool_uses_exists_in_both_languages():
    template = (ROOT / "overrides" / "partials" / "att" / "self-assessment.html").read_text(encoding="utf-8")
    script = (ROOT / "overrides" / "assets" / "javascripts" / "att-self-assessment.js").read_text(encoding="utf-8")
    used = set(re.findall(r"\bs\.(\w+)", template)) | set(re.findall(r"\b[ST]\.(\w+)", script))
    used |= {f"status_{key}" for key in questions.STATUSES} | {f"kind_{key}" for key in questions.KINDS}
    used -= {"obligation"}  # from the registry's force labels
    missing = sorted(key for key in used if key not in QUESTIONS.strings)
    assert not missing, missing
    assert all(texts["en"] and texts["zh"] for texts in QUESTIONS.strings.values())


# -- search-synonyms.yml --------------------------------------------------------------------------
def test_the_project_synonyms_load_and_reach_their_pages():
    synonyms = searchwords.load(searchwords.path_beside(REGISTRY.path), REGISTRY, termbase.page_path)
    assert synonyms
    words = searchwords.page_words({}, synonyms, REGISTRY)
    assert "appeal" in words["e-authorization/review-of-decisions.md"]
    assert "复议" in words["e-authorization/review-of-decisions.md"]
    assert "re-export" in words["i-post-delivery/transfer-assurances.md"]


# -- force.yml ------------------------------------------------------------------------------------
def test_every_paragraph_of_the_treaty_has_a_force():
    table = REGISTRY.force
    for number, article in REGISTRY.articles.items():
        assert table.recorded(number), number
        for paragraph in range(1, article.paragraphs + 1):
            assert table.forces(number, paragraph), f"{number}.{paragraph}"


@pytest.mark.parametrize("number, paragraph, expected", [
    (5, 3, ("encouragement", "obligation")),
    (5, 4, ("obligation", "encouragement")),
    (8, 1, ("obligation",)),
    (16, 1, ("permission", "obligation")),
    (16, 3, ("obligation", "encouragement")),
    (7, 7, ("encouragement",)),
    (6, None, ("obligation",)),
    (21, 4, ("other",)),
])
def test_recorded_forces_follow_the_english_text(number, paragraph, expected):
    assert REGISTRY.force.forces(number, paragraph) == expected


# -- sources.yml ----------------------------------------------------------------------------------
def test_project_sources_load_and_resolve():
    assert "att-text" in REGISTRY.sources
    target = refs.parse_target("src:att-text", REGISTRY)
    assert (target.kind, target.path, target.anchor) == ("src", "sources.md", "att-text")
    assert target.title(REGISTRY, "zh") == "《武器贸易条约》"
