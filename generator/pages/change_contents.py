"""The contents of a change page: its tables by chapter (issues 16 and 32).

A release that restructured a code system (NCSP in 2016) lists thousands of
rows. A table of more than `COLLAPSE_ROWS` rows is shown as one collapsed
part per chapter (`<details>`, its summary the chapter and its count), so
that the page is a list of what changed where, and a reader opens a chapter,
or all; the rows stay in the page, for the browser's find and the filter box.
The contents list at the top jumps to a code system, a kind of change and,
within it, a chapter.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Generic, Iterable, Protocol, TypeVar

from ..labels import CHAPTER
from ..model.hierarchy import Hierarchy

COLLAPSE_ROWS = 15  # a table with more rows than this is collapsed by chapter

Row = TypeVar("Row")


class _Row(Protocol):
    anchor: str
    code: str


@dataclass(frozen=True)
class ChapterJump:
    """The first row of a chapter in one table of a change page."""

    chapter: str  # the chapter's letter: the code's first character
    anchor: str  # id of the chapter's first row, or of its collapsed part
    count: int  # rows of this chapter in the table


@dataclass(frozen=True)
class ChapterGroup(Generic[Row]):
    """The rows of one chapter in a collapsed table: a `<details>` whose summary is `label` and the count."""

    chapter: str  # the chapter's prefix (`J`)
    anchor: str  # the id of the part: the table's anchor and the chapter (`ncsp-new-J`)
    label: str  # `Kapittel J Fordøyelsesorganer og milt`
    rows: tuple[Row, ...]


def chapter_jumps(rows: Iterable[_Row]) -> tuple[ChapterJump, ...]:
    """Each chapter's first row and row count, in the rows' order (they come sorted by code)."""
    first: dict[str, str] = {}
    counts: dict[str, int] = {}
    for row in rows:
        chapter = row.code[:1]
        first.setdefault(chapter, row.anchor)
        counts[chapter] = counts.get(chapter, 0) + 1
    return tuple(ChapterJump(chapter, anchor, counts[chapter]) for chapter, anchor in first.items())


def chapter_groups(
    rows: tuple[Row, ...], anchor: str, code_of: Callable[[Row], str], chapter_of: Callable[[str], tuple[str, str]]
) -> tuple[ChapterGroup[Row], ...]:
    """The rows by chapter, in the rows' order, for a table of more than COLLAPSE_ROWS rows; () for a shorter one.

    `chapter_of(code)` gives the code's chapter prefix and label.
    """
    if len(rows) <= COLLAPSE_ROWS:
        return ()
    groups: dict[str, tuple[str, list[Row]]] = {}
    for row in rows:
        prefix, label = chapter_of(code_of(row))
        groups.setdefault(prefix, (label, []))[1].append(row)
    return tuple(ChapterGroup(prefix, f"{anchor}-{prefix}", label, tuple(found)) for prefix, (label, found) in groups.items())


def group_jumps(groups: tuple[ChapterGroup, ...]) -> tuple[ChapterJump, ...]:
    """The contents list's jumps to the collapsed parts of a table."""
    return tuple(ChapterJump(g.chapter, g.anchor, len(g.rows)) for g in groups)


def chapter_namer(hierarchy: Hierarchy) -> Callable[[str, str], tuple[str, str]]:
    """`(system, code) -> (chapter prefix, "Kapittel J Fordøyelsesorganer og milt")`; the code's first letter where
    the hierarchy does not know the code (an official change document's entry that no code list has)."""

    def chapter_of(system: str, code: str) -> tuple[str, str]:
        node = hierarchy.nodes.get((system, code[:1]))
        try:
            node = hierarchy.path(system, code)[0]
        except (KeyError, IndexError):
            pass
        prefix = node.prefix if node else code[:1]
        name = node.name if node else None
        return prefix, CHAPTER.format(prefix=prefix) + (f" {name}" if name else "")

    return chapter_of
