"""Unit tests of the sources file: schema, messages with lines, and src: references."""

from __future__ import annotations

import textwrap

import pytest
from mkdocs.exceptions import PluginError

from attguide.read import refs
from attguide.read import sources

import unitdata

REGISTRY = unitdata.registry()  # with tests/unit/data/sources.yml

GOOD = """\
sources:
  - id: basic-guide
    kind: att-document
    title: {en: Basic Guide, zh: 基本指南}
    short: {en: Basic Guide, zh: 基本指南}
    date: 2019-03-19
    url: https://example.org/guide
  - id: treaty
    kind: treaty
    title: {en: The Treaty, zh: 条约}
    zh_official: true
    short: {en: Treaty, zh: 条约}
    found_at: basic-guide
"""


def write(tmp_path, text):
    """Write a sources file and return its path."""
    path = tmp_path / "sources.yml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_valid_sources_become_typed_values(tmp_path):
    found = sources.load(write(tmp_path, GOOD))
    assert list(found) == ["basic-guide", "treaty"]
    guide = found["basic-guide"]
    assert (guide.date, guide.url, guide.line, guide.zh_official) == (
        "2019-03-19", "https://example.org/guide", 2, False)
    assert found["treaty"].short_title("zh") == "条约"


def test_every_mistake_is_listed_with_its_line(tmp_path, caplog):
    text = GOOD.replace("kind: treaty", "kind: law").replace(
        "url: https://example.org/guide", "url: www.example.org/guide") + (
        "  - id: Bad_Id\n    kind: guide\n    titel: {en: x, zh: y}\n"
        "    short: {en: x}\n")
    with pytest.raises(PluginError):
        sources.load(write(tmp_path, text), "sources.yml")
    messages = [record.getMessage() for record in caplog.records]
    assert any(m.startswith("sources.yml:7: 'url' of a source entry has a wrong value ('www.example.org/guide' is not a "
                            "well-formed web address)") for m in messages), messages
    assert any(m.startswith("sources.yml:9: 'kind' of a source entry has a wrong value") for m in messages), messages
    assert any("sources.yml:16: unknown key 'titel' in a source entry — did you mean 'title'?" in m
               for m in messages), messages
    assert any(m.startswith("sources.yml:17: 'short' of a source entry has a wrong value (no zh text)") for m in messages)
    assert any("sources.yml:14: a source entry has no 'title'" in m for m in messages), messages
    assert any("sources.yml:14: 'Bad_Id' is not a valid source id" in m for m in messages), messages


def test_duplicate_and_dangling_found_at(tmp_path, caplog):
    first_entry = "".join(GOOD.splitlines(keepends=True)[1:7])
    text = GOOD.replace("found_at: basic-guide", "found_at: basic-guid") + first_entry
    with pytest.raises(PluginError):
        sources.load(write(tmp_path, text), "sources.yml")
    messages = " ".join(record.getMessage() for record in caplog.records)
    assert "'found_at: basic-guid' names no source — did you mean 'basic-guide'?" in messages
    assert "source 'basic-guide' is listed twice" in messages


def test_the_sources_beside_the_registry_load_and_resolve():
    assert "att-text" in REGISTRY.sources
    target = refs.parse_target("src:att-text", REGISTRY)
    assert (target.kind, target.path, target.anchor) == ("src", "sources.md", "att-text")
    assert target.title(REGISTRY, "zh") == "《武器贸易条约》"


def test_unknown_source_suggests_the_nearest():
    with pytest.raises(refs.RefError) as error:
        refs.parse_target("src:basic-guide-nc", REGISTRY)
    assert error.value.message == "unknown source 'src:basic-guide-nc'"
    assert error.value.hint == "did you mean 'basic-guide-ncs'?"


def test_rewrite_links_to_the_sources_page_entry():
    text = "See [](src:att-text)."
    links = [(link, refs.parse_target(link.url, REGISTRY)) for link in refs.scan(text)]
    assert refs.rewrite(text, links, "e-authorization/risk-assessment.md", REGISTRY, "en") == \
        "See [Arms Trade Treaty](../sources.md#att-text)."


def test_an_uncited_source_is_reported_at_its_line(tmp_path):
    """check_unused names an uncited entry with its line in sources.yml."""
    from attguide.check.scan import scan_site

    docs = tmp_path / "docs"
    docs.mkdir()
    model = scan_site(docs, REGISTRY, shown_prefix="docs")
    found = [str(p) for p in sources.check_unused(model).items]
    first = REGISTRY.sources["mosaic"]
    assert any(f"sources.yml:{first.line}: source 'mosaic' is cited by no page" in p for p in found)


def test_article_pages_cite_the_authentic_texts(tmp_path):
    from attguide.check.scan import scan_site

    docs = tmp_path / "docs" / "articles"
    docs.mkdir(parents=True)
    (docs / "article-12.md").write_text("---\narticle: 12\nstatus: draft\n---\n\n# Article 12\n", encoding="utf-8")
    model = scan_site(tmp_path / "docs", REGISTRY, shown_prefix="docs")
    cited = sources.cited_ids(model)
    assert {"att-text", "att-corrections-ar-zh", "att-status", "ga-res-67-234b"} <= cited
