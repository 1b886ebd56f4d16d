"""JSON Schemas (draft 2020-12) of the site's JSON endpoints, published as `api/schema/<name>.schema.json`.

Each schema says what a program may rely on: the keys that are always
there, their types, and which keys are optional. `additionalProperties` is
left open where a later build may add keys (a program should ignore keys it
does not know); the tests validate every published file against its schema.
"""

from __future__ import annotations

from ..inputs.details import DETAIL_ROLES, FLAG_ROLES
from ..analysis.successors import SUCCESSOR_KINDS
from ..analysis.compare import CHANGE_KINDS
from ..labels import SCHEMA_TEXTS

DRAFT = "https://json-schema.org/draft/2020-12/schema"
SYSTEM = {"type": "string", "enum": ["NCSP", "NCMP", "NCRP", "SK"]}
CODE = {"type": "string", "pattern": "^[0-9A-ZÆØÅ]{3,8}$"}
YEAR = {"type": "integer", "minimum": 1900, "maximum": 2999}


def _object(properties: dict, required: tuple[str, ...], title: str | None = None, closed: bool = False) -> dict:
    schema = {"type": "object", "properties": properties, "required": list(required)}
    if title:
        schema["title"] = title
    if closed:
        schema["additionalProperties"] = False
    return schema


def _document(name: str, body: dict) -> dict:
    """The schema `name` (api/schema/<name>.schema.json), its title and description from labels.SCHEMA_TEXTS."""
    title, description = SCHEMA_TEXTS[name]
    return {"$schema": DRAFT, "title": title, "description": description, **body}


def code_schema() -> dict:
    details = {role: ({"type": "boolean"} if role in FLAG_ROLES else {"type": "string"}) for role in DETAIL_ROLES}
    version = _object({"year": YEAR, "text": {"type": "string"}, **details}, ("year", "text"))
    english = _object({"text": {"type": "string", "minLength": 1}, "from": CODE}, ("text",),
                      "Engelsk tekst (nordisk felles NCSP); from: koden teksten er overført fra, når den ikke er kodens egen",
                      closed=True)
    body = _object(
        {"code": CODE, "system": SYSTEM, "active": {"type": "boolean"},
         "versions": {"type": "array", "items": version, "minItems": 1}, "english": english},
        ("code", "system", "active", "versions"),
    )
    return _document("kode", body)


def changes_schema() -> dict:
    successor = _object({"code": CODE, "kind": {"enum": list(SUCCESSOR_KINDS)}}, ("code", "kind"))
    change = _object(
        {"system": SYSTEM, "code": CODE, "change": {"enum": list(CHANGE_KINDS)},
         "before": {"type": ["string", "null"]}, "after": {"type": ["string", "null"]},
         "successors": {"type": "array", "items": successor}},
        ("system", "code", "change", "before", "after"),
    )
    body = _object(
        {"from_year": {"type": ["integer", "null"]}, "to_year": YEAR,
         "compared_with": {"type": "object", "additionalProperties": {"type": ["integer", "null"]}},
         "changes": {"type": "array", "items": change}},
        ("from_year", "to_year", "compared_with", "changes"),
    )
    return _document("endringer", body)


def codelist_schema() -> dict:
    release = _object({"year": YEAR, "systems": {"type": "array", "items": SYSTEM}}, ("year", "systems"))
    body = _object(
        {"format": {"const": 1}, "codes": {"type": "array", "items": CODE},
         "present": {"type": "array", "items": {"type": "string", "pattern": "^[.0-9]+$"}},
         "texts": {"type": "array", "items": {"type": "array", "minItems": 1}},
         "successors": {"type": "object", "additionalProperties": {
             "type": "array", "items": {"type": "array", "prefixItems": [{"type": "integer"}, {"type": "integer"}, CODE],
                                        "minItems": 3, "maxItems": 3}}},
         "releases": {"type": "array", "items": release}, "systems": {"type": "array", "items": SYSTEM},
         "kinds": {"type": "array", "items": {"type": "string"}}, "labels": {"type": "array", "items": {"type": "string"}},
         "names": {"type": "array", "items": {"type": "string"}}, "url": {"type": "string"}},
        ("format", "codes", "present", "texts", "successors", "releases", "systems", "kinds", "labels", "names", "url"),
    )
    return _document("kodeliste", body)


def _property(value: dict) -> dict:
    return _object({"code": {"type": "string"}, **value}, ("code",))


def codesystem_schema() -> dict:
    prop = _property({"valueCode": {"type": "string"}, "valueInteger": {"type": "integer"}})
    concept = _object({"code": CODE, "display": {"type": "string"}, "property": {"type": "array", "items": prop}},
                      ("code", "display", "property"))
    body = _object(
        {"resourceType": {"const": "CodeSystem"}, "url": {"const": "urn:oid:2.16.578.1.12.4.1.1.7275"},
         "version": {"type": "string", "pattern": "^[0-9]{4}$"}, "status": {"enum": ["active", "retired"]},
         "content": {"const": "complete"}, "count": {"type": "integer"},
         "concept": {"type": "array", "items": concept}},
        ("resourceType", "url", "status", "content", "count", "concept"),
    )
    return _document("fhir-codesystem", body)


def conceptmap_schema() -> dict:
    target = _object({"code": CODE, "display": {"type": "string"},
                      "equivalence": {"enum": ["equivalent", "relatedto", "unmatched"]}, "comment": {"type": "string"}},
                     ("equivalence",))
    element = _object({"code": CODE, "display": {"type": "string"},
                       "target": {"type": "array", "items": target, "minItems": 1}}, ("code", "target"))
    group = _object({"source": {"type": "string"}, "sourceVersion": {"type": "string"}, "target": {"type": "string"},
                     "targetVersion": {"type": "string"}, "element": {"type": "array", "items": element, "minItems": 1}},
                    ("source", "sourceVersion", "target", "targetVersion", "element"))
    body = _object({"resourceType": {"const": "ConceptMap"}, "status": {"const": "active"},
                    "group": {"type": "array", "items": group}}, ("resourceType", "status", "group"))
    return _document("fhir-conceptmap", body)


def report_schema() -> dict:
    note = _object({"file": {"type": "string"}, "line": {"type": ["integer", "null"]}, "cell": {"type": ["string", "null"]},
                    "kind": {"type": "string"}, "detail": {"type": ["string", "null"]}}, ("file", "kind"))
    release = _object({"year": YEAR, "codes": {"type": "object", "additionalProperties": {"type": "integer"}},
                       "files": {"type": "array"}}, ("year", "codes", "files"))
    body = _object({"releases": {"type": "array", "items": release}, "totals": {"type": "object"},
                    "note_counts": {"type": "object"}, "expired_with_successor": {"type": "object"},
                    "notes": {"type": "array", "items": note}},
                   ("releases", "totals", "note_counts", "expired_with_successor", "notes"))
    return _document("byggerapport", body)


# name -> schema; the file is api/schema/<name>.schema.json
SCHEMAS = {
    "kode": code_schema,
    "endringer": changes_schema,
    "kodeliste": codelist_schema,
    "fhir-codesystem": codesystem_schema,
    "fhir-conceptmap": conceptmap_schema,
    "byggerapport": report_schema,
}
