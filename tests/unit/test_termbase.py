"""Unit tests of the termbase: schema messages, the avoided-variant check, glossary order, search words."""

from __future__ import annotations

import textwrap

import pytest
from mkdocs.exceptions import PluginError

from attguide.search import segmenter
from attguide.read import terms as termbase
from attguide.check import termcheck
from attguide.search import keywords as search_keywords
from attguide.views import glossary

import unitdata

REGISTRY = unitdata.registry()
TERMBASE = unitdata.termbase(REGISTRY)  # tests/unit/data/terms.yml

SMALL = """\
spelling:
  - [authoris, authoriz]
  - [emphasis, emphasiz]
terms:
  - id: competent-national-authority
    section: term
    heading: {en: Competent national authority, zh: 国家主管当局}
    pinyin: guojia zhuguan dangju
    en: competent national authority
    zh: 国家主管当局
    avoid: {en: [], zh: [主管机构, 国家主管机构]}
    definition: {en: "Designated under [](art:5.5).", zh: "根据[](art:5.5)指定。"}
  - id: arms-embargo
    section: term
    heading: {en: Arms embargo, zh: 武器禁运}
    pinyin: wuqi jinyun
    en: arms embargo
    zh: 武器禁运
    definition: {en: "See [](art:6.1).", zh: "见[](art:6.1)。"}
"""


def small(tmp_path, text=SMALL):
    """A termbase written to a temporary file, loaded against the test registry."""
    path = tmp_path / "terms.yml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return termbase.load(path, REGISTRY, "terms.yml")


def test_chinese_variant_is_reported_with_path_line_and_the_preferred_form(tmp_path):
    base = small(tmp_path)
    text = "---\nphase: c\n---\n\n# 标题\n\n由主管机构签发。\n"
    found = termcheck.check_page(text, "zh", "docs/x.zh.md", base)
    assert [str(p) for p in found] == [
        "docs/x.zh.md:7: 主管机构 — the termbase uses 国家主管当局 (glossary: competent national authority)"]


def test_the_longest_variant_is_reported_once(tmp_path):
    found = termcheck.check_page("设立国家主管机构。\n", "zh", "x.zh.md", small(tmp_path))
    assert [p.message for p in found] == ["国家主管机构"]


@pytest.mark.parametrize("line", [
    "《关于主管机构的指南》是一份文件。",           # a quoted title
    "“主管机构”一词见于其他文件。",                 # a quoted term
    "由主管机构签发。<!-- att:term-ok -->",        # the allow marker
    "代码`主管机构`不算。",                          # code
    "[链接](../主管机构.md)不算。",                  # a link target
])
def test_exempt_places_are_not_reported(tmp_path, line):
    assert termcheck.check_page(line + "\n", "zh", "x.zh.md", small(tmp_path)) == []


def test_kept_titles_and_fenced_code_are_not_reported(tmp_path):
    text = "# 主管机构\n\n```\n主管机构\n```\n"
    assert termcheck.check_page(text, "zh", "x.zh.md", small(tmp_path), kept_titles=("主管机构",)) == []
    assert len(termcheck.check_page(text, "zh", "x.zh.md", small(tmp_path))) == 1


def test_english_spelling_names_the_whole_word(tmp_path):
    text = "Authorisations are issued; the office authorised it.\nThe emphasis is fine; emphasise is not.\n"
    found = [str(p) for p in termcheck.check_page(text, "en", "x.md", small(tmp_path))]
    assert found == [
        "x.md:1: Authorisations — the termbase uses Authorizations (spelling: -ize, as in the Treaty)",
        "x.md:1: authorised — the termbase uses authorized (spelling: -ize, as in the Treaty)",
        "x.md:2: emphasise — the termbase uses emphasize (spelling: -ize, as in the Treaty)",
    ]


