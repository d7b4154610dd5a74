"""Checking: the build's first pass and every rule a contributor's text must meet.

Owns: the first pass, which checks each page's record for markup and references
(:mod:`.scan`), rules across pages and languages (:mod:`.rules`), unsafe Markdown (:mod:`.safety`), the one door every page's final HTML passes
(:mod:`.htmlgate`, an HTML5 parse against the allow-lists of :mod:`.htmlallow`; the theme's own
markup recognised by :mod:`.htmltheme`), termbase
wording (:mod:`.termcheck`), the force wording (:mod:`.wording`), presentation and issue
records (:mod:`.records`) and the outside-link check of ``make check-sources``
(:mod:`.linkcheck`). Every finding reads ``path:line: what is wrong — what would be right``.

May import: :mod:`attguide.read`.
"""
