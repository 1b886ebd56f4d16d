"""Row assembly: numbered raw rows of string cells into cleaned SourceRows and report notes.

Both readers hand their rows to `assemble`. The first non-blank row decides
the layout (columns.py). Nearly every row of a real code list needs no
cleaning: its code is already a code and its text has no stray white space,
BOM or quotes. Such a row is taken as it is, without the per-cell Locations
that notes and errors name (`_quick_reader`, and the first test in `_row`).
Any other row is cleaned cell by cell, each change noted with its cell
(`_cleaned`), so the result does not depend on which way a row went.
"""

from __future__ import annotations

from typing import Callable, Iterable, Sequence

from ..clean import BOM, clean_code, clean_text, is_clean_code, is_clean_text, unquote
from ..details import normalise_detail
from ..diagnostics import InputError, Location, Diagnostic
from .base import SYSTEM_ALIASES, FileSpec, SourceRow, normalise_system
from .columns import Layout, first_layout

# A function naming a cell for messages: (0-based column, line) -> "B7".
CellName = Callable[[int, int], str]
Record = tuple[int, Sequence[str]]
# Reads a row that needs no cleaning; None: read it the full way.
QuickReader = Callable[[int, Sequence[str]], "SourceRow | None"]


def assemble(spec: FileSpec, records: Iterable[Record], cell_name: CellName) -> tuple[list[SourceRow], list[Diagnostic]]:
    """Clean numbered raw rows into SourceRows, with the notes of the cleaning."""
    rows: list[SourceRow] = []
    notes: list[Diagnostic] = []
    layout: Layout | None = None
    quick: QuickReader | None = None
    for line, cells in records:
        if quick is not None:
            row = quick(line, cells)
            if row is not None:
                rows.append(row)
                continue
        if is_blank(cells):
            notes.append(Diagnostic(Location(spec.display, line), "blank-line"))
            continue
        if layout is None:
            layout = first_layout(spec, cells, Location(spec.display, line))
            quick = _quick_reader(spec, layout)
            if layout.header_line:
                continue
        row = _row(spec, layout, line, cells, cell_name, notes)
        if row is not None:
            rows.append(row)
    if not rows:
        raise InputError(Location(spec.display), "no code rows found")
    return rows, notes


def is_blank(cells: Sequence[str]) -> bool:
    """True if the row has nothing but white space and byte-order marks."""
    return not "".join(cells).replace(BOM, "").strip()


def _quick_reader(spec: FileSpec, layout: Layout) -> QuickReader | None:
    """A reader for the rows of a layout without optional columns that need no cleaning.

    It reads a row only if it has exactly the layout's cells, a clean code, a
    clean text and, in a system column, a system name as written in
    SYSTEM_ALIASES that agrees with the manifest; it gives what `_row` gives.
    """
    if layout.optional_columns or layout.text_column is None:
        return None
    display, width, default_system = spec.display, layout.width, spec.system
    code_column, text_column, system_column = layout.code_column, layout.text_column, layout.system_column

    def quick(line: int, cells: Sequence[str]) -> SourceRow | None:
        if len(cells) != width:
            return None
        code, text = cells[code_column], cells[text_column]
        if not (is_clean_code(code) and is_clean_text(text)):
            return None
        system = default_system
        if system_column is not None:
            system = SYSTEM_ALIASES.get(cells[system_column])
            if system is None or (default_system and system != default_system):
                return None
        return SourceRow(Location(display, line), code, text, system)

    return quick


