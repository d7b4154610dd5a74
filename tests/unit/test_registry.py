"""Unit tests of the registry's code: labels, and the checks of the file (the project's own
registry is checked by the content tier, tests/content/test_data.py)."""

from __future__ import annotations

import pytest
from mkdocs.exceptions import PluginError

from attguide.read import registry

import unitdata


def test_labels_in_both_languages():
    data = unitdata.registry()
    article = data.articles[7]
    assert article.label("en", 3) == "Article 7(3)"
    assert article.label("zh", 3) == "第7条第3款"
    assert data.phases["e"].label("zh") == "e. 申请和批准"
    assert data.cycles["csp12"].label("en") == "CSP12 cycle (2025–2026)"
    assert data.cycles["csp12"].label("zh") == "CSP12周期（2025–2026年）"


def _messages(caplog) -> str:
    """Every message logged, one per line."""
    return "\n".join(record.getMessage() for record in caplog.records)


def test_broken_registry_reports_file_and_line(tmp_path, caplog):
    path = tmp_path / "registry.yml"
    path.write_text("articles:\n  - {number: 1, en: A\nphases: []\n", encoding="utf-8")
    with pytest.raises(PluginError):
        registry.load(path)
    # The flow mapping opened on line 2 is never closed: the parser stops on line 3.
    assert f"{path}:3: the registry is not valid YAML" in _messages(caplog)


def test_incomplete_entries_are_listed(tmp_path, caplog):
    path = tmp_path / "registry.yml"
    path.write_text("articles:\n  - {number: 1}\nphases:\n  - {id: a}\ncycles: []\nstatuses: {}\n",
                    encoding="utf-8")
    with pytest.raises(PluginError):
        registry.load(path)
    messages = _messages(caplog)
    assert f"{path}:2: an article entry has no en text — add 'en:' (the English text)" in messages
    assert f"{path}:4: a phase entry has no 'dir' — add 'dir:'" in messages
    assert f"{path}:5: the registry's 'cycles' section is empty" in messages


BASE = """articles:
  - {number: 1, en: A, zh: 甲, paragraphs: 0}
  - {number: 2, en: B, zh: 乙, paragraphs: 2}
phases:
  - {id: b, letter: b, dir: b-law, en: {name: N, short: S}, zh: {name: 名, short: 名}, topics: []}
cycles:
  - {id: csp12, number: 12, year: 2026, span: "2025–2026", place: null, dates: null, status: concluded}
  - {id: csp13, number: 13, year: 2027, span: "2026–2027", place: null, dates: null, status: current}
statuses:
  draft: {en: Draft, zh: 草稿}
"""


@pytest.mark.parametrize("old, new, expected", [
    # A phase without dir: a path:line problem, not a KeyError traceback.
    ("dir: b-law, ", "", ":5: a phase entry has no 'dir' — add 'dir:'"),
    # A cycle id listed twice.
    ("id: csp13, number: 13", "id: csp12, number: 13", ":8: cycle 'csp12' is listed twice — keep one entry"),
    # A gap in the article numbers.
    ("number: 2, en: B", "number: 3, en: B", ":2: article 2 is missing from the list — list every article from 1 to 3"),
    # A typo in a key.
    ("paragraphs: 2", "paragraph: 2", ":3: unknown key 'paragraph' in an article entry — did you mean 'paragraphs'?"),
    # A text with a comma in a flow mapping, unquoted: YAML reads half of it as a key.
    ("draft: {en: Draft,", "draft: {en: Draft, for discussion,", ":10: 'draft' in 'statuses' has a wrong value"),
    # An unknown top-level section.
    ("statuses:", "statuss: {}\nstatuses:", ":9: unknown key 'statuss' in the registry — did you mean 'statuses'?"),
])
def test_registry_mistakes_are_path_line_problems(tmp_path, caplog, old, new, expected):
    assert old in BASE
    path = tmp_path / "registry.yml"
    path.write_text(BASE.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(PluginError):
        registry.load(path)
    assert str(path) + expected in _messages(caplog)


def test_the_base_of_the_registry_mistakes_loads(tmp_path):
    path = tmp_path / "registry.yml"
    path.write_text(BASE, encoding="utf-8")
    loaded = registry.load(path)
    assert sorted(loaded.articles) == [1, 2] and loaded.phases["b"].line == 5
