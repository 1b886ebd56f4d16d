"""What every reader takes and gives back."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from ..diagnostics import Location, Diagnostic

SYSTEMS = ("NCSP", "NCMP", "NCRP", "SK")
SYSTEM_ALIASES = {
    "NCSP": "NCSP",
    "NCMP": "NCMP",
    "NCRP": "NCRP",
    "SK": "SK",
    "SÆRKODER": "SK",
    "SAERKODER": "SK",
    "SÆRKODE": "SK",
}


def normalise_system(value: object) -> str | None:
    """Map a code-system name as written in a file or manifest to its key."""
    key = " ".join(str(value).split()).upper()
    return SYSTEM_ALIASES.get(key)


@dataclass(frozen=True)
class FileSpec:
    """One input file as the manifest describes it.

    `columns` maps a role (`code`, `text`, `system`) to a header name or a
    column letter (`A`, `B`, ...) when automatic header matching is not enough.
    `header` forces header detection on (True) or off (False); None detects.
    """

    path: Path
    display: str
    system: str | None = None
    encoding: str | None = None
    sheet: str | None = None
    delimiter: str | None = None
    header: bool | None = None
    columns: Mapping[str, str] = field(default_factory=dict)
    kind: str = "codes"  # "codes": a code list; "changes": an official change document;
    # "book": a book-layout file (sources/book.py); "book-notes": a book read only for names and notes
    valid_on: str | None = None  # ISO date: an official export gives the rows valid on it (readers/export.py)


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One cleaned code row: code normalised, text cleaned, system if the file says."""

    where: Location
    code: str
    text: str  # may be empty in a change document
    system: str | None
    extra: tuple[tuple[str, str], ...] = ()  # optional columns: (role, value), non-empty values only

    def get(self, role: str) -> str | None:
        return dict(self.extra).get(role)


@dataclass(frozen=True)
class FileResult:
    """All rows of one file and the report notes its reading produced."""

    spec: FileSpec
    rows: tuple[SourceRow, ...]
    notes: tuple[Diagnostic, ...]
    encoding: str = ""
