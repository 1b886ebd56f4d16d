"""Each NCSP code's English text: its own from the Nordic file, or carried from the code it moved from.

The Nordic file (inputs/english.py) predates the 2016 restructuring and
knows moved groups by their old codes (`UJF32 Coloscopy`, now JUF32). A code
without a text of its own takes the text of its predecessor along the
successor mapping, where the code moved there with its text unchanged
(kind `moved`): then `source` names that predecessor. Only NCSP codes get
English texts; the file's codes that no release has are noted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from ..inputs.diagnostics import Diagnostic
from ..inputs.english import EnglishFile
from ..model.catalogue import Catalogue
from .successors import Lineage

CARRIED_KINDS = ("moved",)  # the same text under another code: the English text is the predecessor's
SYSTEM = "NCSP"


@dataclass(frozen=True)
class EnglishText:
    """A code's English text (Nordic common NCSP); `source`: the predecessor it was carried from, None if its own."""

    text: str
    source: str | None = None


@dataclass(frozen=True)
class EnglishTexts:
    """code -> English text, and what the build report says about them."""

    texts: Mapping[str, EnglishText]
    notes: tuple[Diagnostic, ...]
    counts: Mapping[str, int]


def english_texts(catalogue: Catalogue, lineage: Lineage, source: EnglishFile | None) -> EnglishTexts:
    """The English text of every NCSP code that has one, own or carried; empty without a file."""
    if source is None:
        return EnglishTexts({}, (), {})
    ncsp = {c.code for c in catalogue.codes if any(v.system == SYSTEM for v in c.versions)}
    rows = {row.code: row for row in source.rows}
    own = {code: EnglishText(row.text) for code, row in rows.items() if code in ncsp}
    notes = list(source.notes)
    notes += [Diagnostic(row.where, "english-unused", f"{code} is in no NCSP release of the site")
              for code, row in rows.items() if code not in ncsp]
    carried = {}
    for code in sorted(ncsp - set(own)):
        found = sorted({(s.old, own[s.old].text) for s in lineage.by_new.get(code, ())
                        if s.kind in CARRIED_KINDS and s.old in own})
        if len({text for _, text in found}) > 1:
            notes.append(Diagnostic(rows[found[0][0]].where, "english-ambiguous",
                                    f"{code} moved from {', '.join(old for old, _ in found)}, whose English texts differ"))
        elif found:
            carried[code] = EnglishText(found[0][1], found[0][0])
    valid = {c.code for c in catalogue.codes if c.active and c.system == SYSTEM}
    texts = dict(sorted({**own, **carried}.items()))
    counts = {"rows": source.lines, "own": len(own), "carried": len(carried),
              "valid_ncsp": len(valid), "valid_ncsp_with_text": len(valid & set(texts))}
    return EnglishTexts(texts, tuple(notes), counts)
