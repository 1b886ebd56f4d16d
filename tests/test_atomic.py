"""Deterministic and atomic output, on the whole sample.

Two builds of the same inputs give byte-identical trees. A build writes a
fresh folder and swaps it in only when mkdocs is done with everything,
strict mode's last check included: a failure late in the build (a clash
found while writing the build's own files, a broken link in a hand-written
page) leaves the previous site as it was and no temporary folder behind.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main

from .helpers import ROOT, build_site, project_copy as _project_copy, tree_bytes

BUILD_DATE = "1775606400"  # 2026-04-08 00:00:00 UTC
SITE_URL = "https://example.org/nkpk/"


def test_whole_sample_rebuilds_byte_identical(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_DATE)
    assert build_site(tmp_path / "one" / "site", site_url=SITE_URL) == 0
    assert build_site(tmp_path / "two" / "site", site_url=SITE_URL) == 0
    first, second = tree_bytes(tmp_path / "one" / "site"), tree_bytes(tmp_path / "two" / "site")
    assert len(first) > 1000 and "sitemap.xml" in first
    assert sorted(set(first) ^ set(second)) == []
    assert [p for p in first if first[p] != second[p]] == []


def _build(config: Path, site: Path) -> int:
    # --force: the up-to-date check looks at the project's own site_src/, not at this copy's docs folder
    return main(["build", "--config", str(config), "--out", str(site), "--site-url", SITE_URL, "--force"])


def _leftovers(site: Path) -> list[str]:
    return sorted(p.name for p in site.parent.iterdir() if p.name.startswith(f".{site.name}.") and p.is_dir())


LATE_FAILURES = [
    # a hand-written file where the build writes its report: the report is planned, so mkdocs' files refuse it
    ("rapport/byggerapport.txt", "ikke en rapport\n", "rapport/byggerapport.txt"),
    # a hand-written sitemap where the build writes its own: found only while writing, in on_post_build
    ("sitemap.xml", "<urlset/>\n", "sitemap.xml"),
    # a broken link: mkdocs warns while writing pages, and strict mode aborts after on_post_build
    ("brutt.md", "# Brutt\n\nSe [siden som mangler](finnes-ikke.md).\n", "strict mode"),
]


@pytest.mark.parametrize("name,content,message", LATE_FAILURES)
def test_late_failure_keeps_the_old_site(tmp_path: Path, capsys, monkeypatch, name, content, message) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_DATE)
    config = _project_copy(tmp_path)
    site = tmp_path / "out" / "site"
    assert _build(config, site) == 0
    before = tree_bytes(site)
    target = tmp_path / "docs" / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(content, encoding="utf-8")
    capsys.readouterr()
    assert _build(config, site) == 1
    assert message in capsys.readouterr().err
    assert tree_bytes(site) == before
    assert _leftovers(site) == []


def test_the_early_process_writes_the_same_site_and_its_failure_keeps_the_old_one(tmp_path: Path, capsys,
                                                                                   monkeypatch) -> None:
    """With two writing processes, the open data and search files are written by a process started early
    (while mkdocs makes its pages): the same bytes as on one core; a failure there stops the build."""
    import generator.output.registry as registry
    from generator.inputs.diagnostics import InputError, Location

    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_DATE)
    config = _project_copy(tmp_path)
    one, two = tmp_path / "one" / "site", tmp_path / "two" / "site"
    assert main(["build", "--config", str(config), "--out", str(one), "--force", "--jobs", "1"]) == 0
    assert main(["build", "--config", str(config), "--out", str(two), "--force", "--jobs", "2"]) == 0
    assert tree_bytes(one) == tree_bytes(two)

    def broken(tools, file):  # runs in the forked early process, which inherits this patch
        raise InputError(Location(file.path), "the workbook could not be made")
        yield

    monkeypatch.setattr(registry, "_open_data", broken)
    monkeypatch.setattr(registry, "OUTPUTS", tuple(
        registry.Output(o.name, o.subjects, o.addresses, broken, o.mode) if o.name == "open-data" else o
        for o in registry.OUTPUTS))
    before = tree_bytes(two)
    capsys.readouterr()
    assert main(["build", "--config", str(config), "--out", str(two), "--force", "--jobs", "2"]) == 1
    assert "the workbook could not be made" in capsys.readouterr().err
    assert tree_bytes(two) == before
    assert _leftovers(two) == []
