"""Content tests over docs/: coverage of the seed's chart, lengths, translations, honesty."""

from __future__ import annotations

import re

import pytest

from attguide.editions import scaffold

from sitedata import (DOCS, REGISTRY, article_numbers, body, chinese_of, english_pages,
                      front_matter, phases, topics)

HEADING_ID = re.compile(r"^#{1,6} .*\{#([a-z0-9-]+)\}\s*$", re.MULTILINE)
REFERENCE = re.compile(r"\]\(((?:art|phase|topic|src):[^)\s]+)")
# The parts of every topic page (heading ids, identical in both languages), in reading order:
# the sections that `make new-topic` writes.
TOPIC_SECTIONS = tuple(section for section, _ in scaffold.TOPIC_SECTIONS)
H1 = re.compile(r"^# (.+?)\s*$", re.MULTILINE)
PLACEHOLDERS = re.compile(r"\b(TODO|TBD|FIXME|XXX|lorem ipsum|placeholder|to be completed)\b|"
                          r"being drafted|正在起草|待补充|待完成", re.IGNORECASE)
# Characters found only in Traditional Chinese: none may appear in Simplified text.
TRADITIONAL = set("與為說國條約實會這個關於產點結構協調權組織進確認從義務體應當對則時發轉讓評險規")


def english_words(text: str) -> int:
    """Words of prose: front matter, headings, link targets and markup left out."""
    text = re.sub(r"^#.*$", "", text, flags=re.MULTILINE)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    return len(re.findall(r"[A-Za-z][A-Za-z'’-]*", text))


def han_characters(text: str) -> int:
    """Chinese characters of a text."""
    return len(re.findall(r"[\u4e00-\u9fff]", text))


def topic_path(phase: dict, topic: dict):
    """English source file of a topic."""
    return DOCS / phase["dir"] / f"{topic['id']}.md"


TOPIC_IDS = [f"{phase['id']}/{topic['id']}" for phase, topic in topics()]


def test_the_chart_has_37_topics():
    assert len(TOPIC_IDS) == 37


@pytest.mark.parametrize("key", TOPIC_IDS)
def test_topic_page_in_both_languages_with_the_seeds_titles(key):
    phase, topic = next((p, t) for p, t in topics() if f"{p['id']}/{t['id']}" == key)
    english = topic_path(phase, topic)
    chinese = chinese_of(english)
    assert english.exists() and chinese.exists(), key
    assert H1.search(body(english)).group(1) == topic["en"]
    assert H1.search(body(chinese)).group(1) == topic["zh"], "the Chinese title is the seed's chart label"


@pytest.mark.parametrize("key", TOPIC_IDS)
def test_topic_page_is_substantial_and_fully_translated(key):
    phase, topic = next((p, t) for p, t in topics() if f"{p['id']}/{t['id']}" == key)
    english = body(topic_path(phase, topic))
    chinese = body(chinese_of(topic_path(phase, topic)))
    words = english_words(english)
    assert words >= 350, f"{key}: {words} English words, at least 350 expected"
    assert han_characters(chinese) >= 1.1 * words, f"{key}: the Chinese page looks like a summary"
    assert HEADING_ID.findall(english) == HEADING_ID.findall(chinese), f"{key}: sections differ"
    assert REFERENCE.findall(english) == REFERENCE.findall(chinese), f"{key}: references differ"
    present = [section for section in HEADING_ID.findall(english) if section in TOPIC_SECTIONS]
    assert present == list(TOPIC_SECTIONS), f"{key}: sections {present}, expected {list(TOPIC_SECTIONS)}"


def section_text(markdown: str, section: str) -> str:
    """The Markdown of one ``## … {#section}`` up to the next second-level heading."""
    match = re.search(r"^## .*\{#" + section + r"\}\s*$(.*?)(?=^## |\Z)", markdown, re.MULTILINE | re.DOTALL)
    return match.group(1) if match else ""


