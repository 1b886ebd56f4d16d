"""Readers: one per kind of input file. Each yields rows that carry file and line."""

from __future__ import annotations

from .base import FileResult, FileSpec

SHEET_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".ods"})


def read_file(spec: FileSpec) -> FileResult:
    """Read one input file: workbooks by the sheet reader, anything else as text."""
    # Imported here, not at module level: the readers import generator.manifest,
    # which itself imports this package (for FileSpec), so a top-level import
    # would make `import generator.manifest` circular.
    if spec.path.suffix.lower() in SHEET_SUFFIXES:
        from .sheet import read_sheet

        return read_sheet(spec)
    from .text import read_text

    return read_text(spec)
