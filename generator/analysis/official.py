"""Official change documents: read their entries and hold them against the code lists.

A change document is a file listed in the manifest with `kind: changes`. Each
row names a code, a change type (NEW, DELETED, ...) and optionally a text and
the code that replaces it. Where a document disagrees with what the code lists
imply, the build report says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import AbstractSet

from ..inputs.clean import clean_code
from .compare import ReleaseChanges
from ..inputs.diagnostics import InputError, Location, Diagnostic
from ..inputs.readers.base import FileResult

CHANGE_VALUES = {
    "new": ("new", "ny", "nye", "ny kode", "added", "opprettet"),
    "expired": ("deleted", "delete", "expired", "removed", "slettet", "slettes", "utgår", "utgått", "utgatt", "fjernet"),
    "text": ("changed", "change", "modified", "text", "endret", "endring", "tekstendring", "endret tekst"),
    "reactivated": ("reactivated", "gjeninnført", "gjenopptatt", "gyldig igjen"),
}
_VALUE_KIND = {value: kind for kind, values in CHANGE_VALUES.items() for value in values}
_SPLIT = re.compile(r"[,;/]|\s+og\s+|\s+or\s+")


@dataclass(frozen=True)
class OfficialEntry:
    where: Location
    year: int
    system: str
    code: str
    change: str  # a change kind of compare.CHANGE_KINDS
    text: str | None
    successors: tuple[str, ...]


def official_entries(year: int, results: list[FileResult]) -> tuple[OfficialEntry, ...]:
    """The entries of a release's change documents; refuse unknown change types and missing systems."""
    entries = []
    for result in results:
        for row in result.rows:
            raw = " ".join((row.get("change") or "").split()).casefold()
            kind = _VALUE_KIND.get(raw)
            if kind is None:
                known = ", ".join(sorted(v.upper() for v in _VALUE_KIND))
                raise InputError(row.where, f"unknown change type {row.get('change')!r} for {row.code} (known: {known})")
            if row.system is None:
                raise InputError(row.where, "no code system: give 'system' for the change document in the manifest")
            successors = _successors(row.get("successor") or "", row.where)
            entries.append(OfficialEntry(row.where, year, row.system, row.code, kind, row.text or None, successors))
    return tuple(sorted(entries, key=lambda e: (e.system, e.code, e.where)))


def _successors(raw: str, where: Location) -> tuple[str, ...]:
    codes = []
    for part in _SPLIT.split(raw):
        if part.strip():
            code, _ = clean_code(part, Location(where.file, where.line, "successor"))
            codes.append(code)
    return tuple(codes)


def check_official(entries: tuple[OfficialEntry, ...], releases: tuple[ReleaseChanges, ...], known: AbstractSet[str]) -> tuple[Diagnostic, ...]:
    """Notes where change documents and code lists disagree, both ways, per release and code system."""
    notes: list[Diagnostic] = []
    computed = {
        (r.year, c.system, c.code): c.change for r in releases for c in r.changes
    }
    covered = {(e.year, e.system): e.where.file for e in entries}
    listed = {(e.year, e.system, e.code) for e in entries}
    for entry in entries:
        actual = computed.get((entry.year, entry.system, entry.code))
        if actual != entry.change:
            shown = actual or "no change"
            notes.append(Diagnostic(entry.where, "official-disagrees", f"{entry.code}: document says {entry.change}, code lists show {shown}"))
        for successor in entry.successors:
            if successor not in known:
                notes.append(Diagnostic(entry.where, "official-unknown-code", f"{entry.code}: successor {successor} is in no code list"))
    for (year, system, code), change in sorted(computed.items()):
        if (year, system) in covered and (year, system, code) not in listed:
            where = Location(covered[(year, system)])
            notes.append(Diagnostic(where, "official-missing", f"{system} {code}: {change} in the code lists, not in the change document"))
    return tuple(notes)
