"""The one door on a second core: each page is checked in a worker process while MkDocs
renders the next one.

Checking a page's final HTML (:func:`.htmlgate.guard`: an HTML5 parse and a walk of every
element) is most of the hook's time, and MkDocs renders its pages one after another on one
core. So the check runs in one worker process beside the build, as Material's social plugin
draws its cards in a pool while the build goes on and waits for them at the end:

1. ``on_post_page`` hands the page to the worker (:meth:`Door.submit`) and gives MkDocs the
   withheld stand-in (:data:`.htmlgate.WITHHELD`) to write in the page's place.
2. The worker checks the page. A page that passes is written beside its place, as
   ``<file>.att-checked``, exactly as MkDocs writes a page; a page with findings is not
   written at all.
3. ``on_post_build`` (:meth:`Door.finish`) waits for the worker, moves each checked page into
   its place and hands over every finding.

No page reaches its place unchecked: until step 3 every place holds the stand-in, and an
unsafe page's stand-in stays. The worker is a fresh interpreter ("spawn": no state copied
from the build), started before the first page so that its start-up overlaps the build.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import time
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from mkdocs.exceptions import PluginError
from mkdocs.utils import write_file

from . import htmlgate
from ..read.problems import Problem, Problems

STAGED_SUFFIX = ".att-checked"
# The folder that holds the attguide package: MkDocs puts it on sys.path only while it loads
# the hook, and a spawned worker imports this module by name.
PACKAGE_PARENT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


@dataclass(frozen=True)
class PageJob:
    """One page for the door: its final HTML, where it goes, and how findings are placed."""

    output: str  # the page as MkDocs would write it
    dest: str  # the file it is written to
    source_text: str  # its Markdown source ('' for a page with none), to place findings on lines
    shown: str  # its source path as messages show it
    first_line: int  # line of the source where its body starts
    tool_token: str  # this language build's mark of the tools' own forms
    marked: bool  # the page's text carries the end mark (see htmlgate.check)


@dataclass(frozen=True)
class Checked:
    """What the worker found on one page, and whether the page now waits beside its place."""

    dest: str
    staged: bool
    problems: list[Problem]
    seconds: float  # processor time the worker spent on the page


def check_page(job: PageJob) -> Checked:
    """In the worker: the door's check of one page; a page that passes is written beside its place."""
    started = time.process_time()
    found = Problems()
    output = htmlgate.guard(job.output, job.source_text, job.shown, job.first_line, found, job.tool_token,
                            job.marked)
    if not found:
        write_file(output.encode("utf-8", errors="xmlcharrefreplace"), job.dest + STAGED_SUFFIX)
    return Checked(job.dest, not found, found.items, time.process_time() - started)


def _ignore_interrupt() -> None:
    """In the worker, as it starts: leave Ctrl-C to the build. A terminal sends it to every
    process of the command; ``mkdocs serve`` stops and then stops the worker itself
    (``on_shutdown``), so the worker prints no traceback of its own."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _ready() -> bool:
    """In the worker: nothing; submitted first so that the worker starts before the first page."""
    return True


class Door:
    """The worker and the pages handed to it during one site build (every language)."""

    def __init__(self) -> None:
        """No worker yet; it starts at the first :meth:`begin`."""
        self._executor: ProcessPoolExecutor | None = None
        self._pending: list[Future] = []
        self.worker_seconds = 0.0  # processor time of the worker on this build's pages

    def begin(self) -> None:
        """A new site build: forget the last one's pages; start the worker if none runs."""
        self._pending = []
        self.worker_seconds = 0.0
        if self._executor is None:
            self._executor = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                                initializer=_ignore_interrupt)
            saved = list(sys.path)
            sys.path.insert(0, PACKAGE_PARENT)  # the worker starts with this path (spawned in submit)
            try:
                self._executor.submit(_ready)
            finally:
                sys.path[:] = saved

    def submit(self, job: PageJob) -> str:
        """Hand a page to the worker; return what MkDocs writes in its place meanwhile."""
        if not job.output.strip():
            return job.output  # MkDocs writes no empty page: nothing to check
        if self._executor is None:
            self.begin()
        try:
            self._pending.append(self._executor.submit(check_page, job))
        except BrokenProcessPool as error:
            self._stopped(error)
        return htmlgate.WITHHELD

    def finish(self, problems: Problems) -> int:
        """Wait for every page; move each that passed into its place; add every finding to
        ``problems``. Returns the number of pages checked."""
        pending, self._pending = self._pending, []
        for future in pending:
            try:
                checked = future.result()
            except BrokenProcessPool as error:
                self._stopped(error)
            self.worker_seconds += checked.seconds
            for problem in checked.problems:
                problems.add(problem.path, problem.line, problem.message, problem.hint)
            if checked.staged:
                os.replace(checked.dest + STAGED_SUFFIX, checked.dest)
        return len(pending)

    def discard(self) -> None:
        """A build that failed before its end: wait for the worker, then remove every page it
        wrote beside its place (the stand-ins stay)."""
        pending, self._pending = self._pending, []
        for future in pending:
            try:
                checked = future.result()
            except Exception:  # noqa: BLE001 - the build is failing already; its own error is reported
                continue
            if checked.staged and os.path.exists(checked.dest + STAGED_SUFFIX):
                os.remove(checked.dest + STAGED_SUFFIX)

    def _stopped(self, error: Exception) -> None:
        """The worker died (killed, or out of memory): fail the build with a message, not a traceback."""
        self._pending = []
        self.close()
        raise PluginError(f"the process that checks the built pages stopped ({error}) — build again; "
                          "if it stops again, the machine may be short of memory")

    def close(self) -> None:
        """Stop the worker (``mkdocs serve`` ending, or a worker that died)."""
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
