"""FHIR R4 resources for NKPK: CodeSystems of all releases and of each release, ConceptMaps between releases.

Norwegian FHIR profiles code a procedure with one system for NCSP, NCMP and
NCRP: `urn:oid:2.16.578.1.12.4.1.1.7275`, "Norsk klinisk prosedyrekodeverk
(NCMP, NCSP og NCRP)". It is the CodeSystem's `url` here; no other official
address or identifier is known, so none is given (NCRP alone also has OID
2.16.578.1.12.4.1.1.7270, which is not the system of these resources).
Values the data do not give (publisher, dates, a status the releases do not
show) are left out rather than guessed.

- `api/fhir/CodeSystem-nkpk.json`: every code that is in any release, with
  its newest text and the properties below;
- `api/fhir/<year>/CodeSystem-nkpk.json`: the codes and texts of one
  release, `version` = the year;
- `api/fhir/<year>/ConceptMap-nkpk-<from>-<year>.json`: each code that
  expired in that release mapped to its successors (same text under a new
  code: `equivalent`; an official replacement or a near text: `relatedto`),
  or `unmatched` where none was found. One group per code system's
  comparison (a code system is compared with its own previous release).
"""

from __future__ import annotations

from typing import Iterator

from ..analysis.compare import ReleaseChanges
from ..model.hierarchy import PREFIX_LENGTHS
from ..model.catalogue import Catalogue, Code
from ..analysis.successors import Lineage
from ..jsonfile import compact_json_spliced, compact_string
from ..labels import FHIR_DESCRIPTION, FHIR_MAP_COMMENTS, FHIR_MAP_DESCRIPTION, FHIR_MAP_TITLE, FHIR_PROPERTIES, FHIR_TITLE

SYSTEM = "urn:oid:2.16.578.1.12.4.1.1.7275"
OID = "urn:oid:2.16.578.1.12.4.1.1.7275"
PROPERTIES = (  # code, type (and uri); their descriptions are labels.FHIR_PROPERTIES
    ("kodeverk", "code"),
    ("status", "code", "http://hl7.org/fhir/concept-properties#status"),
    ("utgaatt", "integer"),
    ("forste-utgave", "integer"),
    ("kapittel", "code"),
    ("gruppe", "code"),
)
EQUIVALENCE = {"moved": "equivalent", "official": "relatedto", "similar": "relatedto"}


def _property_defs(codes: tuple[str, ...]) -> list[dict]:
    found = []
    for code, kind, *uri in PROPERTIES:
        if code in codes:
            description = FHIR_PROPERTIES[code]
            found.append({"code": code, "type": kind, "description": description, **({"uri": uri[0]} if uri else {})})
    return found


Property = tuple[str, str, object]  # (property code, value key, value): {"code": ..., key: value}


def _prefixes(system: str, code: str) -> list[Property]:
    """The chapter and the nearest group of a code as concept properties."""
    prefixes = [code[:n] for n in PREFIX_LENGTHS[system] if n < len(code)]
    found = [("kapittel", "valueCode", prefixes[0])] if prefixes else []
    if len(prefixes) > 1:
        found.append(("gruppe", "valueCode", prefixes[-1]))
    return found


def _concept(code: str, display: str, properties: list[Property]) -> dict:
    return {"code": code, "display": display, "property": [{"code": c, key: value} for c, key, value in properties]}


def _concept_text(code: str, display: str, properties: list[Property]) -> str:
    """`compact_json(_concept(...))` without the newline, written directly (a concept per code per release)."""
    found = ",".join(
        f'{{"code":{compact_string(c)},"{key}":{compact_string(value) if isinstance(value, str) else value}}}'
        for c, key, value in properties
    )
    return f'{{"code":{compact_string(code)},"display":{compact_string(display)},"property":[{found}]}}'


def expiry_years(releases: tuple[ReleaseChanges, ...]) -> dict[str, int | None]:
    """code -> the release it expired in, if its last event is an expiry; None if it came back after."""
    last: dict[str, int | None] = {}
    for release in releases:
        for change in sorted(release.changes, key=lambda c: c.change != "expired"):  # an expiry before an arrival
            last[change.code] = release.year if change.change == "expired" else None
    return last


def _base(resource_id: str, version: str | None, status: str) -> dict:
    resource = {
        "resourceType": "CodeSystem",
        "id": resource_id,
        "url": SYSTEM,
        "identifier": [{"system": "urn:ietf:rfc:3986", "value": OID}],
        "name": "NKPK",
        "title": FHIR_TITLE,
        "status": status,
        "description": FHIR_DESCRIPTION,
        "content": "complete",
    }
    if version is not None:
        resource["version"] = version
    return resource


