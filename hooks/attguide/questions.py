"""The practical questions of every topic (``data/questions.yml``): read, checked, viewed.

One file holds, per topic, its questions in both languages with a stable id and the
article paragraphs each rests on. The topic pages show them where the page has the line
``<!-- att:questions -->``; the Self-assessment tool (``view: self-assessment``) renders
every phase, topic and question as a form (``partials/att/self-assessment.html``, enhanced
by ``assets/javascripts/att-self-assessment.js``). The file also holds the tool's interface
strings, in both languages, because the tool's report can be printed in either language
whatever the page's. Every mistake is reported as ``path:line: what — fix`` and the build
fails once, listing them all.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from .problems import Problems
from .refs import ArticleRef
from .registry import Registry
from .yamlsource import child, items, key_lines, line_of, literal, read

FILE_NAME = "questions.yml"
MARKER = "<!-- att:questions -->"
VIEW = "self-assessment"
TOOL_PAGE = "tools/self-assessment.md"  # the tool's page, linked from the topic pages
STORAGE_PREFIX = "att-self-assessment:"
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_KEYS = ("id", "en", "zh", "articles")
# The answers a reader can give, and the kinds of assistance of Article 16(1), in order.
STATUSES = ("in-place", "partly", "not-yet", "not-applicable", "unknown")
KINDS = ("legal", "capacity", "technical", "material", "financial")


@dataclass(frozen=True)
class Question:
    """One practical question of a topic."""

    topic: str  # phase/topic
    id: str
    en: str
    zh: str
    articles: tuple[ArticleRef, ...] = ()
    line: int = 0
    text_lines: tuple[int, int] = (0, 0)  # lines of its en and zh texts

    @property
    def key(self) -> str:
        """Id across the site: ``e/risk-assessment/sources-information``."""
        return f"{self.topic}/{self.id}"

    @property
    def digest(self) -> str:
        """Hash of both texts: a changed text marks the question as changed in a new edition."""
        return hashlib.sha256(f"{self.en}\n{self.zh}".encode("utf-8")).hexdigest()[:12]

    def text(self, lang: str) -> str:
        """The question in ``lang``."""
        return self.zh if lang == "zh" else self.en


@dataclass
class Questions:
    """Every topic's questions, in file order, and the tool's interface strings."""

    by_topic: dict[str, list[Question]] = field(default_factory=dict)
    strings: dict[str, dict[str, str]] = field(default_factory=dict)  # key -> {en, zh}
    path: str = ""

    def __bool__(self) -> bool:
        """True when at least one question is recorded."""
        return any(self.by_topic.values())

    def t(self, lang: str) -> dict[str, str]:
        """The tool's strings in ``lang``."""
        return {key: texts[lang] for key, texts in self.strings.items()}


def path_beside(registry_path: str | Path) -> Path:
    """``questions.yml`` in the folder of a registry file."""
    return Path(registry_path).parent / FILE_NAME


def load(path: str | Path, registry: Registry, shown: str | None = None) -> Questions:
    """Read and check the file; raise ``PluginError`` listing every problem. No file: none."""
    path = Path(path)
    shown = shown or str(path)
    if not path.exists():
        return Questions(path=shown)
    problems = Problems()
    root, data = read(path.read_text(encoding="utf-8-sig"), shown, problems, "the questions file")
    result = Questions(path=shown)
    if root is not None:
        if not isinstance(data, dict) or not isinstance(data.get("questions"), dict):
            problems.add(shown, line_of(root), "the questions file has no 'questions:' mapping",
                         "write 'questions:' then one 'phase/topic:' key per topic with its list of questions")
        else:
            _topics(data["questions"], child(root, "questions"), registry, shown, problems, result)
            _strings(data.get("interface"), child(root, "interface"), shown, problems, result)
    problems.raise_if_any("the questions file")
    return result


def _topics(raw: dict, node, registry: Registry, shown: str, problems: Problems, result: Questions) -> None:
    lines = key_lines(node)
    values = {key.value: value for key, value in node.value}
    for topic_key, entries in raw.items():
        where = lines.get(topic_key, line_of(node))
        topic = registry.topic(str(topic_key))
        if topic is None:
            near = registry.suggest_topic(str(topic_key))
            problems.add(shown, where, f"unknown topic '{topic_key}'",
                         f"did you mean '{near}'?" if near else "use a 'phase/topic' key of registry.yml, e.g. e/risk-assessment")
            continue
        if not isinstance(entries, list):
            problems.add(shown, where, f"the questions of '{topic_key}' are not a list",
                         "write one '- id: …' entry per question under the topic")
            continue
        seen: dict[str, int] = {}
        found = []
        for entry, item in zip(entries, items(values[topic_key])):
            question = _question(entry, item, topic.key, registry, shown, problems, seen)
            if question is not None:
                found.append(question)
        result.by_topic[topic.key] = found


