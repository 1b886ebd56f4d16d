"""Rows that need no cleaning take a fast path; it must read exactly as the full cleaning does.

The expected rows and notes below are what the readers gave before the fast
path existed; the random rows are read once as they are and once with the
fast path switched off.
"""

from __future__ import annotations

import random
from pathlib import Path

import openpyxl
import pytest

from generator.inputs.clean import clean_code, clean_text, is_clean_code, is_clean_text
from generator.inputs.diagnostics import InputError, Location, Diagnostic
from generator.inputs.readers import read_file, rows
from generator.inputs.readers.columns import column_letter
from generator.inputs.readers.base import FileSpec, SourceRow

MESSY_CSV = (
    "AAA00;Kraniotomi\n"
    "\ufeffAAA10;Biopsi\n"
    "AAA20;\ufeffTrykkmåler\n"
    "AAA27;Drenasje\u00a0av ventrikkel\n"
    "AAA30;Shunt  til\tbukhule\n"
    'aaa 31;"Shunt ""x"""\n'
    '"AAA32"; "Revisjon" \n'
    'AA033;"Single-breath" med test\n'
    " AAA34;Tekst med\u2028skille\n"
    "ZZZZZ9;Uvanlig form\n"
    'AAA35;"""Sitat"""\n'
    'AAA36;"\n'
)


def test_messy_text_rows_keep_their_notes(tmp_path: Path) -> None:
    (tmp_path / "messy.txt").write_text(MESSY_CSV, encoding="utf-8")
    result = read_file(FileSpec(tmp_path / "messy.txt", "messy.txt", "NCSP", delimiter=";"))
    texts = [
        "Kraniotomi", "Biopsi", "Trykkmåler", "Drenasje av ventrikkel", "Shunt til bukhule", 'Shunt "x"',
        "Revisjon", '"Single-breath" med test', "Tekst med skille", "Uvanlig form", '"Sitat"', '"',
    ]
    codes = ["AAA00", "AAA10", "AAA20", "AAA27", "AAA30", "AAA31", "AAA32", "AA033", "AAA34", "ZZZZZ9", "AAA35", "AAA36"]
    assert result.rows == tuple(
        SourceRow(Location("messy.txt", line), code, text, "NCSP") for line, (code, text) in enumerate(zip(codes, texts), 1)
    )

    def note(line: int, column: str, kind: str, detail: str) -> Diagnostic:
        return Diagnostic(Location("messy.txt", line, f"column {column}"), kind, detail)

    doubled = "runs of white space made one space"
    unwrapped = "text was wrapped in quotes; unwrapped"
    assert result.notes == (
        note(2, "A", "bom", "stray byte-order mark removed from code"),
        note(3, "B", "bom", "stray byte-order mark removed from text"),
        note(4, "B", "doubled-space", doubled),
        note(5, "B", "doubled-space", doubled),
        note(6, "A", "code-space", "'aaa 31' written as 'aaa31'"),
        note(6, "A", "code-case", "'aaa31' written as 'AAA31'"),
        note(6, "B", "unquoted", unwrapped),
        note(7, "A", "unquoted", "quotes around code 'AAA32' removed"),
        note(7, "B", "leading-space", "space removed"),
        note(7, "B", "trailing-space", "space removed"),
        note(7, "B", "unquoted", unwrapped),
        note(9, "A", "code-space", "white space around code 'AAA34' removed"),
        note(9, "B", "doubled-space", doubled),
        note(11, "B", "unquoted", unwrapped),
    )


def _workbook(path: Path, rows: list[list[object]]) -> FileSpec:
    book = openpyxl.Workbook()
    for values in rows:
        book.active.append(values)
    book.save(path)
    return FileSpec(path, path.name, None)


def test_messy_sheet_rows_keep_their_notes(tmp_path: Path) -> None:
    spec = _workbook(tmp_path / "messy.xlsx", [
        ["Kodeverk", "Kode", "Tekst", "Gyldig fra", "Tilleggskode", "Kort tekst"],
        ["NCSP", "AAA00", "Kraniotomi", None, None, None],
        [" ncsp", "AAA10", "Biopsi\tvia kraniotomi", "2017", "J", " Biopsi"],
        ['"NCMP"', "ABCD12", "Måling", "01.01.2016", "nei", None],
        ["Særkoder", "1AA02", "Legemiddel  behandling ", None, "", "x" * 61],
        [None, "aab00", "Tekst", None, None, None],
        ["NCRP", "AAA0AB", "\ufeffKontroll", None, None, None],
    ])
    result = read_file(spec)
    at = lambda line: Location("messy.xlsx", line)  # noqa: E731
    assert result.rows == (
        SourceRow(at(2), "AAA00", "Kraniotomi", "NCSP"),
        SourceRow(at(3), "AAA10", "Biopsi via kraniotomi", "NCSP",
                  (("addon", "true"), ("text60", "Biopsi"), ("valid_from", "2017-01-01"))),
        SourceRow(at(4), "ABCD12", "Måling", "NCMP", (("addon", "false"), ("valid_from", "2016-01-01"))),
        SourceRow(at(5), "1AA02", "Legemiddel behandling", "SK", (("text60", "x" * 61),)),
        SourceRow(at(6), "AAB00", "Tekst", None),
        SourceRow(at(7), "AAA0AB", "Kontroll", "NCRP"),
    )
    cell = lambda name: Location("messy.xlsx", int(name[1:]), name)  # noqa: E731
    assert result.notes == (
        Diagnostic(cell("C3"), "doubled-space", "runs of white space made one space"),
        Diagnostic(cell("F3"), "leading-space", "space removed"),
        Diagnostic(cell("C5"), "trailing-space", "space removed"),
        Diagnostic(cell("C5"), "doubled-space", "runs of white space made one space"),
        Diagnostic(cell("F5"), "text60-too-long", "61 characters in the 60-character text"),
        Diagnostic(cell("B6"), "code-case", "'aab00' written as 'AAB00'"),
        Diagnostic(cell("C7"), "bom", "stray byte-order mark removed from text"),
    )


