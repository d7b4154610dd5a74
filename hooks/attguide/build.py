"""Per-build state of the hook, and the small steps each MkDocs event delegates to.

MkDocs (and mkdocs-static-i18n, which builds each language by running the whole build
again) reuses one process for many builds under ``mkdocs serve``, and loads the hook once
per process. What depends on the pages is reset at the start of a build: the site model
and dates by the English build (the other languages reuse them), the files and URLs by
every language's. The registry is read again whenever its file changes (path, time and
size), and the navigation template is taken afresh from every new configuration (each
``mkdocs serve`` rebuild reads ``mkdocs.yml`` again).
"""

from __future__ import annotations

import copy
import functools
import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.structure.files import Files
from mkdocs.utils import get_relative_url as _get_relative_url

from .check import wording
from .read import languages as site_languages
from .read import mdtext
from .read import registry as registry_module
from .read import sources
from .theme import bridge as theme
from .search import index as search_module
from .check import termcheck
from .views import views
from .read.problems import Problems, shown_path
from .read.registry import Registry
from .check.scan import scan_site
from .read.sitemodel import SiteModel, language_of


@functools.lru_cache(maxsize=65536)
def get_relative_url(url: str, other: str) -> str:
    """MkDocs' ``get_relative_url``, kept: the pages of one folder link to the same pages
    again and again (a pure function of its two URLs, so nothing to reset between builds)."""
    return _get_relative_url(url, other)


log = logging.getLogger("mkdocs.plugins.attguide.build")

PHASES_PLACEHOLDER = "att:phases"
ARTICLES_PLACEHOLDER = "att:articles"


@dataclass
class BuildState:
    """What the hook knows during one build: registry, pages, and the language built."""

    registry_path: str = str(registry_module.DEFAULT_PATH)
    registry: Registry | None = None
    registry_key: tuple | None = None  # (path, mtime, size) of the registry file read
    model: SiteModel | None = None
    lang: str = field(default_factory=site_languages.default)
    nav_template: list | None = None
    nav_expanded: list | None = None  # the nav this state last gave MkDocs (a language's)
    files: Files | None = None
    env: object = None  # the theme's Jinja environment, for the generated views
    cycle: object = None  # the registry Cycle this build is the edition of
    versioned: bool = False  # mike is deploying this build as a version
    offline: bool = False  # Material's offline plugin is enabled
    dates: object = None  # lastupdated.LastUpdated of this build
    termbase: object = None  # attguide.read.terms.Termbase (terms.yml beside the registry)
    questions: object = None  # attguide.assessment.questions.Questions (questions.yml beside the registry)
    tool_token: str = ""  # this build's random mark of a tool's own form (attguide.check.htmlgate)
    site_url: str | None = None  # site_url as configured, while the sitemap is rendered
    not_found: dict = field(default_factory=dict)  # language -> its rendered 404 page, this build
    page_keywords: dict = field(default_factory=dict)  # English source path -> search keywords (attguide.search)
    search_keywords: dict = field(default_factory=dict)  # page URL (both languages) -> search keywords, this build
    changes: object = None  # attguide.changes.EditionChanges of this edition
    root_url: str = ""  # site_url before mike adds the version: where every version lives
    repo: dict | None = None  # the configured repository (attguide.editions.siteaddress.repository), or None
    feeds: dict = None  # lang -> rendered Atom feed, written after the last language
    released: list | None = None  # downloads.yml of gh-pages (else the old data file), read once per build
    _urls: dict | None = None  # English source path -> URL in the language being built
    unsafe: Problems | None = None  # findings of the rendered-HTML backstop, this language's build
    docs_prefix: str = "docs"  # how the docs folder is shown in messages

    # -- registry ---------------------------------------------------------------------
    def load_registry(self) -> Registry:
        """Load the registry, again only when another file or a changed one (``mkdocs serve``)."""
        stat = os.stat(self.registry_path)
        key = (os.path.abspath(self.registry_path), stat.st_mtime_ns, stat.st_size)
        if self.registry is None or key != self.registry_key:
            self.registry = registry_module.load(self.registry_path)
            self.registry_key = key
        return self.registry

    # -- navigation -------------------------------------------------------------------
    def expand_nav(self, nav: list, lang: str) -> list:
        """Replace the ``att:phases`` and ``att:articles`` entries of the configured nav.

        The nav of a language after the first is the one this state expanded for the first
        (static-i18n reuses the configuration): it is expanded again from the template. Any
        other nav is a fresh configuration's (a rebuild under ``mkdocs serve``) and becomes
        the template.
        """
        if nav is not self.nav_expanded or self.nav_template is None:
            self.nav_template = copy.deepcopy(nav)
        self.nav_expanded = _expand(copy.deepcopy(self.nav_template), self.registry, lang)
        return self.nav_expanded

    # -- first pass ---------------------------------------------------------------------
    def scan(self, docs_dir: str, paths: list[str] | None = None) -> SiteModel:
        """Read and check every page of both languages; fail once with every problem."""
        self.docs_prefix = shown_path(docs_dir)
        mdtext.blank_code.cache_clear()  # the texts of this build only
        self.model = scan_site(docs_dir, self.registry, shown_prefix=self.docs_prefix, paths=paths)
        # Sources no page cites; cited provisions without a recorded force; avoided terms;
        self.model.problems.extend(sources.check_unused(self.model))
        self.model.problems.extend(wording.check_coverage(self.model, self.docs_prefix))
        if self.termbase is not None:
            for problem in termcheck.check_model(self.model, self.termbase, self.docs_prefix):
                self.model.problems.add(problem.path, problem.line, problem.message, problem.hint)
        # Sentences that soften an obligation ("asks", 鼓励) or harden an encouragement.
        for issue in wording.check_wording(self.model, self.docs_prefix):
            self.model.problems.add(issue.path, issue.line, issue.message, issue.hint)
        self.model.problems.raise_if_any()
        return self.model

    # -- URLs ---------------------------------------------------------------------------
    def link_from(self, page) -> "views.Link":
        """A function giving, for an English source path, the URL relative to ``page``."""
        urls = self.page_urls()

        def link(base: str) -> str:
            url = urls.get(base)
            return "#" if url is None else get_relative_url(url, page.url)

        return link

    def page_urls(self) -> dict[str, str]:
        """Site URL of every page of the language being built, by English source path."""
        if self._urls is None:
            self._urls = {}
            for file in self.files.documentation_pages() if self.files else ():
                lang, base = language_of(file.src_uri)
                if lang == self.lang or base not in self._urls:
                    self._urls[base] = file.url
        return self._urls

    def shown(self, src_uri: str) -> str:
        """A page's source path as shown in messages, e.g. ``docs/index.md``."""
        return f"{self.docs_prefix}/{src_uri}" if self.docs_prefix else src_uri

    def source_page(self, page):
        """The first-pass record of an MkDocs page, or None."""
        if self.model is None:
            return None
        lang, base = language_of(page.file.src_uri)
        return self.model.page(lang, base)


