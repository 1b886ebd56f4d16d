"""The code-list checker (sjekk/) in Debian's chromium: pasted lists, files, the table and the CSV.

The sample in data/ has the cases: TAB00 moved to ABT00 and TJJ10 (NCSP) to
JJA20K (NCRP) in 2016, CJE25 expired in 2016, DCA10 was away in 2016 only,
1XC07 is a særkode new in 2017, and 2016 has no list of særkoder at all.
"""

from __future__ import annotations

import csv
import io
import json
import posixpath
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import pytest
from openpyxl import Workbook

from generator.build import prepare
from generator.pages.checker import checker_data
from generator.pages.similar import similar_codes
from generator.inputs.clean import clean_code
from generator.model.catalogue import Catalogue, Code, CodeVersion, Release
from generator.inputs.diagnostics import InputError, Location
from generator.analysis.successors import Lineage, Successor
from generator.labels import STATUS_LABELS

from .browser import browser, goto, page, serve  # noqa: F401 - the fixtures
from .conftest import REAL
from .helpers import ROOT, build_site, sample_manifest

pytestmark = pytest.mark.browser

READY = "() => document.querySelector('[data-nkpk-summary]').textContent.startsWith('Lim inn')"
SHOWN = "nkpk-checker-shown"
ROWS = """() => [...document.querySelectorAll('[data-nkpk-result] tbody tr')]
  .map(row => [...row.cells].map(cell => cell.innerText.trim()))"""
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"  # installed by `make test` (npm ci)
AXE_RUN = "() => axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
WATCH_CSP = """window.__nkpkCsp = [];
document.addEventListener("securitypolicyviolation", (e) => window.__nkpkCsp.push(e.violatedDirective + " " + e.blockedURI));"""
HEADERS = ["Rad", "I listen", "Kode", "Status", "Kodeverk", "Tekst", "Etterfølgere"]
PASTED = '\n'.join(["jka 21", "TAB00", "TJJ10; CJE25, DCA10", "XYZ99", "12", "=1+2", '"JKA 21"', "tab00", "1XC07", "2XX02"])


@dataclass
class Checker:
    """The checker's page, opened, with every request it made."""

    page: object
    base: str
    site: Path
    requests: list[str] = field(default_factory=list)
    runs: int = 0

    def check(self, text: str | None = None, year: int | None = None, by_key: bool = False) -> list[list[str]]:
        if text is not None:
            self.page.fill("textarea[name=koder]", text)
        if year is not None:
            self.page.select_option("select[name=utgave]", str(year))
        if by_key:
            self.page.focus("[data-nkpk-form] button[type=submit]")
            self.page.keyboard.press("Enter")
        else:
            self.page.click("[data-nkpk-form] button[type=submit]")
        return self.wait()

    def wait(self) -> list[list[str]]:
        """The rows of the table, once the next check has shown them."""
        self.runs += 1
        self.page.wait_for_function(f"n => performance.getEntriesByName('{SHOWN}').length >= n", arg=self.runs)
        return self.page.evaluate(ROWS)

    @property
    def summary(self) -> str:
        return self.page.inner_text("[data-nkpk-summary]")

    def href(self, row: int, column: int) -> list[str]:
        """The links of one table cell, resolved to site paths."""
        hrefs = self.page.evaluate(
            "([r, c]) => [...document.querySelectorAll('[data-nkpk-result] tbody tr')[r].cells[c]"
            ".querySelectorAll('a')].map(a => a.getAttribute('href'))", [row, column])
        return [posixpath.normpath(posixpath.join("sjekk", h)) for h in hrefs]


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory) -> Iterator[tuple[str, Path]]:
    site = tmp_path_factory.mktemp("checker") / "site"
    assert build_site(site) == 0
    with serve(site) as base:
        yield base, site


@pytest.fixture(scope="module")
def texts() -> dict[str, dict[int, str]]:
    catalogue = prepare(sample_manifest()).catalogue
    return {c.code: {v.year: v.text for v in c.versions} for c in catalogue.codes}


def _open(page, base: str, site: Path) -> Checker:  # noqa: F811 - page is the fixture's value
    checker = Checker(page, base, site)
    page.on("request", lambda request: checker.requests.append(request.url))
    page.add_init_script(WATCH_CSP)
    goto(page, base + "sjekk/")
    page.wait_for_function(READY)
    return checker


@pytest.fixture
def checker(page, sample_site) -> Checker:  # noqa: F811
    return _open(page, *sample_site)


