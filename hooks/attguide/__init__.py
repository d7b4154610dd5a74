"""Plain modules behind the ATT guidance site's build hook.

The hook file (``hooks/att_hooks.py``) only wires MkDocs events; everything it does is
implemented here in small modules that can be unit tested without MkDocs running:

- :mod:`attguide.yamlsource`: YAML read once with its node lines; entry checks by schema.
- :mod:`attguide.registry`: the reference data (articles, phases, topics, cycles), by schema.
- :mod:`attguide.sources`: the cited sources (``sources.yml``), by schema.
- :mod:`attguide.problems`: contributor-facing problems, collected and reported at once.
- :mod:`attguide.frontmatter`: reading and validating page front matter.
- :mod:`attguide.mdtext`: what Python-Markdown treats as code (left out of the checks).
- :mod:`attguide.refs`: finding and resolving ``art:``, ``phase:``, ``topic:`` and ``src:`` links.
- :mod:`attguide.scan`: the page reader, the build's first pass (MkDocs' own file list).
- :mod:`attguide.sitemodel`: the pages of both languages, as typed values.
- :mod:`attguide.checks`: the rules that span pages and languages.
- :mod:`attguide.safety`: unsafe markup in the Markdown, with its line.
- :mod:`attguide.htmlgate` (allow-lists in :mod:`attguide.htmlallow`): the one door, the final
  HTML of every page read by an HTML5 parser; the page's Content-Security-Policy.
- :mod:`attguide.views`: data for the generated views (article pages, matrix, overviews).
"""
