"""Guards of the theme bridge's couplings outside Python (hooks/attguide/theme/__init__.py lists them).

Each test reads the installed Material or mkdocs-static-i18n and fails when an upgrade
changes what a bridge file relies on.
"""

from __future__ import annotations

import re
from pathlib import Path

import material
import mkdocs_static_i18n.plugin as i18n_plugin

from support import ROOT

THEME = Path(material.__file__).parent / "templates"
OVERRIDES = ROOT / "overrides"
GENERATED = re.compile(r"\A\{#-\s*This file was automatically generated - do not edit\s*-#\}\n")
OUR_NOTE = re.compile(r"\A\{#-.*?-#\}\n", re.DOTALL)


def _bundle() -> str:
    (bundle,) = (THEME / "assets" / "javascripts").glob("bundle.*.min.js")
    return bundle.read_text(encoding="utf-8")


def without_att_hunk(text: str) -> str:
    """Our copy of header.html minus its note and the hunk marked ``ATT:`` (``if`` … ``else``,
    and its ``endif``), which leaves the theme's lines."""
    text = OUR_NOTE.sub("", text, count=1)
    lines, out, skipping, closing = text.split("\n"), [], False, False
    for line in lines:
        if "ATT:" in line:
            skipping = True
            continue
        if skipping:
            if line.strip().startswith("{%- else %}"):
                skipping, closing = False, True
            continue
        if closing and line.strip().startswith("{%- endif %}"):
            closing = False
            continue
        out.append(line)
    return "\n".join(out)


def test_the_copied_header_differs_from_the_theme_only_by_the_marked_change():
    theirs = GENERATED.sub("", (THEME / "partials" / "header.html").read_text(encoding="utf-8"), count=1)
    ours = without_att_hunk((OVERRIDES / "partials" / "header.html").read_text(encoding="utf-8"))
    assert ours == theirs, "Material's partials/header.html changed: copy it again and re-apply the ATT: hunk"


def test_the_header_guard_sees_a_change_outside_the_hunk():
    ours = (OVERRIDES / "partials" / "header.html").read_text(encoding="utf-8")
    theirs = GENERATED.sub("", (THEME / "partials" / "header.html").read_text(encoding="utf-8"), count=1)
    assert without_att_hunk(ours.replace("md-header__title", "md-header__name", 1)) != theirs


def test_the_search_worker_protocol_is_what_the_segmenter_patches():
    """theme-bridge-search.html: the index is posted as {type:0,data:{config,docs}}, a query as
    {type:2,data:…}, through Worker.postMessage."""
    bundle = _bundle()
    assert "type:0,data:{config:" in bundle
    assert re.search(r"type:0,data:\{config:\w+,docs:", bundle)
    assert "type:2,data:" in bundle
    assert ".postMessage(" in bundle and "new Worker(" in bundle
    (worker,) = (THEME / "assets" / "javascripts" / "workers").glob("search.*.min.js")
    assert "type:3,data:{items:" in worker.read_text(encoding="utf-8")  # results, read by att-search.js
    assert re.search(r'\(\w+,"message",\w+=>\w+\.data\)', bundle)  # rxjs fromEvent → addEventListener
    ours = (OVERRIDES / "partials" / "att" / "theme-bridge-search.html").read_text(encoding="utf-8")
    assert "proto.postMessage = function" in ours and "proto.addEventListener = function" in ours
    script = (OVERRIDES / "assets" / "javascripts" / "att-search.js").read_text(encoding="utf-8")
    assert "message.type === 0 && data && data.docs" in script
    assert "message.type === 2" in script and "message.type === 3 && message.data && message.data.items" in script


def test_the_selectors_our_scripts_read_exist_in_the_theme():
    """att-layout.js and att-a11y.js find the theme's elements by these classes and roles."""
    partials = "\n".join(p.read_text(encoding="utf-8") for p in THEME.rglob("*.html"))
    for needed in ('class="md-select"', "md-select__link", 'hreflang="{{ alt.lang }}"', "md-sidebar--secondary",
                   "md-nav__link--active", 'class="md-search"', 'role="dialog"', "md-search__input"):
        assert needed in partials, needed
    scripts = "\n".join(p.read_text(encoding="utf-8")
                        for p in (OVERRIDES / "assets" / "javascripts").glob("att-*.js"))
    for used in (".md-sidebar--secondary .md-nav__link--active", "a.md-select__link[hreflang]", ".md-select",
                 ".md-search[role=dialog]", "input.md-search__input"):
        assert used in scripts, used


def test_on_page_context_runs_after_static_i18n():
    """Our switcher links rewrite what static-i18n's on_page_context put in config.extra.alternate."""
    import att_hooks

    theirs = i18n_plugin.I18n.on_page_context.mkdocs_priority
    ours = getattr(att_hooks.on_page_context, "mkdocs_priority", 0)
    assert theirs > ours
