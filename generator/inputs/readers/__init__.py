"""Readers: one per kind of input file. Each yields rows that carry file and line."""

from __future__ import annotations

from .base import FileResult, FileSpec
from .book import read_book
from ...gc_settings import collector_paused
from .sheet import read_sheet
from .text import read_text

SHEET_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".ods"})
BOOK_KINDS = frozenset({"book", "book-notes"})


def read_file(spec: FileSpec) -> FileResult:
    """Read one input file: books by the book reader, workbooks by the sheet reader, anything else as text."""
    with collector_paused():
        if spec.kind in BOOK_KINDS:
            return read_book(spec)
        if spec.path.suffix.lower() in SHEET_SUFFIXES:
            return read_sheet(spec)
        return read_text(spec)
