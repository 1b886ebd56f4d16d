"""Notes, details and the book view: the parts of page contexts that come from books and optional columns.

Code pages get a "Detaljer" table (the newest release's optional columns) and
the notes of their groups and of the code itself; browse pages get their own
notes and, for chapters, a link to the chapter's book view; the book view
shows a whole chapter as coders know it from print: groups in order with
their names and notes, and the codes of the newest release with theirs.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import PurePosixPath
from typing import Callable, ClassVar, Iterator

from .. import urls
from .fields import doc
from ..model.annotations import Annotations
from .browse import NodePage
from ..inputs.details import NOTE_ROLES, detail_text
from ..model.hierarchy import Hierarchy, Node
from ..labels import BOOK_SOURCE, BOOK_TITLE, CHAPTER, DETAIL_LABELS, SYSTEM_NAMES, SYSTEM_SHORT, WHOLE_CHAPTER_AS_BOOK, level_name
from ..model.catalogue import Catalogue, Code
from ..model.references import NoteLine, Segment, note_line, note_lines
from ..urls import Link, make_link


@dataclass(frozen=True)
class DetailRow:
    label: str
    value: NoteLine  # plain text, or a note with links

    @property
    def links(self) -> tuple[Link, ...]:
        return self.value.links


@dataclass(frozen=True)
class NoteBlock:
    """The notes of one chapter, group or code, and where they come from."""

    title: str
    link: Link | None  # the group's page; None for the page's own code or group
    source: Link  # "den trykte kodeboka for 1999", to the book's file on the downloads page
    lines: tuple[NoteLine, ...]
    book_text: str | None = None  # the book's text of a code, where it differs from the code list

    @property
    def links(self) -> tuple[Link, ...]:
        """The links to generated pages (checked as the page is made); `source` is to a hand-written page."""
        own = (self.link,) if self.link else ()
        return own + tuple(link for line in self.lines for link in line.links)


def _source(page_url: str, found: tuple[int, str]) -> Link:
    """The book a note comes from, linked to its file's line on the downloads page."""
    year, display = found
    name = PurePosixPath(display.replace("\\", "/")).name  # as opendata/downloads.py publishes it
    return make_link(page_url, urls.download_entry(year, name), BOOK_SOURCE.format(year=year))


def _label(node: Node) -> str:
    return f"{level_name(node.level)} {node.prefix}" + (f" {node.name}" if node.name else "")


def _lower_label(node: Node) -> str:
    """`gruppe AA Kranium ...`: a node named inside a sentence."""
    return level_name(node.level).lower() + _label(node)[len(level_name(node.level)):]


def _node_block(page_url: str, node: Node, ann: Annotations, linked: bool) -> NoteBlock | None:
    key = (node.system, node.prefix)
    if key not in ann.notes:
        return None
    link = make_link(page_url, urls.node_url(*key), _lower_label(node)) if linked else None
    return NoteBlock(_lower_label(node), link, _source(page_url, ann.sources[key]), note_lines(page_url, ann.notes[key]))


def _code_block(page_url: str, code: Code, ann: Annotations) -> NoteBlock | None:
    key = (code.system, code.code)
    text = ann.texts.get(code.code)
    if key not in ann.notes and text is None:
        return None
    lines = note_lines(page_url, ann.notes.get(key, ()))
    found = ann.sources.get(key) or (text.year, text.source)
    return NoteBlock(f"koden {code.code}", None, _source(page_url, found), lines, text.text if text else None)


def detail_rows(page_url: str, code: Code, ann: Annotations) -> tuple[DetailRow, ...]:
    """The newest version's optional columns, labelled; note columns with their links."""
    rows = []
    for role, value in code.latest.details:
        resolved = ann.details.get((code.code, role)) if role in NOTE_ROLES else None
        shown = note_line(page_url, resolved) if resolved else NoteLine((Segment(detail_text(role, value)),))
        rows.append(DetailRow(DETAIL_LABELS[role], shown))
    return tuple(rows)


