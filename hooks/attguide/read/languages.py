"""The site's languages: read once from the i18n plugin's configuration, nowhere else.

``mkdocs.yml`` lists the languages under ``plugins: - i18n: languages:`` (``locale``, and
``default: true`` on one). This module is the only one that knows them: others call
:func:`codes` and :func:`default` (a language is configuration plus translations, not code).
The hook calls :func:`configure` with the build's configuration in ``on_config``; a tool or
test that never builds gets the project's ``mkdocs.yml`` (or the one given to :func:`read_file`).

Language-dependent formatting that is not a translation string (dates) lives here too.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

import yaml

log = logging.getLogger("mkdocs.plugins.attguide.languages")

PROJECT_CONFIG = Path(__file__).resolve().parents[3] / "mkdocs.yml"
_current: dict = {}


class _Loader(yaml.SafeLoader):
    """mkdocs.yml with its tags (``!ENV``, ``!!python/name``) read as plain values."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def _set(entries) -> None:
    locales = tuple(str(entry["locale"]) for entry in entries if entry.get("build", True))
    defaults = [str(entry["locale"]) for entry in entries if entry.get("default")]
    if not locales:
        raise ValueError("the i18n plugin lists no language to build")
    _current["codes"] = locales
    _current["default"] = defaults[0] if defaults else locales[0]


def read_file(path: str | Path = PROJECT_CONFIG) -> None:
    """Take the languages from the i18n plugin entry of the MkDocs configuration file ``path``."""
    data = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_Loader) or {}
    for plugin in data.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            _set((plugin["i18n"] or {}).get("languages") or [])
            return
    raise ValueError(f"{path}: no i18n plugin — list the site's languages under plugins: - i18n: languages:")


def configure(config) -> None:
    """Take the languages from a loaded MkDocs configuration (the build's ``on_config``)."""
    plugin = config.plugins.get("i18n")
    if plugin is None:
        read_file(config.config_file_path)
        return
    _set([{"locale": lang["locale"], "default": lang["default"], "build": lang["build"]}
          for lang in plugin.config.languages])


def codes() -> tuple[str, ...]:
    """The site's languages, the default first as in ``mkdocs.yml``."""
    if not _current:
        read_file()
    return _current["codes"]


def default() -> str:
    """The default language (served at the site root)."""
    if not _current:
        read_file()
    return _current["default"]


def format_date(day: dt.date, lang: str) -> str:
    """A date as readers of ``lang`` write it: ``28 November 2026`` / ``2026年11月28日``."""
    if lang == "zh":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {day.strftime('%B')} {day.year}"
