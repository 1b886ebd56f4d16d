"""compare_releases, code_events and code_timeline against plain release-by-release versions on random catalogues."""

from __future__ import annotations

import random

import pytest

from generator.analysis.compare import Change, SystemChanges, TimelineRow, code_events, code_timeline, compare_releases
from generator.model.catalogue import Catalogue, Code, CodeVersion, Release
from generator.inputs.diagnostics import Location

YEARS = (2001, 2002, 2004, 2005, 2006, 2009)
WHERE = Location("test")


def _catalogue(seed: int) -> Catalogue:
    """Random codes over six releases: gaps, text changes, moves between code systems, a system that starts late."""
    rng = random.Random(seed)
    in_release = {2001: {"NCSP"}, 2002: {"NCSP", "NCMP"}, 2004: {"NCSP"}, 2005: {"NCSP", "NCMP", "NCRP"}}
    in_release |= {2006: {"NCSP", "NCMP", "NCRP"}, 2009: {"NCSP", "NCRP"}}
    codes = []
    for n in range(rng.randint(20, 60)):
        versions = []
        for year in YEARS:
            if rng.random() < 0.55:
                system = rng.choice(sorted(in_release[year]))
                versions.append(CodeVersion.at(year, system, rng.choice(("tekst", "tekst", "annen tekst")), WHERE))
        if versions:
            codes.append(Code(f"C{n:03}", tuple(versions), versions[-1].year == YEARS[-1]))
    counts = {year: {} for year in YEARS}
    for code in codes:
        for version in code.versions:
            counts[version.year][version.system] = counts[version.year].get(version.system, 0) + 1
    releases = tuple(Release(year, (), dict(sorted(counts[year].items()))) for year in YEARS)
    return Catalogue(releases, tuple(codes))


def _plain_compare(catalogue: Catalogue) -> list[tuple[int, list[SystemChanges]]]:
    """Each release's codes of a code system against its previous release's, code by code."""
    members: dict[tuple[str, int], dict[str, str]] = {}
    for code in catalogue.codes:
        for version in code.versions:
            members.setdefault((version.system, version.year), {})[code.code] = version.text
    result = []
    for release in catalogue.releases:
        systems = []
        for system in (s for s in catalogue.systems if s in release.counts):
            years = catalogue.releases_of(system)
            index = years.index(release.year)
            now = members.get((system, release.year), {})
            if index == 0:
                systems.append(SystemChanges(system, release.year, None, len(now), ()))
                continue
            before = members.get((system, years[index - 1]), {})
            changes = []
            for code in sorted(now.keys() | before.keys()):
                if code not in now:
                    changes.append(Change(system, code, "expired", before[code], None))
                elif code not in before:
                    last = next((members[(system, y)][code] for y in reversed(years[: index - 1]) if code in members.get((system, y), {})), None)
                    changes.append(Change(system, code, "new" if last is None else "reactivated", last, now[code]))
                elif now[code] != before[code]:
                    changes.append(Change(system, code, "text", before[code], now[code]))
            systems.append(SystemChanges(system, release.year, years[index - 1], len(now), tuple(changes)))
        result.append((release.year, systems))
    return result


@pytest.mark.parametrize("seed", range(40))
def test_compare_releases_agrees_with_release_by_release(seed: int) -> None:
    catalogue = _catalogue(seed)
    releases = compare_releases(catalogue)
    assert [(r.year, list(r.systems)) for r in releases] == _plain_compare(catalogue)
    assert [r.previous_year for r in releases] == [None, *YEARS[:-1]]


def _plain_timeline(code: Code, catalogue: Catalogue) -> list[TimelineRow]:
    """One row per release of the code's code systems from its first to its last year."""
    by_year = {v.year: v for v in code.versions}
    first, last = code.versions[0].year, code.versions[-1].year
    years = sorted({y for v in code.versions for y in catalogue.releases_of(v.system) if first <= y <= last})
    rows, previous, gap = [], None, False
    for year in years:
        if year not in by_year:
            rows.append(TimelineRow(year, None, "absent"))
            gap = True
            continue
        text = by_year[year].text
        state = "first" if previous is None else "same" if text == previous else "changed"
        rows.append(TimelineRow(year, text, state, back=gap))
        previous, gap = text, False
    return rows


@pytest.mark.parametrize("seed", range(10))
def test_code_events_and_timelines(seed: int) -> None:
    """Every change of a code is one of its events; its timeline is the plain one."""
    catalogue = _catalogue(seed)
    releases = compare_releases(catalogue)
    events = code_events(releases, catalogue)
    first_year = {s: catalogue.releases_of(s)[0] for s in catalogue.systems}
    for code in catalogue.codes:
        changes = [(r.year, s.system, c.change) for r in releases for s in r.systems for c in s.changes if c.code == code.code]
        first = code.versions[0]
        baseline = [(first.year, first.system, "baseline")] if first.year == first_year[first.system] else []
        assert sorted((e.year, e.system, e.change) for e in events.get(code.code, ())) == sorted(baseline + changes)
        assert list(code_timeline(code, catalogue)) == _plain_timeline(code, catalogue)
