"""The code-list checker's data file (api/kodeliste.json) and its page, without a browser."""

from __future__ import annotations

import gzip
import importlib.util
import json
import re
from pathlib import Path

import pytest

from generator import urls
from generator.build import PreparedSite, prepare
from generator.jsonfile import compact_json
from generator.pages.checker import ABSENT, checker_box, checker_data
from generator.pages.markers import marker
from generator.analysis.successors import SUCCESSOR_KINDS

from .helpers import ROOT, build_site, load_json, parse_page, sample_manifest


@pytest.fixture(scope="module")
def sample() -> PreparedSite:
    return prepare(sample_manifest())


@pytest.fixture(scope="module")
def data(sample: PreparedSite) -> dict:
    return checker_data(sample.catalogue, sample.lineage, sample.codes.similar)


def _code(data: dict, code: str) -> tuple[str, list, list]:
    """A code's presence string, texts and successors."""
    index = data["codes"].index(code)
    return data["present"][index], data["texts"][index], data["successors"].get(code, [])


def _versions(data: dict, index: int) -> list[tuple[int, str, str]]:
    """(year, system, text) per release that has the code, decoded from the file."""
    present, texts = data["present"][index], data["texts"][index]
    changes = dict(zip(texts[1::2], texts[2::2]))
    found, text = [], texts[0]
    for number, mark in enumerate(present):
        text = changes.get(number, text)
        if mark != ABSENT:
            found.append((data["releases"][number]["year"], data["systems"][int(mark)], text))
    return found


def test_releases_and_their_code_systems(data: dict) -> None:
    assert data["format"] == 1
    assert data["releases"] == [
        {"year": 2015, "systems": ["NCMP", "NCRP", "NCSP", "SK"]},
        {"year": 2016, "systems": ["NCMP", "NCRP", "NCSP"]},  # no særkoder list in 2016
        {"year": 2017, "systems": ["NCMP", "NCRP", "NCSP", "SK"]},
    ]
    assert data["systems"] == ["NCSP", "NCMP", "NCRP", "SK"]
    assert data["names"] == ["NCSP", "NCMP", "NCRP", "Særkoder"]
    assert data["kinds"] == list(SUCCESSOR_KINDS)
    assert data["labels"] == ["Erstattet av", "Flyttet til", "Ny kode med nesten lik tekst"]
    assert data["url"] == "kode/{code}/"


def test_planted_codes(data: dict) -> None:
    assert _code(data, "TAB00")[0] == "0.."  # NCSP in 2015, expired in 2016
    assert _code(data, "ABT00")[0] == ".00"
    assert _code(data, "DCA10")[0] == "0.0"  # reactivated in 2017
    assert _code(data, "JJA20K")[0] == ".22"  # NCRP
    assert _code(data, "2XX02")[0] == "3.."  # a særkode: 2016 has no list of them
    assert _code(data, "1XC07")[0] == "..3"


def test_successors_with_release_and_kind(data: dict) -> None:
    moved = SUCCESSOR_KINDS.index("moved")
    assert _code(data, "TAB00")[2] == [[1, moved, "ABT00"]]
    assert _code(data, "TJJ10")[2] == [[1, moved, "JJA20K"]]  # NCSP -> NCRP
    assert _code(data, "CJE25")[2] == []
    assert all(old in data["codes"] and new in data["codes"] for old, group in data["successors"].items()
               for _, _, new in group)


def test_texts_only_where_they_changed(data: dict, sample: PreparedSite) -> None:
    changed = 0
    for index, code in enumerate(sample.catalogue.codes):
        assert data["codes"][index] == code.code
        assert _versions(data, index) == [(v.year, v.system, v.text) for v in code.versions]
        texts = data["texts"][index]
        assert len(texts) % 2 == 1 and all(a != b for a, b in zip(texts[::2], texts[2::2]))
        changed += len(texts) > 1
    assert changed >= 5  # the sample's planted text changes


