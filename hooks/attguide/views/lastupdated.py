""""Last updated" dates from git history, read once per build.

One ``git log`` over ``docs/`` gives every file's latest commit date. Files without
history (new, uncommitted) and shallow clones fall back to the build date, with a warning
that names how many pages it concerns; nothing here can fail the build.
"""

from __future__ import annotations

import datetime as dt
import logging
import subprocess
from pathlib import Path

log = logging.getLogger("mkdocs.plugins.attguide.lastupdated")
# Reported outside the mkdocs.* namespace on purpose: a page without history (a new page
# being previewed) is worth a warning but must not fail a --strict build.
notice = logging.getLogger("attguide.lastupdated")


def git_dates(docs_dir: str | Path) -> tuple[dict[str, dt.date], bool]:
    """Latest commit date of each file under ``docs_dir`` (absolute paths), and shallowness."""
    docs = Path(docs_dir).resolve()
    try:
        top = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=docs, capture_output=True,
                             text=True, check=True).stdout.strip()
        shallow = subprocess.run(["git", "rev-parse", "--is-shallow-repository"], cwd=docs,
                                 capture_output=True, text=True).stdout.strip() == "true"
        output = subprocess.run(["git", "log", "--format=%x00%cs", "--name-only", "--", "."],
                                cwd=docs, capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}, False
    dates: dict[str, dt.date] = {}
    current = None
    for line in output.splitlines():
        if line.startswith("\x00"):
            current = dt.date.fromisoformat(line[1:])
        elif line.strip() and current is not None:
            dates.setdefault(str(Path(top, line).resolve()), current)
    return dates, shallow


class LastUpdated:
    """Dates per source file for one build, with the fallback and its warning."""

    def __init__(self, docs_dir: str | Path, fallback: dt.date):
        """Read the history once."""
        self.dates, self.shallow = git_dates(docs_dir)
        self.fallback = fallback
        self.missing: list[str] = []

    def date_of(self, abs_path: str) -> dt.date:
        """The file's latest commit date, or the build date. (The history is keyed by resolved
        paths; a path is resolved, which asks the file system, only when it is not one already.)"""
        found = self.dates.get(abs_path)
        if found is None:
            found = self.dates.get(str(Path(abs_path).resolve()))
        if found is None:
            self.missing.append(abs_path)
            return self.fallback
        return found

    def report(self) -> None:
        """Warn once about the pages that fell back to the build date."""
        _use_mkdocs_console(notice)
        if self.shallow:
            notice.warning("git history is shallow: 'last updated' dates may be later than the "
                           "real last change (fetch the full history for exact dates)")
        if self.missing:
            notice.warning("%d page(s) have no git history yet (new or uncommitted); their 'last "
                           "updated' date is the build date", len(set(self.missing)))


def _use_mkdocs_console(logger: logging.Logger) -> None:
    """Print through MkDocs' console handler (same format), but not its strict-mode counter."""
    if logger.handlers:
        return
    from mkdocs.utils import CountHandler
    for handler in logging.getLogger("mkdocs").handlers:
        if not isinstance(handler, CountHandler):
            logger.addHandler(handler)
    logger.propagate = not logger.handlers
