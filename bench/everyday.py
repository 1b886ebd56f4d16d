"""Everyday use of the real site in headless chromium: figures, not tests.

    .venv/bin/python bench/everyday.py [--site DIR]

Builds the real corpus into a temporary folder unless --site names a built
site, serves it on 127.0.0.1 and prints, at 390 and 1366 CSS pixels wide:

- the height of endringer/2016/ (the big change page) and of its first screen
  of contents, and the height once the filter box shows one chapter's codes;
- the time from typing into the filter to the count of shown rows (it
  includes the filter's 150 ms pause after the last key);
- the smallest link target in the main content of a few pages, in CSS pixels;
- how many HTML bytes the stacked tables cost on endringer/2016/ (the labels
  come from CSS, so the difference from a plain table is only the class names).

Not run by the test suite.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.browser import chromium, serve  # noqa: E402
from tests.helpers import build_site  # noqa: E402
from tests.independent import MANIFEST  # noqa: E402

WIDTHS = (390, 1366)
TARGET_PAGES = ("", "kode/JKA21/", "kode/AADE00/", "endringer/2016/", "ncsp/N/", "bok/ncsp-N/", "forslagsskjema/")
SMALLEST = """() => {
  let best = [Infinity, Infinity, ''];
  for (const a of document.querySelectorAll('.md-content a[href]')) {
    const r = a.getBoundingClientRect();
    if (r.width > 0 && Math.min(r.width, r.height) < Math.min(best[0], best[1])) best = [r.width, r.height, a.textContent.trim()];
  }
  return best;
}"""


def _filter(page, text: str) -> tuple[float, str]:
    start = time.perf_counter()
    page.fill("#nkpk-filter-input", text)
    page.wait_for_function("() => document.querySelector('[data-nkpk-filter-status]').textContent !== ''")
    return (time.perf_counter() - start) * 1000, page.inner_text("[data-nkpk-filter-status]")


def measure(site: Path) -> None:
    html = (site / "endringer" / "2016" / "index.html").read_text(encoding="utf-8")
    added = html.count(" nkpk-stack") * len(" nkpk-stack") + html.count(" nkpk-priority") * len(" nkpk-priority")
    print(f"endringer/2016/: {len(html.encode()):,} bytes of HTML, {added} of them for the small-screen tables")
    with serve(site) as base, chromium() as browser:
        for width in WIDTHS:
            context = browser.new_context(viewport={"width": width, "height": 900})
            page = context.new_page()
            page.goto(base + "endringer/2016/")
            height = page.evaluate("() => document.documentElement.scrollHeight")
            contents = page.evaluate("() => document.querySelector('.nkpk-contents').getBoundingClientRect().bottom")
            ms, status = _filter(page, "pacemaker")
            filtered = page.evaluate("() => document.documentElement.scrollHeight")
            print(f"{width:>5} px  endringer/2016/: {height:,} px tall, contents end at {contents:,.0f} px; "
                  f"filter 'pacemaker': {ms:.0f} ms to '{status}', page then {filtered:,} px")
            for path in TARGET_PAGES:
                page.goto(base + path)
                w, h, text = page.evaluate(SMALLEST)
                print(f"{width:>5} px  smallest link target on /{path}: {w:.1f} x {h:.1f} ({text[:20]!r})")
            context.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build the real corpus)")
    args = parser.parse_args()
    if args.site:
        measure(args.site)
        return 0
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        if build_site(site, MANIFEST, epoch=1775606400) != 0:
            return 1
        measure(site)
    return 0


if __name__ == "__main__":
    sys.exit(main())