def code_notes(
    page_url: str, code: Code, hierarchy: Hierarchy, ann: Annotations, group_block: Callable[[Node], NoteBlock | None]
) -> tuple[tuple, tuple]:
    """A code page's details, and the notes of its groups (not the chapter, each by `group_block`) and of the code."""
    groups = hierarchy.path(code.system, code.code)[1:]
    blocks = [group_block(node) for node in groups]
    blocks.append(_code_block(page_url, code, ann))
    return detail_rows(page_url, code, ann), tuple(b for b in blocks if b is not None)


def group_block(page_url: str, node: Node, ann: Annotations) -> NoteBlock | None:
    """The notes of a group as a code page shows them, linked to the group's page."""
    return _node_block(page_url, node, ann, linked=True)


def with_node_notes(page: NodePage, node: Node, ann: Annotations, books: frozenset[str]) -> NodePage:
    """A browse page with its own notes and, for a chapter with a book view (URL in `books`), a link to it."""
    block = _node_block(page.url, node, ann, linked=False)
    book = None
    if urls.book_url(node.system, node.prefix) in books:
        book = make_link(page.url, urls.book_url(node.system, node.prefix), WHOLE_CHAPTER_AS_BOOK.format(prefix=node.prefix))
    return replace(page, notes=(block,) if block else (), book=book)


# --- the book view ----------------------------------------------------------------


@dataclass(frozen=True)
class BookCode:
    link: Link
    code: str
    text: str
    notes: tuple[NoteLine, ...]
    details: tuple[DetailRow, ...]  # inclusion, exclusion and note columns

    @property
    def links(self) -> tuple[Link, ...]:
        return (self.link,) + tuple(x for n in self.notes for x in n.links) + tuple(x for d in self.details for x in d.links)


@dataclass(frozen=True)
class BookGroup:
    link: Link
    prefix: str
    name: str | None
    level: int  # 1: group, 2: subgroup
    notes: tuple[NoteLine, ...]
    codes: tuple[BookCode, ...]

    @property
    def links(self) -> tuple[Link, ...]:
        return (self.link,) + tuple(x for n in self.notes for x in n.links) + tuple(x for c in self.codes for x in c.links)


@dataclass(frozen=True)
class BookPage:
    template: ClassVar[str] = "book.html"

    url: str = doc("site-relative URL of the page (`kode/JKA21/`)")
    title: str = doc("the page's title (browser tab, search results)")
    heading: str = doc("the <h1>")
    system_name: str = doc("the code system's full name")
    year: int = doc("the release whose codes are shown")
    breadcrumbs: tuple[Link, ...] = doc("links: code system and chapter")
    notes: tuple[NoteLine, ...] = doc("the chapter's own notes")
    groups: tuple[BookGroup, ...] = doc("groups and subgroups in code order")
    sources: tuple[Link, ...] = doc("the books the notes come from, to their files on the downloads page")
    previous: Link | None = doc("the chapter before (None: first)")
    next: Link | None = doc("the chapter after (None: last)")

    @property
    def links(self) -> tuple[Link, ...]:
        own = self.breadcrumbs + tuple(x for x in (self.previous, self.next) if x)  # not `sources`: a hand-written page
        return own + tuple(x for n in self.notes for x in n.links) + tuple(x for g in self.groups for x in g.links)


def book_pages(catalogue: Catalogue, hierarchy: Hierarchy, ann: Annotations) -> list[BookPage]:
    """A book view per chapter of every code system, with the codes of the system's newest release."""
    by_code = {c.code: c for c in catalogue.codes}
    pages = []
    for system, chapters in hierarchy.chapters.items():
        year = catalogue.releases_of(system)[-1]
        shown = [p for p in chapters if _current(hierarchy.nodes[(system, p)], hierarchy, by_code, year)]
        for index, prefix in enumerate(shown):
            neighbours = (shown[index - 1] if index else None, shown[index + 1] if index + 1 < len(shown) else None)
            pages.append(_book_page(hierarchy.nodes[(system, prefix)], year, hierarchy, by_code, ann, neighbours))
    return pages


