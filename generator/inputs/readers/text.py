"""Reader for delimited text files (`CODE<TAB>text`, `CODE;text`)."""

from __future__ import annotations

from itertools import islice, repeat
from typing import Iterable

from ..clean import decode_text
from ..diagnostics import Diagnostic, InputError, Location
from .base import FileResult, FileSpec
from .columns import column_letter
from .rows import Record, assemble

DELIMITERS = ("\t", ";")
_DELIMITER_ALIASES = {"tab": "\t", "\\t": "\t", "semicolon": ";", "comma": ",", "pipe": "|"}
_SAMPLE_LINES = 50


def read_text(spec: FileSpec) -> FileResult:
    """Read one delimited text file into cleaned rows and report notes."""
    records, encoding, notes = text_records(spec)
    rows, row_notes = assemble(spec, records, cell_name)
    return FileResult(spec, tuple(rows), notes + tuple(row_notes), encoding)


def text_records(spec: FileSpec) -> tuple[Iterable[Record], str, tuple[Diagnostic, ...]]:
    """A text file's numbered lines split into raw fields, with its encoding and the notes of decoding it."""
    data = _read_bytes(spec)
    text, encoding, notes = decode_text(data, spec.display, spec.encoding)
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # the line end of the last line does not start another line
    delimiter = _delimiter(spec) or _pipe(lines) or detect_delimiter(lines, spec.path.suffix.lower() == ".csv")
    return _records(lines, delimiter, '"' in text), encoding, notes


def _pipe(lines: list[str]) -> str | None:
    """'|' for a file whose first non-blank line is split by pipes alone (the pipe-separated official export)."""
    first = next((line for line in lines if line.strip()), "")
    return "|" if "|" in first and "\t" not in first and ";" not in first else None


def _read_bytes(spec: FileSpec) -> bytes:
    try:
        return spec.path.read_bytes()
    except OSError as exc:
        raise InputError(Location(spec.display), f"cannot read file: {exc.strerror or exc}") from None


def _delimiter(spec: FileSpec) -> str | None:
    if not spec.delimiter:
        return None
    value = _DELIMITER_ALIASES.get(spec.delimiter.strip().casefold(), spec.delimiter)
    if len(value) != 1 or value in "\"\n\r":
        raise InputError(Location(spec.display), f"delimiter must be one character such as ';' or a tab, not {spec.delimiter!r}")
    return value


def detect_delimiter(lines: list[str], prefer_semicolon: bool = False) -> str:
    """TAB or ';', by a vote of the first non-blank lines.

    Each line votes for whichever of the two comes first in it: the code comes
    first, so the delimiter right after it wins even if the text contains the
    other character. Ties (including no votes) go to ';' for .csv files and to
    TAB otherwise.
    """
    votes = {"\t": 0, ";": 0}
    for line in islice((line for line in lines if line.strip()), _SAMPLE_LINES):
        found = [(line.find(d), d) for d in DELIMITERS if d in line]
        if found:
            votes[min(found)[1]] += 1
    if votes["\t"] == votes[";"]:
        return ";" if prefer_semicolon else "\t"
    return "\t" if votes["\t"] > votes[";"] else ";"


def _records(lines: list[str], delimiter: str, quotes: bool) -> Iterable[Record]:
    """Numbered lines split into fields; without a quote in the file, a plain split does it."""
    if not quotes:
        return enumerate(map(str.split, lines, repeat(delimiter)), 1)
    return ((number, split_fields(line, delimiter)) for number, line in enumerate(lines, 1))


def cell_name(index: int, line: int) -> str:
    return f"column {column_letter(index)}"


def split_fields(line: str, delimiter: str) -> list[str]:
    """Split one line into raw fields, quotes kept.

    As in CSV, a field that starts with a quote runs to its closing quote
    (`""` inside is a quote), so it may contain the delimiter. A quote that
    closes before the field ends (`"Single-breath" med test`) is no quoting:
    such a field simply runs to the next delimiter.
    """
    if '"' not in line:
        return line.split(delimiter)
    fields: list[str] = []
    start = 0
    while True:
        end = _quoted_end(line, start, delimiter)
        if end < 0:
            end = line.find(delimiter, start)
        if end < 0 or end == len(line):
            fields.append(line[start:])
            return fields
        fields.append(line[start:end])
        start = end + 1


def _quoted_end(line: str, start: int, delimiter: str) -> int:
    """Where a field quoted whole, starting at `start`, ends; -1 if it is not one.

    The result is the index of the delimiter after the closing quote, or
    len(line) when the quoted field ends the line.
    """
    if not line.startswith('"', start):
        return -1
    pos = start + 1
    while True:
        pos = line.find('"', pos)
        if pos < 0:
            return -1
        if line.startswith('""', pos):
            pos += 2
            continue
        after = pos + 1
        if after == len(line) or line[after] == delimiter:
            return after
        return -1
