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
