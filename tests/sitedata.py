"""Independent readers of the sources, for tests: front matter and titles straight from
the Markdown files with PyYAML, without the hook's code, so that generated views can be
checked against the data rather than against themselves."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from support import ROOT

DOCS = ROOT / "docs"
REGISTRY = yaml.safe_load((ROOT / "hooks" / "data" / "registry.yml").read_text(encoding="utf-8"))


def front_matter(path: Path) -> dict:
    """The YAML front matter of a Markdown file (empty when none)."""
    text = path.read_text(encoding="utf-8")
    match = re.match(r"---\n(.*?)\n---\n", text, re.DOTALL)
    return yaml.safe_load(match.group(1)) if match else {}


def body(path: Path) -> str:
    """The Markdown after the front matter."""
    text = path.read_text(encoding="utf-8")
    return re.sub(r"\A---\n.*?\n---\n", "", text, count=1, flags=re.DOTALL)


def english_pages() -> list[Path]:
    """Every English source page."""
    return sorted(p for p in DOCS.rglob("*.md") if not p.name.endswith(".zh.md"))


def chinese_of(path: Path) -> Path:
    """The Chinese counterpart of an English source page."""
    return path.with_name(path.name[:-3] + ".zh.md")


def phases() -> list[dict]:
    """The registry's phases, in order."""
    return REGISTRY["phases"]


def topics() -> list[tuple[dict, dict]]:
    """(phase, topic) for every topic of the registry."""
    return [(phase, topic) for phase in phases() for topic in phase["topics"]]


def article_numbers(values) -> set[int]:
    """Article numbers of a front-matter ``articles`` list."""
    return {int(str(value).split(".")[0]) for value in values or []}
