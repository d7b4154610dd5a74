"""Browser tests in Chromium of the force of provisions and of links to other websites."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_matrix_filters_to_obligations_without_script(browser, site_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(site_url + "articles/matrix/")
    rows = page.locator("table.att-matrix tbody tr")
    total = rows.count()
    not_binding = page.locator('table.att-matrix tbody tr[data-binding="no"]')
    assert not_binding.count() > 0 and not_binding.first.is_visible()
    page.get_by_label("Show obligations only").check()  # keyboard/label operable, no script
    assert not not_binding.first.is_visible()
    visible = sum(1 for i in range(total) if rows.nth(i).is_visible())
    assert 0 < visible < total
    assert page.locator('table.att-matrix li[data-binding="no"]').first.is_hidden()
    context.close()


def test_topic_summary_comes_right_after_the_title_with_the_force_of_each_provision(page, site_url):
    page.goto(site_url + "zh/c-national-control-system/national-control-list/")
    following = page.evaluate("document.querySelector('article h1').nextElementSibling.className")
    assert "att-summary" in following
    assert page.locator(".att-summary .att-force__badge--obligation").first.inner_text() == "义务"
    assert page.locator("nav.md-nav--secondary a[href='#sources']").count() >= 1  # the page's TOC lists it


def test_article_page_links_the_authentic_texts_and_marks_leaving_the_site(page, site_url):
    page.goto(site_url + "articles/article-7/")
    link = page.locator(".att-authentic a.att-external").first
    assert link.get_attribute("href").startswith("https://treaties.un.org/")
    assert link.get_attribute("target") is None
    assert "(another website)" in link.inner_text()
    assert page.locator(".att-force-list li").count() == 7
