"""Views: the data and HTML the hook adds to pages, from the checked model.

Owns: the table of ``view:`` names and the page-content assembly (:mod:`.pages`), the
views' data (:mod:`.views`, :mod:`.provisions`, :mod:`.glossary`, :mod:`.downloads`),
last-updated dates (:mod:`.lastupdated`), the 404 pages (:mod:`.notfound`), abbreviations
(:mod:`.abbreviations`) and the Jinja rendering of ``overrides/partials/att/`` (:mod:`.render`).

May import: :mod:`attguide.read`, :mod:`attguide.theme`, :mod:`attguide.search`,
:mod:`attguide.check`.
"""
