"""Checks a release runs on what it is about to publish (before anything is pushed).

A Chinese PDF printed without the CJK fonts embedded shows empty boxes or a reader's
substitute font; such a PDF, once handed out at a meeting, cannot be recalled. ``make
release`` therefore refuses it (``pdffonts`` from poppler-utils reads the font table).
"""

from __future__ import annotations

import logging
import shutil
import subprocess
from pathlib import Path

log = logging.getLogger("mkdocs.plugins.attguide.editions.releasecheck")

# Languages written in CJK characters: their PDFs must embed CJK fonts to be publishable.
CJK_LANGUAGES = ("zh", "ja", "ko")


def cjk_fonts_problem(path: Path) -> str:
    """Why the PDF at ``path`` does not carry embedded CJK fonts ("" when it does)."""
    tool = shutil.which("pdffonts")
    if tool is None:
        return "pdffonts (Debian package poppler-utils) is not installed, so the fonts cannot be checked"
    listing = subprocess.run([tool, str(path)], capture_output=True, text=True)
    if listing.returncode != 0:
        return f"pdffonts cannot read it ({listing.stderr.strip()})"
    return fonts_problem(listing.stdout)


def fonts_problem(listing: str) -> str:
    """The same, from ``pdffonts`` output: every CJK font present and embedded (the "emb" column)."""
    rows = [line for line in listing.splitlines()[2:] if line.strip()]
    cjk = [line for line in rows if "CJK" in line]
    if not cjk:
        return "it holds no CJK font (install fonts-noto-cjk and print again)"
    missing = [line.split()[0] for line in cjk if line.split()[-5] != "yes"]
    if missing:
        return "CJK fonts not embedded: " + ", ".join(missing)
    return ""


def check_pdfs(out_dir: Path, files: list[dict]) -> None:
    """Raise RuntimeError unless every Chinese PDF of ``files`` embeds its CJK fonts."""
    for entry in files:
        if entry.get("kind") == "pdf" and entry.get("lang") in CJK_LANGUAGES:
            problem = cjk_fonts_problem(out_dir / entry["file"])
            if problem:
                raise RuntimeError(f"{entry['file']}: the Chinese PDF is not publishable: {problem}")
