"""Interface strings that come from MkDocs' configuration rather than from our templates.

The ``toc`` extension writes ``title="Permanent link"`` on every heading's ¶ anchor; it takes
one ``permalink_title`` for the whole site. mkdocs-static-i18n builds each language with the
same configuration object and MkDocs makes a new Markdown instance for every page from
``config.mdx_configs``, so setting the title in ``on_config`` (run once per language) gives
each language its own tooltip.
"""

from __future__ import annotations

TOC = "toc"


def localise_markdown(config, strings: dict) -> None:
    """Set the ¶ anchors' tooltip of the language being built (only where permalinks are on)."""
    toc = config.mdx_configs.get(TOC)
    if toc is not None and toc.get("permalink") and strings.get("permalink_title"):
        toc["permalink_title"] = strings["permalink_title"]
