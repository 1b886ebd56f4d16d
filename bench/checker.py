"""Benchmark the code-list checker (sjekk/) in headless chromium on the real corpus.

    .venv/bin/python bench/checker.py [--site DIR] [--codes N] [--runs N]

Builds the real corpus (data/releases.yaml) into a temporary folder
(or uses a built site given with --site), serves it on 127.0.0.1, opens the
checker page and waits for its data file. It then pastes N codes (default
10,000) into the box: a fixed mix from the real corpus of codes valid in the
newest release, expired codes (some of them written in lower case or with a
space) and unknown codes. For each run it clicks "Sjekk" and prints the time
from the click (the event's time stamp) to:

- the `nkpk-checker-shown` mark, which checker.js sets once the table is in
  the page (its first page: 500 rows; the summary counts every code);
- the first frame after that has been drawn (the table on screen).

It also prints the data file's size, plain and with gzip -6 as a static host
would serve it, and when the page was ready to check (the
`nkpk-checker-ready` mark: the data file fetched and read, from the start of
navigation; the local server sends it uncompressed). The goal is under one second to the table on screen.
Not run by the test suite.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.browser import chromium, serve  # noqa: E402

MANIFEST = ROOT / "data" / "releases.yaml"
DATA = "api/kodeliste.json"
PAGE = "sjekk/"
SHOWN = "nkpk-checker-shown"
READY = "nkpk-checker-ready"
GOAL_MS = 1000.0
MIX = (("valid", 0.6), ("expired", 0.3), ("unknown", 0.1))

LOADED = "() => document.querySelector('[data-nkpk-summary]').textContent.startsWith('Lim inn')"
WATCH_CLICK = """() => {
  window.__clicks = [];
  document.querySelector('[data-nkpk-form] button[type=submit]').addEventListener(
    'click', (e) => window.__clicks.push(e.timeStamp), true);
}"""
# As a paste: the whole list at once into the box (Playwright's fill types it in far too slowly).
PASTE = """(text) => {
  const box = document.querySelector('textarea[name=koder]');
  box.value = text;
  box.dispatchEvent(new Event('input', { bubbles: true }));
}"""
# After the mark: wait for the next frame to be drawn, then note the time.
DRAWN = f"""() => new Promise(done => {{
  const wait = () => {{
    const marks = performance.getEntriesByName('{SHOWN}');
    if (!marks.length) {{ requestAnimationFrame(wait); return; }}
    requestAnimationFrame(() => setTimeout(() => done({{
      click: window.__clicks[window.__clicks.length - 1],
      shown: marks[marks.length - 1].startTime,
      drawn: performance.now(),
      rows: document.querySelectorAll('[data-nkpk-result] tbody tr').length,
    }})));
  }};
  wait();
}})"""


def sample_codes(site: Path, count: int, seed: int = 2017) -> list[str]:
    """A fixed mix of valid, expired and unknown codes, as a user might paste them."""
    data = json.loads((site / DATA).read_text(encoding="utf-8"))
    newest = len(data["releases"]) - 1
    valid = [c for c, p in zip(data["codes"], data["present"]) if p[newest] != "."]
    expired = [c for c, p in zip(data["codes"], data["present"]) if p[newest] == "."]
    known = set(data["codes"])
    rng = random.Random(seed)
    unknown = []
    while len(unknown) < count:
        code = "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXZ") for _ in range(3)) + f"{rng.randrange(100):02d}"
        if code not in known:
            unknown.append(code)
    pools = {"valid": valid, "expired": expired, "unknown": unknown}
    codes = []
    for kind, share in MIX:
        codes += [rng.choice(pools[kind]) for _ in range(round(count * share))]
    rng.shuffle(codes)
    for index in range(0, len(codes), 7):  # as typed by hand: lower case, a space
        code = codes[index]
        codes[index] = code.lower() if index % 2 else code[:3] + " " + code[3:]
    return codes[:count]


def measure(base: str, codes: list[str], runs: int) -> list[dict]:
    with chromium() as browser:
        page = browser.new_page()
        page.goto(base + PAGE)
        page.wait_for_function(LOADED)
        ready = page.evaluate(f"() => performance.getEntriesByName('{READY}')[0].startTime")
        page.evaluate(WATCH_CLICK)
        page.evaluate(PASTE, "\n".join(codes))
        results = [{"ready": ready}]
        for _ in range(runs):
            page.evaluate("() => performance.clearMarks()")
            page.click("[data-nkpk-form] button[type=submit]")
            results.append(page.evaluate(DRAWN))
        return results


def report(site: Path, results: list[dict], count: int) -> None:
    raw = (site / DATA).read_bytes()
    print(f"data file: {len(raw) / 1e6:.2f} MB, {len(gzip.compress(raw, 6)) / 1e3:.0f} kB with gzip -6")
    ready, results = results[0]["ready"], results[1:]
    print(f"page ready to check: {ready:.0f} ms after navigation began")
    shown = [r["shown"] - r["click"] for r in results]
    drawn = [r["drawn"] - r["click"] for r in results]
    print(f"codes pasted: {count:,}; rows on the table's first page: {results[-1]['rows']:,}")
    print(f"click to table in page: median {statistics.median(shown):.0f} ms, max {max(shown):.0f} ms")
    print(f"click to table drawn:   median {statistics.median(drawn):.0f} ms, max {max(drawn):.0f} ms"
          f" (first run {drawn[0]:.0f} ms)")
    verdict = "met" if max(drawn) < GOAL_MS else "NOT met"
    print(f"goal (under {GOAL_MS:.0f} ms to the table drawn): {verdict}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an already built site of the real corpus")
    parser.add_argument("--codes", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            from tests.helpers import build_site

            site = Path(tmp) / "site"
            if build_site(site, MANIFEST) != 0:
                return 1
        codes = sample_codes(site, args.codes)
        with serve(site) as base:
            results = measure(base, codes, args.runs)
        report(site, results, args.codes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
