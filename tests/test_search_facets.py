"""Facets on the real site, in chromium: the first hit never contradicts the query's side, action, approach or with/without.

tests/search/facets.tsv holds queries by kind of facet (side, action,
approach, with, stage, residual) with their ideal codes and the sibling
codes that contradict them. Every query is typed into the real site's
search (the built search file and scripts, through `window.nkpkSearch`),
and for each:
- the first hit is none of the codes that contradict the query;
- the engine finds no facet of the first hit that contradicts the query;
- per kind, the ideal code comes first for all but a few queries.
And the rules that read facets exist twice (generator/search/facets.py for
the texts, search-facets.js for queries): both read every current text of
the real corpus alike.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import prepare
from generator.search.facets import facets_of, query_phrases, text_facets
from generator.search.text import words

from .browser import base, browser, scripts_ready  # noqa: F401 - fixtures
from .helpers import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.real]

FACETS = ROOT / "tests" / "search" / "facets.tsv"
KINDS = ("action", "approach", "residual", "side", "stage", "with")
MISSES = {"action": 1, "approach": 1, "residual": 2, "side": 0, "stage": 1, "with": 1}  # ideal not first, at most


def _rows() -> list[list[str]]:
    lines = FACETS.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def _codes(column: str) -> set[str]:
    return set() if column.strip() in ("", "-") else {c.strip() for c in column.split(",")}


@pytest.fixture(scope="module")
def site_page(browser, base: str):  # noqa: F811
    context = browser.new_context()
    page = context.new_page()
    page.goto(base + "sok/")
    scripts_ready(page)  # they load after the first paint
    page.evaluate("() => nkpkSearchSite.load().then(e => nkpkSearchSite.later(e).then(() => { window.engine = e; }))")
    yield page
    context.close()


def _first_hits(page, queries: list[str]) -> list[dict]:
    return page.evaluate(
        """qs => qs.map(q => { const e = window.engine; const plan = e.plan(q); const hits = e.search(q);
             if (!hits.length) return {code: null, contra: 0, facets: plan.facets.list};
             return {code: e.codes[hits[0].doc], contra: e.facetFit(hits[0].doc, plan.facets).contra,
                     facets: plan.facets.list, codes: hits.slice(0, 5).map(h => e.codes[h.doc])}; })""",
        queries,
    )


def test_the_file_has_every_kind_and_contradictions() -> None:
    rows = _rows()
    assert {row[3] for row in rows} == set(KINDS)
    assert sum(1 for row in rows if len(row) > 5 and _codes(row[5])) >= 30


@pytest.mark.parametrize("kind", KINDS)
def test_first_hit_never_contradicts_the_query(site_page, kind: str) -> None:
    rows = [row for row in _rows() if row[3] == kind]
    found = _first_hits(site_page, [row[0] for row in rows])
    contradicting = [(row[0], hit) for row, hit in zip(rows, found)
                     if hit["contra"] or hit["code"] in _codes(row[5] if len(row) > 5 else "")]
    assert not contradicting, contradicting
    missed = [(row[0], hit["codes"]) for row, hit in zip(rows, found) if hit["code"] not in _codes(row[1])]
    assert len(missed) <= MISSES[kind], missed
    if kind in ("approach", "side", "with"):
        assert all(hit["facets"] for hit in found), "every query of this kind names a facet"


def test_facet_rules_agree_on_every_text(site_page, project_root: Path) -> None:
    """Every current text read as a query (all phrases) and as a text (the texts' phrases) gives one set of facets."""
    project = prepare(project_root / "data" / "releases.yaml")
    codes = sorted(project.catalogue.codes, key=lambda c: c.code)
    texts = sorted({c.text for c in codes} | {row[0] for row in _rows()})
    as_query = site_page.evaluate("ts => ts.map(t => window.engine.queryFacets(nkpkSearchText.words(t)).list)", texts)
    phrases = query_phrases()
    differ = [(t, sorted(facets_of(words(t), phrases)), js) for t, js in zip(texts, as_query)
              if sorted(facets_of(words(t), phrases)) != js]
    assert not differ, f"{len(differ)} texts read differently as queries (text, build, browser): {differ[:10]}"
    as_text = site_page.evaluate("n => Array.from({length: n}, (_, doc) => window.engine.facetsOf(doc))", len(codes))
    differ = [(c.code, sorted(text_facets(c.text)), js) for c, js in zip(codes, as_text) if sorted(text_facets(c.text)) != js]
    assert not differ, f"{len(differ)} codes' texts read differently (code, build, browser): {differ[:10]}"
    assert sum(1 for c in codes if text_facets(c.text)) > 1500  # side, action, approach, stage and with are common
