"""The hook file wires each MkDocs event once: a second definition would silently replace the first."""

from __future__ import annotations

import ast
import collections

from support import ROOT


def test_every_event_handler_of_the_hook_is_defined_once():
    tree = ast.parse((ROOT / "hooks" / "att_hooks.py").read_text(encoding="utf-8"))
    names = collections.Counter(node.name for node in tree.body if isinstance(node, ast.FunctionDef))
    assert [name for name, count in names.items() if count > 1] == []
