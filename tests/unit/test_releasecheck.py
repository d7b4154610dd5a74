"""`make release` refuses a Chinese PDF whose CJK fonts are not embedded."""

from __future__ import annotations

import pytest

from attguide.editions import releasecheck

HEAD = ("name                                 type              encoding         emb sub uni object ID\n"
        "------------------------------------ ----------------- ---------------- --- --- --- ---------\n")


def test_embedded_cjk_fonts_pass():
    listing = HEAD + "ABCDEF+NotoSerifCJKsc-Regular       CID Type 0C       Identity-H       yes yes yes      9  0\n"
    assert releasecheck.fonts_problem(listing) == ""


@pytest.mark.parametrize("listing", [
    HEAD + "NotoSansCJKsc-Regular                CID Type 0C       Identity-H       no  no  yes      9  0\n",
    HEAD + "ABCDEF+DejaVuSerif                   CID TrueType      Identity-H       yes yes yes      9  0\n",
])
def test_missing_or_unembedded_cjk_fonts_are_refused(listing):
    assert releasecheck.fonts_problem(listing)


def test_check_pdfs_raises_for_the_chinese_pdf(tmp_path, monkeypatch):
    monkeypatch.setattr(releasecheck, "cjk_fonts_problem", lambda path: "CJK fonts not embedded: X")
    files = [{"kind": "pdf", "lang": "en", "file": "a-en.pdf"}, {"kind": "pdf", "lang": "zh", "file": "a-zh.pdf"}]
    with pytest.raises(RuntimeError, match="a-zh.pdf"):
        releasecheck.check_pdfs(tmp_path, files)
