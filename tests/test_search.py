"""The search index at build time: terms, the search file, and its agreement with the browser code."""

from __future__ import annotations

import importlib.util
import json
import re
import sys

from generator import urls
from generator.model.catalogue import Code, CodeVersion
from generator.inputs.diagnostics import Location
from generator.output.search import FORMAT, dump, front_coded, search_data
from generator.output.search_text import fold, lunr_sources, stem, stop_words, terms, words

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
    assert terms("Lobektomi av lunge") == ["lobektomi", "lung"]
    assert terms("Keisersnitt på nedre uterinsegment") == ["keisersnitt", "nedr", "uterinsegment"]
    assert terms("pacemakere") == ["pacemaker"]
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


def test_search_file_is_deterministic() -> None:
    text = dump(search_data(CODES))
    assert text == dump(search_data(list(reversed(CODES))))
    assert json.loads(text)["codes"][0] == "0AAFE00"
    assert text.endswith("}\n") and "\\u00" not in text


def test_lunr_files_come_from_the_installed_mkdocs() -> None:
    sources = lunr_sources()
    assert list(sources) == ["lunr.js", "lunr.stemmer.support.js", "lunr.no.js"]
    assert all(path.is_file() for path in sources.values())
    assert "lunr.Pipeline.registerFunction(lunr.no.stemmer, 'stemmer-no')" in sources["lunr.no.js"].read_text("utf-8")


def test_browser_code_uses_the_paths_of_urls_py() -> None:
    script = (ASSETS / "search.js").read_text(encoding="utf-8")
    engine = (ASSETS / "search-engine.js").read_text(encoding="utf-8")
    for name in lunr_sources():
        assert f'"{urls.search_asset(name)}"' in script
    assert f'"{urls.SEARCH_INDEX}"' in script
    assert f'"{urls.SEARCH_PAGE}"' in script
    assert re.search(rf"var FORMAT = {FORMAT};", engine)
    header = (ROOT / "templates" / "partials" / "nkpk-search.html").read_text(encoding="utf-8")
    assert re.search(rf'action="[^"]*}}}}{urls.SEARCH_PAGE}"', header)
    assert (ROOT / "site_src" / urls.SEARCH_PAGE.rstrip("/")).with_suffix(".md").is_file()


def test_bench_reads_the_shared_queries() -> None:
    spec = importlib.util.spec_from_file_location("bench_search", ROOT / "bench" / "search.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_search"] = module
    spec.loader.exec_module(module)
    queries = module.read_queries(module.QUERIES)
    assert len(queries) >= 25
    assert ("JKA 21", "JKA21") in queries
    assert all(re.fullmatch(r"[0-9A-Z]{5,6}", code) for _, code in queries)
