"""Presentation records and current implementation issues: their checks and coverage.

A presentation page (``docs/presentations/<name>.md`` and ``.zh.md``) records one
presentation to the working group: who presented (a State Party or another stakeholder),
the region and import/export profile of a presenting State, the phase, topics and articles,
the CSP cycle, the meeting date and, when public, a link to the slides or document. The
seed asks for at least two State presentations per phase, diverse in geography and in
import/export profile (para. 11 c and e): :func:`coverage` measures that.
"""

from __future__ import annotations

import datetime as dt
import logging
import re

from ..read import languages, refs
from ..read.problems import Problems
from ..read.registry import Registry

log = logging.getLogger("mkdocs.plugins.attguide.records")

PRESENTATIONS = "presentations/"
ISSUES = "current-issues/"
PRESENTATION_KEYS = ("presenter", "stakeholder", "region", "profile", "topics", "cycle", "date", "link")
TARGET_STATE_PRESENTATIONS = 2
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def kind_of(base: str) -> str | None:
    """``presentation``, ``issue`` or None, from a page's English source path."""
    if base.startswith(PRESENTATIONS) and not base.endswith("index.md"):
        return "presentation"
    if base.startswith(ISSUES) and not base.endswith("index.md"):
        return "issue"
    return None


def check(page, shown: str, registry: Registry, problems: Problems) -> None:
    """Check a page's record keys: required where they belong, absent elsewhere."""
    meta = page.meta
    kind = kind_of(page.base)
    if kind != "presentation":
        for key in PRESENTATION_KEYS:
            if key == "cycle" and meta.get("view") == "workplan":
                continue  # a work plan page names its cycle
            if meta.get(key) not in (None, []):
                problems.add(shown, meta.line(key), f"'{key}' belongs to presentation records only",
                             f"remove it, or move the page under docs/{PRESENTATIONS}")
    if kind != "issue" and meta.get("issue_status"):
        problems.add(shown, meta.line("issue_status"), "'issue_status' belongs to current-issue pages only",
                     f"remove it, or move the page under docs/{ISSUES}")
    if kind == "presentation":
        _check_presentation(page, shown, registry, problems)
    elif kind == "issue":
        _check_vocabulary(meta, "issue_status", "issue_statuses", shown, registry, problems, required=True)
        if not meta.get("phase"):
            problems.add(shown, 1, "a current issue needs 'phase'", "add the phase it mainly concerns, e.g. 'phase: e'")


def _check_presentation(page, shown: str, registry: Registry, problems: Problems) -> None:
    """Required fields, controlled values, dates, links."""
    meta = page.meta
    for key in ("presenter", "stakeholder", "phase", "cycle", "date"):
        if not meta.get(key):
            problems.add(shown, 1, f"a presentation record needs '{key}'", _REQUIRED_HINT[key])
    _check_vocabulary(meta, "stakeholder", "stakeholders", shown, registry, problems)
    if meta.get("stakeholder") == "state":
        for key, vocabulary in (("region", "regions"), ("profile", "profiles")):
            _check_vocabulary(meta, key, vocabulary, shown, registry, problems, required=True)
    else:
        _check_vocabulary(meta, "region", "regions", shown, registry, problems)
        _check_vocabulary(meta, "profile", "profiles", shown, registry, problems)
    cycle = meta.get("cycle")
    if cycle and cycle not in registry.cycles:
        problems.add(shown, meta.line("cycle"), f"unknown CSP cycle '{cycle}'",
                     "use one of: " + ", ".join(registry.cycles))
    date = meta.get("date")
    if date is not None and not isinstance(date, dt.date):
        text = str(date)
        valid = bool(_DATE.match(text))
        if valid:
            try:
                dt.date.fromisoformat(text)
            except ValueError:
                valid = False
        if not valid:
            problems.add(shown, meta.line("date"), f"'{text}' is not a date",
                         "write the meeting date as YYYY-MM-DD, e.g. 2025-02-11")
    link = meta.get("link")
    if link and not re.match(r"^https://", str(link)):
        problems.add(shown, meta.line("link"), f"'{link}' is not a public web address",
                     "give an https:// address, or leave 'link' out")
    for item in meta.get("topics", []):
        try:
            refs.topic_target(item, registry, scheme="")
        except refs.RefError as error:
            problems.add(shown, meta.line("topics"), f"in 'topics': {error.message}", error.hint)


_REQUIRED_HINT = {
    "presenter": "name the presenting State or organisation, e.g. 'presenter: ...'",
    "stakeholder": "say who presented: state, international, regional, civil-society or industry",
    "phase": "add the phase presented on, e.g. 'phase: e'",
    "cycle": "add the CSP cycle, e.g. 'cycle: csp13'",
    "date": "add the meeting date as YYYY-MM-DD",
}


def _check_vocabulary(meta, key: str, vocabulary: str, shown: str, registry: Registry,
                      problems: Problems, required: bool = False) -> None:
    """A controlled value from the registry (required or optional)."""
    value = meta.get(key)
    allowed = registry.vocabularies.get(vocabulary, {})
    if value is None:
        if required:
            problems.add(shown, 1, f"'{key}' is required here", "use one of: " + ", ".join(allowed))
        return
    if value not in allowed:
        problems.add(shown, meta.line(key), f"unknown {key} '{value}'", "use one of: " + ", ".join(allowed))


def presentations(model, phase_id: str | None = None) -> list:
    """English source pages of the presentation records (of one phase), by date."""
    pages = [page for base, page in model.pages[languages.default()].items() if kind_of(base) == "presentation"
             and page.meta.get("phase") and (phase_id is None or page.meta.get("phase") == phase_id)]
    return sorted(pages, key=lambda page: (str(page.meta.get("date")), page.base))


def coverage(pages: list) -> dict:
    """Counts and diversity of a set of presentation records against the seed's target."""
    states = [page for page in pages if page.meta.get("stakeholder") == "state"]
    return {
        "states": len(states),
        "others": len(pages) - len(states),
        "regions": sorted({page.meta.get("region") for page in states if page.meta.get("region")}),
        "profiles": sorted({page.meta.get("profile") for page in states if page.meta.get("profile")}),
        "met": len(states) >= TARGET_STATE_PRESENTATIONS,
    }


def issues(model) -> list:
    """English source pages of the current implementation issues."""
    return sorted((page for base, page in model.pages[languages.default()].items() if kind_of(base) == "issue"),
                  key=lambda page: page.base)
