"""The build, stage by stage: read, model, compare, contexts, then render and write.

`prepare` does everything that can fail on bad input, before anything is
written; `write_pages` renders and writes, one page at a time, on every core.
Code pages are the exception to "contexts first": there are too many to keep,
so each is made, link-checked and written by the process that writes it (see
codepages.py). That happens in the fresh folder, before the site is swapped
in: a broken link there still fails the build and leaves the old site alone.
"""

from __future__ import annotations

import datetime
import gc
import os
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Iterator

from . import opendata, urls
from .annotations import annotate, collect_books, merge_names
from .bookview import BookPage, annotated_pages
from .checker import write_checker
from .changes import ChangesOverview, ChangesPage, Official, atom_feed, changes_document, changes_overview, changes_pages
from .clock import build_date
from .collector import collector_paused
from .compare import ReleaseChanges, code_events, compare_releases
from .codepages import CodePages
from .contexts import NodePage, SystemPage, node_pages, system_pages
from .deadlines import Deadline, load_deadlines
from .downloads import Download, plan_downloads, write_downloads
from .hierarchy import Hierarchy, build_hierarchy, load_names
from .ical import calendar
from .manifest import load_manifest
from .model import Catalogue, Code, build_catalogue
from .problems import InputError, Location, Note
from .render import Renderer, Shell, code_document, compact_json, dump_json
from .report import report_data, report_text
from .search import write_search
from .official import OfficialEntry, check_official, official_entries
from .sources import read_file
from .successors import Lineage, Successor, find_successors
from .sources.base import FileResult, FileSpec
from .parallel import workers_for, write_parts
from .write import SiteWriter


@dataclass(frozen=True)
class Project:
    """Everything the site is made of, validated and linked, not yet written."""

    catalogue: Catalogue
    hierarchy: Hierarchy
    notes: tuple[Note, ...]
    codes: CodePages  # made one at a time, where they are written
    nodes: tuple[NodePage, ...]
    systems: tuple[SystemPage, ...]
    releases: tuple[ReleaseChanges, ...]
    changes: tuple[ChangesPage, ...]
    overview: ChangesOverview
    official: tuple[OfficialEntry, ...]
    successors: tuple[Successor, ...]
    lineage: Lineage
    report: dict
    build_date: datetime.date  # SOURCE_DATE_EPOCH or today (UTC), read once per build
    deadlines: tuple[Deadline, ...]  # empty: the manifest names no deadlines file
    downloads: tuple[Download, ...]
    books: tuple[BookPage, ...] = ()  # the book view of each chapter

    @cached_property
    def planned(self) -> frozenset[str]:
        """Every URL the generated part of the site will have (worked out once)."""
        return frozenset(planned_urls(self))


def prepare(manifest_path: Path, today: datetime.date | None = None) -> Project:
    """Read every input, build the model and page contexts; raise InputError on bad input.

    `today` is the build date; by default SOURCE_DATE_EPOCH or today's UTC date.
    """
    with collector_paused():  # millions of small objects without cycles: collecting would only walk them
        project = _prepare(manifest_path, today or build_date(os.environ))
        gc.freeze()  # it lives as long as the build: later collections, and the writing processes, leave it alone
    return project


def _prepare(manifest_path: Path, today: datetime.date) -> Project:
    manifest = load_manifest(manifest_path)
    # Books and change documents are few and read at once; code lists are read one release at a time,
    # as the catalogue takes them, so that only one release's rows are held at any time.
    results = {r.year: [read_file(spec) for spec in r.files if spec.kind != "codes"] for r in manifest.releases}
    catalogue, notes = build_catalogue({r.year: _code_lists(r.files, results[r.year]) for r in manifest.releases})
    books = collect_books(results)
    hierarchy = build_hierarchy(catalogue, merge_names(books, load_names(manifest.names)))
    annotations = annotate(books, catalogue, hierarchy)
    releases = compare_releases(catalogue)
    events = code_events(releases, catalogue)
    official = tuple(e for y, files in _of_kind(results, "changes").items() for e in official_entries(y, files))
    successors, refused = find_successors(catalogue, releases, official)
    lineage = Lineage.of(successors)
    known = frozenset(c.code for c in catalogue.codes)
    notes = _official_notes(notes + refused + annotations.report, results, official, releases, known)
    nodes, book_views = annotated_pages(node_pages(catalogue, hierarchy), catalogue, hierarchy, annotations)
    project = Project(
        catalogue=catalogue,
        hierarchy=hierarchy,
        notes=notes,
        codes=CodePages.of(catalogue, hierarchy, events, lineage, annotations),
        nodes=nodes,
        systems=tuple(system_pages(catalogue, hierarchy)),
        releases=releases,
        changes=tuple(changes_pages(releases, Official(official, known, lineage))),
        overview=changes_overview(releases),
        official=official,
        successors=successors,
        lineage=lineage,
        report=report_data(catalogue, notes, successors),
        build_date=today,
        deadlines=load_deadlines(manifest.deadlines) if manifest.deadlines else (),
        downloads=plan_downloads(manifest),
        books=book_views,
    )
    check_links(project)
    return project


