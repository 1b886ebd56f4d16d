"""The code catalogue: frozen dataclasses built from the rows of every release.

A code keeps one version per release that has it. A code system is compared
only between releases that contain it: a release without any file of a code
system says nothing about that system's codes. A version whose text is that of
the code's previous version keeps the same string object, so an unchanged text
is held once however many releases have it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Mapping

from ..inputs.details import detail_values
from ..inputs.diagnostics import InputError, Location, Diagnostic
from ..inputs.readers.base import SYSTEMS, FileResult, SourceRow
from ..gc_settings import collector_paused


@dataclass(frozen=True, slots=True)
class CodeVersion:
    """A code as one release has it. Where it stands is kept as file and line, not as a Location
    object: there is a version per code per release, millions at national scale."""

    year: int
    system: str
    text: str
    file: str  # the input file (as the manifest shows it) and its line or sheet row
    line: int
    details: tuple[tuple[str, str], ...] = ()  # optional columns (role, canonical value); see details.py

    @classmethod
    def at(cls, year: int, system: str, text: str, where: Location, details: tuple[tuple[str, str], ...] = ()) -> CodeVersion:
        return cls(year, system, text, where.file, where.line, details)

    @property
    def where(self) -> Location:
        return Location(self.file, self.line)


@dataclass(frozen=True, slots=True)
class Code:
    code: str
    versions: tuple[CodeVersion, ...]  # oldest first
    active: bool  # present in the newest release
    years: tuple[int, ...] = field(init=False, repr=False, compare=False)  # of the versions, oldest first

    def __post_init__(self) -> None:
        object.__setattr__(self, "years", tuple([v.year for v in self.versions]))

    @property
    def latest(self) -> CodeVersion:
        return self.versions[-1]

    @property
    def system(self) -> str:
        return self.latest.system

    @property
    def text(self) -> str:
        return self.latest.text


@dataclass(frozen=True)
class ReleaseFile:
    display: str
    encoding: str
    rows: int


@dataclass(frozen=True)
class Release:
    year: int
    files: tuple[ReleaseFile, ...]
    counts: Mapping[str, int]  # codes per code system in this release

    @property
    def systems(self) -> tuple[str, ...]:
        return tuple(sorted(self.counts))


@dataclass(frozen=True)
class Catalogue:
    releases: tuple[Release, ...]  # oldest first
    codes: tuple[Code, ...]  # sorted by code

    @property
    def newest(self) -> Release:
        return self.releases[-1]

    @property
    def systems(self) -> tuple[str, ...]:
        present = {s for r in self.releases for s in r.counts}
        return tuple(s for s in SYSTEMS if s in present)

    def releases_of(self, system: str) -> tuple[int, ...]:
        """Years of the releases that contain the code system, oldest first."""
        return tuple(r.year for r in self.releases if system in r.counts)


def build_catalogue(releases: Mapping[int, Iterable[FileResult]]) -> tuple[Catalogue, tuple[Diagnostic, ...]]:
    """Join the rows of every release into codes; refuse inconsistent input."""
    with collector_paused():
        return _catalogue(releases)


def _catalogue(releases: Mapping[int, Iterable[FileResult]]) -> tuple[Catalogue, tuple[Diagnostic, ...]]:
    notes: list[Diagnostic] = []
    history: dict[str, list[CodeVersion]] = {}  # code -> its versions so far, oldest first
    release_list = []
    for year in sorted(releases):
        results = list(releases[year])
        if not results:
            raise InputError(Location("manifest"), f"release {year} lists no code list (only change documents)")
        counts = _add_release(year, results, notes, history)
        files = tuple(ReleaseFile(r.spec.display, r.encoding, len(r.rows)) for r in results)
        release_list.append(Release(year, files, dict(sorted(counts.items()))))
    if not release_list:
        raise InputError(Location("manifest"), "no releases listed")
    newest = release_list[-1].year
    codes = tuple(Code(code, tuple(history[code]), history[code][-1].year == newest) for code in sorted(history))
    return Catalogue(tuple(release_list), codes), tuple(sorted(notes))


def _add_release(
    year: int, results: list[FileResult], notes: list[Diagnostic], history: dict[str, list[CodeVersion]]
) -> dict[str, int]:
    """Add the codes of one release to their histories, merging exact duplicates and refusing conflicts.

    Returns the number of codes per code system. A version whose text or
    details equal its code's previous version's keeps them as the same object.
    (One loop without helper calls per row: it runs for every row of every release.)
    """
    counts: dict[str, int] = {}
    for result in results:
        notes.extend(result.notes)
        for row in result.rows:
            system, text = row.system, row.text
            if system is None:
                raise InputError(
                    row.where,
                    "no code system for this row: give 'system' for the file in the manifest or add a Kodeverk column",
                )
            details = detail_values(row.extra) if row.extra else ()
            versions = history.get(row.code)
            if versions is None:
                where = row.where
                history[row.code] = [CodeVersion(year, system, text, where.file, where.line, details)]
            else:
                previous = versions[-1]
                if previous.year == year:
                    _merge(year, row, previous, notes)
                    continue
                if text == previous.text:
                    text = previous.text
                if details and details == previous.details:
                    details = previous.details
                where = row.where
                versions.append(CodeVersion(year, system, text, where.file, where.line, details))
            counts[system] = counts.get(system, 0) + 1
    return counts


def _merge(year: int, row: SourceRow, seen: CodeVersion, notes: list[Diagnostic]) -> None:
    """A code seen twice in one release: the same system and text are merged, anything else refused."""
    if seen.system != row.system:
        raise InputError(
            row.where,
            f"code {row.code} is {row.system} here but {seen.system} at {seen.where} in the same release",
        )
    if seen.text != row.text:
        raise InputError(
            row.where,
            f"code {row.code} appears twice in release {year} with different texts "
            f"(first at {seen.where}: {seen.text!r}; here: {row.text!r})",
        )
    notes.append(Diagnostic(row.where, "duplicate-merged", f"{row.code} repeats {seen.where}"))
