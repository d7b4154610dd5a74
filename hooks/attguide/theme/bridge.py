"""Every reliance on the internals of the theme and its plugins, in one place.

The site is pinned to mkdocs 1.6.1, mkdocs-material 9.8.2, mkdocs-static-i18n 1.3.1 and
mike 2.2.0. What follows is behaviour those versions have but do not promise; an upgrade
can change any of it. Each coupling has a guard in ``tests/unit/test_theme.py`` (it reads
the installed packages) and a behavioural one in the browser tests, so an upgrade that
breaks a coupling fails a test rather than a reader's page. The template side of the same
couplings is ``overrides/partials/att/theme-bridge.html``.

Python side:

1. **static-i18n private state.** The plugin builds one language after the other in the
   same process and keeps the language being built in ``current_language``, the fact that
   a nested build is running in ``building`` and the languages in ``build_languages``.
   None of it is public API: :func:`language_built`, :func:`nested_build`,
   :func:`languages_built`.
2. **The language switcher.** static-i18n sets ``config.extra.alternate`` both as an item
   and as an attribute, and Jinja reads the attribute first: :func:`set_alternates` sets
   both.
3. **``base_url`` per language.** Material puts the template variable ``base_url`` into
   its ``__config`` (the root of the search index) and ``__md_scope``; MkDocs' ``url``
   filter ignores it on pages (it uses ``page.url``). Overriding it per page gives each
   language its own search index: :func:`set_search_base`.
4. **The offline search index.** Material's offline plugin loads ``search_index.js``
   beside ``search_index.json`` and reads the global ``__index``: :func:`offline_index`.
5. **The offline polyfill.** The offline plugin adds an unpkg URL unless a polyfill whose
   URL contains ``iframe-worker`` is already set: :func:`use_local_polyfill`.
6. **Material's reserved ``status`` page meta**, which would draw an icon in the nav:
   :func:`hide_status_from_theme`.
7. **mike's ``site_url``.** mike appends the version to ``site_url`` without a trailing
   slash; static-i18n's sitemap template concatenates ``site_url`` and a page URL, which
   gives ``…/csp13zh/``: :func:`site_url_with_slash` while the sitemap is rendered.

Template side (``theme-bridge.html``): the search-on-demand patch of
``XMLHttpRequest`` (Material fetches ``search/search_index.json`` with XHR), the renaming
of ``link[rel=alternate]`` (Material fetches ``sitemap.xml`` beside each of them), and the
search root of the 404 pages (the ``base`` of Material's ``__config``).
"""

from __future__ import annotations

import logging
import os

from ..read import languages

log = logging.getLogger("mkdocs.plugins.attguide.theme")

I18N_PLUGIN = "i18n"
OFFLINE_INDEX_PREFIX = "var __index = "  # material/plugins/offline/plugin.py writes the same
POLYFILL_MARKER = "iframe-worker"  # what the offline plugin looks for in config.extra.polyfills


# -- static-i18n -------------------------------------------------------------------------------
def _i18n(config):
    """The static-i18n plugin instance, or None."""
    return config.plugins.get(I18N_PLUGIN)


def language_built(config) -> str:
    """The language static-i18n is building now (the default language without the plugin)."""
    return getattr(_i18n(config), "current_language", None) or languages.default()


def nested_build(config) -> bool:
    """Whether this build is one of static-i18n's nested per-language builds."""
    i18n = _i18n(config)
    return bool(i18n is not None and getattr(i18n, "building", False))


def languages_built(config) -> list[str]:
    """Every language static-i18n builds, the default first."""
    return list(getattr(_i18n(config), "build_languages", None) or [languages.default()])


def set_alternates(config, alternates: list[dict]) -> None:
    """Give the language switcher these entries (item and attribute, as static-i18n does)."""
    config.extra["alternate"] = alternates
    setattr(config.extra, "alternate", alternates)


# -- Material ----------------------------------------------------------------------------------
def set_search_base(context: dict, url: str) -> None:
    """Make ``url`` the root Material loads the search index from, on a page."""
    context["base_url"] = url


def offline_index(payload: str) -> str:
    """The ``search_index.js`` that Material's offline build reads from ``file://``."""
    return OFFLINE_INDEX_PREFIX + payload


def use_local_polyfill(config, path: str) -> None:
    """Use the vendored iframe-worker shim, so the offline plugin adds no CDN URL."""
    assert POLYFILL_MARKER in path, path
    config.extra["polyfills"] = [path]


def hide_status_from_theme(page) -> None:
    """Keep the project's ``status`` key from Material's own page status (a nav icon)."""
    page.meta.pop("status", None)


# -- mike --------------------------------------------------------------------------------------
def remove_sitemap(site_dir) -> None:
    """Remove ``sitemap.xml`` and ``sitemap.xml.gz`` from a built site: MkDocs always writes
    them, and without a ``site_url`` they could only hold relative addresses (a sitemap must
    give absolute ones)."""
    for name in ("sitemap.xml", "sitemap.xml.gz"):
        path = os.path.join(site_dir, name)
        if os.path.exists(path):
            os.remove(path)


def site_url_with_slash(config) -> str:
    """End ``site_url`` with a slash (mike appended the version without one); return it as it was.

    Only for the time the sitemap is rendered: mike's ``on_config`` runs again for every
    language's build and joins the version to ``site_url`` once more, so a slash left in
    place would give ``…/csp13/csp13``. :func:`restore_site_url` puts the old value back.
    """
    url = config.site_url
    if url and not url.endswith("/"):
        config.site_url = url + "/"
    return url


def restore_site_url(config, url: str) -> None:
    """Put back the ``site_url`` that :func:`site_url_with_slash` returned."""
    config.site_url = url
