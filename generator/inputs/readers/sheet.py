"""Reader for workbooks (.xlsx, .xlsm, .xls, .ods) through python-calamine."""

from __future__ import annotations

import datetime as dt
from typing import Iterator

import python_calamine

from ..diagnostics import InputError, Location
from .base import FileResult, FileSpec
from .columns import column_letter
from .rows import Record, assemble


def read_sheet(spec: FileSpec) -> FileResult:
    """Read one sheet of a workbook (spec.sheet, else the first) into cleaned rows."""
    rows, notes = assemble(spec, sheet_records(spec), cell_name)
    return FileResult(spec, tuple(rows), tuple(notes), "")


def sheet_records(spec: FileSpec) -> Iterator[Record]:
    """The numbered rows of the sheet (spec.sheet, else the first) as cells of text."""
    where = Location(spec.display)
    try:
        workbook = python_calamine.CalamineWorkbook.from_path(str(spec.path))
    except OSError as exc:
        raise InputError(where, f"cannot read file: {exc}") from None
    except Exception as exc:  # calamine raises its own and plain errors for bad files
        raise InputError(where, f"not a readable spreadsheet: {exc}") from None
    return _records(_sheet_values(workbook, spec, where))


def _sheet_values(workbook: python_calamine.CalamineWorkbook, spec: FileSpec, where: Location) -> list[list[object]]:
    names = list(workbook.sheet_names)
    if not names:
        raise InputError(where, "workbook has no sheets")
    name = spec.sheet if spec.sheet is not None else names[0]
    if name not in names:
        listed = ", ".join(repr(n) for n in names)
        raise InputError(where, f"no sheet named {name!r}; the workbook has {listed}")
    try:
        # skip_empty_area=False: rows and columns are counted from A1.
        return workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
    except Exception as exc:
        raise InputError(where, f"not a readable spreadsheet: sheet {name!r}: {exc}") from None


def _records(values: list[list[object]]) -> Iterator[Record]:
    for number, cells in enumerate(values, 1):
        yield number, [cell_text(cell) for cell in cells]


def cell_name(index: int, line: int) -> str:
    return f"{column_letter(index)}{line}"


def cell_text(value: object) -> str:
    """A cell value as text: integral floats without `.0`, dates in ISO form."""
    if value.__class__ is str:  # most cells
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value)
