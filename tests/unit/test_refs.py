"""Unit tests of reference scanning, parsing and rewriting."""

from __future__ import annotations

import pytest

from attguide.read import refs

import unitdata

REGISTRY = unitdata.registry()


def test_scan_finds_links_with_lines_and_skips_code():
    text = ("Intro [](art:7) and [text](topic:e/risk-assessment).\n"
            "`[](art:99)` in a code span\n"
            "```\n[](art:98)\n```\n"
            "Last [](phase:c \"title\")\n"
            "![image](art:7) is not a reference\n")
    links = refs.scan(text, first_line=10)
    assert [(link.url, link.line) for link in links] == [
        ("art:7", 10), ("topic:e/risk-assessment", 10), ("phase:c", 15)]
    assert links[1].text == "text"
    assert links[2].title == ' "title"'


@pytest.mark.parametrize("url, kind, key, paragraph, path", [
    ("art:7", "art", "7", None, "articles/article-7.md"),
    ("art:7.3", "art", "7", 3, "articles/article-7.md"),
    ("phase:e", "phase", "e", None, "e-authorization/index.md"),
    ("phase:cooperation", "phase", "cooperation", None, "cooperation/index.md"),
    ("topic:e/risk-assessment", "topic", "e/risk-assessment", None, "e-authorization/risk-assessment.md"),
    ("topic:risk-assessment", "topic", "e/risk-assessment", None, "e-authorization/risk-assessment.md"),
    ("topic:h/inter-agency-coordination", "topic", "h/inter-agency-coordination", None,
     "h-enforcement/inter-agency-coordination.md"),
])
def test_parse_valid_targets(url, kind, key, paragraph, path):
    target = refs.parse_target(url, REGISTRY)
    assert (target.kind, target.key, target.paragraph, target.path) == (kind, key, paragraph, path)


@pytest.mark.parametrize("url, message, hint", [
    ("art:13", "unknown article 'art:13'", "articles 1–12"),
    ("art:0", "unknown article 'art:0'", "articles 1–12"),
    ("art:seven", "'art:seven' is not an article reference", "e.g. art:7"),
    ("art:7.8", "Article 7 has no paragraph 8", "7.1–7.7"),
    ("art:9.1", "Article 9 has no numbered paragraphs", "write art:9"),
    ("phase:j", "unknown phase 'phase:j'", "valid phases: a, b, c"),
    ("topic:e/risk-assesment", "unknown topic 'topic:e/risk-assesment'", "did you mean 'topic:e/risk-assessment'?"),
    ("topic:inter-agency-coordination", "is ambiguous", "topic:c/inter-agency-coordination or topic:h/inter-agency-coordination"),
    ("topic:x/risk-assessment", "unknown phase 'x'", "did you mean 'topic:e/risk-assessment'?"),
])
def test_parse_invalid_targets(url, message, hint):
    with pytest.raises(refs.RefError) as caught:
        refs.parse_target(url, REGISTRY)
    assert message in caught.value.message
    assert hint in caught.value.hint


@pytest.mark.parametrize("lang, expected", [
    ("en", "See [Article 7(3)](../articles/article-7.md) and [my text](../c-national-control-system/index.md)."),
    ("zh", "See [第7条第3款](../articles/article-7.md) and [my text](../c-national-control-system/index.md)."),
])
def test_rewrite_fills_empty_text_in_the_page_language(lang, expected):
    text = "See [](art:7.3) and [my text](phase:c)."
    links = [(link, refs.parse_target(link.url, REGISTRY)) for link in refs.scan(text)]
    page = "e-authorization/risk-assessment.zh.md" if lang == "zh" else "e-authorization/risk-assessment.md"
    assert refs.rewrite(text, links, page, REGISTRY, lang) == expected


def test_topic_and_phase_titles_follow_the_language():
    topic = refs.parse_target("topic:i/delivery-verification-certificates", REGISTRY)
    assert topic.title(REGISTRY, "zh") == "DVC"
    assert topic.title(REGISTRY, "en") == "Delivery verification certificates (DVC)"
    assert refs.parse_target("phase:h", REGISTRY).title(REGISTRY, "zh") == "执法安排"