NONE = STATUS_LABELS["none"]  # "ingen etterfølger"


def test_pasted_list_against_2016(checker: Checker, texts) -> None:
    rows = checker.check(PASTED, 2016, by_key=True)
    moved, text = "Flyttet til", lambda code, year=2015: texts[code][year]
    assert rows == [
        ["1", "jka 21", "JKA21", "Gyldig i 2016", "NCSP", text("JKA21", 2016), ""],
        ["2", "TAB00", "TAB00", "Utgått fra 2016", "NCSP", text("TAB00"), f"{moved} ABT00"],
        ["3", "TJJ10", "TJJ10", "Utgått fra 2016", "NCSP", text("TJJ10"), f"{moved} JJA20K"],
        # three codes on one line: numbered by position; an expired code without successor says so,
        # with the valid codes its code page offers (DCA10 is valid again in 2017: its page offers none)
        ["4", "CJE25", "CJE25", "Utgått fra 2016", "NCSP", text("CJE25"), f"{NONE}\nlignende gyldige koder: CJE20"],
        ["5", "DCA10", "DCA10", "Utgått fra 2016", "NCSP", text("DCA10"), NONE],
        ["6", "XYZ99", "XYZ99", "Ukjent kode", "", "", ""],
        ["7", "12", "", "Ugyldig format", "", "", ""],
        ["8", "=1+2", "", "Ugyldig format", "", "", ""],
        ["9", '"JKA 21"', "JKA21", "Gyldig i 2016", "NCSP", text("JKA21", 2016), ""],
        ["10", "tab00", "TAB00", "Utgått fra 2016", "NCSP", text("TAB00"), f"{moved} ABT00"],
        ["11", "1XC07", "1XC07", "Ikke gyldig ennå (fra 2017)", "Særkoder", text("1XC07", 2017), ""],
        ["12", "2XX02", "2XX02", "Ikke i utgaven (ingen liste for Særkoder)", "Særkoder", text("2XX02"), ""],
    ]
    assert checker.summary == (
        "Sjekket 12 koder mot utgave 2016: 2 gyldige, 5 utgått, 1 ikke gyldig ennå, 1 ikke i utgaven, "
        "1 ukjent, 2 med ugyldig format. 2 rader gjentar en kode som står tidligere i listen."
    )
    assert checker.href(1, 2) == ["kode/TAB00"] and checker.href(1, 6) == ["kode/ABT00"]
    assert checker.href(2, 6) == ["kode/JJA20K"] and checker.href(5, 2) == []
    for path in ("kode/TAB00", "kode/ABT00", "kode/JJA20K"):
        assert (checker.site / path / "index.html").is_file()
    assert checker.page.inner_text("caption") == "Resultat for utgave 2016 (viser 1–12 av 12 rader)"


def test_changing_the_release_checks_again(checker: Checker, texts) -> None:
    checker.check(PASTED, 2016)
    checker.page.select_option("select[name=utgave]", "2017")
    rows = {row[1]: row[3:] for row in checker.wait()}
    assert rows["DCA10"] == ["Gyldig i 2017 (nyeste utgave her)", "NCSP", texts["DCA10"][2017], ""]  # valid again
    assert rows["TAB00"] == ["Utgått fra 2016", "NCSP", texts["TAB00"][2015], "Flyttet til ABT00"]
    assert rows["TJJ10"][0] == "Utgått fra 2016" and rows["TJJ10"][3] == "Flyttet til JJA20K"
    assert rows["1XC07"][:2] == ["Gyldig i 2017 (nyeste utgave her)", "Særkoder"]
    assert rows["2XX02"][:2] == ["Utgått fra 2017", "Særkoder"]
    checker.page.select_option("select[name=utgave]", "2015")
    rows = {row[1]: row[3] for row in checker.wait()}
    assert rows["TAB00"] == rows["2XX02"] == rows["DCA10"] == "Gyldig i 2015"


def test_csv_download_and_no_request_while_checking(checker: Checker) -> None:
    loaded = len(checker.requests)
    table = checker.check(PASTED, 2016)
    with checker.page.expect_download() as event:
        checker.page.click("text=Last ned CSV")
    download = event.value
    assert download.suggested_filename == "kodeliste-sjekket-2016.csv"
    raw = Path(download.path()).read_bytes()
    assert raw.startswith("\ufeff".encode()) and raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    lines = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert lines[0] == HEADERS + ["Utgave"]
    expected = [row + ["2016"] for row in table]
    expected[7][1] = "'=1+2"  # never a formula in a spreadsheet
    expected[3][6] = expected[3][6].replace("\n", "; ")  # the table's line break is a semicolon in the CSV
    assert lines[1:] == expected
    assert '"""JKA 21"""' in raw.decode("utf-8-sig")  # quotes doubled, the field quoted
    # The list went nowhere: nothing was fetched after the page had its data, and
    # every request of the visit went to the local server (or was the download's blob).
    assert all(url.startswith("blob:") for url in checker.requests[loaded:])
    assert checker.requests and all(url.startswith((checker.base, "blob:" + checker.base)) for url in checker.requests)


