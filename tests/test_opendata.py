"""The harmonised downloads (nedlasting/): one shape for every release, all years, every change, and the page.

On the real corpus the tables are checked against tests/independent.py, a
reading of the published lists that shares no code with the build.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from urllib.parse import unquote

import openpyxl
import pytest

from generator.opendata.downloads import size_text

from .helpers import build_site, load_json, parse_page
from .independent import read_releases

pytestmark = pytest.mark.real

RELEASE_HEADER = ["kodeverk", "kode", "tekst", "første_utgave", "endring"]
CHANGE_WORDS = {"new": "ny", "expired": "utgått", "text": "endret tekst", "reactivated": "gjeninnført"}


def read_csv(path: Path) -> list[list[str]]:
    """A harmonised CSV as a program reads it: UTF-8 with BOM, RFC 4180, CRLF line ends."""
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), f"{path.name} has no byte-order mark"
    text = data[3:].decode("utf-8")
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", ""), f"{path.name}: line ends are not CRLF"
    return list(csv.reader(io.StringIO(text, newline=""), strict=True))


@pytest.fixture(scope="module")
def independent() -> dict[int, dict[str, dict[str, str]]]:
    return read_releases()


def test_each_release_csv_and_xlsx_hold_exactly_its_codes_and_texts(real_site: Path, independent) -> None:
    first_seen: dict[str, int] = {}
    for year, systems in sorted(independent.items()):
        expected = {(system, code, text) for system, codes in systems.items() for code, text in codes.items()}
        for codes in systems.values():
            for code in codes:
                first_seen.setdefault(code, year)
        rows = read_csv(real_site / f"nedlasting/{year}/nkpk-{year}.csv")
        assert rows[0] == RELEASE_HEADER  # the real lists have no optional columns
        assert {(r[0], r[1], r[2]) for r in rows[1:]} == expected and len(rows) - 1 == len(expected), year
        assert all(int(r[3]) == first_seen[r[1]] for r in rows[1:]), year
        sheet = openpyxl.load_workbook(real_site / f"nedlasting/{year}/nkpk-{year}.xlsx", read_only=False).active
        cells = [[("" if v is None else v) for v in row] for row in sheet.iter_rows(values_only=True)]
        assert cells[0] == RELEASE_HEADER and sheet.freeze_panes == "A2" and sheet.auto_filter.ref == f"A1:E{len(cells)}"
        assert cells[1:] == [[r[0], r[1], r[2], int(r[3]), r[4]] for r in rows[1:]], year
        assert all(sheet.cell(row=n, column=2).data_type == "s" for n in range(2, len(cells) + 1))  # codes are text


def test_endring_column_is_the_change_against_the_release_before(real_site: Path) -> None:
    for year in (2005, 2016, 2017):
        rows = read_csv(real_site / f"nedlasting/{year}/nkpk-{year}.csv")
        found = {(r[0], r[1], r[4]) for r in rows[1:] if r[4]}
        doc = load_json(real_site / f"api/endringer/{year}.json")
        expected = {(c["system"], c["code"], CHANGE_WORDS[c["change"]]) for c in doc["changes"] if c["change"] != "expired"}
        assert found == expected, year
    rows = read_csv(real_site / "nedlasting/2016/nkpk-2016.csv")
    assert sum(r[4] == "ny" for r in rows) == 383 and not any(r[4] for r in rows if r[0] == "NCRP")  # NCRP: baseline


def test_all_years_table_has_a_row_for_every_code_in_every_release(real_site: Path, independent) -> None:
    rows = read_csv(real_site / "nedlasting/nkpk-alle-utgaver.csv")
    assert rows[0] == ["år", "kodeverk", "kode", "tekst"]
    expected = [(str(y), s, c, t) for y, systems in independent.items() for s, codes in systems.items() for c, t in codes.items()]
    assert sorted(tuple(r) for r in rows[1:]) == sorted(expected)
    years = [int(r[0]) for r in rows[1:]]
    assert years == sorted(years)


def test_changes_table_is_every_change_of_every_release(real_site: Path) -> None:
    rows = read_csv(real_site / "nedlasting/nkpk-endringer.csv")
    assert rows[0] == ["fra", "til", "kodeverk", "kode", "endring", "før", "etter", "etterfølgere"]
    expected = []
    for path in sorted((real_site / "api/endringer").glob("*.json"), key=lambda p: int(p.stem)):
        doc = load_json(path)
        for c in doc["changes"]:
            successors = "; ".join(f"{s['code']} ({ {'official': 'offisiell', 'moved': 'flyttet', 'similar': 'nesten lik tekst'}[s['kind']]})"
                                   for s in c.get("successors", ()))
            expected.append((str(doc["compared_with"][c["system"]]), str(doc["to_year"]), c["system"], c["code"],
                             CHANGE_WORDS[c["change"]], c["before"] or "", c["after"] or "", successors))
    assert sorted(tuple(r) for r in rows[1:]) == sorted(expected)
    in_2016 = [r for r in rows if r[1] == "2016"]
    assert [sum(r[4] == w for r in in_2016) for w in ("utgått", "ny", "endret tekst")] == [723, 383, 65]
    assert any(r[3] == "AAL00" and "AAY00B (flyttet)" in r[7] for r in in_2016)


def test_downloads_page_lists_every_file_with_its_size(real_site: Path) -> None:
    """Files of all releases first (a row each), then one row per release with its formats, then the originals."""
    page = real_site / "nedlasting/index.html"
    html = page.read_text(encoding="utf-8")
    zipped = real_site / "nedlasting/nkpk-nettsted.zip"  # the whole site, so no size: the page is in it
    assert zipped.is_file() and '<a href="nkpk-nettsted.zip" download>' in html
    files = sorted(p for p in (real_site / "nedlasting").rglob("*") if p.is_file() and p.name != "index.html" and p != zipped)
    assert len(files) >= 13 * 2 + 2 + 13
    whole = re.findall(r'<th scope="row"><a href="([^"]+)" download>[^<]+</a></th>.*?'
                       r'<td data-label="Størrelse">([^<]+)</td>', html, re.S)
    inline = re.findall(r'<a href="([^"]+)" download>[^<]+</a> <span class="nkpk-size">([^<]+)</span>', html)
    listed = {unquote(href): size.split(", ")[-1] for href, size in whole + inline}  # "format, system, size"
    for path in files:
        href = path.relative_to(real_site / "nedlasting").as_posix()
        assert href in listed, f"{href} is not listed"
        assert size_text(path.stat().st_size) == listed[href], href
    assert html.index("nkpk-alle-utgaver.csv") < html.index("2017/nkpk-2017.csv") < html.index("2016/nkpk-2016.csv")
    rows = re.findall(r'<th scope="row" id="filer-(\d{4})">', html)
    assert rows == sorted(rows, reverse=True) and len(rows) == 13  # one row per release, newest first
    fhir = real_site / "api/fhir/2016/CodeSystem-nkpk.json"
    assert listed["../api/fhir/2016/CodeSystem-nkpk.json"] == size_text(fhir.stat().st_size)
    changes = real_site / "api/endringer/2016.json"
    assert listed["../api/endringer/2016.json"] == size_text(changes.stat().st_size)
    text = " ".join(parse_page(page).text)
    assert "8\u00a0548 koder" in text and "UTF-8 med BOM" in text


def test_optional_columns_and_byte_identical_workbooks(tmp_path: Path) -> None:
    """The sample's 2017 list has optional columns; two builds give the same bytes."""
    assert build_site(tmp_path / "one", epoch=1775606400) == 0
    assert build_site(tmp_path / "two", epoch=1790000000) == 0
    rows = read_csv(tmp_path / "one/nedlasting/2017/nkpk-2017.csv")
    assert rows[0][:5] == RELEASE_HEADER and {"kort_tekst", "gyldig_fra", "tilleggskode"} <= set(rows[0][5:])
    assert read_csv(tmp_path / "one/nedlasting/2016/nkpk-2016.csv")[0] == RELEASE_HEADER
    for name in ("2017/nkpk-2017.xlsx", "2017/nkpk-2017.csv", "nkpk-alle-utgaver.csv", "nkpk-endringer.csv"):
        one, two = (tmp_path / build / "nedlasting" / name for build in ("one", "two"))
        assert one.read_bytes() == two.read_bytes(), name


