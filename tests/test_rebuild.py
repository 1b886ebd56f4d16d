"""Rebuilds: unchanged inputs write nothing; a forced or partial rebuild rewrites only what changed."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.cli import main

from .helpers import ROOT, build_site, sample_manifest


def _stamps(root: Path) -> dict[str, tuple[int, int]]:
    """inode and modification time of every file: both stay when a file is not rewritten."""
    return {str(p.relative_to(root)): (p.stat().st_ino, p.stat().st_mtime_ns) for p in root.rglob("*") if p.is_file()}


def _sample_copy(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(sample_manifest().parent, data)
    return data / "releases.yaml"


def test_unchanged_inputs_write_nothing(tmp_path: Path, capsys) -> None:
    manifest = _sample_copy(tmp_path)
    site = tmp_path / "site"
    assert build_site(site, manifest) == 0
    before = _stamps(site)
    capsys.readouterr()
    assert build_site(site, manifest) == 0
    assert "is up to date" in capsys.readouterr().out
    assert _stamps(site) == before


def test_forced_rebuild_rewrites_no_unchanged_file(tmp_path: Path) -> None:
    manifest = _sample_copy(tmp_path)
    site = tmp_path / "site"
    assert build_site(site, manifest) == 0
    before = _stamps(site)
    assert build_site(site, manifest, extra=["--force"]) == 0
    after = _stamps(site)
    assert set(after) == set(before)
    assert [p for p in after if after[p] != before[p]] == []


def test_a_text_fix_rewrites_only_what_shows_it(tmp_path: Path) -> None:
    manifest = _sample_copy(tmp_path)
    site = tmp_path / "site"
    assert build_site(site, manifest) == 0
    before = _stamps(site)
    ncrp = manifest.parent / "ncrp_2015.txt"
    lines = ncrp.read_text(encoding="utf-8").splitlines(keepends=True)
    code, text = lines[0].split("\t", 1)
    lines[0] = f"{code}\t{text.strip()} (rettet)\n"
    ncrp.write_text("".join(lines), encoding="utf-8")
    assert build_site(site, manifest) == 0
    after = _stamps(site)
    rewritten = {p for p in after if after[p] != before.get(p)}
    assert f"kode/{code}/index.html" in rewritten and f"api/kode/{code}.json" in rewritten
    assert "kode/JKA21/index.html" not in rewritten
    assert len(rewritten) < len(after) / 4


def test_one_process_or_two_give_the_same_site(tmp_path: Path) -> None:
    assert build_site(tmp_path / "one", extra=["--jobs", "1"]) == 0
    assert build_site(tmp_path / "two", extra=["--jobs", "2"]) == 0
    one, two = tmp_path / "one", tmp_path / "two"
    files = sorted(str(p.relative_to(one)) for p in one.rglob("*") if p.is_file())
    assert files == sorted(str(p.relative_to(two)) for p in two.rglob("*") if p.is_file())
    assert [f for f in files if (one / f).read_bytes() != (two / f).read_bytes()] == []


def test_a_changed_hand_written_page_is_not_up_to_date(tmp_path: Path) -> None:
    """The key covers the configured page folder, whatever its name."""
    manifest = _sample_copy(tmp_path)
    pages = tmp_path / "sider"
    shutil.copytree(ROOT / "site_src", pages)
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    config = tmp_path / "mkdocs.yml"
    config.write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("docs_dir: site_src", "docs_dir: sider"), encoding="utf-8")
    site = tmp_path / "site"
    args = ["build", "--config", str(config), "--manifest", str(manifest), "--out", str(site)]
    assert main(args) == 0
    page = pages / "historikk.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nEn ny setning.\n", encoding="utf-8")
    assert main(args) == 0
    assert "En ny setning." in (site / "historikk/index.html").read_text(encoding="utf-8")
