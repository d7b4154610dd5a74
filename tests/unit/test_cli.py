"""Unit tests of the maintenance command line: mistakes are messages, never tracebacks."""

from __future__ import annotations

import shutil

from attguide import cli
from attguide.read import registry

import unitdata


def test_new_topic_over_an_existing_file_is_a_message(tmp_path, capsys):
    reg_path = tmp_path / "registry.yml"
    shutil.copy(unitdata.REGISTRY_PATH, reg_path)
    before = reg_path.read_text(encoding="utf-8")
    folder = tmp_path / "docs" / registry.load(reg_path).phases["e"].dir
    folder.mkdir(parents=True)
    (folder / "end-user-documentation.zh.md").write_text("# 已有页面\n", encoding="utf-8")
    code = cli.main(["--registry", str(reg_path), "--docs", str(tmp_path / "docs"),
                     "new-topic", "e", "end-user-documentation", "--en", "End-user documentation"])
    out = capsys.readouterr().out
    assert code == 2
    assert out.startswith("error: ") and "end-user-documentation.zh.md already exists" in out, out
    assert " — " in out and "Traceback" not in out
    # Nothing half-done: no English page, the registry untouched.
    assert not (folder / "end-user-documentation.md").exists()
    assert reg_path.read_text(encoding="utf-8") == before
