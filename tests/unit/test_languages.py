"""The site's languages come from the i18n plugin's configuration, read once."""

from __future__ import annotations

import pytest
from mkdocs.config.base import ValidationError

from attguide.read import languages
from attguide.read.yamlsource import Bilingual

THREE = """site_name: x
plugins:
  - search
  - i18n:
      docs_structure: suffix
      languages:
        - {locale: en, name: English, default: true, build: true}
        - {locale: zh, name: 简体中文, build: true}
        - {locale: fr, name: Français, build: true}
markdown_extensions:
  - toc:
      permalink: !ENV [X, true]
"""


@pytest.fixture
def three_languages(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text(THREE, encoding="utf-8")
    languages.read_file(config)
    yield
    languages.read_file()  # back to the project's


def test_the_project_languages_are_those_of_mkdocs_yml():
    languages.read_file()
    assert languages.codes() == ("en", "zh")
    assert languages.default() == "en"


def test_a_third_language_is_configuration(three_languages):
    assert languages.codes() == ("en", "zh", "fr")
    assert languages.default() == "en"
    option = Bilingual()
    assert option.run_validation({"en": "a", "zh": "b", "fr": "c"}) == {"en": "a", "zh": "b", "fr": "c"}
    with pytest.raises(ValidationError, match="no fr text"):
        option.run_validation({"en": "a", "zh": "b"})


def test_a_configuration_without_i18n_is_a_message(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\nplugins: [search]\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no i18n plugin"):
        languages.read_file(config)


def test_paths_and_fallbacks_follow_the_configured_languages(three_languages):
    assert languages.translated() == ("zh", "fr")
    assert [languages.prefix(lang) for lang in ("en", "zh", "fr")] == ["", "zh/", "fr/"]
    assert languages.language_of("c/x.fr.md") == ("fr", "c/x.md")
    assert languages.language_of("c/x.zh.md") == ("zh", "c/x.md")
    assert languages.language_of("c/x.md") == ("en", "c/x.md")
    assert languages.suffix("fr") == ".fr.md" and languages.suffix("en") == ".md"
    # A missing text falls back to the default language's, never to a literal.
    assert languages.text_in({"en": "Scope", "fr": "Champ"}, "fr") == "Champ"
    assert languages.text_in({"en": "Scope"}, "fr") == "Scope"
    assert languages.english_name("fr") == "French" and languages.english_name("xx") == "xx"


def test_a_default_language_other_than_english_is_configuration(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text(THREE.replace("default: true, ", "").replace("{locale: fr,", "{locale: fr, default: true,"),
                      encoding="utf-8")
    languages.read_file(config)
    try:
        assert languages.default() == "fr"
        assert languages.prefix("fr") == "" and languages.prefix("en") == "en/"
        assert languages.language_of("c/x.en.md") == ("en", "c/x.md")
        assert languages.language_of("c/x.md") == ("fr", "c/x.md")
        assert languages.text_in({"fr": "Champ", "en": "Scope"}, "zh") == "Champ"
    finally:
        languages.read_file()


def test_dates_are_written_as_each_language_writes_them():
    import datetime as dt
    day = dt.date(2026, 11, 28)
    assert languages.format_date(day, "en") == "28 November 2026"
    assert languages.format_date(day, "zh") == "2026年11月28日"
    assert languages.format_date(day, "fr") == "28 November 2026"  # no French table yet: the default form


def test_no_module_compares_with_a_literal_en_to_mean_the_default_language():
    import re
    from pathlib import Path
    package = Path(languages.__file__).resolve().parents[1]
    pattern = re.compile(r"""lang\s*[!=]=\s*["']en["']|pages\[["']en["']\]|\.get\(["']en["']|page\(["']en["']""")
    found = [f"{path.relative_to(package)}:{number}" for path in sorted(package.rglob("*.py"))
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
             if pattern.search(line)]
    assert not found, "compare with languages.default() instead: " + ", ".join(found)
