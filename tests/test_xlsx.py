"""Our workbook writer (generator/opendata/workbook.py) against XlsxWriter, the library it replaced.

Every file is read back with openpyxl (normal and read-only) and with
python-calamine; each must read exactly as XlsxWriter's file of the same rows
reads (XlsxWriter is a test dependency for this). LibreOffice is not installed
on the build machines, so the parts are checked as XML and by openpyxl
loading the file with warnings made errors.
"""

from __future__ import annotations

import gc
import io
import warnings
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import openpyxl
import pytest
import python_calamine
import xlsxwriter

from generator.opendata.tables import _widths, xlsx_bytes
from generator.opendata.workbook import column_letter, workbook_bytes

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
HEADER = ["kodeverk", "kode", "tekst", "første_utgave", "endring"]
TRICKY = [
    ["NCSP", "AAA00", 'Tekst, med "sitat"\nog linjeskift', 1999, None],
    ["SK", "0001", "=1+2", 2011, "ny"],
    ["NCMP", "12345678901234567890", "a & b < c > d \" ' &amp;", 0, ""],
    ["ctl", "a\x01b\x1fc\r", "_x0041_ is literal, _x00e6_ too", -5, " leading"],
    ["æøå ÆØÅ", "trailing ", "\t tab first", 10**17, "\ufffe"],
    ["€ 😀", "tab\tinside", "line end\n", True, 1.5],
    [None, None, None, None, None],
    ["", "é", "\u00a0non-breaking", 2.0, 0.1],
    ["=SUM(A1:A2)", "+47", "-1", 12345678901234567, -0.0],
]


def with_xlsxwriter(title: str, header, rows) -> bytes:
    """The build's writer before ours, as the build used it (constant-memory mode, values as typed)."""
    buffer = io.BytesIO()
    options = {"constant_memory": True, "strings_to_numbers": False, "strings_to_formulas": False,
               "strings_to_urls": False}
    book = xlsxwriter.Workbook(buffer, options)
    sheet = book.add_worksheet(title)
    for index, width in enumerate(_widths(header, rows)):
        sheet.set_column(index, index, width)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, len(rows), len(header) - 1)
    sheet.write_row(0, 0, header, book.add_format({"bold": True}))
    for number, row in enumerate(rows, start=1):
        sheet.write_row(number, 0, row)
    book.close()
    return buffer.getvalue()


def readings(data: bytes, normal: bool = True) -> dict[str, object]:
    """What the readers see: the cells (value and type) by openpyxl and calamine, and the sheet's settings."""
    seen: dict[str, object] = {}
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # openpyxl warns about parts it does not understand
        for read_only in (True, False) if normal else (True,):
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=read_only)
            sheet = book.active
            seen[f"openpyxl read_only={read_only}"] = [
                [(c.coordinate, c.value, c.data_type) for c in row if c.value is not None] for row in sheet.iter_rows()]
            if not read_only:
                seen["sheet"] = (sheet.title, sheet.freeze_panes, sheet.auto_filter.ref,
                                 {k: round(d.width, 6) for k, d in sheet.column_dimensions.items()})
                seen["bold"] = [[c.font.bold for c in row] for row in sheet.iter_rows(max_row=3)]
            book.close()
    with zipfile.ZipFile(io.BytesIO(data)) as book:  # openpyxl takes the filter's name in and does not show it
        names = ET.fromstring(book.read("xl/workbook.xml")).iter(f"{MAIN}definedName")
        seen["names"] = sorted((n.get("name"), n.get("localSheetId"), n.get("hidden"), n.text) for n in names)
    calamine = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    seen["calamine"] = [[(v, type(v).__name__) for v in row] for row in calamine.get_sheet_by_index(0).to_python()]
    seen["calamine sheets"] = calamine.sheet_names
    return seen


def test_tricky_cells_read_exactly_as_xlsxwriter_writes_them() -> None:
    ours, theirs = readings(xlsx_bytes("NKPK 2017", HEADER, TRICKY)), readings(with_xlsxwriter("NKPK 2017", HEADER, TRICKY))
    assert ours == theirs
    cells = {c: (v, t) for row in ours["openpyxl read_only=False"] for c, v, t in row}
    assert cells["B3"] == ("0001", "s") and cells["C3"] == ("=1+2", "s") and cells["A10"] == ("=SUM(A1:A2)", "s")
    assert cells["B4"] == ("12345678901234567890", "s") and cells["D10"] == (1.234567890123457e16, "n")  # %.16G
    assert cells["C4"] == ("a & b < c > d \" ' &amp;", "s") and cells["A6"] == ("æøå ÆØÅ", "s")
    assert cells["D7"] == (True, "b") and cells["E7"] == (1.5, "n") and "E2" not in cells and "E4" not in cells
    assert ours["calamine"][4][1:3] == [("a\x01b\x1fc\r", "str"), ("_x0041_ is literal, _x00e6_ too", "str")]
    assert ours["calamine"][5][1:3] == [("trailing ", "str"), ("\t tab first", "str")]
    assert ours["sheet"][1:3] == ("A2", "A1:E10") and ours["names"] == [("_xlnm._FilterDatabase", "0", "1", "'NKPK 2017'!$A$1:$E$10")]
    assert ours["bold"][0] == [True] * 5 and not any(ours["bold"][1][:4])


