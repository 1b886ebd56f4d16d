"""Code pages: the context of one code's page and its JSON twin, made on demand, never all kept.

A code page (`kode/<code>/`) shows the code's text release by release, its
history, where it went and what it came from, its notes and details;
`CodePage` names its template (templates/nkpk/code.html) and its JSON twin
(`api/kode/<code>.json`, `code_document`).

There is a page for every code that ever existed: over 100,000 at national
scale, and their contexts together would take more memory than the rest of
the build. `CodePages` holds what the pages are made from and makes one
page's context when asked, in whichever process writes that page; the
context is dropped once the page is written.

The notes and the breadcrumbs of a group are shown on the page of every code
in it. All code pages sit at `kode/<code>/`, so a relative link from one of
them is the same from all of them: each group's are made once (as seen from
`SHARED_VIEW`) and kept. A note's link to a code page of the group reads `../<code>/` on that
very code's page too, which is where it points.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable, ClassVar, Iterator, Mapping

from .. import urls
from ..inputs.details import details_json
from ..labels import PERIOD, PROPOSE_CHANGE, SYSTEM_NAMES, TIMELINE_NOTES, code_status
from ..model.annotations import Annotations
from .book import NoteBlock, code_notes, group_block
from .changes import HistoryEntry, code_history
from .fields import doc
from .word_diff import period_diffs
from ..analysis.compare import CodeEvent, TimelineRow, code_timeline, text_changed_years
from .browse import code_row, crumbs
from ..model.hierarchy import Hierarchy, Node
from ..urls import Link, make_link
from ..model.catalogue import Catalogue, Code
from .successor_rows import SuccessorRow, predecessor_rows, successor_rows
from ..analysis.successors import Lineage
from ..analysis.english import EnglishText
from .english import english_row


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
class CodeParts:
    """What a code page shows beyond the code itself, made by other modules."""

    breadcrumbs: tuple[Link, ...]  # see `crumbs`
    history: tuple[HistoryEntry, ...]
    successors: tuple[SuccessorRow, ...]
    predecessors: tuple[SuccessorRow, ...]
    details: tuple  # book.DetailRow
    notes: tuple  # book.NoteBlock
    similar: tuple = ()  # CodeRow: valid codes like an expired code without successor
    english: object = None  # english.EnglishRow, or None


def code_document(code: Code, english: EnglishText | None = None) -> dict:
    """The JSON twin of a code page (`api/kode/<code>.json`); `english`: its English text, if it has one."""
    document = {
        "code": code.code,
        "system": code.system,
        "active": code.active,
        "versions": [{"year": v.year, "text": v.text, **details_json(v.details)} for v in code.versions],
    }
    if english is not None:
        document["english"] = {"text": english.text, **({"from": english.source} if english.source else {})}
    return document


@dataclass(frozen=True)
class CodePage:
    template: ClassVar[str] = "code.html"
    twin: ClassVar[Callable[[Code, EnglishText | None], dict]] = staticmethod(code_document)  # api/kode/<code>.json

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
    english: object = doc("english.EnglishRow: the English text (None: the code has none)", None)
    status: str = doc("the code's status in words (labels.code_status)", "")
    gone_year: int = doc("an expired code: the first release without it (0: valid)", 0)

    @property
    def links(self) -> tuple[Link, ...]:
        extra = tuple(x for x in (self.previous, self.next) if x is not None)
        moves = tuple(x for r in self.successors + self.predecessors for x in (r.link, r.year_link))
        annotated = tuple(x for item in self.details + self.notes for x in item.links)
        similar = tuple(r.link for r in self.similar)
        english = (self.english.source,) if self.english and self.english.source else ()
        return (self.breadcrumbs + extra + (self.json,) + tuple(h.link for h in self.history) + moves + annotated
                + similar + english)


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


def code_page(
    code: Code,
    catalogue: Catalogue,
    hierarchy: Hierarchy,
    neighbours: tuple[Code | None, Code | None],
    parts: CodeParts,
) -> CodePage:
    """The page of one code, expired or not (`CodePages` makes them on demand)."""
    url = urls.code_url(code.code)
    prev_code, next_code = neighbours
    timeline = code_timeline(code, catalogue)
    periods = _periods(timeline)

    def neighbour(other: Code | None) -> Link | None:
        return make_link(url, urls.code_url(other.code), other.code) if other else None

    gone = 0 if code.active else gone_year(code, catalogue)
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
        english=parts.english,
        status=code_status(code.active, gone or catalogue.newest.year),
        gone_year=gone,
    )


def gone_year(code: Code, catalogue: Catalogue) -> int:
    """The first release after the code's last one (as the search file's `gone`); 0 for a valid code."""
    return next((r.year for r in catalogue.releases if r.year > code.years[-1]), 0)


Neighbours = tuple[Code | None, Code | None]
SHARED_VIEW = urls.code_url("-")  # no code is "-": links from here read as from any code page


@dataclass(frozen=True)
class CodePages:
    """Every code page, made one at a time: `page(code)`, or iterate for all of them in code order."""

    catalogue: Catalogue
    hierarchy: Hierarchy
    events: Mapping[str, tuple[CodeEvent, ...]]
    lineage: Lineage
    annotations: Annotations
    neighbours: Mapping[str, Neighbours]  # code -> the codes before and after it in its code system
    english: Mapping[str, EnglishText] = field(default_factory=dict)  # code -> its English text, if any
    similar: Mapping[str, tuple[Code, ...]] = field(default_factory=dict)  # expired code -> similar valid codes
    _groups: dict[tuple[str, str], NoteBlock | None] = field(default_factory=dict, compare=False, repr=False)
    _crumbs: dict[tuple[str, str], tuple[Link, ...]] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(
        cls,
        catalogue: Catalogue,
        hierarchy: Hierarchy,
        events: Mapping[str, tuple[CodeEvent, ...]],
        lineage: Lineage,
        annotations: Annotations,
        english: Mapping[str, EnglishText] | None = None,
        similar: Mapping[str, tuple[Code, ...]] | None = None,
    ) -> CodePages:
        return cls(catalogue, hierarchy, events, lineage, annotations, _neighbours(catalogue.codes), english or {},
                   similar or {})

    @property
    def codes(self) -> tuple[Code, ...]:
        """The codes with a page, sorted by code."""
        return self.catalogue.codes

    def __len__(self) -> int:
        return len(self.catalogue.codes)

    def __iter__(self) -> Iterator[CodePage]:
        return (self.page(code) for code in self.catalogue.codes)

    def urls(self) -> set[str]:
        """The URLs of every code page and its JSON twin."""
        return {u for c in self.catalogue.codes for u in (urls.code_url(c.code), urls.code_json(c.code))}

    def page(self, code: Code) -> CodePage:
        url = urls.code_url(code.code)
        details, notes = code_notes(url, code, self.hierarchy, self.annotations, self._group_block)
        parts = CodeParts(
            breadcrumbs=self._breadcrumbs(code),
            history=code_history(url, code.code, self.events.get(code.code, ())),
            successors=successor_rows(url, self.lineage.by_old.get(code.code, ())),
            predecessors=predecessor_rows(url, self.lineage.by_new.get(code.code, ())),
            details=details,
            notes=notes,
            similar=tuple(code_row(url, other) for other in self.similar.get(code.code, ())),
            english=english_row(url, self.english.get(code.code)),
        )
        return code_page(code, self.catalogue, self.hierarchy, self.neighbours[code.code], parts)

    def _breadcrumbs(self, code: Code) -> tuple[Link, ...]:
        nodes = self.hierarchy.path(code.system, code.code)
        key = (code.system, nodes[-1].prefix if nodes else "")
        if key not in self._crumbs:
            self._crumbs[key] = crumbs(SHARED_VIEW, self.hierarchy, code.system, nodes)
        return self._crumbs[key]

    def _group_block(self, node: Node) -> NoteBlock | None:
        key = (node.system, node.prefix)
        if key not in self._groups:
            self._groups[key] = group_block(SHARED_VIEW, node, self.annotations)
        return self._groups[key]


def _neighbours(codes: tuple[Code, ...]) -> dict[str, Neighbours]:
    """Previous and next code of each code within its code system (codes come sorted)."""
    by_system: dict[str, list[Code]] = defaultdict(list)
    for code in codes:
        by_system[code.system].append(code)
    found: dict[str, Neighbours] = {}
    for members in by_system.values():
        for index, code in enumerate(members):
            after = members[index + 1] if index + 1 < len(members) else None
            found[code.code] = (members[index - 1] if index else None, after)
    return found
