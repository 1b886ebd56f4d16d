"""The FHIR resources (api/fhir/) on the real corpus: valid FHIR R4 (fhir.resources, R4B models) and true to the lists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fhir.resources.R4B.codesystem import CodeSystem
from fhir.resources.R4B.conceptmap import ConceptMap

from .helpers import load_json
from .independent import read_releases

pytestmark = pytest.mark.real

SYSTEM = "urn:oid:2.16.578.1.12.4.1.1.7275"


def properties(concept: dict) -> dict[str, object]:
    return {p["code"]: next(v for k, v in p.items() if k.startswith("value")) for p in concept["property"]}


@pytest.fixture(scope="module")
def independent() -> dict[int, dict[str, dict[str, str]]]:
    return read_releases()


def test_codesystem_of_all_releases_is_valid_r4_with_every_code(real_site: Path, independent) -> None:
    data = load_json(real_site / "api/fhir/CodeSystem-nkpk.json")
    resource = CodeSystem.model_validate(data)
    assert resource.url == SYSTEM and resource.content == "complete" and resource.status == "active"
    assert "version" not in data and "publisher" not in data  # not known: left out
    every = {code for systems in independent.values() for codes in systems.values() for code in codes}
    concepts = {c["code"]: c for c in data["concept"]}
    assert set(concepts) == every and data["count"] == len(every) == len(data["concept"])
    newest = max(independent)
    for code, concept in concepts.items():
        found = properties(concept)
        last = max(y for y, systems in independent.items() if any(code in codes for codes in systems.values()))
        system, text = next((s, codes[code]) for s, codes in independent[last].items() if code in codes)
        assert (concept["display"], found["kodeverk"]) == (text, system), code
        assert found["forste-utgave"] == min(y for y, s in independent.items() if any(code in c for c in s.values()))
        assert found["kapittel"] == code[0] and found.get("gruppe", code[:3]) in (code[:2], code[:3])
        if last == newest:
            assert found["status"] == "active" and "utgaatt" not in found, code
        elif "status" in found:
            assert found["status"] == "retired" and found["utgaatt"] > last, code
    expired = load_json(real_site / "api/endringer/2016.json")["changes"]
    gone = [c["code"] for c in expired if c["change"] == "expired" and c["code"] not in independent[2017].get("NCSP", {})]
    assert gone and all(properties(concepts[c]).get("utgaatt") in (2016, None) for c in gone)
    assert properties(concepts["AAL00"])["utgaatt"] == 2016 and properties(concepts["AAL00"])["status"] == "retired"


def test_codesystem_per_release_holds_that_release(real_site: Path, independent) -> None:
    for year, systems in independent.items():
        data = load_json(real_site / f"api/fhir/{year}/CodeSystem-nkpk.json")
        resource = CodeSystem.model_validate(data)
        assert resource.version == str(year) and resource.url == SYSTEM
        expected = {(s, code, text) for s, codes in systems.items() for code, text in codes.items()}
        found = {(properties(c)["kodeverk"], c["code"], c["display"]) for c in data["concept"]}
        assert found == expected and data["count"] == len(expected), year


def test_conceptmaps_are_valid_r4_and_map_every_expired_code(real_site: Path) -> None:
    maps = sorted((real_site / "api/fhir").glob("*/ConceptMap-nkpk-*.json"))
    years = sorted(int(p.stem) for p in (real_site / "api/endringer").glob("*.json"))
    assert [m.parent.name for m in maps] == [str(y) for y in years[1:]]
    equivalence = {"moved": "equivalent", "official": "relatedto", "similar": "relatedto"}
    for path in maps:
        data = load_json(path)
        ConceptMap.model_validate(data)
        year = int(path.parent.name)
        assert path.name == f"ConceptMap-nkpk-{years[years.index(year) - 1]}-{year}.json"
        doc = load_json(real_site / f"api/endringer/{year}.json")
        systems = {c["code"]: c["system"] for c in doc["changes"] if c["change"] == "expired"}
        expected = {
            c["code"]: sorted((s["code"], equivalence[s["kind"]]) for s in c["successors"]) or [(None, "unmatched")]
            for c in doc["changes"] if c["change"] == "expired"
        }
        found = {}
        for group in data["group"]:
            assert group["source"] == group["target"] == SYSTEM and group["targetVersion"] == str(year)
            for element in group["element"]:
                assert str(doc["compared_with"][systems[element["code"]]]) == group["sourceVersion"]
                found[element["code"]] = sorted((t.get("code"), t["equivalence"]) for t in element["target"])
        assert found == expected, year
    moved = load_json(real_site / "api/fhir/2016/ConceptMap-nkpk-2015-2016.json")
    elements = {e["code"]: e for g in moved["group"] for e in g["element"]}
    assert len(elements) == 723
    assert elements["AAL00"]["target"] == [{"code": "AAY00B", "display": elements["AAL00"]["display"],
                                            "equivalence": "equivalent", "comment": "Samme tekst under en ny kode."}]
    assert elements["AAL30"]["target"][0]["equivalence"] == "unmatched" and "code" not in elements["AAL30"]["target"][0]


def test_no_invented_identifiers(real_site: Path) -> None:
    """The only system and identifier is the NKPK OID; no http address of an authority, no NCSP/NCMP OID."""
    for path in (real_site / "api/fhir").rglob("*.json"):
        text = path.read_text(encoding="utf-8")
        assert set(re.findall(r"urn:oid:[0-9.]+", text)) == {SYSTEM}, path
        addresses = set(re.findall(r"https?://[^\"]+", text))
        assert addresses <= {"http://hl7.org/fhir/concept-properties#status"}, path


def test_sample_resources_are_valid_r4_too(tmp_path: Path) -> None:
    """The generated sample (særkoder, optional columns, an official change document) gives valid resources as well."""
    from .helpers import build_site

    assert build_site(tmp_path / "site") == 0
    found = sorted((tmp_path / "site/api/fhir").rglob("*.json"))
    releases = len(list((tmp_path / "site/api/endringer").glob("*.json")))
    assert releases > 1 and len(found) == 1 + releases + (releases - 1)  # all, one per release, one per transition
    for path in found:
        model = ConceptMap if path.name.startswith("ConceptMap") else CodeSystem
        model.model_validate(load_json(path))
    official = load_json(tmp_path / "site/api/fhir/2016/ConceptMap-nkpk-2015-2016.json")
    targets = {(e["code"], t.get("code"), t["equivalence"]) for g in official["group"] for e in g["element"] for t in e["target"]}
    assert ("XJA10", "JAH01", "relatedto") in targets and ("TAB00", "ABT00", "equivalent") in targets
