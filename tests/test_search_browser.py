"""Build time and browser give the same keys: respelling, stemming and compound splitting, in chromium.

Every rule of the search's text processing exists twice, in Python
(generator/search/text.py, split.py, synonyms.py) and in the browser
(site_src/assets/search-text.js, search-engine.js). Here every word of every
text the real corpus ever had, and every word of the shared queries, goes
through both and must come out the same.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import prepare
from generator.search.index import search_data
from generator.search.split import known_in, split
from generator.search.text import key, respell, stop_words, words
from generator.search.synonyms import search_synonyms

from .browser import browser, engine_page  # noqa: F401 - fixtures
from .helpers import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.real]

QUERY_FILES = (ROOT / "tests" / "search" / "queries.tsv", ROOT / "tests" / "search" / "realistic.tsv")
EXTRA = ["cholecystectomi", "thorax", "phlebografi", "quadriceps", "xylokain", "akbc", "ct", "c", "x", "chx"]


@pytest.fixture(scope="module")
def real(project_root: Path, real_dir: Path):
    return prepare(project_root / "data" / "releases.yaml")


@pytest.fixture(scope="module")
def vocabulary_words(real) -> list[str]:
    texts = {v.text for c in real.catalogue.codes for v in c.versions}
    typed = [line.split("\t")[0] for path in QUERY_FILES for line in path.read_text("utf-8").splitlines()]
    found = {w for text in texts | set(typed) for w in words(text)} | set(EXTRA)
    return sorted(w for w in found if w not in stop_words())


def test_respelling_and_keys_agree_on_the_whole_vocabulary(engine_page, vocabulary_words) -> None:  # noqa: F811
    assert len(vocabulary_words) > 4000
    browser_side = engine_page.evaluate(
        "ws => { const t = nkpkSearchText.textTools(lunr); return ws.map(w => [nkpkSearchText.respell(w), t.key(w)]); }",
        vocabulary_words,
    )
    differ = [(w, respell(w), key(w), js) for w, js in zip(vocabulary_words, browser_side) if [respell(w), key(w)] != js]
    assert not differ, f"{len(differ)} words differ (word, respelt, key, browser): {differ[:20]}"


def test_compound_splitting_agrees_on_the_whole_vocabulary(engine_page, vocabulary_words, real) -> None:  # noqa: F811
    terms = search_data(real.catalogue.codes)["terms"]
    vocabulary = set(engine_page.evaluate("coded => { window.vocabulary = nkpkSearchEngine.decodeFront(coded); "
                                          "return window.vocabulary; }", terms))
    known = known_in(frozenset(vocabulary))
    spelt = [respell(w) for w in vocabulary_words]
    python_side = [split(w, known) for w in spelt]
    browser_side = engine_page.evaluate(
        "ws => { const t = nkpkSearchText.textTools(lunr); const known = nkpkSearchText.knownIn(new Set(vocabulary), t.key);"
        " return ws.map(w => nkpkSearchText.split(w, known)); }",
        spelt,
    )
    assert sum(1 for parts in python_side if parts) > 500  # the real vocabulary has many compounds
    differ = [(w, p, js) for w, p, js in zip(spelt, python_side, browser_side) if p != js]
    assert not differ, f"{len(differ)} words split differently (word, build, browser): {differ[:20]}"


def test_synonym_keys_agree(engine_page, real) -> None:  # noqa: F811
    built = search_synonyms(real.synonyms)
    assert {"rg", "ul", "blindtarmoperasjon", "grå " + key("stær")} <= set(built)
    typed = [s.typed for s in real.synonyms]
    browser_side = engine_page.evaluate(
        "ts => { const t = nkpkSearchText.textTools(lunr); "
        "return ts.map(s => nkpkSearchText.words(s).filter(w => !t.isStopWord(w)).map(t.key).join(' ')); }",
        typed,
    )
    assert sorted(set(browser_side)) == sorted(built)
