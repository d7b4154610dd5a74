"""Browser fixtures and helpers: a site served on 127.0.0.1, and the system Chromium."""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import os
import threading
from pathlib import Path

import pytest

from support import ARTIFACTS, CHROMIUM_ARGS, chromium_path


COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static files like a real static host: gzip for text when the client accepts it,
    and no log line per request in the test output."""

    def log_message(self, *args):
        """Stay silent."""

    def end_headers(self):
        """Allow LinkChecker more than ten requests a second (it asks for this header)."""
        self.send_header("LinkChecker", "allow")
        super().end_headers()

    def send_head(self):
        """Serve text files gzip-compressed when asked, as static hosts do."""
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the base class redirects to the trailing slash
            path = os.path.join(path, "index.html")
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.endswith(COMPRESSIBLE) and os.path.isfile(path)):
            return super().send_head()
        with open(path, "rb") as handle:
            body = gzip.compress(handle.read(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve(root: Path):
    """Serve ``root`` on a free port of 127.0.0.1 in a thread; return (server, base URL)."""
    handler = functools.partial(QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="session")
def site_url(built_site):
    """Base URL of the built site served locally."""
    server, url = serve(built_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """The system Chromium driven by Playwright (never a downloaded browser)."""
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Remember each phase's outcome on the test item, for the screenshot on failure."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


# The widths every layout is looked at: a desk screen and a small phone.
VIEWPORTS = {"desk": {"width": 1280, "height": 800}, "phone": {"width": 360, "height": 740}}


@pytest.fixture(params=list(VIEWPORTS))
def view(browser, request):
    """A page at one of the two widths; its name is ``view.width_name``."""
    context = browser.new_context(viewport=VIEWPORTS[request.param])
    page = context.new_page()
    page.width_name = request.param
    yield page
    context.close()


@pytest.fixture
def page(browser, request):
    """A fresh page at desktop width; a screenshot lands in tests/artifacts/ on failure."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        name = request.node.nodeid.replace("/", "_").replace(":", "_")
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    context.close()


def search_results(page, query: str, timeout: float = 30.0) -> list[str]:
    """Type ``query`` into the search box until results show; return the result links.

    The theme builds its index in a worker after the page loads and reads the query on
    key events; a query typed before the index is ready gets no answer, so a key is pressed
    again until results appear.
    """
    import time
    deadline = time.monotonic() + timeout
    page.fill("input.md-search__input", query)
    while True:
        page.press("input.md-search__input", "End")
        try:
            page.wait_for_selector(".md-search-result__item", timeout=2000)
            break
        except Exception:
            if time.monotonic() > deadline:
                raise
    return page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.href)")


SEARCH_INPUT = "input.md-search__input"


def ranked_pages(page, query: str, timeout: float = 5.0) -> list[str]:
    """Search ``query`` on the open page; return the result pages (no anchor or ?h=), best first.

    The text is inserted at once and a key is then pressed, as an input method commits
    Chinese text (Playwright's ``type`` of Chinese fires no keyup, and the theme reads the
    query on key events). The field is emptied first, so the results read are this query's.
    An empty list means no result within ``timeout`` seconds.
    """
    import time
    page.fill(SEARCH_INPUT, "")
    page.press(SEARCH_INPUT, "End")
    page.wait_for_function("() => !document.querySelector('.md-search-result__item')", timeout=5000)
    page.focus(SEARCH_INPUT)
    page.keyboard.insert_text(query)
    deadline = time.monotonic() + timeout
    while True:
        page.press(SEARCH_INPUT, "End")
        try:
            page.wait_for_selector(".md-search-result__item", timeout=700)
            break
        except Exception:
            if time.monotonic() > deadline:
                return []
    hrefs = page.eval_on_selector_all(".md-search-result__item > a:first-child", "els => els.map(e => e.href)")
    seen: list[str] = []
    for href in hrefs:
        path = href.split("#")[0].split("?")[0]
        if path not in seen:
            seen.append(path)
    return seen


def wait_for_search(page, probe: str, timeout: float = 30.0) -> None:
    """Open the search on the current page and wait until the index answers ``probe``."""
    page.click(SEARCH_INPUT)
    if not ranked_pages(page, probe, timeout=timeout):
        raise AssertionError(f"search gave no result for {probe!r} within {timeout:.0f} s")
