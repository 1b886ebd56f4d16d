"""scripts/same_output.py: the comparison of two built trees finds every difference."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from .helpers import ROOT


def _script():
    spec = importlib.util.spec_from_file_location("same_output", ROOT / "scripts" / "same_output.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _tree(root: Path, files: dict[str, bytes]) -> Path:
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    return root


def test_missing_extra_and_changed_files_are_found(tmp_path: Path) -> None:
    before = _tree(tmp_path / "a", {"index.html": b"x", "kode/A/index.html": b"a", "gone.txt": b"g"})
    after = _tree(tmp_path / "b", {"index.html": b"x", "kode/A/index.html": b"a\n", "new.txt": b"n"})
    assert _script().differences(before, after) == [
        ("gone.txt", "only before"),
        ("kode/A/index.html", "differs"),
        ("new.txt", "only after"),
    ]


def test_identical_trees_have_no_difference(tmp_path: Path) -> None:
    files = {"index.html": b"x", "api/kode/A.json": b"{}\n"}
    assert _script().differences(_tree(tmp_path / "a", files), _tree(tmp_path / "b", files)) == []
