"""Ranking on the real corpus: every shared query finds its code among the first five hits.

The search file is made from the real corpus as the build makes it, and
queried through the browser's engine (no site build: bench/search.py types
the same queries into the box of a built site and measures the timings).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import prepare
from generator.output.search import search_data

from .browser import browser, engine_page  # noqa: F401 - fixtures
from .helpers import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.real]

QUERIES = ROOT.parent / "shared" / "search-queries.tsv"
TOP = 5


def _queries() -> list[tuple[str, str]]:
    lines = QUERIES.read_text(encoding="utf-8").splitlines()
    return [tuple(line.split("\t")[:2]) for line in lines if line.strip() and not line.startswith("#")]


@pytest.fixture(scope="module")
def engine(engine_page, project_root: Path, real_dir: Path):  # noqa: F811
    catalogue = prepare(project_root / "data" / "releases.yaml").catalogue
    engine_page.evaluate("data => { window.engine = nkpkSearchEngine.create(lunr, data); }", search_data(catalogue.codes))
    return engine_page


def _search(page, query: str, expired: bool = True) -> list[tuple[str, bool]]:
    return [tuple(hit) for hit in page.evaluate(
        "([q, expired]) => engine.search(q, {expired}).slice(0, 20).map(d => [engine.hit(d).code, engine.hit(d).active])",
        [query, expired],
    )]


def test_every_shared_query_finds_its_code_in_the_first_five(engine) -> None:
    queries = _queries()
    assert len(queries) >= 25
    missed = {}
    for query, expected in queries:
        codes = [code for code, _ in _search(engine, query)[:TOP]]
        if expected not in codes:
            missed[query] = (expected, codes)
    assert not missed


def test_an_exact_code_ranks_first_and_valid_codes_before_expired_ones(engine) -> None:
    assert _search(engine, "jud02")[0] == ("JUD02", True)
    hits = _search(engine, "gastroskopi")
    assert hits[0] == ("JUD02", True)
    flags = [active for _, active in hits]
    assert ("UJD02", False) in hits and flags == sorted(flags, reverse=True)
    assert all(active for _, active in _search(engine, "gastroskopi", expired=False))


def test_only_expired_codes_match_and_are_found(engine) -> None:
    hits = _search(engine, "psykoterapi")
    assert hits and not any(active for _, active in hits)
    assert _search(engine, "psykoterapi", expired=False) == []
