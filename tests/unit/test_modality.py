"""Unit tests of the force of provisions: the data file's checks, look-ups and the wording check."""

from __future__ import annotations

import textwrap

import pytest
from mkdocs.exceptions import PluginError

from attguide.read import force as modality
from attguide.check import wording
from attguide.check.scan import scan_site

import unitdata

REGISTRY = unitdata.registry()  # with tests/unit/data/force.yml


def write(tmp_path, text, name="force.yml"):
    """Write a file and return its path."""
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_a_whole_article_has_its_paragraphs_forces_in_order():
    assert REGISTRY.force.forces(7) == ("obligation", "encouragement")


def test_mistakes_are_reported_with_their_lines(tmp_path):
    path = write(tmp_path, """\
        force:
          5: {1: obligation, 9: obligation}
          7: {3: must}
          9: {1: obligation}
          40: other
          11: [encouragement, maybe]
        """)
    with pytest.raises(PluginError):
        modality.load(path, REGISTRY.articles, "force.yml")


def test_messages_name_the_line_and_the_fix(tmp_path, caplog):
    path = write(tmp_path, """\
        force:
          5: {1: obligation, 9: obligation}
          7:
            3: must
          9: {1: obligation}
          40: other
        """)
    with pytest.raises(PluginError):
        modality.load(path, REGISTRY.articles, "force.yml")
    text = caplog.text
    assert "force.yml:2: Article 5 has no paragraph '9' — its paragraphs are 1–6" in text
    assert "force.yml:4: Article 7(3): 'must' is not a force — write one of: obligation, encouragement" in text
    assert "force.yml:5: Article 9 has no numbered paragraphs — write one value: 9: obligation" in text
    assert "force.yml:6: article 40 is not in the registry — use the articles 1–12" in text


# -- the wording check ------------------------------------------------------------------------------
PAGE = """\
---
phase: c
topic: national-control-list
articles: [5.2, 5.4]
status: draft
---

# National control list

{text}
"""


def issues_for(tmp_path, english, chinese="内容。"):
    """Wording issues of a one-topic docs folder with ``english`` and ``chinese`` texts."""
    docs = tmp_path / "docs"
    write(docs, PAGE.format(text=english), "c-national-control-system/national-control-list.md")
    zh = PAGE.format(text=chinese).replace("# National control list", "# 国家管制清单")
    write(docs, zh, "c-national-control-system/national-control-list.zh.md")
    model = scan_site(docs, REGISTRY, shown_prefix="docs")
    return [str(issue) for issue in wording.check_wording(model, "docs")]


def test_an_obligation_cited_as_asks_is_flagged(tmp_path):
    found = issues_for(tmp_path, "[](art:5.2) asks each State Party to keep a national control list.")
    assert found == ["docs/c-national-control-system/national-control-list.md:10: Article 5(2) is an "
                     "obligation but the sentence says \"asks\" — say what it requires (\"requires\", "
                     "\"shall\"; 须/应), or add <!-- att:force-ok --> to the line if the wording is right"]


@pytest.mark.parametrize("sentence", [
    "Under Article 6(1), States should refuse transfers that violate an embargo.",
    "[](art:7.3) invites the exporter to refuse the export.",
    "[](art:5.2) encourages a national control system.",
])
def test_soft_words_for_obligations_are_flagged(tmp_path, sentence):
    assert len(issues_for(tmp_path, sentence)) == 1


@pytest.mark.parametrize("sentence", [
    "[](art:5.2) requires each State Party to establish a national control system.",
    "[](art:5.4) requires the list to be provided, and encourages States to publish it.",
    "[](art:7.7) encourages the exporter to reassess an authorization.",
    "States should keep records. [](art:12.1) requires records of export authorizations.",
    "[](art:5.2) asks for a control list. <!-- att:force-ok -->",
])
def test_accurate_or_settled_wording_passes(tmp_path, sentence):
    assert issues_for(tmp_path, sentence) == []


def test_chinese_soft_words_for_obligations_and_hard_words_for_encouragements(tmp_path):
    found = issues_for(tmp_path, "Text.", "[](art:5.2)鼓励各缔约国建立国家管制制度。[](art:7.7)必须重新评估。"
                                           "[](art:5.2)规定的相关事宜。[](art:6.1)宜拒绝转让。")
    assert [issue.split(": ", 1)[1].split(" — ")[0] for issue in found] == [
        "第5条第2款 is an obligation but the sentence says \"鼓励\"",
        "第7条第7款 is an encouragement but the sentence says \"必须\"",
        "第6条第1款 is an obligation but the sentence says \"宜\"",
    ]


def test_coverage_requires_a_force_for_every_cited_paragraph(tmp_path):
    docs = tmp_path / "docs"
    write(docs, PAGE.format(text="[](art:5.2)."), "c-national-control-system/national-control-list.md")
    model = scan_site(docs, REGISTRY, shown_prefix="docs")
    table = REGISTRY.force
    partial = modality.ForceTable({n: a for n, a in table.articles.items() if n != 5}, "force.yml")
    model.registry = type(REGISTRY)(**{**REGISTRY.__dict__, "force": partial, "topics_by_id": {}})
    found = [str(p) for p in wording.check_coverage(model, "docs").items]
    assert "docs/c-national-control-system/national-control-list.md:10: Article 5(2) has no recorded force " \
           "— add it to force.yml (obligation, encouragement, permission or other)" in found
