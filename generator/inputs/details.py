"""The optional columns of the official workbooks: values, Norwegian labels and JSON.

A code list may carry more than code and text: a 60-character text, validity
dates, an add-on flag, a gender flag, inclusion and exclusion notes, other
notes and whether the code is reported to NPR. Readers find these columns by
header (see `readers/columns.py`) and hand each non-empty cell here, where it
is checked and brought to one canonical form:

- dates: ISO `YYYY-MM-DD` (a bare year is its first day, or its last for "valid to");
- yes/no columns: `true` or `false`;
- gender: `female`, `male` or `any`;
- texts: cleaned text as it stands.

A value that cannot be read raises InputError naming the cell.
"""

from __future__ import annotations

import datetime as dt
import re

from .diagnostics import InputError, Location, Diagnostic
from ..labels import DETAIL_LABELS, FLAG_TEXT, GENDER_TEXT

DETAIL_ROLES = tuple(DETAIL_LABELS)  # in the order they are shown
DATE_ROLES = frozenset({"valid_from", "valid_to"})
FLAG_ROLES = frozenset({"addon", "npr"})
NOTE_ROLES = frozenset({"inclusion", "exclusion", "note"})  # free text that may hold cross-references
TEXT60_LIMIT = 60

_TRUE = frozenset({"j", "ja", "y", "yes", "1", "x", "true", "sann"})
_FALSE = frozenset({"n", "nei", "no", "0", "false", "usann"})
_GENDER = {
    "k": "female", "kvinne": "female", "kvinner": "female", "f": "female", "female": "female",
    "m": "male", "mann": "male", "menn": "male", "male": "male",
    "b": "any", "begge": "any", "alle": "any", "n": "any", "nei": "any", "0": "any", "any": "any",
}
_ISO_RE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]00:00(?::00(?:\.0+)?)?Z?)?")
_DOTTED_RE = re.compile(r"(\d{1,2})[./](\d{1,2})[./](\d{4})")
_COMPACT_RE = re.compile(r"(\d{4})(\d{2})(\d{2})")
_YEAR_RE = re.compile(r"(19|20|21)\d{2}")


def normalise_detail(role: str, value: str, where: Location, notes: list[Diagnostic]) -> str:
    """The canonical form of one optional cell; roles that are not details pass unchanged."""
    if role in DATE_ROLES:
        if _YEAR_RE.fullmatch(value.strip()):
            return f"{value.strip()}-01-01" if role == "valid_from" else f"{value.strip()}-12-31"
        return _date(value, where)
    if role in FLAG_ROLES:
        return _flag(value, where)
    if role == "gender":
        found = _GENDER.get(value.casefold())
        if found is None:
            raise InputError(where, f"gender column: {value!r} is not K, M or N (or Kvinne, Mann, Nei)")
        return found
    if role == "text60" and len(value) > TEXT60_LIMIT:
        notes.append(Diagnostic(where, "text60-too-long", f"{len(value)} characters in the 60-character text"))
    return value


def parse_date(value: str, where: Location) -> str:
    """A date written as in the date columns (ISO, with or without T00:00:00, or DD.MM.YYYY), in ISO form."""
    return _date(value, where)


def _date(value: str, where: Location) -> str:
    for pattern, order in ((_ISO_RE, (1, 2, 3)), (_DOTTED_RE, (3, 2, 1)), (_COMPACT_RE, (1, 2, 3))):
        match = pattern.fullmatch(value.strip())
        if match:
            year, month, day = (int(match.group(i)) for i in order)
            try:
                return dt.date(year, month, day).isoformat()
            except ValueError:
                break
    raise InputError(where, f"not a date: {value!r} (write 2017-01-01, 01.01.2017 or a year)")


def _flag(value: str, where: Location) -> str:
    key = value.strip().casefold()
    if key in _TRUE:
        return "true"
    if key in _FALSE:
        return "false"
    raise InputError(where, f"not a yes/no value: {value!r} (write J or N, Ja or Nei, 1 or 0, X)")


def detail_values(extra: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    """The detail roles of a row's optional columns, in display order."""
    if not extra:
        return ()
    found = dict(extra)
    return tuple((role, found[role]) for role in DETAIL_ROLES if found.get(role))


def detail_text(role: str, value: str) -> str:
    """A canonical value as shown on a page: Ja/Nei, gender in words, dates and texts as they are."""
    if role in FLAG_ROLES:
        return FLAG_TEXT[value == "true"]
    if role == "gender":
        return GENDER_TEXT[value]
    return value


def details_json(details: tuple[tuple[str, str], ...]) -> dict[str, object]:
    """The details of a version for the JSON twin: only keys present; flags as booleans."""
    return {role: (value == "true" if role in FLAG_ROLES else value) for role, value in details}