def test_schema_mistakes_are_listed_with_lines(tmp_path, caplog):
    broken = SMALL.replace("    pinyin: wuqi jinyun\n", "").replace("avoid: {en: [], zh: [主管机构, 国家主管机构]}",
                                                               "avoid: {en: [], zh: 主管机构}") \
                  .replace("art:6.1", "art:6.9") + "    colour: red\n"
    with pytest.raises(PluginError):
        small(tmp_path, broken)
    messages = [record.getMessage() for record in caplog.records]
    assert any(m.startswith("terms.yml:11: 'avoid' of a term entry has a wrong value (zh must be a list of words)") for m in messages)
    assert any("unknown key 'colour' in a term entry" in m for m in messages), messages


def test_definition_references_are_checked(tmp_path, caplog):
    with pytest.raises(PluginError):
        small(tmp_path, SMALL.replace("art:6.1", "art:6.9"))
    assert any("terms.yml:19: in the en definition of 'arms-embargo': Article 6 has no paragraph 9" in r.getMessage()
               for r in caplog.records)


def test_glossary_orders_english_a_to_z_and_chinese_by_pinyin():
    english = glossary.glossary_view(TERMBASE, REGISTRY, "en")
    chinese = glossary.glossary_view(TERMBASE, REGISTRY, "zh")
    english_titles = [e["title"] for g in english["groups"] for e in g["entries"]]
    assert english_titles == sorted(english_titles, key=str.lower)
    assert [g["letter"] for g in chinese["groups"]] == sorted(g["letter"] for g in chinese["groups"])
    pinyin_of = {t.id: t.pinyin for t in TERMBASE.terms}
    ids = [e["id"] for g in chinese["groups"] for e in g["entries"]]
    assert [pinyin_of[i] for i in ids] == sorted(pinyin_of[i] for i in ids)
    assert english["abbreviations"][0]["title"] == "ATT"


def test_the_fields_terms_are_kept_whole_by_the_search_segmenter():
    words = search_keywords.search_words(TERMBASE)
    assert {"国家管制清单", "最终用户证书", "风险评估"} <= set(words)
    segmenter.keep_whole(words)
    assert segmenter.segment("各国应提供国家管制清单和最终用户证书") == \
        ["各国", "应", "提供", "国家管制清单", "和", "最终用户证书"]


def test_pages_are_checked_against_the_registry_with_lines(tmp_path, caplog):
    broken = SMALL.replace("    zh: 武器禁运\n", "    zh: 武器禁运\n    pages: [e/prohibition, art:99, e/prohibitions]\n")
    with pytest.raises(PluginError):
        small(tmp_path, broken)
    messages = [record.getMessage() for record in caplog.records]
    assert any(m.startswith("terms.yml:19: 'pages' of 'arms-embargo': no page 'e/prohibition'")
               and "did you mean 'e/prohibitions'?" in m for m in messages), messages
    assert any(m.startswith("terms.yml:19: 'pages' of 'arms-embargo': no page 'art:99'")
               and "art:N (e.g. art:10)" in m for m in messages), messages


def test_page_keywords_reach_each_page_in_both_languages(tmp_path):
    text = SMALL.replace("    zh: 武器禁运\n", "    zh: 武器禁运\n    aliases: {en: [embargo], zh: [禁运]}\n"
                                              "    pages: [e/prohibitions, art:6]\n")
    keywords = search_keywords.page_keywords(small(tmp_path, text))
    assert keywords == {"e-authorization/prohibitions.md": ["arms embargo", "武器禁运", "embargo", "禁运"],
                        "articles/article-6.md": ["arms embargo", "武器禁运", "embargo", "禁运"]}


def test_the_termbase_sends_abbreviations_and_terms_to_the_pages_that_treat_them():
    keywords = search_keywords.page_keywords(TERMBASE)
    assert keywords["e-authorization/document-verification.md"][0] == "EUC"
    assert "最终用户证书" in keywords["e-authorization/document-verification.md"]
    assert "国家管制清单" in keywords["c-national-control-system/national-control-list.md"]
    assert "e-authorization/risk-assessment.md" not in keywords  # its entry names no page