def _code_lists(specs: tuple[FileSpec, ...], read: list[FileResult]) -> Iterator[FileResult]:
    """A release's code lists in manifest order, each read when the catalogue gets to it (books are read already)."""
    books = iter([f for f in read if f.spec.kind == "book"])
    for spec in specs:
        if spec.kind == "codes":
            yield read_file(spec)
        elif spec.kind == "book":
            yield next(books)


def _of_kind(results: dict[int, list[FileResult]], *kinds: str) -> dict[int, list[FileResult]]:
    return {year: [f for f in files if f.spec.kind in kinds] for year, files in results.items()}


def _official_notes(notes, results, official, releases, known: frozenset[str]) -> tuple[Note, ...]:
    """The report notes of change documents: their cleaning, and where they disagree with the code lists."""
    cleaning = [n for files in _of_kind(results, "changes").values() for f in files for n in f.notes]
    checks = check_official(official, releases, known)
    return tuple(sorted((*notes, *cleaning, *checks)))


def planned_urls(project: Project) -> set[str]:
    """Every URL the generated part of the site will have."""
    planned = project.codes.urls() | {p.url for p in project.nodes} | {p.url for p in project.systems}
    planned |= {p.url for p in project.changes} | {urls.changes_json(r.year) for r in project.releases}
    planned |= {project.overview.url, urls.CHANGES_FEED} | {p.url for p in project.books}
    planned |= {d.path for d in project.downloads} | ({urls.DEADLINES_ICS} if project.deadlines else set())
    planned |= {urls.CHECKER_DATA} | {f.path for f in opendata.outputs(project)}
    return planned


def check_links(project: Project) -> None:
    """Every link of every generated page but the code pages must point at a page of the build.

    Code pages are checked as they are made (`write_pages`).
    """
    planned = project.planned
    for page in (*project.nodes, *project.systems, *project.changes, project.overview, *project.books):
        check_page_links(page, planned)


def check_page_links(page, planned: set[str] | frozenset[str]) -> None:
    for link in page.links:
        if link.target.partition("#")[0] not in planned:
            raise InputError(Location(page.url), f"link to {link.target} has no page")


def write_pages(
    project: Project, writer: SiteWriter, renderer: Renderer, shell: Shell, site_url: str | None, jobs: int = 0
) -> None:
    """Render and write the stamped pages, the JSON twins, the search index, the checker's data, the change feed
    and the report.

    `jobs` processes write the stamped pages, the search index and the checker's data (0: one per core when
    there are enough pages).
    """
    pages = PageWriter(project, renderer, shell, project.planned)
    work = [(pages.search, None), (pages.checker, None)]  # the two biggest: first, so they go to two processes
    work += [(pages.code, code) for code in project.codes.codes] + [(pages.node, node) for node in project.nodes]
    work += [(pages.book, page) for page in project.books] + [(pages.changes, p) for p in zip(project.changes, project.releases)]
    work += [(opendata.write_file, (project, f)) for f in opendata.outputs(project)]
    write_parts(work, _write_item, writer, jobs or workers_for(len(work)))
    writer.write(urls.CHANGES_FEED, atom_feed(project.releases, site_url))
    write_downloads(project.downloads, writer)
    if project.deadlines:
        writer.write(urls.DEADLINES_ICS, calendar(project.deadlines, project.build_date))
    writer.write(urls.REPORT_JSON, dump_json(project.report))
    writer.write(urls.REPORT_TEXT, report_text(project.report))


def _write_item(writer: SiteWriter, item: tuple) -> None:
    write, subject = item
    write(writer, subject)


@dataclass(frozen=True)
class PageWriter:
    """Renders and writes one stamped page (and its JSON twin) of each kind."""

    project: Project
    renderer: Renderer
    shell: Shell
    planned: frozenset[str]

    def code(self, writer: SiteWriter, code: Code) -> None:
        page = self.project.codes.page(code)
        check_page_links(page, self.planned)
        writer.write(urls.output_path(page.url), self.shell.wrap(page.url, page.title, self.renderer.code_body(page)))
        writer.write(urls.code_json(page.code), compact_json(code_document(code)))

    def node(self, writer: SiteWriter, page: NodePage) -> None:
        writer.write(urls.output_path(page.url), self.shell.wrap(page.url, page.title, self.renderer.node_body(page)))

    def book(self, writer: SiteWriter, page: BookPage) -> None:
        writer.write(urls.output_path(page.url), self.shell.wrap(page.url, page.title, self.renderer.book_body(page)))

    def search(self, writer: SiteWriter, _: None) -> None:
        write_search(self.project.catalogue, writer)

    def checker(self, writer: SiteWriter, _: None) -> None:
        write_checker(self.project.catalogue, self.project.lineage, writer)

    def changes(self, writer: SiteWriter, pair: tuple[ChangesPage, ReleaseChanges]) -> None:
        page, release = pair
        writer.write(urls.output_path(page.url), self.shell.wrap(page.url, page.title, self.renderer.changes_body(page)))
        writer.write(urls.changes_json(release.year), dump_json(changes_document(release, self.project.lineage)))
