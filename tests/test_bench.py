"""The benchmark's generated corpus is valid input: a tiny one builds, with every change kind in it.

The benchmark itself (bench/build.py) is not run here.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

from .helpers import ROOT, build_site, load_json

CODES, RELEASES = 300, 4


def _corpus_module():
    if "bench_corpus" not in sys.modules:
        spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "bench" / "corpus.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules["bench_corpus"] = module  # dataclasses look their module up there
        spec.loader.exec_module(module)  # it puts bench/ on sys.path for its sibling corpus_text.py
    return sys.modules["bench_corpus"]


def test_generated_corpus_builds(tmp_path: Path) -> None:
    corpus = _corpus_module()
    manifest = corpus.generate(tmp_path / "corpus", codes=CODES, releases=RELEASES, seed=3)
    summary = json.loads((manifest.parent / "corpus.json").read_text(encoding="utf-8"))
    assert all(count > 0 for count in summary["changes"].values()), summary
    assert sorted(p.suffix for p in manifest.parent.glob("*_2001.*")) == [".txt", ".txt", ".txt", ".xlsx"]
    assert (manifest.parent / f"Alle prosedyrekoder {1999 + RELEASES}.xlsx").is_file()

    out = tmp_path / "site"
    assert build_site(out, manifest) == 0
    assert len(list((out / "kode").glob("*/index.html"))) == CODES
    report = load_json(out / "rapport" / "byggerapport.json")
    assert report["totals"]["codes"] == CODES
    assert report["totals"]["active"] == summary["valid_in_newest"]
    moved = sum(year.get("moved", 0) for year in report["expired_with_successor"].values())
    assert moved >= summary["changes"]["moved"]


def test_generated_corpus_is_deterministic(tmp_path: Path) -> None:
    corpus = _corpus_module()
    first = corpus.generate(tmp_path / "a", codes=120, releases=3, seed=5).parent
    second = corpus.generate(tmp_path / "b", codes=120, releases=3, seed=5).parent
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted(p.name for p in second.iterdir())
    differ = [n for n in names if (first / n).read_bytes() != (second / n).read_bytes()]
    assert differ == []
