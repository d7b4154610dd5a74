"""Unit tests of the new-topic scaffolding."""

from __future__ import annotations

import shutil

from attguide.read import registry

import unitdata
from attguide.editions import scaffold, translations


def test_add_topic_to_registry_and_pages(tmp_path):
    reg_path = tmp_path / "registry.yml"
    shutil.copy(unitdata.REGISTRY_PATH, reg_path)
    data = registry.load(reg_path)
    assert scaffold.check_new_topic(data, "e", "end-user-documentation") is None
    files = scaffold.write_topic(tmp_path / "docs", reg_path, data, "e", "end-user-documentation",
                                 {"en": "End-user documentation", "zh": "最终用户文件"})
    again = registry.load(reg_path)
    topic = again.topic("e/end-user-documentation")
    assert topic is not None and topic.title("zh") == "最终用户文件"
    assert [t.id for t in again.phases["e"].topics][-1] == "end-user-documentation"
    english, chinese = (path.read_text(encoding="utf-8") for path in files)
    assert english.startswith("---\nphase: e\ntopic: end-user-documentation\n")
    assert "# 最终用户文件" in chinese and "{#questions}" in chinese and "{#questions}" in english
    # The Chinese page records the English text it follows: `make translations CHECK=1` passes.
    assert f"source_revision: {translations.revision(english)}\n" in chinese.split("\n---\n")[0] + "\n"


def test_add_topic_to_a_phase_without_topics(tmp_path):
    reg_path = tmp_path / "registry.yml"
    shutil.copy(unitdata.REGISTRY_PATH, reg_path)
    data = registry.load(reg_path)
    text = scaffold.add_topic_to_registry(reg_path.read_text(encoding="utf-8"), data.phases["a"],
                                          "instruments", {"en": "Instruments: a note", "zh": "文书"})
    reg_path.write_text(text, encoding="utf-8")
    assert registry.load(reg_path).topic("a/instruments").title("en") == "Instruments: a note"


def test_new_topic_checks():
    data = unitdata.registry()
    assert "unknown phase" in scaffold.check_new_topic(data, "z", "x")
    assert "not a valid topic id" in scaffold.check_new_topic(data, "e", "Risk Assessment")
    assert "already exists" in scaffold.check_new_topic(data, "e", "risk-assessment")
