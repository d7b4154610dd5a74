"""What the one door puts into, and protects in, a page's ``<head>``.

The Content-Security-Policy: ``overrides/main.html`` prints :data:`CSP_PENDING` in a
``<meta http-equiv>`` at the top of ``<head>``; :mod:`attguide.check.htmlgate` replaces it with the
policy once the page's inline scripts are known to be the theme's (their hashes go into it).
And the front-matter texts Material's ``base.html`` prints raw into ``<head>``
(``content="{{ page.meta.description }}"``), escaped first.
"""

from __future__ import annotations

import base64
import hashlib

CSP_PENDING = "att-csp-pending"
THEME_META_TEXTS = ("title", "description", "author")


def csp_hash(text: str) -> str:
    """The CSP source expression of an inline script."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def policy(script_hashes: list[str]) -> str:
    """The page's policy: scripts from the site and the theme's inline scripts, nothing else active."""
    scripts = " ".join(["'self'"] + sorted(set(script_hashes)))
    return (f"script-src {scripts}; object-src 'none'; base-uri 'none'; form-action 'none'; "
            "connect-src 'self'")


def escape_theme_meta(meta: dict) -> None:
    """Escape the front-matter texts the theme prints unescaped: a quotation mark in a
    description stays inside its ``<meta content="…">`` (Markup is not escaped twice)."""
    from markupsafe import escape
    for key in THEME_META_TEXTS:
        if isinstance(meta.get(key), str):
            meta[key] = escape(meta[key])
