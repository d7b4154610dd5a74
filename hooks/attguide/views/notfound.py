"""A 404 page per language: ``404.html`` in English, ``zh/404.html`` in Chinese.

MkDocs renders the theme's ``404.html`` once per build, at the root of the site, and
mkdocs-static-i18n runs one build per language into the same folder, so the last
language's page would win and there would be none under ``zh/``. The hook keeps each
language's page as it is rendered and writes them all, each under its language's root,
once every language is built.

Error pages use absolute URLs (MkDocs: the path of ``site_url``), since a static host
serves them at any depth.
"""

from __future__ import annotations

import logging
import posixpath
from pathlib import Path

log = logging.getLogger("mkdocs.plugins.attguide.notfound")

TEMPLATE = "404.html"


def home_of(base_url: str, lang: str, default: str) -> str:
    """Absolute path of a language's home on an error page whose base is ``base_url``."""
    root = base_url if base_url.endswith("/") else base_url + "/"
    return root if lang == default else posixpath.join(root, f"{lang}/")


def context(base_url: str, lang: str, languages: list[str], default: str, strings) -> dict:
    """What the 404 template needs: the home of its language, and the other languages'."""
    return {
        "home": home_of(base_url, lang, default),
        "others": [{"lang": other, "home": home_of(base_url, other, default),
                    "text": strings(other)["not_found_language"]}
                   for other in languages if other != lang],
    }


def alternates(base_url: str, languages: list[dict], default: str) -> list[dict]:
    """Language switcher entries of an error page: each language's home, absolute."""
    return [dict(language, link=home_of(base_url, language["lang"], default)) for language in languages]


def write_pages(site_dir: str, pages: dict[str, str], default: str) -> list[Path]:
    """Write each language's 404 page under that language's root; return the paths."""
    written = []
    for lang, html in pages.items():
        path = Path(site_dir) / ("" if lang == default else lang) / TEMPLATE
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
        written.append(path)
    return written


# -- local servers ----------------------------------------------------------------------------
def nearest_page(path: str, exists) -> str | None:
    """The 404 page for a missing URL path: the one of its deepest folder that has one
    (``csp13/zh/x/`` → ``csp13/zh/404.html``, then ``csp13/404.html``, then ``404.html``).
    ``exists(relative_path)`` says whether the site has a file."""
    parts = [part for part in posixpath.normpath("/" + path).split("/") if part and part != ".."]
    for depth in range(len(parts), -1, -1):
        candidate = posixpath.join(*parts[:depth], TEMPLATE) if depth else TEMPLATE
        if exists(candidate):
            return candidate
    return None


def serve_per_language(server, site_dir: str):
    """``mkdocs serve``: answer a missing page with the 404 page of its language.

    MkDocs' live-reload server answers every missing address with the root ``404.html``
    (English). The server's WSGI app is wrapped to remember the path asked for, and its error
    handler to look for the nearest ``404.html`` (``zh/404.html`` under ``/zh/``).
    """
    import threading

    asked = threading.local()
    serve, handler = server.serve_request, server.error_handler
    mount = getattr(server, "mount_path", "/")

    def serve_request(environ, start_response):
        asked.path = environ.get("PATH_INFO", "")
        return serve(environ, start_response)

    def error_handler(code):
        path = getattr(asked, "path", "")
        if code == 404 and path.startswith(mount):
            found = nearest_page(path[len(mount):], lambda rel: (Path(site_dir) / rel).is_file())
            if found:
                return (Path(site_dir) / found).read_bytes()
        return handler(code)

    server.error_handler = error_handler
    server.set_app(serve_request)
    return server
