"""The search index at build time: terms, the search file, and its agreement with the browser code."""

from __future__ import annotations

import importlib.util
import json
import re
import sys

import pytest

from generator import urls
from generator.model.catalogue import Code, CodeVersion
from generator.inputs.diagnostics import Location
from generator.jsonfile import compact_json
from generator.search.index import FORMAT, front_coded, search_data
from generator.search.split import known_in, split
from generator.search.text import fold, key, lunr_sources, respell, stem, stop_words, terms, words

from .helpers import ROOT

ASSETS = ROOT / "site_src" / "assets"


def _code(code: str, text: str, system: str = "NCSP", active: bool = True) -> Code:
    return Code(code, (CodeVersion.at(2017, system, text, Location("test.txt", 1)),), active)


CODES = [
    _code("JKA21", "Laparoskopisk kolecystektomi"),
    _code("JKA20", "Kolecystektomi"),
    _code("AAFE00", "Standard elektroencefalografi (EEG)", "NCMP"),
    _code("UJD02", "Gastroskopi", active=False),
    _code("JUD02", "Gastroskopi"),
]


def _unfront(coded: list[str]) -> list[str]:
    out, previous = [], ""
    for item in coded:
        previous = previous[: int(item[0], 36)] + item[1:]
        out.append(previous)
    return out


def test_words_are_folded_runs_of_letters_and_digits() -> None:
    assert words("EEG-overvåking, 3D/CT (Crohn's)") == ["eeg", "overvåking", "3d", "ct", "crohn", "s"]
    assert fold("Ménière Sjögren ÆØÅ") == "meniere sjogren æøå"


def test_terms_drop_stop_words_and_stem() -> None:
    assert terms("Lobektomi av lunge") == ["lobektom", "lung"]
    assert terms("Keisersnitt på nedre uterinsegment") == ["keisersnitt", "nedr", "uterinsegment"]
    assert terms("pacemakere") == ["pasemaker"]  # respelt: c before e is s
    assert stem("pacemaker") == "pacemak"
    assert {"og", "av", "i", "på", "med"} <= stop_words()


def test_stems_follow_lunr_no_where_snowball_3_differs() -> None:
    # lunr.no.js removes -ers in R1 and the -s after -er; snowballstemmer 3 keeps both here.
    assert stem("transvers") == "transv"
    assert stem("vers") == "ver"
    assert stem("lærers") == "lær"


def test_front_coding_round_trips() -> None:
    sorted_words = ["AAA00", "AAA01", "AAB", "B", "BA", "pacemak", "pacemaker", "pacemakerelektrod"]
    coded = front_coded(sorted_words)
    assert coded[:5] == ["0AAA00", "41", "2B", "0B", "1A"]
    assert _unfront(coded) == sorted_words


def test_spellings_meet_in_one_key() -> None:
    assert respell("thorax") == respell("toraks") == "toraks"
    assert respell("cholecystectomi") == respell("kolecystektomi") == "kolesystektom"
    assert respell("phlebografi") == "flebograf"
    assert respell("quadriceps") == "kvadriseps"
    assert terms("CT thorax") == terms("ct Toraks")
    assert respell("ørebrusk") == "erebrusk"


@pytest.mark.parametrize(
    "latin_or_english, norwegian",
    [
        ("appendectomia", "appendektomi"),
        ("tonsillectomy", "tonsillektomi"),
        ("laparotomy", "laparotomi"),
        ("colostomy", "kolostomi"),
        ("bronchoscopy", "bronkoskopi"),
        ("cystoscopia", "cystoskopi"),
        ("rhinoplasty", "rinoplastikk"),
        ("tympanoplastica", "tympanoplastikk"),
        ("angiography", "angiografi"),
        ("paracentesis", "parasentese"),
        ("oesophagus", "øsofagus"),
        ("haemangiom", "hemangiom"),
        ("vertebrae", "vertebra"),
        ("humeri", "humerus"),
        ("biopsies", "biopsi"),
        ("transplantation", "transplantasjon"),
        ("endoscopic", "endoskopisk"),
    ],
)
def test_latin_and_english_endings_meet_the_norwegian(latin_or_english: str, norwegian: str) -> None:
    assert key(latin_or_english) == key(norwegian)


def test_compound_words_split_into_words_of_the_vocabulary() -> None:
    vocabulary = frozenset(terms("Protese i hofteledd. Hofte, kne og skulder. Artroskopi. Lyskebrokk, operasjon"))
    known = known_in(vocabulary)
    assert split("hofteprotese", known) == ["hofte", "protese"]
    assert split("kneprotese", known) == ["kne", "protese"]
    assert split("lyskebrokkoperasjon", known) == ["lyskebrokk", "operasjon"]
    assert split("hofteledd", known) == []  # a word of the vocabulary is not split into itself
    assert split("blindtarmoperasjon", known) == []  # `blindtarm` is no word of these texts
    assert split("hofteprot", known, lambda part: part == "prot") == ["hofte", "prot"]


