"""Unit tests of attguide.search.synonyms: treaty-reference words, the synonyms file and its checks."""

from __future__ import annotations

import textwrap

import pytest
from mkdocs.exceptions import PluginError

from attguide.read import terms as termbase
from attguide.search import synonyms as searchwords

import unitdata

REGISTRY = unitdata.registry()
SMALL = """\
# comment
synonyms:
- pages: [e/review-of-decisions]
  en: [appeal, licence refusal]
  zh: [申诉, 复议]

- pages: [i/transfer-assurances, e/mitigation]
  en: [re-export]
  zh: [再出口]
"""


def small(tmp_path, text=SMALL):
    """A synonyms file written to a temporary file, loaded against the test registry."""
    path = tmp_path / "search-synonyms.yml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return searchwords.load(path, REGISTRY, termbase.page_path, "search-synonyms.yml")


def messages_of(caplog) -> list[str]:
    return [record.getMessage() for record in caplog.records]


def test_synonyms_lead_to_the_pages_that_treat_them(tmp_path):
    synonyms = small(tmp_path)
    words = searchwords.page_words({"e-authorization/review-of-decisions.md": ["review"]}, synonyms, REGISTRY)
    assert words["e-authorization/review-of-decisions.md"] == ["review", "appeal", "licence refusal", "申诉", "复议"]
    assert "re-export" in words["i-post-delivery/transfer-assurances.md"]
    assert "再出口" in words["e-authorization/mitigation.md"]
    assert searchwords.chinese_words(synonyms) == ["再出口", "复议", "申诉"]


def test_every_article_page_carries_its_own_reference_word():
    words = searchwords.page_words({}, (), REGISTRY)
    assert words["articles/article-7.md"] == ["art7"]
    assert words["articles/article-11.md"] == ["art11"]
    assert sum(1 for path in words if path.startswith("articles/")) == len(REGISTRY.articles)


def test_a_missing_file_means_no_synonyms(tmp_path):
    assert searchwords.load(tmp_path / "none.yml", REGISTRY, termbase.page_path) == ()


def test_mistakes_are_listed_with_path_line_and_the_fix(tmp_path, caplog):
    broken = SMALL.replace("[e/review-of-decisions]", "[e/review-of-decision, art:99]") \
                  .replace("zh: [再出口]", "zh: [再出口, export]\n  colour: red") \
                  .replace("en: [re-export]", "en: [appeal, 出口]")
    with pytest.raises(PluginError):
        small(tmp_path, broken)
    messages = messages_of(caplog)
    expected = [
        "search-synonyms.yml:3: no page 'e/review-of-decision' — did you mean 'e/review-of-decisions'?",
        "search-synonyms.yml:3: no page 'art:99' — write phase/topic",
        "search-synonyms.yml:10: unknown key 'colour' in a synonyms entry",
    ]
    for start in expected:
        assert any(m.startswith(start) for m in messages), (start, messages)
    broken = SMALL.replace("en: [re-export]", "en: [appeal, 出口]").replace("zh: [再出口]", "zh: [再出口, export]")
    caplog.clear()
    with pytest.raises(PluginError):
        small(tmp_path, broken)
    messages = messages_of(caplog)
    for start in ("search-synonyms.yml:8: 'appeal' is listed twice — keep it in one entry (it is already on line 4)",
                  "search-synonyms.yml:8: '出口' is Chinese but listed under en — move it to zh",
                  "search-synonyms.yml:9: 'export' has no Chinese character but is listed under zh — move it to en"):
        assert any(m.startswith(start) for m in messages), (start, messages)


def test_a_file_without_the_synonyms_list_is_reported(tmp_path, caplog):
    with pytest.raises(PluginError):
        small(tmp_path, "- pages: [e/mitigation]\n")
    assert any(m.startswith("search-synonyms.yml:1: the search synonyms must be a list under 'synonyms:'")
               for m in messages_of(caplog)), messages_of(caplog)


def test_a_yaml_syntax_error_names_the_line(tmp_path, caplog):
    with pytest.raises(PluginError):
        small(tmp_path, SMALL.replace("en: [appeal, licence refusal]", "en: [appeal, licence refusal"))
    assert any(m.startswith("search-synonyms.yml:") and "not valid YAML" in m for m in messages_of(caplog))


def test_the_synonyms_beside_the_registry_load_and_reach_their_pages():
    synonyms = searchwords.load(searchwords.path_beside(REGISTRY.path), REGISTRY, termbase.page_path)
    assert synonyms
    words = searchwords.page_words({}, synonyms, REGISTRY)
    assert "appeal" in words["e-authorization/review-of-decisions.md"]
    assert "复议" in words["e-authorization/review-of-decisions.md"]
    assert "re-export" in words["i-post-delivery/transfer-assurances.md"]
