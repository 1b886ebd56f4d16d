"""Read and validate the release manifest (`releases.yaml`) into typed entries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any


from .clean import CODE_RE
from .details import parse_date
from .diagnostics import InputError, Location
from .readers.base import SYSTEMS, FileSpec, normalise_system
from .readers.columns import ROLES
from .yamlfile import read_yaml

FILE_KEYS = {"path", "system", "encoding", "sheet", "delimiter", "header", "columns", "kind", "valid_on"}
RELEASE_KEYS = {"year", "files", "valid_on", "new_shapes"}  # new_shapes: model/shapes.py
COLUMN_ROLES = set(ROLES)
FILE_KINDS = ("codes", "changes", "book", "book-notes")  # book: readers/book.py; book-notes: model/annotations.py


@dataclass(frozen=True)
class ReleaseSpec:
    year: int
    files: tuple[FileSpec, ...]
    new_shapes: frozenset[str] = frozenset()  # codes whose shape is new to their system, and meant (model/shapes.py)


@dataclass(frozen=True)
class Manifest:
    path: Path
    releases: tuple[ReleaseSpec, ...]  # oldest first
    names: Path | None  # hierarchy names file, if any
    deadlines: Path | None = None  # yearly deadlines file, if any
    synonyms: Path | None = None  # the search's synonyms file, if any (generator/search/synonyms.py)
    english: Path | None = None  # the English NCSP texts, if any (inputs/english.py)


def load_manifest(path: Path) -> Manifest:
    """Read a manifest file; raise InputError naming the entry that is wrong."""
    where = Location(str(path))
    data = read_yaml(path, "manifest file")
    if not isinstance(data, dict) or not isinstance(data.get("releases"), list):
        raise InputError(where, "expected a mapping with a list under 'releases'")
    base = path.parent
    entries = data["releases"]
    releases = [_release(base, path, _entry_name(entries, i), entry) for i, entry in enumerate(entries)]
    years = [r.year for r in releases]
    for year in sorted({y for y in years if years.count(y) > 1}):
        raise InputError(where, f"release year {year} is listed more than once")
    names = data.get("names")
    names_path = (base / str(names)) if names else None
    if names_path is not None and not names_path.is_file():
        raise InputError(where, f"names file not found: {names}")
    deadlines = data.get("deadlines")
    deadlines_path = (base / str(deadlines)) if deadlines else None
    if deadlines_path is not None and not deadlines_path.is_file():
        raise InputError(where, f"deadlines file not found: {deadlines}")
    synonyms = data.get("synonyms")
    synonyms_path = (base / str(synonyms)) if synonyms else None
    if synonyms_path is not None and not synonyms_path.is_file():
        raise InputError(where, f"synonyms file not found: {synonyms}")
    english = data.get("english")
    english_path = (base / str(english)) if english else None
    if english_path is not None and not english_path.is_file():
        raise InputError(where, f"English texts file not found: {english}")
    return Manifest(path, tuple(sorted(releases, key=lambda r: r.year)), names_path, deadlines_path, synonyms_path,
                    english_path)


def _year(entry: Any) -> int | None:
    year = entry.get("year") if isinstance(entry, dict) else None
    return year if isinstance(year, int) and not isinstance(year, bool) and 1900 <= year <= 2200 else None


def _entry_name(entries: list, index: int) -> str:
    """A release entry as messages name it: by its year, or where it stands when its year is not one."""
    year = _year(entries[index])
    if year is not None:
        return f"release {year}"
    before = next((y for y in map(_year, reversed(entries[:index])) if y is not None), None)
    return f"the release after {before}" if before is not None else "the first release"


def _release(base: Path, manifest: Path, name: str, entry: Any) -> ReleaseSpec:
    where = Location(str(manifest), cell=name)
    if not isinstance(entry, dict):
        raise InputError(where, "each release must be a mapping with 'year' and 'files'")
    year = _year(entry)
    if year is None:
        raise InputError(where, f"'year' must be a year such as 2017, not {entry.get('year')!r}")
    unknown = sorted(set(entry) - RELEASE_KEYS)
    if unknown:
        known = ", ".join(sorted(RELEASE_KEYS))
        raise InputError(where, f"unknown key(s): {', '.join(map(str, unknown))}; a release has {known}")
    files = entry.get("files")
    if not isinstance(files, list) or not files:
        raise InputError(where, f"release {year} needs a non-empty list under 'files'")
    valid_on = _valid_on(entry.get("valid_on"), where) or f"{year}-01-01"
    specs = tuple(_file(base, manifest, year, i, f, valid_on) for i, f in enumerate(files, 1))
    return ReleaseSpec(year, specs, _new_shapes(entry.get("new_shapes"), where))


def _new_shapes(value: Any, where: Location) -> frozenset[str]:
    """The codes listed under `new_shapes`: a list of codes, as the code lists write them."""
    if value is None:
        return frozenset()
    if not isinstance(value, list) or not all(isinstance(c, str) and CODE_RE.fullmatch(c.strip().upper()) for c in value):
        raise InputError(where, f"'new_shapes' lists codes, such as [TSJWM], not {value!r}")
    return frozenset(c.strip().upper() for c in value)


def _valid_on(value: Any, where: Location) -> str | None:
    """The `valid_on` date of a release or file as ISO text (YAML reads an unquoted date as a date)."""
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return parse_date(str(value), where)
    except InputError:
        raise InputError(where, f"'valid_on' must be a date such as 2018-01-01, not {value!r}") from None


def _file(base: Path, manifest: Path, year: int, index: int, entry: Any, valid_on: str) -> FileSpec:
    if isinstance(entry, str):
        entry = {"path": entry}
    named = f"file {str(entry['path'])!r}" if isinstance(entry, dict) and entry.get("path") else f"file {index}"
    where = Location(str(manifest), cell=f"release {year}, {named}")
    if not isinstance(entry, dict) or not entry.get("path"):
        raise InputError(where, "each file needs a 'path'")
    unknown = sorted(set(entry) - FILE_KEYS)
    if unknown:
        raise InputError(where, f"unknown key(s): {', '.join(unknown)}")
    system = entry.get("system")
    if system is not None:
        system = normalise_system(system)
        if system is None:
            raise InputError(where, f"unknown code system {entry['system']!r}; use one of {', '.join(SYSTEMS)}")
    columns = entry.get("columns") or {}
    if not isinstance(columns, dict) or set(columns) - COLUMN_ROLES:
        raise InputError(where, f"'columns' maps {sorted(COLUMN_ROLES)} to a header name or column letter")
    kind = entry.get("kind", "codes")
    if kind not in FILE_KINDS:
        raise InputError(where, f"'kind' must be one of {', '.join(FILE_KINDS)}, not {kind!r}")
    header = entry.get("header")
    if header is not None and not isinstance(header, bool):
        raise InputError(where, "'header' must be true or false")
    rel = str(entry["path"])
    path = base / rel
    if not path.is_file():
        raise InputError(Location(rel), f"input file not found (listed in {manifest.name} for {year})")
    return FileSpec(
        path=path,
        display=path.name if Path(rel).is_absolute() else rel,  # the report never shows the builder's folders
        system=system,
        encoding=entry.get("encoding"),
        sheet=entry.get("sheet"),
        delimiter=entry.get("delimiter"),
        header=header,
        columns={str(k): str(v) for k, v in columns.items()},
        kind=kind,
        valid_on=_valid_on(entry.get("valid_on"), where) or valid_on,
    )
