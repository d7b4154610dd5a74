"""Following a page's text from where it is read (``read/sitemodel.py`` ``read_page``, which the
first pass in ``check/scan.py`` hands each decoded file) takes at most 8 stays and never climbs
back up the package's layers: measured by the static walker of ``tests/walker.py``, which is
tested here first on a tiny package whose walk is known."""

from __future__ import annotations

import ast
import textwrap

import walker

from support import ROOT

PACKAGE = ROOT / "hooks" / "attguide"
MOST_STAYS = 8


def write_package(root, modules: dict[str, str]):
    """A package folder ``root/pkg`` with the given ``name: source`` modules; its path."""
    package = root / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    for name, source in modules.items():
        path = package.joinpath(*name.split(".")).with_suffix(".py")
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.parent != package:
            (path.parent / "__init__.py").touch()
        path.write_text(textwrap.dedent(source), encoding="utf-8")
    return package


# A page reader on three floors: `low` (0) <- `mid` (1) <- `top` (2).
TINY = {
    "low": '''
        class Problems:
            def add(self, message):
                pass

        def piece(s):
            return s
        ''',
    "mid": '''
        from . import low
        from .low import Problems

        def check(body, problems: Problems):
            problems.add(message=body[:3])
        ''',
    "top": '''
        from . import mid
        from .low import piece

        def read(text, problems):
            head = text[:5]
            mid.check(head, problems)
            piece(text.strip())
            words = [word for word in text.split()]
            for line in text.splitlines():
                piece(line)
            result = piece("other")
            mid.check(result, problems)
        ''',
}


def test_the_walker_follows_pieces_through_imports_and_counts_the_climb(tmp_path):
    walk = walker.walk(write_package(tmp_path, TINY), "top", "read", "text")
    assert [str(step) for step in walk.steps] == [
        "top.read(text)", "mid.check(body)", "low.Problems.add(message)", "  <- top.read(text)", "low.piece(s)"]
    assert walk.floors["low"] == 0 and walk.floors["mid"] == 1 and walk.floors["top"] == 2
    assert (walk.stays, walk.rooms, walk.returns) == (4, ["top", "mid", "low"], 1)
    assert [(str(down), str(up)) for down, up in walk.climbs] == [("low.Problems.add(message)", "  <- top.read(text)")]


def test_a_straight_walk_does_not_climb_and_a_reused_name_is_followed(tmp_path):
    straight = dict(TINY, top='''
        from . import mid
        from .low import piece

        def read(text, problems):
            _same_floor(text)
            text = "a new value under the old name"
            mid.check(body=text, problems=problems)

        def _same_floor(value):
            return value
        ''')
    walk = walker.walk(write_package(tmp_path, straight), "top", "read", "text")
    assert [str(step) for step in walk.steps] == [
        "top.read(text)", "top._same_floor(value)", "  <- top.read(text)", "mid.check(body)",
        "low.Problems.add(message)"]
    assert walk.climbs == [] and walk.stays == 4


def test_the_walk_of_a_pages_text_is_short_and_never_climbs_back_up():
    """The reader hands the text to the front-matter reader once, and keeps nothing of it but the
    record it gets back (4 stays in 2 rooms today; 9 stays and 4 climbs when ``check/scan.py``
    read the page itself)."""
    walk = walker.walk(PACKAGE, "read.sitemodel", "read_page", "text")
    assert walk.steps[0].function == "read_page", walk.report()
    assert walk.stays <= MOST_STAYS and not walk.climbs, walk.report()


def test_the_first_pass_hands_each_file_to_the_page_reader():
    """``scan_site`` decodes each file straight into ``read_page``: the text has no other way in."""
    tree = ast.parse((PACKAGE / "check" / "scan.py").read_text(encoding="utf-8"))
    decodes = [node for node in ast.walk(tree) if isinstance(node, ast.Call)
               and isinstance(node.func, ast.Attribute) and node.func.attr == "decode"]
    readers = {id(argument) for node in ast.walk(tree) if isinstance(node, ast.Call)
               and isinstance(node.func, ast.Name) and node.func.id == "read_page" for argument in node.args}
    assert decodes and all(id(node) in readers for node in decodes)
