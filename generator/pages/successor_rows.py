"""Page contexts for successors: on code pages (both ways) and on change pages."""

from __future__ import annotations

from dataclasses import dataclass

from .. import urls
from ..labels import PREDECESSOR_LABELS, SUCCESSOR_LABELS, SYSTEM_SHORT
from ..analysis.successors import Successor
from ..urls import Link, make_link
from .word_diff import diff_pair


@dataclass(frozen=True)
class SuccessorRow:
    """Another code that took over from this one (or that this one took over from)."""

    year: int
    year_link: Link  # the change page of the release where it happened
    link: Link  # the other code's page
    system: str
    label: str
    text: str  # the other code's text at the time


@dataclass(frozen=True)
class MovedRow:
    """An expired code and a successor, for a release's change page."""

    old: Link
    old_text: str
    new: Link
    new_system: str
    new_text: str
    kind: str
    label: str
    old_segments: tuple = ()  # word_diff.Segment: the old text, words that differ from the new text marked
    new_segments: tuple = ()  # word_diff.Segment: the new text, words that differ from the old text marked


def _row(page_url: str, successor: Successor, forward: bool) -> SuccessorRow:
    other, text = (successor.code, successor.text) if forward else (successor.old, successor.old_text)
    system = successor.system if forward else successor.old_system
    labels = SUCCESSOR_LABELS if forward else PREDECESSOR_LABELS
    anchor = "#" + urls.change_anchor(successor.old_system, successor.old)
    return SuccessorRow(
        year=successor.year,
        year_link=make_link(page_url, urls.changes_url(successor.year) + anchor, str(successor.year)),
        link=make_link(page_url, urls.code_url(other), other),
        system=SYSTEM_SHORT[system],
        label=labels[successor.kind],
        text=text,
    )


def successor_rows(page_url: str, successors: tuple[Successor, ...]) -> tuple[SuccessorRow, ...]:
    """On an expired code's page: where it went."""
    return tuple(_row(page_url, s, True) for s in successors)


def predecessor_rows(page_url: str, predecessors: tuple[Successor, ...]) -> tuple[SuccessorRow, ...]:
    """On a new code's page: the codes it took over from."""
    return tuple(_row(page_url, s, False) for s in sorted(predecessors, key=lambda s: (s.year, s.old)))


def moved_rows(page_url: str, successors: tuple[Successor, ...]) -> tuple[MovedRow, ...]:
    """On a change page: each expired code of one code system with its successors."""
    return tuple(_moved(page_url, s) for s in successors)


def _moved(page_url: str, s: Successor) -> MovedRow:
    old_segments, new_segments = diff_pair(s.old_text, s.text)
    return MovedRow(
        old=make_link(page_url, urls.code_url(s.old), s.old),
        old_text=s.old_text,
        new=make_link(page_url, urls.code_url(s.code), s.code),
        new_system=SYSTEM_SHORT[s.system],
        new_text=s.text,
        kind=s.kind,
        label=SUCCESSOR_LABELS[s.kind],
        old_segments=old_segments,
        new_segments=new_segments,
    )
