"""Contexts for the generated parts of the hand-written guidance pages.

A hand-written page asks for a generated part with a marker (an HTML comment
on a line of its own); the plugin hands the page's HTML to `fill_markers`,
which replaces each marker by its rendered context. Dates are relative to
the build date, which the caller passes in.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Protocol

from .. import urls
from ..labels import SYSTEM_SHORT
from ..urls import Link, make_link
from ..inputs.deadlines import Deadline, current_release, cycle, date_text, next_occurrence, systems_text
from ..inputs.deadlines import next_proposal_occurrence, next_proposal_parts, upcoming_proposals
from ..output.downloads import Download, format_name, size_text

NEXT_DEADLINE_MARKER = "<!-- nkpk:next-deadline -->"
DEADLINES_MARKER = "<!-- nkpk:deadlines -->"
DOWNLOADS_MARKER = "<!-- nkpk:downloads -->"


@dataclass(frozen=True)
class NextDeadline:
    text: str  # `Neste frist: 1. mai 2027 – … (om 23 dager)`
    date: str  # ISO date, for <time>
    as_of: str  # the build date in words: the count of days is from then
    more: Link | None  # to the deadlines page, unless shown on it
    head: str = ""  # `text` up to the count of days, for the browser to recount from today
    upcoming: tuple = ()  # (ISO date, head) of the following deadlines for proposals: the browser takes the first ahead


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
    release: int  # the release this cycle prepares
    rows: tuple[DeadlineRow, ...]  # empty: no deadlines file in the manifest
    calendar: Link | None
    as_of: str

    @property
    def links(self) -> tuple[Link, ...]:
        return (self.calendar,) if self.calendar else ()


@dataclass(frozen=True)
class DownloadRow:
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
    releases: tuple[DownloadRelease, ...]  # newest first
    report: tuple[Link, ...]  # the build report, as text and JSON

    @property
    def links(self) -> tuple[Link, ...]:
        return tuple(row.link for release in self.releases for row in release.rows) + self.report


class GuidanceRenderer(Protocol):
    def next_deadline(self, page: NextDeadline) -> str: ...
    def deadline_table(self, page: DeadlineTable) -> str: ...
    def download_list(self, page: DownloadList) -> str: ...


def next_deadline(from_url: str, deadlines: tuple[Deadline, ...], today: datetime.date) -> NextDeadline | None:
    if not deadlines:
        return None
    occurrence = next_proposal_occurrence(deadlines, today)
    more = None
    if from_url != urls.DEADLINES_PAGE:
        more = make_link(from_url, urls.DEADLINES_PAGE, "Alle frister")
    head, days = next_proposal_parts(occurrence, today)
    upcoming = tuple((o.date.isoformat(), next_proposal_parts(o, today)[0]) for o in upcoming_proposals(deadlines, today))
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
        system = SYSTEM_SHORT[download.system] if download.system else "Flere (kolonne i filen)"
        row = DownloadRow(link, system, format_name(download.name), size_text(download.size))
        by_year.setdefault(download.year, []).append(row)
    releases = tuple(DownloadRelease(y, tuple(by_year[y])) for y in sorted(by_year, reverse=True))
    report = (make_link(from_url, urls.REPORT_TEXT, "tekst"), make_link(from_url, urls.REPORT_JSON, "JSON"))
    return DownloadList(releases, report)


def fill_markers(html: str, page_url: str, today: datetime.date, deadlines: tuple[Deadline, ...],
                 downloads: tuple[Download, ...], renderer: GuidanceRenderer) -> str:
    """Replace the guidance markers in a hand-written page's HTML."""
    if NEXT_DEADLINE_MARKER in html:
        box = next_deadline(page_url, deadlines, today)
        html = html.replace(NEXT_DEADLINE_MARKER, renderer.next_deadline(box) if box else "")
    if DEADLINES_MARKER in html:
        html = html.replace(DEADLINES_MARKER, renderer.deadline_table(deadline_table(page_url, deadlines, today)))
    if DOWNLOADS_MARKER in html:
        html = html.replace(DOWNLOADS_MARKER, renderer.download_list(download_list(page_url, downloads)))
    return html
