"""Similar codes for an expired code without successor, so that its page does not end the road (issue 16).

A code valid in the newest release is similar when it shares words of the
text (rarer words count more; in any code system, since many codes moved
from NCSP and NCMP to NCRP) or the start of the code (the same group) with
the expired code. Deterministic: ties go in code order.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from typing import Iterable

from ..model.catalogue import Code

_WORD = re.compile(r"[a-zæøå0-9]{4,}")
_COMMON = frozenset({"uten", "eller", "etter", "under", "over", "andre", "annen", "annet", "inkl", "ekskl", "samt"})
LIMIT = 6


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.casefold())) - _COMMON


class SimilarCodes:
    """An index of the valid codes, built once per process that asks."""

    def __init__(self, codes: Iterable[Code]) -> None:
        self._by_word: dict[str, list[Code]] = defaultdict(list)
        self._by_prefix: dict[tuple[str, str], list[Code]] = defaultdict(list)
        count = 0
        for code in codes:
            if not code.active:
                continue
            count += 1
            for word in _words(code.text):
                self._by_word[word].append(code)
            for size in (2, 3):
                self._by_prefix[(code.system, code.code[:size])].append(code)
        self._total = max(count, 1)

    def of(self, code: Code) -> tuple[Code, ...]:
        """Up to LIMIT valid codes, the most similar first."""
        scores: dict[str, float] = defaultdict(float)
        found: dict[str, Code] = {}
        for word in sorted(_words(code.text)):  # a fixed order: float sums, and so ties, never vary
            holders = self._by_word.get(word, ())
            weight = math.log(self._total / (1 + len(holders)))
            for other in holders:
                scores[other.code] += weight
                found[other.code] = other
        for size, bonus in ((2, 0.5), (3, 1.5)):
            for other in self._by_prefix.get((code.system, code.code[:size]), ()):
                scores[other.code] += bonus
                found[other.code] = other
        ranked = sorted((c for c in scores if c != code.code and scores[c] > 1.0), key=lambda c: (-scores[c], c))
        return tuple(found[c] for c in ranked[:LIMIT])