def _current(node: Node, hierarchy: Hierarchy, by_code: dict[str, Code], year: int) -> bool:
    """True if a code below the node is in the release `year`."""
    return any(by_code[c].years[-1] == year for n in _walk(node, hierarchy) for c in n.codes)


def _walk(node: Node, hierarchy: Hierarchy) -> Iterator[Node]:
    yield node
    for child in node.children:
        yield from _walk(hierarchy.nodes[(node.system, child)], hierarchy)


def _book_page(chapter: Node, year: int, hierarchy: Hierarchy, by_code: dict[str, Code], ann: Annotations, neighbours) -> BookPage:
    system = chapter.system
    url = urls.book_url(system, chapter.prefix)
    groups = tuple(
        _book_group(url, node, year, by_code, ann)
        for node in _walk(chapter, hierarchy)
        if node.level > 0 and _current(node, hierarchy, by_code, year)
    )
    keys = [(system, n.prefix) for n in _walk(chapter, hierarchy)]
    keys += [(system, c.code) for g in groups for c in g.codes]
    sources = tuple(sorted({_source(url, ann.sources[k]) for k in keys if k in ann.sources}, key=lambda link: link.label))
    heading = CHAPTER.format(prefix=chapter.prefix) + (f" {chapter.name}" if chapter.name else "")

    def neighbour(prefix: str | None) -> Link | None:
        return make_link(url, urls.book_url(system, prefix), CHAPTER.format(prefix=prefix)) if prefix else None

    return BookPage(
        url=url,
        title=BOOK_TITLE.format(system=SYSTEM_SHORT[system], heading=heading),
        heading=heading,
        system_name=SYSTEM_NAMES[system],
        year=year,
        breadcrumbs=(
            make_link(url, urls.system_url(system), SYSTEM_SHORT[system]),
            make_link(url, urls.node_url(system, chapter.prefix), _label(chapter)),
        ),
        notes=note_lines(url, ann.notes.get((system, chapter.prefix), ())),
        groups=groups,
        sources=sources,
        previous=neighbour(neighbours[0]),
        next=neighbour(neighbours[1]),
    )


def _book_group(url: str, node: Node, year: int, by_code: dict[str, Code], ann: Annotations) -> BookGroup:
    codes = tuple(_book_code(url, by_code[c], ann) for c in node.codes if by_code[c].years[-1] == year)
    return BookGroup(
        link=make_link(url, urls.node_url(node.system, node.prefix), node.prefix),
        prefix=node.prefix,
        name=node.name,
        level=node.level,
        notes=note_lines(url, ann.notes.get((node.system, node.prefix), ())),
        codes=codes,
    )


def _book_code(url: str, code: Code, ann: Annotations) -> BookCode:
    details = tuple(row for row, (role, _) in zip(detail_rows(url, code, ann), code.latest.details) if role in NOTE_ROLES)
    return BookCode(
        link=make_link(url, urls.code_url(code.code), code.code),
        code=code.code,
        text=code.text,
        notes=note_lines(url, ann.notes.get((code.system, code.code), ())),
        details=details,
    )


def annotated_pages(
    nodes: list[NodePage], catalogue: Catalogue, hierarchy: Hierarchy, ann: Annotations
) -> tuple[tuple[NodePage, ...], tuple[BookPage, ...]]:
    """Browse pages with their notes and book links; and the book views."""
    books = tuple(book_pages(catalogue, hierarchy, ann))
    book_urls = frozenset(b.url for b in books)
    node_of = {urls.node_url(*key): node for key, node in hierarchy.nodes.items()}
    return tuple(with_node_notes(page, node_of[page.url], ann, book_urls) for page in nodes), books
