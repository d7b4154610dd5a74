"""Rendering of the generated views from the Jinja templates in ``overrides/partials/att/``.

Python never writes HTML here: it hands plain data (see :mod:`attguide.views`) to a
template of the theme's own Jinja environment, so the markup is edited like any other
theme override.
"""

from __future__ import annotations

import logging

import jinja2

log = logging.getLogger("mkdocs.plugins.attguide.render")


def render(env: jinja2.Environment, name: str, **context) -> str:
    """Render ``partials/att/<name>.html`` with ``context``."""
    return env.get_template(f"partials/att/{name}.html").render(**context)
