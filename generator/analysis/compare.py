"""Comparing releases, per code system.

A code system is compared only between releases that contain it. Text is
compared after cleaning, so a difference in white space alone never counts.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import compress
from operator import attrgetter, ne

from ..model.catalogue import Catalogue, Code

# Attribute getters, for map(): a code's versions' years or texts in one call.
_system, _year, _text, _code = attrgetter("system"), attrgetter("year"), attrgetter("text"), attrgetter("code")


@dataclass(frozen=True)
class TimelineRow:
    """The code in one release of its code system."""

    year: int
    text: str | None  # None: the release has the code system but not this code
    state: str  # "first", "same", "changed" (text differs from before) or "absent"
    back: bool = False  # valid again after one or more releases without it


def code_timeline(code: Code, catalogue: Catalogue) -> tuple[TimelineRow, ...]:
    """One row per release of the code's system from its first to its last year."""
    versions = code.versions
    first, last = versions[0].year, versions[-1].year
    systems = set(map(_system, versions))
    years = ()
    for system in systems:
        releases = catalogue.releases_of(system)
        years += releases[bisect_left(releases, first) : bisect_right(releases, last)]
    if len(systems) > 1:
        years = tuple(sorted(set(years)))
    if tuple(map(_year, versions)) == years:  # the common case: a version in every release
        texts = tuple(map(_text, versions))
        states = map(("same", "changed").__getitem__, map(ne, texts, texts[1:]))  # False: "same"
        return (TimelineRow(first, texts[0], "first"), *map(TimelineRow, years[1:], texts[1:], states))
    by_year = {v.year: v for v in versions}
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
    tally = _Tally({s: catalogue.releases_of(s) for s in catalogue.systems})
    for code in catalogue.codes:
        tally.add(code)
    result = []
    previous_year = None
    for release in catalogue.releases:
        systems = tuple(tally.of(system, release.year) for system in catalogue.systems if system in release.counts)
        result.append(ReleaseChanges(release.year, previous_year, systems))
        previous_year = release.year
    return tuple(result)


class _Tally:
    """The changes and code counts of every code system in every release, gathered code by code.

    The same as comparing each release's codes with its previous release's, but
    each code is visited once. Walking the releases of a code system, a code's
    first version after the system's first release is "new", a version whose
    text differs from the one before is "text", and a gap opens with "expired"
    and closes with "reactivated". Only versions in a release of their own code
    system count: a release without a code system says nothing of it.
    """

    def __init__(self, years_of: dict[str, tuple[int, ...]]) -> None:
        self.years_of = years_of
        self.index_of = {s: {y: i for i, y in enumerate(years)} for s, years in years_of.items()}
        self.changes: dict[tuple[str, int], list[Change]] = {}
        self.steps = {s: [0] * (len(years) + 1) for s, years in years_of.items()}  # code count differences

    def add(self, code: Code) -> None:
        versions = code.versions
        first = versions[0]
        start = self.index_of.get(first.system, {}).get(first.year)
        if (
            start is not None
            and len(set(map(_system, versions))) == 1
            and tuple(map(_year, versions)) == self.years_of[first.system][start : start + len(versions)]
        ):  # the common case: one code system, no gap
            self._add_run(code.code, first.system, start, tuple(map(_text, versions)))
            return
        runs: dict[str, list[tuple[int, str]]] = {}
        for version in versions:
            index = self.index_of.get(version.system, {}).get(version.year)
            if index is not None:
                runs.setdefault(version.system, []).append((index, version.text))
        for system, seen in runs.items():
            self._add_runs(code.code, system, sorted(seen))

    def _add_runs(self, code: str, system: str, seen: list[tuple[int, str]]) -> None:
        """A code's versions in a code system, (release index, text) oldest first: runs between gaps."""
        before = None
        start, texts = seen[0][0], [seen[0][1]]
        for (previous, _), (index, text) in zip(seen, seen[1:]):
            if index > previous + 1:
                self._add_run(code, system, start, tuple(texts), before)
                before, start, texts = texts[-1], index, []
            texts.append(text)
        self._add_run(code, system, start, tuple(texts), before)

    def _add_run(self, code: str, system: str, start: int, texts: tuple[str, ...], before: str | None = None) -> None:
        """A code in releases start, start + 1, ... (indexes) of a code system, with these texts.

        `before` is the code's text before a gap: the run begins with "reactivated", else with "new".
        """
        years, steps = self.years_of[system], self.steps[system]
        end = start + len(texts) - 1
        steps[start] += 1
        steps[end + 1] -= 1
        if start > 0:
            kind = "new" if before is None else "reactivated"
            self._change(system, years[start], Change(system, code, kind, before, texts[0]))
        for i in compress(range(1, len(texts)), map(ne, texts, texts[1:])):
            self._change(system, years[start + i], Change(system, code, "text", texts[i - 1], texts[i]))
        if end + 1 < len(years):
            self._change(system, years[end + 1], Change(system, code, "expired", texts[-1], None))

    def _change(self, system: str, year: int, change: Change) -> None:
        self.changes.setdefault((system, year), []).append(change)

    def of(self, system: str, year: int) -> SystemChanges:
        """One code system in one release, compared with its previous release."""
        years = self.years_of[system]
        index = self.index_of[system][year]
        count = sum(self.steps[system][: index + 1])
        if index == 0:
            return SystemChanges(system, year, None, count, ())
        changes = tuple(sorted(self.changes.get((system, year), ()), key=_code))
        return SystemChanges(system, year, years[index - 1], count, changes)


@dataclass(frozen=True)
class CodeEvent:
    """Something that happened to a code in a release: for the code page's history."""

    year: int
    system: str
    change: str  # "baseline" (in the data from the system's first release) or a change kind


def code_events(releases: tuple[ReleaseChanges, ...], catalogue: Catalogue) -> dict[str, tuple[CodeEvent, ...]]:
    """code -> its events, oldest first.

    Events are values: one instance per release, code system and kind serves
    every code, as does one tuple for codes with that event alone.
    """
    alone: dict[tuple[int, str, str], tuple[CodeEvent]] = {}

    def event(year: int, system: str, change: str) -> tuple[CodeEvent]:
        found = alone.get((year, system, change))
        if found is None:
            found = alone[(year, system, change)] = (CodeEvent(year, system, change),)
        return found

    changed: dict[str, list[tuple[CodeEvent]]] = {}
    for release in releases:
        for system in release.systems:
            for change in system.changes:
                changed.setdefault(change.code, []).append(event(release.year, system.system, change.change))
    events: dict[str, tuple[CodeEvent, ...]] = {}
    first_year = {s: catalogue.releases_of(s)[0] for s in catalogue.systems}
    for code in catalogue.codes:
        first = code.versions[0]
        if first.year == first_year[first.system]:
            baseline = event(first.year, first.system, "baseline")
            more = changed.get(code.code)
            events[code.code] = baseline if more is None else _in_order([baseline, *more])
    for code, more in changed.items():
        if code not in events:
            events[code] = _in_order(more)
    return events


def _in_order(events: list[tuple[CodeEvent]]) -> tuple[CodeEvent, ...]:
    """One tuple of events from one-event tuples."""
    if len(events) == 1:
        return events[0]
    return tuple(sorted((e[0] for e in events), key=_event_order))


def _event_order(event: CodeEvent) -> tuple[int, bool]:
    """Oldest first; in one release, an expiry before what else happened (the code moved to another system)."""
    return event.year, event.change != "expired"
