"""Valid HTML: the Nu HTML checker (npm `vnu-jar`, pinned in package.json) finds no error on any kind of page.

The sample is built for a public address, as published; the checker reads the
files of the pages in `PAGES`, one of every kind. A new kind of page is one
more line there. The checker needs Java (`make java`; CI installs it): without
it the test is skipped and says so.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from .helpers import build_site

ROOT = Path(__file__).resolve().parents[1]
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
BUILD_DATE = 1775606400  # 2026-04-08 00:00:00 UTC
SITE_URL = "https://example.org/nkpk/"

# One page of every kind, by site-relative file: extend with one line per new kind.
PAGES = (
    "index.html",  # front page
    "kode/JKA21/index.html", "kode/JDF10/index.html",  # NCSP code: valid, expired
    "kode/WNJA00/index.html", "kode/WPCK00/index.html",  # NCMP
    "kode/SNG0AG/index.html", "kode/TBA0AN/index.html",  # NCRP
    "kode/1XC07/index.html", "kode/2XX02/index.html",  # særkoder
    "ncsp/index.html", "ncsp/JK/index.html", "ncsp/JKA/index.html", "bok/ncsp-J/index.html",  # browsing
    "endringer/index.html", "endringer/2017/index.html", "endringer/2016/index.html",  # changes
    "endringer/sammenlign/index.html",  # compare two releases
    "nedlasting/index.html", "api/index.html", "sjekk/index.html", "sok/index.html", "notat/index.html",
    "frister/index.html", "forslagsskjema/index.html",
    "bruk/index.html", "prinsipper/index.html", "forslag/index.html", "historikk/index.html",  # guidance
    "404.html",
)


def _java() -> str:
    java = shutil.which("java")
    if java is None:
        pytest.skip("Java is missing: the Nu HTML checker needs it (`make java` installs default-jre-headless)")
    if not VNU.exists():
        pytest.fail(f"{VNU} not found: run `make axe` (npm ci installs vnu-jar)")
    return java


def errors_by_file(files: list[Path]) -> dict[str, list[str]]:
    """The checker's errors per file name: `line: message (extract)`."""
    run = subprocess.run([_java(), "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
                         capture_output=True, text=True, timeout=300)
    found: dict[str, list[str]] = {}
    for message in json.loads(run.stderr)["messages"]:
        where = str(Path(message.get("url", "file:?").removeprefix("file:")))  # file:/tmp/...
        found.setdefault(where, []).append(
            f"{message.get('lastLine', '?')}: {message['message']} ({message.get('extract', '').strip()[:80]})")
    return found


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("valid") / "site"
    assert build_site(out, site_url=SITE_URL, epoch=BUILD_DATE) == 0
    return out


def test_every_kind_of_page_is_valid_html(site: Path, tmp_path: Path) -> None:
    files = [site / name for name in PAGES]
    assert [f.name for f in files if not f.is_file()] == []
    # The same run checks a page with the search box's old markup: the checker must refuse it.
    wrong = tmp_path / "wrong.html"
    wrong.write_text('<!doctype html><html lang="nb"><title>t</title>'
                     '<input type="search" role="combobox" aria-expanded="false" aria-label="s">', encoding="utf-8")
    found = errors_by_file([*files, wrong])
    assert any("combobox" in line for line in found.pop(str(wrong), []))
    assert found == {}, "\n".join(f"{name}\n  " + "\n  ".join(lines) for name, lines in found.items())


# Pages of the real corpus that the small sample cannot show: a change page with chapters collapsed, notes from
# the printed book on a code page, the deadlines page.
REAL_PAGES = ("endringer/2016/index.html", "endringer/2017/index.html", "kode/JKA21/index.html", "frister/index.html")


def test_real_pages_the_sample_cannot_show_are_valid_html(real_site: Path) -> None:
    files = [real_site / name for name in REAL_PAGES]
    assert "<details" in files[0].read_text(encoding="utf-8")
    found = errors_by_file(files)
    assert found == {}, "\n".join(f"{name}\n  " + "\n  ".join(lines) for name, lines in found.items())
