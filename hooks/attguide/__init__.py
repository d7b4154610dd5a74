"""Plain modules behind the ATT guidance site's build hook.

The hook file (``hooks/att_hooks.py``) only wires MkDocs events; everything it does is
implemented here in small modules that can be unit tested without MkDocs running:

- :mod:`attguide.registry`: the reference data (articles, phases, topics, cycles).
- :mod:`attguide.problems`: contributor-facing problems, collected and reported at once.
- :mod:`attguide.frontmatter`: reading and validating page front matter.
- :mod:`attguide.refs`: finding and resolving ``art:``, ``phase:`` and ``topic:`` links.
- :mod:`attguide.sitemodel`: the pages of both languages and the checks between them.
- :mod:`attguide.views`: data for the generated views (article pages, matrix, overviews).
"""
