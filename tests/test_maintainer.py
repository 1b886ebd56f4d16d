"""What a maintainer meets: bad input stops the build with one true message, the report is summed up.

Each test runs the real command (`python -m generator.cli`, what `nkpk-site` and the Makefile run) in a
process of its own, on copies of real code lists in a temporary folder, and reads what it printed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from .helpers import ROOT, tree_bytes

pytestmark = pytest.mark.real

DATA = ROOT / "data"
NCSP_2008 = "NCSP2008-FullTekst.txt"  # Windows-1252, tab-separated; line 4 is AAA25 ... trykkmåler


def nkpk(*args: str) -> subprocess.CompletedProcess:
    """The command as a maintainer runs it from the project folder."""
    return subprocess.run([sys.executable, "-m", "generator.cli", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=900)


def manifest(folder: Path, *releases: tuple[int, str]) -> Path:
    """A manifest of NCSP lists, (year, file), in `folder`."""
    lines = ["releases:"]
    for year, name in releases:
        lines += [f"  - year: {year}", "    files:", f"      - path: {name}", "        system: NCSP"]
    path = folder / "releases.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def real_lines(name: str) -> list[str]:
    return (DATA / name).read_bytes().decode("cp1252").split("\n")


def saved_as_utf8_but_one_letter(folder: Path) -> Path:
    """The real 2008 list saved again as UTF-8 with a byte-order mark, but for the å of line 4, left Windows-1252."""
    lines = [line.encode("utf-8") for line in real_lines(NCSP_2008)]
    assert lines[3].startswith(b"AAA25\tInnlegging av epidural trykkm\xc3\xa5ler")
    lines[3] = lines[3].replace("å".encode(), b"\xe5")
    (folder / "ncsp.txt").write_bytes(b"\xef\xbb\xbf" + b"\n".join(lines))
    return manifest(folder, (2008, "ncsp.txt"))


def twice_with_two_texts(folder: Path) -> Path:
    lines = real_lines(NCSP_2008)
    lines.insert(10, "AAA25\tInnlegging av trykkmåler")
    (folder / "ncsp.txt").write_bytes("\n".join(lines).encode("cp1252"))
    return manifest(folder, (2008, "ncsp.txt"))


def malformed_code(folder: Path) -> Path:
    """The real 2007 and 2008 lists, the 2008 one with AAA2 for AAA20 (line 3): four characters, as no NCSP code has."""
    shutil.copyfile(DATA / "NCSP2007-FullTekst.txt", folder / "ncsp-2007.txt")
    data = (DATA / NCSP_2008).read_bytes()
    (folder / "ncsp.txt").write_bytes(data.replace(b"\nAAA20\t", b"\nAAA2\t", 1))
    return manifest(folder, (2007, "ncsp-2007.txt"), (2008, "ncsp.txt"))


def misspelt_key(folder: Path) -> Path:
    shutil.copyfile(DATA / NCSP_2008, folder / "ncsp.txt")
    path = manifest(folder, (2008, "ncsp.txt"))
    path.write_text(path.read_text(encoding="utf-8").replace("system:", "sytem:"), encoding="utf-8")
    return path


def letter_o_in_a_year(folder: Path) -> Path:
    path = malformed_code(folder)
    path.write_text(path.read_text(encoding="utf-8").replace("year: 2008", "year: 2O08"), encoding="utf-8")
    return path


BAD = {
    "byte": (saved_as_utf8_but_one_letter, "ncsp.txt:4: undecodable byte 0xe5 at line 4, column 36 (UTF-8, as the "
                                           "file's byte-order mark says"),
    "twice": (twice_with_two_texts, "ncsp.txt:11: code AAA25 appears twice in release 2008 with different texts"),
    "key": (misspelt_key, "releases.yaml (release 2008, file 'ncsp.txt'): unknown key(s): sytem"),
    "year": (letter_o_in_a_year, "releases.yaml (the release after 2007): 'year' must be a year such as 2017, not '2O08'"),
    "shape": (malformed_code, "ncsp.txt:3: AAA2 (NCSP) has the shape LLLD, which no earlier release of NCSP has (L a "
                              "letter, D a digit); NCSP's codes have had the shapes LLDDD (e.g. FX281), LLLDD (AAA00)"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_an_error_is_printed_once_and_the_old_site_is_left_alone(tmp_path: Path, case: str) -> None:
    make, message = BAD[case]
    path = make(tmp_path)
    old = tmp_path / "site"
    old.mkdir()
    (old / "index.html").write_text("the site as it was\n", encoding="utf-8")
    before = tree_bytes(old)
    done = nkpk("build", "--manifest", str(path), "--out", str(old))
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("nkpk-site: input error: "), done.stderr
    assert message in done.stderr
    assert tree_bytes(old) == before and {p.name for p in tmp_path.iterdir()} <= {
        "site", "releases.yaml", "ncsp.txt", "ncsp-2007.txt"}


def test_check_sums_up_the_real_report_in_at_most_60_lines() -> None:
    """`make check` runs `nkpk-site check`: counts by kind with the first notes, the newest release's notes, and
    where the whole report is."""
    assert "\t$(VENV)/bin/nkpk-site check $(if $(REPORT),--report)" in (ROOT / "Makefile").read_text(encoding="utf-8")
    done = nkpk("check")
    assert (done.returncode, done.stderr) == (0, "")
    lines = done.stdout.splitlines()
    assert len(lines) <= 60
    whole = nkpk("check", "--report").stdout.splitlines()
    counts = dict(m.groups() for line in whole if (m := re.fullmatch(r"([a-z0-9-]+): ([0-9]+)", line)))
    assert len(counts) > 20 and sum(map(int, counts.values())) > 20_000
    assert lines[0].startswith("13 releases, 10148 codes (8640 valid, 1508 expired), ")
    assert lines[1] == "Notes by kind (kind: how many, then the first in the report):"
    kinds = dict(m.groups()[:2] for line in lines if (m := re.match(r"  ([a-z0-9-]+): ([0-9]+)(, |$)", line)))
    assert kinds == counts
    assert "  leading-space: 6661, NCSP2012.xlsx:1 (B1): tab removed" in lines
    assert "      NCSP2012.xlsx:2 (B2): tab removed" in lines  # the first few of each kind, as many as 60 lines allow
    assert lines[-3:] == [
        "The newest release, 2017: 1 note in its files:",
        "  Alle prosedyrekoder 2017.xlsx:8501: new-shape: TSJWM (NCRP) has the shape LLLLL, new to NCRP in 2017: "
        "listed under new_shapes in the manifest",
        "The whole report: `nkpk-site check --report` prints it; a build writes it into the site as "
        "rapport/byggerapport.txt (site/ by default)"]


def test_the_notes_of_a_newest_release_are_named_one_by_one_up_to_a_limit(tmp_path: Path) -> None:
    """The real 2012 workbook's texts start with a tab: 6,615 notes, the first 15 named."""
    for name in ("NCSP-2011-FullTekst.txt", "NCSP2012.xlsx"):
        shutil.copyfile(DATA / name, tmp_path / name)
    path = tmp_path / "releases.yaml"
    path.write_text("releases:\n  - {year: 2011, files: [{path: NCSP-2011-FullTekst.txt, system: NCSP}]}\n"
                    "  - {year: 2012, files: [{path: NCSP2012.xlsx, system: NCSP}]}\n", encoding="utf-8")
    lines = nkpk("check", "--manifest", str(path)).stdout.splitlines()
    assert len(lines) <= 60
    at = lines.index("The newest release, 2012: 6615 notes in its files:")
    assert lines[at + 1:at + 17] == [f"  NCSP2012.xlsx:{n} (B{n}): leading-space: tab removed" for n in range(1, 16)] + [
        "  ... and 6600 more"]


