"""The open-data outputs (issue 17): each a path and a function that renders its bytes.

`open_data_files(project)` lists them: the harmonised downloads
(harmonised.py), the FHIR resources (fhir.py) and the JSON Schemas
(schemas.py). The output registry writes them like every other output: each file is
rendered once, by the process that writes it. The downloads and API pages
show each file's size as it was written (sizes.py).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from .. import urls
from .fhir import codesystem_all, codesystem_release, conceptmap
from .harmonised import OpenFile, harmonised_files
from .schemas import SCHEMAS


@dataclass(frozen=True)
class OpenData:
    """The open-data files of one build, not yet rendered: each is rendered where it is written."""

    files: tuple[OpenFile, ...]


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


def open_data_files(project) -> OpenData:
    """Every open-data file of the build, not yet rendered."""
    harmonised = harmonised_files(project.catalogue, project.releases, project.lineage)
    return OpenData((*harmonised, *fhir_files(project), *schema_files()))
