"""The boundary between mkdocs and the build: process settings are undone after every build."""

from __future__ import annotations

import gc
from pathlib import Path

from generator.cli import main

from .helpers import project_copy

SITE_URL = "https://example.org/nkpk/"


def _build(config: Path, site: Path) -> int:
    return main(["build", "--config", str(config), "--out", str(site), "--site-url", SITE_URL, "--force", "--jobs", "1"])


def test_builds_in_one_process_leave_nothing_frozen_and_the_collector_on(tmp_path: Path, capsys) -> None:
    """As `mkdocs serve` does: build after build in one process, each undoing its settings."""
    config = project_copy(tmp_path)
    assert gc.get_freeze_count() == 0 and gc.isenabled()
    for n in range(2):
        assert _build(config, tmp_path / f"site{n}") == 0
        assert gc.get_freeze_count() == 0
        assert gc.isenabled()
    assert "sitemap.xml lists" in capsys.readouterr().out


def test_a_failed_build_undoes_its_settings_too(tmp_path: Path, capsys) -> None:
    config = project_copy(tmp_path)
    (tmp_path / "docs" / "feil.md").write_text("# Feil\n\n<!-- nkpk:ukjent -->\n", encoding="utf-8")
    assert _build(config, tmp_path / "site") == 1
    assert "unknown marker <!-- nkpk:ukjent -->" in capsys.readouterr().err
    assert gc.get_freeze_count() == 0 and gc.isenabled()