def _workbook(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(["Merknad", "Kode", "Antall"])
    sheet.append(["første", "TAB00", 3])
    sheet.append(["", "jka 21", 1])
    sheet.cell(row=5, column=1, value="x")  # row 4 empty, row 5 without a code
    sheet.cell(row=6, column=2, value="XYZ99")
    sheet.cell(row=7, column=2, value=12345)  # a number: no letter, not a code
    book.save(path)
    return path


def test_xlsx_file_picks_the_code_column(checker: Checker, tmp_path: Path) -> None:
    checker.page.set_input_files("input[type=file]", str(_workbook(tmp_path / "liste.xlsx")))
    rows = checker.wait()
    page = checker.page
    assert page.input_value("select[name=kolonne]") == "1" and page.is_checked("input[name=overskrift]")
    assert [o.strip() for o in page.eval_on_selector_all("select[name=kolonne] option", "os => os.map(o => o.text)")] == [
        "Kolonne A – Merknad", "Kolonne B – Kode", "Kolonne C – Antall"]
    assert page.is_disabled("textarea[name=koder]")
    assert [row[:4] for row in rows] == [
        ["2", "TAB00", "TAB00", "Utgått fra 2016"],
        ["3", "jka 21", "JKA21", "Gyldig i 2017 (nyeste utgave her)"],
        ["6", "XYZ99", "XYZ99", "Ukjent kode"],
        ["7", "12345", "", "Ugyldig format"],
    ]
    page.select_option("select[name=kolonne]", "0")
    assert [row[:2] for row in checker.wait()] == [["2", "første"], ["5", "x"]]
    page.uncheck("input[name=overskrift]")
    assert [row[:2] for row in checker.wait()] == [["1", "Merknad"], ["2", "første"], ["5", "x"]]
    page.click("text=Fjern filen")
    assert page.is_enabled("textarea[name=koder]") and page.is_hidden("select[name=kolonne]")


def _shared_strings_xlsx(path: Path) -> Path:
    """A workbook as Excel writes it (shared strings, rich text), stored uncompressed, first sheet not sheet1."""
    main = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rels = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    parts = {
        "xl/workbook.xml": f'<workbook {main} {rels}><sheets><sheet name="Koder" sheetId="2" r:id="rId7"/>'
                           '<sheet name="Annet" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                                      '<Relationship Id="rId1" Target="worksheets/sheet1.xml"/>'
                                      '<Relationship Id="rId7" Target="/xl/worksheets/koder.xml"/></Relationships>',
        "xl/sharedStrings.xml": f'<sst {main}><si><t>Prosedyrekode</t></si><si><r><t>TA</t></r><r><t>B00</t></r></si>'
                                '<si><t>DCA10</t><rPh><t>x</t></rPh></si></sst>',
        "xl/worksheets/sheet1.xml": f'<worksheet {main}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>JKA21</t>'
                                    '</is></c></row></sheetData></worksheet>',
        "xl/worksheets/koder.xml": f'<worksheet {main}><sheetData><row r="1"><c r="C1" t="s"><v>0</v></c></row>'
                                   '<row r="2"><c r="C2" t="s"><v>1</v></c></row><row r="3"><c r="C3" t="s"><v>2</v></c>'
                                   '</row></sheetData></worksheet>',
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return path


def test_xlsx_with_shared_strings_reads_the_first_sheet(checker: Checker, tmp_path: Path) -> None:
    checker.page.select_option("select[name=utgave]", "2016")
    checker.page.set_input_files("input[type=file]", str(_shared_strings_xlsx(tmp_path / "excel.xlsx")))
    rows = checker.wait()
    assert checker.page.input_value("select[name=kolonne]") == "2"
    assert [row[:4] for row in rows] == [["2", "TAB00", "TAB00", "Utgått fra 2016"], ["3", "DCA10", "DCA10", "Utgått fra 2016"]]


def test_csv_file_in_windows_1252(checker: Checker, tmp_path: Path) -> None:
    path = tmp_path / "liste.csv"
    path.write_bytes('Løpenr;Prosedyre;Kommentar\r\n1;JKA21;"ok; sjekket"\r\n2;tab 00;\r\n'.encode("cp1252"))
    checker.page.set_input_files("input[type=file]", str(path))
    rows = checker.wait()
    options = checker.page.eval_on_selector_all("select[name=kolonne] option", "os => os.map(o => o.text)")
    assert options == ["Kolonne A – Løpenr", "Kolonne B – Prosedyre", "Kolonne C – Kommentar"]
    assert [row[:4] for row in rows] == [["2", "JKA21", "JKA21", "Gyldig i 2017 (nyeste utgave her)"], ["3", "tab 00", "TAB00", "Utgått fra 2016"]]


def test_long_list_is_paged_and_can_show_only_problems(checker: Checker) -> None:
    rows = checker.check("\n".join(["JKA21"] * 600 + ["XYZ99", "CJE25", "?"]), 2017)
    page = checker.page
    assert len(rows) == 500 and page.inner_text("[data-nkpk-page-text]") == "Viser 1–500 av 603 rader"
    assert "599 rader gjentar en kode" in checker.summary
    page.click("text=Neste side")
    assert page.inner_text("[data-nkpk-page-text]") == "Viser 501–603 av 603 rader"
    assert [row[1] for row in page.evaluate(ROWS)][-3:] == ["XYZ99", "CJE25", "?"]
    assert page.is_disabled("text=Neste side") and page.is_enabled("text=Forrige side")
    page.check("input[name=bare-feil]")
    assert [row[1] for row in page.evaluate(ROWS)] == ["XYZ99", "CJE25", "?"]
    assert page.is_hidden("nav.nkpk-checker__pager")


def test_accessible_and_within_the_content_policy(checker: Checker, tmp_path: Path) -> None:
    """axe-core finds no serious or critical WCAG 2.1 A/AA violation with a result and a file shown."""
    if not AXE.is_file():
        pytest.fail(f"axe-core not found at {AXE}: run `make test` (npm ci installs it)")
    checker.check("\n".join(["JKA21"] * 501 + ["TAB00", "?"]), 2016)
    checker.page.set_input_files("input[type=file]", str(_workbook(tmp_path / "liste.xlsx")))
    checker.wait()
    checker.page.click("text=Last ned CSV")  # focus and hover on a button
    checker.page.evaluate(AXE.read_text(encoding="utf-8"))
    violations = checker.page.evaluate(AXE_RUN)["violations"]
    assert [(v["id"], v["nodes"][0]["target"]) for v in violations if v["impact"] in ("serious", "critical")] == []
    assert checker.page.evaluate("() => window.__nkpkCsp") == []


def _catalogue() -> tuple[Catalogue, Lineage]:
    """Four releases; særkoder only in 2011 and 2013. OLD01 -> MID01 -> NEW01, DEAD1 -> GONE1."""
    counts = {2010: ("NCSP",), 2011: ("NCSP", "SK"), 2012: ("NCSP",), 2013: ("NCSP", "SK")}
    releases = tuple(Release(year, (), {s: 1 for s in systems}) for year, systems in counts.items())
    where = Location("test")

    def code(name: str, system: str, *years: int, texts: dict[int, str] | None = None) -> Code:
        texts = texts or {}
        versions = tuple(CodeVersion.at(y, system, texts.get(y, f"{name} tekst"), where) for y in years)
        return Code(name, versions, 2013 in years)

    codes = (
        code("AAA10", "NCSP", 2010, 2011, 2012, 2013, texts={2012: "Ny tekst", 2013: "Ny tekst"}),
        code("DEAD1", "NCSP", 2010), code("GONE1", "NCSP", 2011), code("FUT01", "NCSP", 2013),
        code("MID01", "NCSP", 2011), code("NEW01", "NCSP", 2012, 2013), code("OLD01", "NCSP", 2010),
        code("SKA01", "SK", 2011),
    )
    successors = (
        Successor(2011, "OLD01", "NCSP", "MID01", "NCSP", "moved", "", ""),
        Successor(2012, "MID01", "NCSP", "NEW01", "NCSP", "official", "", ""),
        Successor(2011, "DEAD1", "NCSP", "GONE1", "NCSP", "similar", "", ""),
    )
    return Catalogue(releases, codes), Lineage.of(successors)


CHECK = """([file, codes, year]) => {
  const data = new window.nkpkChecker.Data(file);
  const entries = codes.map((raw, n) => ({ row: n + 1, raw: raw }));
  return data.check(entries, year).rows.map(row => [row.code, data.statusText(row.found), row.found.text || '',
    row.found.successors.map(s => data.successorText(s)).join(' | ')]);
}"""


@pytest.mark.parametrize("year,expected", [
    (2013, [["AAA10", "Gyldig i 2013 (nyeste utgave her)", "Ny tekst", ""],
            ["OLD01", "Utgått fra 2011", "OLD01 tekst", "Erstattet av NEW01 (via MID01)"],
            ["DEAD1", "Utgått fra 2011", "DEAD1 tekst", "Ny kode med nesten lik tekst GONE1 – utgått fra 2012"],
            ["SKA01", "Utgått fra 2013", "SKA01 tekst", ""],
            ["FUT01", "Gyldig i 2013 (nyeste utgave her)", "FUT01 tekst", ""]]),
    (2012, [["AAA10", "Gyldig i 2012", "Ny tekst", ""],
            ["OLD01", "Utgått fra 2011", "OLD01 tekst", "Erstattet av NEW01 (via MID01)"],
            ["DEAD1", "Utgått fra 2011", "DEAD1 tekst", "Ny kode med nesten lik tekst GONE1 – utgått fra 2012"],
            ["SKA01", "Ikke i utgaven (ingen liste for Særkoder)", "SKA01 tekst", ""],
            ["FUT01", "Ikke gyldig ennå (fra 2013)", "FUT01 tekst", ""]]),
    (2011, [["AAA10", "Gyldig i 2011", "AAA10 tekst", ""],
            ["OLD01", "Utgått fra 2011", "OLD01 tekst", "Flyttet til MID01"],
            ["DEAD1", "Utgått fra 2011", "DEAD1 tekst", "Ny kode med nesten lik tekst GONE1"],
            ["SKA01", "Gyldig i 2011", "SKA01 tekst", ""],
            ["FUT01", "Ikke gyldig ennå (fra 2013)", "FUT01 tekst", ""]]),
])
def test_statuses_and_successor_chains(checker: Checker, year: int, expected: list) -> None:
    catalogue, lineage = _catalogue()
    file = json.loads(json.dumps(checker_data(catalogue, lineage, similar_codes(catalogue.codes, lineage))))
    found = checker.page.evaluate(CHECK, [file, ["AAA10", "OLD01", "DEAD1", "SKA01", "FUT01"], year])
    assert found == expected


NORMALISE = "values => values.map(v => [window.nkpkChecker.normalise(v), window.nkpkChecker.isCode(window.nkpkChecker.normalise(v))])"


def test_codes_are_normalised_as_the_build_cleans_them(checker: Checker) -> None:
    values = [" jka 21 ", "JKA\t21", "\ufeffJKA21", '"jka21"', '"JK""A21"', "jka-21", "12345", "AB", "ABCDEFGHI",
              "æøå12", "a1b2c3", "J K A 2 1", "1XC07", '"', "\u00a0JKA21\u00a0"]
    found = checker.page.evaluate(NORMALISE, values)
    for value, (code, valid) in zip(values, found):
        try:
            expected = clean_code(value, Location("test"))[0]
        except InputError:
            assert not valid, value
        else:
            assert valid and code == expected, value


@pytest.mark.real
def test_real_corpus_chains_and_an_excel_file(page, real_site: Path) -> None:  # noqa: F811
    with serve(real_site) as base:
        checker = _open(page, base, real_site)
        rows = {row[1]: row for row in checker.check("FJDB01\nTNH05\nSXF0NK", 2017)}
        assert rows["FJDB01"][3:4] + rows["FJDB01"][6:] == ["Utgått fra 2016", "Flyttet til SFJ0AB (via SXF0AB)"]
        assert rows["TNH05"][6] == "Flyttet til NHX05"
        assert rows["SXF0NK"][6] == "Flyttet til SFY0NK"
        # Excel's own workbook of 2017: shared strings, deflated parts; every code in it is valid in 2017.
        checker.page.set_input_files("input[type=file]", str(REAL / "Alle prosedyrekoder 2017.xlsx"))
        checker.wait()
        present = json.loads((real_site / "api/kodeliste.json").read_text(encoding="utf-8"))["present"]
        count = f"{sum(p[-1] != '.' for p in present):,}".replace(",", "\u00a0")  # 8,640
        assert checker.summary == f"Sjekket {count} koder mot utgave 2017 (den nyeste på dette nettstedet): {count} gyldige."