def test_a_text_that_looks_like_markup_stays_text() -> None:
    """XlsxWriter's constant-memory mode writes a text `<r>…</r>` unescaped, as rich-text markup; ours escapes it."""
    rows = [["<r>x</r>", "<r><t>y</t></r>", "a"]]
    seen = readings(xlsx_bytes("Ark", ["a", "b", "c"], rows))
    assert seen["calamine"][1] == [("<r>x</r>", "str"), ("<r><t>y</t></r>", "str"), ("a", "str")]
    assert [v for _, v, _ in seen["openpyxl read_only=True"][1]] == ["<r>x</r>", "<r><t>y</t></r>", "a"]


def test_a_text_longer_than_a_cell_is_cut_where_xlsxwriter_cuts_it() -> None:
    rows = [[1, "x" * 40000], [2, "æ" * 16000 + "😀" * 9000], [3, "😀" * 20000]]
    ours = readings(xlsx_bytes("Ark", ["a", "b"], rows), normal=False)
    assert ours == readings(with_xlsxwriter("Ark", ["a", "b"], rows), normal=False)
    assert [len(row[1][0].encode("utf-16-le")) // 2 for row in ours["calamine"][1:]] == [32767, 32766, 32766]
    # XlsxWriter's write_row leaves out the rest of a row after a text it cut; ours keeps it.
    assert readings(xlsx_bytes("Ark", ["a", "b"], [["x" * 40000, "rest"]]), normal=False)["calamine"][1][1] == ("rest", "str")


def test_parts_are_well_formed_and_entries_fixed() -> None:
    data = xlsx_bytes("Tom & <Jerry>", ["a", "b"], [])
    assert data == xlsx_bytes("Tom & <Jerry>", ["a", "b"], [])
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        assert book.testzip() is None and book.namelist()[0] == "[Content_Types].xml"
        for entry in book.infolist():
            ET.fromstring(book.read(entry))  # raises on XML that is not well formed
            assert entry.date_time == (2000, 1, 1, 0, 0, 0) and entry.external_attr == 0o644 << 16, entry.filename
            assert entry.compress_type == zipfile.ZIP_DEFLATED
        core = book.read("docProps/core.xml").decode()
    assert core.count("2000-01-01T00:00:00Z") == 2
    seen = readings(data)
    assert seen["calamine sheets"] == ["Tom & <Jerry>"] and seen["sheet"][1:3] == ("A2", "A1:B1")
    assert seen == readings(with_xlsxwriter("Tom & <Jerry>", ["a", "b"], []))


def test_names_excel_refuses_and_missing_widths_are_errors() -> None:
    for title in ("a/b", "[x]", "", "x" * 32, "'quoted'"):
        with pytest.raises(ValueError):
            workbook_bytes(title, ["a"], [], [8])
    with pytest.raises(ValueError):
        workbook_bytes("Ark", ["a", "b"], [], [8])
    with pytest.raises(TypeError):
        workbook_bytes("Ark", ["a"], [[object()]], [8])
    assert [column_letter(n) for n in (0, 25, 26, 51, 52, 701, 702)] == ["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"]


@pytest.mark.real
def test_real_workbooks_read_as_xlsxwriter_would_write_them(real_site: Path) -> None:
    """Each release's workbook in a real build reads, cell for cell and type for type, as XlsxWriter's of its rows."""
    from generator.build import prepare
    from generator.opendata.harmonised import release_table
    from tests.independent import MANIFEST

    project = prepare(MANIFEST)
    gc.unfreeze()  # prepare freezes the heap for the build that would follow; there is none here
    for release in project.releases:
        header, rows = release_table(project.catalogue, release)
        data = (real_site / f"nedlasting/{release.year}/nkpk-{release.year}.xlsx").read_bytes()
        assert data == xlsx_bytes(f"NKPK {release.year}", header, rows)
        ours = readings(data, normal=release is project.releases[-1])  # the slow full load once
        theirs = readings(with_xlsxwriter(f"NKPK {release.year}", header, rows), normal=release is project.releases[-1])
        assert ours == theirs, release.year
        assert len(ours["calamine"]) == len(rows) + 1 and ours["calamine"][0] == [(h, "str") for h in header]
