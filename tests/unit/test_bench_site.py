"""The benchmark's synthetic site: generated from the project's mkdocs.yml, loadable by MkDocs."""

from __future__ import annotations

import importlib.util

from mkdocs.config import load_config

from support import ROOT


def _bench():
    spec = importlib.util.spec_from_file_location("bench_hook", ROOT / "tests" / "bench" / "bench_hook.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_synthetic_site_reads_the_env_tags_of_mkdocs_yml_as_their_defaults(tmp_path):
    bench = _bench()
    with_hook = load_config(str(bench.generate(tmp_path / "with", 8, True)))
    without = load_config(str(bench.generate(tmp_path / "without", 8, False)))
    assert with_hook.site_url is None and with_hook.repo_url is None  # no host settings
    assert with_hook.hooks and not without.hooks
    assert len(list((tmp_path / "with" / "docs").rglob("*.zh.md"))) > 8
