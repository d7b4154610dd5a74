"""The second pass reuses the first pass's references when MkDocs hands over the same text."""

from __future__ import annotations

import pytest

from attguide.read import refs

BODY = "\n\n# Title\n\nSee [](art:7) and [the phase](phase:e).\n"


@pytest.fixture
def first_pass():
    """The links the first pass found in BODY (targets stand in: the reuse does not read them)."""
    return [(link, f"target of {link.url}") for link in refs.scan(BODY)]


def _no_second_scan(markdown, first_line=1):
    raise AssertionError("the page was scanned again")


@pytest.mark.parametrize("handed_over", [BODY.lstrip("\n"), BODY.strip("\n")],
                         ids=["as scanned", "without the final line break (as MkDocs hands it over)"])
def test_the_first_pass_is_reused(monkeypatch, first_pass, handed_over):
    monkeypatch.setattr(refs, "scan", _no_second_scan)
    links = refs.links_for(handed_over, BODY, first_pass, registry=None)
    assert [handed_over[link.start:link.end] for link, _ in links] == ["[](art:7)", "[the phase](phase:e)"]
    assert [target for _, target in links] == ["target of art:7", "target of phase:e"]


def test_a_changed_text_is_scanned_again(monkeypatch, first_pass):
    monkeypatch.setattr(refs, "scan", _no_second_scan)
    with pytest.raises(AssertionError, match="scanned again"):
        refs.links_for("Another plugin wrote [](art:7) here.", BODY, first_pass, registry=None)
