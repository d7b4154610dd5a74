"""Unit tests of the door's worker (:mod:`attguide.check.gatepool`): pages checked in a second
process, a stand-in in each place until the end, only pages that passed put in their places."""

from __future__ import annotations

import os
import signal

import pytest
from mkdocs.exceptions import PluginError

from attguide.check import gatepool, htmlgate
from attguide.read.problems import Problems

SAFE = ('<!doctype html><html><head><meta charset=utf-8></head><body><main>'
        '<article class="md-content__inner md-typeset"><p>Safe text.</p></article></main></body></html>')
UNSAFE = SAFE.replace("<p>Safe text.</p>", '<p>Text <img src="x.png" onerror="alert(1)" alt="x"></p>')
SOURCE = "---\ntopic: x\n---\n\n# Title\n\nText <img src=\"x.png\" onerror=\"alert(1)\" alt=\"x\">\n"


@pytest.fixture
def door():
    """A door with its worker; stopped after the test."""
    opened = gatepool.Door()
    opened.begin()
    yield opened
    opened.close()


def job(dest, output: str, source: str = "") -> gatepool.PageJob:
    """A page for the door, as ``on_post_page`` hands it over."""
    return gatepool.PageJob(output, str(dest), source, "docs/x.md", 5, "", marked=False)


def write_as_mkdocs(dest, output: str) -> None:
    """What MkDocs does with what ``on_post_page`` returned."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(output, encoding="utf-8")


def test_pages_that_pass_take_their_places_and_unsafe_ones_keep_the_stand_in(door, tmp_path):
    safe, unsafe = tmp_path / "safe" / "index.html", tmp_path / "unsafe" / "index.html"
    for dest, output, source in ((safe, SAFE, ""), (unsafe, UNSAFE, SOURCE)):
        written = door.submit(job(dest, output, source))
        assert written == htmlgate.WITHHELD  # never the page itself before it is checked
        write_as_mkdocs(dest, written)
    problems = Problems()
    assert door.finish(problems) == 2
    assert safe.read_text(encoding="utf-8") == htmlgate.guard(SAFE, "", "docs/x.md", 5, Problems())
    assert unsafe.read_text(encoding="utf-8") == htmlgate.WITHHELD
    assert [(p.path, p.line) for p in problems.items] == [("docs/x.md", 7)]
    assert "onerror" in problems.items[0].message
    assert not list(tmp_path.rglob("*" + gatepool.STAGED_SUFFIX))
    assert door.worker_seconds > 0


def test_an_unsafe_page_is_never_written_even_beside_its_place(door, tmp_path):
    dest = tmp_path / "unsafe.html"
    write_as_mkdocs(dest, door.submit(job(dest, UNSAFE)))
    door._pending[0].result()  # the worker has checked it; the build has not ended
    assert not (tmp_path / ("unsafe.html" + gatepool.STAGED_SUFFIX)).exists()
    assert "onerror" not in dest.read_text(encoding="utf-8")
    door.finish(Problems())


def test_a_new_build_starts_with_no_pages_of_the_last(door, tmp_path):
    dest = tmp_path / "a.html"
    write_as_mkdocs(dest, door.submit(job(dest, UNSAFE)))  # a build that ended without on_post_build
    door.begin()
    problems = Problems()
    assert door.finish(problems) == 0 and not problems


def test_a_failed_build_leaves_no_checked_page_beside_its_stand_in(door, tmp_path):
    dest = tmp_path / "a.html"
    write_as_mkdocs(dest, door.submit(job(dest, SAFE)))
    door.discard()
    assert [p.name for p in tmp_path.iterdir()] == ["a.html"]
    assert dest.read_text(encoding="utf-8") == htmlgate.WITHHELD


def test_an_empty_page_is_left_to_mkdocs(door, tmp_path):
    assert door.submit(job(tmp_path / "a.html", "  \n")) == "  \n"
    assert door.finish(Problems()) == 0


def test_a_worker_that_dies_fails_the_build_with_a_message(door, tmp_path):
    for process in list(door._executor._processes.values()):
        process.kill()
        process.join()
    dest = tmp_path / "a.html"
    with pytest.raises(PluginError, match="the process that checks the built pages stopped"):
        write_as_mkdocs(dest, door.submit(job(dest, SAFE)))
        door.finish(Problems())
    # Either MkDocs wrote nothing (the worker was already gone) or the stand-in: never the page.
    assert not dest.exists() or dest.read_text(encoding="utf-8") == htmlgate.WITHHELD
    assert door._executor is None  # the next build starts a new worker


def _ignored_signals(pid: int) -> int:
    """The mask of signals the process ignores, as Linux reports it."""
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        line = next(line for line in status if line.startswith("SigIgn:"))
    return int(line.split()[1], 16)


def test_ctrl_c_is_left_to_the_build_and_the_worker_goes_on(door, tmp_path):
    """A terminal's Ctrl-C reaches every process of ``mkdocs serve``: the worker must neither
    die nor print a traceback; the build decides (it stops the worker in on_shutdown)."""
    assert door.submit(job(tmp_path / "warm.html", SAFE)) == htmlgate.WITHHELD
    assert door.finish(Problems()) == 1  # the worker has started and checked a page
    workers = list(door._executor._processes.values())
    assert workers
    for process in workers:
        assert _ignored_signals(process.pid) & (1 << (signal.SIGINT - 1)), "the worker would die on Ctrl-C"
        os.kill(process.pid, signal.SIGINT)
    dest = tmp_path / "a.html"
    write_as_mkdocs(dest, door.submit(job(dest, SAFE)))
    assert door.finish(Problems()) == 1
    assert dest.read_text(encoding="utf-8") != htmlgate.WITHHELD
