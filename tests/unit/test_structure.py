"""The shape of hooks/: layers point one way, no circles, small modules and folders.

The import graph is built with ``ast`` from every ``import`` in hooks/, at module level and
inside functions alike (a function-level import is still an arrow). Imports under
``if TYPE_CHECKING:`` count too.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

HOOKS = Path(__file__).resolve().parents[2] / "hooks"
PACKAGE = "attguide"
# Lower layers first: a module may import only from its own folder or from a lower layer.
LAYERS = ("read", "theme", "search", "check", "views", "assessment", "editions", "")  # "" = attguide's top (build, cli)
TOP_FILES = ("att_hooks",)  # the MkDocs wiring sits above everything
MAX_LINES = 300
MAX_MODULES = 12
LANGUAGES_MODULE = "attguide.read.languages"
_LANGUAGE_LITERAL = re.compile(r"""(["'])(en|zh)\1\s*,\s*(["'])(en|zh)\3""")


def modules(root: Path = HOOKS) -> dict[str, Path]:
    """Dotted module name → file, for every Python file under ``root``."""
    found = {}
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def _resolve(name: str, path: Path, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = name.split(".")
    if path.name != "__init__.py":
        base = base[:-1]
    base = base[:len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The modules of ``known`` that ``name`` imports (module level and inside functions)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            source = _resolve(name, path, node)
            targets = [f"{source}.{alias.name}" if f"{source}.{alias.name}" in known else source
                       for alias in node.names]
        else:
            continue
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def graph(root: Path = HOOKS) -> dict[str, set[str]]:
    files = modules(root)
    return {name: imports(name, path, set(files)) for name, path in files.items()}


def circles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of more than one module (Tarjan)."""
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                out.append(sorted(group))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


def layer(name: str) -> int | None:
    parts = name.split(".")
    if parts[0] != PACKAGE:
        return len(LAYERS) if parts[0] in TOP_FILES else None
    if len(parts) == 1:
        return None  # the package's own __init__
    folder = parts[1] if len(parts) > 2 or parts[1] in LAYERS else ""
    return LAYERS.index(folder)


def back_arrows(edges: dict[str, set[str]]) -> list[str]:
    wrong = []
    for source, targets in edges.items():
        for target in targets:
            low, high = layer(target), layer(source)
            if low is None or high is None:
                continue
            same_folder = source.rpartition(".")[0] == target.rpartition(".")[0]
            if low > high or (low == high and not same_folder and LAYERS[low] != ""):
                wrong.append(f"{source} → {target}")
    return sorted(wrong)


def long_modules(root: Path = HOOKS) -> list[str]:
    return [f"{path.relative_to(root)}: {n} lines" for path in sorted(root.rglob("*.py"))
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES]


def crowded_folders(root: Path = HOOKS) -> list[str]:
    out = []
    for folder in sorted({p.parent for p in root.rglob("*.py")}):
        count = len([p for p in folder.glob("*.py") if p.name != "__init__.py"])
        if count > MAX_MODULES:
            out.append(f"{folder.relative_to(root)}: {count} modules")
    return out


def language_literals(root: Path = HOOKS) -> list[str]:
    out = []
    for name, path in modules(root).items():
        if name == LANGUAGES_MODULE:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if _LANGUAGE_LITERAL.search(line):
                out.append(f"{path.relative_to(root)}:{number}: {line.strip()}")
    return out


def test_no_import_circles():
    assert circles(graph()) == []


def test_imports_point_down_the_layers():
    assert back_arrows(graph()) == []


def test_no_module_over_300_lines():
    assert long_modules() == []


def test_no_folder_over_12_modules():
    assert crowded_folders() == []


def test_languages_are_written_once():
    assert language_literals() == []


def test_the_checker_sees_a_circle_through_a_function_level_import(tmp_path):
    package = tmp_path / PACKAGE
    (package / "read").mkdir(parents=True)
    (package / "check").mkdir()
    for folder in (package, package / "read", package / "check"):
        (folder / "__init__.py").write_text("")
    (package / "read" / "a.py").write_text("def f():\n    from ..check import b\n")
    (package / "check" / "b.py").write_text("from ..read import a\n")
    edges = graph(tmp_path)
    assert circles(edges) == [["attguide.check.b", "attguide.read.a"]]
    assert back_arrows(edges) == ["attguide.read.a → attguide.check.b"]


@pytest.mark.parametrize("line", ['LANGUAGES = ("en", "zh")', "for lang in ['zh', 'en']:"])
def test_the_checker_sees_a_language_literal(tmp_path, line):
    (tmp_path / PACKAGE).mkdir()
    (tmp_path / PACKAGE / "x.py").write_text(line + "\n")
    assert language_literals(tmp_path) == [f"{PACKAGE}/x.py:1: {line}"]
