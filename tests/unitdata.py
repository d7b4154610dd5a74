"""The small data the unit tests run the code on (``tests/unit/data/``): a registry of twelve
articles with the force table and sources beside it, a termbase, practical questions and
search synonyms, a few readable entries each. The project's own data (``hooks/data/``) is
checked by the content tier (``tests/content/``), not by the unit tests."""

from __future__ import annotations

from attguide.read import registry as registry_module
from attguide.read import terms as termbase_module

from support import ROOT

DATA = ROOT / "tests" / "unit" / "data"
REGISTRY_PATH = DATA / "registry.yml"


def registry() -> registry_module.Registry:
    """The small registry, with its force table and sources."""
    return registry_module.load(REGISTRY_PATH)


def termbase(registry: registry_module.Registry) -> termbase_module.Termbase:
    """The small termbase, checked against ``registry``."""
    return termbase_module.load(termbase_module.path_beside(registry.path), registry)
