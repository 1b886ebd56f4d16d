"""Page contexts and JSON for release-to-release changes (the Atom feed is in feed.py).

The comparison itself is in `analysis/compare.py`; this module shapes it for the change
pages (`endringer/<YEAR>/`), the overview (`endringer/`), the code pages'
history and `api/endringer/<YEAR>.json`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import AbstractSet, Callable, ClassVar

from .. import urls
from .fields import doc
from ..analysis.compare import CHANGE_KINDS, Change, CodeEvent, ReleaseChanges, SystemChanges
from .successor_rows import MovedRow, moved_rows
from .change_contents import ChapterGroup, chapter_groups, chapter_jumps, group_jumps
from .word_diff import Segment, word_diff  # noqa: F401 (Segment and word_diff were defined here)
from ..analysis.official import OfficialEntry
from ..analysis.successors import Lineage
from ..labels import (
    ALL_CHANGES_IN, ALL_RELEASES, CHANGES_OVERVIEW_TITLE, CHANGES_TITLE, COMPARED, COMPARED_ACROSS_GAP, COMPARED_FIRST,
    EARLIER_CHANGES, EVENT_LABELS, FEED_LINK, KIND_TITLES, OPEN_ALL_CHAPTERS, SYSTEM_NAMES, SYSTEM_SHORT,
)
from ..urls import Link, make_link

ChapterOf = Callable[[str, str], tuple[str, str]]  # (system, code) -> (chapter prefix, label)


@dataclass(frozen=True)
class ChangeRow:
    anchor: str
    link: Link
    code: str
    before: tuple[Segment, ...]  # empty when there is no text before
    after: tuple[Segment, ...]


@dataclass(frozen=True)
class KindSection:
    kind: str
    anchor: str
    title: str
    rows: tuple[ChangeRow, ...]
    chapters: tuple = ()  # change_contents.ChapterJump: where each chapter begins, for the contents list
    groups: tuple[ChapterGroup, ...] = ()  # the rows by chapter, collapsed; () for a short table, shown whole


@dataclass(frozen=True)
class OfficialRow:
    """An entry of an official change document, and whether the code lists agree."""

    code: str
    link: Link | None  # None: the code is in no code list
    kind_title: str
    text: str | None
    successors: tuple[Link, ...]
    agrees: bool


@dataclass(frozen=True)
class SystemSection:
    system_name: str
    short: str
    anchor: str
    from_year: int | None
    compared_note: str
    count: int
    counts: tuple[int, ...]  # per kind, in CHANGE_KINDS order
    kinds: tuple[KindSection, ...]  # only kinds with changes
    official: tuple[OfficialRow, ...]  # entries of official change documents for this release and system
    moved: tuple[MovedRow, ...]  # expired codes of this system and where they went
    moved_groups: tuple[ChapterGroup, ...] = ()  # `moved` by chapter of the expired code, collapsed; () shown whole
    official_groups: tuple[ChapterGroup, ...] = ()  # `official` by chapter, collapsed; () shown whole


def changes_document(release: ReleaseChanges, lineage: Lineage) -> dict:
    """`api/endringer/<YEAR>.json`; an expired entry lists its successors."""
    return {
        "from_year": release.previous_year,
        "to_year": release.year,
        "compared_with": {s.system: s.from_year for s in release.systems},
        "changes": [_change_entry(c, release.year, lineage) for c in release.changes],
    }


def _change_entry(change: Change, year: int, lineage: Lineage) -> dict:
    entry = {"system": change.system, "code": change.code, "change": change.change, "before": change.before, "after": change.after}
    if change.change == "expired":
        found = (s for s in lineage.by_old.get(change.code, ()) if s.year == year and s.old_system == change.system)
        entry["successors"] = [{"code": s.code, "kind": s.kind} for s in found]
    return entry


@dataclass(frozen=True)
class ChangesPage:
    template: ClassVar[str] = "changes.html"
    twin: ClassVar[Callable[[ReleaseChanges, Lineage], dict]] = staticmethod(changes_document)  # api/endringer/<YEAR>.json

    url: str = doc("site-relative URL of the page (`kode/JKA21/`)")
    title: str = doc("the page's title (browser tab, search results)")
    year: int = doc("the release whose changes are shown")
    previous_year: int | None = doc("the release compared with (None: the first)")
    kind_titles: tuple[str, ...] = doc("headings of the kinds of change, in order")
    systems: tuple[SystemSection, ...] = doc("one section per code system")
    open_all: str | None = doc("the label of the button that opens every collapsed chapter (None: no table is collapsed)")
    overview: Link = doc("link to the overview of all releases")
    previous: Link | None = doc("the release before (None: first)")
    next: Link | None = doc("the release after (None: newest)")
    json: Link = doc("link to the changes as JSON")

    @property
    def links(self) -> tuple[Link, ...]:
        rows = tuple(r.link for s in self.systems for k in s.kinds for r in k.rows)
        rows += tuple(x for s in self.systems for o in s.official for x in (o.link, *o.successors) if x is not None)
        rows += tuple(x for s in self.systems for m in s.moved for x in (m.old, m.new))
        extra = tuple(x for x in (self.previous, self.next) if x is not None)
        return rows + extra + (self.overview, self.json)


@dataclass(frozen=True)
class OverviewRow:
    link: Link
    system: str
    from_year: int | None
    counts: tuple[int, ...]


@dataclass(frozen=True)
class ChangesOverview:
    template: ClassVar[str] = "changes_overview.html"

    url: str = doc("site-relative URL of the page (`kode/JKA21/`)")
    source: str = doc("the mkdocs source path of the generated page")
    title: str = doc("the page's title (browser tab, search results)")
    kind_titles: tuple[str, ...] = doc("headings of the kinds of change, in order")
    rows: tuple[OverviewRow, ...] = doc("one row per release, newest first")
    feed: Link = doc("link to the Atom feed")

    @property
    def links(self) -> tuple[Link, ...]:
        return tuple(r.link for r in self.rows)


@dataclass(frozen=True)
class HistoryEntry:
    """One line of a code page's change history."""

    year: int
    label: str
    link: Link


