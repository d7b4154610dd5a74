"""A static walk of one value through a package's calls: how far a reader follows it, and
whether the walk climbs back up the package's layers.

The walk starts at a function's parameter and follows the value down every call it is
passed to, in the order the calls are written (depth first):

* In a function, the value is carried by the parameter and by every name assigned a piece
  of it anywhere in the function: ``body = text[n:]``, ``t = text.strip()``, ``f"{text}"``,
  ``a + text``. A name is followed everywhere in its function, as a reader follows it: a
  name reused for another value is still followed. The result of a call to another function
  is a new value (the value is followed through the call instead), and so is a loop
  variable (``for line in text.splitlines()``: the lines are not the page's text).
* A call carries the value when one of its arguments does; the argument's position or
  keyword gives the callee's parameter. Callees are resolved through the module's own
  functions and classes, ``from x import y``, ``import x`` and ``from . import x``
  (``x.f``, ``x.C.m``), and a parameter annotated with an imported class (``p.m`` for
  ``p: C``). A class called is a stay in its module (its ``__init__`` is walked when it has
  one). Calls outside the package (the standard library, methods of ``str``) are not stays.
* Each function entered is a *stay* (one per argument that carries the value), each module
  a *room*. When the walk goes on in a caller after a callee, the caller is a step of the
  walk again: a *return* (not a stay).

Floors come from the package's import graph: a module importing nothing of the package is on
floor 0, any other one floor above the highest module it imports. A *climb* is a return whose
module is on a higher floor than the stay before it: the reader, down in a lower layer, has to
come back up to keep following the value.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Stay:
    """One step of the walk: a function of a module, entered or returned to."""

    module: str  # dotted, relative to the package root, e.g. "check.scan"
    function: str  # e.g. "read_page", "ArticleRef.parse", "SourcePage"
    parameter: str  # the name the value has there
    returned: bool = False  # True when the walk comes back here from a callee

    def __str__(self) -> str:
        """``module.function(parameter)``, marked when it is a return."""
        return ("  <- " if self.returned else "") + f"{self.module}.{self.function}({self.parameter})"


@dataclass
class Walk:
    """The ordered stays of a walk, with the floors of the package's modules."""

    steps: list[Stay] = field(default_factory=list)  # in walking order, returns included
    floors: dict[str, int] = field(default_factory=dict)

    @property
    def stays(self) -> int:
        """How many functions the walk enters (returns not counted)."""
        return sum(not step.returned for step in self.steps)

    @property
    def rooms(self) -> list[str]:
        """The modules visited, in first-visit order."""
        return list(dict.fromkeys(step.module for step in self.steps))

    @property
    def returns(self) -> int:
        """How many stays are returns to a caller."""
        return sum(step.returned for step in self.steps)

    @property
    def climbs(self) -> list[tuple[Stay, Stay]]:
        """(from, to) for every return that goes up to a higher floor."""
        return [(before, step) for before, step in zip(self.steps, self.steps[1:])
                if step.returned and self.floors.get(step.module, 0) > self.floors.get(before.module, 0)]

    def report(self) -> str:
        """The walk, one step a line with its floor, and the counts."""
        lines = [f"{self.stays} stays in {len(self.rooms)} rooms, {len(self.climbs)} climbs, "
                 f"{self.returns} returns:"]
        lines += [f"  [floor {self.floors.get(step.module, 0)}] {step}" for step in self.steps]
        return "\n".join(lines)


