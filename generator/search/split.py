"""Compound words split into words of the index's own vocabulary.

Norwegian joins words: `hofteprotese` is `hofte` + `protese`, and the code
texts say `protese i hofteledd` or `totalprotese`. A word is split into the
fewest parts of at least `MIN_PART` letters whose keys (respelt and stemmed,
`search_text.key`) are terms of the vocabulary; of two splits with as many
parts, the one with the longer first part wins. No hand-made word list: the
vocabulary is the list. A part may end in the linking vowel of Greek and
Latin compounds (`septo` + `plastikk`): it is then given without it.

At build time every word of a code text that splits so is given its parts'
terms as extra terms (`search.py`), so `protese` finds `totalprotese`. In the
browser, a query word that begins no term is split the same way, its last
part may also be the beginning of a term (`hofteprot`), and each part is
then searched as a word. `search-text.js` has the same function;
`tests/test_search_browser.py` checks that both split every word of the real
vocabulary alike.
"""

from __future__ import annotations

from typing import Callable, Collection

from .text import key

MIN_PART = 3  # `kne` in `kneprotese`
MIN_WORD = 6  # shorter words are not split
LINK = "o"  # the linking vowel a part may end in (given without it)
STEM_CUT = 8  # a stem is the word less at most this many letters: a cheap test before stemming


def known_in(vocabulary: Collection[str]) -> Callable[[str], bool]:
    """Whether a part's key is a term of the vocabulary."""

    def known(part: str) -> bool:
        if not any(part[:end] in vocabulary for end in range(max(1, len(part) - STEM_CUT), len(part) + 1)):
            return False
        return key(part) in vocabulary

    return known


def split(word: str, known: Callable[[str], bool], last: Callable[[str], bool] | None = None) -> list[str]:
    """The parts of a folded word, or [] when it does not split into two or more known parts.

    `last`, if given, also accepts a final part (the end of a word being typed).
    """
    size = len(word)
    if size < MIN_WORD:
        return []
    fewest: list[int | None] = [None] * (size + 1)  # fewest parts for word[i:]
    end = [0] * (size + 1)
    fewest[size] = 0
    for start in range(size - MIN_PART, -1, -1):
        for stop in range(size, start + MIN_PART - 1, -1):  # the longest part first
            rest = fewest[stop]
            if rest is None or (start == 0 and stop == size):
                continue
            if (fewest[start] is None or rest + 1 < fewest[start]) and _fits(word[start:stop], stop == size, known, last):
                fewest[start] = rest + 1
                end[start] = stop
    if fewest[0] is None:
        return []
    parts, start = [], 0
    while start < size:
        part = word[start : end[start]]
        parts.append(part[:-1] if not known(part) and _linked(part, known) else part)
        start = end[start]
    return parts


def _linked(part: str, known: Callable[[str], bool]) -> bool:
    """A known word and the linking vowel of Greek and Latin compounds: `septo` in `septoplastikk`."""
    return len(part) > MIN_PART and part.endswith(LINK) and known(part[:-1])


def _fits(part: str, final: bool, known: Callable[[str], bool], last: Callable[[str], bool] | None) -> bool:
    return known(part) or _linked(part, known) or (final and last is not None and last(part))
