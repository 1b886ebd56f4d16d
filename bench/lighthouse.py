"""Lighthouse on a phone: performance score, LCP and page weight of a few pages.

    nice -n 10 .venv/bin/python bench/lighthouse.py [--site DIR] [--runs 3] [--changes] [--keep DIR] [PAGE ...]

Builds the real corpus into a temporary folder unless --site names a built
site, serves it on 127.0.0.1 gzip-compressed (as a static host serves text
files), and runs Lighthouse 12.2.3 (`bench/lighthouse/package.json`; the
script runs `npm ci` there when it is missing) with Debian's chromium in its
default mobile profile: a simulated slow 4G connection and a 4x slower CPU.
Prints per page the median of `--runs` runs: score, first contentful paint,
largest contentful paint, total blocking time, transferred KiB and the number
of DOM elements. The pages are the front page, `kode/JKA21/` and
`endringer/2017/` unless named; `--changes` adds every change page.

Not run by the test suite. The machine's load changes the CPU figures (the
4x slowdown is applied to the tasks as measured): compare runs of one hour.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.browser import CHROMIUM  # noqa: E402
from tests.helpers import REAL_MANIFEST, build_site  # noqa: E402
from tests.static_host import host  # noqa: E402

TOOL = ROOT / "bench" / "lighthouse"
LIGHTHOUSE = TOOL / "node_modules" / "lighthouse" / "cli" / "index.js"
PAGES = ("", "kode/JKA21/", "endringer/2017/")
BUILD_DATE = 1775606400  # 2026-04-08: the deadlines as on that day
FIGURES = {  # column -> (audit, how to show its numericValue)
    "FCP s": ("first-contentful-paint", lambda v: f"{v / 1000:.1f}"),
    "LCP s": ("largest-contentful-paint", lambda v: f"{v / 1000:.1f}"),
    "TBT ms": ("total-blocking-time", lambda v: f"{v:.0f}"),
    "KiB": ("total-byte-weight", lambda v: f"{v / 1024:.0f}"),
    "DOM": ("dom-size", lambda v: f"{v:.0f}"),
}


def install() -> None:
    if not LIGHTHOUSE.exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"],
                       cwd=TOOL, check=True)


def lighthouse(url: str, out: Path) -> dict:
    """One Lighthouse run (performance only, mobile); its report as a dict."""
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    subprocess.run(
        ["node", str(LIGHTHOUSE), url, "--only-categories=performance", "--output=json", f"--output-path={out}",
         "--chrome-flags=--headless=new --no-sandbox --disable-background-networking --disable-component-update",
         "--quiet"],
        env=env, check=True, timeout=300)
    return json.loads(out.read_text(encoding="utf-8"))


def figures(report: dict) -> dict[str, float]:
    values = {"score": report["categories"]["performance"]["score"] * 100}
    for column, (audit, _) in FIGURES.items():
        values[column] = report["audits"][audit]["numericValue"]
    return values


def median_row(page: str, runs: list[dict[str, float]]) -> str:
    cells = [f"{statistics.median(r['score'] for r in runs):.0f}"]
    cells += [show(statistics.median(r[column] for r in runs)) for column, (_, show) in FIGURES.items()]
    return f"| {page or 'forside'} | " + " | ".join(cells) + " |"


def change_pages(site: Path) -> list[str]:
    return sorted(f"endringer/{p.parent.name}/" for p in (site / "endringer").glob("[0-9]*/index.html"))


def run(site: Path, pages: list[str], repeat: int, keep: Path | None) -> list[str]:
    lines = ["| page | score | " + " | ".join(FIGURES) + " |", "|" + " --- |" * (len(FIGURES) + 2)]
    with host(site, compress=True) as base, tempfile.TemporaryDirectory() as tmp:
        folder = keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for page in pages:
            name = page.strip("/").replace("/", "-") or "forside"
            runs = [figures(lighthouse(base + page, folder / f"{name}-{n + 1}.json")) for n in range(repeat)]
            lines.append(median_row(page, runs))
            print(lines[-1], file=sys.stderr, flush=True)
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*", help="site-relative page addresses (default: front, kode/JKA21/, endringer/2017/)")
    parser.add_argument("--site", type=Path, help="a built site (default: build the real corpus)")
    parser.add_argument("--runs", type=int, default=3, help="runs per page; the median is shown")
    parser.add_argument("--changes", action="store_true", help="add every change page (endringer/<year>/)")
    parser.add_argument("--keep", type=Path, help="keep Lighthouse's JSON reports in this folder")
    args = parser.parse_args(argv)
    install()
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            with open(os.devnull, "w") as quiet:
                sys.stdout, real = quiet, sys.stdout
                try:
                    assert build_site(site, REAL_MANIFEST, epoch=BUILD_DATE) == 0
                finally:
                    sys.stdout = real
        pages = list(args.pages or PAGES)
        if args.changes:
            pages += [p for p in change_pages(site) if p not in pages]
        print("\n".join(run(site, pages, args.runs, args.keep)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
