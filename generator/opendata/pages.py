"""The generated parts of the open-data pages: the harmonised downloads, the API page, the comparison page.

Each hand-written page asks for its part with a marker on a line of its own
(pages/markers.py): `<!-- nkpk:open-data -->` (nedlasting/), `<!-- nkpk:api -->`
(api/) and `<!-- nkpk:compare -->` (endringer/sammenlign/).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import ClassVar

from .. import urls
from ..pages.changes import changes_document
from ..pages.checker import checker_data
from ..pages.code import code_document
from .sizes import size_slot
from .fhir import codesystem_all, conceptmap
from .harmonised import OpenFile
from ..labels import API_ENDPOINTS, API_PAGE_LINK, API_PATTERNS, COMPARE_PAGE_LINK, DOWNLOADS_PAGE_LINK, SYSTEM_SHORT
from ..labels import FILE_FORMATS, OTHER_FORMAT
from ..urls import Link, make_link
from ..pages.fields import doc

EXAMPLE_ITEMS = 2  # items shown of a long list (or a long map inside a document) in a shortened example
LONG_LIST = 8  # longer lists and maps are shortened
EXAMPLE_LINES = 4  # lines shown of a table


@dataclass(frozen=True)
class FileRow:
    link: Link = doc("link to the file")
    description: str = doc("what the file holds")
    format: str = doc("the file's format in words")
    size: str = doc("the file's size in words: a slot filled once the file is written (opendata/sizes.py)")


@dataclass(frozen=True)
class FormatLink:
    link: Link = doc("link to the file, labelled with its format (CSV, Excel, FHIR, JSON)")
    size: str = doc("the file's size in words")


@dataclass(frozen=True)
class ReleaseFiles:
    year: int = doc("the release")
    count: str = doc("how many codes the release has, in words")
    formats: tuple[FormatLink | None, ...] = doc("one per column of RELEASE_FORMATS (None: no such file)")


@dataclass(frozen=True)
class OpenDownloads:
    template: ClassVar[str] = "open_data.html"

    all_years: tuple[FileRow, ...] = doc("the files that hold every release")
    formats: tuple[str, ...] = doc("the column titles of the release table")
    releases: tuple[ReleaseFiles, ...] = doc("one row per release, newest first")
    api: Link = doc("link to the API page")
    compare: Link = doc("link to the comparison page")
    offline: Link | None = doc("link to the whole site as a zip that opens from disk", None)


@dataclass(frozen=True)
class Endpoint:
    anchor: str = doc("the heading's id")
    title: str = doc("the endpoint's name")
    path: str = doc("the address pattern")
    description: str = doc("what the endpoint holds")
    example: Link | None = doc("link to an example file (None: none in this build)")
    schema: Link = doc("link to the endpoint's JSON Schema")
    json: str = doc("an example document, shortened where long")


@dataclass(frozen=True)
class TableExample:
    """A harmonised CSV and its first lines."""

    row: FileRow = doc("the harmonised file")
    head: str = doc("its first lines")


@dataclass(frozen=True)
class ApiPage:
    template: ClassVar[str] = "api.html"

    endpoints: tuple[Endpoint, ...] = doc("every JSON endpoint")
    tables: tuple[TableExample, ...] = doc("the harmonised tables with their first lines")
    fhir: tuple[FileRow, ...] = doc("the FHIR files")
    schemas: tuple[FileRow, ...] = doc("the JSON Schemas")
    downloads: Link = doc("link to the downloads page")


@dataclass(frozen=True)
class CompareBox:
    template: ClassVar[str] = "compare.html"

    data: str = doc("the code list (api/kodeliste.json), relative to the page")
    root: str = doc("the site's root, relative to the page")
    scripts: tuple[str, ...] = doc("the page's scripts, in load order")
    style: str = doc("the page's style sheet")
    years: tuple[int, ...] = doc("the releases, oldest first")
    start: int = doc("the default first release")
    end: int = doc("the default second release")
    systems: tuple[tuple[str, str], ...] = doc("(id, short name) of each code system")


def _row(project, from_url: str, file: OpenFile) -> FileRow:
    link = Link(PurePosixPath(file.path).name, urls.file_link(from_url, file.path), file.path)
    fmt = FILE_FORMATS.get(PurePosixPath(file.path).suffix, OTHER_FORMAT)
    return FileRow(link, file.description, fmt, size_slot(file.path))  # the size, once the file is written


RELEASE_FORMATS = ("CSV", "Excel", "FHIR", "JSON (endringer)")  # the columns of the release table


def _release_files(from_url: str, release, files: dict[str, OpenFile]) -> ReleaseFiles:
    """One release's row: its harmonised files and its changes as JSON, each with a size slot (sizes.py)."""
    year = release.year
    paths = (urls.harmonised_csv(year), urls.harmonised_xlsx(year), urls.fhir_codesystem(year), urls.changes_json(year))
    formats: list[FormatLink | None] = []
    for label, path in zip(RELEASE_FORMATS, paths):
        written = path in files or path == urls.changes_json(year)  # the changes JSON is the change page's twin
        formats.append(FormatLink(Link(label, urls.file_link(from_url, path), path), size_slot(path)) if written else None)
    count = f"{sum(s.count for s in release.systems):,}".replace(",", "\u00a0") + " koder"
    return ReleaseFiles(year, count, tuple(formats))


