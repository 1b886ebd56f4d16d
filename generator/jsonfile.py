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
from json.encoder import encode_basestring as _encode_string  # the encoder json.dumps uses with ensure_ascii=False
from typing import Iterable

_SLOT = "\x00nkpk-list\x00"  # no text of the data holds a NUL character


def compact_json(data: object) -> str:
    """JSON without whitespace: sorted keys, characters as they are (not \\u escapes), a newline at the end."""
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n"


def indented_json(data: object) -> str:
    """JSON indented by one space per level: sorted keys, characters as they are, a newline at the end."""
    return json.dumps(data, sort_keys=True, ensure_ascii=False, indent=1) + "\n"


def compact_json_spliced(data: dict, key: str, texts: Iterable[str]) -> str:
    """`compact_json(data)` with `key` set to the list whose items are already encoded as `texts` (compact).

    For documents of one long list (a FHIR CodeSystem of 100,000 concepts): the items are written as
    text one at a time and never held as objects.
    """
    head = compact_json({**data, key: _SLOT})
    before, after = head.split(json.dumps(_SLOT, ensure_ascii=False))
    return before + "[" + ",".join(texts) + "]" + after


def compact_string(text: str) -> str:
    """A string as `compact_json` writes it (quotes and escapes; characters as they are)."""
    return _encode_string(text)