@pytest.mark.parametrize("key", TOPIC_IDS)
def test_topic_page_has_steps_pitfalls_and_sources_in_both_languages(key):
    phase, topic = next((p, t) for p, t in topics() if f"{p['id']}/{t['id']}" == key)
    path = topic_path(phase, topic)
    for page in (path, chinese_of(path)):
        text = body(page)
        steps = re.findall(r"^\d+\. ", section_text(text, "steps"), re.MULTILINE)
        assert len(steps) >= 6, f"{page.name}: {len(steps)} numbered steps, at least 6 expected"
        pitfalls = re.findall(r"^[-*] ", section_text(text, "pitfalls"), re.MULTILINE)
        assert len(pitfalls) >= 3, f"{page.name}: {len(pitfalls)} pitfalls, at least 3 expected"
        for part in ("requires", "encouraged", "example"):
            assert section_text(text, part).strip(), f"{page.name}: the '{part}' section is empty"
    cited = set(front_matter(path).get("sources") or []) | {
        ref.split(":", 1)[1] for ref in REFERENCE.findall(body(path)) if ref.startswith("src:")}
    assert cited, f"{key} cites no source (front matter 'sources:' or [](src:…))"


@pytest.mark.parametrize("phase", [p["dir"] for p in phases()])
def test_phase_overview_is_at_least_200_words(phase):
    english = DOCS / phase / "index.md"
    assert english_words(body(english)) >= 200
    assert han_characters(body(chinese_of(english))) >= 1.1 * 200
    assert HEADING_ID.findall(body(english)) == HEADING_ID.findall(body(chinese_of(english)))


@pytest.mark.parametrize("page", english_pages(), ids=lambda p: p.relative_to(DOCS).as_posix())
def test_no_placeholder_text_and_simplified_chinese(page):
    for path in (page, chinese_of(page)):
        text = path.read_text(encoding="utf-8")
        found = PLACEHOLDERS.search(text)
        assert not found, f"{path.relative_to(DOCS)}: placeholder text {found.group(0)!r}"
    traditional = TRADITIONAL & set(chinese_of(page).read_text(encoding="utf-8"))
    assert not traditional, f"Traditional characters in {chinese_of(page).name}: {''.join(sorted(traditional))}"


@pytest.mark.parametrize("page", english_pages(), ids=lambda p: p.relative_to(DOCS).as_posix())
def test_heading_ids_and_status_match_across_languages(page):
    english, chinese = body(page), body(chinese_of(page))
    assert HEADING_ID.findall(english) == HEADING_ID.findall(chinese)
    assert front_matter(page).get("status") in REGISTRY["statuses"], "every page shows a status"


def test_every_article_1_to_16_is_addressed_by_a_topic():
    covered = set()
    for phase, topic in topics():
        covered |= article_numbers(front_matter(topic_path(phase, topic)).get("articles"))
    missing = sorted(set(range(1, 17)) - covered)
    assert not missing, f"articles not referenced by any topic: {missing}"


@pytest.mark.parametrize("key", TOPIC_IDS)
def test_topic_references_an_article_and_another_phase(key):
    phase, topic = next((p, t) for p, t in topics() if f"{p['id']}/{t['id']}" == key)
    path = topic_path(phase, topic)
    meta = front_matter(path)
    assert meta.get("articles"), f"{key} lists no article"
    linked = list(meta.get("related") or []) + [ref.split(":", 1)[1] for ref in REFERENCE.findall(body(path))
                                                 if ref.startswith("topic:")]
    assert any(item.split("/")[0] != phase["id"] for item in linked if "/" in item), \
        f"{key} links to no topic of another phase"


@pytest.mark.parametrize("number", [a["number"] for a in REGISTRY["articles"]])
def test_article_page_describes_the_article(number):
    english = DOCS / "articles" / f"article-{number}.md"
    assert english_words(body(english)) >= 60
    assert han_characters(body(chinese_of(english))) >= 60
