"""Screenshots of the pages coders use every day, at 390 and 1366 CSS pixels wide, for a reviewer to look at.

    .venv/bin/python scripts/screenshots.py [--site DIR] [--out DIR]

Builds the real corpus into OUT/site unless --site names a built site, serves
it on 127.0.0.1 and writes OUT/<page>-<width>.png with Debian's chromium.
OUT defaults to screenshots/, which git ignores. `make screenshots` runs this.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser import chromium, scripts_ready, serve  # noqa: E402
from tests.helpers import build_site  # noqa: E402
from tests.independent import MANIFEST  # noqa: E402

WIDTHS = (390, 1366)
EPOCH = 1775606400  # built as on 8 April 2026, so that the pictures do not change from day to day
PAGES = {  # name -> path in the site, and what to do before the picture
    "forside": "",
    "kode-JKA21": "kode/JKA21/",
    "kode-AADE00": "kode/AADE00/",
    "kode-KAJ10": "kode/KAJ10/",
    "endringer-2017": "endringer/2017/",
    "nedlasting": "nedlasting/",
    "frister": "frister/",
    "sok": "sok/?q=galleblære",
    "endringer-2016": "endringer/2016/",
    "endringer": "endringer/",
    "sjekk": "sjekk/",
    "forslagsskjema": "forslagsskjema/?kode=JKA21&tekst=Total%20kneleddsprotese",
    "bok-ncsp-N": "bok/ncsp-N/",
    "ncsp": "ncsp/",
    "ncsp-N": "ncsp/N/",
}


def _checker(page) -> None:
    page.fill("textarea[name=koder]", "JKA21, AADE00, TAB00, XYZ99\nNFB49")
    page.click("button[type=submit]")
    page.wait_for_selector(".nkpk-checker__grid tbody tr")


def shoot(site: Path, out: Path, full: bool) -> list[Path]:
    written = []
    with serve(site) as base, chromium() as browser:
        for width in WIDTHS:
            context = browser.new_context(viewport={"width": width, "height": 900})
            page = context.new_page()
            for name, path in PAGES.items():
                page.goto(base + path)
                scripts_ready(page)  # they load after the first paint
                if name == "sjekk":
                    _checker(page)
                target = out / f"{name}-{width}.png"
                page.screenshot(path=str(target), full_page=full and name not in ("endringer-2016", "endringer-2017"))
                written.append(target)
            context.close()
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build the real corpus)")
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    parser.add_argument("--viewport-only", action="store_true", help="the first screen only, not the whole page")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    site = args.site
    if site is None:
        site = args.out / "site"
        if build_site(site, MANIFEST, epoch=EPOCH) != 0:
            return 1
    for path in shoot(site, args.out, not args.viewport_only):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
