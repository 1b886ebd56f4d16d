"""The open-data outputs: each a path and a function that renders its bytes.

`open_data_files(project)` lists them: the harmonised downloads
(harmonised.py), the FHIR resources (fhir.py) and the JSON Schemas
(schemas.py). The output registry writes them like every other output: each file is
rendered once, by the process that writes it. The downloads and API pages
show each file's size as it was written (sizes.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import urls
from ..jsonfile import compact_json, indented_json
from ..labels import FHIR_ALL_FILE, FHIR_MAP_FILE, FHIR_RELEASE_FILE
from .fhir import codesystem_all_text, codesystem_release_text, conceptmap
from .harmonised import OpenFile, harmonised_files
from .schemas import SCHEMAS


@dataclass(frozen=True)
class OpenData:
    """The open-data files of one build, not yet rendered: each is rendered where it is written."""

    files: tuple[OpenFile, ...]


def json_bytes(data: object) -> bytes:
    """A FHIR resource: compact JSON in UTF-8."""
    return compact_json(data).encode("utf-8")


def schema_bytes(data: object) -> bytes:
    """A JSON Schema: indented JSON in UTF-8."""
    return indented_json(data).encode("utf-8")


def fhir_files(project) -> list[OpenFile]:
    catalogue, releases, lineage = project.catalogue, project.releases, project.lineage
    files = [OpenFile(urls.FHIR_CODESYSTEM, *FHIR_ALL_FILE,
                      lambda: codesystem_all_text(catalogue, releases).encode("utf-8"))]
    for release in reversed(releases):
        year = release.year
        title, description = (text.format(year=year) for text in FHIR_RELEASE_FILE)
        files.append(OpenFile(urls.fhir_codesystem(year), title, description,
                              lambda y=year: codesystem_release_text(catalogue, y).encode("utf-8"), year))
        if release.previous_year is not None:
            title, description = (text.format(previous=release.previous_year, year=year) for text in FHIR_MAP_FILE)
            files.append(OpenFile(urls.fhir_conceptmap(release.previous_year, year), title, description,
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
