"""The JSON download of the official code-system service: an array of objects, one per row.

The keys of the objects are the column names with underscores (`Kode`,
`Tekst_uten_lengdebegrensning`, `Gyldig_fra`, ...). The array becomes a
header (every key, in the order first seen) and one record per object, so
that it is read like the Excel and text downloads. A record's line is the
line of the file where its object starts; its cells are named by their keys.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Sequence

from ..clean import decode_text
from ..diagnostics import Diagnostic, InputError, Location
from .base import FileSpec
from .rows import Record


@dataclass(frozen=True)
class JsonRecords:
    """A JSON download as numbered records: the header first, then one record per object."""

    records: tuple[Record, ...]
    keys: tuple[str, ...]
    encoding: str
    notes: tuple[Diagnostic, ...]

    def cell_name(self, index: int, line: int) -> str:
        return self.keys[index] if index < len(self.keys) else f"key {index + 1}"


def json_records(spec: FileSpec) -> JsonRecords:
    """Read a JSON download; refuse anything but an array of objects, naming the file and the item."""
    where = Location(spec.display)
    try:
        data = spec.path.read_bytes()
    except OSError as exc:
        raise InputError(where, f"cannot read file: {exc.strerror or exc}") from None
    text, encoding, notes = decode_text(data, spec.display, spec.encoding)
    try:
        items = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(Location(spec.display, exc.lineno), f"not valid JSON: {exc.msg} (column {exc.colno})") from None
    if not isinstance(items, list):
        raise InputError(where, f"expected a JSON array of objects (one per code), not a JSON {_kind(items)}")
    for number, item in enumerate(items, 1):
        if not isinstance(item, dict):
            raise InputError(where, f"item {number} of the array is a JSON {_kind(item)}, not an object")
    if not items:
        raise InputError(where, "no code rows found (the array is empty)")
    keys = tuple(dict.fromkeys(key for item in items for key in item))
    lines = _object_lines(text, len(items))
    header: Record = (max(1, text.count("\n", 0, text.find("[")) + 1), list(keys))
    rows = [(line, [_cell(item.get(key)) for key in keys]) for line, item in zip(lines, items)]
    return JsonRecords((header, *rows), keys, encoding, notes)


def _object_lines(text: str, count: int) -> Sequence[int]:
    """The line on which each object of the top-level array starts."""
    decoder = json.JSONDecoder()
    lines: list[int] = []
    pos, line, counted = text.index("[") + 1, 1, 0
    for _ in range(count):
        while text[pos] in " \t\r\n,":
            pos += 1
        line += text.count("\n", counted, pos)
        counted = pos
        lines.append(line)
        _, pos = decoder.raw_decode(text, pos)
    return lines


def _cell(value: Any) -> str:
    """A JSON value as the text of a cell: null empty, booleans true/false, integral numbers without .0."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (str, int, float)):
        return str(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _kind(value: Any) -> str:
    names = {dict: "object", list: "array", str: "string", bool: "boolean", int: "number", float: "number"}
    return names.get(type(value), "null" if value is None else type(value).__name__)
