"""What the clean build of the real site prints: only what a contributor must act on.

Links to anchors that the hook generates (the Sources page's entries, "At a glance") were
reported by MkDocs as missing on every build and serve (268 lines), burying real errors.
"""

from __future__ import annotations

import re

from support import BUILD_LOG
from support import ROOT, run_mkdocs

NOISE = re.compile(r"^(INFO|WARNING)\s+-\s+.*(anchor|contains a link|link|not included in the \"nav\")",
                   re.IGNORECASE | re.MULTILINE)


def build_output(built_site) -> str:
    """MkDocs' output of the session's build (or of a fresh one when the site was reused)."""
    log = built_site.parent / BUILD_LOG
    if log.exists():
        return log.read_text(encoding="utf-8")
    result = run_mkdocs(["build", "--strict", "--site-dir", str(built_site.parent / "again")], cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr


def test_the_clean_build_prints_no_line_about_links_or_anchors(built_site):
    output = build_output(built_site)
    assert "Documentation built in" in output
    noise = NOISE.findall(output)
    lines = [line for line in output.splitlines() if NOISE.match(line)]
    assert not noise, f"{len(lines)} lines, e.g.:\n" + "\n".join(lines[:5])
    # The generated anchors themselves are in the pages.
    sources = (built_site / "sources" / "index.html").read_text(encoding="utf-8")
    assert 'id="un-register"' in sources or "id=un-register" in sources
