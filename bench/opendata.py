"""Benchmark the open-data outputs on the real corpus: rendering, sizes, and the comparison page.

    .venv/bin/python bench/opendata.py [--manifest data/releases.yaml] [--site DIR]

Reads the corpus once (`prepare`), then prints per kind of open-data file
(harmonised CSV, harmonised XLSX, FHIR, schemas) how many there are, their
total size and the time to render them one after the other in one process
(the fastest of --repeat runs), and the wall time of `render_all`, which the
build uses (one process per core). With --site (a built site, e.g. from
`nkpk-site build --out DIR`) it also opens endringer/sammenlign/ in Debian's
chromium and prints the time from the click on "Sammenlign" to the table
(the `nkpk-compare-shown` mark) for 2015->2016 and 1999->2017.
Not run by the test suite.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from generator.build import prepare  # noqa: E402


def kind_of(path: str) -> str:
    if path.startswith("api/schema/"):
        return "JSON Schema"
    if path.startswith("api/fhir/"):
        return "FHIR ConceptMap" if "ConceptMap" in path else "FHIR CodeSystem"
    return "XLSX" if path.endswith(".xlsx") else "CSV"


def render_figures(project, repeat: int) -> None:
    files = project.open_data.files
    times: dict[str, float] = defaultdict(float)
    sizes: dict[str, int] = defaultdict(int)
    counts: dict[str, int] = defaultdict(int)
    for file in files:
        best = float("inf")
        for _ in range(repeat):
            start = time.perf_counter()
            data = file.render()
            best = min(best, time.perf_counter() - start)
        kind = kind_of(file.path)
        times[kind] += best
        sizes[kind] += len(data)
        counts[kind] += 1
    print(f"{'kind':<16} {'files':>5} {'MB':>8} {'render s (one process)':>24}")
    for kind in sorted(times):
        print(f"{kind:<16} {counts[kind]:>5} {sizes[kind] / 1e6:>8.2f} {times[kind]:>24.2f}")
    print(f"{'all':<16} {len(files):>5} {sum(sizes.values()) / 1e6:>8.2f} {sum(times.values()):>24.2f}")


def compare_figures(site: Path) -> None:
    from tests.browser import chromium, serve

    with serve(site) as base, chromium() as browser:
        page = browser.new_page()
        page.goto(base + "endringer/sammenlign/")
        page.wait_for_function("() => document.querySelector('[data-nkpk-compare-summary]').textContent.startsWith('Velg')")
        for runs, (start, end) in enumerate(((2015, 2016), (1999, 2017), (2015, 2016)), start=1):
            page.select_option("select[name=fra]", str(start))
            page.select_option("select[name=til]", str(end))
            page.evaluate("() => { window.__clicked = performance.now(); }")
            page.click("[data-nkpk-compare-form] button[type=submit]")
            page.wait_for_function("n => performance.getEntriesByName('nkpk-compare-shown').length >= n", arg=runs)
            took = page.evaluate("() => performance.getEntriesByName('nkpk-compare-shown').at(-1).startTime - window.__clicked")
            rows = page.inner_text("caption#nkpk-compare-caption")
            print(f"compare {start}->{end}: {took:.0f} ms from the click to the table ({rows})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--manifest", type=Path, default=ROOT / "data" / "releases.yaml")
    parser.add_argument("--site", type=Path, help="a built site, for the comparison page in chromium")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    project = prepare(args.manifest.resolve())
    render_figures(project, args.repeat)
    if args.site:
        compare_figures(args.site)


if __name__ == "__main__":
    main()
