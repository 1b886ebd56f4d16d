"""Benchmark the site's search in headless chromium on the real corpus.

    .venv/bin/python bench/search.py [--site DIR] [--queries TSV ...] [--phone]

Builds the real corpus (data/releases.yaml: 1999-2017) into a
temporary folder, serves it on 127.0.0.1 and, for every query of
tests/search/queries.tsv and tests/search/realistic.tsv (copies of the
shared ../shared/search-*.tsv), opens a code page in a fresh browser context
(empty cache), focuses the search box and types the query one key at a
time, waiting for the results after each key. It prints:

- quality: the share of queries whose expected code (any of them; `NFB*`: any
  code that begins so) is among the first five hits shown in the box, per
  kind of query (compound, spelling, synonym, history, typo, code, plain:
  from the file's description column);
- bytes fetched before the first results were shown (requests that started
  before the mark of the first results), each file compressed
  with gzip -6 as a static host would serve it;
- time from the first keystroke (`/`, the first character follows at once)
  to shown results, and from each further keystroke to its results: from
  the key's keydown (its time counts the wait for a busy page; for a letter
  Playwright types without a keydown, such as ø, its `beforeinput`) to the
  `nkpk-search-shown` mark that search.js sets once the hits of the query
  typed so far are in the page (not the mark of the box searching again
  when the English entries arrive);
- the time the build spent writing the search index, as a share of the build.

With --phone it then types every query again on a phone profile and prints
the same bytes and times for it (the issue's goals: first results within
1.5 s cold, further keystrokes within 16 ms). The default run prints the
desktop figures only, in some 2.5 minutes; the phone run adds some 6
(8.3 minutes for both, 37 queries, at a load average of 8 to 10 on two
cores). The phone profile:

- a 390x844 touch screen at device scale 3 (a mobile viewport);
- through a DevTools session of each page, the CPU slowed 4 times
  (`Emulation.setCPUThrottlingRate`) and the network at 150 ms latency,
  1.6 Mbit/s down, 750 kbit/s up (`Network.emulateNetworkConditions`),
  from before the page opens to the last key;
- the site served by tests/static_host.py with compress=True, which sends HTML, CSS, scripts,
  JSON, SVG, text and XML with gzip -6 as a static host does (HTTP/1.1,
  so at most six requests at a time, where a real host's HTTP/2 would
  send all at once); the bytes printed are the bytes served, as the page
  counted them (`encodedBodySize` of its resource timings);
- a tap on the box instead of `/` (a phone has no `/` key): the first
  keystroke's time runs from the tap's `pointerdown` to the first results.

Not run by the test suite.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import os
import re
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.browser import chromium, scripts_ready, serve  # noqa: E402
from tests.static_host import host  # noqa: E402

MANIFEST = ROOT / "data" / "releases.yaml"
QUERIES = ROOT / "tests" / "search" / "queries.tsv"
REALISTIC = ROOT / "tests" / "search" / "realistic.tsv"
# The kind of a query, from words of its description (the third column), first match wins.
KINDS = (
    ("compound", ("compound",)),
    ("spelling", ("spelling",)),
    ("synonym", ("modality", "everyday", "synonym")),
    ("history", ("history", "earlier text", "had until")),
    ("typo", ("typing error", "typo")),
    ("code", ("exact code", "code in lower case", "code prefix", "code written", "a code and")),
)
START_PAGE = "kode/JKA21/"
TOP = 5
SHOWN = "nkpk-search-shown"
SEARCH_FILE = re.compile(r"/assets/(search/|search[-.])")  # the search file, lunr, the search scripts
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".txt", ".xml", "/")
# The phone profile: the browser context's options, the CPU's slowdown and the network (bytes per second).
PHONE_SCREEN = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 3, "is_mobile": True, "has_touch": True}
PHONE_CPU = {"rate": 4}
PHONE_NETWORK = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 750e3 / 8}

# In the page: when each character typed into the search box was pressed (its keydown, or
# its `beforeinput`: Playwright types letters outside the US layout, such as ø, without a
# keydown), the `/` or the tap (its pointerdown) that focused the box, and the marks
# search.js sets once hits are shown.
WATCH_KEYS = """() => {
  window.__keys = [];
  document.addEventListener('keydown', (e) => {
    window.__down = e.timeStamp;
    if (e.key === '/') window.__start = e.timeStamp;
  }, true);
  document.addEventListener('pointerdown', (e) => { window.__start = window.__start ?? e.timeStamp; }, true);
  document.querySelector('#nkpk-search-input').addEventListener('beforeinput', (e) => {
    window.__keys.push(window.__down ?? e.timeStamp);
    window.__down = null;
  }, true);
}"""
MARKS = f"() => performance.getEntriesByName('{SHOWN}').map(m => [m.startTime, m.detail.query, m.detail.spent])"
# Between keys: the hits painted, then a fast typist's pause (10 keys a second).
SETTLE = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 100))))"
# The files the page asked for before the first results were shown (the page itself is the navigation entry),
# each with its bytes unpacked and as served.
FETCHED_BEFORE = (
    "t => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource')"
    ".filter(e => e.startTime <= t)).map(e => [e.name, e.decodedBodySize, e.encodedBodySize])"
)
SHOWN_FOR = f"performance.getEntriesByName('{SHOWN}').slice(after).find(m => m.detail.query === typed)"
SHOWN_CODES = "() => [...document.querySelectorAll('#nkpk-search-list .nkpk-hit__code')].map(e => e.textContent)"


def kind(why: str) -> str:
    """compound, spelling, synonym, history, typo, code or plain, from a query's description."""
    text = why.lower()
    return next((name for name, marks in KINDS if any(mark in text for mark in marks)), "plain")


