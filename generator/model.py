"""The code catalogue: frozen dataclasses built from the rows of every release.

A code keeps one version per release that has it. A code system is compared
only between releases that contain it: a release without any file of a code
system says nothing about that system's codes.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Mapping

from .details import detail_values
from .problems import InputError, Location, Note
from .sources.base import SYSTEMS, FileResult, SourceRow


@dataclass(frozen=True, slots=True)
class CodeVersion:
    year: int
    system: str
    text: str
    where: Location
    details: tuple[tuple[str, str], ...] = ()  # optional columns (role, canonical value); see details.py


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


def build_catalogue(releases: Mapping[int, Iterable[FileResult]]) -> tuple[Catalogue, tuple[Note, ...]]:
    """Join the rows of every release into codes; refuse inconsistent input."""
    notes: list[Note] = []
    per_year: dict[int, dict[str, CodeVersion]] = {}
    release_list = []
    for year in sorted(releases):
        results = list(releases[year])
        if not results:
            raise InputError(Location("manifest"), f"release {year} lists no code list (only change documents)")
        versions = _release_versions(year, results, notes)
        per_year[year] = versions
        counts: dict[str, int] = defaultdict(int)
        for version in versions.values():
            counts[version.system] += 1
        files = tuple(ReleaseFile(r.spec.display, r.encoding, len(r.rows)) for r in results)
        release_list.append(Release(year, files, dict(sorted(counts.items()))))
    if not release_list:
        raise InputError(Location("manifest"), "no releases listed")
    newest = release_list[-1].year
    history: dict[str, list[CodeVersion]] = defaultdict(list)
    for year in sorted(per_year):
        for code, version in per_year[year].items():
            history[code].append(version)
    codes = tuple(
        Code(code, tuple(history[code]), code in per_year[newest]) for code in sorted(history)
    )
    return Catalogue(tuple(release_list), codes), tuple(sorted(notes))


def _release_versions(year: int, results: list[FileResult], notes: list[Note]) -> dict[str, CodeVersion]:
    """The codes of one release, merging exact duplicates and refusing conflicts."""
    versions: dict[str, CodeVersion] = {}
    for result in results:
        notes.extend(result.notes)
        for row in result.rows:
            version = _version(year, row)
            seen = versions.get(row.code)
            if seen is None:
                versions[row.code] = version
            elif seen.system != version.system:
                raise InputError(
                    row.where,
                    f"code {row.code} is {version.system} here but {seen.system} at {seen.where} in the same release",
                )
            elif seen.text != version.text:
                raise InputError(
                    row.where,
                    f"code {row.code} appears twice in release {year} with different texts "
                    f"(first at {seen.where}: {seen.text!r}; here: {version.text!r})",
                )
            else:
                notes.append(Note(row.where, "duplicate-merged", f"{row.code} repeats {seen.where}"))
    return versions


def _version(year: int, row: SourceRow) -> CodeVersion:
    if row.system is None:
        raise InputError(
            row.where,
            "no code system for this row: give 'system' for the file in the manifest or add a Kodeverk column",
        )
    return CodeVersion(year, row.system, row.text, row.where, detail_values(row.extra))
