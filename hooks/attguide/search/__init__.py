"""Search: the per-language index and what makes Chinese queries find whole terms.

Owns: boosts and keywords in the index (:mod:`.index`), jieba segmentation at build time
(:mod:`.segmenter`) and the termbase's search words (:mod:`.keywords`). The query side in the
browser is a theme coupling: ``overrides/partials/att/theme-bridge-search.html``.

May import: :mod:`attguide.read`, :mod:`attguide.theme`.
"""