def matches(code: str, expected: tuple[str, ...]) -> bool:
    return any(code.startswith(e[:-1]) if e.endswith("*") else code == e for e in expected)


@dataclass
class Run:
    query: str
    expected: tuple[str, ...]
    kind: str
    shown: list[str] = field(default_factory=list)
    first_ms: float = 0.0
    further_ms: list[float] = field(default_factory=list)
    spent_ms: list[float] = field(default_factory=list)  # of further_ms: searching and building the list
    fetched: dict[str, tuple[int, int]] = field(default_factory=dict)  # address: (raw, served) bytes

    @property
    def found(self) -> bool:
        return any(matches(code, self.expected) for code in self.shown[:TOP])


def read_queries(path: Path) -> list[tuple[str, tuple[str, ...], str]]:
    """(query, acceptable codes, description) per line of a shared query file."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE) if r and not r[0].startswith("#")]
    return [(r[0], tuple(c.strip() for c in r[1].split(",")), r[2] if len(r) > 2 else "") for r in rows]


def build(out: Path) -> tuple[float, float]:
    """Build the real corpus into `out`: (whole build, search index) in seconds."""
    from generator.output import registry as build_module
    from generator.cli import main

    spent = []
    original = build_module.search_files

    def timed(*args, **kwargs):
        start = time.perf_counter()
        files = original(*args, **kwargs)
        spent.append(time.perf_counter() - start)
        return files

    build_module.search_files = timed
    try:
        start = time.perf_counter()
        if main(["build", "--config", str(ROOT / "mkdocs.yml"), "--manifest", str(MANIFEST), "--out", str(out)]):
            raise SystemExit("the build failed")
        return time.perf_counter() - start, sum(spent)
    finally:
        build_module.search_files = original


def shown_for(page, typed: str, after: int) -> tuple[float, float]:
    """Wait for the results of `typed` marked after the first `after` marks: (mark time, ms searching and listing).

    The results of the query typed so far, not those of the box searching again when
    the English entries arrive (the same mark, for the query before the key).
    """
    page.wait_for_function(f"([after, typed]) => ({SHOWN_FOR}) !== undefined", arg=[after, typed])
    return tuple(page.evaluate(f"([after, typed]) => {{ const m = {SHOWN_FOR}; return [m.startTime, m.detail.spent]; }}", [after, typed]))


def type_query(page, query: str, tap: bool = False) -> tuple[float, list[float], list[float]]:
    """Press `/` (or tap the box), type `query` one key at a time.

    Returns ms from `/` (the tap) to the first results, ms from each further key
    to its results, and of those the ms spent searching and building the list.
    """
    if tap:
        page.tap("#nkpk-search-input")
    else:
        page.keyboard.press("/")
    times, spent = [], []
    for number, key in enumerate(query):
        before = len(page.evaluate(MARKS))
        page.keyboard.type(key)
        shown, searching = shown_for(page, query[: number + 1], before)
        pressed = page.evaluate("() => window.__keys")[number]
        times.append(shown - (page.evaluate("() => window.__start") if number == 0 else pressed))
        spent.append(searching)
        page.evaluate(SETTLE)
    return times[0], times[1:], spent[1:]


def open_page(browser, url: str, phone: bool):
    """A page of a fresh context (empty cache) at `url`; on the phone profile slowed from the start."""
    context = browser.new_context(**(PHONE_SCREEN if phone else {}))
    page = context.new_page()
    if phone:
        session = context.new_cdp_session(page)
        session.send("Emulation.setCPUThrottlingRate", PHONE_CPU)
        session.send("Network.enable")
        session.send("Network.emulateNetworkConditions", PHONE_NETWORK)
    page.goto(url)
    scripts_ready(page)  # the page's scripts load after its first paint (nkpk-load.js): the box works from then
    return page


def run_query(browser, base: str, query: str, expected: tuple[str, ...], why: str, phone: bool = False) -> Run:
    page = open_page(browser, base + START_PAGE, phone)
    run = Run(query, expected, kind(why))
    page.evaluate(WATCH_KEYS)
    run.first_ms, run.further_ms, run.spent_ms = type_query(page, query, tap=phone)
    first_shown = page.evaluate(MARKS)[0][0]
    run.fetched = {url: (raw, served) for url, raw, served in page.evaluate(FETCHED_BEFORE, first_shown)}
    run.shown = page.evaluate(SHOWN_CODES)
    page.context.close()
    return run


def served_bytes(site: Path, urls: list[str]) -> dict[str, tuple[int, int]]:
    """(raw, gzip -6) bytes of each fetched file, read from the built site."""
    sizes = {}
    for url in urls:
        path = unquote(urlsplit(url).path)
        local = site / path.lstrip("/")
        if local.is_dir():
            local = local / "index.html"
        data = local.read_bytes()
        sizes[path] = (len(data), len(gzip.compress(data, 6)) if path.endswith(COMPRESSIBLE) else len(data))
    return sizes


def report_quality(runs: list[Run]) -> None:
    found = sum(r.found for r in runs)
    print(f"quality: {found}/{len(runs)} queries find their code in the first {TOP} hits ({100 * found / len(runs):.0f} %)")
    for name in [k for k, _ in KINDS] + ["plain"]:
        of_kind = [r for r in runs if r.kind == name]
        if of_kind:
            hits = sum(r.found for r in of_kind)
            print(f"  {name}: {hits}/{len(of_kind)} ({100 * hits / len(of_kind):.0f} %)")
    for r in runs:
        if not r.found:
            print(f"  missed: {r.query!r} expects {','.join(r.expected)}, shown {r.shown[:TOP]}")


def report_bytes(sizes: dict[str, tuple[int, int]], packing: str) -> None:
    """The bytes before the first results: `sizes` maps a path to (raw, gzip) bytes."""
    raw, packed = sum(r for r, _ in sizes.values()), sum(p for _, p in sizes.values())
    print(f"bytes before the first result: {packed / 1024:.0f} KB {packing} ({raw / 1024:.0f} KB raw) in {len(sizes)} files (page, theme and search)")
    search = {path: size for path, size in sizes.items() if SEARCH_FILE.search(path)}
    print(
        f"  of which the search's own files: {sum(p for _, p in search.values()) / 1024:.0f} KB gzip "
        f"({sum(r for r, _ in search.values()) / 1024:.0f} KB raw) in {len(search)} files (the issue's goal: 250 KB)"
    )
    biggest = sorted(sizes.items(), key=lambda item: -item[1][1])[:6]
    print("  biggest: " + ", ".join(f"{path.rsplit('/', 1)[-1] or path} {p / 1024:.0f} KB" for path, (_, p) in biggest))


def report_times(runs: list[Run], start: str, goal_first: int) -> None:
    """First keystroke (`start`: `/` or the tap) to results, and further keystrokes to results."""
    firsts = [r.first_ms for r in runs]
    print(f"first keystroke ({start}) to results: median {statistics.median(firsts):.0f} ms, max {max(firsts):.0f} ms (goal {goal_first} ms)")
    slow_firsts = sorted(((r.first_ms, r.query) for r in runs), reverse=True)[:3]
    print("  slowest first keystrokes: " + ", ".join(f"{q!r} {t:.0f} ms" for t, q in slow_firsts))
    further = sorted(t for r in runs for t in r.further_ms)
    p95 = further[int(0.95 * (len(further) - 1))]
    print(
        f"further keystrokes to results: median {statistics.median(further):.1f} ms, p95 {p95:.1f} ms, "
        f"max {further[-1]:.1f} ms over {len(further)} keystrokes (goal 16 ms)"
    )
    keys = [(t, s, r.query[: i + 2]) for r in runs for i, (t, s) in enumerate(zip(r.further_ms, r.spent_ms))]
    print("  slowest (of which searching and listing): " + ", ".join(f"{q!r} {t:.1f} ms ({s:.1f})" for t, s, q in sorted(keys, reverse=True)[:5]))
    spent = sorted(s for _, s, _ in keys)
    print(f"  searching and listing alone: median {statistics.median(spent):.1f} ms, max {spent[-1]:.1f} ms")


def report_phone(runs: list[Run]) -> None:
    """The phone profile's bytes (as served) and times."""
    print(
        f"phone: {PHONE_SCREEN['viewport']['width']}x{PHONE_SCREEN['viewport']['height']} touch screen, CPU {PHONE_CPU['rate']}x slower, "
        f"{PHONE_NETWORK['latency']} ms latency, {PHONE_NETWORK['downloadThroughput'] * 8 / 1e6:.1f} Mbit/s, gzip (tests/static_host.py, compress=True)"
    )
    sizes = {unquote(urlsplit(url).path): size for url, size in runs[0].fetched.items()}
    report_bytes(sizes, "as served")
    plain = [path for path, (raw, served) in sizes.items() if path.endswith(COMPRESSIBLE) and raw and served >= raw]
    if plain:
        print("  served without gzip: " + ", ".join(plain))
    report_times(runs, "tap", 1500)


