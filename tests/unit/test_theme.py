"""Guards of the couplings to theme and plugin internals (hooks/attguide/theme.py and
overrides/partials/att/theme-bridge.html): each test reads the installed package and fails
when an upgrade changes what the site relies on. The browser tests guard the same
couplings by behaviour (no failing request on any page type, search on demand)."""

from __future__ import annotations

import inspect
import os
from pathlib import Path

import jinja2
import material
import pytest
from material.plugins.offline.plugin import OfflinePlugin
from mike.mkdocs_plugin import MikePlugin
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils import normalize_url
from mkdocs_static_i18n import reconfigure
from mkdocs_static_i18n.plugin import I18n

from attguide.views import notfound
from attguide.theme import bridge as theme
from support import ROOT

TEMPLATES = Path(material.__file__).parent / "templates"
BUNDLE = next((TEMPLATES / "assets" / "javascripts").glob("bundle.*.min.js")).read_text(encoding="utf-8")
BASE = (TEMPLATES / "base.html").read_text(encoding="utf-8")
BRIDGE = (ROOT / "overrides" / "partials" / "att" / "theme-bridge.html").read_text(encoding="utf-8")


def test_search_index_is_fetched_with_xmlhttprequest_at_the_url_the_patch_holds_back():
    # theme-bridge.html patches XMLHttpRequest.prototype for URLs ending /search/search_index.json.
    assert "XMLHttpRequest" in BUNDLE
    assert 'new URL("search/search_index.json",' in BUNDLE
    assert r"/\/search\/search_index\.json$/" in BRIDGE
    # The elements that mean "the reader reaches for search".
    search = (TEMPLATES / "partials" / "search.html").read_text(encoding="utf-8")
    header = (TEMPLATES / "partials" / "header.html").read_text(encoding="utf-8")
    assert 'class="md-search"' in search and 'for="__search"' in header
    assert 'id="__search"' in BASE


def test_the_theme_fetches_a_sitemap_beside_each_alternate_link_which_the_bridge_renames():
    assert 'M("link[rel=alternate]")' in BUNDLE and 'new URL("sitemap.xml",' in BUNDLE
    assert '<link rel="alternate" href="{{ alt.link | url }}" hreflang=' in BASE
    assert """'link[rel="alternate"]'""" in BRIDGE and '"alternate-language"' in BRIDGE
    # Every alternate link (hreflang and the Atom feed) stands before the bridge in <head>.
    main = (ROOT / "overrides" / "main.html").read_text(encoding="utf-8")
    assert main.index("application/atom+xml") < main.index("bridge.head()")
    assert "data-att-rel" not in BRIDGE


def test_base_url_is_the_search_root_and_not_the_root_of_page_assets():
    # The theme reads the search root from base_url, in a block the bridge extends.
    assert '"base": base_url' in BASE and "{% block config %}" in BASE
    assert "Ct.base=`${new URL(Ct.base," in BUNDLE
    # MkDocs resolves asset URLs of a page against the page, not base_url...
    page = type("Page", (), {"url": "zh/e-authorization/risk-assessment/"})()
    assert normalize_url("assets/att.css", page=page, base="../") == "../../../assets/att.css"
    # ...but those of an error page (no page) against base_url: hence config() in the bridge.
    assert normalize_url("assets/att.css", page=None, base="/") == "/assets/att.css"
    context = {}
    theme.set_search_base(context, "../")
    assert context == {"base_url": "../"}


def test_the_offline_plugin_reads_the_index_from_the_global_the_split_writes():
    source = inspect.getsource(OfflinePlugin)
    assert f'f"{theme.OFFLINE_INDEX_PREFIX}{{data}}"' in source
    assert 'new URL("search/search_index.js",' in BUNDLE and "()=>__index" in BUNDLE
    assert theme.offline_index('{"docs":[]}') == 'var __index = {"docs":[]}'


