"""Where expired codes went: successors on the real corpus and the sample, through built sites."""

from __future__ import annotations

import difflib
import os
import random
from collections import defaultdict
from pathlib import Path

import pytest

from generator.analysis.compare import compare_releases
from generator.analysis.successors import FUNCTION_WORDS, MAX_SIMILAR, _WordIndex, candidates, nearly_same

from .helpers import build_site, load_json, parse_page
from .test_compare import _catalogue

KNOWN_MOVES = [(2016, "TNH05", "NHX05"), (2016, "UJC05", "JUC05"), (2016, "FPE00", "FPK10A"), (2016, "FNG05", "FNQ05B"), (2017, "SXF0NK", "SFY0NK")]


def _expired(site: Path, year: int) -> dict[str, dict]:
    doc = load_json(site / "api" / "endringer" / f"{year}.json")
    return {c["code"]: c for c in doc["changes"] if c["change"] == "expired"}


@pytest.mark.real
def test_real_2016_restructure_moves(real_site: Path) -> None:
    expired = _expired(real_site, 2016)
    moved = [c for c in expired.values() if any(s["kind"] == "moved" for s in c["successors"])]
    assert len(moved) >= 490
    report = load_json(real_site / "rapport/byggerapport.json")
    assert report["expired_with_successor"]["2016"]["moved"] == len(moved)


@pytest.mark.real
@pytest.mark.parametrize("year,old,new", KNOWN_MOVES)
def test_real_known_moves(real_site: Path, year: int, old: str, new: str) -> None:
    entry = _expired(real_site, year)[old]
    assert {"code": new, "kind": "moved"} in entry["successors"]
    page = parse_page(real_site / "kode" / old / "index.html")
    assert f"../{new}/" in page.links and "Flyttet til" in " ".join(page.text)
    back = parse_page(real_site / "kode" / new / "index.html")
    assert f"../{old}/" in back.links and "Flyttet fra" in " ".join(back.text)


@pytest.mark.real
def test_real_no_successor_was_valid_before_in_its_own_system(real_site: Path) -> None:
    """A successor is never a code that was valid in the previous release of its own code system."""
    years = sorted(int(p.stem) for p in (real_site / "api/endringer").glob("*.json"))
    valid: dict[tuple[str, int], set[str]] = defaultdict(set)
    for page in (real_site / "api/kode").glob("*.json"):
        doc = load_json(page)
        for version in doc["versions"]:
            valid[(doc["system"], version["year"])].add(doc["code"])
    systems_in = defaultdict(list)
    for system, year in sorted(valid):
        systems_in[system].append(year)
    checked = 0
    for year in years:
        for entry in _expired(real_site, year).values():
            for successor in entry["successors"]:
                system = load_json(real_site / "api/kode" / f"{successor['code']}.json")["system"]
                earlier = [y for y in systems_in[system] if y < year]
                assert successor["code"] in valid[(system, year)]
                assert not earlier or successor["code"] not in valid[(system, earlier[-1])]
                checked += 1
    assert checked > 500