def test_the_end_of_a_build_says_the_same_in_a_few_lines(tmp_path: Path) -> None:
    from .test_build import RELEASES, write_manifest

    releases = {**RELEASES, 2017: {"ncsp.txt": ("utf-8", "JKA20\t Kolecystektomi\nJKA21\tLaparoskopisk kolecystektomi\n")}}
    done = nkpk("build", "--manifest", str(write_manifest(tmp_path, releases)), "--out", str(tmp_path / "site"))
    assert (done.returncode, done.stderr) == (0, "")
    lines = done.stdout.splitlines()
    assert lines[1:5] == [
        "nkpk-site: notes by kind: shapes 2, code-space 1, doubled-space 1, leading-space 1",
        "nkpk-site: the newest release, 2017: 1 note in its files:",
        "nkpk-site:   2017-ncsp.txt:1 (column B): leading-space: space removed",
        f"nkpk-site: the whole report: {tmp_path / 'site' / 'rapport/byggerapport.txt'} (`make check` sums it up)"]
    assert (tmp_path / "site/rapport/byggerapport.txt").is_file()


def test_serve_answers_a_missing_address_with_the_sites_404_page(real_site: Path) -> None:
    """`make serve` runs `nkpk-site serve`: a code typed as an address gets the 404 page with its search and code link."""
    server = subprocess.Popen([sys.executable, "-m", "generator.cli", "serve", "--dir", str(real_site), "--port", "0"],
                              cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # no proxy for 127.0.0.1
    try:
        address = re.search(r"at (http://127\.0\.0\.1:[0-9]+/) ", server.stdout.readline()).group(1)
        with direct.open(address + "kode/JKA21/") as found:
            assert found.status == 200 and found.read() == (real_site / "kode/JKA21/index.html").read_bytes()
        with pytest.raises(urllib.error.HTTPError) as missing:
            direct.open(address + "kode/jka21")
        assert missing.value.code == 404 and missing.value.headers["Content-Type"] == "text/html; charset=utf-8"
        assert missing.value.read() == (real_site / "404.html").read_bytes()
    finally:
        server.terminate()
        server.wait(timeout=30)
