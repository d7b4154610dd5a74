"""The theme bridge: every reliance on the internals of Material, static-i18n and mike.

The site is pinned to mkdocs 1.6.1, mkdocs-material 9.8.2, mkdocs-static-i18n 1.3.1 and
mike 2.2.0. Each coupling below has a guard test that reads the installed packages and fails
when an upgrade breaks it.

Python (guards: ``tests/unit/test_theme.py``):

- :mod:`.bridge`: static-i18n's private state, the alternates set as item and attribute,
  ``base_url`` as the search root, the offline ``__index``, the ``iframe-worker`` polyfill
  marker, Material's reserved ``status`` meta, mike's ``site_url`` slash (numbered there).
- :mod:`.external`: Material's link markup for marking links to other sites.
- :mod:`.pagehead`: the Content-Security-Policy ``<meta>`` in the ``site_meta`` block and the
  hashes of the theme's inline scripts it allows.
- Event order: ``att_hooks.on_page_context`` runs after static-i18n's (priority 50), set
  explicitly with ``@event_priority`` (guard: ``tests/unit/test_theme_couplings.py``).

Templates and scripts (guards: ``tests/unit/test_theme_couplings.py``, and the browser tests):

- ``overrides/partials/att/theme-bridge.html``: search on demand (XHR), ``rel=alternate``
  renamed, the 404 pages' search root (guards in ``test_theme.py``).
- ``overrides/partials/att/theme-bridge-search.html``: the ``Worker.prototype.postMessage``
  patch that segments Chinese queries; relies on Material's worker protocol
  (``{type: 0, data: {config, docs}}``, ``{type: 2, data: query}``, ``{type: 3, data:
  {items}}``) and the theme listening with ``Worker.addEventListener``; the query rewriting is
  in ``assets/javascripts/att-search.js``.
- ``overrides/partials/header.html``: a copy of Material's partial; it may differ only by the
  hunk marked ``ATT:``.
- ``overrides/partials/source.html``: Material's repository widget replaced by a plain link
  (guard: the browser test of local-only requests).
- Selectors the scripts read (``att-layout.js``, ``att-a11y.js``): ``.md-sidebar--secondary
  .md-nav__link--active``, ``a.md-select__link[hreflang]``, ``.md-select``,
  ``.md-search[role=dialog]``, ``input.md-search__input``. The ``.md-`` selectors of
  ``att.css`` are styling only; a theme change there shows in the screenshots, not as a failure.

May import: :mod:`attguide.read` (the languages).
"""