def _question(raw, node, topic: str, registry: Registry, shown: str, problems: Problems,
              seen: dict[str, int]) -> Question | None:
    line = line_of(node)
    if not isinstance(raw, dict):
        problems.add(shown, line, f"a question of '{topic}' is not a set of 'key: value' lines",
                     "write '- id: …' then 'en: …', 'zh: …' and, if it rests on provisions, 'articles: [7.1]'")
        return None
    lines = key_lines(node, line)
    ok = True
    for key in raw:
        if key not in _KEYS:
            problems.add(shown, lines.get(key, line), f"unknown key '{key}' in a question of '{topic}'",
                         "allowed keys: " + ", ".join(_KEYS))
            ok = False
    qid = raw.get("id")
    name = f"question '{qid}' of '{topic}'" if qid else f"a question of '{topic}'"
    if qid is None:
        problems.add(shown, line, f"{name} has no id", "add 'id: a-short-slug', unique in the topic and never reused")
        ok = False
    elif not isinstance(qid, str) or not _ID.match(qid):
        problems.add(shown, lines.get("id", line), f"the id '{qid}' of a question of '{topic}' is not a slug",
                     "write lowercase letters, digits and hyphens, e.g. 'written-criteria'")
        ok = False
    elif qid in seen:
        problems.add(shown, lines.get("id", line), f"duplicate id '{qid}' in '{topic}' (first on line {seen[qid]})",
                     "give each question of a topic its own id")
        ok = False
    else:
        seen[qid] = lines.get("id", line)
    for lang, language in (("en", "English"), ("zh", "Chinese")):
        text = raw.get(lang)
        if not isinstance(text, str) or not text.strip():
            problems.add(shown, lines.get(lang, line), f"{name} has no {language} text ({lang})",
                         f"add '{lang}: …' with the question in {language}")
            ok = False
    articles = _articles(raw.get("articles"), child(node, "articles"), name, registry, shown, problems,
                         lines.get("articles", line))
    if not ok or articles is None:
        return None
    return Question(topic, qid, raw["en"].strip(), raw["zh"].strip(), articles, line,
                    (lines.get("en", line), lines.get("zh", line)))


def _articles(raw, node, name: str, registry: Registry, shown: str, problems: Problems,
              line: int) -> tuple[ArticleRef, ...] | None:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        problems.add(shown, line, f"'articles' of {name} is not a list", "write a list such as [7.1, 7.3]")
        return None
    refs, ok = [], True
    for item in items(node):
        text = literal(item)
        ref = ArticleRef.parse(text) if text is not None else None
        article = registry.articles.get(ref.number) if ref else None
        if article is None or (ref.paragraph is not None and not 1 <= ref.paragraph <= article.paragraphs):
            problems.add(shown, line_of(item), f"{name} rests on '{text}', which is not a provision of the Treaty",
                         f"write an article {registry.article_range()} or one of its numbered paragraphs, e.g. 7.3")
            ok = False
            continue
        refs.append(ref)
    return tuple(refs) if ok else None


def _strings(raw, node, shown: str, problems: Problems, result: Questions) -> None:
    if raw is None:
        return
    if not isinstance(raw, dict):
        problems.add(shown, line_of(node), "'interface' is not a mapping", "write 'key: {en: …, zh: …}' lines")
        return
    lines = key_lines(node)
    for key, texts in raw.items():
        missing = [lang for lang in ("en", "zh")
                   if not isinstance(texts, dict) or not isinstance(texts.get(lang), str) or not texts[lang].strip()]
        if missing:
            problems.add(shown, lines.get(key, 1), f"the interface string '{key}' has no "
                         + " or ".join("English" if m == "en" else "Chinese" for m in missing) + " text",
                         "write it as {en: …, zh: …}")
            continue
        result.strings[key] = {"en": texts["en"].strip(), "zh": texts["zh"].strip()}


def check(model, questions: Questions, termbase, docs_prefix: str) -> Problems:
    """Every check across the questions and the pages: the pages show them
    (:func:`check_pages`), and their texts use the termbase's forms, as pages must."""
    problems = check_pages(model, questions, docs_prefix)
    if termbase is None or not questions:
        return problems
    from .termbase import check_page  # the same rules as for a page's Markdown
    for index, lang in enumerate(("en", "zh")):
        texts = {q.text_lines[index]: q.text(lang) for qs in questions.by_topic.values() for q in qs}
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


# -- views ------------------------------------------------------------------------------
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
                                          for ref in q.articles) for code in ("en", "zh")}
                shown.append({"key": q.key, "id": q.id, "text": q.text(lang), "en": q.en, "zh": q.zh, "hash": q.digest,
                              "obligation": _obligation(q, registry), "provisions": labels[lang],
                              "provisions_en": labels["en"], "provisions_zh": labels["zh"]})
            if shown:
                topics.append({"key": topic.key, "title": topic.title(lang), "en": topic.en, "zh": topic.zh,
                               "url": link(phase.topic_path(topic)), "questions": shown})
        if topics:
            phases.append({"id": phase.id, "title": phase.label(lang), "en": phase.label("en"),
                           "zh": phase.label("zh"), "topics": topics})
    older = sorted((c for c in registry.cycles.values() if c.number < registry.cycles[edition].number),
                   key=lambda c: -c.number) if edition in registry.cycles else []
    return {"phases": phases, "edition": edition, "previous": " ".join(c.id for c in older),
            "storage": STORAGE_PREFIX, "statuses": STATUSES, "kinds": KINDS,
            "obligation": t.get("force_obligation", "Obligation"),
            "count": sum(len(topic["questions"]) for phase in phases for topic in phase["topics"]),
            "strings": {code: dict(questions.t(code), obligation=registry.strings(code).get("force_obligation", ""))
                        for code in ("en", "zh")}}