def test_csv_quoting_and_workbook_cells_as_typed() -> None:
    """RFC 4180 quoting exactly where needed; in the workbook texts stay text (also `=1+2` and `0001`)."""
    from generator.opendata.tables import csv_bytes, xlsx_bytes

    rows = [["NCSP", "AAA00", 'Tekst, med "sitat"\nog linjeskift', 1999, None], ["SK", "0001", "=1+2", 2011, "ny"]]
    assert csv_bytes(["a", "b", "c", "d", "e"], rows) == (
        '\ufeffa,b,c,d,e\r\nNCSP,AAA00,"Tekst, med ""sitat""\nog linjeskift",1999,\r\nSK,0001,=1+2,2011,ny\r\n'
    ).encode("utf-8")
    data = xlsx_bytes("Ark", ["a", "b", "c", "d", "e"], rows)
    assert data == xlsx_bytes("Ark", ["a", "b", "c", "d", "e"], rows)
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    assert sheet.title == "Ark" and sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:E3"
    assert sheet["A1"].font.bold and [(c.value, c.data_type) for c in sheet[3]] == [
        ("SK", "s"), ("0001", "s"), ("=1+2", "s"), (2011, "n"), ("ny", "s")]
    assert sheet.column_dimensions["C"].width > sheet.column_dimensions["A"].width
