"""Tables as files: CSV for programs and Excel, and XLSX workbooks, both byte for byte reproducible.

CSV is UTF-8 with a byte-order mark (so that Excel reads the letters right)
and RFC 4180 quoting: fields with a comma, a quote or a line break are
quoted, quotes doubled, lines end in CRLF.

The workbook is written by our own writer (workbook.py: SpreadsheetML
streamed row by row straight into the zip, six times faster than XlsxWriter
in constant-memory mode, the fastest library measured; see bench/xlsx.py and
bench/README.md): one sheet, a frozen and filtered bold header row, column
widths from the longest value (within limits), and every value as typed
(texts and codes as text, also `=1+2` and `0001`; years as numbers). The
zip entries' times and attributes and the document's dates are fixed, so the
same rows give the same bytes.
"""

from __future__ import annotations

import csv
import io
from typing import Iterable, Sequence

from .workbook import workbook_bytes

BOM = "\ufeff"
MIN_WIDTH, MAX_WIDTH = 8, 80

Row = Sequence[object]


def csv_bytes(header: Sequence[str], rows: Iterable[Row]) -> bytes:
    """UTF-8 with BOM, RFC 4180 (minimal quoting, CRLF); None is an empty field.

    Encoded as the rows are written (the all-releases table of a national corpus is over 100 MB):
    the text is never held whole, once more with the BOM, and again as bytes.
    """
    buffer = io.BytesIO()
    out = io.TextIOWrapper(buffer, encoding="utf-8", newline="", write_through=False)
    out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    writer.writerows(["" if v is None else v for v in row] for row in rows)
    out.flush()
    data = buffer.getvalue()
    out.detach()
    return data


def xlsx_bytes(title: str, header: Sequence[str], rows: Sequence[Row]) -> bytes:
    """One sheet `title`: bold frozen header row with a filter, column widths from the contents."""
    return workbook_bytes(title, header, rows, _widths(header, rows))


def _widths(header: Sequence[str], rows: Sequence[Row]) -> list[float]:
    widest = [len(name) for name in header]
    for row in rows:
        for index, value in enumerate(row):
            if value is not None and len(str(value)) > widest[index]:
                widest[index] = len(str(value))
    return [min(MAX_WIDTH, max(MIN_WIDTH, width + 2)) for width in widest]
