"""Tables as files: CSV for programs and Excel, and XLSX workbooks, both byte for byte reproducible.

CSV is UTF-8 with a byte-order mark (so that Excel reads the letters right)
and RFC 4180 quoting: fields with a comma, a quote or a line break are
quoted, quotes doubled, lines end in CRLF.

The workbook is written by openpyxl in write-only mode: one sheet, a frozen
and filtered header row, column widths from the longest value (within
limits), and every value as typed (texts and codes as text, years as
numbers). openpyxl stamps the workbook and each zip entry with the time of
writing: both are fixed here, so the same rows give the same bytes.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
import zipfile
from typing import Iterable, Sequence

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

BOM = "\ufeff"
FIXED_TIME = datetime.datetime(2000, 1, 1, 0, 0, 0)  # no wall-clock time in the output
MIN_WIDTH, MAX_WIDTH = 8, 80

Row = Sequence[object]


def csv_bytes(header: Sequence[str], rows: Iterable[Row]) -> bytes:
    """UTF-8 with BOM, RFC 4180 (minimal quoting, CRLF); None is an empty field."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    writer.writerows(["" if v is None else v for v in row] for row in rows)
    return (BOM + out.getvalue()).encode("utf-8")


def xlsx_bytes(title: str, header: Sequence[str], rows: Sequence[Row]) -> bytes:
    """One sheet `title`: bold frozen header row with a filter, column widths from the contents."""
    book = Workbook(write_only=True)
    book.properties.creator = "nkpk-site"
    book.properties.created = FIXED_TIME
    book.properties.modified = FIXED_TIME
    sheet = book.create_sheet(title)
    for index, width in enumerate(_widths(header, rows), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(rows) + 1}"
    bold = Font(bold=True)
    cells = []
    for name in header:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = bold
        cells.append(cell)
    sheet.append(cells)
    for row in rows:
        sheet.append([_text_cell(sheet, v) if isinstance(v, str) and v.startswith("=") else v for v in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return normalise_zip(buffer.getvalue())


def _text_cell(sheet, value: str) -> WriteOnlyCell:
    """A text that starts with `=` stays text: openpyxl would write it as a formula."""
    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"
    return cell


def _widths(header: Sequence[str], rows: Sequence[Row]) -> list[float]:
    widest = [len(name) for name in header]
    for row in rows:
        for index, value in enumerate(row):
            if value is not None and len(str(value)) > widest[index]:
                widest[index] = len(str(value))
    return [min(MAX_WIDTH, max(MIN_WIDTH, width + 2)) for width in widest]


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