def report(runs: list[Run], site: Path, timing: tuple[float, float] | None, phone: list[Run]) -> None:
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"machine: {os.cpu_count()} cores, load average {load} (other processes slow the timings)")
    report_quality(runs)
    report_bytes(served_bytes(site, list(runs[0].fetched)), "gzip")
    report_times(runs, "/", 300)
    if timing is not None:
        whole, index = timing
        print(f"index build: {index:.2f} s of a {whole:.1f} s build ({100 * index / whole:.1f} %)")
    if phone:
        report_phone(phone)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a site built from the real corpus (default: build one)")
    parser.add_argument("--queries", type=Path, nargs="+", default=[QUERIES, REALISTIC])
    parser.add_argument("--phone", action="store_true", help="type every query again on the phone profile and print its figures too")
    args = parser.parse_args(argv)
    queries = [q for path in args.queries for q in read_queries(path)]
    with tempfile.TemporaryDirectory() as tmp:
        site, timing = args.site, None
        if site is None:
            site = Path(tmp) / "site"
            timing = build(site)
        with chromium() as browser:
            with serve(site) as base:
                runs = [run_query(browser, base, query, expected, why) for query, expected, why in queries]
            phone = []
            if args.phone:
                with host(site, compress=True) as base:
                    phone = [run_query(browser, base, query, expected, why, phone=True) for query, expected, why in queries]
        report(runs, site, timing, phone)
    return 0


if __name__ == "__main__":
    sys.exit(main())
