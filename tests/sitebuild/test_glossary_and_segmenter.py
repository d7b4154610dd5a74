"""The generated glossary and the Chinese search index of the real site."""

from __future__ import annotations

import json
import re

import pytest

from attguide.read import terms as termbase
from attguide.read.registry import load

REGISTRY = load()
TERMS = termbase.load(termbase.path_beside(REGISTRY.path), REGISTRY)
HEADING_ID = re.compile(r'<h[2-4] id="([^"]+)"')


@pytest.mark.slow
def test_glossary_has_every_term_with_the_same_ids_in_both_languages(built_site):
    english = HEADING_ID.findall((built_site / "glossary" / "index.html").read_text(encoding="utf-8"))
    chinese = HEADING_ID.findall((built_site / "zh" / "glossary" / "index.html").read_text(encoding="utf-8"))
    assert {t.id for t in TERMS.terms} <= set(english)
    # Entry ids are identical; the jump-list letters are the English (A–Z) or pinyin initials.
    entries = lambda ids: {i for i in ids if not i.startswith("letter-")}  # noqa: E731
    assert entries(english) == entries(chinese)
    page = (built_site / "zh" / "glossary" / "index.html").read_text(encoding="utf-8")
    assert 'href="#letter-g"' in page and "本站不使用" in page
    assert 'href="art:' not in page and "../articles/article-5/" in page


@pytest.mark.slow
def test_chinese_index_keeps_the_fields_terms_whole(built_site):
    index = json.loads((built_site / "zh" / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(doc["text"] for doc in index["docs"])
    for word in ("国家管制清单", "最终用户证书", "风险评估"):
        assert word in text
    assert "国家\u200b管制\u200b清单" not in text and "风险\u200b评估" not in text
