"""The browse pages: each code system's chapters, each chapter's and group's codes, the list of systems.

Contexts carry everything a template shows, already sorted and with relative
links: templates only format. The code pages are in code.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from .. import urls
from .fields import doc
from ..labels import IN_FORCE_NAME, IN_FORCE_URL, SYSTEM_NAMES, SYSTEM_SHORT, level_name
from ..urls import Link, make_link
from ..model.hierarchy import Hierarchy, Node
from ..model.catalogue import Catalogue, Code


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
class NodePage:
    template: ClassVar[str] = "node.html"

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
    template: ClassVar[str] = "system.html"

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


def _node_label(node: Node) -> str:
    return f"{node.prefix} {node.name}" if node.name else node.prefix


def crumbs(page_url: str, hierarchy: Hierarchy, system: str, nodes: tuple[Node, ...]) -> tuple[Link, ...]:
    """Links to the code system's page and to each node down to the last of `nodes`."""
    top = make_link(page_url, urls.system_url(system), SYSTEM_SHORT[system])
    return (top,) + tuple(make_link(page_url, urls.node_url(system, n.prefix), _node_label(n)) for n in nodes)


def _node_row(page_url: str, node: Node) -> NodeRow:
    target = urls.node_url(node.system, node.prefix)
    return NodeRow(make_link(page_url, target, _node_label(node)), node.prefix, node.name, node.active, node.total)


def code_row(page_url: str, code: Code) -> CodeRow:
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
                active_codes=tuple(code_row(url, c) for c in codes if c.active),
                expired_codes=tuple(code_row(url, c) for c in codes if not c.active),
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

    template: ClassVar[str] = "system_list.html"

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
