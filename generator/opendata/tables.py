"""Tables as files: CSV for programs and Excel, and XLSX workbooks, both byte for byte reproducible.

CSV is UTF-8 with a byte-order mark (so that Excel reads the letters right)
and RFC 4180 quoting: fields with a comma, a quote or a line break are
quoted, quotes doubled, lines end in CRLF.

The workbook is written by XlsxWriter in constant-memory mode (rows are
streamed out as they are written; the fastest correct writer measured, see
bench/xlsx.py and bench/README.md): one sheet, a frozen and filtered header
row, column widths from the longest value (within limits), and every value
as typed (texts and codes as text, also `=1+2` and `0001`; years as numbers).
The workbook's dates are fixed, and so are the zip entries' times and
attributes (`normalise_zip`), so the same rows give the same bytes.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
import zipfile
from typing import Iterable, Sequence

import xlsxwriter

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
    buffer = io.BytesIO()
    # Values stay as typed: no text is taken for a number, a formula or a link.
    options = {"constant_memory": True, "strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False}
    book = xlsxwriter.Workbook(buffer, options)
    book.set_properties({"author": "nkpk-site", "created": FIXED_TIME})
    sheet = book.add_worksheet(title)
    for index, width in enumerate(_widths(header, rows)):
        sheet.set_column(index, index, width)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, len(rows), len(header) - 1)
    sheet.write_row(0, 0, header, book.add_format({"bold": True}))
    for number, row in enumerate(rows, start=1):
        sheet.write_row(number, 0, row)
    book.close()
    return normalise_zip(buffer.getvalue())


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
