"""The front page's first screen: a large search field and the main tasks, before the prose.

The part (`<!-- nkpk:start -->`) searches through the results page (a plain
form: it works without scripts) and links the tasks people come for: browse
a code system, the newest release's changes, the next deadline for proposals
(recounted in the browser as on every page that shows it), checking a
list of codes, and codes from a note.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import ClassVar

from .. import urls
from ..analysis.compare import ReleaseChanges
from ..inputs.deadlines import Deadline
from ..labels import SYSTEM_SHORT
from ..urls import Link, make_link
from .browse import SystemPage
from .fields import doc
from .guidance import NextDeadline, next_deadline


@dataclass(frozen=True)
class StartSystem:
    link: Link  # the code system's page, its short name
    active: int | None  # valid codes in the newest release; None: not in it


@dataclass(frozen=True)
class StartTasks:
    template: ClassVar[str] = "start.html"

    search: str = doc("the search form's action: the results page, relative")
    systems: tuple[StartSystem, ...] = doc("each code system: its page and valid codes in the newest release")
    changes: Link = doc("the newest release's change page")
    new: int = doc("new and reactivated codes in the newest release")
    expired: int = doc("codes that expired in the newest release")
    texts: int = doc("changed texts in the newest release")
    deadline: NextDeadline | None = doc("the next deadline for proposals (None: no deadlines file)")
    checker: str = doc("the checker's page, relative")
    note: str = doc("the note page (codes from a note), relative")

    @property
    def links(self) -> tuple[Link, ...]:
        return tuple(s.link for s in self.systems) + (self.changes,)


def start_tasks(from_url: str, systems: tuple[SystemPage, ...], releases: tuple[ReleaseChanges, ...],
                deadlines: tuple[Deadline, ...], today: datetime.date) -> StartTasks:
    newest = releases[-1]
    totals = {kind: sum(len(s.of_kind(kind)) for s in newest.systems) for kind in ("new", "reactivated", "expired", "text")}
    return StartTasks(
        search=urls.link(from_url, urls.SEARCH_PAGE),
        systems=tuple(StartSystem(make_link(from_url, s.url, SYSTEM_SHORT[_system_of(s)]), s.active if s.in_newest else None)
                      for s in systems),
        changes=make_link(from_url, urls.changes_url(newest.year), str(newest.year)),
        new=totals["new"] + totals["reactivated"],
        expired=totals["expired"],
        texts=totals["text"],
        deadline=next_deadline(from_url, deadlines, today),
        checker=urls.link(from_url, urls.CHECKER_PAGE),
        note=urls.link(from_url, urls.NOTE_PAGE),
    )


def _system_of(page: SystemPage) -> str:
    return next(system for system, slug in urls.SYSTEM_SLUGS.items() if urls.system_url(system) == page.url)
