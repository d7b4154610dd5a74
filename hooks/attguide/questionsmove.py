"""One-off move of the topic pages' practical-question bullets into ``data/questions.yml``.

Run from the project root: ``.venv/bin/python hooks/attguide/questionsmove.py``. For every
topic page pair (``docs/<phase>/<topic>.md`` and ``.zh.md``) it reads the bullets of the
``{#questions}`` section in both languages (same order, same count, else it stops with
``path: …``), gives each question a stable id made from its English words, takes the
article paragraphs the English text names ("Article 7(5)"), writes the data file and
replaces the bullets of both pages with the marker the hook renders them at. It refuses to
run when the data file exists (the move is done: edit the data file). Kept for the record of how the data was made;
add or edit questions in the data file (see CONTRIBUTING.md).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

MARKER = "<!-- att:questions -->"
SECTION = re.compile(r"^## [^\n]*\{#questions\}\n(?P<body>.*?)(?=^## |\Z)", re.S | re.M)
ARTICLE = re.compile(r"Article (\d+)\((\d+)\)")
STOP = {"a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "do", "does", "we", "our", "us", "is",
        "are", "be", "it", "its", "with", "by", "how", "what", "which", "who", "whom", "when", "where", "why",
        "can", "there", "that", "this", "these", "those", "have", "has", "at", "as", "any", "each", "so",
        "they", "them", "their", "if", "from", "into", "been", "would", "should", "will", "than", "whether"}


def slug(text: str, taken: set[str]) -> str:
    """A short stable id from the question's first significant English words."""
    words = [w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in STOP]
    base = "-".join(words[:4]) or "question"
    found, n = base, 2
    while found in taken:
        found, n = f"{base}-{n}", n + 1
    taken.add(found)
    return found


def bullets(body: str) -> list[str]:
    """The texts of the section's ``- `` bullets."""
    return [line[2:].strip() for line in body.split("\n") if line.startswith("- ")]


def strip_bullets(text: str) -> str:
    """The page with its questions' bullets replaced by the marker."""
    match = SECTION.search(text)
    kept = [line for line in match.group("body").split("\n") if not line.startswith("- ")]
    body = "\n".join(kept).strip("\n")
    body = (body + "\n\n" if body else "\n") + MARKER + "\n\n"
    if not match.group("body").strip() or MARKER in match.group("body"):
        return text
    return text[:match.start("body")] + ("\n" if not body.startswith("\n") else "") + body + text[match.end("body"):]


def quote(text: str) -> str:
    """A YAML double-quoted scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main(root: Path) -> int:
    docs = root / "docs"
    if (root / "hooks" / "attguide" / "data" / "questions.yml").exists():
        print("hooks/attguide/data/questions.yml exists: the questions were moved already — edit that file",
              file=sys.stderr)
        return 1
    out = ["# Practical questions of every topic, in both languages (see CONTRIBUTING.md).", "#",
           "# Per topic (phase/topic as in registry.yml): a list of questions, each with", "#   id:       a stable id, unique in the topic, kept across editions (answers",
           "#             saved in the Self-assessment tool are keyed by it: never reuse an id",
           "#             for a different question)", "#   en, zh:   the question in English and Chinese",
           "#   articles: optional, the article paragraphs the question rests on (e.g. [7.1, 7.3]);",
           "#             a question resting on an obligation (force.yml) carries the Obligation badge",
           "# Topic pages show them where their page has the line <!-- att:questions -->.", "", "questions:"]
    pages = []
    for english in sorted(docs.glob("*/*.md")):
        if english.name.endswith(".zh.md") or english.name == "index.md":
            continue
        chinese = english.with_name(english.name[:-3] + ".zh.md")
        text_en, text_zh = english.read_text(encoding="utf-8"), chinese.read_text(encoding="utf-8")
        m_en, m_zh = SECTION.search(text_en), SECTION.search(text_zh)
        if not m_en or not m_zh:
            continue
        phase = re.search(r"^phase: *(\S+)", text_en, re.M).group(1)
        topic = re.search(r"^topic: *(\S+)", text_en, re.M).group(1)
        en, zh = bullets(m_en.group("body")), bullets(m_zh.group("body"))
        if len(en) != len(zh):
            print(f"{english}: {len(en)} English and {len(zh)} Chinese questions — align them first", file=sys.stderr)
            return 1
        if not en:
            continue
        out.append(f"  {phase}/{topic}:")
        taken: set[str] = set()
        for q_en, q_zh in zip(en, zh):
            out.append(f"    - id: {slug(q_en, taken)}")
            out.append(f"      en: {quote(q_en)}")
            out.append(f"      zh: {quote(q_zh)}")
            refs = [f"{a}.{p}" for a, p in ARTICLE.findall(q_en)]
            if refs:
                out.append(f"      articles: [{', '.join(refs)}]")
        pages += [(english, text_en), (chinese, text_zh)]
    target = root / "hooks" / "attguide" / "data" / "questions.yml"
    target.write_text("\n".join(out) + "\n", encoding="utf-8")
    for path, text in pages:
        path.write_text(strip_bullets(text), encoding="utf-8")
    print(f"{target}: {sum(1 for line in out if line.startswith('    - id:'))} questions; {len(pages)} pages rewritten")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path.cwd()))
