"""Every page follows the termbase: no avoided Chinese variant, no -ise spelling (``make terms``)."""

from __future__ import annotations

from attguide.read import terms as termbase
from attguide.check import termcheck
from attguide.read.registry import load
from sitedata import DOCS


def test_every_page_uses_the_termbase_forms():
    registry = load()
    base = termbase.load(termbase.path_beside(registry.path), registry)
    found = termcheck.check_docs(DOCS, base, registry)
    assert not found, "avoided forms (run `make terms`):\n" + "\n".join(map(str, found[:40]))