def open_downloads(project, from_url: str) -> OpenDownloads:
    files = {f.path: f for f in project.open_data.files}
    everything = [f for f in project.open_data.files if f.year is None and (
        f.path.startswith("nedlasting/") or f.path == urls.FHIR_CODESYSTEM)]
    return OpenDownloads(
        tuple(_row(project, from_url, f) for f in everything),
        RELEASE_FORMATS,
        tuple(_release_files(from_url, r, files) for r in reversed(project.releases)),
        make_link(from_url, urls.API_PAGE, API_PAGE_LINK),
        make_link(from_url, urls.COMPARE_PAGE, COMPARE_PAGE_LINK),
        Link(PurePosixPath(urls.OFFLINE_ZIP).name, urls.file_link(from_url, urls.OFFLINE_ZIP), urls.OFFLINE_ZIP)
        if project.site_zip else None,
    )


def _shorten(data: object, depth: int = 0) -> object:
    """The first EXAMPLE_ITEMS items of every list longer than LONG_LIST, at every depth, and of every map
    (a dict inside the document, such as code -> similar codes) with more keys than that, in key order."""
    if isinstance(data, list):
        return [_shorten(x, depth + 1) for x in (data[:EXAMPLE_ITEMS] if len(data) > LONG_LIST else data)]
    if isinstance(data, dict):
        keys = sorted(data)[:EXAMPLE_ITEMS] if depth and len(data) > LONG_LIST else list(data)
        return {k: _shorten(data[k], depth + 1) for k in keys}
    return data


def _pretty(data: object, shorten: bool = True) -> str:
    return json.dumps(_shorten(data) if shorten else data, sort_keys=True, ensure_ascii=False, indent=2)


def _example_code(project) -> str:
    codes = project.catalogue.codes
    return next((c.code for c in codes if c.code == "JKA21"), next((c.code for c in codes if c.active), codes[0].code))


def _endpoint(from_url, anchor, pattern, example_path, schema, data, shorten=True) -> Endpoint:
    title, description = API_ENDPOINTS[anchor]
    example = make_link(from_url, example_path, example_path) if example_path else None  # None: no such file in this build
    return Endpoint(anchor, title, pattern, description, example,
                    make_link(from_url, urls.api_schema(schema), f"{schema}.schema.json"), _pretty(data, shorten))


def api_page(project, from_url: str) -> ApiPage:
    code = next(c for c in project.catalogue.codes if c.code == _example_code(project))
    newest = project.releases[-1]
    mapped = next((r for r in reversed(project.releases) if r.previous_year is not None), None)
    endpoints = (
        _endpoint(from_url, "kode", API_PATTERNS["kode"],
                  urls.code_json(code.code), "kode", code_document(code, project.english.get(code.code)), shorten=False),
        _endpoint(from_url, "endringer", API_PATTERNS["endringer"],
                  urls.changes_json(newest.year), "endringer", changes_document(newest, project.lineage)),
        _endpoint(from_url, "kodeliste", urls.CHECKER_DATA,
                  urls.CHECKER_DATA, "kodeliste", checker_data(project.catalogue, project.lineage, project.codes.similar)),
        _endpoint(from_url, "fhir-codesystem", API_PATTERNS["fhir-codesystem"],
                  urls.FHIR_CODESYSTEM, "fhir-codesystem", codesystem_all(project.catalogue, project.releases)),
        _endpoint(from_url, "fhir-conceptmap", API_PATTERNS["fhir-conceptmap"],
                  mapped and urls.fhir_conceptmap(mapped.previous_year, mapped.year), "fhir-conceptmap",
                  conceptmap(mapped, project.lineage) if mapped else {}),
        _endpoint(from_url, "byggerapport", urls.REPORT_JSON,
                  urls.REPORT_JSON, "byggerapport", project.report),
    )
    files = project.open_data.files
    return ApiPage(
        endpoints,
        _table_examples(project, from_url, [f for f in files if f.path.startswith("nedlasting/")][:3]),
        tuple(_row(project, from_url, f) for f in files if f.path.startswith("api/fhir/")),
        tuple(_row(project, from_url, f) for f in files if f.path.startswith("api/schema/")),
        make_link(from_url, urls.DOWNLOADS_PAGE, DOWNLOADS_PAGE_LINK),
    )


def _table_examples(project, from_url: str, files: list[OpenFile]) -> tuple[TableExample, ...]:
    """The first lines of each file (without the byte-order mark), as a program reads them.

    They are made from the table's first rows: a row is at least a line, so these are the file's first lines.
    """
    found = []
    for file in files:
        lines = file.head(EXAMPLE_LINES).decode("utf-8-sig").split("\r\n")
        found.append(TableExample(_row(project, from_url, file), "\n".join(lines[:EXAMPLE_LINES])))
    return tuple(found)


def compare_box(project, from_url: str) -> CompareBox:
    years = tuple(r.year for r in project.catalogue.releases)
    return CompareBox(
        data=urls.link(from_url, urls.CHECKER_DATA),
        root=urls.link(from_url, ""),
        scripts=tuple(urls.link(from_url, s) for s in urls.COMPARE_SCRIPTS),
        style=urls.link(from_url, urls.COMPARE_STYLE),
        years=years,
        start=years[-2] if len(years) > 1 else years[-1],
        end=years[-1],
        systems=tuple((s, SYSTEM_SHORT[s]) for s in project.catalogue.systems),
    )
