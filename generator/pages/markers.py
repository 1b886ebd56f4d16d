"""The generated parts a hand-written page can ask for: one table of markers.

A page asks for a part with an HTML comment on a line of its own,
`<!-- nkpk:NAME -->`. Each name in `MARKERS` makes the context of its part
for the page at hand; the renderer turns that into HTML (a context of None
leaves nothing). A marker whose name is not in the table, misspelt or
unknown, stops the build naming the page.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable

from ..inputs.diagnostics import InputError, Location
from .browse import system_list
from .changes import latest_changes
from .checker import checker_box
from .guidance import deadline_table, download_list, next_deadline, release_note
from .note import note_box
from .start import start_tasks
from ..opendata.pages import api_page, compare_box, open_downloads

if TYPE_CHECKING:
    from ..project import Project

# name -> (page URL, project) -> context of the part (or None: nothing to show)
MARKERS: dict[str, Callable[[str, Project], object | None]] = {
    "start": lambda url, p: start_tasks(url, p.systems, p.releases, p.deadlines, p.build_date),
    "systems": lambda url, p: system_list(url, p.systems, tuple(r.year for r in p.catalogue.releases)),
    "latest-changes": lambda url, p: latest_changes(url, p.releases),
    "checker": lambda url, p: checker_box(url, p.catalogue),
    "next-deadline": lambda url, p: next_deadline(url, p.deadlines, p.build_date),
    "release-note": lambda url, p: release_note(url, tuple(r.year for r in p.catalogue.releases), p.deadlines, p.build_date),
    "deadlines": lambda url, p: deadline_table(url, p.deadlines, p.build_date),
    "downloads": lambda url, p: download_list(url, p.downloads),
    "open-data": lambda url, p: open_downloads(p, url),
    "api": lambda url, p: api_page(p, url),
    "compare": lambda url, p: compare_box(p, url),
    "note": lambda url, p: note_box(url, p.catalogue.releases[-1].year),
}

MARKER = re.compile(r"<!--\s*nkpk:(?P<name>[^\s>]*)\s*-->")


def marker(name: str) -> str:
    """The marker text for a name, as a hand-written page writes it."""
    return f"<!-- nkpk:{name} -->"


def fill_markers(html: str, page_url: str, source: str, project: Project, render: Callable[[object], str]) -> str:
    """Replace every marker in a hand-written page's HTML by its rendered part; `source` names the page."""

    def part(found: re.Match) -> str:
        name = found.group("name")
        if name not in MARKERS:
            known = ", ".join(sorted(MARKERS))
            raise InputError(Location(source), f"unknown marker {found.group(0)} (known: {known})")
        context = MARKERS[name](page_url, project)
        return render(context) if context is not None else ""

    return MARKER.sub(part, html)
