"""``make preview-versions``: serve the versioned site (the ``gh-pages`` branch) as ``mike serve``
does, straight from git, but answer a missing page with the site's own 404 page in its
language and version (``csp13/zh/404.html`` for ``/csp13/zh/no-such-page/``), with status 404,
instead of Python's bare error page.
"""

from __future__ import annotations

import http.server
import mimetypes
import posixpath
import subprocess
import urllib.parse

from ..views import notfound

BRANCH = "gh-pages"


def _git(cwd: str | None, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True)


def kind(branch: str, path: str, cwd: str | None = None) -> str:
    """``blob``, ``tree`` or ``""`` (absent) for a path of ``branch``."""
    result = _git(cwd, "cat-file", "-t", f"{branch}:{path}")
    return result.stdout.decode().strip() if result.returncode == 0 else ""


def handler_class(branch: str = BRANCH, cwd: str | None = None):
    """A request handler serving ``branch`` of the repository at ``cwd`` (default: here)."""

    class Handler(http.server.BaseHTTPRequestHandler):
        """GET and HEAD of the branch's files; a missing page gets the nearest 404.html."""

        def log_message(self, format, *args):  # noqa: A002 - the base class's name
            """Quiet: one line per request would bury the server's address."""

        def do_HEAD(self):
            self._answer(body=False)

        def do_GET(self):
            self._answer(body=True)

        def _send(self, code: int, path: str, body: bool) -> None:
            data = _git(cwd, "show", f"{branch}:{path}").stdout
            self.send_response(code)
            kind_of = mimetypes.guess_type(path)[0] or "application/octet-stream"
            self.send_header("Content-Type", kind_of + ("; charset=utf-8" if kind_of.startswith("text/") else ""))
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            if body:
                self.wfile.write(data)

        def _answer(self, body: bool) -> None:
            url = urllib.parse.urlsplit(self.path)
            path = posixpath.normpath(urllib.parse.unquote(url.path)).lstrip("/")
            path = "" if path == "." else path
            found = kind(branch, path, cwd) if path else "tree"
            if found == "tree":
                if not url.path.endswith("/"):
                    self.send_response(301)
                    self.send_header("Location", url.path + "/" + (f"?{url.query}" if url.query else ""))
                    self.end_headers()
                    return
                path = posixpath.join(path, "index.html")
                found = kind(branch, path, cwd)
            if found == "blob":
                self._send(200, path, body)
                return
            page = notfound.nearest_page(url.path, lambda rel: kind(branch, rel, cwd) == "blob")
            if page:
                self._send(404, page, body)
            else:
                self.send_error(404, "File not found")

    return Handler


def serve(address: str = "127.0.0.1:8000", branch: str = BRANCH) -> None:
    """Serve ``branch`` on ``address`` until interrupted."""
    host, _, port = address.partition(":")
    httpd = http.server.ThreadingHTTPServer((host, int(port or 8000)), handler_class(branch))
    print(f"Serving the versioned site ({branch}) at http://{host}:{port or 8000}/ — Ctrl+C to stop.")
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        print("Stopped.")
    finally:
        httpd.server_close()
