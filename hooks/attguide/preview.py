"""``make preview-versions``: serve the versioned site (the ``gh-pages`` branch) as mike does,
but answer a missing page with the site's own 404 page in its language and version
(``csp13/zh/404.html`` for ``/csp13/zh/no-such-page/``) instead of Python's bare error page.
"""

from __future__ import annotations

import http.server
import posixpath
import urllib.parse

from . import notfound

BRANCH = "gh-pages"


def handler_class(branch: str = BRANCH):
    """mike's handler of ``branch``, with the site's 404 pages."""
    from mike import git_utils
    from mike.server import GitBranchHTTPHandler

    def exists(path: str) -> bool:
        try:
            git_utils.file_mode(branch, path)
            return True
        except git_utils.GitError:
            return False

    class Handler(GitBranchHTTPHandler):
        """Serves ``branch``; a missing page gets the nearest 404.html, with status 404."""

        def send_error(self, code, message=None, explain=None):
            """A 404 answered with the site's page of that language, when the branch has one."""
            if code == 404 and self.command in ("GET", "HEAD"):
                path = posixpath.normpath(urllib.parse.unquote(urllib.parse.urlsplit(self.path).path))
                page = notfound.nearest_page(path, exists)
                if page:
                    body = git_utils.read_file(branch, page)
                    self.send_response(404, message)
                    self.send_header("Content-Type", "text/html; charset=utf-8")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    if self.command == "GET":
                        self.wfile.write(body)
                    return
            super().send_error(code, message, explain)

    Handler.branch = branch
    return Handler


def serve(address: str = "127.0.0.1:8000", branch: str = BRANCH) -> None:
    """Serve ``branch`` on ``address`` until interrupted (as ``mike serve``)."""
    host, _, port = address.partition(":")
    httpd = http.server.HTTPServer((host, int(port or 8000)), handler_class(branch))
    print(f"Serving the versioned site ({branch}) at http://{host}:{port or 8000}/ — Ctrl+C to stop.")
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        print("Stopped.")
    finally:
        httpd.server_close()
