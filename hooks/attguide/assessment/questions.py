"""The practical questions of every topic (``hooks/data/questions.yml``), read once into typed values.

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

from ..read import languages
from ..read.problems import Problems
from ..read.refs import ArticleRef
from ..read.registry import Registry
from ..read.yamlsource import child, items, key_lines, line_of, literal, read

FILE_NAME = "questions.yml"
MARKER = "<!-- att:questions -->"
VIEW = "self-assessment"
TOOL_PAGE = "tools/self-assessment.md"  # the tool's page, linked from the topic pages
STORAGE_PREFIX = "att-self-assessment:"
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_KEYS = ("id", "articles")  # and one text per language (languages.codes())
# The answers a reader can give, and the kinds of assistance of Article 16(1), in order.
STATUSES = ("in-place", "partly", "not-yet", "not-applicable", "unknown")
KINDS = ("legal", "capacity", "technical", "material", "financial")


@dataclass(frozen=True)
class Question:
    """One practical question of a topic."""

    topic: str  # phase/topic
    id: str
    texts: dict  # language code -> the question
    articles: tuple[ArticleRef, ...] = ()
    line: int = 0
    text_lines: dict = field(default_factory=dict)  # language code -> line of its text

    @property
    def key(self) -> str:
        """Id across the site: ``e/risk-assessment/sources-information``."""
        return f"{self.topic}/{self.id}"

    @property
    def digest(self) -> str:
        """Hash of every language's text (in mkdocs.yml's order, one per line): a changed text
        marks the question as changed in a new edition."""
        joined = "\n".join(self.texts[lang] for lang in languages.codes())
        return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:12]

    def text(self, lang: str) -> str:
        """The question in ``lang`` (the default language's when it has none)."""
        return languages.text_in(self.texts, lang)


@dataclass
class Questions:
    """Every topic's questions, in file order, and the tool's interface strings."""

    by_topic: dict[str, list[Question]] = field(default_factory=dict)
    strings: dict[str, dict[str, str]] = field(default_factory=dict)  # key -> language code -> text
    path: str = ""

    def __bool__(self) -> bool:
        """True when at least one question is recorded."""
        return any(self.by_topic.values())

    def t(self, lang: str) -> dict[str, str]:
        """The tool's strings in ``lang``."""
        return {key: languages.text_in(texts, lang) for key, texts in self.strings.items()}


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
        if key not in _KEYS and key not in languages.codes():
            problems.add(shown, lines.get(key, line), f"unknown key '{key}' in a question of '{topic}'",
                         "allowed keys: " + ", ".join((_KEYS[0], *languages.codes(), *_KEYS[1:])))
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
    for lang in languages.codes():
        language = languages.english_name(lang)
        text = raw.get(lang)
        if not isinstance(text, str) or not text.strip():
            problems.add(shown, lines.get(lang, line), f"{name} has no {language} text ({lang})",
                         f"add '{lang}: …' with the question in {language}")
            ok = False
    articles = _articles(raw.get("articles"), child(node, "articles"), name, registry, shown, problems,
                         lines.get("articles", line))
    if not ok or articles is None:
        return None
    return Question(topic, qid, {lang: raw[lang].strip() for lang in languages.codes()}, articles, line,
                    {lang: lines.get(lang, line) for lang in languages.codes()})


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
        missing = [lang for lang in languages.codes()
                   if not isinstance(texts, dict) or not isinstance(texts.get(lang), str) or not texts[lang].strip()]
        if missing:
            problems.add(shown, lines.get(key, 1), f"the interface string '{key}' has no "
                         + " or ".join(map(languages.english_name, missing)) + " text",
                         "write it as {" + ", ".join(f"{lang}: …" for lang in languages.codes()) + "}")
            continue
        result.strings[key] = {lang: texts[lang].strip() for lang in languages.codes()}