def codesystem_all(catalogue: Catalogue, releases: tuple[ReleaseChanges, ...]) -> dict:
    """Every code of any release with its newest text, code system, status, first release, chapter and group."""
    concepts = [_concept(*c) for c in _all_concepts(catalogue, releases)]
    return {**_all_head(catalogue, len(concepts)), "concept": concepts}


def codesystem_all_text(catalogue: Catalogue, releases: tuple[ReleaseChanges, ...]) -> str:
    """`compact_json(codesystem_all(...))`, each concept written as text (never held as objects)."""
    concepts = (_concept_text(*c) for c in _all_concepts(catalogue, releases))
    return compact_json_spliced(_all_head(catalogue, len(catalogue.codes)), "concept", concepts)


def _all_head(catalogue: Catalogue, count: int) -> dict:
    resource = _base("nkpk", None, "active")
    resource.update(count=count, property=_property_defs(tuple(p[0] for p in PROPERTIES)))
    return resource


def _all_concepts(catalogue: Catalogue, releases: tuple[ReleaseChanges, ...]) -> Iterator[tuple[str, str, list[Property]]]:
    expired = expiry_years(releases)
    for code in catalogue.codes:
        properties: list[Property] = [("kodeverk", "valueCode", code.system)]
        if code.active:
            properties.append(("status", "valueCode", "active"))
        elif expired.get(code.code) is not None:
            properties += [("status", "valueCode", "retired"), ("utgaatt", "valueInteger", expired[code.code])]
        properties.append(("forste-utgave", "valueInteger", code.versions[0].year))
        yield code.code, code.text, properties + _prefixes(code.system, code.code)


def codesystem_release(catalogue: Catalogue, year: int) -> dict:
    """The codes and texts of one release; version = the year."""
    concepts = [_concept(*c) for c in _release_concepts(catalogue, year)]
    return {**_release_head(catalogue, year, len(concepts)), "concept": concepts}


def codesystem_release_text(catalogue: Catalogue, year: int) -> str:
    """`compact_json(codesystem_release(...))`, each concept written as text."""
    concepts = [_concept_text(*c) for c in _release_concepts(catalogue, year)]  # text only: its count goes first
    return compact_json_spliced(_release_head(catalogue, year, len(concepts)), "concept", concepts)


def _release_head(catalogue: Catalogue, year: int, count: int) -> dict:
    newest = catalogue.newest.year == year
    resource = _base(f"nkpk-{year}", str(year), "active" if newest else "retired")
    resource.update(count=count, property=_property_defs(("kodeverk", "kapittel", "gruppe")))
    return resource


def _release_concepts(catalogue: Catalogue, year: int) -> Iterator[tuple[str, str, list[Property]]]:
    for code in catalogue.codes:
        version = _version_in(code, year)
        if version is not None:
            yield code.code, version.text, [("kodeverk", "valueCode", version.system)] + _prefixes(version.system, code.code)


def _version_in(code: Code, year: int):
    if year not in code.years:
        return None
    return code.versions[code.years.index(year)]


def conceptmap(release: ReleaseChanges, lineage: Lineage) -> dict:
    """The codes that expired in one release and where they went; a group per code system's comparison."""
    groups = []
    for system in release.systems:
        expired = system.of_kind("expired")
        if not expired:
            continue
        elements = []
        for change in expired:
            found = [s for s in lineage.by_old.get(change.code, ()) if s.year == release.year and s.old_system == system.system]
            targets = [
                {"code": s.code, "display": s.text, "equivalence": EQUIVALENCE[s.kind], "comment": FHIR_MAP_COMMENTS[s.kind]}
                for s in found
            ] or [{"equivalence": "unmatched", "comment": FHIR_MAP_COMMENTS["unmatched"]}]
            elements.append({"code": change.code, "display": change.before, "target": targets})
        groups.append({"source": SYSTEM, "sourceVersion": str(system.from_year), "target": SYSTEM,
                       "targetVersion": str(release.year), "element": elements})
    previous = release.previous_year
    return {
        "resourceType": "ConceptMap",
        "id": f"nkpk-{previous}-{release.year}",
        "name": f"NKPK_{previous}_{release.year}",
        "title": FHIR_MAP_TITLE.format(previous=previous, year=release.year),
        "status": "active",
        "description": FHIR_MAP_DESCRIPTION.format(year=release.year) + FHIR_DESCRIPTION,
        "group": groups,
    }
