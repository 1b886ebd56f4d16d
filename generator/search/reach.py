"""How far each thesaurus alternative reaches: the codes whose text it matches, as the browser matches it.

An alternative matches a text when every one of its words is a term of the
text or of the parts of its compound words (`search-plan.js` meantWord); a
word with `*` matches every term that begins so. An alternative that brings
in many codes floods the hits of every query that uses it (one Latin word
mapped to `incisjon` brought in 33 codes before the codes it meant), so the
build report lists the alternatives that reach the most codes
(`synonym-reach`), and `bench/thesaurus.py` prints them all.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Iterable

from ..inputs.diagnostics import Diagnostic
from ..model.catalogue import Code
from .index import compound_parts
from .synonyms import PREFIX, Synonym, meant_keys
from .text import terms

REPORTED = 30  # alternatives listed in the build report
FLOOD = 40  # codes from which bench/thesaurus.py counts an alternative as flooding


@dataclass(frozen=True)
class Reach:
    synonym: Synonym
    meant: str  # the alternative as written
    codes: tuple[str, ...]  # the codes it matches, sorted


def _postings(codes: list[Code]) -> dict[str, set[int]]:
    """Term -> the numbers of the codes whose current text has it as a word or a compound part."""
    texts = [c.text for c in codes]
    own = [terms(text) for text in texts]
    parts = compound_parts(texts, own, frozenset(t for found in own for t in found))
    found: dict[str, set[int]] = {}
    for number, (words, extra) in enumerate(zip(own, parts)):
        for term in (*words, *extra):
            found.setdefault(term, set()).add(number)
    return found


def reaches(synonyms: Iterable[Synonym], codes: Iterable[Code]) -> list[Reach]:
    """Every alternative of every entry with the codes it matches, the widest first."""
    ordered = sorted(codes, key=lambda c: c.code)
    postings = _postings(ordered)
    vocabulary = sorted(postings)
    found = []
    for synonym in synonyms:
        for meant in synonym.means:
            matched: set[int] | None = None
            for word in meant_keys(meant):
                these = _matching(word, vocabulary, postings)
                matched = these if matched is None else matched & these
            numbers = sorted(matched or ())
            found.append(Reach(synonym, meant, tuple(ordered[n].code for n in numbers)))
    return sorted(found, key=lambda r: (-len(r.codes), r.synonym.kind, r.synonym.typed, r.meant))


def _matching(word: str, vocabulary: list[str], postings: dict[str, set[int]]) -> set[int]:
    if not word.endswith(PREFIX):
        return set(postings.get(word, ()))
    stem = word[:-1]
    found: set[int] = set()
    for at in range(bisect.bisect_left(vocabulary, stem), len(vocabulary)):
        if not vocabulary[at].startswith(stem):
            break
        found |= postings[vocabulary[at]]
    return found


def reach_notes(found: list[Reach]) -> tuple[Diagnostic, ...]:
    """Report notes for the REPORTED widest alternatives."""
    notes = []
    for reach in found[:REPORTED]:
        examples = ", ".join(reach.codes[:5])
        detail = (f"{reach.synonym.kind}: {reach.synonym.typed}: {reach.meant} matches {len(reach.codes)} codes"
                  f" ({examples}{', ...' if len(reach.codes) > 5 else ''})")
        notes.append(Diagnostic(reach.synonym.where, "synonym-reach", detail))
    return tuple(notes)
