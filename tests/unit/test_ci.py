"""The CI entry point installs only what is missing, and the workflows use it safely."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
import yaml

from support import ROOT


def _font_present(family: str) -> bool:
    """Whether fontconfig knows a font family (its whole output read: no SIGPIPE)."""
    if not shutil.which("fc-list"):
        return False
    out = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True).stdout
    return family.lower() in out.lower()


def test_ci_run_wants_exactly_the_missing_packages():
    expected = []
    chromium = os.environ.get("CHROMIUM")
    if not chromium and not shutil.which("chromium"):
        expected.append("chromium")
    if not _font_present("Noto Sans CJK"):
        expected.append("fonts-noto-cjk")
    if not shutil.which("pdftotext"):
        expected.append("poppler-utils")
    if not shutil.which("npm"):
        expected += ["nodejs", "npm"]
    if chromium and not os.access(chromium, os.X_OK):
        pytest.skip("CHROMIUM names no executable")
    # Several runs: the SIGPIPE bug showed in most runs, not all.
    for _ in range(5):
        result = subprocess.run(["bash", str(ROOT / ".ci" / "run")], cwd=ROOT, capture_output=True, text=True,
                                env=dict(os.environ, ATT_CI_DRY_RUN="1"), timeout=60)
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == f"missing: {' '.join(expected) or 'nothing'}"


def test_the_pull_request_workflow_runs_the_ci_entry_point():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pull-request.yml").read_text(encoding="utf-8"))
    runs = [step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"]]
    assert "bash .ci/run" in runs, runs
    assert not any("apt-get" in run or "make test" in run for run in runs), runs


def test_workflow_inputs_reach_the_shell_through_the_environment():
    for path in (ROOT / ".github" / "workflows").glob("*.yml"):
        workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
        for job in workflow["jobs"].values():
            for step in job["steps"]:
                assert "${{" not in step.get("run", ""), f"{path.name}: {step.get('name')}: {step['run']}"
