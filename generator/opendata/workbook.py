"""Our own XLSX writer: one sheet of SpreadsheetML written straight into a zip, a row at a time.

What it writes is what the harmonised tables need and no more: one sheet,
a bold header row (the one style besides the default, in a minimal
styles.xml), the header frozen (the pane at A2) and filtered (`autoFilter`
plus the hidden `_xlnm._FilterDatabase` name, as Excel writes it), column
widths, and the cells as typed: texts as inline strings (`t="inlineStr"`),
numbers as numbers, booleans as booleans; None and "" leave the cell out.

Texts are escaped as XlsxWriter escapes them, so that every reader sees the
same values in our files as in XlsxWriter's: `&<>` as entities, control
characters as `_xHHHH_` (and a literal `_xHHHH_` with its underscore as
`_x005F_`), leading or trailing white space kept with `xml:space`. Numbers
are written as XlsxWriter writes them (`%.16G`). A text longer than a cell
holds (32,767 UTF-16 units) is cut there, as XlsxWriter cuts it. Where
XlsxWriter went wrong we do not follow it: a text like `<r>x</r>` stays
text (its constant-memory mode writes it as rich-text markup), and the
cells after a cut text stay in their row (its `write_row` stops there).

The zip entries have fixed times and attributes and the document fixed
dates, so the same rows give the same bytes. Measured against openpyxl,
XlsxWriter and PyExcelerate in bench/xlsx.py (figures in bench/README.md).
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Iterable, Iterator, Sequence

FIXED_DATE = (2000, 1, 1, 0, 0, 0)  # zip entry times; no wall-clock time in the output
STAMP = "2000-01-01T00:00:00Z"  # docProps/core.xml created and modified
LEVEL = 6  # zlib level (bench/README.md, "Workbook writers")
CHUNK = 2000  # rows per piece handed to the compressor
CELL_MAX = 32767  # UTF-16 units in a cell (Excel's limit)

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_DOC = "http://schemas.openxmlformats.org/officeDocument/2006"
_PKG = "http://schemas.openxmlformats.org/package/2006"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_TYPE = "application/vnd.openxmlformats-"
_TYPES = (
    f'{_HEAD}<Types xmlns="{_PKG}/content-types">'
    f'<Default Extension="rels" ContentType="{_TYPE}package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{_TYPE}officedocument.spreadsheetml.sheet.main+xml"/>'
    f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_TYPE}officedocument.spreadsheetml.worksheet+xml"/>'
    f'<Override PartName="/xl/styles.xml" ContentType="{_TYPE}officedocument.spreadsheetml.styles+xml"/>'
    f'<Override PartName="/docProps/core.xml" ContentType="{_TYPE}package.core-properties+xml"/>'
    f'<Override PartName="/docProps/app.xml" ContentType="{_TYPE}officedocument.extended-properties+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    f'{_HEAD}<Relationships xmlns="{_PKG}/relationships">'
    f'<Relationship Id="rId1" Type="{_DOC}/relationships/officeDocument" Target="xl/workbook.xml"/>'
    f'<Relationship Id="rId2" Type="{_PKG}/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
    f'<Relationship Id="rId3" Type="{_DOC}/relationships/extended-properties" Target="docProps/app.xml"/>'
    "</Relationships>"
)
_BOOK_RELS = (
    f'{_HEAD}<Relationships xmlns="{_PKG}/relationships">'
    f'<Relationship Id="rId1" Type="{_DOC}/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_DOC}/relationships/styles" Target="styles.xml"/>'
    "</Relationships>"
)
_CORE = (
    f'{_HEAD}<cp:coreProperties xmlns:cp="{_PKG}/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    "<dc:creator>nkpk-site</dc:creator><cp:lastModifiedBy>nkpk-site</cp:lastModifiedBy>"
    f'<dcterms:created xsi:type="dcterms:W3CDTF">{STAMP}</dcterms:created>'
    f'<dcterms:modified xsi:type="dcterms:W3CDTF">{STAMP}</dcterms:modified></cp:coreProperties>'
)
_FONT = '<sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/>'
_STYLES = (
    f'{_HEAD}<styleSheet xmlns="{_MAIN}">'
    f'<fonts count="2"><font>{_FONT}</font><font><b/>{_FONT}</font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)
_MARGINS = '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
_BAD_TITLE = re.compile(r"[\[\]:*?/\\]")
# A sheet name in a reference is quoted unless it is plainly a name (as Excel and XlsxWriter write it).
_BARE = re.compile(r"[A-Za-z_][A-Za-z0-9_.]*").fullmatch
_LIKE_REFERENCE = re.compile(r"[A-Za-z]{1,3}[0-9]+|[Rr][0-9]*([Cc][0-9]*)?|[Cc][0-9]*").fullmatch

_ESCAPED = re.compile(r"(_x[0-9a-fA-F]{4}_)")
_CONTROL = re.compile(r"([\x00-\x08\x0b-\x1f])")
_LEADING, _TRAILING = re.compile(r"^\s").search, re.compile(r"\s$").search


def workbook_bytes(title: str, header: Sequence[str], rows: Sequence[Sequence[object]], widths: Sequence[float],
                   level: int = LEVEL) -> bytes:
    """The XLSX file of one sheet `title`: the bold header row frozen and filtered, then `rows`."""
    if not header or len(widths) != len(header):
        raise ValueError("a workbook needs a header and a width for each of its columns")
    if not 0 < len(title) <= 31 or _BAD_TITLE.search(title) or title[0] == "'" or title[-1] == "'":
        raise ValueError(f"not a worksheet name Excel takes: {title!r}")
    letters = [column_letter(n) for n in range(len(header))]
    span = f"A1:{letters[-1]}{len(rows) + 1}"
    parts = {
        "[Content_Types].xml": _TYPES,
        "_rels/.rels": _ROOT_RELS,
        "docProps/app.xml": _app(title),
        "docProps/core.xml": _CORE,
        "xl/workbook.xml": _workbook(title, f"$A$1:${letters[-1]}${len(rows) + 1}"),
        "xl/_rels/workbook.xml.rels": _BOOK_RELS,
        "xl/styles.xml": _STYLES,
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as book:
        for name, text in parts.items():
            book.writestr(_entry(name, level), text.encode("utf-8"))
        with book.open(_entry("xl/worksheets/sheet1.xml", level), "w") as sheet:
            for piece in _sheet(header, rows, widths, letters, span):
                sheet.write(piece.encode("utf-8"))
    return out.getvalue()


def _entry(name: str, level: int) -> zipfile.ZipInfo:
    entry = zipfile.ZipInfo(name, date_time=FIXED_DATE)
    entry.compress_type = zipfile.ZIP_DEFLATED
    entry._compresslevel = level  # no public name before Python 3.13 (compress_level, which keeps this alias)
    entry.create_system = 3
    entry.external_attr = 0o644 << 16
    return entry


def column_letter(index: int) -> str:
    """A for 0, Z for 25, AA for 26."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _app(title: str) -> str:
    return (
        f'{_HEAD}<Properties xmlns="{_DOC}/extended-properties" xmlns:vt="{_DOC}/docPropsVTypes">'
        "<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
        '<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr>'
        "</vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs>"
        f'<TitlesOfParts><vt:vector size="1" baseType="lpstr"><vt:lpstr>{_attribute(title)}</vt:lpstr>'
        "</vt:vector></TitlesOfParts><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
        "<HyperlinksChanged>false</HyperlinksChanged><AppVersion>12.0000</AppVersion></Properties>"
    )


