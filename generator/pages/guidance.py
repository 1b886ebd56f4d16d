"""Contexts for the generated parts of the hand-written guidance pages.

A hand-written page asks for a generated part with a marker (see
`markers.py`), which is replaced by its rendered context. Dates are relative
to the build date, which the caller passes in.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass
from typing import ClassVar

from .. import urls
from .fields import doc
from ..labels import ALL_DEADLINES, IN_FORCE_NAME, IN_FORCE_URL, REPORT_AS_TEXT, SEVERAL_SYSTEMS, SYSTEM_SHORT
from ..urls import Link, make_link
from ..inputs.deadlines import Deadline, current_release, cycle, date_text, next_occurrence, systems_text
from ..inputs.deadlines import next_proposal_occurrence, next_proposal_parts, upcoming_proposals
from ..opendata.downloads import Download, format_name, size_text

@dataclass(frozen=True)
class NextDeadline:
    template: ClassVar[str] = "next_deadline.html"

    text: str = doc("`Neste frist: 1. mai 2027 – … (om 23 dager)`")
    date: str = doc("ISO date, for <time>")
    as_of: str = doc("the build date in words: the count of days is from then")
    more: Link | None = doc("to the deadlines page, unless shown on it")
    head: str = doc("`text` up to the count of days, for the browser to recount from today", "")
    upcoming: str = doc("JSON list of [ISO date, head] of the following proposal deadlines: the browser takes the first ahead", "[]")


@dataclass(frozen=True)
class ReleaseNote:
    """The newest release here, the next deadline, and where the list in force is (pages that show releases)."""

    template: ClassVar[str] = "release_note.html"

    newest_year: int = doc("the newest release the site carries")
    first_year: int = doc("the oldest release the site carries")
    deadline: NextDeadline | None = doc("the next proposal deadline (None: no deadlines file)")
    in_force: tuple[str, str] = doc("(name, address) of the official list in force, outside the site")

    @property
    def links(self) -> tuple[Link, ...]:
        return (self.deadline.more,) if self.deadline and self.deadline.more else ()


def release_note(from_url: str, years: tuple[int, ...], deadlines: tuple[Deadline, ...], today: datetime.date) -> ReleaseNote:
    """`years`: the releases of the site, oldest first."""
    return ReleaseNote(years[-1], years[0], next_deadline(from_url, deadlines, today), (IN_FORCE_NAME, IN_FORCE_URL))


@dataclass(frozen=True)
class DeadlineRow:
    anchor: str  # the row's id on the page
    date: str  # ISO date
    date_text: str
    title: str
    systems: str
    note: str | None
    state: str  # "passert", "neste" or "senere"


@dataclass(frozen=True)
class DeadlineTable:
    template: ClassVar[str] = "deadline_table.html"

    release: int = doc("the release this cycle prepares")
    rows: tuple[DeadlineRow, ...] = doc("one per deadline (empty: no deadlines file)")
    calendar: Link | None = doc("link to frister.ics (None: no deadlines)")
    as_of: str = doc("the build date in words")

    @property
    def links(self) -> tuple[Link, ...]:
        return (self.calendar,) if self.calendar else ()


@dataclass(frozen=True)
class DownloadRow:
    anchor: str  # the line's id: books' notes link to it
    link: Link
    system: str
    format: str
    size: str


@dataclass(frozen=True)
class DownloadRelease:
    year: int
    rows: tuple[DownloadRow, ...]


@dataclass(frozen=True)
class DownloadList:
    template: ClassVar[str] = "download_list.html"

    releases: tuple[DownloadRelease, ...] = doc("the input files of each release, newest first")
    report: tuple[Link, ...] = doc("the build report, as text and JSON")

    @property
    def links(self) -> tuple[Link, ...]:
        return tuple(row.link for release in self.releases for row in release.rows) + self.report


def next_deadline(from_url: str, deadlines: tuple[Deadline, ...], today: datetime.date) -> NextDeadline | None:
    if not deadlines:
        return None
    occurrence = next_proposal_occurrence(deadlines, today)
    more = None
    if from_url != urls.DEADLINES_PAGE:
        more = make_link(from_url, urls.DEADLINES_PAGE, ALL_DEADLINES)
    head, days = next_proposal_parts(occurrence, today)
    upcoming = json.dumps([[o.date.isoformat(), next_proposal_parts(o, today)[0]] for o in upcoming_proposals(deadlines, today)],
                          ensure_ascii=False)
    return NextDeadline(head + days + ")", occurrence.date.isoformat(), date_text(today), more, head, upcoming)


def deadline_table(from_url: str, deadlines: tuple[Deadline, ...], today: datetime.date) -> DeadlineTable:
    if not deadlines:
        return DeadlineTable(today.year + 1, (), None, date_text(today))
    release = current_release(deadlines, today)
    upcoming = next_occurrence(deadlines, today)
    rows = []
    for occurrence in cycle(deadlines, release):
        state = "passert" if occurrence.date < today else "senere"
        if occurrence == upcoming:
            state = "neste"
        deadline = occurrence.deadline
        rows.append(DeadlineRow(f"frist-{deadline.id}", occurrence.date.isoformat(), date_text(occurrence.date), deadline.title,
                                systems_text(deadline.systems), deadline.note, state))
    calendar = make_link(from_url, urls.DEADLINES_ICS, "frister.ics")
    return DeadlineTable(release, tuple(rows), calendar, date_text(today))


def download_list(from_url: str, downloads: tuple[Download, ...]) -> DownloadList:
    by_year: dict[int, list[DownloadRow]] = {}
    for download in downloads:
        link = Link(download.name, urls.file_link(from_url, download.path), download.path)
        system = SYSTEM_SHORT[download.system] if download.system else SEVERAL_SYSTEMS
        row = DownloadRow(urls.download_anchor(download.year, download.name), link, system, format_name(download.name),
                          size_text(download.size))
        by_year.setdefault(download.year, []).append(row)
    releases = tuple(DownloadRelease(y, tuple(by_year[y])) for y in sorted(by_year, reverse=True))
    report = (make_link(from_url, urls.REPORT_TEXT, REPORT_AS_TEXT), make_link(from_url, urls.REPORT_JSON, "JSON"))
    return DownloadList(releases, report)
