"""One typed context per page type, all built here.

Contexts carry everything a template shows, already sorted and with relative
links: templates only format.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import urls
from .fields import doc
from ..labels import IN_FORCE_NAME, IN_FORCE_URL, PERIOD, PROPOSE_CHANGE, SYSTEM_NAMES, SYSTEM_SHORT, TIMELINE_NOTES
from ..labels import code_status, level_name
from ..urls import Link, make_link
from .changes import HistoryEntry
from .successor_rows import SuccessorRow
from .word_diff import period_diffs
from ..analysis.compare import TimelineRow, code_timeline, text_changed_years
from ..model.hierarchy import Hierarchy, Node
from ..model.catalogue import Catalogue, Code

@dataclass(frozen=True)
class Period:
    """Consecutive releases of a code system in which a code had one text (or was absent)."""

    years: tuple[int, ...]
    text: str | None  # None: the code was not in these releases
    note: str  # what happened at the start of the period

    @property
    def label(self) -> str:
        if len(self.years) == 1:
            return str(self.years[0])
        return PERIOD.format(first=self.years[0], last=self.years[-1], count=len(self.years))


@dataclass(frozen=True)
class CodeRow:
    link: Link
    code: str
    text: str
    last_year: int


@dataclass(frozen=True)
class NodeRow:
    link: Link
    prefix: str
    name: str | None
    active: int
    total: int


@dataclass(frozen=True)
class CodePage:
    url: str = doc("site-relative URL of the page (`kode/JKA21/`)")
    title: str = doc("the page's title (browser tab, search results)")
    heading: str = doc("the <h1>: code and text")
    code: str = doc("the code, as printed (`JKA21`)")
    system_name: str = doc("the code system's full name")
    text: str = doc("the code's text in its newest release")
    active: bool = doc("true if the code is in the newest release")
    newest_year: int = doc("the newest release of the site")
    last_year: int = doc("the last release with the code")
    years_text: str = doc("the releases with the code, in words")
    periods: tuple[Period, ...] = doc("runs of releases with one text, oldest first")
    changed_years: tuple[int, ...] = doc("releases in which the text changed")
    history: tuple[HistoryEntry, ...] = doc("what happened to the code, release by release")
    successors: tuple[SuccessorRow, ...] = doc("where the code went when it expired")
    predecessors: tuple[SuccessorRow, ...] = doc("codes that went into this one")
    breadcrumbs: tuple[Link, ...] = doc("links: code system, chapter, group(s)")
    previous: Link | None = doc("the code before in code order (None: first)")
    next: Link | None = doc("the code after in code order (None: last)")
    json: Link = doc("link to the code's JSON twin")
    details: tuple = doc("book.DetailRow: the newest release's optional columns", ())
    details_year: int = doc("the release those details are from", 0)
    notes: tuple = doc("book.NoteBlock: notes of the code's groups and of the code", ())
    proposal: Link | None = doc("link to the proposal form (the template adds the code to its address)", None)
    period_texts: tuple = doc("word_diff.Segment tuples: each period's text against the text before it", ())
    similar: tuple = doc("CodeRow: valid codes like this expired code without successor", ())
    status: str = doc("the code's status in words (labels.code_status)", "")
    gone_year: int = doc("an expired code: the first release without it (0: valid)", 0)

    @property
    def links(self) -> tuple[Link, ...]:
        extra = tuple(x for x in (self.previous, self.next) if x is not None)
        moves = tuple(x for r in self.successors + self.predecessors for x in (r.link, r.year_link))
        annotated = tuple(x for item in self.details + self.notes for x in item.links)
        similar = tuple(r.link for r in self.similar)
        return self.breadcrumbs + extra + (self.json,) + tuple(h.link for h in self.history) + moves + annotated + similar


@dataclass(frozen=True)
class NodePage:
    url: str = doc("site-relative URL of the page (`kode/JKA21/`)")
    title: str = doc("the page's title (browser tab, search results)")
    heading: str = doc("the <h1>: prefix and name")
    system_name: str = doc("the code system's full name")
    level_name: str = doc("`Kapittel` or `Gruppe`")
    child_label: str = doc("what the children are called in the table")
    child_heading: str = doc("heading above the children")
    newest_year: int = doc("the newest release of the site")
    breadcrumbs: tuple[Link, ...] = doc("links: code system and the levels above")
    children: tuple[NodeRow, ...] = doc("the groups below, in code order")
    active_codes: tuple[CodeRow, ...] = doc("codes in the newest release")
    expired_codes: tuple[CodeRow, ...] = doc("codes no longer in the newest release")
    notes: tuple = doc("NoteBlock: the chapter's or group's own notes", ())
    book: Link | None = doc("a chapter's book view (None: a group)", None)

    @property
    def links(self) -> tuple[Link, ...]:
        rows = self.children + self.active_codes + self.expired_codes
        annotated = tuple(x for block in self.notes for x in block.links) + ((self.book,) if self.book else ())
        return self.breadcrumbs + tuple(r.link for r in rows) + annotated


@dataclass(frozen=True)
class SystemPage:
    url: str = doc("site-relative URL of the page (`kode/JKA21/`)")
    source: str = doc("the mkdocs source path of the generated page")
    title: str = doc("the page's title (browser tab, search results)")
    system_name: str = doc("the code system's full name")
    newest_year: int = doc("the newest release of the site")
    in_newest: bool = doc("true if the newest release has this code system")
    last_year: int = doc("the last release with this code system")
    active: int = doc("codes in the newest release")
    total: int = doc("codes that ever existed")
    chapters: tuple[NodeRow, ...] = doc("the chapters, in code order")

    @property
    def links(self) -> tuple[Link, ...]:
        return tuple(r.link for r in self.chapters)


def _years_text(years: tuple[int, ...]) -> str:
    """`1999, 2005, 2007` from the years a code was published."""
    return ", ".join(str(y) for y in years)


def _note(row: TimelineRow) -> str:
    if row.text is None:
        return TIMELINE_NOTES["absent"]
    note = TIMELINE_NOTES[row.state] if row.state in ("first", "changed") else ""
    if row.back:
        note = TIMELINE_NOTES["and_back"].format(note=note) if note else TIMELINE_NOTES["back"]
    return note


def _periods(rows: tuple[TimelineRow, ...]) -> tuple[Period, ...]:
    """Join releases in a row that share one text; a change starts a new period."""
    periods: list[Period] = []
    for row in rows:
        last = periods[-1] if periods else None
        if last is not None and last.text == row.text and row.state in ("same", "absent") and not row.back:
            periods[-1] = Period(last.years + (row.year,), last.text, last.note)
        else:
            periods.append(Period((row.year,), row.text, _note(row)))
    return tuple(periods)


def _node_label(node: Node) -> str:
    return f"{node.prefix} {node.name}" if node.name else node.prefix


def crumbs(page_url: str, hierarchy: Hierarchy, system: str, nodes: tuple[Node, ...]) -> tuple[Link, ...]:
    """Links to the code system's page and to each node down to the last of `nodes`."""
    top = make_link(page_url, urls.system_url(system), SYSTEM_SHORT[system])
    return (top,) + tuple(make_link(page_url, urls.node_url(system, n.prefix), _node_label(n)) for n in nodes)


