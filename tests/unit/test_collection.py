"""Every test file is collected by `make test`: none sits in a folder pytest skips by default."""

from __future__ import annotations

import fnmatch

from support import ROOT


def test_no_test_folder_matches_a_pattern_pytest_does_not_recurse_into(request):
    patterns = request.config.getini("norecursedirs")
    skipped = []
    for path in sorted((ROOT / "tests").rglob("test_*.py")):
        parts = path.relative_to(ROOT / "tests").parts[:-1]
        if any(fnmatch.fnmatch(part, pattern) for part in parts for pattern in patterns):
            skipped.append(path.relative_to(ROOT).as_posix())
    assert skipped == [], f"never collected (norecursedirs {patterns}): {skipped}"
