"""The official exports of the national code-system service (FAT, behind FinnKode).

Every code system is offered as JSON, Excel and tab-, semicolon- and
pipe-separated text: one row per code with its validity dates, a 60-character
text and a text without length limit, the row's parent (`Foreldrekode`) and,
for some systems, `Kodeverk`, between the chapter and group rows. Columns are
found by header name (columns.py), in any order; columns without a role are
ignored, and the manifest's `columns:` names the ones the headers do not.

An export is cumulative. It is read once into an `ExportTable` (`read_table`),
however many releases take it; each release then takes the rows valid on its
date (`release_result`): `Gyldig fra` empty or on or before it, `Gyldig til`
empty or on or after it. The date is 1 January of the release's year unless the
manifest gives `valid_on`.

- A row whose code is another row's `Foreldrekode` is a chapter or group
  heading: its text names the chapter or group, it is never a code.
- `Tekst uten lengdebegrensning` is the code's text; the 60-character text is
  kept as the `text60` detail where it differs (and is the text where the long
  one is empty). A detail never counts as a text change.
- `Kodeverk` decides the code system; the manifest's `system` is taken where
  the column is missing or empty.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Iterable, Sequence

from ..clean import clean_text, unquote
from ..details import parse_date
from ..diagnostics import Diagnostic, InputError, Location
from .base import FileResult, FileSpec, normalise_system
from .columns import Layout, header_key, header_layout, header_role
from .rows import CellName, Record, assemble, is_blank

LONG_TEXT_KEY = header_key("Tekst uten lengdebegrensning")
_EXAMPLES = 5


@dataclass(frozen=True)
class Heading:
    """A chapter or group row of an export: its code is another row's parent."""

    system: str | None
    key: str  # the code as written, without spaces, in capitals ("A", "AA", "AAB")
    text: str
    where: Location
    start: str = ""  # ISO dates of the row's validity, "" when open
    end: str = ""


@dataclass(frozen=True)
class ExportResult(FileResult):
    """The rows of an export valid on one date, with its headings valid on that date."""

    headings: tuple[Heading, ...] = ()


@dataclass(frozen=True, slots=True)
class DatedRow:
    """A code row of an export, its cells prepared for `rows.assemble`, with its validity."""

    line: int
    cells: tuple[str, ...]
    code: str
    start: str  # ISO date, "" when open
    end: str


@dataclass(frozen=True)
class ExportTable:
    """An export read once: its header, its dated code rows and its headings."""

    header: Record
    rows: tuple[DatedRow, ...]
    headings: tuple[Heading, ...]
    notes: tuple[Diagnostic, ...]  # of decoding the file and of its blank rows
    encoding: str
    cell_name: CellName
    has_system: bool  # the export has a Kodeverk column


def is_export_header(spec: FileSpec, cells: Sequence[str]) -> bool:
    """True for the header of an official export: it has a parent column or the text without length limit."""
    if "parent" in spec.columns:
        return True
    return any(header_role(cell) == "parent" or header_key(cell) == LONG_TEXT_KEY for cell in cells)


def read_table(spec: FileSpec, records: Iterable[Record], cell_name: CellName, encoding: str,
               notes: tuple[Diagnostic, ...]) -> ExportTable:
    """Read every row of an export once: headings apart, code rows with their dates checked."""
    rows = iter(records)
    blank: list[Diagnostic] = []
    header = next((r for r in rows if not _blank_noted(spec, r, blank)), None)
    if header is None:
        raise InputError(Location(spec.display), "no code rows found")
    layout = header_layout(dataclasses.replace(spec, kind="codes"), header[1], Location(spec.display, header[0]))
    columns = dict(layout.roles)
    data = [r for r in rows if not _blank_noted(spec, r, blank)]
    parent = columns.get("parent")
    parents = {_key(_at(cells, parent)) for _, cells in data} - {""} if parent is not None else set()
    headings: list[Heading] = []
    dated: list[DatedRow] = []
    for line, cells in data:
        prepared = _prepared(spec, layout, cells)
        code = _key(_at(prepared, layout.code_column))
        if code in parents:
            dates = _dated(spec, columns, line, prepared, code, cell_name)
            headings.append(_heading(spec, layout, line, prepared, cell_name, dates))
        else:
            dated.append(_dated(spec, columns, line, prepared, code, cell_name))
    return ExportTable(header, tuple(dated), tuple(headings), notes + tuple(blank), encoding, cell_name,
                       layout.system_column is not None)


def release_result(table: ExportTable, spec: FileSpec) -> ExportResult:
    """The export's rows valid on the release's date, cleaned as any code list's rows."""
    on = spec.valid_on or ""
    valid = [r for r in table.rows if _valid(r, on)]
    if not valid:
        raise InputError(Location(spec.display), f"no code is valid on {on}{_span(table.rows)}")
    records = [table.header, *((r.line, r.cells) for r in valid)]
    own = dataclasses.replace(spec, header=True, system=None if table.has_system else spec.system)
    rows, notes = assemble(own, records, table.cell_name)
    summary = _summary(spec, table, on)
    headings = tuple(h for h in table.headings if _valid(h, on))
    return ExportResult(spec, tuple(rows), table.notes + tuple(notes) + summary, table.encoding, headings)