@dataclass(frozen=True)
class CodeParts:
    """What a code page shows beyond the code itself, made by other modules."""

    breadcrumbs: tuple[Link, ...]  # see `crumbs`
    history: tuple[HistoryEntry, ...]
    successors: tuple[SuccessorRow, ...]
    predecessors: tuple[SuccessorRow, ...]
    details: tuple  # book.DetailRow
    notes: tuple  # book.NoteBlock
    similar: tuple = ()  # CodeRow: valid codes like an expired code without successor


def code_page(
    code: Code,
    catalogue: Catalogue,
    hierarchy: Hierarchy,
    neighbours: tuple[Code | None, Code | None],
    parts: CodeParts,
) -> CodePage:
    """The page of one code, expired or not (see code.py, which makes them on demand)."""
    url = urls.code_url(code.code)
    prev_code, next_code = neighbours
    timeline = code_timeline(code, catalogue)
    periods = _periods(timeline)

    def neighbour(other: Code | None) -> Link | None:
        return make_link(url, urls.code_url(other.code), other.code) if other else None

    return CodePage(
        url=url,
        title=f"{code.code} {code.text}",
        heading=f"{code.code} {code.text}",
        code=code.code,
        system_name=SYSTEM_NAMES[code.system],
        text=code.text,
        active=code.active,
        newest_year=catalogue.newest.year,
        last_year=code.years[-1],
        years_text=_years_text(code.years),
        periods=periods,
        changed_years=text_changed_years(timeline),
        history=parts.history,
        successors=parts.successors,
        predecessors=parts.predecessors,
        breadcrumbs=parts.breadcrumbs,
        previous=neighbour(prev_code),
        next=neighbour(next_code),
        json=make_link(url, urls.code_json(code.code), "JSON"),
        details=parts.details,
        details_year=code.latest.year,
        notes=parts.notes,
        proposal=make_link(url, urls.PROPOSAL_FORM, PROPOSE_CHANGE),
        period_texts=period_diffs(tuple(p.text for p in periods)),
        similar=parts.similar,
        status=code_status(code.active, catalogue.newest.year if code.active else gone_year(code, catalogue)),
        gone_year=0 if code.active else gone_year(code, catalogue),
    )