def _expand(items: list, registry: Registry, lang: str) -> list:
    """Recursively splice generated sections in place of the placeholders."""
    out = []
    for item in items:
        if isinstance(item, dict) and len(item) == 1:
            (title, value), = item.items()
            if value == PHASES_PLACEHOLDER:
                out.extend(_phase_sections(registry, lang))
                continue
            if isinstance(value, list):
                out.append({title: _expand(value, registry, lang)})
                continue
        if item == ARTICLES_PLACEHOLDER or (isinstance(item, dict) and ARTICLES_PLACEHOLDER in item.values()):
            out.extend(f"articles/{a.slug}.md" for a in registry.articles.values())
            continue
        out.append(item)
    return out


def _phase_sections(registry: Registry, lang: str) -> list:
    """One nav section per phase: its overview (the section index), then its topics."""
    sections = []
    for phase in registry.phases.values():
        children = [phase.overview_path] + [phase.topic_path(t) for t in phase.topics]
        sections.append({phase.label(lang): children})
    return sections


# -- search index per language ------------------------------------------------------------
def split_search_index(site_dir: str, languages: list[str], inline_js: bool = False,
                       keywords: dict[str, str] | None = None) -> dict[str, int]:
    """Give each language its own search index; return each index's size in bytes.

    mkdocs-static-i18n merges every language into ``search/search_index.json``. Readers of
    one language should not download the other's index, so the entries under ``zh/`` move
    to ``zh/search/search_index.json`` (locations relative to ``zh/``); the root keeps the
    default language's. With ``inline_js`` (offline builds) each language also gets the
    ``search_index.js`` that Material loads from ``file://``. ``keywords`` (page URL ->
    text) become the ``keywords`` field of those pages' entries (see :mod:`attguide.search`).
    """
    root = Path(site_dir) / "search" / "search_index.json"
    if not root.exists():
        return {}
    data = json.loads(root.read_text(encoding="utf-8"))
    if keywords:
        search_module.add_keywords(data["docs"], keywords)
    sizes = {}
    for lang in languages:
        if lang == site_languages.default():
            others = tuple(f"{other}/" for other in languages if other != lang)
            docs = [d for d in data["docs"] if not d["location"].startswith(others)]
            target = root
        else:
            prefix = f"{lang}/"
            docs = [dict(d, location=d["location"][len(prefix):]) for d in data["docs"]
                    if d["location"].startswith(prefix)]
            target = Path(site_dir) / lang / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        payload = json.dumps({"config": data["config"], "docs": docs}, ensure_ascii=False,
                             separators=(",", ":"))
        target.write_text(payload, encoding="utf-8")
        if inline_js:
            target.with_suffix(".js").write_text(theme.offline_index(payload), encoding="utf-8")
        sizes[lang] = len(payload.encode("utf-8"))
    return sizes


def language_root(page_url: str, lang: str) -> str:
    """URL of the language's home relative to the page (the search ``base``)."""
    home = site_languages.prefix(lang)
    return get_relative_url(home or ".", page_url) if page_url else (home or ".")
