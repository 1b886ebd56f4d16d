"""Similar codes for an expired code without successor, so that its page does not end the road.

A code valid in the newest release is similar when it shares words of the
text (rarer words count more; in any code system, since many codes moved
from NCSP and NCMP to NCRP) or the start of the code (the same group) with
the expired code. Deterministic: ties go in code order.

The map is made once per build (`similar_codes`), before the pages and the
checker's data that both show it. A valid code's score depends only on which
of the expired code's lists it is on (each word of the text, the first two
and three characters of the code). Codes on a short list are scored one by
one; for codes on long lists only, the combinations of those lists are taken
best score first, and of each only the first codes in code order (they tie),
found with set operations, until no worse combination can change the six
best. Scoring every code on every list, as before, took time in expired
codes times valid codes (several minutes on 100,000 codes, now 7 s); the
result is the same (tests/test_similar.py).
"""

from __future__ import annotations

import heapq
import math
import re
from collections import defaultdict
from itertools import combinations
from typing import Iterable, Mapping

from ..analysis.successors import Lineage
from ..model.catalogue import Code

_WORD = re.compile(r"[a-zæøå0-9]{4,}")
_COMMON = frozenset({"uten", "eller", "etter", "under", "over", "andre", "annen", "annet", "inkl", "ekskl", "samt"})
LIMIT = 6
THRESHOLD = 1.0  # a similar code scores more than this
PREFIX_BONUS = ((2, 0.5), (3, 1.5))  # sharing the first two, three characters of the code (same system)
SHORT = 100  # a list of more codes than this is long: only its first codes in code order are looked at
WALK = 64  # codes of a long list walked in code order before sets are intersected
MAX_LONG = 9  # more long lists than this (a very long text): every code on them is scored instead

List = tuple[float, frozenset]  # (weight, the codes on the list)


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.casefold())) - _COMMON


class SimilarCodes:
    """An index of the valid codes, built once."""

    def __init__(self, codes: Iterable[Code]) -> None:
        by_word: dict[str, set[str]] = defaultdict(set)
        by_prefix: dict[tuple[str, str], set[str]] = defaultdict(set)
        self._codes: dict[str, Code] = {}
        for code in codes:
            if code.active:
                self._codes[code.code] = code
                for word in _words(code.text):
                    by_word[word].add(code.code)
                for size, _ in PREFIX_BONUS:
                    by_prefix[(code.system, code.code[:size])].add(code.code)
        self._total = max(len(self._codes), 1)
        self._by_word = {word: frozenset(names) for word, names in by_word.items()}
        self._by_prefix = {key: frozenset(names) for key, names in by_prefix.items()}
        self._sorted: dict[frozenset[str], tuple[str, ...]] = {}  # long lists in code order, made on first use

    def _lists(self, code: Code) -> list[List]:
        """(weight, codes) of every list that scores `code`, in the order its scores are summed."""
        lists = []
        for word in sorted(_words(code.text)):  # a fixed order: float sums, and so ties, never vary
            names = self._by_word.get(word, frozenset())
            lists.append((math.log(self._total / (1 + len(names))), names))
        for size, bonus in PREFIX_BONUS:
            lists.append((bonus, self._by_prefix.get((code.system, code.code[:size]), frozenset())))
        return lists

    def of(self, code: Code) -> tuple[Code, ...]:
        """Up to LIMIT valid codes, the most similar first (the expired code itself is on no list)."""
        lists = self._lists(code)
        held = [i for i, (_, names) in enumerate(lists) if names]
        short = [i for i in held if len(lists[i][1]) <= SHORT]
        long = [i for i in held if len(lists[i][1]) > SHORT]
        if len(long) > MAX_LONG:
            return self._ranked(_top(lists, _masks(lists, held, held)))
        masks = _masks(lists, short, long)  # every code on a short list, scored
        top = _top(lists, masks)
        on_short = frozenset(masks)
        for score, chosen in _combinations(lists, long):  # codes on long lists only, best combination first
            if score <= THRESHOLD or (len(top) == LIMIT and -top[-1][0] > score):
                break  # no code on this combination (or a worse one) can be among the best
            others = [i for i in long if i not in chosen]
            found = self._first_on(lists, chosen, others, on_short)
            if found:
                top = sorted(top + [(-score, n) for n in found])[:LIMIT]
        return self._ranked(top)

    def _first_on(self, lists: list[List], chosen, others, skip: frozenset[str]) -> list[str]:
        """The first LIMIT codes, in code order, on every list `chosen`, on no list `others`, not in `skip`."""
        on = sorted((lists[i][1] for i in chosen), key=len)
        off = [skip, *(lists[i][1] for i in others)]
        found = []
        ordered = self._ordered(on[0])
        for name in ordered[:WALK]:  # most often the first codes of the list in code order will do
            if all(name in s for s in on[1:]) and not any(name in s for s in off):
                found.append(name)
                if len(found) == LIMIT:
                    return found
        if len(ordered) <= WALK:
            return found
        names = on[0].intersection(*on[1:]).difference(*off)
        return sorted(names)[:LIMIT] if len(names) <= WALK else [n for n in ordered if n in names][:LIMIT]

    def _ordered(self, names: frozenset[str]) -> tuple[str, ...]:
        if names not in self._sorted:
            self._sorted[names] = tuple(sorted(names))
        return self._sorted[names]

    def _ranked(self, top: list[tuple[float, str]]) -> tuple[Code, ...]:
        return tuple(self._codes[name] for score, name in top if -score > THRESHOLD)


def _top(lists: list[List], masks: dict[str, int]) -> list[tuple[float, str]]:
    """The LIMIT best (-score, code) of the codes with these masks; scores summed in the lists' order."""
    sums = {mask: sum(lists[i][0] for i in range(len(lists)) if mask >> i & 1) for mask in set(masks.values())}
    return heapq.nsmallest(LIMIT, ((-sums[m], name) for name, m in masks.items()))


def _combinations(lists: list[List], long: list[int]) -> list[tuple[float, tuple[int, ...]]]:
    """Every combination of the long lists with its score (summed in the lists' order), best first."""
    found = [(sum(lists[i][0] for i in chosen), chosen) for size in range(1, len(long) + 1)
             for chosen in combinations(long, size)]
    return sorted(found, key=lambda item: -item[0])


def _masks(lists: list[List], read: list[int], check: list[int]) -> dict[str, int]:
    """Per code on a list `read`: the lists it is on (bits), of `read` and `check`."""
    masks: dict[str, int] = defaultdict(int)
    for i in read:
        for name in lists[i][1]:
            masks[name] |= 1 << i
    found = set(masks)  # a set: `keys() & frozenset` would walk the whole (long) frozenset
    for i in check:
        if i not in read:
            for name in found & lists[i][1]:
                masks[name] |= 1 << i
    return masks


def similar_codes(codes: Iterable[Code], lineage: Lineage) -> dict[str, tuple[Code, ...]]:
    """Per expired code without successor (and with similar codes), the valid codes its page offers."""
    codes = tuple(codes)
    index = SimilarCodes(codes)
    found = {}
    for code in codes:
        if not code.active and not lineage.by_old.get(code.code):
            similar = index.of(code)
            if similar:
                found[code.code] = similar
    return found
