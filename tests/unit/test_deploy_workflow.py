"""The deploy workflow installs what .ci/run installs, runs the checks before releasing,
and stops on a failed gh-pages fetch unless the branch does not exist yet."""

from __future__ import annotations

import yaml

from support import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "deploy-cycle.yml"


def _steps() -> list[dict]:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["deploy"]["steps"]


def test_ci_run_comes_before_the_release():
    runs = [step.get("run", "") for step in _steps()]
    ci = next(i for i, run in enumerate(runs) if "bash .ci/run" in run)
    release = next(i for i, run in enumerate(runs) if "make release" in run)
    assert ci < release


def test_a_failed_gh_pages_fetch_is_not_hidden():
    fetch = next(step["run"] for step in _steps() if "gh-pages" in step.get("run", ""))
    assert "|| true" not in fetch
    assert "--exit-code" in fetch and '"$found" -eq 2' in fetch
