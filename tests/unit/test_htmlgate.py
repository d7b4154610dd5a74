"""Unit tests of the HTML gate (the one door) and of what the Markdown checks treat as code."""

from __future__ import annotations

import pytest

from attguide.check import htmlgate, htmltheme, safety
from attguide.read import mdtext
from attguide.theme import pagehead
from attguide.read.problems import Problems


def page(content: str, head: str = "") -> str:
    """A page as the theme writes it, with ``content`` in its content region."""
    return (f"<!doctype html><html><head><meta charset=utf-8>{head}</head><body><main>"
            f'<article class="md-content__inner md-typeset">{content}</article></main></body></html>')


def findings(content: str) -> list[str]:
    """The gate's messages for ``content`` placed in a page."""
    return [f.message for f in htmlgate.check(page(content)).findings]


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
    assert findings(html)


@pytest.mark.parametrize("html", [
    "<p>The offline bundle needs no JavaScript: it works from disk.</p>",
    "<p><code>&lt;script&gt;alert(1)&lt;/script&gt;</code></p>",
    '<p><a href="https://example.org/data:1">x</a> <img src="../assets/a.png" alt=""></p>',
    '<a href="#javascript">x</a>',
])
def test_safe_html_passes(html):
    assert findings(html) == []


def test_a_finding_names_the_line_of_the_source():
    problems = Problems()
    source = "---\nphase: b\n---\n\n# T\n\nText.\n\n[x](java&#115;cript:alert(2))\n"
    out = htmlgate.guard(page('<p><a href="javascript:alert(2)">x</a></p>'), source, "docs/x.md", 5, problems)
    assert "javascript" not in out
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


# Parser differentials (review 2026-12-03 §1): read as a browser reads them.
@pytest.mark.parametrize("html", [
    '<!--> <img src="x"/onerror="alert(7)"> -->',
    '<!---> <img src="x"/onerror="alert(8)"> -->',
    "<div><xmp><p title='</xmp><img src=\"x\"/onerror=\"alert(51)\">'></p></xmp></div>",
    "<noscript><p title='</noscript><img src=\"x\"/onerror=\"alert(52)\">'></p></noscript>",
    "<div><noembed><p title='</noembed><img src=x onerror=alert(53)>'></p></noembed></div>",
    '<div>\n<img src="x"/onerror="alert(30)"',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(54)>",
    "<svg><style><img src=x onerror=alert(55)></style></svg>",
    '<p style="background:url(//evil.example/p.png)">x</p>',
    '<svg><image href="https://evil.example/p.png"/></svg>',
    '<svg><use href="https://evil.example/s.svg#a"/></svg>',
    '<svg><filter><feImage href="https://evil.example/p.png"/></filter></svg>',
    '<img src="\\\\evil.example/p.png" alt="x">',
    '<img src="/\\evil.example/p.png" alt="x">',
    '<img src="a.png" srcset="//evil.example/p.png 2x" alt="x">',
    '<a href="x/" data-md-component="source">x</a>',
    '<a href="arts:7"></a>',
    '<a href="atr:7.3">x</a>',
    '<a href="x/"></a>',
    '<a href="tel:123">x</a>',
    '<textarea>x</textarea>', '<input type="text">', '<select></select>',
    '<p id="__config">{}</p>',
])
def test_parser_differentials_and_requests_are_found(html):
    assert findings(html)


def test_an_unknown_scheme_is_named_with_the_likely_one():
    problems = Problems()
    source = "---\nphase: b\n---\n\n# T\n\nSee [](arts:7) here.\n"
    htmlgate.guard(page('<p>See <a href="arts:7"></a> here.</p>'), source, "docs/x.md", 5, problems)
    assert "docs/x.md:7: unknown link scheme 'arts:' — did you mean art:?" in [str(p) for p in problems.items]


def test_theme_scripts_are_allowed_by_hash_and_put_in_the_policy():
    text = 'var palette=__md_get("__palette")'
    html = page("<p>x</p>", head=f"<meta http-equiv=Content-Security-Policy content={htmlgate.CSP_PENDING}>"
                + "<script>x()</script>")
    assert any("inline script" in f.message for f in htmlgate.check(html).findings)
    assert htmlgate.script_key('__md_scope=new URL("../..",location)') == htmlgate.script_key(
        '__md_scope=new URL(".",location)')
    assert "object-src 'none'" in pagehead.policy([pagehead.csp_hash(text)])


def test_an_unsafe_page_is_withheld():
    problems = Problems()
    out = htmlgate.guard(page('<img src="x" onerror="alert(1)" alt="">'), "", "docs/x.md", 1, problems)
    assert "onerror" not in out and problems


def test_quotes_ampersands_and_less_than_in_prose_pass():
    assert findings("<p>A &lt; B &amp; “C” 'd' \"e\"</p>") == []


@pytest.mark.parametrize("text", [
    '!!! note "Tip"\n    First.\n\n    Second citing [](art:5).\n',
    '??? note "More"\n    First.\n\n    Second citing [](art:5).\n',
    '???+ note "More"\n    First.\n\n    Second citing [](art:5).\n',
    "Term\n:   First.\n\n    Second citing [](art:5).\n",
    '!!! note\n    First.\n\n    - item\n\n        Continued [](art:5).\n',
    '!!! note\n    Outer.\n\n    !!! tip\n        Inner.\n\n        Second citing [](art:5).\n',
])
def test_container_paragraphs_are_prose(text):
    assert "[](art:5)" in mdtext.blank_code(text)


