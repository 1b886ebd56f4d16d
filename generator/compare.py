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
