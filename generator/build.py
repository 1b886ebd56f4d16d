"""The build, stage by stage: read, model, compare, contexts, then render and write.

`prepare` does everything that can fail on bad input, before anything is
written; `output.registry.write_outputs` renders and writes, one page at a time,
on every core.
Code pages are the exception to "contexts first": there are too many to keep,
so each is made, link-checked and written by the process that writes it (see
pages/code.py). That happens in the fresh folder, before the site is swapped
in: a broken link there still fails the build and leaves the old site alone.
"""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Iterator, Mapping

from .model.annotations import annotate, collect_books, merge_names
from .pages.book import BookPage, annotated_pages
from .pages.changes import ChangesOverview, ChangesPage, Official, changes_overview, changes_pages
from .pages.change_contents import chapter_namer
from .inputs.build_date import build_date
from .gc_settings import collector_paused, freeze_heap
from .analysis.compare import ReleaseChanges, code_events, compare_releases
from .pages.code import CodePages
from .pages.similar import similar_codes
from .pages.browse import NodePage, SystemPage, node_pages, system_pages
from .inputs.deadlines import Deadline, load_deadlines
from .model.hierarchy import Hierarchy, build_hierarchy, load_names
from .inputs.manifest import Manifest, load_manifest
from .model.catalogue import Catalogue, build_catalogue
from .model.shapes import check_shapes
from .inputs.diagnostics import Diagnostic
from .opendata.downloads import Download, plan_downloads
from .output.registry import check_page_links, planned
from .pages.report import report_data
from .analysis.official import OfficialEntry, check_official, official_entries
from .inputs.readers import Readers
from .inputs.readers.export import ExportResult, heading_names
from .analysis.successors import Lineage, Successor, find_successors
from .analysis.english import EnglishText, english_texts
from .inputs.english import read_english
from .inputs.readers.base import FileResult, FileSpec
from .search.reach import reach_notes, reaches
from .search.synonyms import Synonym, load_synonyms, synonym_notes
from .search.index import vocabulary
from .opendata.files import OpenData, open_data_files


@dataclass(frozen=True)
class BuildResult:
    """What one build gives back to the command that ran it."""

    report: dict | None  # the build report (None: the build failed before it was made)
    sitemap_pages: int = 0  # pages listed in sitemap.xml (0: no public address, no sitemap)
    failure: str | None = None  # the input error or output clash that stopped the build


@dataclass(frozen=True)
class PreparedSite:
    """Everything the site is made of, validated and linked, not yet written."""

    catalogue: Catalogue
    hierarchy: Hierarchy
    notes: tuple[Diagnostic, ...]
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
    synonyms: tuple[Synonym, ...] = ()  # the search's maintained synonyms
    # code -> its English text (Nordic common NCSP), own or carried from a predecessor (analysis/english.py)
    english: Mapping[str, EnglishText] = field(default_factory=dict)
    site_zip: bool = False  # the build also writes urls.OFFLINE_ZIP (the whole site, to read from disk)

    @cached_property
    def open_data(self) -> OpenData:
        """The open-data files (harmonised tables, FHIR, schemas), listed: each is rendered by the process that writes it."""
        return open_data_files(self)

    @cached_property
    def planned(self) -> frozenset[str]:
        """Every URL the generated part of the site will have (worked out once)."""
        return planned(self)


def prepare(manifest_path: Path, today: datetime.date | None = None, site_zip: bool = False) -> PreparedSite:
    """Read every input, build the model and page contexts; raise InputError on bad input.

    `today` is the build date; by default SOURCE_DATE_EPOCH or today's UTC date. `site_zip`: the
    build also writes the whole site as a zip for reading from disk (the downloads page offers it).
    """
    with collector_paused():  # millions of small objects without cycles: collecting would only walk them
        project = _prepare(manifest_path, today or build_date(os.environ), site_zip)
        freeze_heap()  # undone when the command's build ends (gc_settings.OneBuild)
    return project


