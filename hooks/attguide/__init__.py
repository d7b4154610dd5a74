"""Plain modules behind the ATT guidance site's build hook, in folders by job.

The hook file (``hooks/att_hooks.py``) only wires MkDocs events; everything it does is
implemented here in small modules that can be unit tested without MkDocs running. A page's
text flows one way, and imports point the other way (a folder imports only from the folders
before it; ``tests/unit/test_structure.py`` checks it)::

    read  →  check  →  views  →  assessment  →  editions        (theme and search sit just above read)

- :mod:`attguide.read`: the inputs as typed values (YAML data, front matter, pages,
  references, the site's languages) and how a problem and its path are reported.
- :mod:`attguide.theme`: every reliance on the theme's and plugins' internals (the bridge).
- :mod:`attguide.search`: the search index per language, the Chinese segmenter, keywords.
- :mod:`attguide.check`: the build's first pass and every check of the pages' text and HTML,
  including the one door (:mod:`attguide.check.htmlgate`): the final HTML of every page read
  by an HTML5 parser against allow-lists.
- :mod:`attguide.views`: the generated views and the table of ``view:`` names.
- :mod:`attguide.assessment`: the practical questions as data, their checks, the
  Self-assessment tool.
- :mod:`attguide.editions`: what an edition adds (what changed, feeds, PDF, release,
  translation status, new-page scaffolds).
- :mod:`attguide.build`: :class:`~attguide.build.BuildState`, what the hook knows during a build.
- :mod:`attguide.cli`: the ``make`` commands (checks, release, scaffolds) outside a build.

The data contributors edit is not here: it is in ``hooks/data/`` (see its README).
"""
