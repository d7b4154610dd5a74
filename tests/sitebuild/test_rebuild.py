"""Several builds in one process, as under `mkdocs serve`: the hook module and its state
outlive each build (MkDocs loads a hook file once per process), so every build must see
the navigation and the registry as they are on disk now."""

from __future__ import annotations

import os
import shutil

from mkdocs.commands.build import build
from mkdocs.config import load_config

from support import make_fixture_site

OLD_NAME = "National control system"  # phase c's short name: its nav label
NEW_NAME = "National controls"


def build_in_process(site, out):
    """One build of ``site`` into ``out``, in this process (the hook stays loaded)."""
    config = load_config(str(site / "mkdocs.yml"), site_dir=str(out))
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return (out / "index.html").read_text(encoding="utf-8"), (out / "zh" / "index.html").read_text(encoding="utf-8")


def nav_labels(html: str) -> str:
    """The primary navigation of a page (the sidebar, up to the content)."""
    start = html.index('<nav class="md-nav md-nav--primary"')
    return html[start:html.index('<div class="md-content"', start)]


def test_a_nav_edit_in_mkdocs_yml_shows_in_the_next_build(tmp_path):
    site = make_fixture_site(tmp_path)
    english, chinese = build_in_process(site, tmp_path / "out1")
    assert "Home" in nav_labels(english) and "Start here" not in nav_labels(english)
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - Home: index.md", "  - Start here: index.md"),
                      encoding="utf-8")
    english, chinese = build_in_process(site, tmp_path / "out2")
    assert "Start here" in nav_labels(english), "the edited nav of mkdocs.yml is ignored"
    # The generated sections are still there, in each language.
    assert OLD_NAME in nav_labels(english) and "国家管制制度" in nav_labels(chinese)


def test_a_registry_edit_shows_in_the_next_build_even_with_the_same_time(tmp_path):
    first = make_fixture_site(tmp_path / "a")
    english, _ = build_in_process(first, tmp_path / "out1")
    assert OLD_NAME in nav_labels(english)
    # Another site, whose registry differs but carries the same modification time.
    second = make_fixture_site(tmp_path / "b")
    registry = second / "registry.yml"
    registry.write_text(registry.read_text(encoding="utf-8").replace(f"short: {OLD_NAME}", f"short: {NEW_NAME}"), encoding="utf-8")
    stat = os.stat(first / "registry.yml")
    os.utime(registry, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    english, _ = build_in_process(second, tmp_path / "out2")
    assert NEW_NAME in nav_labels(english) and OLD_NAME not in nav_labels(english)
    # The same file edited in place, its time put back: the size tells the change.
    text = (first / "registry.yml").read_text(encoding="utf-8")
    (first / "registry.yml").write_text(text.replace(f"short: {OLD_NAME}", f"short: {NEW_NAME}"), encoding="utf-8")
    os.utime(first / "registry.yml", ns=(stat.st_atime_ns, stat.st_mtime_ns))
    english, _ = build_in_process(first, tmp_path / "out3")
    assert NEW_NAME in nav_labels(english)
    shutil.rmtree(tmp_path / "out1")
