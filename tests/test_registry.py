"""The output registry: what is planned is what is written, and nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import urls
from generator.build import prepare
from generator.output.registry import OUTPUTS, Output, Tools, page_addresses, write_unit
from generator.output.render import Renderer
from generator.output.write import OutputClash, SiteWriter

from .helpers import ROOT, build_site, sample_manifest

SITE_URL = "https://example.org/nkpk/"


def test_every_planned_address_is_written_and_every_generated_file_planned(tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert build_site(site, site_url=SITE_URL, extra=["--zip"]) == 0
    project = prepare(sample_manifest(), site_zip=True)
    written = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    planned = {urls.output_path(a) for a in project.planned}
    assert planned - written == set()
    assert {urls.REPORT_JSON, urls.REPORT_TEXT, urls.CHECKER_DATA, urls.SEARCH_INDEX} <= planned
    # what the registry writes and mkdocs does not: code pages, JSON twins, downloads, report
    generated = {p for p in written if p.startswith(("kode/", "api/", "nedlasting/", "rapport/", "bok/"))}
    # hand-written: site_src/nedlasting.md, api.md; the zip of the whole site is made from the written site
    assert generated - planned == {"nedlasting/index.html", "api/index.html", urls.OFFLINE_ZIP}
    # the sitemap lists the registry's pages
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for address in sorted(page_addresses(project)):
        assert f"<loc>{SITE_URL}{address}</loc>" in sitemap


def _tools() -> Tools:
    return Tools(prepare(sample_manifest()), Renderer(ROOT / "templates"))


def test_an_address_that_was_not_planned_is_refused(tmp_path: Path) -> None:
    stray = Output("stray", lambda p: (None,), lambda _: ("a/",), lambda tools, _: iter([("b/", "<p>b</p>")]))
    with pytest.raises(OutputClash, match="stray rendered b/, which it did not plan"):
        write_unit(_tools(), SiteWriter(tmp_path), (stray, None))
    assert not any(tmp_path.iterdir())


def test_a_planned_address_that_is_not_rendered_is_refused(tmp_path: Path) -> None:
    short = Output("short", lambda p: (None,), lambda _: ("a.json", "b.json"), lambda tools, _: iter([("a.json", "{}")]))
    with pytest.raises(OutputClash, match="short planned b.json but did not render it"):
        write_unit(_tools(), SiteWriter(tmp_path), (short, None))


def test_every_output_has_a_unique_name_and_a_known_mode() -> None:
    names = [o.name for o in OUTPUTS]
    assert len(names) == len(set(names))
    assert {o.mode for o in OUTPUTS} <= {"early", "parallel", "serial", "mkdocs"}


def test_the_site_zip_is_made_and_offered_only_when_asked_for(tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert build_site(site) == 0
    assert not (site / urls.OFFLINE_ZIP).exists()
    assert "nkpk-nettsted.zip" not in (site / "nedlasting" / "index.html").read_text(encoding="utf-8")
