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
from ..model.catalogue import Catalogue
from .official import OfficialEntry
from ..inputs.diagnostics import Diagnostic

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
) -> tuple[tuple[Successor, ...], tuple[Diagnostic, ...]]:
    """Successors of every expired code in every release, and report notes for refused official ones."""
    found: list[Successor] = []
    notes: list[Diagnostic] = []
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


def _official(old, named, pool, notes: list[Diagnostic]) -> list[str]:
    year, system, code, _ = old
    codes = []
    for successor, entry in named.get((year, system, code), ()):
        if successor in pool:
            codes.append(successor)
        else:
            notes.append(Diagnostic(entry.where, "official-successor-refused", f"{code} -> {successor}: not a code new in {year}"))
    return sorted(set(codes))


# Small words whose change does not change the procedure ("med"/"uten", "og"/"eller" do).
FUNCTION_WORDS = frozenset("av på i ved for til fra en et".split())


def nearly_same(old: str, new: str) -> bool:
    """Texts that differ only in small words or in the ending of a word (inflection)."""
    return _nearly_same_words(old.split(), new.split())


def _nearly_same_words(a: list[str], b: list[str]) -> bool:
    """`nearly_same` of two texts' words: a quick check on the words, then the alignment."""
    if a == b:
        return False
    limit = max(1, len(a) // 4)
    return _few_words_differ(a, b, limit) and _aligned_nearly_same(a, b, limit)


def _few_words_differ(a: list[str], b: list[str], limit: int) -> bool:
    """False where `_aligned_nearly_same` is sure to be: a quick check on the words alone.

    A word that the other text lacks is never aligned with an equal word. If it
    is not a function word, it must be paired with an inflected form in a
    replacement, which counts one change per word: so there are at most `limit`
    such words on either side, and each has an inflected form on the other.
    """
    in_a, in_b = set(a), set(b)
    only_a = [w for w in a if w not in in_b and w not in FUNCTION_WORDS]
    if len(only_a) > limit:
        return False
    only_b = [w for w in b if w not in in_a and w not in FUNCTION_WORDS]
    if len(only_b) > limit:
        return False
    return all(any(_inflected(w, x) for x in in_b) for w in only_a) and all(
        any(_inflected(w, x) for x in in_a) for w in only_b
    )


def _aligned_nearly_same(a: list[str], b: list[str], limit: int) -> bool:
    """The words aligned by difflib: every difference is in small words or inflections, at most `limit`."""
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
    return changes <= limit


def _inflected(a: str, b: str) -> bool:
    """One word in another form: a long common start and short different endings."""
    if a[:4] != b[:4]:  # the common start is shorter than four letters
        return False
    common = len(os.path.commonprefix([a, b]))
    return common >= 4 and max(len(a), len(b)) - common <= 3


class _WordIndex:
    """Candidates by the words of their texts, to compare an old text with few of them."""

    def __init__(self, pool: dict[str, tuple[str, str]]) -> None:
        self.normal = {code: _normal(text) for code, (_, text) in pool.items()}
        self.words = {code: text.split() for code, text in self.normal.items()}
        self.content = {code: frozenset(words) - FUNCTION_WORDS for code, words in self.words.items()}
        self.by_word: dict[str, list[str]] = defaultdict(list)
        for code, words in self.content.items():
            for word in words:
                self.by_word[word].append(code)

    def similar(self, text: str) -> list[str]:
        """Codes whose text is nearly the same (but not the same) as `text`, best first.

        A candidate shares all but two (and at least one) of the text's words
        that are not function words. Each such word it lacks is a change, and
        `nearly_same` allows at most max(1, len(words) // 4), so it must share
        `need` of them; then it has one of any len(words) - need + 1 of them,
        and only the codes of the rarest so many are looked at. Likewise it
        has at most that many words that the text lacks (`_few_words_differ`).
        """
        target = _normal(text)
        a = target.split()
        words = set(a) - FUNCTION_WORDS
        limit = max(1, len(a) // 4)
        need = max(1, len(words) - 2, len(words) - limit)
        rarest = sorted(words, key=lambda w: (len(self.by_word.get(w, ())), w))[: len(words) - need + 1]
        scored = []
        for code in {code for word in rarest for code in self.by_word.get(word, ())}:
            shared = len(words & self.content[code])
            if shared >= need and len(self.content[code]) - shared <= limit and _nearly_same_words(a, self.words[code]):
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
