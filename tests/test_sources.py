"""The input readers on the real corpus and on small broken inputs."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import openpyxl
import pytest

from generator.inputs.manifest import load_manifest
from generator.inputs.diagnostics import InputError, Location
from generator.inputs.readers import read_file
from generator.inputs.readers.base import FileResult, FileSpec
from generator.inputs.readers.columns import column_index, column_letter, header_role, is_header_row
from generator.inputs.readers.sheet import cell_text
from generator.inputs.readers.text import detect_delimiter, split_fields

# file -> (code system from the README, encoding the reader should find, header rows)
CORPUS = {
    "NCSP-N-Kodeliste981112.txt": ("NCSP", "cp1252", 0),
    "NCSP-N-full05.txt": ("NCSP", "cp1252", 0),
    "NCSP2007-FullTekst.txt": ("NCSP", "cp1252", 0),
    "NCSP2008-FullTekst.txt": ("NCSP", "cp1252", 0),
    "NCSP2009-FullTekst.txt": ("NCSP", "cp1252", 0),
    "NCSP2010-FullTekst.txt": ("NCSP", "cp1252", 0),
    "NCSP-2011-FullTekst.txt": ("NCSP", "utf-8-sig", 0),
    "NCSP2012.xlsx": ("NCSP", "", 0),
    "NCSP 2013.xlsx": (None, "", 1),
    "NCSP-KoderegisterFullTekst2013_25_juni_2013.txt": ("NCSP", "utf-8-sig", 0),
    "NCSP-2014-KoderegisterFullTekst_25_juni_2013.xlsx": ("NCSP", "", 0),
    "NCMP_2007.txt": ("NCMP", "cp1252", 0),
    "NCMPkodefil2008.txt": ("NCMP", "cp1252", 0),
    "NCMPkodefil2009.txt": ("NCMP", "cp1252", 0),
    "NCMP2010_koderegister_2800909.txt": ("NCMP", "utf-8-sig", 0),
    "NCMP-2011.txt": ("NCMP", "utf-8-sig", 0),
    "NCMP2012_koderegister_180811.txt": ("NCMP", "utf-8", 0),
    "NCMP2013_koderegister_140613.xlsx": ("NCMP", "", 0),
    "NCMP2014_koderegister_250913.csv": ("NCMP", "cp1252", 0),
    "Alle prosedyrekoder 2015.xlsx": (None, "", 1),
    "Alle prosedyrekoder 2016.xlsx": (None, "", 1),
    "Alle prosedyrekoder 2017.xlsx": (None, "", 1),
    "Saerkoder 2011.txt": ("SK", "utf-8-sig", 0),
    "saerkoder2012.xlsx": ("SK", "", 0),
}
BOOK = "ncsp_1298.txt"  # the 1998 book layout: tests/test_book.py
# english/: the English NCSP texts (tests/test_english.py)
NOT_CODE_LISTS = {BOOK, "README.md", "releases.yaml", "names.yaml", "deadlines.yaml", "synonyms.yaml", "english"}


@pytest.fixture(scope="session")
def real(real_dir: Path) -> dict[str, FileResult]:
    """Every real file read once for the whole session."""
    return {name: read_file(FileSpec(real_dir / name, name, system)) for name, (system, _, _) in CORPUS.items()}


def kinds(result: FileResult) -> Counter[str]:
    return Counter(note.kind for note in result.notes)


def row(result: FileResult, code: str):
    (found,) = [r for r in result.rows if r.code == code]
    return found


def independent_count(path: Path) -> tuple[int, int]:
    """(non-blank rows, blank rows) counted without the readers."""
    if path.suffix == ".xlsx":
        book = openpyxl.load_workbook(path, read_only=True)
        try:  # a read-only workbook keeps its file open until it is closed
            rows = book.worksheets[0].iter_rows(values_only=True)
            filled = [any(c is not None and str(c).strip() for c in r) for r in rows]
        finally:
            book.close()
        return sum(filled), len(filled) - sum(filled)
    lines = path.read_bytes().split(b"\n")
    if lines[-1] == b"":
        lines.pop()
    filled = [bool(line.strip()) for line in lines]
    return sum(filled), len(filled) - sum(filled)


# --- the real corpus -------------------------------------------------------------------


def test_corpus_table_covers_every_real_file(real_dir: Path) -> None:
    assert {p.name for p in real_dir.iterdir()} == set(CORPUS) | NOT_CODE_LISTS


def test_manifest_lists_every_real_file_once(real_dir: Path) -> None:
    """The row counts below cover every file the site reads: data/releases.yaml lists each code list once."""
    manifest = load_manifest(real_dir / "releases.yaml")
    listed = [spec.path.name for release in manifest.releases for spec in release.files]
    assert sorted(listed) == sorted(set(CORPUS) | {BOOK})
    assert [r.year for r in manifest.releases] == [1999, 2005, *range(2007, 2018)]


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_real_file_rows_and_encoding(real: dict[str, FileResult], real_dir: Path, name: str) -> None:
    system, encoding, headers = CORPUS[name]
    result = real[name]
    filled, blank = independent_count(real_dir / name)
    assert len(result.rows) == filled - headers
    assert kinds(result)["blank-line"] == blank
    assert result.encoding == encoding
    assert all(r.where.file == name and r.where.line > 0 for r in result.rows)
    if system:
        assert {r.system for r in result.rows} == {system}


def test_real_line_numbers_are_physical_lines(real: dict[str, FileResult]) -> None:
    assert row(real["NCMP_2007.txt"], "FPGX10").where == Location("NCMP_2007.txt", 207)
    assert row(real["Saerkoder 2011.txt"], "0XX01").where.line == 2
    # header on sheet row 1, so the first code is on row 2
    assert real["Alle prosedyrekoder 2017.xlsx"].rows[0].where.line == 2
    assert row(real["Alle prosedyrekoder 2017.xlsx"], "SAA0AD").where.line == 7918


def test_real_quotes_unwrapped_or_kept(real: dict[str, FileResult]) -> None:
    overdrive = 'Invasiv elektrofysiologisk behandling av arytmi med rask atrie/ventrikkelstimulering ("overdrive pacing")'
    for name in ("NCMP_2007.txt", "NCMPkodefil2008.txt", "NCMP2012_koderegister_180811.txt", "NCMP2014_koderegister_250913.csv"):
        assert row(real[name], "FPGX10").text == overdrive
        assert row(real[name], "DFGX15").text == 'Samtaleterapi ved øresus, "Tinnitus Retraining Therapy"'
        assert row(real[name], "GDFM00").text == 'Måling av maksimale respiratoriske trykk og "sniff"-test'
    assert kinds(real["NCMP_2007.txt"])["unquoted"] == 3
    ncmp2012 = real["NCMP2012_koderegister_180811.txt"]
    assert row(ncmp2012, "GDFX40").text == '"Single-breath" med nitrogentest'
    assert row(ncmp2012, "GDFX35").text.startswith('"Single-breath" okklusjonstest')
    assert kinds(ncmp2012)["unquoted"] == 0


def test_real_codes_with_spaces(real: dict[str, FileResult]) -> None:
    old = real["NCSP-N-Kodeliste981112.txt"]
    aaa00 = row(old, "AAA00")
    assert (aaa00.text, aaa00.where.line) == ("Eksplorativ kraniotomi", 3)
    assert kinds(old)["code-space"] == len(old.rows)  # every code is written `AAA 00`
    assert {r.code for r in real["NCMP_2007.txt"].rows} >= {"ZWN00", "ZWN05", "ZWU40"}
    assert row(real["NCMP2014_koderegister_250913.csv"], "WEOC10").text == "Karbonterapi"
    assert row(real["NCSP-KoderegisterFullTekst2013_25_juni_2013.txt"], "KCC97").text == "Annen laparoskopisk cystektomi"


def test_real_leading_tab_removed_and_counted(real: dict[str, FileResult]) -> None:
    for name in ("NCSP2012.xlsx", "saerkoder2012.xlsx"):
        result = real[name]
        assert kinds(result)["leading-space"] == len(result.rows)
        assert not any(r.text != r.text.strip() for r in result.rows)
    assert row(real["NCSP2012.xlsx"], "AAA00").text == "Eksplorativ kraniotomi"
    first = [n for n in real["NCSP2012.xlsx"].notes if n.kind == "leading-space"][0]
    assert first.where == Location("NCSP2012.xlsx", 1, "B1")
    assert row(real["saerkoder2012.xlsx"], "1XC02").text == "Behandling med legemiddel L01XC02 (Rituximab)"


def test_real_letters_decoded(real: dict[str, FileResult]) -> None:
    expected = "Innlegging av intraventrikulær trykkmåler"
    for name in ("NCSP-N-full05.txt", "NCSP-2011-FullTekst.txt", "NCSP2012.xlsx", "Alle prosedyrekoder 2016.xlsx"):
        assert row(real[name], "AAA20").text == expected
    assert row(real["Saerkoder 2011.txt"], "0XX01").text == "Åpen kode 1"
    assert row(real["NCMP2014_koderegister_250913.csv"], "IDAA00").text == "Ansvarsgruppemøte"


def test_real_bom_files_noted(real: dict[str, FileResult]) -> None:
    for name, (_, encoding, _) in CORPUS.items():
        assert (kinds(real[name])["bom"] == 1) == (encoding == "utf-8-sig"), name
    assert row(real["NCSP-2011-FullTekst.txt"], "AAA00").code == "AAA00"  # no BOM in the first code


def test_real_whitespace_cosmetics(real: dict[str, FileResult]) -> None:
    ncmp = real["NCMP2012_koderegister_180811.txt"]
    assert row(ncmp, "AXFE02").text == "Elektromyografi (EMG), kvantitativ"
    assert kinds(ncmp)["doubled-space"] == 3
    csv = real["NCMP2014_koderegister_250913.csv"]
    assert kinds(csv)["trailing-space"] == 20
    assert Location("NCMP2014_koderegister_250913.csv", 327, "column B") in {n.where for n in csv.notes}


def test_real_combined_workbooks_have_systems(real: dict[str, FileResult]) -> None:
    for year, ncrp in ((2016, 1298), (2017, 1346)):
        result = real[f"Alle prosedyrekoder {year}.xlsx"]
        systems = Counter(r.system for r in result.rows)
        assert set(systems) == {"NCSP", "NCMP", "NCRP"}
        assert systems["NCRP"] == ncrp
    result = real["Alle prosedyrekoder 2017.xlsx"]
    assert row(result, "AAB06K").system == "NCRP"
    assert row(result, "SAA0AD").text == "CT Caput"
    assert row(result, "AAA00").system == "NCSP"
    assert row(result, "AAFE00").system == "NCMP"


# --- small text inputs -------------------------------------------------------------------


def write(tmp_path: Path, name: str, content: str | bytes, encoding: str = "utf-8") -> FileSpec:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
    return FileSpec(path, name, "NCSP")


def error_of(spec: FileSpec) -> InputError:
    with pytest.raises(InputError) as info:
        read_file(spec)
    return info.value


def test_undecodable_byte_names_its_line(tmp_path: Path) -> None:
    spec = write(tmp_path, "dos.txt", b"AAA00\tKraniotomi\nAAA10\tBiopsi\nDAA00\t\x9dyelokk\n")
    error = error_of(spec)
    assert error.where == Location("dos.txt", 3)
    assert "undecodable byte 0x9d at line 3, column 7 (tried UTF-8 and Windows-1252)" in str(error)


def test_forced_encoding_reads_what_detection_cannot(tmp_path: Path) -> None:
    spec = write(tmp_path, "dos.txt", "AAA00\tKraniotomi\nDAA00\tØyelokk\n", "cp865")
    result = read_file(FileSpec(spec.path, spec.display, "NCSP", encoding="cp865"))
    assert result.encoding == "cp865"
    assert row(result, "DAA00").text == "Øyelokk"


def test_spreadsheet_disguised_as_text(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.append(["AAA00", "Kraniotomi"])
    book.save(tmp_path / "list.txt")
    error = error_of(FileSpec(tmp_path / "list.txt", "list.txt", "NCSP"))
    assert "not a text file (looks like a spreadsheet/binary)" in str(error)


def test_crlf_blank_lines_and_cosmetics(tmp_path: Path) -> None:
    content = "\ufeffAAA00\t Kraniotomi \r\n\r\nAAA10\tBiopsi  via kraniotomi\r\n   \r\naaa 20\tx\r\n"
    result = read_file(write(tmp_path, "list.txt", content))
    assert [(r.code, r.text, r.where.line) for r in result.rows] == [
        ("AAA00", "Kraniotomi", 1), ("AAA10", "Biopsi via kraniotomi", 3), ("AAA20", "x", 5)
    ]
    assert result.encoding == "utf-8-sig"
    assert kinds(result) == Counter({
        "bom": 1, "blank-line": 2, "leading-space": 1, "trailing-space": 1,
        "doubled-space": 1, "code-space": 1, "code-case": 1,
    })
    assert all("\r" not in r.text for r in result.rows)


@pytest.mark.parametrize(
    ("content", "cell", "message"),
    [
        ("AAA00\tKraniotomi\n\tBiopsi\n", "column A", "row has no code"),
        ("AAA00\tKraniotomi\nAAA10\n", "column B", "row has no text (code AAA10)"),
        ('AAA00\tKraniotomi\nAAA10\t""\n', "column B", "row has no text (code AAA10)"),
        ("AAA00\tKraniotomi\nKapittel A\tNervesystemet\n", "column A", "not a code: 'Kapittel A'"),
    ],
)
def test_bad_rows_name_their_cell(tmp_path: Path, content: str, cell: str, message: str) -> None:
    error = error_of(write(tmp_path, "l.txt", content))
    assert (error.where, error.message) == (Location("l.txt", 2, cell), message)


def test_extra_fields(tmp_path: Path) -> None:
    result = read_file(write(tmp_path, "l.txt", "AAA00\tKraniotomi\t\t\nAAA10\tBiopsi\n"))
    assert len(result.rows) == 2
    error = error_of(write(tmp_path, "m.txt", "AAA00\tKraniotomi\nAAA10\tBiopsi\tmerknad\n"))
    assert error.where == Location("m.txt", 2, "column C")
    assert "unexpected extra field 'merknad'" in error.message


def test_semicolon_csv_with_quoted_delimiter(tmp_path: Path) -> None:
    content = 'Kode;Tekst\nAAA00;"Kraniotomi; eksplorativ"\nAAA10;"Biopsi ""via"" kraniotomi"\n'
    result = read_file(write(tmp_path, "l.csv", content, "cp1252"))
    assert [r.text for r in result.rows] == ["Kraniotomi; eksplorativ", 'Biopsi "via" kraniotomi']
    assert result.rows[0].where.line == 2


def test_delimiter_detection_and_override(tmp_path: Path) -> None:
    assert len(read_file(write(tmp_path, "semi.txt", "AAA00;Kraniotomi\n")).rows) == 1
    assert read_file(write(tmp_path, "tabs.csv", "AAA00\tKraniotomi; eksplorativ\n")).rows[0].text == "Kraniotomi; eksplorativ"
    spec = write(tmp_path, "pipe.txt", "AAA00|Kraniotomi\n")
    assert read_file(FileSpec(spec.path, spec.display, "NCSP", delimiter="|")).rows[0].text == "Kraniotomi"
    assert detect_delimiter(["", "A;B;C", "A\tB"], prefer_semicolon=True) == ";"
    assert detect_delimiter(["A\tB;C", "A\tB"]) == "\t"
    assert detect_delimiter(["A;B\tC", "A\tB"], prefer_semicolon=True) == ";"
    assert detect_delimiter(["A;B\tC", "A\tB"]) == "\t"
    assert detect_delimiter(["A;B\tC", "A;B"]) == ";"


def test_split_fields_quotes() -> None:
    assert split_fields('GDFX40\t"Single-breath" med nitrogentest', "\t") == ["GDFX40", '"Single-breath" med nitrogentest']
    assert split_fields('A;"x;y";z', ";") == ["A", '"x;y"', "z"]
    assert split_fields('A;"x""y"', ";") == ["A", '"x""y"']
    assert split_fields('A;"open;b', ";") == ["A", '"open', "b"]


def test_header_detection_in_text(tmp_path: Path) -> None:
    result = read_file(write(tmp_path, "l.txt", "\nProsedyrekode\tKode-tekst\tGyldig fra\nAAA00\tKraniotomi\t2010\n"))
    assert [(r.code, r.text, r.where.line) for r in result.rows] == [("AAA00", "Kraniotomi", 3)]
    assert is_header_row(["Kodeverk", "Kode", "Tekst", "Merknad"])
    assert not is_header_row(["AAA00", "Tekst"])
    assert not is_header_row(["Nummer", "Navn"])
    assert header_role("  CODE   TEXT ") == "text"
    assert header_role("Kodetekst (fullstendig)") == "text"
    assert header_role("Code_type") == "system"


def test_header_without_text_column(tmp_path: Path) -> None:
    error = error_of(write(tmp_path, "l.csv", "Kode;Merknad\nAAA00;x\n"))
    assert error.where == Location("l.csv", 1)
    assert "header row has no text column" in error.message
    assert "'Kode', 'Merknad'" in error.message


def test_header_with_two_text_columns_needs_a_choice(tmp_path: Path) -> None:
    spec = write(tmp_path, "l.txt", "Kode\tKodetekst\tKodetekst fullstendig\nAAA00\tKran.\tKraniotomi\n")
    assert "more than one text column" in error_of(spec).message
    chosen = FileSpec(spec.path, spec.display, "NCSP", columns={"text": "kodetekst  FULLSTENDIG"})
    assert read_file(chosen).rows[0].text == "Kraniotomi"
    by_letter = FileSpec(spec.path, spec.display, "NCSP", columns={"text": "B"})
    assert read_file(by_letter).rows[0].text == "Kran."


def test_columns_by_letter_without_header(tmp_path: Path) -> None:
    spec = write(tmp_path, "l.txt", "Kraniotomi\tAAA00\nBiopsi\tAAA10\n")
    result = read_file(FileSpec(spec.path, spec.display, "NCSP", columns={"code": "B", "text": "A"}))
    assert [r.code for r in result.rows] == ["AAA00", "AAA10"]
    forced = FileSpec(spec.path, spec.display, "NCSP", header=True, columns={"code": "Kodenummer"})
    assert "matches no header" in error_of(forced).message


def test_system_column(tmp_path: Path) -> None:
    content = "Kodeverk;Kode;Tekst\nNCSP;AAA00;Kraniotomi\nSærkoder;0XX01;Åpen kode\n;AAA10;Biopsi\n"
    spec = write(tmp_path, "l.csv", content)
    rows = read_file(FileSpec(spec.path, spec.display)).rows
    assert [r.system for r in rows] == ["NCSP", "SK", None]
    unknown = write(tmp_path, "u.csv", "Kodeverk;Kode;Tekst\nNCSP;AAA00;Kraniotomi\nICD-10;A01;Tyfoid\n")
    error = error_of(FileSpec(unknown.path, unknown.display))
    assert (error.where, error.message) == (Location("u.csv", 3, "column A"), "unknown code system 'ICD-10'")
    error = error_of(spec)  # the spec says NCSP, the file says særkoder
    assert error.where == Location("l.csv", 3, "column A")
    assert "disagrees with NCSP" in error.message


def test_missing_and_empty_files(tmp_path: Path) -> None:
    assert "cannot read file" in error_of(FileSpec(tmp_path / "none.txt", "none.txt")).message
    assert "no code rows" in error_of(write(tmp_path, "empty.txt", "\n\n")).message


# --- small workbooks ---------------------------------------------------------------------


def workbook(tmp_path: Path, name: str, rows: list[list[object]], title: str = "Ark1") -> FileSpec:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for values in rows:
        sheet.append(values)
    book.create_sheet("Annet").append(["ZZZ99", "other sheet"])
    book.save(tmp_path / name)
    return FileSpec(tmp_path / name, name, "NCSP")


def test_sheet_cells_and_locations(tmp_path: Path) -> None:
    spec = workbook(tmp_path, "l.xlsx", [["AAA00", "\tKraniotomi"], [], [None, None], ["AAA10", "Biopsi  via "]])
    result = read_file(spec)
    assert [(r.code, r.text, r.where.line) for r in result.rows] == [("AAA00", "Kraniotomi", 1), ("AAA10", "Biopsi via", 4)]
    assert result.encoding == ""
    notes = {(n.kind, n.where) for n in result.notes}
    assert ("leading-space", Location("l.xlsx", 1, "B1")) in notes
    assert ("doubled-space", Location("l.xlsx", 4, "B4")) in notes
    assert ("trailing-space", Location("l.xlsx", 4, "B4")) in notes
    assert ("blank-line", Location("l.xlsx", 2)) in notes and ("blank-line", Location("l.xlsx", 3)) in notes


def test_sheet_choice(tmp_path: Path) -> None:
    spec = workbook(tmp_path, "l.xlsx", [["AAA00", "Kraniotomi"]])
    other = read_file(FileSpec(spec.path, spec.display, "NCSP", sheet="Annet"))
    assert other.rows[0].code == "ZZZ99"
    error = error_of(FileSpec(spec.path, spec.display, "NCSP", sheet="Koder"))
    assert "no sheet named 'Koder'" in error.message and "'Ark1', 'Annet'" in error.message


def test_sheet_errors_name_cells(tmp_path: Path) -> None:
    spec = workbook(tmp_path, "l.xlsx", [["Kodeverk", "Kode", "Tekst"], ["NCSP", "AAA00", "x"], ["NCXX", "AAA10", "y"]])
    error = error_of(FileSpec(spec.path, spec.display))
    assert (error.where, error.message) == (Location("l.xlsx", 3, "A3"), "unknown code system 'NCXX'")
    spec = workbook(tmp_path, "m.xlsx", [["AAA00", "x"], [12345, "tall"]])
    assert error_of(spec).where == Location("m.xlsx", 2, "A2")
    spec = workbook(tmp_path, "n.xlsx", [["Kode", "Kortnavn"], ["AAA00", "x"]])
    assert "header row has no text column (headers found: 'Kode', 'Kortnavn')" in error_of(spec).message


def test_text_file_named_xlsx(tmp_path: Path) -> None:
    error = error_of(write(tmp_path, "list.xlsx", "AAA00\tKraniotomi\n"))
    assert error.message.startswith("not a readable spreadsheet: ")


def test_legacy_xls(tmp_path: Path) -> None:
    xlwt = pytest.importorskip("xlwt")
    book = xlwt.Workbook()
    sheet = book.add_sheet("Koder")
    for r, values in enumerate([["Kode", "Tekst"], ["AAA20", "Innlegging av intraventrikulær trykkmåler"], ["aab 00", "\tx"]]):
        for c, value in enumerate(values):
            sheet.write(r, c, value)
    book.save(str(tmp_path / "old.xls"))
    result = read_file(FileSpec(tmp_path / "old.xls", "old.xls", "NCSP"))
    assert [(r.code, r.text, r.where.line) for r in result.rows] == [
        ("AAA20", "Innlegging av intraventrikulær trykkmåler", 2), ("AAB00", "x", 3)
    ]


def test_cell_text_and_column_letters() -> None:
    assert [cell_text(v) for v in (None, 12345.0, 1.5, 7, True, "x")] == ["", "12345", "1.5", "7", "TRUE", "x"]
    assert cell_text(dt.datetime(2016, 1, 2)) == "2016-01-02"
    assert cell_text(dt.datetime(2016, 1, 2, 8, 30)) == "2016-01-02T08:30:00"
    assert cell_text(dt.date(2017, 12, 31)) == "2017-12-31"
    assert [column_letter(i) for i in (0, 1, 25, 26, 701)] == ["A", "B", "Z", "AA", "ZZ"]
    assert [column_index(s) for s in ("A", "c", "AA", "ZZ")] == [0, 2, 26, 701]
