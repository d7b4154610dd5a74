"""Browser tests of search: per-language index on demand, ranking, vocabulary, Chinese terms,
treaty references, synonyms and one-letter slips.

The queries are a handful of those in tests/search/queries.yml (`make search-eval` runs all).
Chinese is inserted and then a key is pressed, as an input method commits text
(browser_support.ranked_pages).
"""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from browser_support import SEARCH_INPUT, ranked_pages, wait_for_search

pytestmark = pytest.mark.browser

HOMES = {"en": "", "zh": "zh/"}
PROBES = {"en": "treaty", "zh": "条约"}


def open_search(page, site_url: str, lang: str) -> str:
    """Open the language's home, reach for search, wait for the index; return the home URL."""
    home = site_url + HOMES[lang]
    page.goto(home)
    wait_for_search(page, PROBES[lang])
    return home


def first_pages(page, home: str, query: str, n: int = 3) -> list[str]:
    """The first ``n`` result pages of ``query``, relative to the language's home."""
    return [url[len(home):] for url in ranked_pages(page, query)[:n]]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_language_loads_only_its_own_index_and_only_on_demand(page, site_url, lang):
    indexes = []
    page.on("response", lambda r: indexes.append(r) if r.url.endswith("search_index.json") else None)
    page.goto(site_url + HOMES[lang] + "e-authorization/risk-assessment/", wait_until="networkidle")
    assert not indexes, "the index was downloaded before the reader reached for search"
    scripts = page.evaluate("() => performance.getEntriesByType('resource').map(e => e.name)")
    assert not [url for url in scripts if url.endswith("att-search.js")], "the query script loaded without a search"
    wait_for_search(page, PROBES[lang])
    assert [r.url for r in indexes] == [site_url + HOMES[lang] + "search/search_index.json"]
    scripts = page.evaluate("() => performance.getEntriesByType('resource').map(e => e.name)")
    assert [url for url in scripts if url.endswith("att-search.js")] == [site_url + "assets/javascripts/att-search.js"]
    docs = json.loads(indexes[0].body())["docs"]
    assert docs and not any(d["location"].startswith("zh/") for d in docs)
    chinese = sum(1 for d in docs if re.search(r"[\u4e00-\u9fff]", d["title"]))
    assert (chinese > len(docs) / 2) == (lang == "zh"), "the index holds the other language's pages"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_euc_finds_the_end_use_documentation_guidance_first(page, site_url, lang):
    home = open_search(page, site_url, lang)
    assert first_pages(page, home, "EUC")[:1] == ["e-authorization/document-verification/"]


