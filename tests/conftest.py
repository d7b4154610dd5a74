"""Session fixtures shared by every tier: the real site, built once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from support import BUILD_LOG, ROOT, run_mkdocs

# Browser fixtures (served sites, Chromium, screenshots on failure) for every tier.
pytest_plugins = ["browser_support"]


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once per test session (strict) into a temporary folder.

    ``ATT_BUILT_SITE=path`` reuses a site already built there (for quick iterations).
    """
    if os.environ.get("ATT_BUILT_SITE"):
        return Path(os.environ["ATT_BUILT_SITE"])
    out = tmp_path_factory.mktemp("built") / "site"
    result = run_mkdocs(["build", "--strict", "--site-dir", str(out)], cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    (out.parent / BUILD_LOG).write_text(result.stdout + result.stderr, encoding="utf-8")  # what a contributor sees
    return out