@pytest.mark.parametrize("text", [
    '!!! note\n    First.\n\n        code [](art:5)\n',
    '!!! note\n    ```\n    [](art:5)\n    ```\n',
    "Para.\n\n    [](art:5)\n",
    '!!! note\n    First.\n\nAfter.\n\n    [](art:5)\n',
])
def test_code_inside_and_after_containers_is_code(text):
    assert "art:5" not in mdtext.blank_code(text)


@pytest.mark.parametrize("head", [
    '<link rel="icon" href="x.png" onload="alert(1)">',
    '<link rel="stylesheet" href="//evil.example/s.css">',
    '<script src="https://evil.example/x.js"></script>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    '<meta name="description" content="x" style="x">',
    "<script>alert(1)</script>",
])
def test_theme_region_rules(head):
    assert htmlgate.check(page("<p>x</p>", head=head)).findings


def test_the_pdf_document_keeps_page_bodies_and_escapes_titles():
    from attguide.editions import pdf
    view = {"lang": "en", "title": "A & B", "edition": "E", "disclaimer": "D", "date": "2026-12-03",
            "status": "S", "online": "https://x.example/", "t": {}, "pages": [
                {"level": 1, "anchor": "p", "title": "T <1>", "part": None, "html": "<p>Body</p>"}]}
    out = pdf.render_document(view)
    assert "<p>Body</p>" in out and "T &lt;1&gt;" in out and "A &amp; B" in out


TOOL_FORM = ('<div data-att-tool="{mark}"><fieldset><legend>Status</legend><label><input type="radio" value="x">'
             ' x</label></fieldset><textarea rows="2"></textarea><select><option value="en">English</option>'
             '</select><button type="button">Export</button><input type="file" accept=".json"></div>')


def test_a_tools_form_passes_only_under_this_builds_mark():
    """The Self-assessment's controls come from our template, marked with the build's random
    token; the same controls without it, or under another token, are a contributor's and fail."""
    token = "5f1e" * 8
    assert htmlgate.check(page(TOOL_FORM.format(mark=token)), token).findings == []
    for mark, given in ((token, ""), ("guessed", token), ("", token)):
        found = [f.message for f in htmlgate.check(page(TOOL_FORM.format(mark=mark)), given).findings]
        assert "the element <textarea> is not allowed" in found and "a form field is not allowed" in found
    submitting = TOOL_FORM.format(mark=token).replace('type="button"', 'type="submit"')
    assert "a button that submits is not allowed" in [f.message for f in htmlgate.check(page(submitting), token).findings]
    handler = TOOL_FORM.format(mark=token).replace('<textarea rows="2">', '<textarea onfocus="alert(1)">')
    assert any("onfocus" in f.message for f in htmlgate.check(page(handler), token).findings)


def test_the_mark_is_taken_out_of_the_written_page():
    token = "ab" * 16
    problems = Problems()
    out = htmlgate.guard(page(TOOL_FORM.format(mark=token)), "", "docs/tools/self-assessment.md", 1, problems, token)
    assert not problems and token not in out and "data-att-tool" in out


TOKEN = "f00d" * 8
THEME_AFTER = ('<div class="md-sidebar"><a class="md-source" data-md-component="source" '
               'href="https://github.com/att/guide">repository</a><form class="md-search__form">'
               '<input class="md-search__input" name="query"></form></div>')


def themed_page(text: str) -> str:
    """A page as the theme writes it: the page's text (end mark after it) in the content region,
    then the theme's own markup, which may hold what content may not (data-md-*, a form)."""
    return (f'<!doctype html><html><head><meta charset=utf-8></head><body><div class="md-content">'
            f'<article class="md-content__inner md-typeset">{htmltheme.marked_end(text, TOKEN)}</article>'
            f"</div>{THEME_AFTER}</body></html>")


@pytest.mark.parametrize("escape", [
    '</article><a data-md-component="source" href="https://github.com/x/y">HX</a>',
    '</div><a data-md-component="source" href="https://github.com/x/y">HX</a>',
    '</article><div data-md-component="source">HX</div><article class="md-content__inner">reopened',
    "<textarea>",
    "<!--",
    "<title>",
])
def test_text_that_leaves_its_region_is_found(escape):
    report = htmlgate.check(themed_page(f"<p>Guidance.</p>{escape}"), TOKEN, marked=True)
    assert any("leaves the region of its text" in f.message for f in report.findings), report.findings


def test_the_theme_after_the_text_passes_and_the_end_mark_is_taken_out():
    problems = Problems()
    written = themed_page("<p>Guidance with <em>emphasis</em>.</p><div><p>A block.</p></div>")
    assert htmlgate.check(written, TOKEN, marked=True).findings == []
    out = htmlgate.guard(written, "", "docs/x.md", 1, problems, TOKEN, marked=True)
    assert not problems.items and "data-att-end" not in out and "Guidance with" in out


def test_an_end_mark_a_contributor_writes_is_not_this_builds():
    text = '<p>x</p></article><a data-md-component="source" href="https://github.com/x/y">HX</a>' \
           '<article class="md-content__inner"><span data-att-end="guessed"></span>'
    report = htmlgate.check(themed_page(text), TOKEN, marked=True)
    assert any("leaves the region" in f.message for f in report.findings)
