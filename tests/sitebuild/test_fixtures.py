"""Fixture sites: one contributor mistake per case, each failing the build with its message.

Every ``tests/fixtures/<case>/case.yml`` is a small patch over the valid base site
(``write``/``replace``/``delete``, see ``support.apply_case``) with the exact messages the
build must print (``expect``). Each case is one test: the strict build must fail, print
every expected message and none of its ``unexpected`` texts, and leave no page with the
case's ``absent`` text in the built site.
The base site itself must build clean.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support import FIXTURES, load_case, make_fixture_site, run_mkdocs

CASES = sorted(path.parent.name for path in FIXTURES.glob("*/case.yml"))


def _build(site: Path, out: Path):
    """A strict build of the fixture site into ``out``."""
    return run_mkdocs(["build", "--strict", "--site-dir", str(out)], cwd=site)


def _published(out: Path, needle: str) -> list[str]:
    """Files of the built site that contain ``needle``."""
    if not out.exists():
        return []
    return [str(path.relative_to(out)) for path in out.rglob("*.html")
            if needle in path.read_text(encoding="utf-8", errors="replace")]


def test_the_base_fixture_builds_clean(tmp_path):
    site = make_fixture_site(tmp_path)
    result = _build(site, tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ERROR" not in result.stderr, result.stderr


@pytest.mark.parametrize("case", CASES)
def test_fixture_case(tmp_path, case):
    spec = load_case(case)
    assert spec.get("expect"), f"{case}/case.yml lists no expected message"
    site = make_fixture_site(tmp_path, case)
    out = tmp_path / "out"
    result = _build(site, out)
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"the build of case {case} passed:\n{output}"
    assert "Traceback" not in output, output
    missing = [message for message in spec["expect"] if message not in output]
    assert not missing, "missing messages:\n" + "\n".join(missing) + "\n--- output:\n" + output
    wrong = [text for text in spec.get("unexpected") or [] if text in output]
    assert not wrong, "unexpected in the output:\n" + "\n".join(wrong) + "\n--- output:\n" + output
    for needle in spec.get("absent") or []:
        assert not _published(out, needle), f"{needle!r} reached the built site"
