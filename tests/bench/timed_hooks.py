"""The site's hook with a stopwatch round each event, for the benchmark only.

Loads ``hooks/att_hooks.py`` and exposes each of its ``on_*`` events wrapped so that the
time spent inside the hook is summed; at exit the sum is appended to the file named by
``ATT_HOOK_SECONDS`` (one line per process). This measures the hook's own cost directly,
beside the difference of two whole builds, which carries the machine's noise.
"""

from __future__ import annotations

import atexit
import functools
import importlib.util
import os
import sys
import time
from pathlib import Path

HOOKS = Path(__file__).resolve().parents[2] / "hooks"
sys.path.insert(0, str(HOOKS))

_spec = importlib.util.spec_from_file_location("att_hooks", HOOKS / "att_hooks.py")
_hooks = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_hooks)
_elapsed = [0.0]


def _timed(event):
    """``event`` with its running time added to the total (keeps its MkDocs priority)."""
    @functools.wraps(event)
    def timed(*args, **kwargs):
        started = time.perf_counter()
        try:
            return event(*args, **kwargs)
        finally:
            _elapsed[0] += time.perf_counter() - started
    return timed


# Re-export every event of the real hook, timed.
for _name in dir(_hooks):
    if _name.startswith("on_") and callable(getattr(_hooks, _name)):
        globals()[_name] = _timed(getattr(_hooks, _name))


@atexit.register
def _report() -> None:
    """Append this process's hook seconds to the file the benchmark reads."""
    target = os.environ.get("ATT_HOOK_SECONDS")
    if target:
        with open(target, "a", encoding="utf-8") as out:
            out.write(f"{_elapsed[0]:.6f}\n")
