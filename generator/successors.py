"""Where an expired code went: successors from change documents, moves and near-identical texts.

A successor is a code valid in the release where the old code expired that
was not valid in the previous release of its own code system (for a code
system whose first release this is, any of its codes qualifies). It may
belong to another code system: in 2016 image-guided procedures moved from
NCSP to NCRP with their texts unchanged.
"""

from __future__ import annotations

import difflib
import os
import re
from collections import defaultdict
from dataclasses import dataclass

from .compare import ReleaseChanges, SystemChanges
from .model import Catalogue
from .official import OfficialEntry
from .problems import Note

SUCCESSOR_KINDS = ("official", "moved", "similar")
MAX_SIMILAR = 3
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Successor:
    year: int  # the release in which the old code expired
    old: str
    old_system: str
    code: str
    system: str
    kind: str  # one of SUCCESSOR_KINDS
    old_text: str
    text: str


def _normal(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def candidates(catalogue: Catalogue, release: ReleaseChanges) -> dict[str, tuple[str, str]]:
    """code -> (system, text) of every code that may succeed an expired code in this release.

    These are the release's new and reactivated codes, and every code of a code
    system whose first release this is.
    """
    result = {}
    for changes in release.systems:
        if changes.from_year is None:
            result.update((code, (changes.system, text)) for code, text in _members(catalogue, changes).items())
        else:
            result.update((c.code, (c.system, c.after)) for c in changes.changes if c.change in _ARRIVED)
    return dict(sorted(result.items()))


_ARRIVED = ("new", "reactivated")


def _members(catalogue: Catalogue, changes: SystemChanges) -> dict[str, str]:
    """code -> text of the codes of one code system in one release."""
    found = {}
    for code in catalogue.codes:
        for version in code.versions:
            if version.year == changes.year and version.system == changes.system:
                found[code.code] = version.text
    return found


def find_successors(
    catalogue: Catalogue, releases: tuple[ReleaseChanges, ...], official: tuple[OfficialEntry, ...]
) -> tuple[tuple[Successor, ...], tuple[Note, ...]]:
    """Successors of every expired code in every release, and report notes for refused official ones."""
    found: list[Successor] = []
    notes: list[Note] = []
    named = defaultdict(list)
    for entry in official:
        for code in entry.successors:
            named[(entry.year, entry.system, entry.code)].append((code, entry))
    for release in releases:
        expired = [c for s in release.systems for c in s.of_kind("expired")]
        if not expired:
            continue
        pool = candidates(catalogue, release)
        by_text = defaultdict(list)
        for code, (system, text) in pool.items():
            by_text[text].append(code)
        index = _WordIndex(pool)
        for change in expired:
            old = (release.year, change.system, change.code, change.before or "")
            official_codes = _official(old, named, pool, notes)
            moved = [c for c in sorted(by_text.get(old[3], ())) if c not in official_codes]
            similar = [c for c in index.similar(old[3]) if c not in official_codes and c not in moved]
            for kind, codes in (("official", official_codes), ("moved", moved), ("similar", similar)):
                found.extend(Successor(*old[:1], old[2], old[1], c, pool[c][0], kind, old[3], pool[c][1]) for c in codes)
    return tuple(found), tuple(notes)


def _official(old, named, pool, notes: list[Note]) -> list[str]:
    year, system, code, _ = old
    codes = []
    for successor, entry in named.get((year, system, code), ()):
        if successor in pool:
            codes.append(successor)
        else:
            notes.append(Note(entry.where, "official-successor-refused", f"{code} -> {successor}: not a code new in {year}"))
    return sorted(set(codes))


# Small words whose change does not change the procedure ("med"/"uten", "og"/"eller" do).
FUNCTION_WORDS = frozenset("av på i ved for til fra en et".split())


def nearly_same(old: str, new: str) -> bool:
    """Texts that differ only in small words or in the ending of a word (inflection)."""
    a, b = old.split(), new.split()
    if a == b:
        return False
    changes = 0
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        left, right = a[i1:i2], b[j1:j2]
        if all(w in FUNCTION_WORDS for w in left + right):
            changes += 1
        elif tag == "replace" and len(left) == len(right) and all(map(_inflected, left, right)):
            changes += len(left)
        else:
            return False
    return changes <= max(1, len(a) // 4)


def _inflected(a: str, b: str) -> bool:
    """One word in another form: a long common start and short different endings."""
    common = len(os.path.commonprefix([a, b]))
    return common >= 4 and max(len(a), len(b)) - common <= 3


class _WordIndex:
    """Candidates by the words of their texts, to compare an old text with few of them."""

    def __init__(self, pool: dict[str, tuple[str, str]]) -> None:
        self.normal = {code: _normal(text) for code, (_, text) in pool.items()}
        self.by_word: dict[str, set[str]] = defaultdict(set)
        for code, text in self.normal.items():
            for word in set(text.split()):
                self.by_word[word].add(code)

    def similar(self, text: str) -> list[str]:
        """Codes whose text is nearly the same (but not the same) as `text`, best first."""
        target = _normal(text)
        words = set(target.split()) - FUNCTION_WORDS
        shared: dict[str, int] = defaultdict(int)
        for word in words:
            for code in self.by_word.get(word, ()):
                shared[code] += 1
        need = max(1, len(words) - 2)
        scored = []
        for code, count in shared.items():
            if count >= need and nearly_same(target, self.normal[code]):
                ratio = difflib.SequenceMatcher(None, target, self.normal[code], autojunk=False).ratio()
                scored.append((-ratio, code))
        return [code for _, code in sorted(scored)[:MAX_SIMILAR]]


@dataclass(frozen=True)
class Lineage:
    """Successors looked up both ways."""

    by_old: dict[str, tuple[Successor, ...]]  # expired code -> where it went
    by_new: dict[str, tuple[Successor, ...]]  # new code -> which codes it took over

    @classmethod
    def of(cls, successors: tuple[Successor, ...]) -> Lineage:
        by_old: dict[str, list[Successor]] = defaultdict(list)
        by_new: dict[str, list[Successor]] = defaultdict(list)
        for successor in successors:
            by_old[successor.old].append(successor)
            by_new[successor.code].append(successor)
        return cls({k: tuple(v) for k, v in by_old.items()}, {k: tuple(v) for k, v in by_new.items()})

    def of_release(self, year: int, system: str) -> tuple[Successor, ...]:
        """The successors of the codes of one code system that expired in one release."""
        found = (s for group in self.by_old.values() for s in group if s.year == year and s.old_system == system)
        return tuple(sorted(found, key=lambda s: (s.old, SUCCESSOR_KINDS.index(s.kind), s.code)))