def _prepare(manifest_path: Path, today: datetime.date, site_zip: bool = False) -> PreparedSite:
    manifest = load_manifest(manifest_path)
    # Books and change documents are few and read at once; code lists are read one release at a time,
    # as the catalogue takes them, so that only one release's rows are held at any time.
    reader, headings = Readers(), {}
    results = {r.year: [reader.read(spec) for spec in r.files if spec.kind != "codes"] for r in manifest.releases}
    lists = {r.year: _code_lists(r.files, results[r.year], reader, headings.setdefault(r.year, [])) for r in manifest.releases}
    catalogue, notes = build_catalogue(lists)
    notes += check_shapes(catalogue, {r.year: r.new_shapes for r in manifest.releases}, str(manifest.path))
    books = collect_books(results)
    names = {**heading_names(headings[year] for year in sorted(headings)), **load_names(manifest.names)}
    hierarchy = build_hierarchy(catalogue, merge_names(books, names))
    annotations = annotate(books, catalogue, hierarchy)
    releases = compare_releases(catalogue)
    events = code_events(releases, catalogue)
    official = tuple(e for y, files in _of_kind(results, "changes").items() for e in official_entries(y, files))
    successors, refused = find_successors(catalogue, releases, official)
    lineage = Lineage.of(successors)
    known = frozenset(c.code for c in catalogue.codes)
    english = english_texts(catalogue, lineage, _english_file(manifest))
    notes = _official_notes(notes + refused + annotations.report + english.notes, results, official, releases, known)
    synonyms = load_synonyms(manifest.synonyms)
    notes += synonym_notes(synonyms, vocabulary(catalogue.codes)) + reach_notes(reaches(synonyms, catalogue.codes))
    notes = tuple(sorted(notes))
    nodes, book_views = annotated_pages(node_pages(catalogue, hierarchy), catalogue, hierarchy, annotations)
    project = PreparedSite(
        catalogue=catalogue,
        hierarchy=hierarchy,
        notes=notes,
        codes=CodePages.of(catalogue, hierarchy, events, lineage, annotations, english.texts,
                           similar_codes(catalogue.codes, lineage)),
        nodes=nodes,
        systems=tuple(system_pages(catalogue, hierarchy)),
        releases=releases,
        changes=tuple(changes_pages(releases, Official(official, known, lineage), chapter_namer(hierarchy))),
        overview=changes_overview(releases),
        official=official,
        successors=successors,
        lineage=lineage,
        report=report_data(catalogue, notes, successors, english.counts),
        build_date=today,
        deadlines=load_deadlines(manifest.deadlines) if manifest.deadlines else (),
        downloads=plan_downloads(manifest),
        books=book_views,
        synonyms=synonyms,
        english=english.texts,
        site_zip=site_zip,
    )
    check_links(project)
    return project


def _code_lists(specs: tuple[FileSpec, ...], read: list[FileResult], reader: Readers, headings: list) -> Iterator[FileResult]:
    """A release's code lists in manifest order, each read when the catalogue gets to it (books are read already).

    The headings of the release's official exports are added to `headings`, for the chapter and group names."""
    books = iter([f for f in read if f.spec.kind == "book"])
    for spec in specs:
        if spec.kind == "codes":
            result = reader.read(spec)
            if isinstance(result, ExportResult):
                headings.extend(result.headings)
            yield result
        elif spec.kind == "book":
            yield next(books)


def _english_file(manifest: Manifest):
    """The manifest's English texts read (None: it names none), shown by their place beside the manifest."""
    if manifest.english is None:
        return None
    path, folder = manifest.english, manifest.path.parent
    return read_english(path, path.relative_to(folder).as_posix() if path.is_relative_to(folder) else path.name)


def _of_kind(results: dict[int, list[FileResult]], *kinds: str) -> dict[int, list[FileResult]]:
    return {year: [f for f in files if f.spec.kind in kinds] for year, files in results.items()}


def _official_notes(notes, results, official, releases, known: frozenset[str]) -> tuple[Diagnostic, ...]:
    """The report notes of change documents: their cleaning, and where they disagree with the code lists."""
    cleaning = [n for files in _of_kind(results, "changes").values() for f in files for n in f.notes]
    checks = check_official(official, releases, known)
    return tuple(sorted((*notes, *cleaning, *checks)))


def check_links(project: PreparedSite) -> None:
    """Every link of every generated page but the code pages must point at a page of the build.

    Code pages are checked as they are made (`output.registry`).
    """
    addresses = project.planned
    for page in (*project.nodes, *project.systems, *project.changes, project.overview, *project.books):
        check_page_links(page, addresses)
