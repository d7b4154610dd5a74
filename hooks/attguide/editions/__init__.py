"""Editions: what a CSP cycle's edition adds on top of the pages.

Owns: the cycle being built (:mod:`.cycle`), what changed since the last release
(:mod:`.changes`) and its page and Atom feed (:mod:`.feeds`), translation status
(:mod:`.translations`), the PDFs (:mod:`.pdf`), releases (:mod:`.release`) and what a release refuses to publish
(:mod:`.releasecheck`), the one runner
of mkdocs/mike/git (:mod:`.tools`), new-page scaffolds (:mod:`.scaffold`), and the views
that need an edition, added to the views table (:mod:`.pageviews`).

May import: every other folder (the top layer under :mod:`attguide.build`).
"""
