"""Addresses of a released site: the cite address of a mike-deployed page resolves (the version
once, not ``…/csp13csp13/…``), and `make release` refuses a missing or placeholder site address
unless told to publish without one, in which case nothing released carries an absolute address."""

from __future__ import annotations

import re
import zipfile
from html import unescape
from pathlib import Path

import pytest

from browser_support import serve
from mike_support import SITE_URL, status_of

pytestmark = [pytest.mark.slow]

_CITE = re.compile(r'<aside class="att-cite".*?</aside>', re.DOTALL)
_CITE_LINK = re.compile(r'<dd><a href="([^"]+)">')
_CITE_PATH = re.compile(r"<dd><code>([^<]+)</code></dd>")
PLACEHOLDER = re.compile(r"att-guidance\.example|example\.(?:org|com|net)|github\.com/att-guidance")


def cite_of(path: Path) -> str | None:
    """The "Cite this page" block of a built page, or None."""
    match = _CITE.search(path.read_text(encoding="utf-8"))
    return match.group(0) if match else None



@pytest.fixture(scope="module")
def pages_url(released):
    server, url = serve(released["pages"])
    yield url
    server.shutdown()


@pytest.mark.parametrize("version, cycle", [("csp13", "csp13"), ("latest", "csp13"), ("csp12", "csp12")])
def test_every_cite_address_of_a_deployed_version_is_a_page_of_its_cycle(released, version, cycle):
    pages = released["pages"]
    checked = 0
    for page in sorted((pages / version).rglob("index.html")):
        block = cite_of(page)
        if block is None:
            continue
        url = unescape(_CITE_LINK.search(block).group(1))
        assert url.startswith(f"{SITE_URL}{cycle}/"), (page, url)
        assert f"{cycle}{cycle}" not in url, (page, url)
        target = pages / url[len(SITE_URL):] / "index.html"
        assert target.is_file(), (page, url)
        # The page cites itself: the same path inside its cycle's version.
        assert target.relative_to(pages / cycle) == page.relative_to(pages / version), (page, url)
        checked += 1
    assert checked > 100


@pytest.mark.parametrize("lang", ["", "zh/"])
def test_the_cite_address_of_a_deployed_page_resolves(released, pages_url, lang):
    block = cite_of(released["pages"] / "latest" / lang / "e-authorization" / "risk-assessment" / "index.html")
    url = unescape(_CITE_LINK.search(block).group(1))
    assert url == f"{SITE_URL}csp13/{lang}e-authorization/risk-assessment/"
    assert status_of(pages_url + url[len(SITE_URL):]) == 200


@pytest.mark.parametrize("case, words", [
    ("none", "no site address is set — set ATT_SITE_URL"),
    ("placeholder", "'https://att-guidance.example.org/' is a placeholder"),
    ("localhost", "'http://localhost:8000/' is a placeholder"),
    ("repository", "the repository address 'https://github.com/att-guidance/att-guidance' is a placeholder"),
])
def test_release_refuses_a_missing_or_placeholder_address_before_it_builds_anything(released_without_address,
                                                                                      case, words):
    result = released_without_address["refused"][case]
    assert result.returncode == 2, result.stdout + result.stderr
    assert words in result.stdout, result.stdout
    assert "ALLOW_RELATIVE=1" in result.stdout or case == "repository"
    assert "Traceback" not in result.stdout + result.stderr
    assert released_without_address["tags_after_refusals"].strip() == ""  # nothing tagged, nothing built


def test_a_release_without_an_address_carries_no_absolute_site_address(released_without_address):
    pages = released_without_address["pages"]
    for path in sorted(pages.rglob("*")):
        if path.suffix in (".html", ".xml", ".json", ".js", ".yml", ".txt"):
            text = path.read_text(encoding="utf-8", errors="replace")
            assert not PLACEHOLDER.search(text), path
    assert not (pages / "csp12" / "sitemap.xml").exists()
    block = cite_of(pages / "csp12" / "e-authorization" / "risk-assessment" / "index.html")
    assert _CITE_PATH.search(block).group(1) == "/csp12/e-authorization/risk-assessment/"
    assert "<a href" not in block
    # The version's 404 page finds its files inside the version.
    assert 'href="/csp12/assets/' in (pages / "csp12" / "404.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["", "zh/"])
def test_feeds_without_an_address_link_relative_and_name_entries_by_urn(released_without_address, lang):
    import xml.etree.ElementTree as ET

    atom = "{http://www.w3.org/2005/Atom}"
    root = ET.parse(released_without_address["pages"] / "csp12" / lang / "feed.xml").getroot()
    ids = [root.find(f"{atom}id").text] + [e.find(f"{atom}id").text for e in root.findall(f"{atom}entry")]
    assert all(i.startswith("urn:uuid:") for i in ids), ids
    links = [link.get("href") for link in root.iter(f"{atom}link")]
    assert links and not any("://" in link or link.startswith("/") for link in links), links


def test_pdfs_and_bundle_without_an_address_name_no_online_edition(released_without_address):
    from pypdf import PdfReader

    downloads = released_without_address["pages"] / "downloads"
    for lang, online in (("en", "Online edition"), ("zh", "在线版本")):
        reader = PdfReader(str(downloads / f"att-guidance-csp12-{lang}.pdf"))
        assert online not in reader.pages[0].extract_text()
        uris = [annotation.get_object().get("/A", {}).get("/URI")
                for page in reader.pages for annotation in page.get("/Annots") or []]
        uris = [u for u in uris if u]
        assert not [u for u in uris if PLACEHOLDER.search(u) or u.startswith("/")], uris[:5]
    with zipfile.ZipFile(downloads / "att-guidance-csp12-offline.zip") as bundle:
        for name in bundle.namelist():
            if name.endswith((".html", ".xml", ".js")):
                assert not PLACEHOLDER.search(bundle.read(name).decode("utf-8", "replace")), name
