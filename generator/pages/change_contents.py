"""The contents of a change page: where each chapter begins in each table (issue 16).

A release that restructured a code system (NCSP in 2016) lists thousands of
rows; the contents list at the top of its change page jumps to a code system,
a kind of change and, within it, a chapter.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Protocol


class _Row(Protocol):
    anchor: str
    code: str


@dataclass(frozen=True)
class ChapterJump:
    """The first row of a chapter in one table of a change page."""

    chapter: str  # the chapter's letter: the code's first character
    anchor: str  # id of the chapter's first row
    count: int  # rows of this chapter in the table


def chapter_jumps(rows: Iterable[_Row]) -> tuple[ChapterJump, ...]:
    """Each chapter's first row and row count, in the rows' order (they come sorted by code)."""
    first: dict[str, str] = {}
    counts: dict[str, int] = {}
    for row in rows:
        chapter = row.code[:1]
        first.setdefault(chapter, row.anchor)
        counts[chapter] = counts.get(chapter, 0) + 1
    return tuple(ChapterJump(chapter, anchor, counts[chapter]) for chapter, anchor in first.items())
