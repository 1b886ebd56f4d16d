"""Search quality on the real corpus, in chromium: every kind of query the issue names, and the ranking.

The search file is made from the real corpus (data/releases.yaml, with
data/synonyms.yaml) as the build makes it, and queried through the
browser's engine (no site build: bench/search.py types the same queries
into the box of a built site and measures the timings).

tests/search/queries.tsv and tests/search/realistic.tsv are unchanged copies
of the shared ../shared/search-queries.tsv and ../shared/search-realistic.tsv.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import prepare
from generator.model.catalogue import Code, CodeVersion
from generator.inputs.diagnostics import Location
from generator.search.index import search_data

from .browser import browser, engine_page  # noqa: F401 - fixtures
from .helpers import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.real]

QUERIES = ROOT / "tests" / "search" / "queries.tsv"
REALISTIC = ROOT / "tests" / "search" / "realistic.tsv"
TOP = 5


def _queries(path: Path) -> list[tuple[str, list[str]]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]
    return [(row[0], row[1].split(",")) for row in rows]


def _fits(code: str, expected: list[str]) -> bool:
    return any(code.startswith(e[:-1]) if e.endswith("*") else code == e for e in expected)


@pytest.fixture(scope="module")
def engine(engine_page, project_root: Path, real_dir: Path):  # noqa: F811
    project = prepare(project_root / "data" / "releases.yaml")
    years = [r.year for r in project.catalogue.releases]
    data = search_data(project.catalogue.codes, years, project.synonyms)
    engine_page.evaluate("data => { window.engine = nkpkSearchEngine.create(lunr, data); }", data)
    return engine_page


def _hits(page, query: str, **options) -> list[dict]:
    return page.evaluate(
        "([q, options]) => engine.search(q, options).slice(0, 60).map(h => engine.hit(h))", [query, options]
    )


def _codes(page, query: str, **options) -> list[str]:
    return [hit["code"] for hit in _hits(page, query, **options)]


@pytest.mark.parametrize("path", [QUERIES, REALISTIC], ids=["queries", "realistic"])
def test_every_shared_query_finds_its_code_in_the_first_five(engine, path: Path) -> None:
    queries = _queries(path)
    assert len(queries) >= 12
    missed = {}
    for query, expected in queries:
        codes = _codes(engine, query)[:TOP]
        if not any(_fits(code, expected) for code in codes):
            missed[query] = (expected, codes)
    assert not missed


def test_compound_words_are_split_into_words_of_the_texts(engine) -> None:
    hits = _hits(engine, "hofteprotese")[:TOP]
    assert any(h["code"].startswith("NFB") for h in hits)
    assert {h["why"] for h in hits} <= {"compound", "synonym"}  # the thesaurus may name it too
    assert all("hofte" in h["text"].lower() and "protese" in h["text"].lower() for h in hits)
    assert all(h["code"].startswith("NG") for h in _hits(engine, "kneprotese")[:TOP])
    assert "NFA11" in _codes(engine, "hofteartroskopi")[:TOP]
    lyske = _hits(engine, "lyskebrokkoperasjon")
    assert lyske and all("lyskebrokk" in h["text"].lower() for h in lyske[:TOP])


def test_latin_and_older_spellings_meet_the_norwegian_ones(engine) -> None:
    hits = _hits(engine, "CT thorax")
    assert hits[0]["code"] == "SSC0AD" and hits[0]["text"] == "CT Toraks" and hits[0]["why"] == "spelling"
    assert _codes(engine, "cholecystectomi")[:2] == _codes(engine, "kolecystektomi")[:2] == ["JKA20", "JKA21"]
    assert _codes(engine, "thorax") == _codes(engine, "toraks")


def test_modality_and_everyday_words_come_from_the_synonyms_file(engine) -> None:
    ultralyd = _hits(engine, "ultralyd abdomen")
    assert ultralyd[0]["code"] == "SJX0AK" and ultralyd[0]["why"] == "synonym"
    assert _codes(engine, "røntgen caput")[0] == "SAA0AA"
    assert _codes(engine, "RG caput")[0] == "SAA0AA"
    assert set(_codes(engine, "blindtarmoperasjon")[:2]) == {"JEA00", "JEA01"}
    assert all(h["code"].startswith("CJ") for h in _hits(engine, "grå stær")[:TOP])  # a phrase: katarakt


def test_earlier_texts_are_found_below_current_ones_and_say_so(engine) -> None:
    (saliva,) = [h for h in _hits(engine, "salivvolumsmåling") if h["code"] == "ELFC00"]
    assert saliva["why"] == "old-text" and saliva["text"] == "Måling av salivavolum"
    assert saliva["old"] == {"text": "Salivvolumsmåling", "until": 2015}
    assert {"JDF10", "JDF11"} <= set(_codes(engine, "ventrikkelbypass")[:TOP])
    mixed = 0
    for query in ("bypass", "saliva", "måling", "ventrikkel"):
        old = engine.evaluate("q => engine.search(q).filter(h => h.why !== 'typo').map(h => h.why === 'old-text')", query)
        assert old == sorted(old), f"{query}: an earlier text ranks above a current one"
        mixed += len(set(old)) == 2
    assert mixed


def test_typing_errors_are_matched_after_exact_words(engine) -> None:
    typo = _hits(engine, "kolecystetomi")
    assert {"JKA20", "JKA21"} <= {h["code"] for h in typo[:TOP]}
    assert {h["why"] for h in typo} == {"typo"}
    assert "typo" not in {h["why"] for h in _hits(engine, "kolecystektomi")}
    assert _codes(engine, "kolecystetomi laparoskopisk")[0] == "JKA21"
    assert _codes(engine, "abcde") == []  # five letters, no term within one edit


def test_a_code_with_words_and_a_code_alone(engine) -> None:
    hits = _hits(engine, "JKA21 kolecystektomi")
    assert hits[0]["code"] == "JKA21" and hits[0]["why"] == "exact"
    assert engine.evaluate("['jka 21', 'JKA21', 'jka2', 'kolecystektomi'].map(q => engine.exactCode(q))")[2:] == [-1, -1]
    first, second = engine.evaluate("['jka 21', 'JKA21'].map(q => engine.codes[engine.exactCode(q)])")
    assert first == second == "JKA21"


def test_an_exact_code_ranks_first_and_valid_codes_before_expired_ones(engine) -> None:
    assert _codes(engine, "jud02")[0] == "JUD02"
    hits = _hits(engine, "gastroskopi")
    assert hits[0]["code"] == "JUD02" and hits[0]["active"]
    flags = [h["active"] for h in hits]
    assert "UJD02" in [h["code"] for h in hits] and flags == sorted(flags, reverse=True)
    valid = _hits(engine, "gastroskopi", expired=False)
    assert valid and all(h["active"] for h in valid)


def test_status_says_which_release_is_the_newest_the_site_carries(engine) -> None:
    newest = engine.evaluate("engine.years[engine.years.length - 1]")
    assert newest == 2017
    statuses = {h["code"]: h["status"] for h in _hits(engine, "gastroskopi")}
    assert statuses["JUD02"] == f"Gyldig i {newest} (nyeste utgave her)"
    assert statuses["UJD02"] == "Utgått fra 2016"


def test_only_expired_codes_match_and_are_found(engine) -> None:
    hits = _hits(engine, "psykoterapi")
    assert hits and not any(h["active"] for h in hits)
    assert _hits(engine, "psykoterapi", expired=False) == []


def test_filters_by_code_system(engine) -> None:
    assert {h["system"] for h in _hits(engine, "toraks", systems=["NCRP"])} == {"NCRP"}
    assert {h["system"] for h in _hits(engine, "toraks", systems=["NCSP", "NCMP"])} <= {"NCSP", "NCMP"}


def test_matched_words_are_marked_and_suggestions_come_from_the_vocabulary(engine) -> None:
    marks = engine.evaluate("(() => { const [hit] = engine.search('CT thorax'); return engine.marks('CT Toraks', hit.plan); })()")
    assert marks == [[0, 2], [3, 9]]
    compound = engine.evaluate("(() => { const [hit] = engine.search('protese'); "
                               "return engine.marks('Fjerning av totalprotese fra hofteledd', hit.plan); })()")
    assert compound == [[12, 24]]
    assert "kolecystektomi" in engine.evaluate("engine.suggest('kolecystktomiii')")
    assert engine.evaluate("engine.suggest('kolecystektomi')") == []


def test_a_current_text_ranks_above_an_earlier_one_and_a_valid_code_above_an_expired_one(engine_page) -> None:  # noqa: F811
    where = Location("test.txt", 1)

    def code(name: str, texts: list[tuple[int, str]], active: bool = True) -> Code:
        return Code(name, tuple(CodeVersion.at(y, "NCSP", t, where) for y, t in texts), active)

    codes = [
        code("JDF10", [(2015, "Ventrikkelbypass"), (2016, "Gastrisk bypass")]),  # found by its earlier text
        code("JDF20", [(2015, "Ventrikkelbypass")], active=False),  # expired, current text
        code("JDF30", [(2015, "Annen ventrikkelbypass"), (2016, "Annen ventrikkelbypass")]),  # valid, current text
    ]
    data = search_data(codes, [2015, 2016])
    hits = engine_page.evaluate(
        "data => { const small = nkpkSearchEngine.create(lunr, data); "
        "return small.search('ventrikkelbypass').map(h => [small.hit(h).code, small.hit(h).why, small.hit(h).status]); }",
        data,
    )
    assert hits == [
        ["JDF30", "exact", "Gyldig i 2016 (nyeste utgave her)"],
        ["JDF20", "exact", "Utgått fra 2016"],
        ["JDF10", "old-text", "Gyldig i 2016 (nyeste utgave her)"],
    ]
