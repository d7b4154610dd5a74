"""The practical questions' data (hooks/data/questions.yml) and its views."""

from __future__ import annotations

import dataclasses
import re

from attguide.assessment import questions
from attguide.assessment import views as question_views
from attguide.read.registry import DEFAULT_PATH, load

from support import ROOT

REGISTRY = load()
DATA = questions.load(questions.path_beside(DEFAULT_PATH), REGISTRY)
KEYS = tuple(questions.KINDS) + tuple(questions.STATUSES)


def test_every_topic_with_a_questions_section_has_its_questions_in_the_data():
    for phase in REGISTRY.phases.values():
        for topic in phase.topics:
            page = ROOT / "docs" / phase.topic_path(topic)
            if not page.exists() or "{#questions}" not in page.read_text(encoding="utf-8"):
                continue
            assert len(DATA.by_topic.get(topic.key, ())) >= 3, topic.key


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
    missing = sorted(key for key in used if key not in DATA.strings)
    assert not missing, missing
    assert all(texts["en"] and texts["zh"] for texts in DATA.strings.values())


def test_a_question_resting_on_an_obligation_is_marked_and_others_are_not():
    view = question_views.tool_view(DATA, REGISTRY, "en", lambda base: base, "csp13")
    shown = {q["key"]: q for phase in view["phases"] for topic in phase["topics"] for q in topic["questions"]}
    assert shown["e/decision-making/must-licence-contain-detailed"]["obligation"] is True
    assert shown["e/decision-making/must-licence-contain-detailed"]["provisions_by_language"]["zh"] == "第7条第5款"
    assert shown["b/national-consultation/standing-forum-once-law"]["obligation"] is False
    assert view["count"] == sum(len(qs) for qs in DATA.by_topic.values())
    assert view["previous"].split() == ["csp12", "csp11", "csp10"]


def test_the_hash_follows_either_text_and_nothing_else():
    question = DATA.by_topic["e/risk-assessment"][0]
    assert dataclasses.replace(question, line=999).digest == question.digest
    for lang, extra in (("en", " "), ("zh", "？")):
        texts = dict(question.texts, **{lang: question.texts[lang] + extra})
        assert dataclasses.replace(question, texts=texts).digest != question.digest, lang
