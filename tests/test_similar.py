"""pages/similar.py: the pruned reading of the word lists gives what reading every list gives."""

from __future__ import annotations

import math
from collections import defaultdict

from generator.analysis.successors import Lineage
from generator.build import prepare
from generator.inputs.diagnostics import Location
from generator.model.catalogue import Code, CodeVersion
from generator.pages.similar import LIMIT, PREFIX_BONUS, THRESHOLD, _words, similar_codes

from .helpers import REAL_MANIFEST


def _every_list(codes: tuple[Code, ...], lineage: Lineage) -> dict[str, tuple[str, ...]]:
    """The reference: every valid code scored on every list, nothing skipped."""
    valid = [c for c in codes if c.active]
    holders: dict[str, list[Code]] = defaultdict(list)
    for other in valid:
        for word in _words(other.text):
            holders[word].append(other)
    found = {}
    for code in codes:
        if code.active or lineage.by_old.get(code.code):
            continue
        scores: dict[str, float] = defaultdict(float)
        for word in sorted(_words(code.text)):
            weight = math.log(max(len(valid), 1) / (1 + len(holders[word])))
            for other in holders[word]:
                scores[other.code] += weight
        for size, bonus in PREFIX_BONUS:
            for other in valid:
                if other.system == code.system and other.code[:size] == code.code[:size]:
                    scores[other.code] += bonus
        ranked = sorted((c for c, s in scores.items() if c != code.code and s > THRESHOLD), key=lambda c: (-scores[c], c))
        if ranked:
            found[code.code] = tuple(ranked[:LIMIT])
    return found


def _names(found: dict[str, tuple[Code, ...]]) -> dict[str, tuple[str, ...]]:
    return {code: tuple(c.code for c in similar) for code, similar in found.items()}


def _code(name: str, text: str, active: bool = True) -> Code:
    return Code(name, (CodeVersion.at(2017, "NCSP", text, Location("test")),), active)


def test_ties_on_the_longest_list_go_in_code_order() -> None:
    """Twenty codes share only a common word with the expired one: the first ones in code order are offered."""
    common = [_code(f"QB{n:03d}", f"Vanlig inngrep nummer{n}") for n in range(20, 0, -1)]
    rare = [_code("ZZ001", "Sjelden vanlig"), _code("ZZ002", "Sjelden")]
    other = [_code(f"XY{n:03d}", f"Annet ord{n}") for n in range(40)]
    expired = _code("ZQ999", "Sjelden vanlig inngrep", active=False)
    codes = tuple(sorted(common + rare + other + [expired], key=lambda c: c.code))
    lineage = Lineage.of(())
    assert _names(similar_codes(codes, lineage)) == _every_list(codes, lineage)
    assert _names(similar_codes(codes, lineage))["ZQ999"][:4] == ("ZZ001", "ZZ002", "QB001", "QB002")


def test_the_real_corpus_gets_what_reading_every_list_gives() -> None:
    project = prepare(REAL_MANIFEST)
    found = _names(project.codes.similar)
    assert len(found) > 500
    assert found == _every_list(project.catalogue.codes, project.lineage)
