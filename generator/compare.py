"""Comparing releases, per code system.

A code system is compared only between releases that contain it. Text is
compared after cleaning, so a difference in white space alone never counts.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Catalogue, Code


@dataclass(frozen=True)
class TimelineRow:
    """The code in one release of its code system."""

    year: int
    text: str | None  # None: the release has the code system but not this code
    state: str  # "first", "same", "changed" (text differs from before) or "absent"
    back: bool = False  # valid again after one or more releases without it


def code_timeline(code: Code, catalogue: Catalogue) -> tuple[TimelineRow, ...]:
    """One row per release of the code's system from its first to its last year."""
    by_year = {v.year: v for v in code.versions}
    systems = {v.system for v in code.versions}
    first, last = code.years[0], code.years[-1]
    years = sorted({y for s in systems for y in catalogue.releases_of(s) if first <= y <= last})
    rows: list[TimelineRow] = []
    previous: str | None = None
    gap = False
    for year in years:
        version = by_year.get(year)
        if version is None:
            rows.append(TimelineRow(year, None, "absent"))
            gap = True
            continue
        if previous is None:
            state = "first"
        else:
            state = "same" if version.text == previous else "changed"
        rows.append(TimelineRow(year, version.text, state, back=gap))
        previous, gap = version.text, False
    return tuple(rows)


def text_changed_years(rows: tuple[TimelineRow, ...]) -> tuple[int, ...]:
    """Years whose text differs from the code's text in the release before."""
    return tuple(row.year for row in rows if row.state == "changed")


CHANGE_KINDS = ("new", "expired", "text", "reactivated")


@dataclass(frozen=True)
class Change:
    system: str
    code: str
    change: str  # one of CHANGE_KINDS
    before: str | None
    after: str | None


@dataclass(frozen=True)
class SystemChanges:
    """One code system in one release, compared with its previous release."""

    system: str
    year: int
    from_year: int | None  # None: this release is the code system's baseline
    count: int  # codes of the system in this release
    changes: tuple[Change, ...]  # sorted by code

    def of_kind(self, kind: str) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.change == kind)


@dataclass(frozen=True)
class ReleaseChanges:
    year: int
    previous_year: int | None  # the previous release in the manifest
    systems: tuple[SystemChanges, ...]  # in the canonical order of code systems

    @property
    def changes(self) -> tuple[Change, ...]:
        return tuple(sorted((c for s in self.systems for c in s.changes), key=lambda c: (c.system, c.code)))


def compare_releases(catalogue: Catalogue) -> tuple[ReleaseChanges, ...]:
    """The changes of every release, oldest first, each code system against its own previous release."""
    members = release_members(catalogue)
    result = []
    previous_year = None
    for release in catalogue.releases:
        systems = tuple(
            _compare_system(members, catalogue, system, release.year)
            for system in catalogue.systems
            if system in release.counts
        )
        result.append(ReleaseChanges(release.year, previous_year, systems))
        previous_year = release.year
    return tuple(result)


def release_members(catalogue: Catalogue) -> dict[tuple[str, int], dict[str, str]]:
    """(system, year) -> code -> text."""
    members: dict[tuple[str, int], dict[str, str]] = {}
    for code in catalogue.codes:
        for version in code.versions:
            members.setdefault((version.system, version.year), {})[code.code] = version.text
    return members


def _compare_system(members, catalogue: Catalogue, system: str, year: int) -> SystemChanges:
    years = catalogue.releases_of(system)
    index = years.index(year)
    now = members.get((system, year), {})
    if index == 0:
        return SystemChanges(system, year, None, len(now), ())
    before = members.get((system, years[index - 1]), {})
    earlier = [members.get((system, y), {}) for y in years[: index - 1]]
    changes = []
    for code in sorted(now.keys() | before.keys()):
        if code not in now:
            changes.append(Change(system, code, "expired", before[code], None))
        elif code not in before:
            last = next((m[code] for m in reversed(earlier) if code in m), None)
            kind = "new" if last is None else "reactivated"
            changes.append(Change(system, code, kind, last, now[code]))
        elif now[code] != before[code]:
            changes.append(Change(system, code, "text", before[code], now[code]))
    return SystemChanges(system, year, years[index - 1], len(now), tuple(changes))


@dataclass(frozen=True)
class CodeEvent:
    """Something that happened to a code in a release: for the code page's history."""

    year: int
    system: str
    change: str  # "baseline" (in the data from the system's first release) or a change kind


def code_events(releases: tuple[ReleaseChanges, ...], catalogue: Catalogue) -> dict[str, tuple[CodeEvent, ...]]:
    """code -> its events, oldest first."""
    events: dict[str, list[CodeEvent]] = {}
    first_year = {s: catalogue.releases_of(s)[0] for s in catalogue.systems}
    for code in catalogue.codes:
        first = code.versions[0]
        if first.year == first_year[first.system]:
            events[code.code] = [CodeEvent(first.year, first.system, "baseline")]
    for release in releases:
        for system in release.systems:
            for change in system.changes:
                events.setdefault(change.code, []).append(CodeEvent(release.year, system.system, change.change))
    return {code: tuple(sorted(e, key=lambda e: (e.year, e.change != "expired"))) for code, e in events.items()}
