"""Unit tests of links to other websites: marking in pages, and make check-sources offline."""

from __future__ import annotations

from attguide.theme import external
from attguide.check import linkcheck

import unitdata


def test_external_links_open_in_place_and_say_they_leave_the_site():
    html = ('<p><a href="https://example.org/a" target="_blank">A</a> and '
            '<a href="../sources/#x">internal</a> and <a class="x" href="//example.org/b">B</a></p>')
    out = external.mark(html, " (another website)")
    assert 'target=' not in out
    assert ('<a href="https://example.org/a" class="att-external" rel="noopener">A'
            '<span class="att-external__note"> (another website)</span></a>') in out
    assert '<a href="../sources/#x">internal</a>' in out
    assert 'class="x att-external"' in out


def test_links_already_marked_are_left_alone():
    html = '<a href="https://example.org" class="att-external" rel="noopener">A<span>n</span></a>'
    assert external.mark(html, " (another website)") == html


def test_check_sources_says_plainly_when_there_is_no_network(tmp_path):
    registry = unitdata.registry()
    (tmp_path / "page.md").write_text("See [IPIS](https://ipisresearch.be/x).\n", encoding="utf-8")
    lines = []
    called = []
    code = linkcheck.run(registry.sources, "sources.yml", tmp_path, lines.append,
                         probe=lambda hosts: False, checker=lambda a: called.append(a))
    assert code == 0 and not called
    assert any(line.startswith("NO NETWORK: ") and "no address was checked" in line for line in lines)


def test_check_sources_reports_an_address_that_does_not_answer(tmp_path):
    registry = unitdata.registry()
    lines = []

    def checker(address):
        ok = "ipisresearch" not in address.url
        return linkcheck.Result(address, ok, "200 (HEAD)" if ok else "HTTP 404 Not Found (HEAD)")

    code = linkcheck.run(registry.sources, "sources.yml", tmp_path, lines.append,
                         probe=lambda hosts: True, checker=checker)
    assert code == 1
    assert any(line.startswith("sources.yml:") and "HTTP 404" in line for line in lines)