def test_file_is_deterministic_and_compact(sample: PreparedSite, data: dict) -> None:
    text = compact_json(data)
    assert text == compact_json(checker_data(sample.catalogue, sample.lineage, sample.codes.similar))
    assert text.endswith("\n") and "\n" not in text[:-1] and ": " not in text
    assert list(json.loads(text)) == sorted(data)


def test_checker_box_addresses_are_relative_to_the_page(sample: PreparedSite) -> None:
    box = checker_box(urls.CHECKER_PAGE, sample.catalogue)
    assert box.data == "../api/kodeliste.json"
    assert box.root == "../"
    assert box.scripts == ("../assets/nkpk-csv.js", "../assets/checker-core.js", "../assets/checker-files.js", "../assets/checker.js")
    assert box.style == "../assets/checker.css"
    assert box.years == (2017, 2016, 2015)


def test_built_page_and_data_file(tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert build_site(site) == 0
    assert "TAB00" in load_json(site / urls.CHECKER_DATA)["codes"]
    page = (site / "sjekk" / "index.html").read_text(encoding="utf-8")
    assert marker("checker") not in page
    assert 'data-nkpk-data="../api/kodeliste.json"' in page
    assert page.index("checker-core.js") < page.index("checker-files.js") < page.index(' ../assets/checker.js"')  # nkpk-load.js's order
    assert re.findall(r'<option value="(\d+)"', page) == ["2017", "2016", "2015"]  # newest first
    text = " ".join(parse_page(site / "sjekk" / "index.html").text)
    assert "forlater ikke maskinen" in text
    assert "sjekk/" in parse_page(site / "index.html").links  # in the nav
    for other in ("index.html", "kode/JKA21/index.html", "endringer/2016/index.html"):
        assert "checker" not in (site / other).read_text(encoding="utf-8"), other


@pytest.mark.real
def test_real_corpus_file(real_site: Path) -> None:
    raw = (real_site / urls.CHECKER_DATA).read_bytes()
    data = json.loads(raw)
    assert data["codes"] == sorted(p.stem for p in (real_site / "api" / "kode").glob("*.json"))
    assert len(gzip.compress(raw, 6)) < 150_000  # measured: 113 kB
    assert [r["year"] for r in data["releases"]] == sorted(r["year"] for r in data["releases"])
    for index in range(0, len(data["codes"]), 7):  # every seventh code against its JSON twin
        twin = load_json(real_site / "api" / "kode" / f"{data['codes'][index]}.json")
        decoded = _versions(data, index)
        assert [(y, t) for y, _, t in decoded] == [(v["year"], v["text"]) for v in twin["versions"]]
        assert decoded[-1][1] == twin["system"]
    # A chain: FJDB01 moved to SXF0AB in 2016, which moved to SFJ0AB in 2017.
    years = [r["year"] for r in data["releases"]]
    moved = SUCCESSOR_KINDS.index("moved")
    assert [years.index(2016), moved, "SXF0AB"] in data["successors"]["FJDB01"]
    assert [years.index(2017), moved, "SFJ0AB"] in data["successors"]["SXF0AB"]


def test_bench_pastes_the_planned_mix(sample: PreparedSite, data: dict, tmp_path: Path) -> None:
    """bench/checker.py is not run here; its list of codes is made from the data file as planned."""
    spec = importlib.util.spec_from_file_location("bench_checker", ROOT / "bench" / "checker.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    (tmp_path / "api").mkdir()
    (tmp_path / urls.CHECKER_DATA).write_text(compact_json(data), encoding="utf-8")
    codes = bench.sample_codes(tmp_path, 100)
    assert len(codes) == 100 and codes == bench.sample_codes(tmp_path, 100)  # the same list every run
    normal = ["".join(c.split()).upper() for c in codes]
    newest = {c.code for c in sample.catalogue.codes if c.active}
    known = {c.code for c in sample.catalogue.codes}
    assert sum(c in newest for c in normal) == 60 and sum(c not in known for c in normal) == 10
    assert any(c != n for c, n in zip(codes, normal))  # some as typed by hand
