"""Markers in hand-written pages come from one table; an unknown one stops the build naming the page."""

from __future__ import annotations

from pathlib import Path

from generator.build import prepare
from generator.cli import main
from generator.output.render import Renderer
from generator.pages.markers import MARKERS, fill_markers, marker

from .helpers import ROOT, project_copy, sample_manifest


def test_every_marker_of_the_table_is_replaced_by_its_part() -> None:
    project = prepare(sample_manifest())
    renderer = Renderer(ROOT / "templates")
    for name in MARKERS:
        html = f"<p>før</p>\n{marker(name)}\n<p>etter</p>"
        filled = fill_markers(html, "side/", "side.md", project, renderer.render)
        assert "nkpk:" not in filled and filled.startswith("<p>før</p>\n") and filled.endswith("\n<p>etter</p>")
        assert len(filled) > len(html) - len(marker(name)), name


def test_a_misspelt_marker_stops_the_build_naming_the_page(tmp_path: Path, capsys) -> None:
    config = project_copy(tmp_path)
    page = tmp_path / "docs" / "skrivefeil.md"
    page.write_text("# Skrivefeil\n\n<!-- nkpk:sytems -->\n", encoding="utf-8")
    site = tmp_path / "out" / "site"
    assert main(["build", "--config", str(config), "--out", str(site), "--force"]) == 1
    error = capsys.readouterr().err
    assert "skrivefeil.md" in error and "unknown marker <!-- nkpk:sytems -->" in error
    assert "systems" in error  # the known names are listed
    assert not site.exists()