def test_the_offline_plugin_adds_no_cdn_polyfill_when_the_local_shim_is_set():
    source = inspect.getsource(OfflinePlugin)
    assert f'"{theme.POLYFILL_MARKER}" in url' in source
    config = MkDocsConfig()
    config.load_dict({"site_name": "x", "extra": {}})
    theme.use_local_polyfill(config, "assets/javascripts/vendor/iframe-worker/shim.js")
    assert config.extra["polyfills"] == ["assets/javascripts/vendor/iframe-worker/shim.js"]


def test_static_i18n_private_state_is_where_the_hook_reads_it():
    plugin = I18n()
    assert plugin.current_language is None and plugin.building is False
    assert isinstance(inspect.getattr_static(I18n, "build_languages"), property)
    plugin.current_language, plugin.building = "zh", True
    config = type("Config", (), {"plugins": {"i18n": plugin}})()
    assert theme.language_built(config) == "zh" and theme.nested_build(config)
    assert theme.language_built(type("Config", (), {"plugins": {}})()) == "en"


def test_the_switcher_entries_reach_the_template_even_after_static_i18n_set_the_attribute():
    assert "config.extra.alternate = deepcopy(self.extra_alternate)" in inspect.getsource(reconfigure)
    config = MkDocsConfig()
    config.load_dict({"site_name": "x", "extra": {"alternate": [{"lang": "en", "link": "/"}]}})
    config.validate()
    config.extra.alternate = [{"lang": "en", "link": "/absolute/"}]  # what static-i18n does
    theme.set_alternates(config, [{"lang": "en", "link": "../"}])
    rendered = jinja2.Template("{{ config.extra.alternate[0].link }}|{{ config.extra['alternate'][0].link }}")
    assert rendered.render(config=config) == "../|../"


def test_the_status_key_would_draw_an_icon_in_the_theme_nav():
    nav_item = (TEMPLATES / "partials" / "nav-item.html").read_text(encoding="utf-8")
    assert "nav_item.meta.status" in nav_item
    page = type("Page", (), {"meta": {"status": "draft", "topic": "x"}})()
    theme.hide_status_from_theme(page)
    assert page.meta == {"topic": "x"}


def test_mike_joins_the_version_without_a_slash_and_the_sitemap_gets_one(monkeypatch):
    monkeypatch.setenv("MIKE_DOCS_VERSION", "csp13")
    plugin = MikePlugin()
    plugin.load_config({})
    config = MkDocsConfig()
    config.load_dict({"site_name": "x", "site_url": "https://att.example.org/"})
    config.validate()
    plugin.on_config(config)
    assert config.site_url == "https://att.example.org/csp13"  # the sitemap would read …/csp13zh/
    before = theme.site_url_with_slash(config)
    assert config.site_url == "https://att.example.org/csp13/"
    theme.restore_site_url(config, before)
    plugin.on_config(config)  # the next language's build: mike joins the version again
    assert config.site_url == "https://att.example.org/csp13"


def test_error_pages_use_absolute_urls_from_the_site_url_path():
    from mkdocs.commands import build
    source = inspect.getsource(build._build_template)
    assert "base_url = urlsplit(config.site_url or '/').path" in source
    assert notfound.home_of("/", "en", "en") == "/" and notfound.home_of("/", "zh", "en") == "/zh/"
    assert notfound.home_of("/csp13", "zh", "en") == "/csp13/zh/"


@pytest.mark.parametrize("name", ["404.html", "main.html"])
def test_overridden_templates_extend_blocks_the_theme_still_has(name):
    ours = (ROOT / "overrides" / name).read_text(encoding="utf-8")
    for block in ("content", "htmltitle", "extrahead", "config", "announce"):
        if "{% block " + block + " %}" in ours:
            assert "{% block " + block + " %}" in BASE, block
    if name == "404.html":
        assert "{% block content %}" in (TEMPLATES / "404.html").read_text(encoding="utf-8")
    assert os.path.exists(TEMPLATES / "main.html")
