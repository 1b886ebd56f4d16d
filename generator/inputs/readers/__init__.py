"""Readers: one per kind of input file. Each yields rows that carry file and line.

A code list is read by its format (workbook, JSON, else delimited text); a
file whose header is that of the official export (a parent column, or the
text without length limit) is read as an export (export.py), once per build
however many releases take it.
"""

from __future__ import annotations

from itertools import chain
from typing import Iterable

from .base import FileResult, FileSpec
from .book import read_book
from ...gc_settings import collector_paused
from .export import ExportTable, is_export_header, read_table, release_result
from .jsonfile import json_records
from .rows import CellName, Record, assemble, is_blank
from .sheet import cell_name as sheet_cell, read_sheet, sheet_records
from .text import cell_name as text_cell, read_text, text_records

SHEET_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".ods"})
BOOK_KINDS = frozenset({"book", "book-notes"})


class Readers:
    """Reads the input files of one build; an export is parsed once and kept for the releases that take it."""

    def __init__(self) -> None:
        self._exports: dict[tuple, ExportTable] = {}

    def read(self, spec: FileSpec) -> FileResult:
        with collector_paused():
            if spec.kind in BOOK_KINDS:
                return read_book(spec)
            if spec.kind != "codes":
                return read_sheet(spec) if _is_sheet(spec) else read_text(spec)
            key = _export_key(spec)
            table = self._exports.get(key)
            if table is None:
                found = _read_codes(spec)
                if isinstance(found, FileResult):
                    return found
                table = self._exports[key] = found
            return release_result(table, spec)


def read_file(spec: FileSpec) -> FileResult:
    """Read one input file: books by the book reader, workbooks by the sheet reader, anything else as text."""
    return Readers().read(spec)


def _is_sheet(spec: FileSpec) -> bool:
    return spec.path.suffix.lower() in SHEET_SUFFIXES


def _export_key(spec: FileSpec) -> tuple:
    """What decides how a file is read: the same file read the same way is the same table."""
    columns = tuple(sorted(spec.columns.items()))
    return (spec.path.resolve(), spec.system, spec.encoding, spec.sheet, spec.delimiter, spec.header, columns)


def _read_codes(spec: FileSpec) -> FileResult | ExportTable:
    """A code list as its rows, or an export as its table (to be cut by date)."""
    if spec.path.suffix.lower() == ".json":
        found = json_records(spec)
        return read_table(spec, found.records, found.cell_name, found.encoding, found.notes)
    if _is_sheet(spec):
        records, cell, encoding, notes = sheet_records(spec), sheet_cell, "", ()
    else:
        (records, encoding, notes), cell = text_records(spec), text_cell
    first, records = _peek(records)
    if first is not None and spec.header is not False and is_export_header(spec, first):
        return read_table(spec, records, cell, encoding, notes)
    return _code_list(spec, records, cell, encoding, notes)


def _code_list(spec: FileSpec, records: Iterable[Record], cell: CellName, encoding: str, notes: tuple) -> FileResult:
    rows, row_notes = assemble(spec, records, cell)
    return FileResult(spec, tuple(rows), tuple(notes) + tuple(row_notes), encoding)


def _peek(records: Iterable[Record]) -> tuple[list[str] | None, Iterable[Record]]:
    """The cells of the first non-blank record, and all the records still to read."""
    records = iter(records)
    seen: list[Record] = []
    for record in records:
        seen.append(record)
        if not is_blank(record[1]):
            return list(record[1]), chain(seen, records)
    return None, seen
