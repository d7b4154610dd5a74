"""Content check: no page cites an obligation as something a State is "asked", "invited" or
"encouraged" to do, or "should" do (鼓励/宜), nor an encouragement as something it must do
(必须/应当). Each offending sentence is listed as path:line; a line carrying
``<!-- att:force-ok -->`` has been confirmed by a person. Also run by ``make force-wording``."""

from __future__ import annotations

from attguide.check import wording
from attguide.read.registry import load
from attguide.check.scan import scan_site

from support import ROOT


def test_pages_state_the_force_of_the_provisions_they_cite():
    model = scan_site(ROOT / "docs", load(), shown_prefix="docs")
    issues = wording.check_wording(model, "docs")
    listing = "\n".join(str(issue) for issue in issues)
    assert not issues, (f"{len(issues)} sentences cite a provision in words that misstate its force "
                        f"(confirm each, or mark the line with {wording.ALLOW_MARKER}):\n{listing}")
