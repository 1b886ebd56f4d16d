"""The English texts of NCSP (Nordic common version, NOMESCO): `english:` in the manifest.

The file is the Nordic maintenance system's export of its NCSP table:
Windows-1252, no header, one row a line, 14 fields separated by `;`, text
fields in double quotes (a text may hold `;` inside them). By position:
1 CHADATE, 2 USEDATE, 3 RELDATE, 4 RELEASED, 5 SUBST, 6 CODE, 7 HEADLINE
(`T`/`F`), 8 TEXT, 9 TEXT_2, 10 SHORT, 11 NCSP, 12 NC, 13 ENGLISH, 14 OLD.

The text of a code is TEXT, continued by TEXT_2 (which in practice repeats
TEXT or is empty). TEXT is cut at 125 characters where ENGLISH holds the
whole text: then ENGLISH is taken. Where ENGLISH says something else, TEXT is
kept (ENGLISH is the older text there) and the difference noted.

Every row ends up as a code's text or in the report: heading rows (`T`:
not codes), the row without a code, rows without a text. An unreadable file,
a row that is not 14 fields, an unknown HEADLINE value, a code that is not
capital letters and digits, or a code given twice stops the build with the
file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .clean import clean_text
from .diagnostics import Diagnostic, InputError, Location

FIELDS = 14
CODE, HEADLINE, TEXT, TEXT_2, ENGLISH = 5, 6, 7, 8, 12  # 0-based positions
_FIELD = re.compile(r'"([^"]*)"|([^;"]*)')
_CODE = re.compile(r"[A-Z0-9]{1,7}")


@dataclass(frozen=True)
class EnglishRow:
    """One code's English text as the file has it, cleaned."""

    code: str
    text: str
    where: Location


@dataclass(frozen=True)
class EnglishFile:
    """The codes' texts in file order and the report notes (headings, the row without a code, cleaning)."""

    display: str
    rows: tuple[EnglishRow, ...]
    notes: tuple[Diagnostic, ...]
    lines: int  # rows read


def read_english(path: Path, display: str) -> EnglishFile:
    """Read the file; InputError naming the file and line on anything it cannot take."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(Location(display), f"English texts not readable: {exc.strerror or exc}") from None
    notes: list[Diagnostic] = []
    if data.startswith(b"\xef\xbb\xbf"):
        raise InputError(Location(display, 1), "a UTF-8 byte-order mark: the English texts are Windows-1252")
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    rows: list[EnglishRow] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(lines, 1):
        where = Location(display, number)
        row = _row(_fields(_decode(raw, where), where), where, notes)
        if row is None:
            continue
        if row.code in seen:
            raise InputError(where, f"code {row.code} is given twice (also line {seen[row.code]})")
        seen[row.code] = number
        rows.append(row)
    return EnglishFile(display, tuple(rows), tuple(notes), len(lines))


def _decode(raw: bytes, where: Location) -> str:
    if raw.endswith(b"\r"):
        raw = raw[:-1]  # documented as CRLF-free; a file saved with CRLF reads the same
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise InputError(where, f"undecodable byte 0x{raw[exc.start]:02x} at line {where.line}, column {exc.start + 1} "
                                "(the file is Windows-1252)") from None


def _fields(line: str, where: Location) -> list[str]:
    """The line's fields, unquoted: a quoted field may hold `;`; anything else is malformed."""
    fields: list[str] = []
    position = 0
    while True:
        match = _FIELD.match(line, position)
        assert match is not None  # the second alternative matches the empty string
        fields.append(match.group(1) if match.group(1) is not None else match.group(2))
        position = match.end()
        if position == len(line):
            break
        if line[position] != ";":
            raise InputError(where, f"malformed field {len(fields)}: unbalanced double quote at column {position + 1}")
        position += 1
    if len(fields) != FIELDS:
        raise InputError(where, f"expected {FIELDS} fields separated by ';', found {len(fields)}")
    return fields


def _row(fields: list[str], where: Location, notes: list[Diagnostic]) -> EnglishRow | None:
    """The code's row, or None for a row that is noted instead (heading, no code, no text)."""
    code = fields[CODE].strip()
    headline = fields[HEADLINE]
    if headline not in ("T", "F"):
        raise InputError(where, f"field 7 (HEADLINE) must be T or F, not {headline!r}")
    if code and not _CODE.fullmatch(code):
        raise InputError(where, f"field 6 (CODE) must be capital letters and digits, not {code!r}")
    cell = Location(where.file, where.line, code)
    text = _text(fields, cell, notes)
    if headline == "T":
        notes.append(Diagnostic(cell, "english-heading", f"a heading of the Nordic version, not a code: {text}"))
        return None
    if not code:
        notes.append(Diagnostic(where, "english-no-code", f"a row without a code: {text}"))
        return None
    if not text:
        notes.append(Diagnostic(cell, "english-no-text", f"{code} has no English text"))
        return None
    return EnglishRow(code, text, where)


def _text(fields: list[str], where: Location, notes: list[Diagnostic]) -> str:
    """TEXT with its continuation, or ENGLISH where TEXT is cut short; cleaned."""
    text, more_notes = clean_text(fields[TEXT], where)
    notes.extend(more_notes)
    more, _ = clean_text(fields[TEXT_2], where)
    if more and more == text:
        notes.append(Diagnostic(where, "english-repeated", "TEXT_2 repeats TEXT; read once"))
    elif more:
        text = f"{text} {more}"
    english, _ = clean_text(fields[ENGLISH], where)
    if english and english != text and english.startswith(text):
        detail = f"TEXT cut short ({len(text)} characters); the whole text from ENGLISH"
        notes.append(Diagnostic(where, "english-completed", detail))
        return english
    if english and english != text:
        notes.append(Diagnostic(where, "english-differs", f"ENGLISH reads {english!r}; TEXT kept"))
    return text
