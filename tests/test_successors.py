"""Where expired codes went: successors on the real corpus and the sample, through built sites."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from generator.successors import nearly_same

from .helpers import build_site, load_json, parse_page

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
