"""Unit tests of front-matter reading and schema validation."""

from __future__ import annotations

import pytest

from attguide.read import frontmatter
from attguide.read.problems import Problems


def parse(text):
    problems = Problems()
    meta = frontmatter.parse(text, "docs/x.md", problems)
    return meta, [str(p) for p in problems.items]


def test_valid_front_matter_keeps_values_and_lines():
    meta, problems = parse("---\nphase: e\ntopic: risk-assessment\narticles: [7, 7.3]\n---\n\n# T\n")
    assert problems == []
    # Article references keep the text as written (7.3, never the float 7.3).
    assert meta.values == {"phase": "e", "topic": "risk-assessment", "articles": ["7", "7.3"]}
    assert meta.line("articles") == 4
    assert meta.body_line == 6


def test_no_front_matter_is_fine():
    meta, problems = parse("# Title\n")
    assert problems == [] and meta.values == {} and meta.body_line == 1


def test_unknown_key_suggests_the_nearest():
    _, problems = parse("---\nphse: e\n---\n")
    assert problems == ["docs/x.md:2: unknown front-matter key 'phse' — did you mean 'phase'?"]


def test_wrong_type_names_key_line_and_expected_form():
    _, problems = parse("---\nphase: e\narticles: 7\n---\n")
    assert len(problems) == 1
    assert problems[0].startswith("docs/x.md:3: front-matter key 'articles' has a wrong value")
    assert problems[0].endswith("write a list of articles or paragraphs such as [7, 7.3]")


def test_yaml_error_reports_line_not_traceback():
    meta, problems = parse("---\nphase: e\ntopic: [a\n---\n")
    assert not meta.readable
    assert problems[0].startswith("docs/x.md:4: the front matter is not valid YAML")


def test_front_matter_must_be_a_mapping():
    _, problems = parse("---\n- a\n- b\n---\n")
    assert problems == ["docs/x.md:2: the front matter must be a set of 'key: value' lines — for example 'phase: e'"]


def test_unclosed_front_matter():
    meta, problems = parse("---\nphase: e\n\n# Title\n")
    assert problems[0].startswith("docs/x.md:1: the front matter opened with '---' is never closed")


def test_every_problem_is_collected():
    _, problems = parse("---\nphse: e\narticles: 7\nview: table\n---\n")
    assert len(problems) == 3


def test_article_references_keep_their_literal_text():
    meta, problems = parse("---\narticles:\n  - 7.10\n  - 7.30\n  - '11.2'\n---\n")
    assert problems == []
    assert meta.values["articles"] == ["7.10", "7.30", "11.2"]
    assert [meta.item_line("articles", i) for i in range(3)] == [3, 4, 5]


def test_a_byte_order_mark_does_not_hide_the_front_matter():
    meta, problems = parse("\ufeff---\nphase: e\n---\n\n# T\n")
    assert problems == []
    assert meta.values == {"phase": "e"}
    assert meta.body_line == 4


@pytest.mark.parametrize("text, body", [
    ("---\nphase: e\n---\n\n# T\n", "\n# T\n"),
    ("---\r\nphase: e\r\n---\r\n# T\r\n", "# T\r\n"),
    ("\ufeff---\nphase: e\n---\n# T\n", "# T\n"),  # a byte-order mark the caller kept
    ("---\nphase: e\n---", ""),                      # no line after the block
    ("# Title\n", "# Title\n"),                      # no front matter
    ("---\nphase: e\n\n# Title\n", "---\nphase: e\n\n# Title\n"),  # never closed: all is body
])
def test_the_body_starts_where_the_front_matter_ends(text, body):
    meta, _ = parse(text)
    assert text[meta.body_offset:] == body
