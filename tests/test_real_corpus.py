"""Build the whole real corpus and check every code of every file against an independent reading."""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

import pytest

from .helpers import load_json, parse_page
from .independent import MANIFEST, read_releases

pytestmark = pytest.mark.real


def expected_versions() -> dict[str, dict[int, str]]:
    """code -> year -> text, from the files the manifest lists."""
    expected: dict[str, dict[int, str]] = defaultdict(dict)
    for year, systems in read_releases(MANIFEST).items():
        for codes in systems.values():
            for code, text in codes.items():
                expected[code][year] = text
    return expected


def test_every_code_of_every_file_has_its_page_and_json(real_site: Path) -> None:
    expected = expected_versions()
    assert len(expected) > 10_000
    newest = max(year for years in expected.values() for year in years)
    wrong = []
    for code, years in sorted(expected.items()):
        doc = load_json(real_site / "api" / "kode" / f"{code}.json")
        got = {v["year"]: v["text"] for v in doc["versions"]}
        if got != years or doc["active"] != (newest in years):
            wrong.append((code, years, got))
        assert (real_site / "kode" / code / "index.html").is_file()
    assert wrong == []
    pages = {p.parent.name for p in (real_site / "kode").glob("*/index.html")}
    assert pages == set(expected)


def test_code_pages_show_the_latest_text(real_site: Path) -> None:
    page = parse_page(real_site / "kode/JKA21/index.html")
    assert "".join(page.h1).strip() == "JKA21 Laparoskopisk kolecystektomi"
    expired = " ".join(parse_page(real_site / "kode/UJD02/index.html").text)
    assert "Utgått fra 2016" in expired and "Siste utgave med koden er 2015" in expired


def test_pages_say_which_release_is_the_newest(real_site: Path) -> None:
    """Nobody should read "valid" as "valid today": 2017 is the newest release the site carries."""
    valid = " ".join(" ".join(parse_page(real_site / "kode/JKA21/index.html").text).split())
    assert "JKA21 er gyldig i 2017-utgaven, den nyeste på dette nettstedet." in valid
    expired = " ".join(" ".join(parse_page(real_site / "kode/AADE00/index.html").text).split())
    assert "ikke med i 2016-utgaven" in expired and "den nyeste utgaven på dette nettstedet er 2017" in expired
    front = " ".join(" ".join(parse_page(real_site / "index.html").text).split())
    assert "Den nyeste utgaven på dette nettstedet er 2017-utgaven." in front
    assert "Nettstedet har utgavene fra 1999 til 2017" in front
    checker = " ".join(" ".join(parse_page(real_site / "sjekk/index.html").text).split())
    assert "2017 (nyeste her)" in checker and "2017 er den nyeste utgaven på dette nettstedet" in checker


def test_report_counts_every_release(real_site: Path) -> None:
    report = load_json(real_site / "rapport/byggerapport.json")
    years = [r["year"] for r in report["releases"]]
    assert years == [1999, 2005, *range(2007, 2018)]
    by_year = {r["year"]: r["codes"] for r in report["releases"]}
    assert set(by_year[2017]) == {"NCSP", "NCMP", "NCRP"} and set(by_year[2012]) == {"NCSP", "NCMP", "SK"}
    assert by_year[2013]["NCSP"] == 6_627 and by_year[2014]["NCSP"] == 6_655  # NCSP 2013.xlsx, not the 2014 list
    # Each code system's first release teaches its shapes; TSJWM (TSJ0WM without its 0) is the one code of a
    # shape new to its system, listed under new_shapes in data/releases.yaml.
    shapes = {n["detail"].split(",")[0]: n["detail"].split(": ")[1] for n in report["notes"] if n["kind"] == "shapes"}
    assert shapes == {"NCSP's first release": "LLLDD 6221 (AAA00), LLDDD 154 (AA027)",
                      "NCMP's first release": "LLLLDD 678 (AAAA00), LLLDD 5 (ZWN00)",
                      "SK's first release": "DLLDD 31 (0XX00), LDDDD 2 (A0093), LLDDD 1 (WL000)",
                      "NCRP's first release": "LLLDLL 732 (SAA0AA), LLLDDL 565 (AAB06K), LLLDLD 1 (ZTX6W9)"}
    new = [(n["file"], n["line"], n["detail"].split(",")[0]) for n in report["notes"] if n["kind"] == "new-shape"]
    assert new == [("Alle prosedyrekoder 2017.xlsx", 8501, "TSJWM (NCRP) has the shape LLLLL")]


# From an independent comparison of the corpus (data/README.md), NCSP, NCMP and NCRP only.
FIGURES = {
    2013: {"expired": 156, "new": 193, "text": 15, "reactivated": 1},
    2014: {"expired": 7, "new": 40, "text": 5},
    2016: {"expired": 723, "new": 383, "text": 65, "reactivated": 2},
}


@pytest.mark.parametrize("year", sorted(FIGURES))
def test_change_counts_equal_the_published_figures(real_site: Path, year: int) -> None:
    changes = load_json(real_site / "api" / "endringer" / f"{year}.json")["changes"]
    counts = Counter(c["change"] for c in changes if c["system"] != "SK")
    assert counts == FIGURES[year]


def test_distinct_codes_and_the_2013_release(real_site: Path) -> None:
    codes = [load_json(p) for p in (real_site / "api" / "kode").glob("*.json")]
    assert sum(doc["system"] != "SK" for doc in codes) == 10_091
    for code in ("FKC72", "JAB03"):  # new in 2014: the text file named "2013" is the 2014 list
        doc = load_json(real_site / "api" / "kode" / f"{code}.json")
        assert [v["year"] for v in doc["versions"]][0] == 2014
