"""Running the project's tools (mkdocs, mike, git) from the release and PDF steps.

One runner, shared: :mod:`attguide.editions.release` and :mod:`attguide.editions.pdf` both call
:func:`run`, so neither imports the other.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def env(**extra) -> dict:
    """The environment for mkdocs and mike: quiet warnings, the project's mkdocs first."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **extra)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    return env


def tool(name: str) -> str:
    """A console script installed beside the running Python (mike, mkdocs)."""
    return str(Path(sys.executable).parent / name)


def run(args: list[str], cwd: Path, **extra) -> subprocess.CompletedProcess:
    """Run a command, failing loudly with its output."""
    result = subprocess.run(args, cwd=cwd, env=env(**extra), capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result


def mkdocs_build(project: Path, site: Path, **extra) -> subprocess.CompletedProcess:
    """A strict build of ``project`` into ``site`` with the running Python's mkdocs."""
    return run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)], cwd=project, **extra)
