"""Compare two releases (endringer/sammenlign/) in Debian's chromium, on the real corpus.

2015 to 2016 over NCSP, NCMP and NCRP: 723 expired, 383 new, 65 changed
texts (NCRP's first release, 2016, is its baseline: none of its codes is
new); the page's CSV is the 2016 part of nedlasting/nkpk-endringer.csv.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from .browser import browser, goto, page, serve  # noqa: F401 - the fixtures
from .helpers import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.real]

SHOWN = "nkpk-compare-shown"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_RUN = "() => axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
WATCH_CSP = """window.__nkpkCsp = [];
document.addEventListener("securitypolicyviolation", (e) => window.__nkpkCsp.push(e.violatedDirective + " " + e.blockedURI));"""
COUNTS = """() => Object.fromEntries([...document.querySelectorAll('[data-nkpk-compare-counts] tbody tr')].map(row =>
  [row.dataset.system, Object.fromEntries([...row.querySelectorAll('td[data-kind]')].map(td => [td.dataset.kind, td.innerText]))]))"""
ROWS = "() => [...document.querySelectorAll('[data-nkpk-compare-result] tbody tr')].map(r => [...r.cells].map(c => c.innerText.trim()))"


def read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf") and data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    return list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline=""), strict=True))


@pytest.fixture(scope="module")
def served(real_site: Path):
    with serve(real_site) as base:
        yield base, real_site


def _open(page, base: str, query: str, runs: int = 1) -> list[str]:  # noqa: F811
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.add_init_script(WATCH_CSP)
    goto(page, base + "endringer/sammenlign/" + query)
    if runs:
        page.wait_for_function(f"n => performance.getEntriesByName('{SHOWN}').length >= n", arg=runs)
    else:  # nothing asked for: the page waits for a choice
        page.wait_for_function("() => document.querySelector('[data-nkpk-compare-summary]').textContent.startsWith('Velg')")
    return requests


def _download(page) -> tuple[str, bytes]:  # noqa: F811
    with page.expect_download() as event:
        page.click("text=Last ned CSV")
    return event.value.suggested_filename, Path(event.value.path()).read_bytes()


def test_2015_to_2016_counts_and_csv(page, served) -> None:  # noqa: F811
    base, site = served
    requests = _open(page, base, "?fra=2015&til=2016")
    counts = page.evaluate(COUNTS)
    assert counts["alle"] == {"ny": "383", "gjeninnført": "2", "utgått": "723", "endret tekst": "65", "flyttet": counts["alle"]["flyttet"]}
    assert counts["NCSP"]["utgått"] == "564" and counts["NCMP"]["utgått"] == "159"
    assert counts["NCRP"] == {} and "grunnlag" in page.inner_text("[data-nkpk-compare-counts] tr[data-system=NCRP]")
    loaded = len(requests)
    name, data = _download(page)
    assert name == "nkpk-endringer-2015-2016.csv"
    everything = read_csv((site / "nedlasting/nkpk-endringer.csv").read_bytes())
    expected = [everything[0]] + [row for row in everything[1:] if row[1] == "2016"]
    assert read_csv(data) == expected
    assert data == ("\ufeff" + "".join(",".join(_field(v) for v in row) + "\r\n" for row in expected)).encode("utf-8")
    assert all(url.startswith("blob:") for url in requests[loaded:])  # nothing sent anywhere
    assert all(url.startswith((base, "blob:" + base)) for url in requests)


def _field(value: str) -> str:
    return '"' + value.replace('"', '""') + '"' if any(ch in value for ch in ',"\r\n') else value


def test_word_diff_filters_and_moved(page, served) -> None:  # noqa: F811
    base, _ = served
    _open(page, base, "?fra=2015&til=2016")
    page.fill("input[name=sok]", "ACA19")
    page.wait_for_function(f"performance.getEntriesByName('{SHOWN}').length >= 2")
    rows = page.evaluate(ROWS)
    assert [r[:3] for r in rows] == [["NCSP", "ACA19", "Endret tekst"]]
    assert page.inner_text("[data-nkpk-compare-result] tbody ins") == "perifer"
    page.fill("input[name=sok]", "")
    page.check("input[name=flyttet]")
    page.uncheck("input[name=kodeverk][value=NCSP]")
    rows = page.evaluate(ROWS)
    assert rows and all(r[0] == "NCMP" and r[2] == "Utgått (flyttet)" and "(flyttet" in r[5] for r in rows)
    moved = page.evaluate(COUNTS)["NCMP"]["flyttet"]
    assert len(rows) == int(moved)
    _, data = _download(page)
    assert len(read_csv(data)) == len(rows) + 1  # the CSV holds what the filters show


def test_any_two_releases_and_successors_followed(page, served) -> None:  # noqa: F811
    base, _ = served
    _open(page, base, "", runs=0)
    assert page.input_value("select[name=fra]") == "2016" and page.input_value("select[name=til]") == "2017"
    page.select_option("select[name=fra]", "2012")
    page.click("[data-nkpk-compare-form] button[type=submit]")
    page.wait_for_function(f"performance.getEntriesByName('{SHOWN}').length >= 1")
    assert page.url.endswith("?fra=2012&til=2017")
    counts = page.evaluate(COUNTS)
    assert "ingen liste i 2017" in page.inner_text("tr[data-system=SK]") and counts["SK"] == {}
    page.fill("input[name=sok]", "FJDB01")
    page.wait_for_function(f"performance.getEntriesByName('{SHOWN}').length >= 2")
    rows = page.evaluate(ROWS)
    assert rows[0][:3] == ["NCMP", "FJDB01", "Utgått (flyttet)"] and rows[0][5] == "SFJ0AB (flyttet, via SXF0AB)"


def test_accessible_and_within_the_content_policy(page, served) -> None:  # noqa: F811
    if not AXE.is_file():
        pytest.fail(f"axe-core not found at {AXE}: run `make test` (npm ci installs it)")
    base, _ = served
    _open(page, base, "?fra=2015&til=2016")
    page.evaluate(AXE.read_text(encoding="utf-8"))
    violations = page.evaluate(AXE_RUN)["violations"]
    assert [(v["id"], v["nodes"][0]["target"]) for v in violations if v["impact"] in ("serious", "critical")] == []
    assert page.evaluate("() => window.__nkpkCsp") == []


@pytest.mark.parametrize("url", ["api/", "nedlasting/"])
def test_api_and_downloads_pages_accessible(page, served, url: str) -> None:  # noqa: F811
    if not AXE.is_file():
        pytest.fail(f"axe-core not found at {AXE}: run `make test` (npm ci installs it)")
    base, _ = served
    page.add_init_script(WATCH_CSP)
    goto(page, base + url)
    if url == "api/":
        page.click("details.nkpk-api-example summary")  # an example open
    page.evaluate(AXE.read_text(encoding="utf-8"))
    violations = page.evaluate(AXE_RUN)["violations"]
    assert [(v["id"], v["nodes"][0]["target"]) for v in violations if v["impact"] in ("serious", "critical")] == []
    assert page.evaluate("() => window.__nkpkCsp") == []
