"""The harmonised downloads: every release in one shape, all years in one table, every change in one table.

Each release's list came in its own format; these files give the same
columns every year, read and cleaned as the site shows them:

- `nedlasting/<year>/nkpk-<year>.csv` and `.xlsx`: kodeverk, kode, tekst,
  første_utgave (the first release that has the code), endring (against the
  release before of its code system: ny, endret tekst, gjeninnført or empty),
  then the optional columns that release has (kort_tekst, gyldig_fra, ...);
- `nedlasting/nkpk-alle-utgaver.csv`: år, kodeverk, kode, tekst, one row per
  code per release;
- `nedlasting/nkpk-endringer.csv`: fra, til, kodeverk, kode, endring, før,
  etter, etterfølgere, one row per change of every release.

Rows go in the canonical order of code systems (NCSP, NCMP, NCRP, særkoder),
then by code. Each function returns the file's bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice
from typing import Callable, Iterator

from .. import urls
from ..analysis.compare import ReleaseChanges
from ..inputs.details import DETAIL_ROLES
from ..model.catalogue import Catalogue, CodeVersion
from ..inputs.readers.base import SYSTEMS
from ..analysis.successors import Lineage
from .tables import csv_bytes, xlsx_bytes
from ..labels import ALL_CHANGES_FILE, ALL_RELEASES_FILE, CHANGE_WORDS, RELEASE_FILE, SUCCESSOR_WORDS
from ..labels import ALL_COLUMNS, CHANGE_COLUMNS, DETAIL_COLUMNS, RELEASE_COLUMNS

_ORDER = {system: index for index, system in enumerate(SYSTEMS)}


def _in_order(entries: list[tuple[str, str, object]]) -> list:
    """(system, code, value) sorted by the canonical order of code systems, then code."""
    return sorted(entries, key=lambda e: (_ORDER[e[0]], e[1]))


def release_versions(catalogue: Catalogue, year: int) -> list[tuple[str, str, tuple[CodeVersion, int]]]:
    """(system, code, (version, first year)) of every code in one release, in row order."""
    by_system: dict[str, list] = {system: [] for system in SYSTEMS}
    for code in catalogue.codes:  # in code order: each code system's rows come out in row order
        if year in code.years:
            version = code.versions[code.years.index(year)]
            by_system[version.system].append((version.system, code.code, (version, code.years[0])))
    return [entry for system in SYSTEMS for entry in by_system[system]]


def release_table(catalogue: Catalogue, release: ReleaseChanges) -> tuple[tuple[str, ...], list[list[object]]]:
    """The header and rows of one release's harmonised table."""
    entries = release_versions(catalogue, release.year)
    roles = {role for _, _, (version, _) in entries for role, _ in version.details}
    extra = tuple(role for role in DETAIL_ROLES if role in roles)
    changed = {(c.system, c.code): CHANGE_WORDS[c.change] for c in release.changes if c.change != "expired"}
    rows = []
    for system, code, (version, first) in entries:
        details = dict(version.details)
        row = [system, code, version.text, first, changed.get((system, code), "")]
        rows.append(row + [details.get(role) for role in extra])
    return RELEASE_COLUMNS + tuple(DETAIL_COLUMNS[r] for r in extra), rows


def release_csv(catalogue: Catalogue, release: ReleaseChanges, rows: int | None = None) -> bytes:
    """The release's table as CSV; with `rows`, only its first rows (the start of the same file)."""
    header, table = release_table(catalogue, release)
    return csv_bytes(header, table[:rows])


def release_xlsx(catalogue: Catalogue, release: ReleaseChanges) -> bytes:
    header, rows = release_table(catalogue, release)
    return xlsx_bytes(f"NKPK {release.year}", header, rows)


def all_releases_rows(catalogue: Catalogue) -> Iterator[list[object]]:
    """One row per code per release: oldest release first, then in row order."""
    by_year: dict[int, list[tuple[str, str, str]]] = {r.year: [] for r in catalogue.releases}
    for code in catalogue.codes:
        for version in code.versions:
            by_year[version.year].append((version.system, code.code, version.text))
    for year, entries in by_year.items():
        for system, code, text in _in_order(entries):
            yield [year, system, code, text]


def all_releases_csv(catalogue: Catalogue, rows: int | None = None) -> bytes:
    return csv_bytes(ALL_COLUMNS, islice(all_releases_rows(catalogue), rows))


def successor_text(lineage: Lineage, year: int, system: str, code: str) -> str:
    """`ABT00 (flyttet); JJA20K (nesten lik tekst)`: where an expired code went, in the lineage's order."""
    found = [s for s in lineage.by_old.get(code, ()) if s.year == year and s.old_system == system]
    return "; ".join(f"{s.code} ({SUCCESSOR_WORDS[s.kind]})" for s in found)


def change_rows(releases: tuple[ReleaseChanges, ...], lineage: Lineage) -> Iterator[list[object]]:
    """Every change of every release, oldest release first, then in row order."""
    for release in releases:
        for system in release.systems:  # already in the canonical order, changes by code
            for change in system.changes:
                after = successor_text(lineage, release.year, change.system, change.code) if change.change == "expired" else ""
                yield [system.from_year, release.year, change.system, change.code, CHANGE_WORDS[change.change],
                       change.before, change.after, after]


def changes_csv(releases: tuple[ReleaseChanges, ...], lineage: Lineage, rows: int | None = None) -> bytes:
    return csv_bytes(CHANGE_COLUMNS, islice(change_rows(releases, lineage), rows))


@dataclass(frozen=True)
class OpenFile:
    """A generated file: where it goes, what it holds (for the downloads and API pages), its bytes."""

    path: str
    title: str  # short Norwegian name
    description: str  # what it holds, Norwegian
    render: Callable[[], bytes]
    year: int | None = None  # the release it belongs to; None: all releases
    head: Callable[[int], bytes] | None = None  # a table's first n rows, as the file starts (for the API page)


def harmonised_files(catalogue: Catalogue, releases: tuple[ReleaseChanges, ...], lineage: Lineage) -> tuple[OpenFile, ...]:
    """The harmonised downloads, all releases first, then newest release first."""
    files = [
        OpenFile(urls.ALL_RELEASES_CSV, *ALL_RELEASES_FILE,
                 lambda: all_releases_csv(catalogue), head=lambda n: all_releases_csv(catalogue, n)),
        OpenFile(urls.ALL_CHANGES_CSV, *ALL_CHANGES_FILE,
                 lambda: changes_csv(releases, lineage), head=lambda n: changes_csv(releases, lineage, n)),
    ]
    for release in reversed(releases):
        count = f"{sum(s.count for s in release.systems):,}".replace(",", "\u00a0")
        text = RELEASE_FILE.format(year=release.year, count=count)
        files.append(OpenFile(urls.harmonised_csv(release.year), f"nkpk-{release.year}.csv", text,
                              lambda r=release: release_csv(catalogue, r), release.year,
                              lambda n, r=release: release_csv(catalogue, r, n)))
        files.append(OpenFile(urls.harmonised_xlsx(release.year), f"nkpk-{release.year}.xlsx", text,
                              lambda r=release: release_xlsx(catalogue, r), release.year))
    return tuple(files)
