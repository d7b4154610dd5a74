"""Checks of the practical questions against the pages: every topic page shows its questions,
and their texts follow the termbase as a page's Markdown must. ``path:line`` messages."""

from __future__ import annotations

from ..check.termcheck import check_page
from ..read import languages
from ..read.problems import Problems
from .questions import MARKER, Questions


def check(model, questions: Questions, termbase, docs_prefix: str) -> Problems:
    """Every check across the questions and the pages: the pages show them
    (:func:`check_pages`), and their texts use the termbase's forms, as pages must."""
    problems = check_pages(model, questions, docs_prefix)
    if termbase is None or not questions:
        return problems
    for lang in languages.codes():
        texts = {q.text_lines[lang]: q.text(lang) for qs in questions.by_topic.values() for q in qs}
        lines = [""] * (max(texts) if texts else 0)
        for number, text in texts.items():
            lines[number - 1] = text
        for problem in check_page("\n".join(lines), lang, questions.path, termbase):
            problems.add(problem.path, problem.line, problem.message, problem.hint)
    return problems


def check_pages(model, questions: Questions, docs_prefix: str) -> Problems:
    """A topic page with questions in the data must show them: its ``{#questions}`` section
    holds the marker (else the questions would be in the tool only); a marker on a page
    whose topic has none shows nothing."""
    problems = Problems()
    if not questions:
        return problems
    for page in (page for pages in model.pages.values() for page in pages.values()):
        meta = page.meta
        key = f"{meta.get('phase')}/{meta.get('topic')}" if meta.get("topic") else None
        if key is None:
            continue
        shown = f"{docs_prefix}/{page.path}" if docs_prefix else page.path
        lines = page.text.split("\n")
        at = next((i + 1 for i, text in enumerate(lines) if text.strip() == MARKER), None)
        if questions.by_topic.get(key) and at is None:
            heading = next((i + 1 for i, text in enumerate(lines) if "{#questions}" in text), 1)
            problems.add(shown, heading, f"the practical questions of '{key}' in {questions.path} are not shown",
                         f"put the line {MARKER} in the section {{#questions}}")
        elif at is not None and not questions.by_topic.get(key):
            problems.add(shown, at, f"{MARKER} shows nothing: {questions.path} has no questions for '{key}'",
                         f"add the topic's questions to {questions.path} or remove the line")
    return problems
