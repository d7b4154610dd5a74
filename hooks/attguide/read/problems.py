"""Contributor-facing problems: collected over a whole build, reported together.

Every problem reads ``path:line: what is wrong — what would be right`` so that a
contributor can act on it without reading Python. :func:`shown_path` is how a path is
shown in those messages.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.exceptions import PluginError

log = logging.getLogger("mkdocs.plugins.attguide.problems")


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in a source file, with the fix a contributor would make."""

    path: str
    line: int
    message: str
    hint: str = ""

    def __str__(self) -> str:
        """Render as ``path:line: message — hint``."""
        text = f"{self.path}:{self.line}: {self.message}"
        return f"{text} — {self.hint}" if self.hint else text


@dataclass
class Problems:
    """An ordered, de-duplicated collection of problems."""

    items: list[Problem] = field(default_factory=list)

    def add(self, path: str, line: int, message: str, hint: str = "") -> None:
        """Record a problem unless the same one is already recorded."""
        problem = Problem(path, max(int(line), 1), message, hint)
        if problem not in self.items:
            self.items.append(problem)

    def extend(self, other: "Problems") -> None:
        """Add every problem of ``other``."""
        for problem in other.items:
            if problem not in self.items:
                self.items.append(problem)

    def __bool__(self) -> bool:
        """True when at least one problem was recorded."""
        return bool(self.items)

    def __len__(self) -> int:
        """Number of problems recorded."""
        return len(self.items)

    def raise_if_any(self, what: str = "the guidance pages") -> None:
        """Log every problem as an error, then fail the build once."""
        if not self.items:
            return
        for problem in sorted(self.items):
            log.error(str(problem))
        count = len(self.items)
        raise PluginError(
            f"{count} problem{'s' if count != 1 else ''} found in {what}; "
            "each is listed above as path:line: what is wrong — what would be right."
        )


def shown_path(path: str | Path) -> str:
    """How a file or folder is named in messages: relative to the working directory when it
    lies below it, else as given. The one way the hooks print a path."""
    try:
        return Path(path).resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)
