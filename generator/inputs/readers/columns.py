"""Which column holds what: header detection, loose header matching, layouts.

Both readers turn their input into numbered rows of raw string cells and hand
them to `rows.assemble`, which finds the header (if any) here, maps the roles
`code`, `text` and `system` to columns, and cleans every row into a SourceRow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Sequence

from ..clean import BOM, CODE_RE, unquote
from ..diagnostics import InputError, Location
from .base import FileSpec

_ROLE_NAMES = {
    "code": ("kode", "code", "prosedyrekode", "kodeverdi", "procedure code"),
    "text": (
        "tekst", "kodetekst", "code text", "codetext", "text", "beskrivelse",
        "kodebeskrivelse", "kodetekst fullstendig", "fulltekst", "term",
        "tekst uten lengdebegrensning",  # the full text of the official FAT/FinnKode exports
    ),
    "system": ("kodeverk", "code type", "codetype", "kodesystem", "code system", "system"),
    # change documents
    "change": ("endringstype", "endring", "type endring", "change type", "changetype", "change"),
    "successor": (
        "erstattet av", "erstattes av", "ny kode", "erstatning", "erstatningskode",
        "replaced by", "replacement", "successor", "new code",
    ),
    # optional columns of the official workbooks (generator/inputs/details.py)
    "text60": (
        "tekst 60", "kort tekst", "kodetekst 60 tegn", "tekst 60 tegn", "kodetekst 60", "short text", "text 60",
    ),
    "valid_from": ("gyldig fra", "fra dato", "gyldig fra dato", "valid from", "start date", "fom"),
    "valid_to": ("gyldig til", "til dato", "gyldig til dato", "valid to", "end date", "tom"),
    "addon": ("tilleggskode", "add-on code", "addon code", "add-on", "addon"),
    "gender": ("kjønn", "kjønnsspesifikk", "kjønnsspesifikk kode", "gender", "sex"),
    "inclusion": ("inklusiv", "inklusive", "inkluderer", "omfatter", "inclusion", "includes"),
    "exclusion": ("eksklusiv", "eksklusive", "ekskluderer", "exclusion", "excludes"),
    "note": ("merknad", "merknader", "kommentar", "note", "notes"),
    "npr": ("rapporteres npr", "npr", "rapporteres til npr", "reported to npr"),
    # the heading above a row in the official exports (readers/export.py)
    "parent": ("foreldrekode", "overordnet kode", "parent code", "parent"),
}
ROLES = tuple(_ROLE_NAMES)
# Optional columns are also found by a telling part of their header ("Gyldig fra dato (f.o.m.)").
_LOOSE_ROLES = (
    ("text60", re.compile(r"(tekst|text).*60|60.*(tegn|tekst|text|char)")),
    ("valid_from", re.compile(r"(gyldig|valid)(fra|from|fom)|^(fra|fom|from|start)dato")),
    ("valid_to", re.compile(r"(gyldig|valid)(til|to|tom)|^(til|tom|slutt|utløp)dato")),
    ("addon", re.compile(r"tilleggskode|addon")),
    ("gender", re.compile(r"kjønn|kjonn|gender")),
    ("inclusion", re.compile(r"^(inklu|inclu|omfatter)")),
    ("exclusion", re.compile(r"^(eksklu|exclu)")),
    ("note", re.compile(r"^(merknad|kommentar|remark)")),
    ("npr", re.compile(r"npr")),
)
REQUIRED = {"codes": ("code", "text"), "changes": ("code", "change")}
_ROW_ROLES = frozenset({"code", "text", "system"})  # the roles every row has its own field for
_LETTERS_RE = re.compile(r"[A-Za-z]{1,2}")
_DIGIT_RE = re.compile(r"[0-9]")


def header_key(cell: str) -> str:
    """Loose form of a header: case-folded, only letters and digits kept."""
    return "".join(ch for ch in cell.casefold() if ch.isalnum())


_KEY_ROLE = {header_key(name): role for role, names in _ROLE_NAMES.items() for name in names}


def header_role(cell: str) -> str | None:
    """The role (`code`, `text`, `system`) a header cell names, if any."""
    return _KEY_ROLE.get(header_key(cell))


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def column_index(letters: str) -> int:
    """A -> 0, AA -> 26."""
    index = 0
    for ch in letters.upper():
        index = index * 26 + ord(ch) - ord("A") + 1
    return index - 1


def is_letter_ref(value: str) -> bool:
    return bool(_LETTERS_RE.fullmatch(value.strip()))


def looks_like_code(cell: str) -> bool:
    """True for a cell that reads as a code (has a digit; header names never do)."""
    value = "".join(unquote(cell.replace(BOM, "").strip()).split()).upper()
    return bool(CODE_RE.fullmatch(value) and _DIGIT_RE.search(value)) and header_role(cell) is None


def is_header_row(cells: Sequence[str]) -> bool:
    """A row is a header if a cell names the code or text role and none is a code."""
    roles = {header_role(cell) for cell in cells}
    if not roles & {"code", "text", "change"}:
        return False
    return not any(looks_like_code(cell) for cell in cells)


@dataclass(frozen=True)
class Layout:
    """Column of each role (0-based), the expected width and the header line (0: none).

    The columns of code, text and system, and the optional columns, are worked
    out once here, since every row asks for them.
    """

    roles: tuple[tuple[str, int], ...]
    width: int
    header_line: int = 0
    code_column: int = field(init=False, repr=False, compare=False)
    text_column: int | None = field(init=False, repr=False, compare=False)
    system_column: int | None = field(init=False, repr=False, compare=False)
    optional_columns: tuple[tuple[str, int], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        columns = dict(self.roles)
        object.__setattr__(self, "code_column", columns.get("code"))
        object.__setattr__(self, "text_column", columns.get("text"))
        object.__setattr__(self, "system_column", columns.get("system"))
        optional = tuple((role, index) for role, index in self.roles if role not in _ROW_ROLES)
        object.__setattr__(self, "optional_columns", optional)


def default_layout(spec: FileSpec, where: Location) -> Layout:
    """Layout of a file without a header: A = code, B = text (or change), or letters from spec.columns."""
    found = {"code": 0, REQUIRED[spec.kind][1]: 1}
    for role, ref in spec.columns.items():
        if not is_letter_ref(ref):
            raise InputError(where, f"columns: {role} = {ref!r} names a header, but the file has no header row")
        found[role] = column_index(ref.strip())
    width = max(found.values()) + 1
    return Layout(tuple(sorted(found.items())), width)


def header_layout(spec: FileSpec, cells: Sequence[str], where: Location) -> Layout:
    """Layout from a header row; spec.columns (header names or letters) take precedence."""
    width = _used_width(cells)
    shown = ", ".join(repr(c.strip()) for c in cells[:width] if c.strip()) or "none"
    found: dict[str, int] = {}
    for role in ROLES:
        ref = spec.columns.get(role)
        index = _column_of(role, ref, cells, width, where, shown) if ref else _auto_column(role, cells, where)
        if index is not None:
            found[role] = index
    missing = [role for role in REQUIRED[spec.kind] if role not in found]
    if missing:
        raise InputError(
            where,
            f"header row has no {' or '.join(missing)} column (headers found: {shown}); "
            "name the columns under 'columns' in the manifest",
        )
    return Layout(tuple(sorted(found.items())), width, where.line)


def _used_width(cells: Sequence[str]) -> int:
    width = len(cells)
    while width and not cells[width - 1].strip():
        width -= 1
    return width


def _column_of(role: str, ref: str, cells: Sequence[str], width: int, where: Location, shown: str) -> int:
    if is_letter_ref(ref):
        index = column_index(ref.strip())
        if index >= width:
            raise InputError(where, f"columns: {role} = {ref!r} is beyond the header (headers found: {shown})")
        return index
    matches = [i for i, cell in enumerate(cells) if header_key(cell) == header_key(ref)]
    if len(matches) != 1:
        problem = "matches no header" if not matches else "matches more than one header"
        raise InputError(where, f"columns: {role} = {ref!r} {problem} (headers found: {shown})")
    return matches[0]


def loose_role(cell: str) -> str | None:
    """The optional column a header names loosely ("Kodetekst (60 tegn)"), if no role matches exactly."""
    key = header_key(cell)
    if not key or header_role(cell) is not None:
        return None
    return next((role for role, pattern in _LOOSE_ROLES if pattern.search(key)), None)


def _auto_column(role: str, cells: Sequence[str], where: Location) -> int | None:
    matches = [i for i, cell in enumerate(cells) if header_role(cell) == role]
    if not matches:
        matches = [i for i, cell in enumerate(cells) if loose_role(cell) == role]
    if len(matches) > 1:
        names = ", ".join(repr(cells[i].strip()) for i in matches)
        raise InputError(
            where, f"more than one {role} column ({names}); choose one under 'columns' in the manifest"
        )
    return matches[0] if matches else None


def first_layout(spec: FileSpec, cells: Sequence[str], where: Location) -> Layout:
    """The layout from a file's first non-blank row: its header, or the default columns."""
    header = spec.header
    if header is None:
        named = any(not is_letter_ref(ref) for ref in spec.columns.values())
        header = named or is_header_row(cells)
    return header_layout(spec, cells, where) if header else default_layout(spec, where)
