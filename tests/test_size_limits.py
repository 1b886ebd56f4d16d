"""The project's size limits hold: no module over 400 lines, no function over 50 (scripts/size_limits.py)."""

from __future__ import annotations

import importlib.util

from .helpers import ROOT


def _limits():
    spec = importlib.util.spec_from_file_location("size_limits", ROOT / "scripts" / "size_limits.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_no_module_or_function_over_its_limit() -> None:
    assert _limits().over_limits(ROOT / "generator") == []


def test_the_check_finds_a_long_function(tmp_path) -> None:
    body = "\n".join(f"    x{n} = {n}" for n in range(60))
    (tmp_path / "long.py").write_text(f"def long():\n{body}\n", encoding="utf-8")
    limits = _limits()
    limits.ROOT = tmp_path
    assert limits.over_limits(tmp_path) == ["long.py:1 long: 61 lines (function limit 50)"]
