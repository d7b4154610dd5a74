"""The site's hook with a stopwatch round each event, for the benchmark only.

Loads ``hooks/att_hooks.py`` and exposes each of its ``on_*`` events wrapped so that the
time spent inside the hook is summed; at exit the sum is appended to the file named by
``ATT_HOOK_SECONDS`` (one line per process: the total, then ``event=seconds`` for each event).
This measures the hook's own cost directly, beside the difference of two whole builds, which
carries the machine's noise. ``ATT_HOOK_PROFILE=file`` also profiles the code run inside the
events (and only there) with cProfile and writes the statistics to ``file``.
"""

from __future__ import annotations

import atexit
import cProfile
import functools
import importlib.util
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

HOOKS = Path(__file__).resolve().parents[2] / "hooks"
sys.path.insert(0, str(HOOKS))

_spec = importlib.util.spec_from_file_location("att_hooks", HOOKS / "att_hooks.py")
_hooks = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_hooks)
_elapsed: dict[str, float] = defaultdict(float)
_profiler = cProfile.Profile() if os.environ.get("ATT_HOOK_PROFILE") else None


def _timed(event):
    """``event`` with its running time added to the total (keeps its MkDocs priority)."""
    @functools.wraps(event)
    def timed(*args, **kwargs):
        if _profiler is not None:
            _profiler.enable()
        started = time.perf_counter()
        try:
            return event(*args, **kwargs)
        finally:
            _elapsed[event.__name__] += time.perf_counter() - started
            if _profiler is not None:
                _profiler.disable()
    return timed


# Re-export every event of the real hook, timed.
for _name in dir(_hooks):
    if _name.startswith("on_") and callable(getattr(_hooks, _name)):
        globals()[_name] = _timed(getattr(_hooks, _name))


@atexit.register
def _report() -> None:
    """Append this process's hook seconds (total, then per event) to the file the benchmark reads."""
    target = os.environ.get("ATT_HOOK_SECONDS")
    if target:
        events = " ".join(f"{name}={seconds:.6f}" for name, seconds in sorted(_elapsed.items()))
        with open(target, "a", encoding="utf-8") as out:
            out.write(f"{sum(_elapsed.values()):.6f} {events}\n")
    if _profiler is not None:
        _profiler.dump_stats(os.environ["ATT_HOOK_PROFILE"])