class Package:
    """The modules of a package folder, parsed once: functions, classes, imports, floors."""

    def __init__(self, root: Path):
        """Parse every ``*.py`` under ``root`` (the package folder itself)."""
        self.root = Path(root)
        self.trees: dict[str, ast.Module] = {}
        for path in sorted(self.root.rglob("*.py")):
            parts = list(path.relative_to(self.root).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts = parts[:-1]
            self.trees[".".join(parts)] = ast.parse(path.read_text(encoding="utf-8"))
        self.names = {module: self._bindings(module) for module in self.trees}
        self.floors = self._floors()

    def _is_package(self, module: str) -> bool:
        """True when ``module`` is a folder (its ``__init__``)."""
        return (self.root.joinpath(*module.split(".")) / "__init__.py").exists() if module else True

    def _absolute(self, module: str, level: int, name: str | None) -> str | None:
        """The package-relative module of ``from <level dots><name> import`` in ``module``;
        None when it lies outside the package."""
        if level == 0:
            top = self.root.name
            if name != top and not (name or "").startswith(top + "."):
                return None
            return (name or "")[len(top) + 1:]
        base = module.split(".") if module else []
        if not self._is_package(module):
            base = base[:-1]
        if level > 1:
            base = base[:len(base) - (level - 1)] if level - 1 <= len(base) else None
        if base is None:
            return None
        return ".".join(base + ([name] if name else []))

    def _bindings(self, module: str) -> dict[str, tuple[str, str | None]]:
        """What each top-level name of ``module`` refers to: (module, None) for a module,
        (module, name) for a function or class of the package."""
        found: dict[str, tuple[str, str | None]] = {}
        for node in self.trees[module].body:
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                found[node.name] = (module, node.name)
            elif isinstance(node, ast.ImportFrom):
                source = self._absolute(module, node.level, node.module)
                if source is None:
                    continue
                for alias in node.names:
                    child = f"{source}.{alias.name}" if source else alias.name
                    target = (child, None) if child in self.trees else (source, alias.name)
                    found[alias.asname or alias.name] = target
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    source = self._absolute(module, 0, alias.name)
                    if source is not None and alias.asname:
                        found[alias.asname] = (source, None)
        return found

    def _floors(self) -> dict[str, int]:
        """Floor of every module: 0 without imports of the package, else 1 + the highest."""
        imports = {module: {target for target, _ in self.names[module].values() if target != module}
                   for module in self.trees}
        floors: dict[str, int] = {}

        def floor(module: str, seen: tuple = ()) -> int:
            """The floor of one module (an import circle counts as the same floor)."""
            if module not in floors:
                below = [floor(other, seen + (module,)) for other in imports.get(module, ())
                         if other in self.trees and other not in seen]
                floors[module] = 1 + max(below) if below else 0
            return floors[module]

        for module in self.trees:
            floor(module)
        return floors

    def definition(self, module: str, name: str):
        """The function or class ``name`` (``C.m`` for a method) of ``module``, or None."""
        scope = self.trees.get(module)
        for part in name.split("."):
            if scope is None:
                return None
            scope = next((node for node in getattr(scope, "body", [])
                          if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and node.name == part), None)
        return scope

    def resolve(self, module: str, function, call: ast.Call) -> tuple[str, str] | None:
        """(module, name) of the package function or class that ``call`` calls, or None."""
        chain = _dotted(call.func)
        if not chain:
            return None
        head, rest = chain[0], chain[1:]
        annotated = _annotations(function).get(head)
        if annotated and rest:  # p.m() for a parameter p: C
            head, rest = annotated, rest
        target = self.names[module].get(head)
        if target is None:
            return None
        source, name = target
        while name is None and rest:  # walk down a module: x.y.f
            child = f"{source}.{rest[0]}" if source else rest[0]
            if child in self.trees:
                source, rest = child, rest[1:]
                continue
            target = self.names[source].get(rest[0])
            if target is None:
                return None
            (source, name), rest = target, rest[1:]
        if name is None:
            return None
        full = ".".join([name] + rest)
        return (source, full) if self.definition(source, full) is not None else None


def _dotted(node) -> list[str]:
    """``a.b.c`` as ['a', 'b', 'c']; [] for anything else."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.insert(0, node.attr)
        node = node.value
    return [node.id] + parts if isinstance(node, ast.Name) else []


def _annotations(function) -> dict[str, str]:
    """Parameter -> the simple class name of its annotation (``p: Problems`` -> Problems)."""
    found = {}
    arguments = function.args.posonlyargs + function.args.args + function.args.kwonlyargs
    for argument in arguments:
        annotation = argument.annotation
        if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):
            text = annotation.value.split("|")[0].strip()
            found[argument.arg] = text if text.isidentifier() else None
        elif isinstance(annotation, ast.Name):
            found[argument.arg] = annotation.id
    return {name: value for name, value in found.items() if value}


def _parameters(definition) -> list[str]:
    """The parameters a caller's positions fill (``self``/``cls`` of a method left out)."""
    if isinstance(definition, ast.ClassDef):
        init = next((node for node in definition.body
                     if isinstance(node, ast.FunctionDef) and node.name == "__init__"), None)
        if init is not None:
            return _parameters(init)[1:]
        return [node.target.id for node in definition.body  # a dataclass: its fields in order
                if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name)]
    names = [argument.arg for argument in definition.args.posonlyargs + definition.args.args]
    decorators = {_dotted(d)[-1] for d in definition.decorator_list if _dotted(d)}
    if names and (names[0] in ("self", "cls") or "classmethod" in decorators):
        names = names[1:]
    return names + [argument.arg for argument in definition.args.kwonlyargs]


