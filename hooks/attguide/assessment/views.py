"""Views of the practical questions: a topic page's list and the Self-assessment tool."""

from __future__ import annotations

from ..read import languages
from ..read.registry import Registry
from .questions import KINDS, STATUSES, STORAGE_PREFIX, Question, Questions


def topic_view(questions: Questions, topic_key: str, lang: str) -> list[dict]:
    """A topic page's questions in ``lang``."""
    return [{"id": q.id, "text": q.text(lang)} for q in questions.by_topic.get(topic_key, ())]


def _obligation(question: Question, registry: Registry) -> bool:
    force = registry.force
    return bool(force) and any("obligation" in force.forces(ref.number, ref.paragraph) for ref in question.articles)


def tool_view(questions: Questions, registry: Registry, lang: str, link, edition: str) -> dict:
    """Every phase, topic and question for the Self-assessment page (texts in both languages,
    for the report), the page's strings, and what the script needs to key the answers."""
    t = registry.strings(lang)
    phases = []
    for phase in registry.phases.values():
        topics = []
        for topic in phase.topics:
            shown = []
            for q in questions.by_topic.get(topic.key, ()):
                labels = {code: ", ".join(registry.articles[ref.number].label(code, ref.paragraph)
                                          for ref in q.articles) for code in languages.codes()}
                shown.append({"key": q.key, "id": q.id, "text": q.text(lang), "texts": q.texts, "hash": q.digest,
                              "obligation": _obligation(q, registry), "provisions": labels[lang],
                              "provisions_by_language": labels})
            if shown:
                topics.append({"key": topic.key, "title": topic.title(lang), "texts": topic.titles,
                               "url": link(phase.topic_path(topic)), "questions": shown})
        if topics:
            phases.append({"id": phase.id, "title": phase.label(lang), "topics": topics,
                           "texts": {code: phase.label(code) for code in languages.codes()}})
    older = sorted((c for c in registry.cycles.values() if c.number < registry.cycles[edition].number),
                   key=lambda c: -c.number) if edition in registry.cycles else []
    return {"phases": phases, "edition": edition, "previous": " ".join(c.id for c in older),
            "storage": STORAGE_PREFIX, "statuses": STATUSES, "kinds": KINDS,
            "obligation": t.get("force_obligation", "Obligation"),
            "count": sum(len(topic["questions"]) for phase in phases for topic in phase["topics"]),
            "strings": {code: dict(questions.t(code), obligation=registry.strings(code).get("force_obligation", ""))
                        for code in languages.codes()}}
