"""The footer's PDF link (hooks/attguide/editions/pdf.py) and the 404 page chosen for a missing address
(hooks/attguide/views/notfound.py), without a browser."""

from __future__ import annotations

from attguide.editions import pdf, preview
from attguide.views import notfound

ROOT = "https://x.org/"
RELEASED = [{"cycle": "csp13", "files": [{"file": "att-guidance-csp13-en.pdf", "lang": "en"}]}]


def test_a_released_version_links_to_its_own_pdf_relatively():
    assert pdf.pdf_url(ROOT, "csp13", "en", True, "../..", released=RELEASED) == "../../../downloads/att-guidance-csp13-en.pdf"


def test_no_link_where_no_pdf_exists():
    assert pdf.pdf_url(ROOT, "csp13", "zh", True, "../..", released=RELEASED) == ""  # not released in Chinese
    assert pdf.pdf_url(ROOT, "csp13", "en", False, "../..") == ""  # make serve, make build
    assert pdf.pdf_url("", "csp13", "en", False, "../..", offline=True) == ""


def test_an_offline_bundle_links_to_the_published_pdf():
    assert pdf.pdf_url(ROOT, "csp13", "en", False, "../..", offline=True) == ROOT + "downloads/att-guidance-csp13-en.pdf"


def test_the_nearest_404_page_is_of_the_address_language_and_version():
    site = {"404.html", "zh/404.html", "csp13/404.html", "csp13/zh/404.html"}
    assert notfound.nearest_page("/zh/no-such-page/", site.__contains__) == "zh/404.html"
    assert notfound.nearest_page("/no-such-page/", site.__contains__) == "404.html"
    assert notfound.nearest_page("/csp13/zh/e/x/", site.__contains__) == "csp13/zh/404.html"
    assert notfound.nearest_page("/csp13/e/x/", site.__contains__) == "csp13/404.html"
    assert notfound.nearest_page("/../../etc/passwd", site.__contains__) == "404.html"
    assert notfound.nearest_page("/x/", set().__contains__) is None


def test_the_pdf_prints_the_tools_in_the_order_of_the_navigation():
    nav = "nav:\n  - Tools:\n      - tools/index.md\n      - Worksheet: tools/export-assessment.md\n      - tools/index.md\n"
    assert pdf.tool_pages(nav) == ["tools/index.md", "tools/export-assessment.md"]
    assert pdf.tool_pages()[0] == "tools/index.md" and "tools/export-assessment.md" in pdf.tool_pages()
    assert preview.BRANCH == "gh-pages"