def gone_year(code: Code, catalogue: Catalogue) -> int:
    """The first release after the code's last one (as the search file's `gone`); 0 for a valid code."""
    return next((r.year for r in catalogue.releases if r.year > code.years[-1]), 0)


def _node_row(page_url: str, node: Node) -> NodeRow:
    target = urls.node_url(node.system, node.prefix)
    return NodeRow(make_link(page_url, target, _node_label(node)), node.prefix, node.name, node.active, node.total)


def _code_row(page_url: str, code: Code) -> CodeRow:
    return CodeRow(make_link(page_url, urls.code_url(code.code), code.code), code.code, code.text, code.years[-1])


def node_pages(catalogue: Catalogue, hierarchy: Hierarchy) -> list[NodePage]:
    """A browse page per chapter and group, for the newest release."""
    by_code = {c.code: c for c in catalogue.codes}
    pages = []
    for (system, prefix), node in hierarchy.nodes.items():
        url = urls.node_url(system, prefix)
        ancestors = hierarchy.path(system, prefix)
        codes = [by_code[c] for c in node.codes]
        children = tuple(_node_row(url, hierarchy.nodes[(system, p)]) for p in node.children)
        pages.append(
            NodePage(
                url=url,
                title=f"{SYSTEM_SHORT[system]} {_node_label(node)}",
                heading=_node_label(node),
                system_name=SYSTEM_NAMES[system],
                level_name=level_name(node.level),
                child_label=level_name(node.level + 1),
                child_heading=level_name(node.level + 1, plural=True),
                newest_year=catalogue.newest.year,
                breadcrumbs=crumbs(url, hierarchy, system, ancestors),
                children=children,
                active_codes=tuple(_code_row(url, c) for c in codes if c.active),
                expired_codes=tuple(_code_row(url, c) for c in codes if not c.active),
            )
        )
    return pages


def system_pages(catalogue: Catalogue, hierarchy: Hierarchy) -> list[SystemPage]:
    """The entry page of each code system: its chapters."""
    pages = []
    for system in catalogue.systems:
        url = urls.system_url(system)
        chapters = tuple(_node_row(url, hierarchy.nodes[(system, p)]) for p in hierarchy.chapters.get(system, ()))
        pages.append(
            SystemPage(
                url=url,
                source=urls.system_source(system),
                title=SYSTEM_NAMES[system],
                system_name=SYSTEM_NAMES[system],
                newest_year=catalogue.newest.year,
                in_newest=system in catalogue.newest.counts,
                last_year=catalogue.releases_of(system)[-1],
                active=sum(r.active for r in chapters),
                total=sum(r.total for r in chapters),
                chapters=chapters,
            )
        )
    return pages


@dataclass(frozen=True)
class SystemList:
    """The list of code systems that a hand-written page asks for with a marker."""

    newest_year: int = doc("the newest release the site carries")
    entries: tuple[tuple[Link, SystemPage], ...] = doc("(link, system page) per code system")
    first_year: int = doc("the oldest release the site carries", 0)
    in_force: tuple[str, str] = doc("(name, address) of the official list in force, outside the site", (IN_FORCE_NAME, IN_FORCE_URL))

    @property
    def links(self) -> tuple[Link, ...]:
        return tuple(link for link, _ in self.entries)


def system_list(from_url: str, systems: tuple[SystemPage, ...], years: tuple[int, ...]) -> SystemList:
    """The systems with links from `from_url`; `years` are the releases of the site, oldest first."""
    entries = tuple((make_link(from_url, s.url, s.system_name), s) for s in systems)
    return SystemList(years[-1], entries, years[0])
