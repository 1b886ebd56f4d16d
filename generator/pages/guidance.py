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
from ..labels import ALL_DEADLINES, IN_FORCE_NAME, IN_FORCE_URL, PRINTED_BOOK, REPORT_AS_TEXT, SEVERAL_SYSTEMS, SYSTEM_SHORT
from ..urls import Link, make_link
from ..inputs.deadlines import Deadline, Occurrence, current_release, cycle, date_text, systems_text
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
class DeadlineCycle:
    """The deadlines of the cycle that prepares one release, or (`rest`) those still ahead of it."""

    release: int  # the release the cycle prepares
    rest: bool  # only the deadlines from today on: its proposals are past, the next deadline is for the release after
    rows: tuple[DeadlineRow, ...]


@dataclass(frozen=True)
class DeadlineTable:
    template: ClassVar[str] = "deadline_table.html"

    cycles: tuple[DeadlineCycle, ...] = doc(
        "the cycle the next deadline for proposals belongs to, after what is left of the cycle before it (empty: no file)")
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
    """The cycle of the release that the next deadline for proposals is for, the one the page's headline names.

    Between the last proposals of a cycle and the day its release takes effect that is the next cycle: what is
    left of the cycle under way comes first, so that its meetings, decision and files are not lost.
    """
    if not deadlines:
        return DeadlineTable((), None, date_text(today))
    release = next_proposal_occurrence(deadlines, today).release
    current = current_release(deadlines, today)
    parts = [(current, True, [o for o in cycle(deadlines, current) if o.date >= today])] if current != release else []
    parts.append((release, False, list(cycle(deadlines, release))))
    upcoming = min((o for _, _, found in parts for o in found if o.date >= today), key=lambda o: o.date)
    cycles = tuple(DeadlineCycle(r, rest, tuple(_deadline_row(o, today, upcoming, rest) for o in found)) for r, rest, found in parts)
    return DeadlineTable(cycles, make_link(from_url, urls.DEADLINES_ICS, "frister.ics"), date_text(today))


def _deadline_row(occurrence: Occurrence, today: datetime.date, upcoming: Occurrence, rest: bool) -> DeadlineRow:
    state = "neste" if occurrence == upcoming else "passert" if occurrence.date < today else "senere"
    deadline = occurrence.deadline
    anchor = f"frist-{deadline.id}" + (f"-{occurrence.release}" if rest else "")
    return DeadlineRow(anchor, occurrence.date.isoformat(), date_text(occurrence.date), deadline.title,
                       systems_text(deadline.systems), deadline.note, state)


def download_list(from_url: str, downloads: tuple[Download, ...]) -> DownloadList:
    by_year: dict[int, list[DownloadRow]] = {}
    for download in downloads:
        link = Link(download.name, urls.file_link(from_url, download.path), download.path)
        system = SYSTEM_SHORT[download.system] if download.system else SEVERAL_SYSTEMS
        kind = format_name(download.name) + (PRINTED_BOOK if download.book else "")
        row = DownloadRow(urls.download_anchor(download.year, download.name), link, system, kind, size_text(download.size))
        by_year.setdefault(download.year, []).append(row)
    releases = tuple(DownloadRelease(y, tuple(by_year[y])) for y in sorted(by_year, reverse=True))
    report = (make_link(from_url, urls.REPORT_TEXT, REPORT_AS_TEXT), make_link(from_url, urls.REPORT_JSON, "JSON"))
    return DownloadList(releases, report)
