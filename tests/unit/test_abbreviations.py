"""Unit tests of abbreviation marking, in Chinese text especially."""

from __future__ import annotations

from attguide.views import abbreviations

ABBR = {"ATT": {"en": "Arms Trade Treaty", "zh": "《武器贸易条约》"},
        "DVC": {"en": "delivery verification certificate", "zh": "交付核查证书"},
        "CSP": {"en": "Conference of States Parties", "zh": "缔约国会议"}}


def test_matches_inside_chinese_text():
    out = abbreviations.expand("<p>报告提交给ATT秘书处，DVC由进口国签发。</p>", ABBR, "zh")
    assert '<abbr class="att-abbr" title="《武器贸易条约》" tabindex="0">ATT</abbr>秘书处' in out
    assert 'title="交付核查证书" tabindex="0">DVC</abbr>由' in out


def test_english_word_boundaries_and_first_occurrence_focusable():
    out = abbreviations.expand("<p>The ATT and the ATT; CSPs and CSP12 and CSP.</p>", ABBR, "en")
    assert out.count("<abbr") == 3
    assert out.count('tabindex="0"') == 2
    assert "CSPs" in out and "CSP12" in out


def test_links_code_headings_and_attributes_are_left_alone():
    html = ('<h2 id="att">ATT</h2><p><a href="x" title="ATT">ATT</a> <code>ATT</code> '
            '<img alt="ATT"> ATT</p>')
    out = abbreviations.expand(html, ABBR, "en")
    assert out.count("<abbr") == 1
    assert out.startswith('<h2 id="att">ATT</h2><p><a href="x" title="ATT">ATT</a> <code>ATT</code> <img alt="ATT"> ')