def _row(
    spec: FileSpec, layout: Layout, line: int, cells: Sequence[str], cell_name: CellName, notes: list[Diagnostic]
) -> SourceRow | None:
    """One row as a SourceRow (None if it has neither code nor text).

    A code and a text that need no cleaning are taken as they are; anything
    else goes through `_cleaned`, which notes each change naming the cell.
    """
    if len(cells) > layout.width:
        _check_extra(spec, layout, line, cells, cell_name)
    raw_code = _cell(cells, layout.code_column)
    raw_text = _cell(cells, layout.text_column)
    if is_clean_code(raw_code) and is_clean_text(raw_text):
        code, text = raw_code, raw_text
    else:
        cleaned = _cleaned(spec, layout, line, cells, cell_name, notes)
        if cleaned is None:
            return None
        code, text = cleaned
    system = spec.system
    if layout.system_column is not None:
        system = _row_system(spec, _cell(cells, layout.system_column), line, layout.system_column, cell_name)
    extra = _optional(spec, layout, line, cells, cell_name, notes) if layout.optional_columns else ()
    return SourceRow(Location(spec.display, line), code, text, system, extra)


def _cell(cells: Sequence[str], index: int | None) -> str:
    """The raw cell at a column; empty beyond the row's end or for a column the file does not have."""
    return cells[index] if index is not None and index < len(cells) else ""


def _cleaned(
    spec: FileSpec, layout: Layout, line: int, cells: Sequence[str], cell_name: CellName, notes: list[Diagnostic]
) -> tuple[str, str] | None:
    """Code and text of a row that needs cleaning, with its notes; errors name the cell."""
    code_at = Location(spec.display, line, cell_name(layout.code_column, line))
    text_column = layout.text_column
    text_at = Location(spec.display, line, cell_name(text_column, line)) if text_column is not None else code_at
    raw_code = _cell(cells, layout.code_column)
    has_code = bool(raw_code.replace(BOM, "").strip())
    if not has_code and is_blank(cells):
        notes.append(Diagnostic(Location(spec.display, line), "blank-line", "no code and no text"))
        return None
    if not has_code:
        raise InputError(code_at, "row has no code")
    code, code_notes = clean_code(raw_code, code_at)
    text, text_notes = clean_text(_cell(cells, text_column), text_at)
    if not text and spec.kind == "codes":
        raise InputError(text_at, f"row has no text (code {code})")
    notes.extend(code_notes)
    notes.extend(text_notes)
    return code, text


def _optional(
    spec: FileSpec, layout: Layout, line: int, cells: Sequence[str], cell_name: CellName, notes: list[Diagnostic]
) -> tuple[tuple[str, str], ...]:
    """The row's non-empty optional cells as (role, value), cleaned and in canonical form."""
    found = []
    for role, index in layout.optional_columns:
        raw = _cell(cells, index)
        if raw:  # an empty cell gives no value and no note
            value = _extra(role, raw, Location(spec.display, line, cell_name(index, line)), notes)
            if value:
                found.append((role, value))
    return tuple(found)


def _extra(role: str, raw: str, where: Location, notes: list[Diagnostic]) -> str:
    """An optional column's cleaned value (empty when the cell is empty), details in canonical form."""
    value, value_notes = clean_text(raw, where)
    notes.extend(value_notes)
    return normalise_detail(role, value, where, notes) if value else value


def _row_system(spec: FileSpec, raw: str, line: int, index: int, cell_name: CellName) -> str | None:
    """The row's code system from its system cell; the manifest's if the cell is empty."""
    system = SYSTEM_ALIASES.get(raw)  # written exactly as a known name: nothing to clean
    if system is None:
        value = _system_value(raw)
        if not value:
            return spec.system
        system = normalise_system(value)
        if system is None:
            raise InputError(Location(spec.display, line, cell_name(index, line)), f"unknown code system {value!r}")
    if spec.system and system != spec.system:
        where = Location(spec.display, line, cell_name(index, line))
        raise InputError(where, f"code system {_system_value(raw)!r} disagrees with {spec.system} given in the manifest")
    return system


def _system_value(raw: str) -> str:
    """A system cell as written, without BOM, outer white space and quotes."""
    return unquote(raw.replace(BOM, "").strip())


def _check_extra(spec: FileSpec, layout: Layout, line: int, cells: Sequence[str], cell_name: CellName) -> None:
    for index in range(layout.width, len(cells)):
        if cells[index].strip():
            raise InputError(
                Location(spec.display, line, cell_name(index, line)),
                f"unexpected extra field {cells[index].strip()!r} (expected {layout.width} fields)",
            )
