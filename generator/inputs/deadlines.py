"""The yearly deadlines of the code system: read from data, placed in a cycle, told in Norwegian.

A cycle is named by the release it prepares: cycle 2027 collects proposals
during 2026 and ends when release 2027 takes effect on 1 January 2027. Each
deadline is a date rule (month, day, and whether it falls in the proposal
year or the year after), so one file serves every year.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any


from .diagnostics import InputError, Location
from .yamlfile import read_yaml
from ..labels import AND, DAYS_AHEAD, MONTHS, NEXT_DEADLINE, NEXT_PROPOSAL_HEAD, SPECIAL_CODES
from .readers.base import SYSTEMS, normalise_system

YEAR_RULES = {"same": 0, "following": 1}  # the proposal year, or the year after
KEYS = {"id", "title", "systems", "month", "day", "year", "note", "proposals"}
ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Deadline:
    id: str  # stable: calendar UIDs are made from it
    title: str  # Norwegian, starts with a capital letter
    systems: tuple[str, ...]  # the code systems it concerns, canonical order
    month: int
    day: int
    year_offset: int  # 0: the year proposals are made; 1: the year the release takes effect
    note: str | None  # e.g. that the exact date is announced later
    proposals: bool = False  # the last day for proposals: what "Neste frist" counts down to

    def date_for(self, release: int) -> datetime.date:
        """The date of this deadline in the cycle of `release`."""
        return datetime.date(release - 1 + self.year_offset, self.month, self.day)


@dataclass(frozen=True)
class Occurrence:
    """A deadline on its date in one cycle."""

    deadline: Deadline
    date: datetime.date
    release: int  # the release the cycle prepares


def load_deadlines(path: Path) -> tuple[Deadline, ...]:
    """Read and validate a deadlines file; raise InputError naming the file and entry."""
    where = Location(str(path))
    data = read_yaml(path, "deadlines file")
    if not isinstance(data, list) or not data:
        raise InputError(where, "expected a non-empty list of deadlines")
    deadlines = tuple(_deadline(path, i, entry) for i, entry in enumerate(data, 1))
    seen: set[str] = set()
    for index, deadline in enumerate(deadlines, 1):
        if deadline.id in seen:
            raise InputError(_entry(path, index, deadline.id), f"id {deadline.id!r} is used twice")
        seen.add(deadline.id)
    return deadlines


def _entry(path: Path, index: int, ident: object = None) -> Location:
    label = f"deadlines[{index}]" + (f" {ident}" if isinstance(ident, str) and ident else "")
    return Location(str(path), cell=label)


def _deadline(path: Path, index: int, entry: Any) -> Deadline:
    if not isinstance(entry, dict):
        raise InputError(_entry(path, index), "each deadline must be a mapping")
    where = _entry(path, index, entry.get("id"))
    unknown = sorted(str(k) for k in set(entry) - KEYS)
    if unknown:
        raise InputError(where, f"unknown key(s): {', '.join(unknown)}")
    ident = entry.get("id")
    if not isinstance(ident, str) or not ID_PATTERN.match(ident):
        raise InputError(where, f"'id' must be lower-case letters, digits and hyphens, not {ident!r}")
    title = entry.get("title")
    if not isinstance(title, str) or not title.strip():
        raise InputError(where, "'title' must be a non-empty text")
    note = entry.get("note")
    if note is not None and (not isinstance(note, str) or not note.strip()):
        raise InputError(where, "'note' must be a non-empty text when given")
    rule = entry.get("year", "same")
    if rule not in YEAR_RULES:
        raise InputError(where, f"'year' must be one of {', '.join(YEAR_RULES)}, not {rule!r}")
    month, day = _month_day(where, entry.get("month"), entry.get("day"))
    systems = _systems(where, entry.get("systems"))
    proposals = entry.get("proposals", False)
    if not isinstance(proposals, bool):
        raise InputError(where, f"'proposals' must be true or false, not {proposals!r}")
    return Deadline(ident, " ".join(title.split()), systems, month, day, YEAR_RULES[rule],
                    " ".join(note.split()) if note else None, proposals)


def _month_day(where: Location, month: object, day: object) -> tuple[int, int]:
    for name, value in (("month", month), ("day", day)):
        if not isinstance(value, int) or isinstance(value, bool):
            raise InputError(where, f"'{name}' must be a whole number, not {value!r}")
    try:
        datetime.date(2001, month, day)  # a common year: 29 February is not a yearly date
    except ValueError:
        raise InputError(where, f"month {month}, day {day} is not a date in every year") from None
    return month, day


def _systems(where: Location, value: object) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        raise InputError(where, "'systems' must be a non-empty list of code systems")
    found = []
    for item in value:
        system = normalise_system(item)
        if system is None:
            raise InputError(where, f"unknown code system {item!r}; use one of {', '.join(SYSTEMS)}")
        found.append(system)
    return tuple(s for s in SYSTEMS if s in found)


def cycle(deadlines: tuple[Deadline, ...], release: int) -> tuple[Occurrence, ...]:
    """Every deadline of the cycle that prepares `release`, by date (file order on ties)."""
    found = [Occurrence(d, d.date_for(release), release) for d in deadlines]
    return tuple(sorted(found, key=lambda o: o.date))


def current_release(deadlines: tuple[Deadline, ...], today: datetime.date) -> int:
    """The release whose cycle is under way: the first whose last date is today or later."""
    release = today.year
    while cycle(deadlines, release)[-1].date < today:
        release += 1
    return release


def next_occurrence(deadlines: tuple[Deadline, ...], today: datetime.date) -> Occurrence:
    """The first deadline on or after `today` (a deadline today is still ahead)."""
    release = current_release(deadlines, today)
    ahead = [o for r in (release, release + 1) for o in cycle(deadlines, r) if o.date >= today]
    return min(ahead, key=lambda o: o.date)


def date_text(day: datetime.date) -> str:
    """`1. mai 2027`."""
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


def days_text(days: int) -> str:
    """How far ahead a date is: `i dag`, `i morgen`, `om 23 dager`."""
    return DAYS_AHEAD.get(days, DAYS_AHEAD["n"]).format(days=days)


def lower_first(title: str) -> str:
    """A title as it reads mid-sentence: `Forslag …` → `forslag …`, but `NCRP …` stays."""
    if len(title) > 1 and title[0].isupper() and title[1].islower():
        return title[0].lower() + title[1:]
    return title


def systems_text(systems: tuple[str, ...]) -> str:
    """`NCSP og NCMP`, `NCSP, NCMP og NCRP`."""
    names = [SPECIAL_CODES if s == "SK" else s for s in systems]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + AND + names[-1]


def next_deadline_text(occurrence: Occurrence, today: datetime.date) -> str:
    """`Neste frist: 1. mai 2027 – forslag til endringer i NCSP og NCMP (2028-utgaven, om 23 dager)`."""
    days = (occurrence.date - today).days
    title = lower_first(occurrence.deadline.title)
    return NEXT_DEADLINE.format(date=date_text(occurrence.date), title=title, release=occurrence.release, days=days_text(days))


def next_proposal_occurrence(deadlines: tuple[Deadline, ...], today: datetime.date) -> Occurrence:
    """The first deadline for proposals on or after `today`; any deadline when none is marked `proposals`."""
    marked = tuple(d for d in deadlines if d.proposals)
    return next_occurrence(marked or deadlines, today)


def next_proposal_parts(occurrence: Occurrence, today: datetime.date) -> tuple[str, str]:
    """`Neste frist for forslag: 1. mai 2027 – … (2028-utgaven, ` and `om 23 dager`: the browser recounts the days."""
    title = lower_first(occurrence.deadline.title)
    head = NEXT_PROPOSAL_HEAD.format(date=date_text(occurrence.date), title=title, release=occurrence.release)
    return head, days_text((occurrence.date - today).days)


def upcoming_proposals(deadlines: tuple[Deadline, ...], today: datetime.date, count: int = 6) -> tuple[Occurrence, ...]:
    """The next `count` deadlines for proposals from `today` on, for a page read long after its build."""
    marked = tuple(d for d in deadlines if d.proposals) or deadlines
    release = current_release(deadlines, today)
    found = [o for r in range(release, release + count + 1) for o in cycle(marked, r) if o.date >= today]
    return tuple(sorted(found, key=lambda o: o.date)[:count])
