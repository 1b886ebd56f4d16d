"""Similar codes for an expired code without successor, so that its page does not end the road (issue 16).

A code valid in the newest release is similar when it shares words of the
text (rarer words count more; in any code system, since many codes moved
from NCSP and NCMP to NCRP) or the start of the code (the same group) with
the expired code. Deterministic: ties go in code order.

The map is made once per build (`similar_codes`), before the pages and the
checker's data that both show it. Each expired code is scored against the
lists of valid codes that hold one of its words or its code's start; a word
held by many codes (a long list) weighs little, so the lists are read
rarest first and the long ones are only read while a code found in none of
the lists read so far could still reach the six best (exact "max-score"
pruning: the result is the one reading every list would give). Without it
the work grew with expired codes times valid codes (minutes on 100,000
codes).
"""

from __future__ import annotations

import heapq
import math
import re
from collections import defaultdict
from typing import Iterable, Mapping

from ..analysis.successors import Lineage
from ..model.catalogue import Code

_WORD = re.compile(r"[a-zæøå0-9]{4,}")
_COMMON = frozenset({"uten", "eller", "etter", "under", "over", "andre", "annen", "annet", "inkl", "ekskl", "samt"})
LIMIT = 6
THRESHOLD = 1.0  # a similar code scores more than this
_EPS = 1e-9  # float sums in another order may differ by this much: never stop on a near tie
PREFIX_BONUS = ((2, 0.5), (3, 1.5))  # sharing the first two, three characters of the code (same system)


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.casefold())) - _COMMON


class SimilarCodes:
    """An index of the valid codes, built once."""

    def __init__(self, codes: Iterable[Code]) -> None:
        self._by_word: dict[str, list[Code]] = defaultdict(list)
        self._by_prefix: dict[tuple[str, str], list[Code]] = defaultdict(list)
        count = 0
        for code in sorted(codes, key=lambda c: c.code):  # every list in code order (see _first_new)
            if not code.active:
                continue
            count += 1
            for word in _words(code.text):
                self._by_word[word].append(code)
            for size, _ in PREFIX_BONUS:
                self._by_prefix[(code.system, code.code[:size])].append(code)
        self._total = max(count, 1)
        self._names = {key: frozenset(c.code for c in holders) for key, holders in (*self._by_word.items(), *self._by_prefix.items())}

    def _lists(self, code: Code) -> list[tuple[object, float, list[Code]]]:
        """(key, weight, holders) of every list that scores `code`, in the order the scores are summed."""
        lists: list[tuple[object, float, list[Code]]] = []
        for word in sorted(_words(code.text)):  # a fixed order: float sums, and so ties, never vary
            holders = self._by_word.get(word, [])
            lists.append((word, math.log(self._total / (1 + len(holders))), holders))
        for size, bonus in PREFIX_BONUS:
            key = (code.system, code.code[:size])
            lists.append((key, bonus, self._by_prefix.get(key, [])))
        return lists

    def of(self, code: Code) -> tuple[Code, ...]:
        """Up to LIMIT valid codes, the most similar first."""
        lists = self._lists(code)
        found, masks, unread = self._read(code, lists)
        for index in unread:  # lists not read through: which of the codes found are on them
            for name in found.keys() & self._names.get(lists[index][0], frozenset()):
                masks[name] |= 1 << index
        sums: dict[int, float] = {}
        for mask in set(masks.values()):  # summed in the lists' own order, as reading every list would
            sums[mask] = sum(weight for i, (_, weight, _) in enumerate(lists) if mask >> i & 1)
        scores = {name: sums[mask] for name, mask in masks.items() if name != code.code}
        ranked = sorted((c for c in scores if scores[c] > THRESHOLD), key=lambda c: (-scores[c], c))
        return tuple(found[c] for c in ranked[:LIMIT])

    def _read(self, code: Code, lists) -> tuple[dict[str, Code], dict[str, int], list[int]]:
        """The codes that can be among the best, with the lists (bits) each is on; the lists left unread.

        Lists are read rarest first, while a code on none of the lists read so far could still be among
        the best; of the last list only the first new codes (ties go in code order).
        """
        bounded = all(weight >= 0 for _, weight, _ in lists)  # else no bound holds: read everything
        order = sorted(range(len(lists)), key=lambda i: (len(lists[i][2]), i))
        found: dict[str, Code] = {}
        masks: dict[str, int] = defaultdict(int)
        partial: dict[str, float] = defaultdict(float)
        for step, index in enumerate(order):
            _, weight, holders = lists[index]
            left = sum(lists[i][1] for i in order[step:])  # the most a code on none of the lists read scores
            if bounded and (left + _EPS <= THRESHOLD or left + _EPS < _sixth(partial, code.code)):
                return found, masks, order[step:]
            if bounded and step == len(order) - 1:  # a code new here scores this list's weight alone
                for name, other in _first_new(holders, found, code.code).items():
                    found[name], masks[name] = other, 1 << index
                return found, masks, [index]
            for other in holders:
                found[other.code] = other
                masks[other.code] |= 1 << index
                partial[other.code] += weight
        return found, masks, []


def _first_new(holders: list[Code], found: Mapping[str, Code], own: str) -> dict[str, Code]:
    """The first LIMIT codes of `holders` (in code order) not found yet."""
    new: dict[str, Code] = {}
    for other in holders:
        if other.code not in found and other.code != own:
            new[other.code] = other
            if len(new) == LIMIT:
                break
    return new


def _sixth(partial: Mapping[str, float], own: str) -> float:
    """The LIMIT-th best score so far (a floor of the final one: weights are not negative here)."""
    scores = heapq.nlargest(LIMIT, (s for c, s in partial.items() if c != own))
    return scores[-1] if len(scores) == LIMIT else -math.inf


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
