"""Build time and browser process text alike: the same stems, stop words and terms.

The build stems with snowballstemmer (generator/search/text.py); the browser
stems queries with lunr.no.js (site_src/assets/search-text.js). Each word
and text here goes through both, in chromium, and must come out the same.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.inputs.manifest import load_manifest
from generator.inputs.readers import read_file
from generator.search.text import fold, stem, stop_words, terms, words

from .browser import browser, engine_page  # noqa: F401 - fixtures
from .helpers import ROOT, sample_manifest

pytestmark = pytest.mark.browser

QUERIES = ROOT / "tests" / "search" / "queries.tsv"  # a copy of ../shared/search-queries.tsv

# Words whose endings exercise every rule of the Norwegian stemmer, and words
# where the stemmers' versions differ (-ers, -s after -er, accents).
WORDS = """
pacemaker pacemakere pacemakers keisersnitt keisersnittet keisersnittene lunge lunger
lungene nyre nyrer nyrene vaksinasjon vaksinasjoner transvers transversal vers kurs
lærers tiders protesers hjertets ventilasjonsrør sårskifting underekstremitet
hofteledd hofteleddet totalprotese operasjonene behandlingen undersøkelsene
sykehusenes lederen ledelse fortrolig fortrolighet hetslov kjærlighetene ende
endene ande endes landets gode godt kvitt helt svært være å og i på av med
ørene åpen åpning ærend blødning sterilisering prøvetaking røntgen
""".split()
ENDINGS = ("", "a", "e", "s", "er", "ers", "rs", "ene", "et", "ets", "ede", "erte", "ert", "dt", "vt", "lig", "els", "lov")
REAL_ENDINGS = ("", "e", "s", "er", "ers", "ene", "et")  # the real vocabulary is large: the commonest endings
TEXTS = [
    "Laparoskopisk kolecystektomi",
    "EEG-overvåking med elektroder på hodebunnen",
    "Måling av respiratoriske munntrykk og 'sniff'-test",
    '"Shuttle"-gangtest for måling av arbeidskapasitet',
    "Miksjonsliste; registrering av vannlating over to døgn",
    "Crohn's sykdom, Sjögrens syndrom og Ménières sykdom",
    "Pâté, crème, naïve, Ærø, ØSTERDALEN, Åndalsnes",
    "CT/MR av 3D-rekonstruksjon, α-blokker og β2-agonist",
    "Hepatitt B-vaksine, vitamin D og type 1-diabetes",
]


def _js_stems(page, items: list[str]) -> list[str]:
    return page.evaluate("ws => ws.map(w => lunr.no.stemmer(new lunr.Token(w, {})).toString())", items)


def _js_terms(page, texts: list[str]) -> list[list[str]]:
    return page.evaluate("ts => { const t = nkpkSearchText.textTools(lunr); return ts.map(t.terms); }", texts)


def _variants(base: list[str], endings: tuple[str, ...] = ENDINGS) -> list[str]:
    return sorted({w + e for w in base for e in endings})


def _code_texts(manifest: Path) -> list[str]:
    """Every text of every code list the manifest names (no model: reading is enough)."""
    specs = [spec for release in load_manifest(manifest).releases for spec in release.files if spec.kind == "codes"]
    return sorted({row.text for spec in specs for row in read_file(spec).rows})


def _query_words() -> list[str]:
    lines = QUERIES.read_text(encoding="utf-8").splitlines() if QUERIES.is_file() else []
    return [w for line in lines if line and not line.startswith("#") for w in words(line.split("\t")[0])]


def _assert_same_stems(page, items: list[str]) -> None:
    differ = [(w, stem(w), js) for w, js in zip(items, _js_stems(page, items)) if stem(w) != js]
    assert not differ, f"{len(differ)} of {len(items)} words stem differently (word, build, browser): {differ[:20]}"


def test_stems_agree_on_inflected_and_query_words(engine_page) -> None:
    _assert_same_stems(engine_page, _variants(WORDS + _query_words()))


def test_stems_agree_on_the_sample_vocabulary_and_its_inflections(engine_page, project_root: Path) -> None:
    texts = _code_texts(sample_manifest())
    _assert_same_stems(engine_page, _variants(sorted({w for t in texts for w in words(t)})))


@pytest.mark.real
def test_stems_agree_on_the_real_vocabulary_and_its_inflections(engine_page, project_root: Path, real_dir: Path) -> None:
    texts = _code_texts(project_root / "data" / "releases.yaml")
    vocabulary = sorted({w for t in texts for w in words(t)})
    assert len(vocabulary) > 4000
    _assert_same_stems(engine_page, _variants(vocabulary, REAL_ENDINGS))
    assert _js_terms(engine_page, texts) == [terms(t) for t in texts]


def test_stop_words_are_those_of_lunr_no(engine_page) -> None:
    listed = sorted(stop_words())
    kept = engine_page.evaluate("ws => ws.filter(w => lunr.no.stopWordFilter(new lunr.Token(w, {})) !== undefined)", listed)
    assert {"og", "i", "av", "med", "på", "å"} <= stop_words()
    assert kept == []


def test_texts_give_the_same_terms(engine_page) -> None:
    assert _js_terms(engine_page, TEXTS) == [terms(t) for t in TEXTS]


def test_folding_keeps_the_norwegian_letters(engine_page) -> None:
    samples = ["ÆØÅ æøå", "Pâté Ménière Sjögren naïve", "İstanbul ΟΔΟΣ Straße"]
    assert engine_page.evaluate("ts => ts.map(nkpkSearchText.fold)", samples) == [fold(s) for s in samples]
    assert fold("Ærø Åndalsnes Sjögren") == "ærø åndalsnes sjogren"
