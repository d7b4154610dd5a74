"""The table of views is the one list of ``view:`` names: front matter accepts exactly those."""

from __future__ import annotations

from attguide.editions import pageviews
from attguide.read import frontmatter
from attguide.views import pages


def test_front_matter_accepts_exactly_the_views_of_the_table():
    assert set(frontmatter.VIEWS) == set(pageviews.VIEWS) | set(pages.MARKDOWN_VIEWS)


def test_every_view_names_a_template_that_exists():
    from support import ROOT

    for name, (builder, template) in pageviews.VIEWS.items():
        assert callable(builder), name
        assert (ROOT / "overrides" / "partials" / "att" / f"{template}.html").is_file(), name