def _row(page_url: str, change: Change) -> ChangeRow:
    anchor = urls.change_anchor(change.system, change.code)
    before = (Segment(change.before, False),) if change.before is not None else ()
    after = (Segment(change.after, False),) if change.after is not None else ()
    if change.before is not None and change.after is not None and change.before != change.after:
        before, after = word_diff(change.before, change.after)
    return ChangeRow(anchor, make_link(page_url, urls.code_url(change.code), change.code), change.code, before, after)


def _compared_note(system: SystemChanges, previous_year: int | None) -> str:
    name = SYSTEM_SHORT[system.system]
    if system.from_year is None:
        return COMPARED_FIRST.format(name=name)
    if system.from_year != previous_year:
        return COMPARED_ACROSS_GAP.format(year=system.from_year, name=name, now=system.year)
    return COMPARED.format(year=system.from_year)


def _official_row(page_url: str, entry: OfficialEntry, system: SystemChanges, known: AbstractSet[str]) -> OfficialRow:
    def code_link(code: str) -> Link | None:
        return make_link(page_url, urls.code_url(code), code) if code in known else None

    actual = next((c.change for c in system.changes if c.code == entry.code), None)
    successors = tuple(x for x in map(code_link, entry.successors) if x is not None)
    return OfficialRow(entry.code, code_link(entry.code), KIND_TITLES[entry.change], entry.text, successors, actual == entry.change)


def _section(page_url: str, system: SystemChanges, previous_year: int | None, official: Official, chapter_of: ChapterOf) -> SystemSection:
    moved = moved_rows(page_url, official.lineage.of_release(system.year, system.system))
    slug = urls.SYSTEM_SLUGS[system.system]
    chapters = partial(chapter_of, system.system)
    kinds = tuple(
        _kind_section(kind, f"{slug}-{kind}", tuple(_row(page_url, c) for c in system.of_kind(kind)), chapters)
        for kind in CHANGE_KINDS
        if system.of_kind(kind)
    )
    entries = tuple(
        _official_row(page_url, e, system, official.known)
        for e in official.entries
        if e.year == system.year and e.system == system.system
    )
    return SystemSection(
        system_name=SYSTEM_NAMES[system.system],
        short=SYSTEM_SHORT[system.system],
        anchor=slug,
        from_year=system.from_year,
        compared_note=_compared_note(system, previous_year),
        count=system.count,
        counts=tuple(len(system.of_kind(k)) for k in CHANGE_KINDS),
        kinds=kinds,
        official=entries,
        moved=moved,
        moved_groups=chapter_groups(moved, f"{slug}-flyttet", lambda r: r.old.label, chapters),
        official_groups=chapter_groups(entries, f"{slug}-offisielt", lambda r: r.code, chapters),
    )


def _collapsed(system: SystemSection) -> bool:
    return any(k.groups for k in system.kinds) or bool(system.moved_groups or system.official_groups)