def test_sample_moves_show_everywhere(tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert build_site(site) == 0
    expired = _expired(site, 2016)
    assert {"code": "ABT00", "kind": "moved"} in expired["TAB00"]["successors"]
    assert {"code": "JJA20K", "kind": "moved"} in expired["TJJ10"]["successors"]  # NCSP -> NCRP
    assert expired["CJE25"]["successors"] == []
    change_page = " ".join(parse_page(site / "endringer/2016/index.html").text)
    assert "Flyttede og erstattede koder" in change_page
    new_page = parse_page(site / "kode/JJA20K/index.html")
    assert "../TJJ10/" in new_page.links and "Tidligere kode" in " ".join(new_page.text)


@pytest.mark.parametrize(
    "old,new,expected",
    [
        ("perkutan angioplastikk av lungevene", "perkutan angioplastikk på lungevene", True),
        ("behandling av arytmi", "behandling av arytmier", True),
        ("ultralyd uten doppler", "ultralyd med doppler", False),
        ("utvidelse av mitralklaffen", "utvidelse av aortaklaffen", False),
        ("samme tekst", "samme tekst", False),
    ],
)
def test_nearly_same_texts(old: str, new: str, expected: bool) -> None:
    assert nearly_same(old, new) is expected


# Words of procedure texts with inflected forms, small words and the words that do change a procedure.
STEMS = [
    ("behandling", "behandlingen", "behandlinger"), ("arytmi", "arytmier", "arytmien"), ("lungevene", "lungevenen", "lungevener"),
    ("klaff", "klaffen", "klaffer"), ("mitralklaff", "mitralklaffen"), ("aortaklaff", "aortaklaffen"), ("ultralyd",),
    ("doppler",), ("perkutan", "perkutant"), ("angioplastikk", "angioplastikken"), ("reseksjon", "reseksjonen"),
    ("tarm", "tarmen"), ("kne", "kneet"), ("hofte", "hoften"), ("protese", "protesen", "proteser"), ("total", "totalt"),
]
SMALL = sorted(FUNCTION_WORDS) + ["med", "uten", "og", "eller"]


def _text(rng: random.Random) -> list[str]:
    return [rng.choice(rng.choice(STEMS)) if rng.random() < 0.7 else rng.choice(SMALL) for _ in range(rng.randint(1, 9))]


def _edited(words: list[str], rng: random.Random) -> list[str]:
    """A few random edits: another form of a word, a small word in or out, a word swapped or replaced."""
    words = list(words)
    for _ in range(rng.randint(0, 3)):
        i = rng.randrange(len(words) + 1)
        edit = rng.randrange(5)
        if edit == 0 and i < len(words):
            forms = next((f for f in STEMS if words[i] in f), (words[i],))
            words[i] = rng.choice(forms)
        elif edit == 1:
            words.insert(i, rng.choice(SMALL))
        elif edit == 2 and i < len(words) and len(words) > 1:
            del words[i]
        elif edit == 3 and i + 1 < len(words):
            words[i], words[i + 1] = words[i + 1], words[i]
        elif i < len(words):
            words[i] = rng.choice(rng.choice(STEMS))
    return words


def _plain_nearly_same(old: str, new: str) -> bool:
    """nearly_same with difflib alone, as it was written first."""
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
        elif tag == "replace" and len(left) == len(right) and all(map(_plain_inflected, left, right)):
            changes += len(left)
        else:
            return False
    return changes <= max(1, len(a) // 4)


def _plain_inflected(a: str, b: str) -> bool:
    common = len(os.path.commonprefix([a, b]))
    return common >= 4 and max(len(a), len(b)) - common <= 3


def _pairs(seed: int, count: int) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    pairs = []
    for _ in range(count):
        old = _text(rng)
        pairs.append((" ".join(old), " ".join(_edited(old, rng))))
    return pairs


@pytest.mark.parametrize("seed", range(5))
def test_nearly_same_agrees_with_difflib_alone(seed: int) -> None:
    """The quick check on the words never refuses a pair that the alignment accepts."""
    pairs = _pairs(seed, 4000)
    found = [nearly_same(old, new) for old, new in pairs]
    assert found == [_plain_nearly_same(old, new) for old, new in pairs]
    assert 300 < sum(found) < 3700  # both answers are common among the pairs


def _plain_similar(pool: dict[str, tuple[str, str]], text: str) -> list[str]:
    """Every candidate sharing all but two of the text's words (at least one), by difflib alone, best first."""
    normal = {code: " ".join(t.casefold().split()) for code, (_, t) in pool.items()}
    target = " ".join(text.casefold().split())
    words = set(target.split()) - FUNCTION_WORDS
    need = max(1, len(words) - 2)
    scored = []
    for code, other in normal.items():
        shared = len(words & set(other.split()))
        if shared and shared >= need and _plain_nearly_same(target, other):
            ratio = difflib.SequenceMatcher(None, target, other, autojunk=False).ratio()
            scored.append((-ratio, code))
    return [code for _, code in sorted(scored)[:MAX_SIMILAR]]


@pytest.mark.parametrize("seed", range(5))
def test_similar_agrees_with_a_search_of_every_candidate(seed: int) -> None:
    rng = random.Random(seed)
    texts = [_text(rng) for _ in range(60)]
    pool = {f"K{n:03}": ("NCSP", " ".join(_edited(rng.choice(texts), rng))) for n in range(400)}
    index = _WordIndex(pool)
    olds = [" ".join(_edited(rng.choice(texts), rng)) for _ in range(300)]
    found = [index.similar(old) for old in olds]
    assert found == [_plain_similar(pool, old) for old in olds]
    assert sum(map(bool, found)) > 50


@pytest.mark.parametrize("seed", range(10))
def test_candidates_are_the_codes_not_in_the_previous_release(seed: int) -> None:
    catalogue = _catalogue(seed)
    members: dict[tuple[str, int], dict[str, str]] = {}
    for code in catalogue.codes:
        for version in code.versions:
            members.setdefault((version.system, version.year), {})[code.code] = version.text
    for release in compare_releases(catalogue):
        expected = {}
        for system in (s for s in catalogue.systems if (s, release.year) in members):
            years = catalogue.releases_of(system)
            index = years.index(release.year)
            before = members.get((system, years[index - 1]), {}) if index else {}
            now = members[(system, release.year)]
            expected |= {code: (system, text) for code, text in now.items() if code not in before}
        found = candidates(catalogue, release)
        assert found == expected and list(found) == sorted(expected)
