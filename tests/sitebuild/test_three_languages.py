"""A language is configuration plus translations, not code.

``tests/fixtures/three-languages/`` is a small site in English (default), Chinese and
French: its ``mkdocs.yml`` lists fr in the i18n plugin, its ``registry.yml`` carries fr texts,
and its pages have ``.fr.md`` translations. Nothing else names French: the build must give
French pages under ``fr/`` with the registry's French names, a language switcher with three
languages, the generated views in French, and a ``registry.yml:line`` message when a fr
text is missing.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from support import make_fixture_site, run_mkdocs

FIXTURE = "three-languages"


def _build(site: Path, out: Path):
    """A strict build of the fixture site into ``out``."""
    return run_mkdocs(["build", "--strict", "--site-dir", str(out)], cwd=site)


def _line_of(path: Path, needle: str) -> int:
    """1-based number of the first line of ``path`` holding ``needle``."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{path} has no line with {needle!r}")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The fixture site, built once for the module's tests."""
    tmp = tmp_path_factory.mktemp("three")
    site = make_fixture_site(tmp, base=FIXTURE)
    out = tmp / "out"
    result = _build(site, out)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ERROR" not in result.stderr, result.stderr
    return out


def _html(out: Path, rel: str) -> str:
    """A built page's HTML."""
    path = out / rel
    assert path.exists(), f"{rel} was not built"
    return path.read_text(encoding="utf-8")


def test_french_pages_are_built_under_fr_with_the_registrys_french_names(built):
    home = _html(built, "fr/index.html")
    assert '<html lang="fr"' in home
    assert "Accueil du site d’essai" in home
    topic = _html(built, "fr/c-system/national-control-list/index.html")
    assert "<h1" in topic and "Liste de contrôle nationale" in topic
    # The phase's French short name (registry) in the navigation, the status label in French.
    assert "Régime de contrôle national" in topic
    assert "Projet pour discussion" in topic
    assert "Aperçu de la phase c" in _html(built, "fr/c-system/index.html")


def test_the_language_switcher_offers_three_languages(built):
    for rel in ("index.html", "zh/index.html", "fr/index.html", "fr/c-system/national-control-list/index.html"):
        links = re.findall(r'<a[^>]*hreflang="([a-z]+)"[^>]*class="md-select__link"'
                           r'|<a[^>]*class="md-select__link"[^>]*hreflang="([a-z]+)"', _html(built, rel))
        offered = {first or second for first, second in links}
        assert offered == {"en", "zh", "fr"}, (rel, offered)


def test_generated_views_exist_in_french(built):
    article = _html(built, "fr/articles/article-2/index.html")
    assert "Champ d’application" in article
    matrix = _html(built, "fr/articles/matrix/index.html")
    for name in ("Liste de contrôle nationale", "Objet et but", "Munitions"):
        assert name in matrix, name
    assert "National control list" not in matrix  # the French name, not the default language's
    assert "Objet et but" in _html(built, "fr/articles/index.html")
    sources = _html(built, "fr/sources/index.html")
    assert "Le Traité sur le commerce des armes" in sources  # the fr title, then the original one
    assert '<span class="att-source__original" lang="en">' in sources and "The Arms Trade Treaty" in sources
    assert (built / "fr" / "search" / "search_index.json").exists()
    assert (built / "fr" / "feed.xml").exists()


def test_a_missing_french_text_in_the_registry_fails_with_its_line(tmp_path):
    site = make_fixture_site(tmp_path, base=FIXTURE)
    registry = site / "registry.yml"
    text = registry.read_text(encoding="utf-8")
    article_line = _line_of(registry, "fr: Champ d’application")
    status_line = _line_of(registry, "fr: Projet pour discussion")
    text = text.replace(" fr: Champ d’application,", "").replace(", fr: Projet pour discussion", "")
    registry.write_text(text, encoding="utf-8")
    result = _build(site, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output, output
    assert (f"registry.yml:{article_line}: an article entry has no fr text — add 'fr:' (the French text)"
            in output), output
    assert f"registry.yml:{status_line}: 'draft' in 'statuses' has a wrong value (no fr text)" in output, output


def test_the_glossary_gives_each_languages_form_and_checks_french_pages(built, tmp_path):
    glossary = _html(built, "fr/glossary/index.html")
    assert "Glossaire" in glossary and "Liste de contrôle nationale" in glossary
    for label, text in (("English", "national control list"), ("Chinese", "国家管制清单"),
                        ("French", "liste de contrôle nationale")):
        assert f"<strong>{label}</strong>: {text}" in glossary, label
    # The termbase's fr variant to avoid fails a French page, with its line.
    site = make_fixture_site(tmp_path, base=FIXTURE)
    page = site / "docs" / "c-system" / "national-control-list.fr.md"
    page.write_text(page.read_text(encoding="utf-8").replace("la liste de contrôle nationale",
                                                             "la liste nationale de contrôle"), encoding="utf-8")
    line = _line_of(page, "liste nationale de contrôle")
    result = _build(site, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert (f"docs/c-system/national-control-list.fr.md:{line}: liste nationale de contrôle — the termbase uses "
            "liste de contrôle nationale (glossary: national control list)") in output, output


def test_a_missing_french_page_is_named_as_such(tmp_path):
    site = make_fixture_site(tmp_path, base=FIXTURE)
    (site / "docs" / "c-system" / "national-control-list.fr.md").unlink()
    result = _build(site, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert ("docs/c-system/national-control-list.md:1: this page has no French counterpart — add its French "
            "counterpart docs/c-system/national-control-list.fr.md with the same front matter") in output, output
