"""jsonfile.py and the FHIR documents written as text: the same text as `compact_json` of the objects."""

from __future__ import annotations

import pytest

from generator.build import prepare
from generator.jsonfile import compact_json, compact_json_spliced, compact_string
from generator.opendata.fhir import codesystem_all, codesystem_all_text, codesystem_release, codesystem_release_text

from .helpers import sample_manifest


@pytest.mark.parametrize("count", [0, 1, 5000])
def test_spliced_list_gives_the_same_text(count: int) -> None:
    head = {"resourceType": "CodeSystem", "zeta": [1, 2], "alpha": "Å\u00a0ø \"sitat\""}
    items = [{"display": f"Tekst {n} æøå\n", "code": f"K{n:05d}", "property": [{"valueInteger": n}]} for n in range(count)]
    spliced = compact_json_spliced(head, "concept", (compact_json(item)[:-1] for item in items))
    assert spliced == compact_json({**head, "concept": items})


@pytest.mark.parametrize("text", ["JKA21", "æøå «sitat» \"x\"\n\t\\", "\u2028\x00\x1f", ""])
def test_a_string_is_written_as_compact_json_writes_it(text: str) -> None:
    assert compact_string(text) == compact_json(text)[:-1]


def test_fhir_codesystems_written_as_text_equal_their_objects() -> None:
    project = prepare(sample_manifest())
    catalogue, releases = project.catalogue, project.releases
    assert codesystem_all_text(catalogue, releases) == compact_json(codesystem_all(catalogue, releases))
    for release in releases:
        assert codesystem_release_text(catalogue, release.year) == compact_json(codesystem_release(catalogue, release.year))
