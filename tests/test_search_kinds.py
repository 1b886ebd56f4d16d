"""Every kind of query the search understands, in chromium, each with its own examples (docs/search.md).

Small made-up catalogues and thesauri show one rule at a time (soft AND,
the thesaurus and its kinds, abbreviations over code prefixes, the ranking
rules); the real corpus (data/releases.yaml with data/synonyms.yaml and the
English texts) shows the rest (Latin and English words, the English
field, typing errors inside compounds and across spaces, code forms).
None of the queries here is one of tests/search/*.tsv.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import prepare
from generator.inputs.diagnostics import Location
from generator.model.catalogue import Code, CodeVersion
from generator.search.index import search_data
from generator.search.synonyms import load_synonyms

from .browser import browser, engine_page  # noqa: F401 - fixtures

WHERE = Location("test.txt", 1)


def _code(name: str, texts: list[tuple[int, str]], active: bool = True) -> Code:
    return Code(name, tuple(CodeVersion.at(year, "NCSP", text, WHERE) for year, text in texts), active)


def _small(page, codes: list[Code], thesaurus: str = "", tmp_path: Path | None = None, english=None) -> None:
    synonyms = ()
    if thesaurus:
        path = tmp_path / "synonyms.yaml"
        path.write_text(thesaurus, encoding="utf-8")
        synonyms = load_synonyms(path)
    data = search_data(codes, [2015, 2016], synonyms, english)
    page.evaluate("data => { window.small = nkpkSearchEngine.create(lunr, data); }", data)


def _search(page, query: str, engine: str = "small") -> list[dict]:
    return page.evaluate(
        f"q => {engine}.search(q).map(h => Object.assign({engine}.hit(h), {{missing: {engine}.search(q).missing}}))", query
    )


def _codes(page, query: str, engine: str = "small") -> list[str]:
    return [hit["code"] for hit in _search(page, query, engine)]


@pytest.mark.browser
def test_soft_and_ranks_texts_by_how_much_of_the_query_they_cover(engine_page) -> None:  # noqa: F811
    codes = [
        _code("KAC00", [(2016, "Nefrektomi")]),
        _code("KAC01", [(2016, "Laparoskopisk nefrektomi")]),
        _code("JKA21", [(2016, "Laparoskopisk kolecystektomi")]),
    ]
    _small(engine_page, codes)
    assert _codes(engine_page, "laparoskopisk nefrektomi") == ["KAC01", "KAC00", "JKA21"]
    # A word no text has is reported, and the list is what the other words find.
    hits = _search(engine_page, "laparoskopisk nefrektomi ryggmargsbedøvelse")
    assert [h["code"] for h in hits] == ["KAC01", "KAC00", "JKA21"]
    assert hits[0]["missing"] == ["ryggmargsbedøvelse"]
    # Stop words and filler words never decide a miss, nor are they reported.
    for query in ("nefrektomi operasjon", "behandling med nefrektomi", "kirurgi av nefrektomi"):
        hits = _search(engine_page, query)
        assert [h["code"] for h in hits] == ["KAC00", "KAC01"] and hits[0]["missing"] == []
    assert _search(engine_page, "blåbærsyltetøy") == []


@pytest.mark.browser
def test_the_thesaurus_names_its_kind_and_phrases_must_match_whole(engine_page, tmp_path: Path) -> None:  # noqa: F811
    codes = [
        _code("JUD02", [(2016, "Gastroskopi")]),
        _code("KED22", [(2016, "Transurethral reseksjon av prostata")]),
        _code("KED52", [(2016, "Transurethral laserbehandling av prostata")]),
        _code("EMB10", [(2016, "Tonsillektomi")]),
        _code("EMB20", [(2016, "Adenotonsillektomi")]),
    ]
    thesaurus = (
        "everyday:\n  magespeiling: [gastroskopi]\n  mandler: [tonsill*]\n"
        "abbreviation:\n  tur-p: [transurethral reseksjon prostata]\n"
    )
    _small(engine_page, codes, thesaurus, tmp_path)
    (magespeiling,) = _search(engine_page, "magespeiling")
    assert magespeiling["code"] == "JUD02" and magespeiling["why"] == "synonym"
    assert magespeiling["reason"] == "synonym (hverdagsord): magespeiling = gastroskopi"
    tur = _search(engine_page, "TUR-P")
    assert [h["code"] for h in tur] == ["KED22"]  # every word of the phrase: not the laser code
    assert tur[0]["reason"] == "synonym (forkortelse): tur p = transurethral reseksjon prostata"
    assert _codes(engine_page, "mandler") == ["EMB10"]  # `tonsill*`: words that begin so, not inside a word


@pytest.mark.browser
def test_a_known_abbreviation_comes_before_codes_that_begin_with_it(engine_page, tmp_path: Path) -> None:  # noqa: F811
    codes = [
        _code("EKG10", [(2016, "Injeksjon i kne")]),
        _code("EKG20", [(2016, "Punksjon av kne")]),
        _code("FPFE05", [(2016, "Elektrokardiografi i hvile")]),
        _code("TUR10", [(2016, "Ultralyd av lever")]),
    ]
    thesaurus = "abbreviation:\n  ekg: [elektrokardiografi]\n"
    _small(engine_page, codes, thesaurus, tmp_path)
    assert _codes(engine_page, "EKG") == ["FPFE05", "EKG10", "EKG20"]
    assert _codes(engine_page, "ekg2") == ["EKG20"]  # with a digit it is a code
    assert _codes(engine_page, "EKG10")[0] == "EKG10"
    assert _codes(engine_page, "tur") == ["TUR10"]  # no abbreviation: a code prefix


@pytest.mark.browser
def test_ranking_valid_current_specific_and_tight_first(engine_page) -> None:  # noqa: F811
    codes = [
        _code("A10", [(2015, "Fjerning av nyre"), (2016, "Fjerning av nyre")]),
        _code("A20", [(2015, "Fjerning av nyre")], active=False),
        _code("A30", [(2015, "Fjerning av nyre"), (2016, "Nefrektomi")]),
        _code("A40", [(2016, "Fjerning av nyre og binyre med lymfeknuter")]),
        _code("A96", [(2016, "Annen fjerning av nyre")]),
    ]
    _small(engine_page, codes)
    hits = _search(engine_page, "fjerning nyre")
    assert [h["code"] for h in hits] == ["A10", "A40", "A96", "A20", "A30"]
    assert [h["why"] for h in hits][-1] == "old-text" and hits[-1]["reason"] == "tidligere tekst"


@pytest.fixture(scope="module")
def real(engine_page, project_root: Path, real_dir: Path):  # noqa: F811
    project = prepare(project_root / "data" / "releases.yaml")
    years = [r.year for r in project.catalogue.releases]
    data = search_data(project.catalogue.codes, years, project.synonyms, project.english)
    english = data.pop("later")  # as the build writes it: a file of its own, added once loaded
    engine_page.evaluate("([data, english]) => { window.real = nkpkSearchEngine.create(lunr, data);"
                         " window.englishFile = english; }", [data, english])
    return engine_page


@pytest.mark.browser
@pytest.mark.real
def test_latin_and_english_words_meet_the_norwegian_texts_in_the_browser(real) -> None:
    pairs = [("mastectomy", "mastektomi"), ("nephrectomia", "nefrektomi"), ("laryngoscopy", "laryngoskopi"),
             ("pyeloplasty", "pyeloplastikk"), ("phlebography", "flebografi"), ("thoracocentesis", "torakosentese"),
             ("oesophagus", "øsofagus"), ("vertebrae", "vertebra"), ("biopsies", "biopsi")]
    keys = real.evaluate("ps => { const t = nkpkSearchText.textTools(lunr); return ps.map(([a, b]) => [t.key(a), t.key(b)]); }",
                         pairs)
    assert all(a == b for a, b in keys), keys
    assert _codes(real, "mastectomy", "real")[:3] == _codes(real, "mastektomi", "real")[:3]
    hits = _search(real, "nephrectomia", "real")
    assert hits[0]["text"] == "Nefrektomi" and hits[0]["why"] == "spelling" and hits[0]["reason"] == "annen skrivemåte"


@pytest.mark.browser
@pytest.mark.real
def test_the_english_texts_are_a_field_of_their_own_below_the_norwegian(real) -> None:
    query = "plastic repair septum nose"
    assert "english" not in {h["why"] for h in _search(real, query, "real")}
    real.evaluate("real.addLater(englishFile)")
    hits = _search(real, query, "real")
    assert hits[0]["code"] == "DJD20" and hits[0]["why"] == "english" and hits[0]["reason"] == "engelsk tekst"
    assert hits[0]["text"] == "Neseseptumplastikk"
    # A word both texts have: the Norwegian text's match ranks first.
    assert _search(real, "gastroskopi", "real")[0]["why"] == "exact"


@pytest.mark.browser
@pytest.mark.real
def test_typing_errors_inside_compounds_and_across_spaces(real) -> None:
    hofte = _search(real, "hofteatroskopi", "real")
    assert hofte[0]["code"] == "NFA11" and hofte[0]["why"] == "typo" and hofte[0]["reason"] == "skrivefeil"
    assert set(_codes(real, "kolecyst ektomi", "real")[:2]) == {"JKA20", "JKA21"}
    assert _codes(real, "mastecktomi", "real")[0].startswith("HAC")


@pytest.mark.browser
@pytest.mark.real
def test_code_forms_find_the_code_first(real) -> None:
    for query in ("jud-02", "jud.02", "JUD 02", "judo2", "Jud02"):
        assert _codes(real, query, "real")[0] == "JUD02", query
    assert _codes(real, "saaoaa", "real")[0] == "SAA0AA"  # the letter O for a zero
    assert _codes(real, "jud 02", "real") == ["JUD02"]  # a code, not also the texts with the number 02
    assert _codes(real, "naoc", "real") == []
