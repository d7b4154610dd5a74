"""Unit tests of the rendered-HTML backstop and of what the Markdown checks treat as code."""

from __future__ import annotations

import pytest

from attguide.check import htmlsafety
from attguide.read import mdtext
from attguide.check import safety
from attguide.read.problems import Problems


@pytest.mark.parametrize("html", [
    '<a href="java&#115;cript:alert(1)">x</a>',
    '<a href="JAVA\tSCRIPT:alert(1)">x</a>',
    '<a href="&#1;javascript:alert(1)">x</a>',
    '<a href="java&NewLine;script&colon;alert(1)">x</a>',
    '<img src="data:image/png;base64,AAAA">',
    '<img src="a.png" srcset="b.png 1x, data:image/png;base64,AAAA 2x">',
    '<svg><a xlink:href="vbscript:x"></a></svg>',
    '<svg><set attributeName="href" to="javascript:alert(1)"/></svg>',
    '<p onclick="x()">x</p>',
    '<meta http-equiv="refresh" content="0">',
    '<button formaction="javascript:x">x</button>',
    '<script>x</script>', '<iframe></iframe>', '<object></object>', '<embed>', '<form></form>', '<base href="/">',
    '<img src="//evil.example/p.png">',
    '<a href="art:99">x</a>',
])
def test_unsafe_html_is_found(html):
    assert htmlsafety.findings(html)


@pytest.mark.parametrize("html", [
    "<p>The offline bundle needs no JavaScript: it works from disk.</p>",
    "<p><code>&lt;script&gt;alert(1)&lt;/script&gt;</code></p>",
    '<p><a href="https://example.org/data:1">x</a> <img src="../assets/a.png" alt=""></p>',
    '<a href="#javascript">x</a>',
])
def test_safe_html_passes(html):
    assert htmlsafety.findings(html) == []


def test_a_finding_names_the_line_of_the_source():
    problems = Problems()
    source = "---\nphase: b\n---\n\n# T\n\nText.\n\n[x](java&#115;cript:alert(2))\n"
    htmlsafety.check('<p><a href="javascript:alert(2)">x</a></p>', source, "docs/x.md", 5, problems)
    assert [str(p) for p in problems.items][0].startswith("docs/x.md:9: a javascript: URL is not allowed")


def test_a_code_span_never_crosses_a_blank_line():
    text = "Type the ` key.\n\n[](art:99)\n\nPress ` again. `code` here.\n"
    visible = mdtext.blank_code(text)
    assert "[](art:99)" in visible and "`code`" not in visible and len(visible) == len(text)


def test_indented_code_is_blanked_but_list_continuations_are_not():
    text = "Para.\n\n    [](art:1)\n\n- item\n\n    [](art:2)\n"
    visible = mdtext.blank_code(text)
    assert "art:1" not in visible and "art:2" in visible


def test_prose_about_javascript_is_no_script_url():
    problems = Problems()
    safety.check("No JavaScript: it works.\n\n[x](java&#115;cript:y)\n", "docs/x.md", 1, problems)
    assert [p.line for p in problems.items] == [3]
