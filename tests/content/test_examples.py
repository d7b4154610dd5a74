"""Worked examples say they are hypothetical; the practical-questions preface stands once per phase.

Every worked example describes an invented State, so its first sentence says so in both
languages ("Hypothetical example:" / "假设示例："). The sentence that introduces the practical
questions (they are the site's own; the WGETI work plan has its own list) is written once, on
each phase overview, not repeated on every topic page.
"""

from __future__ import annotations

import re

import pytest

from sitedata import DOCS, body, chinese_of, english_pages, phases, topics

LEAD = {"en": "Hypothetical example: ", "zh": "假设示例："}
WORK_PLAN = "](src:nip-work-plan)"
# Wordings of the old per-page preface, in both languages.
PREFACE = re.compile(r"questions below are this site's own|These questions are the site's own|"
                     r"以下问题由本站拟|以下问题是本站")


def section(markdown: str, section_id: str) -> str | None:
    """The text of the ``## … {#section_id}`` section, or None when the page has none."""
    match = re.search(r"^## .*\{#" + section_id + r"\}\s*$(.*?)(?=^## |\Z)", markdown, re.MULTILINE | re.DOTALL)
    return match.group(1) if match else None


PAGES_WITH_EXAMPLES = [page for page in english_pages() if section(body(page), "example") is not None]
TOPIC_PAGES = [DOCS / phase["dir"] / f"{topic['id']}.md" for phase, topic in topics()]


def test_the_topic_pages_and_tools_have_worked_examples():
    assert len(PAGES_WITH_EXAMPLES) >= 37


@pytest.mark.parametrize("page", PAGES_WITH_EXAMPLES, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_every_worked_example_opens_by_saying_it_is_hypothetical(page):
    for path, lang in ((page, "en"), (chinese_of(page), "zh")):
        text = section(body(path), "example")
        assert text is not None, f"{path.relative_to(DOCS)}: no example section"
        first = text.strip().splitlines()[0]
        assert first.startswith(LEAD[lang]), (
            f"{path.relative_to(DOCS)}: the worked example opens with {first[:50]!r} — "
            f"open it with {LEAD[lang]!r}")


@pytest.mark.parametrize("page", TOPIC_PAGES, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_topic_pages_do_not_repeat_the_questions_preface(page):
    for path in (page, chinese_of(page)):
        questions = section(body(path), "questions")
        # The questions live in data (hooks/data/questions.yml), shown at the marker: the
        # section holds nothing else, so there is no preface to repeat.
        questions = (questions or "").replace("<!-- att:questions -->", "")
        if not questions.strip():
            continue
        assert not PREFACE.search(questions), f"{path.relative_to(DOCS)}: the questions preface belongs on the phase overview"
        assert WORK_PLAN not in questions, f"{path.relative_to(DOCS)}: the work plan is cited once, on the phase overview"
        first = questions.strip().splitlines()[0]
        assert first.startswith("- "), f"{path.relative_to(DOCS)}: the questions section opens with {first[:50]!r}, not a question"


@pytest.mark.parametrize("phase", [p for p in phases() if p.get("topics")], ids=lambda p: p["dir"])
def test_each_phase_overview_introduces_the_questions_once(phase):
    for path in (DOCS / phase["dir"] / "index.md", chinese_of(DOCS / phase["dir"] / "index.md")):
        topics_section = section(body(path), "topics") or ""
        assert topics_section.count(WORK_PLAN) == 1, f"{path.relative_to(DOCS)}: one preface citing the work plan expected"
