"""jsonfile.py: a document streamed a chunk of items at a time is the same text as encoded at once."""

from __future__ import annotations

import pytest

from generator.jsonfile import CHUNK, compact_json, compact_json_streamed


@pytest.mark.parametrize("count", [0, 1, CHUNK, CHUNK + 1, 2 * CHUNK + 7])
def test_streamed_list_gives_the_same_text(count: int) -> None:
    head = {"resourceType": "CodeSystem", "zeta": [1, 2], "alpha": "Å\u00a0ø \"sitat\""}
    items = [{"display": f"Tekst {n} æøå\n", "code": f"K{n:05d}", "property": [{"valueInteger": n}]} for n in range(count)]
    streamed = compact_json_streamed(head, "concept", iter(items))
    assert streamed == compact_json({**head, "concept": items})
    assert streamed.endswith("}\n")
