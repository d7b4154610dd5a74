"""Unit tests of attguide.search: boosts per page kind, keywords in the search entries."""

from __future__ import annotations

import json

from attguide.search import index as search
from attguide.search import segmenter
from attguide.search import keywords
from attguide.build import split_search_index

import unitdata

REGISTRY = unitdata.registry()


def test_guidance_is_boosted_and_generated_pages_lowered():
    kinds = {"topic": {"phase": "e", "topic": "risk-assessment"}, "article": {"article": 7},
             "glossary": {"view": "glossary"}, "matrix": {"view": "matrix"},
             "translations": {"view": "translations"}, "list": {"view": "sources"}, "overview": {"phase": "e"}}
    boosts = {}
    for kind, meta in kinds.items():
        assert search.page_kind(meta) == kind
        search.set_boost(meta, kind)
        boosts[kind] = meta.get("search", {}).get("boost", 1.0)
    assert boosts["topic"] > boosts["article"] > boosts["overview"] == 1.0
    assert 0 < boosts["translations"] < boosts["matrix"] < boosts["glossary"] < 1.0
    assert search.page_kind({}, is_record=True) == "list"


def test_chinese_keywords_are_segmented_like_the_index():
    segmenter.keep_whole(keywords.search_words(unitdata.termbase(REGISTRY)))
    text = search.keywords_text(["EUC", "end-user certificate", "最终用户证书", "最终用途/最终用户文件"])
    assert text == "EUC end-user certificate 最终用户证书 最终用途\u200b/\u200b最终用户文件"


def test_keywords_land_on_the_page_entry_of_each_language(tmp_path):
    (tmp_path / "search").mkdir()
    docs = [{"location": "e/x/", "title": "X", "text": ""}, {"location": "e/x/#a", "title": "A", "text": ""},
            {"location": "zh/e/x/", "title": "X", "text": ""}]
    config = {"lang": ["en"], "separator": "[\\s]+", "pipeline": [], "fields": {"keywords": {"boost": 1000}}}
    (tmp_path / "search" / "search_index.json").write_text(json.dumps({"config": config, "docs": docs}))
    split_search_index(str(tmp_path), ["en", "zh"], keywords={"e/x/": "EUC", "zh/e/x/": "EUC 最终用户证书"})
    english = json.loads((tmp_path / "search" / "search_index.json").read_text())["docs"]
    chinese = json.loads((tmp_path / "zh" / "search" / "search_index.json").read_text())["docs"]
    assert [d.get("keywords") for d in english] == ["EUC", None]
    assert chinese == [{"location": "e/x/", "title": "X", "text": "", "keywords": "EUC 最终用户证书"}]