@pytest.mark.parametrize("lang, query", [("en", "arms embargo"), ("zh", "武器禁运"), ("zh", "arms embargo")])
def test_arms_embargo_finds_the_prohibitions_guidance_first(page, site_url, lang, query):
    home = open_search(page, site_url, lang)
    assert first_pages(page, home, query)[:1] == ["e-authorization/prohibitions/"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_unroca_finds_the_national_control_list(page, site_url, lang):
    home = open_search(page, site_url, lang)
    assert "c-national-control-system/national-control-list/" in first_pages(page, home, "UNROCA")


@pytest.mark.parametrize("lang, query", [("en", "overriding risk"), ("zh", "压倒性风险"), ("zh", "最终用户证书")])
def test_guidance_ranks_above_the_glossary(page, site_url, lang, query):
    home = open_search(page, site_url, lang)
    found = first_pages(page, home, query, n=10)
    assert "glossary/" in found, "the glossary must stay findable"
    assert found[0] != "glossary/", found


def test_a_chinese_term_is_searched_and_highlighted_whole(page, site_url):
    home = open_search(page, site_url, "zh")
    assert first_pages(page, home, "风险评估")[:1] == ["e-authorization/risk-assessment/"]
    first = page.locator(".md-search-result__item").first
    marks = set(first.locator("mark").all_inner_texts())
    assert "风险评估" in marks, marks
    assert "风险" not in marks, f"only part of the term is highlighted: {marks}"
    link = first.locator("a").first.get_attribute("href")
    assert parse_qs(urlsplit(link).query).get("h") == ["风险评估"], link


def test_the_query_in_the_search_field_is_what_the_reader_typed(page, site_url):
    open_search(page, site_url, "zh")
    ranked_pages(page, "国家管制清单")
    assert page.input_value(SEARCH_INPUT) == "国家管制清单"


@pytest.mark.parametrize("lang, query", [("en", "export assessment"), ("en", "presentations"), ("zh", "陈述")])
def test_snippets_carry_no_placeholder_or_layout_text(page, site_url, lang, query):
    open_search(page, site_url, lang)
    ranked_pages(page, query)
    texts = page.locator(".md-search-result__item").all_inner_texts()
    assert texts
    for text in texts:  # matrix cells ("—none"), empty coverage figures ("none yet", "暂无")
        assert not re.search(r"—\s*(none|无)|none yet|暂无", text), text


# -- issue 24: treaty references, synonyms, one-letter slips --------------------------------------

@pytest.mark.parametrize("lang, query, article", [
    ("en", "Article 7(4)", 7), ("en", "7(4)", 7), ("en", "art. 2(1)", 2), ("en", "Article 11", 11),
    ("zh", "第7条第4款", 7), ("zh", "第七条第四款", 7), ("zh", "第十一条", 11), ("zh", "第二十八条", 28),
    ("zh", "Article 7(4)", 7),
])
def test_a_treaty_reference_finds_the_article_page_first(page, site_url, lang, query, article):
    home = open_search(page, site_url, lang)
    found = first_pages(page, home, query, n=10)
    assert found[:1] == [f"articles/article-{article}/"], found
    if article == 7:  # pages that mention the article follow it (the risk assessment cites 7(4))
        assert "e-authorization/risk-assessment/" in found[1:], found


@pytest.mark.parametrize("lang, query, pages", [
    ("en", "re-export", ["i-post-delivery/transfer-assurances/", "e-authorization/mitigation/"]),
    ("en", "appeal against a licence refusal", ["e-authorization/review-of-decisions/"]),
    ("zh", "再出口", ["i-post-delivery/transfer-assurances/", "e-authorization/mitigation/"]),
    ("zh", "拒绝许可的申诉", ["e-authorization/review-of-decisions/"]),
    ("zh", "复议", ["e-authorization/review-of-decisions/"]),
])
def test_a_synonym_finds_the_page_that_treats_the_matter(page, site_url, lang, query, pages):
    home = open_search(page, site_url, lang)
    found = first_pages(page, home, query)
    assert found[:1] and found[0] in pages, found


@pytest.mark.parametrize("lang, query, expected", [
    ("en", "diverson", "articles/article-11/"), ("en", "mitigaton measures", "e-authorization/mitigation/"),
    ("en", "litigaiton", "f-information/litigation/"),
    ("zh", "diverson", "articles/article-11/"), ("zh", "embrago", "e-authorization/prohibitions/"),
])
def test_one_letter_wrong_missing_or_swapped_still_finds_the_page(page, site_url, lang, query, expected):
    home = open_search(page, site_url, lang)
    assert first_pages(page, home, query)[:1] == [expected]
    assert page.input_value(SEARCH_INPUT) == query, "the search field must keep what the reader typed"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_only_long_unknown_words_are_made_forgiving(page, site_url, lang):
    open_search(page, site_url, lang)
    rewrite = "q => window.attSearchMessage({type: 2, data: q}).data"
    assert page.evaluate(rewrite, "arms diverson") == "arms diverson~1"   # a short word stays exact
    assert page.evaluate(rewrite, "diversion") == "diversion"             # a known word stays as typed
    assert page.evaluate(rewrite, "divers") == "divers"                   # the start of a known word too
    assert page.evaluate(rewrite, "Article 7(4)") == "art7~0 7"
    assert page.evaluate(rewrite, "第十一条") == "art11~0 11"
    assert page.evaluate(rewrite, "Article 99") == "Article 99"            # no such article: left alone


@pytest.mark.parametrize("lang, query, made", [("en", "Article 7(4)", "art7"), ("en", "diverson", "diverson"),
                                               ("zh", "第七条第四款", "art7"), ("zh", "diverson", "diverson")])
def test_the_words_search_made_are_never_shown(page, site_url, lang, query, made):
    open_search(page, site_url, lang)
    ranked_pages(page, query)
    items = page.locator(".md-search-result__item")
    assert made not in " ".join(items.all_inner_texts()), "a result shows a word the reader did not type"
    links = page.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.href)")
    assert links and not [link for link in links if made in parse_qs(urlsplit(link).query).get("h", [""])[0]], links
