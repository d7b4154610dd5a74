"""Helpers of the mike tier (tests/mike/), importable by name: the release address and git."""

from __future__ import annotations

import os
import subprocess
import urllib.error
import urllib.request
from pathlib import Path

# The address the test releases are published at, as a host sets it (ATT_SITE_URL). `.internal`
# is for private networks (an intranet host is a real case); `make release` refuses the
# reserved example names (example.org, .test, .invalid, localhost).
SITE_URL = "https://att-guidance.internal/"


def git(args: list[str], cwd: Path) -> str:
    """Run git quietly in ``cwd``; return its output."""
    env = dict(os.environ, GIT_AUTHOR_NAME="Test", GIT_AUTHOR_EMAIL="test@example.org",
               GIT_COMMITTER_NAME="Test", GIT_COMMITTER_EMAIL="test@example.org")
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True,
                          text=True).stdout


def status_of(url: str) -> int:
    """HTTP status of a GET of ``url`` (the body is read and dropped)."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