@pytest.mark.parametrize(("system", "shown"), [("NCSP", "NCSP"), (" ncsp ", "ncsp"), ('"NCSP"', "NCSP"), ("\ufeffNCSP", "NCSP")])
def test_system_errors_alike_on_both_paths(tmp_path: Path, system: str, shown: str) -> None:
    spec = _workbook(tmp_path / "s.xlsx", [["Kodeverk", "Kode", "Tekst"], ["NCMP", "ABCD12", "x"], [system, "AAA00", "y"]])
    with pytest.raises(InputError) as info:
        read_file(FileSpec(spec.path, spec.display, "NCMP"))
    assert info.value.where == Location("s.xlsx", 3, "A3")
    assert info.value.message == f"code system {shown!r} disagrees with NCMP given in the manifest"


# --- random rows: fast path against full cleaning --------------------------------------

_CODES = ("AAA00", "aaa00", "AAA 00", " AAA00", "AAA00\t", "\ufeffAAA00", '"AAA00"', "ABCD12", "1AA02", "AA0",
          "ABCDEFGH", "A1234567", "ZZZZZ9", "AAA0AB", "12345", "AB", "", "  ", "aa0b1", "AAA\u00a000")
_WORDS = ("Kraniotomi", "via", "ø", '"x"', '""', "Se", "AAB", "-", "\ufeff", "é", "\u200b", "\xad")
_GAPS = (" ", " ", " ", "  ", "\t", "\u00a0", "\u2028", "\x1c", "\r", " \t")


def _random_text(rng: random.Random) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(0, 4))]
    text = "".join(word + rng.choice(_GAPS) for word in words[:-1]) + (words[-1] if words else "")
    if rng.random() < 0.2:
        text = rng.choice(_GAPS) + text
    if rng.random() < 0.2:
        text += rng.choice(_GAPS)
    if rng.random() < 0.15:
        text = f'"{text}"'
    return text


_SYSTEMS = ("NCSP", "NCSP", "NCMP", "SK", "Særkoder", " ncsp", '"NCSP"', "\ufeffNCSP", "", "NCXX")


def _read(spec: FileSpec, cells: list[str]) -> object:
    """The rows and notes of one record after a clean first row, or the error it raises, as comparable values.

    The first row decides the layout, so the second is read as any later row of a file.
    """
    first = ["AAA00", "Kraniotomi", "NCSP"][: len(cells)]
    try:
        return rows.assemble(spec, [(1, first), (7, cells)], lambda index, line: f"{column_letter(index)}{line}")
    except InputError as error:
        return error.where, error.message


@pytest.mark.parametrize(
    ("kind", "system", "columns"),
    [("codes", "NCSP", {}), ("changes", "NCSP", {}), ("codes", None, {"system": "C"}), ("codes", "NCSP", {"system": "C"})],
)
def test_fast_path_reads_as_full_cleaning(monkeypatch: pytest.MonkeyPatch, kind: str, system, columns) -> None:
    rng = random.Random(7)
    spec = FileSpec(Path("r.txt"), "r.txt", system, header=False, columns=columns, kind=kind)
    records = [[rng.choice(_CODES), _random_text(rng)] + [rng.choice(_SYSTEMS)] * bool(columns) for _ in range(3000)]
    for cells in records[:300]:
        cells.append(rng.choice(("", " ", "x")))  # a cell beyond the layout
    for cells in records[300:600]:
        del cells[1:]  # no text cell
    fast = [_read(spec, cells) for cells in records]
    monkeypatch.setattr(rows, "is_clean_code", lambda raw: False)
    slow = [_read(spec, cells) for cells in records]
    assert fast == slow
    assert sum(isinstance(found, tuple) and isinstance(found[0], list) for found in fast) > 500  # many are rows


def test_clean_cells_need_no_cleaning() -> None:
    rng = random.Random(11)
    where = Location("r.txt", 1, "column A")
    for raw in _CODES:
        if is_clean_code(raw):
            assert clean_code(raw, where) == (raw, ())
    assert [c for c in _CODES if is_clean_code(c)] == ["AAA00", "ABCD12", "1AA02", "AA0", "ABCDEFGH", "A1234567", "ZZZZZ9", "AAA0AB"]
    taken = 0
    for _ in range(3000):
        raw = _random_text(rng)
        if is_clean_text(raw):
            taken += 1
            assert clean_text(raw, where) == (raw, ())
    assert taken > 200
    assert not any(is_clean_text(t) for t in ("", " x", "x ", "a  b", "a\tb", "a\u00a0b", "\ufeffx", '"x"', '"'))


def test_no_white_space_but_the_space_is_printable() -> None:
    """is_clean_text relies on str.isprintable being false for BOM and every white space but ' '."""
    odd = [c for c in map(chr, range(0x110000)) if (c.isspace() and c != " " or c == "\ufeff") and c.isprintable()]
    assert odd == []
