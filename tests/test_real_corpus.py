"""Build the whole real corpus and check every code of every file against an independent reading."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from .helpers import load_json, parse_page
from .independent import MANIFEST, read_releases

pytestmark = pytest.mark.real


def expected_versions() -> dict[str, dict[int, str]]:
    """code -> year -> text, from the files the manifest lists."""
    expected: dict[str, dict[int, str]] = defaultdict(dict)
    for year, systems in read_releases(MANIFEST).items():
        for codes in systems.values():
            for code, text in codes.items():
                expected[code][year] = text
    return expected


def test_every_code_of_every_file_has_its_page_and_json(real_site: Path) -> None:
    expected = expected_versions()
    assert len(expected) > 10_000
    newest = max(year for years in expected.values() for year in years)
    wrong = []
    for code, years in sorted(expected.items()):
        doc = load_json(real_site / "api" / "kode" / f"{code}.json")
        got = {v["year"]: v["text"] for v in doc["versions"]}
        if got != years or doc["active"] != (newest in years):
            wrong.append((code, years, got))
        assert (real_site / "kode" / code / "index.html").is_file()
    assert wrong == []
    pages = {p.parent.name for p in (real_site / "kode").glob("*/index.html")}
    assert pages == set(expected)


def test_code_pages_show_the_latest_text(real_site: Path) -> None:
    page = parse_page(real_site / "kode/JKA21/index.html")
    assert "".join(page.h1).strip() == "JKA21 Laparoskopisk kolecystektomi"
    expired = " ".join(parse_page(real_site / "kode/UJD02/index.html").text)
    assert "Utgått kode" in expired and "2014" in expired


def test_report_counts_every_release(real_site: Path) -> None:
    report = load_json(real_site / "rapport/byggerapport.json")
    years = [r["year"] for r in report["releases"]]
    assert years == [1999, 2005, 2007, 2008, 2011, 2012, 2013, 2014, 2016, 2017]
    by_year = {r["year"]: r["codes"] for r in report["releases"]}
    assert set(by_year[2017]) == {"NCSP", "NCMP", "NCRP"} and set(by_year[2012]) == {"NCSP", "NCMP", "SK"}
    shapes = {n["detail"] for n in report["notes"] if n["kind"] == "unusual-shape"}
    assert any("AA027" in d for d in shapes) and any("ZWN00" in d for d in shapes)