def _workbook(title: str, cells: str) -> str:
    sheet = title if _BARE(title) and not _LIKE_REFERENCE(title) else "'" + title.replace("'", "''") + "'"
    return (
        f'{_HEAD}<workbook xmlns="{_MAIN}" xmlns:r="{_DOC}/relationships">'
        f'<bookViews><workbookView xWindow="240" yWindow="15" windowWidth="16095" windowHeight="9660"/></bookViews>'
        f'<sheets><sheet name="{_attribute(title)}" sheetId="1" r:id="rId1"/></sheets>'
        f'<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'
        f"{_attribute(sheet)}!{cells}</definedName></definedNames>"
        '<calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>'
    )


def _attribute(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _sheet(header, rows, widths, letters: list[str], span: str, write_rows=None) -> Iterator[str]:
    """The worksheet's XML in pieces: the start, the header row, CHUNK rows at a time (`write_rows`,
    by default `_rows`), the end."""
    write_rows = write_rows or _rows
    cols = "".join(f'<col min="{first}" max="{last}" width="{_char_width(w):.16g}" customWidth="1"/>'
                   for first, last, w in _runs(widths))
    yield (
        f'{_HEAD}<worksheet xmlns="{_MAIN}" xmlns:r="{_DOC}/relationships"><dimension ref="{span}"/>'
        '<sheetViews><sheetView tabSelected="1" workbookViewId="0">'
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
        '<selection pane="bottomLeft"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>'
        f"<cols>{cols}</cols><sheetData>"
    )
    yield '<row r="1">' + "".join(_cell(f"{c}1", v, ' s="1"') for c, v in zip(letters, header)) + "</row>"
    for start in range(0, len(rows), CHUNK):
        yield "".join(write_rows(rows[start:start + CHUNK], start + 2, letters))
    yield f'</sheetData><autoFilter ref="{span}"/>{_MARGINS}</worksheet>'


def _runs(widths: Sequence[float]) -> Iterator[tuple[int, int, float]]:
    """(first, last column, from 1; width) of each run of neighbouring columns of one width, as Excel writes them."""
    first = 1
    for column in range(1, len(widths) + 1):
        if column == len(widths) or widths[column] != widths[first - 1]:
            yield first, column, widths[first - 1]
            first = column + 1


def _char_width(width: float) -> float:
    """A width in characters as Excel stores it (whole pixels of a 7-pixel digit and 5 of padding)."""
    pixels = int(width * 7 + 0.5) + 5
    return (pixels * 256 // 7) / 256.0


def _rows(rows: Iterable[Sequence[object]], first: int, letters: list[str]) -> Iterator[str]:
    """Each row's XML as one string; the common cells (plain text, small ints) inline, the rest by _cell."""
    for number, row in enumerate(rows, start=first):
        at = str(number)
        cells = [f'<row r="{at}">']
        for letter, value in zip(letters, row):
            kind = value.__class__
            if kind is str:
                # Plain: no control character or the like, nothing to escape, no white space to keep
                # (strip() gives back the same string when there is nothing to strip), not too long.
                if (value.isprintable() and "&" not in value and "<" not in value and ">" not in value
                        and "_x" not in value and value.strip() is value and len(value) < CELL_MAX // 2):
                    if value:
                        cells.append(f'<c r="{letter}{at}" t="inlineStr"><is><t>{value}</t></is></c>')
                elif value:
                    cells.append(_cell(letter + at, value))
            elif kind is int and -10**15 < value < 10**15:
                cells.append(f'<c r="{letter}{at}"><v>{value}</v></c>')
            elif value is not None:
                cells.append(_cell(letter + at, value))
        cells.append("</row>")
        yield "".join(cells)


def _cell(ref: str, value: object, style: str = "") -> str:
    """One cell of any type we write ("" for None and the empty text: no cell)."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return f'<c r="{ref}"{style} t="b"><v>{int(value)}</v></c>'
    if isinstance(value, (int, float)):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError(f"cell {ref}: {value} is not a number a workbook can hold")
        return f'<c r="{ref}"{style}><v>{value:.16G}</v></c>'
    if not isinstance(value, str):
        raise TypeError(f"cell {ref}: cannot write a {type(value).__name__} to a workbook")
    return f'<c r="{ref}"{style} t="inlineStr"><is>{_text(value)}</is></c>'


def _text(value: str) -> str:
    """The <t> element of a text: cut to what a cell holds, escaped as XlsxWriter escapes it."""
    if len(value) > CELL_MAX // 2 and len(value.encode("utf-16-le")) // 2 > CELL_MAX:
        value = value.encode("utf-16-le")[: CELL_MAX * 2].decode("utf-16-le", errors="ignore")
    value = _ESCAPED.sub(r"_x005F\1", value)
    value = _CONTROL.sub(lambda match: f"_x{ord(match.group(1)):04X}_", value)
    value = value.replace("\ufffe", "_xFFFE_").replace("\uffff", "_xFFFF_")
    preserve = ' xml:space="preserve"' if _LEADING(value) or _TRAILING(value) else ""
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f"<t{preserve}>{value}</t>"