def test_every_earlier_text_is_searchable_with_its_last_year() -> None:
    where = Location("test.txt", 1)
    versions = (
        CodeVersion.at(2014, "NCMP", "Salivvolumsmåling", where),
        CodeVersion.at(2015, "NCMP", "Salivvolumsmåling", where),
        CodeVersion.at(2016, "NCMP", "Måling av salivavolum", where),
        CodeVersion.at(2017, "NCMP", "Måling av salivavolum", where),
    )
    gone = Code("ABC00", (CodeVersion.at(2014, "NCMP", "Kolecystektomi", where),), False)
    data = search_data([Code("ELFC00", versions, True), gone], [2014, 2015, 2016, 2017])
    assert data["texts"] == ["Kolecystektomi", "Måling av salivavolum"]
    later = data["later"]  # loads after the first results
    assert later["oldTexts"] == ["Salivvolumsmåling"] and later["oldUntil"] == [2015]
    assert later["oldCodes"] == [1]  # ELFC00, as differences
    assert len(data["docs"]) == len(data["parts"]) == 2  # the two current texts
    assert len(later["oldDocs"]) == len(later["oldParts"]) == 1  # the earlier one
    assert data["gone"] == "1-" and data["years"] == [2014, 2015, 2016, 2017]  # ABC00 gone from 2015 (years[1])


def test_search_data_holds_every_code_in_code_order() -> None:
    data = search_data(CODES)
    codes = _unfront(data["codes"])
    assert codes == sorted(c.code for c in CODES)
    assert data["format"] == FORMAT
    assert data["texts"][codes.index("JKA21")] == "Laparoskopisk kolecystektomi"
    assert data["active"] == "".join("0" if c == "UJD02" else "1" for c in codes)
    assert [data["systems"][int(d)] for d in data["system"]] == ["NCMP", "NCSP", "NCSP", "NCSP", "NCSP"]
    assert data["url"] == urls.code_url("{code}")


def test_doc_terms_decode_to_the_terms_of_each_text() -> None:
    data = search_data(CODES)
    vocabulary = _unfront(data["terms"])
    assert vocabulary == sorted(set(vocabulary))
    for text, deltas in zip(data["texts"], data["docs"]):
        ids, current = [], 0
        for delta in deltas:
            current += delta
            ids.append(current)
        assert [vocabulary[i] for i in ids] == sorted(terms(text))


def test_compound_parts_are_extra_terms_of_their_text() -> None:
    where = Location("test.txt", 1)
    codes = [
        Code("NFB20", (CodeVersion.at(2017, "NCSP", "Implantasjon av totalprotese i hofteledd", where),), True),
        Code("NFB99", (CodeVersion.at(2017, "NCSP", "Annen protese", where),), True),
        Code("NFA99", (CodeVersion.at(2017, "NCSP", "Total revisjon", where),), True),
    ]
    data = search_data(codes)
    vocabulary = _unfront(data["terms"])
    parts = {code: [vocabulary[i] for i in _decode(deltas)] for code, deltas in zip(_unfront(data["codes"]), data["parts"])}
    assert parts == {"NFA99": [], "NFB20": ["protes", "total"], "NFB99": []}


def _decode(deltas: list[int]) -> list[int]:
    out, current = [], 0
    for delta in deltas:
        current += delta
        out.append(current)
    return out


def test_search_file_is_deterministic() -> None:
    text = compact_json(search_data(CODES))
    assert text == compact_json(search_data(list(reversed(CODES))))
    assert json.loads(text)["codes"][0] == "0AAFE00"
    assert text.endswith("}\n") and "\\u00" not in text


def test_lunr_language_files_come_from_the_installed_mkdocs() -> None:
    sources = lunr_sources()
    assert list(sources) == ["lunr-core.js", "lunr.stemmer.support.js", "lunr.no.js"]
    assert all(path.is_file() for path in sources.values())
    assert "lunr.Pipeline.registerFunction(lunr.no.stemmer, 'stemmer-no')" in sources["lunr.no.js"].read_text("utf-8")


def test_search_addresses_come_from_urls_py_through_the_form() -> None:
    addresses = urls.search_addresses(tuple(lunr_sources()))
    assert addresses["index"] == urls.SEARCH_INDEX and addresses["page"] == urls.SEARCH_PAGE
    assert addresses["scripts"][:3] == [urls.search_asset(name) for name in lunr_sources()]
    assert all((ROOT / "site_src" / path).is_file() for path in urls.SEARCH_SCRIPTS)
    header = (ROOT / "templates" / "partials" / "nkpk-search.html").read_text(encoding="utf-8")
    for attribute in ("data-nkpk-root", "data-nkpk-index", "data-nkpk-page", "data-nkpk-scripts"):
        assert attribute in header
    for script in ("search.js", *(path.rsplit("/", 1)[1] for path in urls.SEARCH_SCRIPTS)):
        source = (ASSETS / script).read_text(encoding="utf-8")
        assert not re.search(r"[\"'](assets/|sok/|\.\./)", source), f"{script} names an address of its own"
    engine = (ASSETS / "search-engine.js").read_text(encoding="utf-8")
    assert re.search(rf"const FORMAT = {FORMAT};", engine)
    assert (ROOT / "site_src" / urls.SEARCH_PAGE.rstrip("/")).with_suffix(".md").is_file()


def test_bench_reads_the_shared_queries() -> None:
    spec = importlib.util.spec_from_file_location("bench_search", ROOT / "bench" / "search.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_search"] = module
    spec.loader.exec_module(module)
    queries = module.read_queries(module.QUERIES)
    assert len(queries) >= 25
    assert ("JKA 21", ("JKA21",), "code written with a space, as in older printed lists") in queries
    assert all(re.fullmatch(r"[0-9A-Z]{5,6}", code) for _, codes, _ in queries for code in codes)
    realistic = module.read_queries(module.REALISTIC)
    assert ("hofteprotese", ("NFB*",)) == realistic[0][:2]
    assert {module.kind(why) for _, _, why in realistic} >= {"compound", "spelling", "synonym", "history", "typo", "code"}
