"""Which writer makes the harmonised workbooks fastest: ours, openpyxl, XlsxWriter, PyExcelerate, side by side.

    .venv/bin/python bench/xlsx.py [--manifest data/releases.yaml] [--repeat 3]

Reads the corpus once (`prepare`), makes the table of each release (the
rows of `nedlasting/<year>/nkpk-<year>.xlsx`), then writes every workbook
with each writer in turn, in one process, --repeat times, and prints per
writer the median and the fastest CPU time for all of them (and the median wall time), the
bytes, and whether every workbook is correct: opened with openpyxl, the same
cells (values and types), a bold header, the header row frozen and filtered,
and the same bytes when written again a second later (no wall-clock time).

Writers measured (each makes one sheet with the same contents):
- `build`: whatever the build uses, `generator.opendata.tables.xlsx_bytes`:
  our own writer (generator/opendata/workbook.py, inline strings, zlib level 6);
- `ours-level-1`, `ours-level-3`: the same at zlib levels 1 and 3;
- `ours-shared`: our writer with a shared-string table instead of inline strings;
- `openpyxl`: write-only mode with lxml, zip entries re-stamped after (the build's writer until XlsxWriter);
- `xlsxwriter-constant`: XlsxWriter in constant_memory mode (inline strings,
  rows streamed to temporary files);
- `xlsxwriter-typed`: the same, each cell written with the call for its type
  (write_string, write_number) instead of write_row;
- `xlsxwriter`: XlsxWriter's default mode (all cells in memory, shared strings);
- `pyexcelerate`: PyExcelerate, zip entries re-stamped after.
XlsxWriter is a test dependency (the tests' reference writer); a writer whose
package is not installed (PyExcelerate is not in pyproject.toml) is left out
with a note. Not run by the test suite.
"""

from __future__ import annotations

import argparse
import datetime
import importlib.util
import io
import re
import statistics
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import openpyxl  # noqa: E402

from generator.build import prepare  # noqa: E402
from generator.opendata import tables, workbook  # noqa: E402
from generator.opendata.harmonised import release_table  # noqa: E402

FIXED_TIME = datetime.datetime(2000, 1, 1, 0, 0, 0)
_CORE_DATES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*")


def normalise_zip(data: bytes) -> bytes:
    """The same zip with fixed entry times and attributes, and fixed dates in docProps/core.xml."""
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = _CORE_DATES.sub(rb"\g<1>" + stamp, body)
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 3
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, body, compresslevel=6)
    return out.getvalue()


def with_ours_level(level: int):
    def write(title, header, rows) -> bytes:
        return workbook.workbook_bytes(title, header, rows, tables._widths(header, rows), level=level)
    return write


def with_openpyxl(title, header, rows) -> bytes:
    book = openpyxl.Workbook(write_only=True)
    book.properties.creator = "nkpk-site"
    book.properties.created = book.properties.modified = FIXED_TIME
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
    return normalise_zip(buffer.getvalue())


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
    book.set_properties({"author": "nkpk-site", "created": FIXED_TIME})
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
    return normalise_zip(buffer.getvalue())


def _plain(text: str) -> bool:
    """As workbook._rows decides: nothing to escape, no white space to keep, not too long."""
    return (text.isprintable() and "&" not in text and "<" not in text and ">" not in text and "_x" not in text
            and text.strip() is text and len(text) < workbook.CELL_MAX // 2)


def with_ours_shared(title, header, rows, level: int = workbook.LEVEL) -> bytes:
    """Our writer with a shared-string table (xl/sharedStrings.xml) instead of inline strings."""
    w = workbook
    letters = [w.column_letter(n) for n in range(len(header))]
    table: dict[str, int] = {}

    def write_rows(chunk, first, letters):
        for number, row in enumerate(chunk, start=first):
            at = str(number)
            cells = [f'<row r="{at}">']
            for letter, value in zip(letters, row):
                if value.__class__ is str:
                    if value:
                        index = table.get(value)
                        if index is None:
                            index = table[value] = len(table)
                        cells.append(f'<c r="{letter}{at}" t="s"><v>{index}</v></c>')
                elif value.__class__ is int and -10**15 < value < 10**15:
                    cells.append(f'<c r="{letter}{at}"><v>{value}</v></c>')
                elif value is not None:
                    cells.append(w._cell(letter + at, value))
            cells.append("</row>")
            yield "".join(cells)

    types = w._TYPES.replace("</Types>", '<Override PartName="/xl/sharedStrings.xml" ContentType="'
                             f'{w._TYPE}officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    rels = w._BOOK_RELS.replace("</Relationships>", f'<Relationship Id="rId3" Type="{w._DOC}/relationships/'
                                'sharedStrings" Target="sharedStrings.xml"/></Relationships>')
    parts = {"[Content_Types].xml": types, "_rels/.rels": w._ROOT_RELS, "docProps/app.xml": w._app(title),
             "docProps/core.xml": w._CORE, "xl/workbook.xml": w._workbook(title, f"$A$1:${letters[-1]}${len(rows) + 1}"),
             "xl/_rels/workbook.xml.rels": rels, "xl/styles.xml": w._STYLES}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as book:
        for name, text in parts.items():
            book.writestr(w._entry(name, level), text.encode())
        with book.open(w._entry("xl/worksheets/sheet1.xml", level), "w") as sheet:
            for piece in w._sheet(header, rows, tables._widths(header, rows), letters, f"A1:{letters[-1]}{len(rows) + 1}",
                                  write_rows):
                sheet.write(piece.encode())
        with book.open(w._entry("xl/sharedStrings.xml", level), "w") as strings:
            strings.write(f'{w._HEAD}<sst xmlns="{w._MAIN}" count="{len(table)}" uniqueCount="{len(table)}">'.encode())
            items = [f"<si><t>{t}</t></si>" if _plain(t) else f"<si>{w._text(t)}</si>" for t in table]
            for start in range(0, len(items), w.CHUNK):
                strings.write("".join(items[start:start + w.CHUNK]).encode())
            strings.write(b"</sst>")
    return out.getvalue()


WRITERS = {
    "build": tables.xlsx_bytes,
    "ours-level-1": with_ours_level(1),
    "ours-level-3": with_ours_level(3),
    "ours-shared": with_ours_shared,
    "openpyxl": with_openpyxl,
    "xlsxwriter-constant": with_xlsxwriter_constant,
    "xlsxwriter-typed": with_xlsxwriter_typed,
    "xlsxwriter": with_xlsxwriter,
    "pyexcelerate": with_pyexcelerate,
}

NEEDS = {"xlsxwriter-constant": "xlsxwriter", "xlsxwriter-typed": "xlsxwriter", "xlsxwriter": "xlsxwriter",
         "pyexcelerate": "pyexcelerate"}


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
        package = NEEDS.get(name)
        if package and importlib.util.find_spec(package) is None:
            print(f"{name:<22}  not measured: {package} is not installed")
            continue
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