def _blank_noted(spec: FileSpec, record: Record, notes: list[Diagnostic]) -> bool:
    if is_blank(record[1]):
        notes.append(Diagnostic(Location(spec.display, record[0]), "blank-line"))
        return True
    return False


def _at(cells: Sequence[str], index: int | None) -> str:
    return cells[index] if index is not None and index < len(cells) else ""


def _key(raw: str) -> str:
    """A code or parent cell compared loosely: no white space or byte-order mark, capitals."""
    return "".join(unquote(raw.replace("\ufeff", "").strip()).split()).upper()


def _prepared(spec: FileSpec, layout: Layout, cells: Sequence[str]) -> tuple[str, ...]:
    """The cells as `assemble` should read them: unquoted, the text filled from the 60-character text
    where empty, the 60-character text blanked where it is the text, the code system by its key."""
    out = [unquote(cell) if cell.startswith('"') else cell for cell in cells]  # CSV quoting is the format's
    columns = dict(layout.roles)
    text, short = columns.get("text"), columns.get("text60")
    if short is not None and short < len(out):
        if text is not None and text < len(out) and not out[text].strip():
            out[text] = out[short]
        if " ".join(out[short].split()) == " ".join(_at(out, text).split()):
            out[short] = ""
    system = layout.system_column
    if system is not None and system < len(out):
        out[system] = _system(out[system]) or spec.system or ""
    return tuple(out)


def _system(raw: str) -> str | None:
    """The code system a Kodeverk cell names (`NCSP`, or `NCSP - Norsk klinisk ...`); the cell as it is if none."""
    value = unquote(raw.strip())
    if not value:
        return None
    return normalise_system(value) or normalise_system(value.replace("-", " ").split()[0]) or value


def _heading(spec: FileSpec, layout: Layout, line: int, cells: Sequence[str], cell_name: CellName,
             dates: DatedRow) -> Heading:
    column = layout.text_column
    where = Location(spec.display, line, cell_name(column, line) if column is not None else "")
    text, _ = clean_text(_at(cells, column), where)
    system = normalise_system(_at(cells, layout.system_column)) if layout.system_column is not None else None
    return Heading(system or spec.system, dates.code, text, where, dates.start, dates.end)


def _dated(spec: FileSpec, columns: dict[str, int], line: int, cells: Sequence[str], code: str,
           cell_name: CellName) -> DatedRow:
    """A code row with its dates read; `Gyldig til` before `Gyldig fra` is refused naming row and code."""
    start, end = (_date(spec, columns.get(role), line, cells, cell_name) for role in ("valid_from", "valid_to"))
    if start and end and end < start:
        where = Location(spec.display, line, cell_name(columns["valid_to"], line))
        raise InputError(where, f"code {code}: valid to {end} is before valid from {start} (Gyldig til before Gyldig fra)")
    return DatedRow(line, tuple(cells), code, start, end)


def _date(spec: FileSpec, column: int | None, line: int, cells: Sequence[str], cell_name: CellName) -> str:
    raw = unquote(_at(cells, column).strip())
    return parse_date(raw, Location(spec.display, line, cell_name(column, line))) if raw else ""


def _valid(row: DatedRow | Heading, on: str) -> bool:
    return not on or ((not row.start or row.start <= on) and (not row.end or row.end >= on))


def _span(rows: tuple[DatedRow, ...]) -> str:
    starts = sorted(r.start for r in rows if r.start)
    ends = sorted(r.end for r in rows if r.end)
    if not rows:
        return " (the file has chapter and group rows only)"
    first = f"the earliest valid from {starts[0]}" if starts else "no valid-from dates"
    last = f"the latest valid to {ends[-1]}" if ends else "no valid-to dates"
    return f" ({len(rows)} code rows: {first}, {last})"


def _summary(spec: FileSpec, table: ExportTable, on: str) -> tuple[Diagnostic, ...]:
    """Report notes for the rows a release does not take: headings, and codes not valid on its date."""
    where = Location(spec.display)
    notes = []
    if table.headings:
        keys = ", ".join(h.key for h in table.headings[:_EXAMPLES])
        detail = f"{len(table.headings)} chapter and group rows read as headings, not codes (e.g. {keys})"
        notes.append(Diagnostic(where, "export-heading", detail))
    later = [r.code for r in table.rows if r.start and r.start > on]
    ended = [r.code for r in table.rows if r.end and r.end < on]
    for kind, codes, what in (("export-future", later, "not yet valid"), ("export-ended", ended, "no longer valid")):
        if codes:
            detail = f"{len(codes)} code rows {what} on {on}, not in this release (e.g. {', '.join(codes[:_EXAMPLES])})"
            notes.append(Diagnostic(where, kind, detail))
    return tuple(notes)


def heading_names(releases: Iterable[Iterable[Heading]]) -> dict[tuple[str, str], str]:
    """Chapter and group names from the headings of exports, oldest release first so that the newest wins."""
    names: dict[tuple[str, str], str] = {}
    for headings in releases:
        names.update({(h.system, h.key): h.text for h in headings if h.system and h.text})
    return dict(sorted(names.items()))
