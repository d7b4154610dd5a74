"""Self-assessment: the practical questions of every topic as data, checked and shown.

Owns: ``hooks/data/questions.yml`` read once into typed values (:mod:`.questions`), the checks
of the questions against the pages and the termbase (:mod:`.checks`), and the views that
show them: a topic page's "Practical questions" and the Self-assessment tool
(:mod:`.views`, templates ``overrides/partials/att/topic-questions.html`` and
``self-assessment.html``, script ``assets/javascripts/att-self-assessment.js``).

May import: :mod:`attguide.read`, :mod:`attguide.check`, :mod:`attguide.views`.
"""
