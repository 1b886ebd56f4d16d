"""The note page (`notat/`): a note pasted in, codes proposed, in the browser.

Nothing is sent or stored: the page loads the search's own files (the
search file, its scripts) and two scripts of its own, `note-core.js` (the
reading of a note, with the search engine) and `note.js` (the page). The
box carries the note rules (generator/search/notes.py) as data, the
addresses of the checker and of code pages, and the scripts to load.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from .. import urls
from ..jsonfile import compact_json
from ..search.notes import note_rules
from .fields import doc


@dataclass(frozen=True)
class NoteBox:
    """The note page's form and result areas (templates/nkpk/note.html)."""

    template: ClassVar[str] = "note.html"

    checker: str = doc("address of the checker page, which takes the chosen codes in its fragment")
    checker_field: str = doc("the fragment's name: `#koder=JKA21,ZXA00`")
    rules: str = doc("the note rules as compact JSON, for note-core.js")
    scripts: tuple[str, ...] = doc("the note page's scripts, in load order")
    style: str = doc("the note page's style sheet")
    newest_year: int = doc("the newest release the site carries: the status of every proposed code")


def note_box(from_url: str, newest_year: int) -> NoteBox:
    return NoteBox(
        checker=urls.link(from_url, urls.CHECKER_PAGE),
        checker_field=urls.CHECKER_CODES,
        rules=compact_json(note_rules()).strip(),
        scripts=tuple(urls.link(from_url, s) for s in urls.NOTE_SCRIPTS),
        style=urls.link(from_url, urls.NOTE_STYLE),
        newest_year=newest_year,
    )
