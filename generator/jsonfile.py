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


def compact_json(data: object) -> str:
    """JSON without whitespace: sorted keys, characters as they are (not \\u escapes), a newline at the end."""
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n"


def indented_json(data: object) -> str:
    """JSON indented by one space per level: sorted keys, characters as they are, a newline at the end."""
    return json.dumps(data, sort_keys=True, ensure_ascii=False, indent=1) + "\n"
