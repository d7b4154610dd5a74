"""Editions: which CSP cycle a build is, how it is labelled, and offline-bundle settings.

A build is the edition of one CSP cycle: the cycle mike is deploying
(``MIKE_DOCS_VERSION``), else the newest cycle of the registry.
"""

from __future__ import annotations

import datetime as dt
import logging
import os

from ..read.languages import format_date  # noqa: F401 (re-exported)
from ..read.registry import Cycle, Registry

log = logging.getLogger("mkdocs.plugins.attguide.editions")

MIKE_VERSION_VARIABLE = "MIKE_DOCS_VERSION"
CYCLE_VARIABLE = "ATT_CYCLE"  # the cycle of an offline bundle (not a mike version)
IFRAME_WORKER_SHIM = "assets/javascripts/vendor/iframe-worker/shim.js"


def current_cycle(registry: Registry, environ=os.environ) -> tuple[Cycle, bool]:
    """The cycle this build is for, and whether mike is deploying it as a version."""
    version = environ.get(MIKE_VERSION_VARIABLE)
    if version and version in registry.cycles:
        return registry.cycles[version], True
    chosen = environ.get(CYCLE_VARIABLE)
    if chosen and chosen in registry.cycles and not version:
        return registry.cycles[chosen], False
    if version:
        log.warning("mike is deploying version '%s', which is not a cycle of the registry "
                    "(cycles: %s); labelling the build as the newest cycle",
                    version, ", ".join(registry.cycles))
    return registry.newest_cycle(), bool(version)


def build_date(environ=os.environ) -> dt.date:
    """The build's date: SOURCE_DATE_EPOCH when set (reproducible builds), else today."""
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.date.today()


def edition_context(registry: Registry, cycle: Cycle, versioned: bool, offline: bool,
                    lang: str, day: dt.date) -> dict:
    """What the edition bar and the version selector need, in ``lang``."""
    return {
        "cycle": cycle.id,
        "label": cycle.label(lang),
        "status": cycle.status_label(lang),
        "offline": offline,
        "versioned": versioned,
        "date": format_date(day, lang),
        # Cycle labels by id, and mike's aliases as "alias:<name>" (the version selector's JS).
        "labels": dict({c.id: c.label(lang) for c in registry.cycles.values()},
                       **{"alias:latest": registry.strings(lang).get("version_latest", "latest")}),
    }


def offline_enabled(config) -> bool:
    """Whether Material's offline plugin is enabled in this build."""
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin and plugin.config.enabled)
