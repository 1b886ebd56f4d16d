"""Which writer makes the harmonised workbooks fastest: openpyxl, XlsxWriter, PyExcelerate, side by side.

    .venv/bin/python bench/xlsx.py [--manifest data/releases.yaml] [--repeat 3]

Reads the corpus once (`prepare`), makes the table of each release (the
rows of `nedlasting/<year>/nkpk-<year>.xlsx`), then writes every workbook
with each writer in turn, in one process, --repeat times, and prints per
writer the median and the fastest CPU time for all of them (and the median wall time), the
bytes, and whether every workbook is correct: opened with openpyxl, the same
cells (values and types), a bold header, the header row frozen and filtered,
and the same bytes when written again a second later (no wall-clock time).

Writers measured (each makes one sheet with the same contents):
- `openpyxl`: write-only mode with lxml, zip entries re-stamped after (the build's writer until XlsxWriter);
- `xlsxwriter-constant`: XlsxWriter in constant_memory mode (inline strings,
  rows streamed to temporary files);
- `xlsxwriter-typed`: the same, each cell written with the call for its type
  (write_string, write_number) instead of write_row;
- `xlsxwriter`: XlsxWriter's default mode (all cells in memory, shared strings);
- `pyexcelerate`: PyExcelerate, zip entries re-stamped after.
Whichever the build uses is `generator.opendata.tables.xlsx_bytes`, measured as `build`.
Not run by the test suite.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import openpyxl  # noqa: E402

from generator.build import prepare  # noqa: E402
from generator.opendata import tables  # noqa: E402
from generator.opendata.harmonised import release_table  # noqa: E402


def with_openpyxl(title, header, rows) -> bytes:
    book = openpyxl.Workbook(write_only=True)
    book.properties.creator = "nkpk-site"
    book.properties.created = book.properties.modified = tables.FIXED_TIME
    sheet = book.create_sheet(title)
    for index, width in enumerate(tables._widths(header, rows), start=1):
        sheet.column_dimensions[openpyxl.utils.get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{openpyxl.utils.get_column_letter(len(header))}{len(rows) + 1}"
    bold = openpyxl.styles.Font(bold=True)
    cells = []
    for name in header:
        cell = openpyxl.cell.WriteOnlyCell(sheet, value=name)
        cell.font = bold
        cells.append(cell)
    sheet.append(cells)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return tables.normalise_zip(buffer.getvalue())


def _typed_rows(sheet, rows) -> None:
    """Each cell with the call for its type (no dispatch on the value per cell); None leaves the cell empty."""
    write_string, write_number = sheet.write_string, sheet.write_number
    for number, row in enumerate(rows, start=1):
        for column, value in enumerate(row):
            if isinstance(value, str):
                write_string(number, column, value)
            elif value is not None:
                write_number(number, column, value)


def _xlsxwriter(title, header, rows, options: dict, typed: bool = False) -> bytes:
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {**options, "strings_to_numbers": False, "strings_to_formulas": False,
                                        "strings_to_urls": False})
    book.set_properties({"author": "nkpk-site", "created": tables.FIXED_TIME})
    sheet = book.add_worksheet(title)
    for index, width in enumerate(tables._widths(header, rows)):
        sheet.set_column(index, index, width)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, len(rows), len(header) - 1)
    sheet.write_row(0, 0, header, book.add_format({"bold": True}))
    if typed:
        _typed_rows(sheet, rows)
    else:
        for number, row in enumerate(rows, start=1):
            sheet.write_row(number, 0, row)
    book.close()
    return buffer.getvalue()


def with_xlsxwriter_constant(title, header, rows) -> bytes:
    return _xlsxwriter(title, header, rows, {"constant_memory": True})


def with_xlsxwriter_typed(title, header, rows) -> bytes:
    return _xlsxwriter(title, header, rows, {"constant_memory": True}, typed=True)


def with_xlsxwriter(title, header, rows) -> bytes:
    return _xlsxwriter(title, header, rows, {"in_memory": True})


def with_pyexcelerate(title, header, rows) -> bytes:
    from pyexcelerate import Panes, Style, Workbook
    from pyexcelerate import Font as PFont

    book = Workbook()
    sheet = book.new_sheet(title, data=[list(header), *rows])
    sheet.set_row_style(1, Style(font=PFont(bold=True)))
    for index, width in enumerate(tables._widths(header, rows), start=1):
        sheet.set_col_style(index, Style(size=width))
    sheet.panes = Panes(0, 1)
    sheet.auto_filter = True
    buffer = io.BytesIO()
    book.save(buffer)
    return tables.normalise_zip(buffer.getvalue())


WRITERS = {
    "build": tables.xlsx_bytes,
    "openpyxl": with_openpyxl,
    "xlsxwriter-constant": with_xlsxwriter_constant,
    "xlsxwriter-typed": with_xlsxwriter_typed,
    "xlsxwriter": with_xlsxwriter,
    "pyexcelerate": with_pyexcelerate,
}


def problems(data: bytes, header, rows) -> list[str]:
    """What is wrong with a workbook, read back with openpyxl (empty: nothing)."""
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    found = []
    cells = [list(r) for r in sheet.iter_rows(values_only=True)]
    expected = [list(header)] + [[v if v not in ("",) else None for v in row] for row in rows]
    if [[("" if v is None else v) for v in r] for r in cells] != [[("" if v is None else v) for v in r] for r in expected]:
        found.append("cells differ")
    if sheet.freeze_panes != "A2":
        found.append(f"freeze panes {sheet.freeze_panes}")
    if sheet.auto_filter.ref != f"A1:{openpyxl.utils.get_column_letter(len(header))}{len(rows) + 1}":
        found.append(f"filter {sheet.auto_filter.ref}")
    if not all(c.font.bold for c in sheet[1]):
        found.append("header not bold")
    if any(sheet.cell(row=n, column=2).data_type != "s" for n in range(2, len(rows) + 2)):
        found.append("codes not text")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--manifest", type=Path, default=ROOT / "data" / "releases.yaml")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--writers", nargs="*", choices=tuple(WRITERS), default=tuple(WRITERS))
    args = parser.parse_args(argv)
    project = prepare(args.manifest.resolve())
    books = [(f"NKPK {r.year}", *release_table(project.catalogue, r)) for r in project.releases]
    cells = sum(len(h) * (len(rows) + 1) for _, h, rows in books)
    print(f"{len(books)} workbooks, {cells:,} cells; seconds for all of them in one process, {args.repeat} runs "
          "(cpu: this process's CPU time, steadier than wall time on a shared machine)")
    print(f"{'writer':<22}{'cpu median':>11}{'cpu fastest':>12}{'wall median':>12}{'bytes':>12}  correct, same bytes again")
    for name, write in ((n, WRITERS[n]) for n in args.writers):
        times, cpu, made = [], [], []
        for _ in range(args.repeat):
            started, started_cpu = time.perf_counter(), time.process_time()
            made = [write(*book) for book in books]
            times.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
        time.sleep(1.1)  # a wall-clock stamp would now differ
        again = write(*books[-1]) == made[-1]
        wrong = sorted({p for data, (_, h, rows) in zip(made, books) for p in problems(data, h, rows)})
        verdict = ("yes" if not wrong else "NO: " + "; ".join(wrong)) + (", yes" if again else ", NO")
        print(f"{name:<22}{statistics.median(cpu):>11.2f}{min(cpu):>12.2f}{statistics.median(times):>12.2f}"
              f"{sum(map(len, made)):>12,}  {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
