"""The two JSON encodings of the site's files: deterministic, sorted keys, UTF-8 text, one trailing newline.

`compact_json` (no whitespace; the fast encoder) is for every file a program
reads: code twins, the search index, the checker's code list, the open-data
API. `indented_json` (one space per level) is for the few documents people
read too (the change documents, the build report, the open-data JSON files).
Shared by pages/, search/, opendata/ and output/, it sits beside urls.py so
that none of them imports another for it.
"""

from __future__ import annotations

import json
from itertools import islice
from typing import Iterable

_SLOT = "\x00nkpk-list\x00"  # no text of the data holds a NUL character
CHUNK = 2000  # items encoded at a time by `compact_json_streamed`


def compact_json(data: object) -> str:
    """JSON without whitespace: sorted keys, characters as they are (not \\u escapes), a newline at the end."""
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n"


def indented_json(data: object) -> str:
    """JSON indented by one space per level: sorted keys, characters as they are, a newline at the end."""
    return json.dumps(data, sort_keys=True, ensure_ascii=False, indent=1) + "\n"


def compact_json_streamed(data: dict, key: str, items: Iterable[object]) -> str:
    """`compact_json({**data, key: list(items)})`, the same text, without holding every item at once.

    For documents of one long list (a FHIR CodeSystem of 100,000 concepts): the items are made and
    encoded a chunk at a time, so only their text is held, not the objects.
    """
    head = compact_json({**data, key: _SLOT})
    before, after = head.split(json.dumps(_SLOT, ensure_ascii=False))
    items = iter(items)
    parts = []
    while chunk := list(islice(items, CHUNK)):
        parts.append(compact_json(chunk)[1:-2])  # without "[" and "]\n"
    return before + "[" + ",".join(parts) + "]" + after
