"""Build the whole real corpus and check every code of every file against an independent reading.

The independent reading uses neither the project's readers nor python-calamine:
text files are decoded and split here, workbooks are read with openpyxl.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import openpyxl
import pytest
import yaml

from .helpers import ROOT, build_site, load_json, parse_page

MANIFEST = ROOT / "tests" / "manifests" / "real.yaml"
pytestmark = pytest.mark.real


def _clean(text: str) -> str:
    text = " ".join(text.replace("\ufeff", "").split())
    if len(text) >= 2 and text[0] == text[-1] == '"' and '"' not in text[1:-1].replace('""', ""):
        text = text[1:-1].replace('""', '"')
    return text


def _text_rows(path: Path) -> list[tuple[str | None, str, str]]:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252")
    separator = ";" if path.suffix == ".csv" else "\t"
    rows = []
    for line in text.splitlines():
        if line.strip():
            code, _, rest = line.partition(separator)
            rows.append((None, code, rest))
    return rows


def _sheet_rows(path: Path) -> list[tuple[str | None, str, str]]:
    sheet = openpyxl.load_workbook(path, read_only=True).worksheets[0]
    values = [[("" if v is None else str(v)) for v in row] for row in sheet.iter_rows(values_only=True)]
    values = [row for row in values if any(cell.strip() for cell in row)]
    if values and values[0][0].strip().lower() == "kodeverk":
        return [(row[0], row[1], row[2]) for row in values[1:]]
    return [(None, row[0], row[1]) for row in values]


def expected_versions() -> dict[str, dict[int, str]]:
    """code -> year -> text, from the files the manifest lists."""
    manifest = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    expected: dict[str, dict[int, str]] = defaultdict(dict)
    for release in manifest["releases"]:
        for entry in release["files"]:
            path = (MANIFEST.parent / entry["path"]).resolve()
            reader = _sheet_rows if path.suffix == ".xlsx" else _text_rows
            for _, code, text in reader(path):
                expected[re.sub(r"\s", "", code).upper()][release["year"]] = _clean(text)
    return expected


@pytest.fixture(scope="module")
def real_site(tmp_path_factory, real_dir) -> Path:
    out = tmp_path_factory.mktemp("real") / "site"
    assert build_site(out, MANIFEST) == 0
    return out


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
