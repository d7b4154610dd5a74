"""The practical questions' code: the data it reads (on small data, tests/unit/data/questions.yml)
and the self-assessment view."""

from __future__ import annotations

import dataclasses

from attguide.assessment import questions
from attguide.assessment import views as question_views

import unitdata

REGISTRY = unitdata.registry()
DATA = questions.load(questions.path_beside(REGISTRY.path), REGISTRY)


def test_a_question_resting_on_an_obligation_is_marked_and_others_are_not():
    view = question_views.tool_view(DATA, REGISTRY, "en", lambda base: base, "csp13")
    shown = {q["key"]: q for phase in view["phases"] for topic in phase["topics"] for q in topic["questions"]}
    assert shown["e/decision-making/must-licence-contain-detailed"]["obligation"] is True
    assert shown["e/decision-making/must-licence-contain-detailed"]["provisions_by_language"]["zh"] == "第7条第5款"
    assert shown["b/national-consultation/standing-forum-once-law"]["obligation"] is False
    assert shown["e/decision-making/how-long-decision"]["obligation"] is False  # 7.7 is an encouragement
    assert view["count"] == sum(len(qs) for qs in DATA.by_topic.values())
    assert view["previous"].split() == ["csp12", "csp11", "csp10"]


def test_the_hash_follows_either_text_and_nothing_else():
    question = DATA.by_topic["e/risk-assessment"][0]
    assert dataclasses.replace(question, line=999).digest == question.digest
    for lang, extra in (("en", " "), ("zh", "？")):
        texts = dict(question.texts, **{lang: question.texts[lang] + extra})
        assert dataclasses.replace(question, texts=texts).digest != question.digest, lang