def _kind_section(kind: str, anchor: str, rows: tuple[ChangeRow, ...], chapters: Callable[[str], tuple[str, str]]) -> KindSection:
    groups = chapter_groups(rows, anchor, lambda r: r.code, chapters)
    jumps = group_jumps(groups) if groups else chapter_jumps(rows)
    return KindSection(kind, anchor, KIND_TITLES[kind], rows, jumps, groups)


@dataclass(frozen=True)
class Official:
    """The official change documents' entries, the codes that have a page, and successors."""

    entries: tuple[OfficialEntry, ...]
    known: AbstractSet[str]  # every code of any release
    lineage: Lineage


def changes_pages(releases: tuple[ReleaseChanges, ...], official: Official, chapter_of: ChapterOf) -> list[ChangesPage]:
    """A page per release, comparing it with the previous release of each code system.

    `chapter_of(system, code)` names a code's chapter (change_contents.chapter_namer).
    """
    pages = []
    years = [r.year for r in releases]
    for index, release in enumerate(releases):
        url = urls.changes_url(release.year)
        prev_year = years[index - 1] if index else None
        next_year = years[index + 1] if index + 1 < len(years) else None
        systems = tuple(_section(url, s, release.previous_year, official, chapter_of) for s in release.systems)
        pages.append(
            ChangesPage(
                url=url,
                title=CHANGES_TITLE.format(year=release.year),
                year=release.year,
                previous_year=release.previous_year,
                kind_titles=tuple(KIND_TITLES[k] for k in CHANGE_KINDS),
                systems=systems,
                open_all=OPEN_ALL_CHAPTERS if any(_collapsed(s) for s in systems) else None,
                overview=make_link(url, urls.CHANGES_OVERVIEW, ALL_RELEASES),
                previous=make_link(url, urls.changes_url(prev_year), str(prev_year)) if prev_year else None,
                next=make_link(url, urls.changes_url(next_year), str(next_year)) if next_year else None,
                json=make_link(url, urls.changes_json(release.year), "JSON"),
            )
        )
    return pages


def changes_overview(releases: tuple[ReleaseChanges, ...]) -> ChangesOverview:
    """One row per release and code system, newest release first."""
    url = urls.CHANGES_OVERVIEW
    rows = tuple(
        OverviewRow(
            link=make_link(url, urls.changes_url(r.year), str(r.year)),
            system=SYSTEM_SHORT[s.system],
            from_year=s.from_year,
            counts=tuple(len(s.of_kind(k)) for k in CHANGE_KINDS),
        )
        for r in reversed(releases)
        for s in r.systems
    )
    feed = make_link(url, urls.CHANGES_FEED, FEED_LINK)
    return ChangesOverview(url, urls.CHANGES_SOURCE, CHANGES_OVERVIEW_TITLE, tuple(KIND_TITLES[k] for k in CHANGE_KINDS), rows, feed)


def code_history(page_url: str, code: str, events: tuple[CodeEvent, ...]) -> tuple[HistoryEntry, ...]:
    """A code page's change history, each entry linking to its release's change page."""
    entries = []
    for event in events:
        target = urls.changes_url(event.year)
        if event.change != "baseline":
            target += "#" + urls.change_anchor(event.system, code)
        entries.append(HistoryEntry(event.year, EVENT_LABELS[event.change], make_link(page_url, target, str(event.year))))
    return tuple(entries)


@dataclass(frozen=True)
class LatestChanges:
    """The newest release's change counts, for a hand-written page (the front page)."""

    template: ClassVar[str] = "latest_changes.html"

    year: int = doc("the newest release")
    link: Link = doc("to the newest release's changes page")
    overview: Link = doc("to the overview of all releases")
    kind_titles: tuple[str, ...] = doc("headings of the kinds of change, in order")
    rows: tuple[OverviewRow, ...] = doc("the newest release's counts")


def latest_changes(from_url: str, releases: tuple[ReleaseChanges, ...]) -> LatestChanges:
    newest = releases[-1]
    rows = tuple(
        OverviewRow(
            link=make_link(from_url, urls.changes_url(newest.year) + "#" + urls.SYSTEM_SLUGS[s.system], SYSTEM_SHORT[s.system]),
            system=SYSTEM_SHORT[s.system],
            from_year=s.from_year,
            counts=tuple(len(s.of_kind(k)) for k in CHANGE_KINDS),
        )
        for s in newest.systems
    )
    return LatestChanges(
        year=newest.year,
        link=make_link(from_url, urls.changes_url(newest.year), ALL_CHANGES_IN.format(year=newest.year)),
        overview=make_link(from_url, urls.CHANGES_OVERVIEW, EARLIER_CHANGES),
        kind_titles=tuple(KIND_TITLES[k] for k in CHANGE_KINDS),
        rows=rows,
    )
