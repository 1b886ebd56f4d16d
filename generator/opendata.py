"""The open-data outputs (issue 17), each a path and a function that renders its bytes.

`outputs(project)` lists them: the harmonised downloads (harmonised.py), the
FHIR resources (fhir.py) and the JSON Schemas (schemas.py). The build plans
their paths with every other URL and writes them with the stamped pages
(`write_file`, one output per work item). The downloads and API pages show
each file's size, so the files are rendered when the first is asked for, by
one process per core, and kept for writing: each is rendered once per build.
"""

from __future__ import annotations

import json
import multiprocessing

from . import urls
from .fhir import codesystem_all, codesystem_release, conceptmap
from .harmonised import OpenFile, harmonised_files
from .parallel import MIN_PAGES_PER_PROCESS, workers_for
from .schemas import SCHEMAS
from .write import SiteWriter

_cache: dict[int, tuple[object, tuple[OpenFile, ...], dict[str, bytes]]] = {}  # id(project) -> (project, files, bytes)


def json_bytes(data: object) -> bytes:
    """Compact deterministic JSON (sorted keys, UTF-8), one trailing newline."""
    return (json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def schema_bytes(data: object) -> bytes:
    return (json.dumps(data, sort_keys=True, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def fhir_files(project) -> list[OpenFile]:
    catalogue, releases, lineage = project.catalogue, project.releases, project.lineage
    files = [OpenFile(urls.FHIR_CODESYSTEM, "FHIR CodeSystem, alle utgaver",
                      "Alle koder som har vært med i en utgave, med nyeste tekst, kodeverk, status, "
                      "utgåttår, første utgave, kapittel og gruppe.",
                      lambda: json_bytes(codesystem_all(catalogue, releases)))]
    for release in reversed(releases):
        year = release.year
        files.append(OpenFile(urls.fhir_codesystem(year), f"FHIR CodeSystem {year}",
                              f"Kodene og tekstene i utgaven for {year} (version = {year}).",
                              lambda y=year: json_bytes(codesystem_release(catalogue, y)), year))
        if release.previous_year is not None:
            files.append(OpenFile(urls.fhir_conceptmap(release.previous_year, year),
                                  f"FHIR ConceptMap {release.previous_year}–{year}",
                                  f"Koder som gikk ut i {year}, med etterfølgerne sine.",
                                  lambda r=release: json_bytes(conceptmap(r, lineage)), year))
    return files


def schema_files() -> list[OpenFile]:
    return [
        OpenFile(urls.api_schema(name), f"{name}.schema.json", make()["description"], lambda m=make: schema_bytes(m()))
        for name, make in SCHEMAS.items()
    ]


def outputs(project) -> tuple[OpenFile, ...]:
    """Every open-data file of the build (worked out once per project)."""
    found = _cache.get(id(project))
    if found is None or found[0] is not project:
        files = (*harmonised_files(project.catalogue, project.releases, project.lineage), *fhir_files(project), *schema_files())
        found = _cache[id(project)] = (project, files, {})
        for key in [k for k, v in _cache.items() if v[0] is not project]:  # one build at a time: drop older ones
            del _cache[key]
    return found[1]


def file_bytes(project, file: OpenFile) -> bytes:
    """A file's bytes, rendered once per build: the first file asked for has every file rendered."""
    outputs(project)
    rendered = _cache[id(project)][2]
    if file.path not in rendered:
        render_all(project)
    return rendered[file.path]


_job: tuple[OpenFile, ...] = ()  # the files the rendering processes work on (inherited at fork)


def _render_one(index: int) -> tuple[int, bytes]:
    return index, _job[index].render()


def render_all(project) -> None:
    """Render every open-data file not rendered yet, on every core (the workbooks take seconds each)."""
    global _job
    files = outputs(project)
    rendered = _cache[id(project)][2]
    todo = [i for i, f in enumerate(files) if f.path not in rendered]
    workers = min(len(todo), workers_for(len(todo) * MIN_PAGES_PER_PROCESS))
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        rendered.update((files[i].path, files[i].render()) for i in todo)
        return
    _job = files
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            for index, data in pool.imap_unordered(_render_one, todo):
                rendered[files[index].path] = data
    finally:
        _job = ()


def write_file(writer: SiteWriter, item: tuple[object, OpenFile]) -> None:
    """Write one open-data file: a work item `(project, file)` of the build's writing processes."""
    project, file = item
    outputs(project)
    data = _cache[id(project)][2].get(file.path)  # rendered for a page's size, before the writers were forked
    writer.write_bytes(file.path, data if data is not None else file.render())
