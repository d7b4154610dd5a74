"""Editions: csp12 released, two topic pages changed (one in English only), csp13 released.

Checks the PDFs of both cycles (bookmarks, contents with page numbers, embedded CJK fonts,
A4), the release tags, the "What changed" page and notes, and the Atom feeds.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import xml.etree.ElementTree as ET

import pytest

from mike_support import SITE_URL, git

pytestmark = [pytest.mark.slow]

ATOM = "{http://www.w3.org/2005/Atom}"
CHANGED = {"e-authorization/risk-assessment.md", "e-authorization/mitigation.md"}


def read(released, path: str) -> str:
    """A file of the gh-pages tree."""
    return (released["pages"] / path).read_text(encoding="utf-8")


def outline_titles(path) -> list[tuple[int, str]]:
    """The PDF's bookmarks as (depth, title), in order."""
    from pypdf import PdfReader

    found = []

    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                found.append((depth, item.title))

    walk(PdfReader(str(path)).outline, 0)
    return found


@pytest.mark.parametrize("cycle", ["csp12", "csp13"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_cycle_has_a_pdf_per_language_with_bookmarks_contents_and_cjk_fonts(released, cycle, lang):
    path = released["pages"] / "downloads" / f"att-guidance-{cycle}-{lang}.pdf"
    digest = (path.parent / f"{path.name}.sha256").read_text(encoding="utf-8").split()[0]
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    assert path.stat().st_size < 15_000_000
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert "(A4)" in info
    outline = outline_titles(path)
    phases, articles = ("Implementation phases", "Treaty articles") if lang == "en" else ("实施阶段", "条约条款")
    top = [title for depth, title in outline if depth == 0]
    assert phases in top and articles in top
    # Phase overviews under the phases part, their topics one level further down.
    assert max(depth for depth, _ in outline) == 2
    risk = "Risk assessment" if lang == "en" else "风险评估"
    assert any(depth == 2 and title.startswith(risk) for depth, title in outline), outline[:40]
    # Contents with page numbers: a dotted leader, then a number.
    contents = subprocess.run(["pdftotext", "-f", "2", "-l", "3", "-layout", str(path), "-"],
                              capture_output=True, text=True, check=True).stdout
    assert ("Contents" if lang == "en" else "目录") in contents
    assert len(re.findall(r"\.{5,}\s*\d+\s*$", contents, re.MULTILINE)) > 20
    cover = subprocess.run(["pdftotext", "-l", "1", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert cycle.upper() in cover
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    cjk = [line for line in fonts.splitlines() if "CJK" in line]
    assert cjk and all(line.split()[-5] == "yes" for line in cjk), fonts  # the "emb" column


def test_the_pdf_holds_the_changes_and_links_cross_references_inside(released):
    path = released["pages"] / "downloads" / "att-guidance-csp13-en.pdf"
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "What changed in this edition" in text and "Marker: mitigation revised" in text
    from pypdf import PdfReader

    internal = 0
    for page in PdfReader(str(path)).pages[10:40]:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") == "/Link" and "/Dest" in annotation:
                internal += 1
    assert internal > 10


def test_downloads_page_lists_the_pdfs_with_size_and_checksum(released):
    page = read(released, "csp13/downloads/index.html")
    for name in ("att-guidance-csp13-en.pdf", "att-guidance-csp13-zh.pdf", "att-guidance-csp12-zh.pdf"):
        assert name in page
        digest = read(released, f"downloads/{name}.sha256").split()[0]
        assert digest in page
    assert re.search(r'href="\.\./\.\./downloads/att-guidance-csp13-en\.pdf"', page)
    zh = read(released, "csp13/zh/downloads/index.html")
    assert "PDF（中文）" in zh and re.search(r'href="\.\./\.\./\.\./downloads/att-guidance-csp13-zh\.pdf"', zh)


def test_each_release_is_an_annotated_tag_on_its_commit(released):
    repo = released["repo"]
    for cycle in ("csp12", "csp13"):
        assert git(["cat-file", "-t", cycle], repo).strip() == "tag"
    assert git(["rev-parse", "csp13^{commit}"], repo) == git(["rev-parse", "HEAD"], repo)
    assert git(["describe", "--tags"], repo).strip() == "csp13"
    assert "csp13 (created)" in released["output"]


def changes_entries(released, path: str) -> dict[str, str]:
    """The pages listed on a "What changed" page, with their entry's HTML."""
    html = read(released, path)
    return dict(re.findall(r'<li class="att-changes__page" data-att-page="([^"]+)"(.*?)</li>\s*(?=<li class="att-changes__page"|</ul>)',
                           html, re.DOTALL))


@pytest.mark.parametrize("lang", ["", "zh/"])
def test_what_changed_lists_exactly_the_two_pages_and_the_translation_behind(released, lang):
    entries = changes_entries(released, f"csp13/{lang}changes/index.html")
    assert set(entries) == CHANGED
    assert 'data-att-behind="true"' in entries["e-authorization/mitigation.md"]
    assert "data-att-behind" not in entries["e-authorization/risk-assessment.md"]
    summary = "1 section changed" if not lang else "1节有修改"
    assert summary in entries["e-authorization/risk-assessment.md"]
    behind = "Translation behind" if not lang else "译文滞后"
    assert behind in entries["e-authorization/mitigation.md"]
    # Full-width parentheses in Chinese, no space before them.
    kind = re.sub(r"<[^>]+>", "", entries["e-authorization/risk-assessment.md"])
    assert ("（修改）" in kind and " （" not in kind and "(修改)" not in kind) if lang else " (changed)" in kind


def test_the_first_edition_says_there_is_nothing_to_compare(released):
    assert 'data-att-changes="first"' in read(released, "csp12/changes/index.html")
    assert "第一个版本" in read(released, "csp12/zh/changes/index.html")


def test_changed_pages_carry_the_note_in_their_language(released):
    note = 'class="att-changed-note"'
    assert note in read(released, "csp13/e-authorization/risk-assessment/index.html")
    assert note in read(released, "csp13/e-authorization/mitigation/index.html")
    zh = read(released, "csp13/zh/e-authorization/risk-assessment/index.html")
    assert note in zh and "本版有修改" in zh
    assert note not in read(released, "csp13/zh/e-authorization/mitigation/index.html")  # its text did not change
    assert note not in read(released, "csp13/e-authorization/prohibitions/index.html")
    assert note not in read(released, "csp12/e-authorization/risk-assessment/index.html")


def test_the_offline_bundle_has_the_change_list(unzipped_bundle):
    page = (unzipped_bundle / "zh" / "changes.html").read_text(encoding="utf-8")
    assert "e-authorization/mitigation.md" in page


@pytest.mark.parametrize("lang", ["", "zh/"])
def test_feeds_parse_and_list_the_csp13_release_and_the_changed_pages(released, lang):
    root = ET.fromstring(read(released, f"csp13/{lang}feed.xml").encode("utf-8"))
    assert root.tag == f"{ATOM}feed"
    for element in ("title", "id", "updated"):
        assert root.find(f"{ATOM}{element}").text
    entries = root.findall(f"{ATOM}entry")
    links = [e.find(f"{ATOM}link").get("href") for e in entries]
    assert all(link.startswith(SITE_URL) for link in links)
    assert f"{SITE_URL}csp13/{lang}" in links and f"{SITE_URL}csp12/{lang}" in links
    assert f"{SITE_URL}csp13/{lang}e-authorization/risk-assessment/" in links
    assert f"{SITE_URL}csp13/{lang}e-authorization/mitigation/" in links
    for entry in entries:
        assert entry.find(f"{ATOM}id").text and entry.find(f"{ATOM}updated").text and entry.find(f"{ATOM}title").text
    page = read(released, f"csp13/{lang}e-authorization/prohibitions/index.html")
    assert re.search(r'<link rel="alternate" type="application/atom\+xml" href="\.\./\.\./feed\.xml"', page)
    assert 'href="./feed.xml"' in read(released, f"csp13/{lang}index.html")
    assert 'class="att-edition-links__feed"' in page and 'class="att-edition-links__pdf"' in page
    pdf = "att-guidance-csp13-zh.pdf" if lang else "att-guidance-csp13-en.pdf"
    depth = "../" * (3 if lang else 2)
    assert f'href="{depth}../downloads/{pdf}"' in page


# -- issue 22: tagged PDFs with the Tools, SC running heads; feeds that follow `latest` ----------
def running_head_fonts(path, page_index: int, edition: str) -> set[str]:
    """The fonts of the running head (the edition's label) on one page of a PDF."""
    from pypdf import PdfReader

    fonts = set()

    def visit(text, cm, tm, font, size):
        if font is not None and text.strip().startswith(edition):
            fonts.add(str(font.get("/BaseFont")).split("+")[-1])

    PdfReader(str(path)).pages[page_index].extract_text(visitor_text=visit)
    return fonts


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_pdfs_are_tagged_hold_the_tools_and_set_running_heads_in_the_language_font(released, lang):
    path = released["pages"] / "downloads" / f"att-guidance-csp13-{lang}.pdf"
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Tagged:\s+yes$", info, re.MULTILINE), info
    top = [title for depth, title in outline_titles(path) if depth == 0]
    assert ("Tools" if lang == "en" else "实用工具") in top
    titles = [title for _, title in outline_titles(path)]
    worksheet = "Export assessment" if lang == "en" else "出口评估"
    assert any(title.startswith(worksheet) for title in titles), titles
    edition = "CSP13 cycle" if lang == "en" else "CSP13周期"
    fonts = running_head_fonts(path, 40, edition)
    assert fonts, "no running head found on page 41"
    if lang == "zh":
        assert fonts == {"Noto-Sans-CJK-SC"}, fonts  # not the JP variant, no DejaVu digits
    all_fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    assert "JP" not in all_fonts


@pytest.mark.parametrize("lang", ["", "zh/"])
def test_the_feed_names_latest_as_its_address_and_id(released, lang):
    for version in ("csp13", "latest"):
        root = ET.fromstring(read(released, f"{version}/{lang}feed.xml").encode("utf-8"))
        self_link = [link.get("href") for link in root.findall(f"{ATOM}link") if link.get("rel") == "self"]
        assert self_link == [f"{SITE_URL}latest/{lang}feed.xml"]
        assert root.find(f"{ATOM}id").text == f"{SITE_URL}latest/{lang}feed.xml"


def test_a_chinese_feed_entry_of_an_english_only_change_says_the_translation_is_behind(released):
    root = ET.fromstring(read(released, "csp13/zh/feed.xml").encode("utf-8"))
    entries = {e.find(f"{ATOM}link").get("href"): e for e in root.findall(f"{ATOM}entry")}
    mitigation = entries[f"{SITE_URL}csp13/zh/e-authorization/mitigation/"]
    assert "（修改）" not in mitigation.find(f"{ATOM}title").text
    assert "英文原文" in mitigation.find(f"{ATOM}summary").text
    assert "译文待更新" in mitigation.find(f"{ATOM}summary").text
    own = entries[f"{SITE_URL}csp13/zh/e-authorization/risk-assessment/"]
    assert own.find(f"{ATOM}title").text.endswith("（修改）")


def test_the_changed_note_sits_right_under_the_title(released):
    for path in ("csp13/e-authorization/risk-assessment/index.html", "csp13/zh/e-authorization/risk-assessment/index.html"):
        html = read(released, path)
        after_title = html[html.index("</h1>"):]
        assert after_title.index('class="att-changed-note"') < after_title.index('class="att-summary"')


@pytest.mark.parametrize("lang", ["", "zh/"])
def test_downloads_start_with_this_editions_buttons(released, lang):
    html = read(released, f"csp13/{lang}downloads/index.html")
    block = html[html.index('class="att-download-this"'):]
    assert block.index("att-download-this") < block.index('class="att-downloads"')
    assert block[:block.index("</section>")].count("att-download-this__button") == 3
    assert 'class="att-download__checksums"' in html
