"""The sizes the downloads and API pages show, taken from the open-data files as they were written.

Those pages are hand-written pages that mkdocs renders before the build's own
outputs are written, and an open-data file (a workbook above all) is costly
to make: it is made once, by the process that writes it. So a page's size
cell first holds a slot naming the file (`size_slot`); once every output is
written, `fill_size_slots` puts each file's size, read from the written
file, in the pages that have slots. A slot for a file the build did not
write stops the build.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Iterable

from ..output.write import OutputClash
from .downloads import size_text

SLOT = re.compile(r"\[nkpk-size:(?P<path>[^\]\s<>\"']+)\]")


def size_slot(path: str) -> str:
    """What a page shows for the size of the file `path` until the file is written."""
    slot = f"[nkpk-size:{path}]"
    assert SLOT.fullmatch(slot), path
    return slot


def has_slots(html: str) -> bool:
    return SLOT.search(html) is not None


def fill_slots(html: str, size_of) -> str:
    """`html` with each slot replaced by the size in words of its file (`size_of(path)` gives the bytes)."""
    return SLOT.sub(lambda found: size_text(size_of(found.group("path"))), html)


def fill_size_slots(root: Path, pages: Iterable[str], written: frozenset[str]) -> None:
    """Fill the slots of the written pages `pages` (paths under `root`) with the sizes of the files written there."""

    def size_of(path: str) -> int:
        if path not in written:
            raise OutputClash(f"a page shows the size of {path}, which the build did not write")
        return os.stat(root / path).st_size

    for page in sorted(pages):
        target = root / page
        html = target.read_bytes().decode("utf-8")
        target.write_bytes(fill_slots(html, size_of).encode("utf-8"))
