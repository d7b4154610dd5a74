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


def translated() -> tuple[str, ...]:
    """The languages other than the default one (translations of its pages)."""
    return tuple(lang for lang in codes() if lang != default())


def is_default(lang: str) -> bool:
    """Whether ``lang`` is the default language (its pages sit at the site root)."""
    return lang == default()


def prefix(lang: str) -> str:
    """The URL folder of ``lang``'s pages: ``""`` for the default language, else ``"zh/"``."""
    return "" if is_default(lang) else f"{lang}/"


def suffix(lang: str) -> str:
    """The file-name ending of ``lang``'s Markdown pages: ``.md`` (default), ``.zh.md``, ``.fr.md``."""
    return ".md" if is_default(lang) else f".{lang}.md"


def language_of(path: str) -> tuple[str, str]:
    """Split a docs-relative path into (language, base path in the default language)."""
    for lang in codes():
        if not is_default(lang) and path.endswith(suffix(lang)):
            return lang, path[: -len(suffix(lang))] + ".md"
    return default(), path


def text_in(texts: dict, lang: str, fallback: str = "") -> str:
    """``texts[lang]`` of a mapping keyed by language code; the default language's text
    when ``lang`` has none (and ``fallback`` when neither has one)."""
    return texts.get(lang) or texts.get(default()) or fallback


# Languages' English names, for contributors' messages ("no French text"); others: the code.
ENGLISH_NAMES = {"ar": "Arabic", "de": "German", "en": "English", "es": "Spanish", "fr": "French",
                 "ru": "Russian", "zh": "Chinese"}


def english_name(lang: str) -> str:
    """The English name of ``lang`` for messages (the code itself when not in ENGLISH_NAMES)."""
    return ENGLISH_NAMES.get(lang, lang)


def hints(what: str = "text") -> dict:
    """Message hints for the language keys of an entry: ``{"fr": "the French text", …}``."""
    return {lang: f"the {english_name(lang)} {what}" for lang in codes()}


# How readers of a language write a date; a language not listed uses DEFAULT_DATE_FORMAT.
DATE_FORMATS = {"zh": "{year}年{month}月{day}日"}
DEFAULT_DATE_FORMAT = "{day} {month_name} {year}"


def format_date(day: dt.date, lang: str) -> str:
    """A date as readers of ``lang`` write it: ``28 November 2026`` / ``2026年11月28日``."""
    return DATE_FORMATS.get(lang, DEFAULT_DATE_FORMAT).format(
        year=day.year, month=day.month, day=day.day, month_name=day.strftime("%B"))
