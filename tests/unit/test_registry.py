"""Unit tests of the registry: the project's data file and its checks."""

from __future__ import annotations

import pytest
from mkdocs.exceptions import PluginError

from attguide import registry


def test_project_registry_matches_the_seed():
    data = registry.load()
    assert sorted(data.articles) == list(range(1, 29))
    letters = [p.letter for p in data.phases.values() if not p.cross_cutting]
    assert letters == list("abcdefghi")
    assert len(data.all_topics()) == 37
    assert [t.phase_id for t in data.topics_by_id["inter-agency-coordination"]] == ["c", "h"]
    assert data.newest_cycle().id == "csp13"


def test_labels_in_both_languages():
    data = registry.load()
    article = data.articles[7]
    assert article.label("en", 3) == "Article 7(3)"
    assert article.label("zh", 3) == "第7条第3款"
    assert data.phases["e"].label("zh") == "e. 申请和批准"
    assert data.cycles["csp12"].label("en") == "CSP12 cycle (2025–2026)"
    assert data.cycles["csp12"].label("zh") == "CSP12周期（2025–2026年）"


def test_broken_registry_reports_file_and_line(tmp_path):
    path = tmp_path / "registry.yml"
    path.write_text("articles:\n  - {number: 1, en: A\nphases: []\n", encoding="utf-8")
    with pytest.raises(PluginError):
        registry.load(path)


def test_incomplete_entries_are_listed(tmp_path, caplog):
    path = tmp_path / "registry.yml"
    path.write_text("articles:\n  - {number: 1}\nphases:\n  - {id: a}\ncycles: []\nstatuses: {}\n",
                    encoding="utf-8")
    with pytest.raises(PluginError):
        registry.load(path)
    messages = "\n".join(record.getMessage() for record in caplog.records)
    assert ":2: article entry is incomplete" in messages
    assert ":4: phase entry is incomplete" in messages