def _carries(node, names: set[str]) -> bool:
    """True when the expression is the value or a piece of it (see the module's docstring)."""
    if isinstance(node, ast.Name):
        return node.id in names
    if isinstance(node, ast.Subscript):
        return _carries(node.value, names)
    if isinstance(node, ast.Call):  # a method of the value itself (text.strip()); other calls: new values
        return isinstance(node.func, ast.Attribute) and _carries(node.func.value, names)
    if isinstance(node, ast.Starred):
        return _carries(node.value, names)
    if isinstance(node, (ast.JoinedStr, ast.FormattedValue, ast.BinOp, ast.BoolOp, ast.IfExp,
                         ast.Tuple, ast.List)):
        return any(_carries(child, names) for child in ast.iter_child_nodes(node))
    return False


def _bound(target) -> list[str]:
    """Names bound by an assignment target."""
    return [node.id for node in ast.walk(target) if isinstance(node, ast.Name)]


def _carriers(function, parameter: str) -> set[str]:
    """Every name of ``function`` that carries the value of ``parameter`` (to a fixed point)."""
    names = {parameter}
    while True:
        before = len(names)
        for node in ast.walk(function):
            if isinstance(node, ast.Assign) and _carries(node.value, names):
                for target in node.targets:
                    names.update(_bound(target))
            elif isinstance(node, (ast.AnnAssign, ast.AugAssign)) and node.value is not None \
                    and _carries(node.value, names):
                names.update(_bound(node.target))
        if len(names) == before:
            return names


def walk(package_root: str | Path, module: str, function: str, parameter: str) -> Walk:
    """The walk of ``parameter`` of ``module.function`` through the package at ``package_root``."""
    package = Package(Path(package_root))
    result = Walk(floors=package.floors)
    _visit(package, module, function, parameter, result, stack=())
    return result


def _visit(package: Package, module: str, name: str, parameter: str, result: Walk, stack: tuple) -> None:
    """Record the stay in ``module.name`` and walk every call that carries ``parameter``."""
    result.steps.append(Stay(module, name, parameter))
    definition = package.definition(module, name)
    if isinstance(definition, ast.ClassDef):
        init = package.definition(module, f"{name}.__init__")
        if init is None:
            return  # a dataclass keeps the value: the walk ends here
        definition = init
    names = _carriers(definition, parameter)
    calls = sorted((node for node in ast.walk(definition) if isinstance(node, ast.Call)),
                   key=lambda node: (node.lineno, node.col_offset))
    entered = False
    for call in calls:
        target = package.resolve(module, definition, call)
        if target is None:
            continue
        callee = package.definition(*target)
        parameters = _parameters(callee)
        handed = [parameters[index] for index, argument in enumerate(call.args)
                  if index < len(parameters) and _carries(argument, names)]
        handed += [keyword.arg for keyword in call.keywords
                   if keyword.arg in parameters and _carries(keyword.value, names)]
        for callee_parameter in handed:
            key = (target[0], target[1], callee_parameter)
            if key in stack:
                continue
            if entered:
                result.steps.append(Stay(module, name, parameter, returned=True))
            _visit(package, target[0], target[1], callee_parameter, result, stack + ((module, name, parameter),))
            entered = True
