"""Graded evaluation of the site's search: top-1, mean reciprocal rank and top-5 per kind of query.

    .venv/bin/python bench/search_eval.py [--site DIR | --engine] [--misses] [TSV ...]

Reads graded query files (default: tests/search/ranked.tsv and
tests/search/graded.tsv), one query a line, tab-separated:

    query  grade-2 codes  grade-1 codes or -  category  note

Grade-2 codes are the ideal first hit, grade-1 codes are acceptable among
the first five; `NFB*` stands for every code that begins with NFB. Every
query goes through `window.nkpkSearch` in headless chromium on the real
corpus: on a site built into a temporary folder (the default), on a built
site (`--site`), or (`--engine`, quicker, for tuning) on a blank page with
the worktree's search scripts and the search file made in memory, as
tests/test_search_quality.py does. It prints, per category and overall:

- top-1: the share of queries whose first hit is a grade-2 code;
- MRR: the mean of 1 / the rank of the first grade-2 hit (0 beyond 20);
- top-5: the share with a grade-2 or grade-1 code among the first five.

`--misses` lists the queries whose first hit is not ideal, with the first hits.
Not run by the test suite (tests/test_search_eval.py asserts floors).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.browser import chromium, serve  # noqa: E402

RANKED = ROOT / "tests" / "search" / "ranked.tsv"
GRADED = ROOT / "tests" / "search" / "graded.tsv"
MANIFEST = ROOT / "data" / "releases.yaml"
DEPTH = 20
TOP = 5
START_PAGE = "sok/"


@dataclass(frozen=True)
class Query:
    query: str
    ideal: tuple[str, ...]  # grade 2
    acceptable: tuple[str, ...]  # grade 1
    category: str
    note: str


@dataclass(frozen=True)
class Result:
    query: Query
    codes: tuple[str, ...]  # the first DEPTH hits

    def rank(self) -> int:
        """1-based rank of the first ideal hit, 0 if none among the first DEPTH."""
        return next((i for i, code in enumerate(self.codes, 1) if fits(code, self.query.ideal)), 0)

    @property
    def top1(self) -> bool:
        return self.rank() == 1

    @property
    def reciprocal(self) -> float:
        return 1 / self.rank() if self.rank() else 0.0

    @property
    def top5(self) -> bool:
        grades = self.query.ideal + self.query.acceptable
        return any(fits(code, grades) for code in self.codes[:TOP])


def fits(code: str, expected: tuple[str, ...]) -> bool:
    return any(code.startswith(e[:-1]) if e.endswith("*") else code == e for e in expected)


def _codes(column: str) -> tuple[str, ...]:
    column = column.strip()
    return () if column in ("", "-") else tuple(c.strip() for c in column.split(",") if c.strip())


def read_graded(path: Path) -> list[Query]:
    """The queries of a graded file; a line without at least four columns stops with its number."""
    found = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        row = line.split("\t")
        if len(row) < 4 or not _codes(row[1]):
            raise SystemExit(f"{path}:{number}: expected query, grade-2 codes, grade-1 codes, category")
        found.append(Query(row[0], _codes(row[1]), _codes(row[2]), row[3].strip(), row[4] if len(row) > 4 else ""))
    return found


@dataclass(frozen=True)
class Figures:
    count: int
    top1: float
    mrr: float
    top5: float


def figures(results: list[Result]) -> Figures:
    count = len(results)
    if not count:
        return Figures(0, 0.0, 0.0, 0.0)
    return Figures(
        count,
        sum(r.top1 for r in results) / count,
        sum(r.reciprocal for r in results) / count,
        sum(r.top5 for r in results) / count,
    )


def by_category(results: list[Result]) -> dict[str, Figures]:
    """Figures per category (sorted) and `all` last."""
    categories = sorted({r.query.category for r in results})
    table = {c: figures([r for r in results if r.query.category == c]) for c in categories}
    table["all"] = figures(results)
    return table


SEARCH = "qs => Promise.all(qs.map(q => window.nkpkSearch(q, {limit: %d}).then(hits => hits.map(h => h.code))))" % DEPTH


def run_queries(page, queries: list[Query]) -> list[Result]:
    """Every query through `window.nkpkSearch` on `page`."""
    codes = page.evaluate(SEARCH, [q.query for q in queries])
    return [Result(q, tuple(found)) for q, found in zip(queries, codes)]


def engine_page(page) -> None:
    """A blank page with the worktree's search scripts, the real corpus's search file and `nkpkSearch`."""
    from generator.build import prepare
    from generator.pages.browser_labels import labels_script
    from generator.search.index import search_data
    from generator.search.text import lunr_sources
    from generator.urls import SEARCH_SCRIPTS

    project = prepare(MANIFEST)
    data = search_data(project.catalogue.codes, [r.year for r in project.catalogue.releases], project.synonyms,
                       project.english)
    page.set_content("<!doctype html><title>search eval</title>")
    page.add_script_tag(content=labels_script())
    for source in (*lunr_sources().values(), *(ROOT / "site_src" / p for p in SEARCH_SCRIPTS)):
        page.add_script_tag(content=source.read_text(encoding="utf-8"))
    page.evaluate(
        "data => { const e = nkpkSearchEngine.create(lunr, data);"
        " window.engine = e; window.nkpkSearch = (q, o) => Promise.resolve(e.search(q, o).slice(0, o.limit).map(h => e.hit(h))); }",
        data,
    )


def build_site(out: Path) -> None:
    from generator.cli import main

    if main(["build", "--config", str(ROOT / "mkdocs.yml"), "--manifest", str(MANIFEST), "--out", str(out)]):
        raise SystemExit("the build failed")


def evaluate(paths: list[Path], site: Path | None, engine: bool) -> dict[Path, list[Result]]:
    """The results of every file's queries, on a site (built if None) or on the engine page."""
    queries = {path: read_graded(path) for path in paths}
    with chromium() as browser:
        page = browser.new_page()
        if engine:
            engine_page(page)
            return {path: run_queries(page, qs) for path, qs in queries.items()}
        with tempfile.TemporaryDirectory() as folder:
            if site is None:
                site = Path(folder) / "site"
                build_site(site)
            with serve(site) as base:
                page.goto(base + START_PAGE)
                return {path: run_queries(page, qs) for path, qs in queries.items()}


def report(path: Path, results: list[Result], misses: bool) -> None:
    print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: {len(results)} queries")
    print(f"  {'category':<14} {'n':>4} {'top-1':>7} {'MRR':>6} {'top-5':>7}")
    for category, found in by_category(results).items():
        print(f"  {category:<14} {found.count:>4} {found.top1:>7.1%} {found.mrr:>6.3f} {found.top5:>7.1%}")
    if misses:
        for result in results:
            if not result.top1:
                mark = "  " if result.top5 else "!!"
                print(f"  {mark} {result.query.query!r} [{result.query.category}] want {','.join(result.query.ideal)}"
                      f" rank {result.rank() or '-'}: {' '.join(result.codes[:TOP])}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="graded query files (default: ranked.tsv, graded.tsv)")
    parser.add_argument("--site", type=Path, help="a site built from the real corpus (default: build one)")
    parser.add_argument("--engine", action="store_true", help="no site: the search scripts on a blank page")
    parser.add_argument("--misses", action="store_true", help="list the queries whose first hit is not ideal")
    args = parser.parse_args(argv)
    paths = args.files or [p for p in (RANKED, GRADED) if p.is_file()]
    for path, results in evaluate([p.resolve() for p in paths], args.site, args.engine).items():
        report(path, results, args.misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
