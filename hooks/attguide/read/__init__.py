"""Reading: every input as typed values, checked against its schema on the way in.

Owns: YAML with node lines (:mod:`.yamlsource`), the site's languages from the i18n
configuration (:mod:`.languages`, the only place they are written), problems and how a path
is shown (:mod:`.problems`), page front matter (:mod:`.frontmatter`), what counts as code
(:mod:`.mdtext`), the reference data (:mod:`.registry` loads ``hooks/data/registry.yml``
into :mod:`.registrydata`), sources (:mod:`.sources`), the termbase's data (:mod:`.terms`),
the force of provisions (:mod:`.force`), ``art:``/``topic:``/``src:`` references
(:mod:`.refs`) and the pages of every language, each read once into a record (:mod:`.sitemodel`).

May import: nothing else of :mod:`attguide` (the lowest layer).
"""
