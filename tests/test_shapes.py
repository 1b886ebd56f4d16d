"""Code shapes learnt from the releases (generator/model/shapes.py), on copies of real lists, through `nkpk-site check`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.cli import main

from .helpers import ROOT

pytestmark = pytest.mark.real

DATA = ROOT / "data"
NCSP = {2007: "NCSP2007-FullTekst.txt", 2008: "NCSP2008-FullTekst.txt", 2009: "NCSP2009-FullTekst.txt"}
NCSP_SHAPES = "NCSP's codes have had the shapes LLDDD (e.g. FX281), LLLDD (AAA00)"


def lists(folder: Path, years: tuple[int, ...], typo: int | None = None, extra: dict[int, str] | None = None) -> Path:
    """Copies of the real NCSP lists of `years` and their manifest; in the list of `typo`, AAA20 (line 3) is AAA2."""
    lines = ["releases:"]
    for year in years:
        name = f"ncsp-{year}.txt"
        shutil.copyfile(DATA / NCSP[year], folder / name)
        if year == typo:
            data = (folder / name).read_bytes()
            assert data.count(b"\nAAA20\t") == 1
            (folder / name).write_bytes(data.replace(b"\nAAA20\t", b"\nAAA2\t"))
        lines += [f"  - year: {year}", *([f"    {(extra or {})[year]}"] if year in (extra or {}) else []),
                  "    files:", f"      - {{path: {name}, system: NCSP}}"]
    path = folder / "releases.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def check(capsys, manifest: Path, *options: str) -> tuple[int, str, str]:
    code = main(["check", "--manifest", str(manifest), *options])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_typo_in_the_newest_release_stops_the_build_naming_file_line_and_shapes(tmp_path: Path, capsys) -> None:
    code, out, err = check(capsys, lists(tmp_path, (2007, 2008), typo=2008))
    assert (code, out) == (1, "")
    assert err == (f"nkpk-site: input error: ncsp-2008.txt:3: AAA2 (NCSP) has the shape LLLD, which no earlier release "
                   f"of NCSP has (L a letter, D a digit); {NCSP_SHAPES}. A typo? If the code is meant as it is, list it "
                   "under 'new_shapes' of release 2008 in the manifest (new_shapes: [AAA2]; add-release: --new-shape "
                   "AAA2)\n")


def test_a_typo_in_a_changed_older_release_stops_the_build(tmp_path: Path, capsys) -> None:
    code, _, err = check(capsys, lists(tmp_path, (2007, 2008, 2009), typo=2008))
    assert code == 1 and "ncsp-2008.txt:3: AAA2 (NCSP) has the shape LLLD" in err


def test_a_code_listed_under_new_shapes_is_published_and_reported(tmp_path: Path, capsys) -> None:
    manifest = lists(tmp_path, (2007, 2008, 2009), typo=2008, extra={2008: "new_shapes: [aaa2]"})
    code, out, err = check(capsys, manifest, "--report")
    assert (code, err) == (0, "")
    assert ("ncsp-2008.txt:3: new-shape: AAA2 (NCSP) has the shape LLLD, new to NCSP in 2008: listed under new_shapes "
            "in the manifest\n") in out
    assert out.count("new-shape") == 2  # the count and the note; 2009 has no AAA2


def test_new_shapes_naming_a_code_the_release_lacks_is_refused(tmp_path: Path, capsys) -> None:
    manifest = lists(tmp_path, (2007, 2008), extra={2008: "new_shapes: [AAA2]"})
    code, _, err = check(capsys, manifest)
    assert code == 1
    assert (f"{manifest} (release 2008, new_shapes): AAA2 is listed under new_shapes, but release 2008 has no code "
            "AAA2") in err


def test_new_shapes_naming_a_code_of_a_known_shape_is_noted(tmp_path: Path, capsys) -> None:
    manifest = lists(tmp_path, (2007, 2008), extra={2008: "new_shapes: [AAA20]"})
    code, out, _ = check(capsys, manifest, "--report")
    assert code == 0
    assert (f"{manifest} (release 2008, new_shapes): new-shape-known: AAA20 is listed under new_shapes, but its shape "
            "LLLDD is not new in 2008: the entry is not needed") in out


@pytest.mark.parametrize(("entry", "message"), [
    ("new_shapes: AAA2", "(release 2008): 'new_shapes' lists codes, such as [TSJWM], not 'AAA2'"),
    ("new_shape: [AAA2]", "(release 2008): unknown key(s): new_shape; a release has files, new_shapes, valid_on, year"),
])
def test_a_misspelt_new_shapes_is_refused_naming_the_release(tmp_path: Path, capsys, entry: str, message: str) -> None:
    code, _, err = check(capsys, lists(tmp_path, (2007, 2008), typo=2008, extra={2008: entry}))
    assert code == 1 and message in err


def test_the_first_release_of_a_system_teaches_its_shapes(tmp_path: Path, capsys) -> None:
    """There is nothing before a system's first release to judge it by: its shapes are listed in the report."""
    code, out, _ = check(capsys, lists(tmp_path, (2007, 2008), typo=2007), "--report")
    assert code == 0
    assert ("ncsp-2007.txt: shapes: NCSP's first release, 2007, gives its codes' shapes (L a letter, D a digit): "
            "LLLDD 6459 (AAA00), LLDDD 150 (FX281), LLLD 1 (AAA2)\n") in out


def test_the_real_2017_ncrp_code_of_a_new_shape_needs_its_entry(tmp_path: Path, capsys) -> None:
    """TSJWM is TSJ0WM without its 0 in the real 2017 list: data/releases.yaml lists it under new_shapes."""
    for year in (2016, 2017):
        shutil.copyfile(DATA / f"Alle prosedyrekoder {year}.xlsx", tmp_path / f"{year}.xlsx")
    manifest = tmp_path / "releases.yaml"
    manifest.write_text("releases:\n  - {year: 2016, files: [2016.xlsx]}\n  - {year: 2017, files: [2017.xlsx]}\n")
    code, _, err = check(capsys, manifest)
    assert code == 1
    assert ("2017.xlsx:8501: TSJWM (NCRP) has the shape LLLLL, which no earlier release of NCRP has (L a letter, "
            "D a digit); NCRP's codes have had the shapes LLLDDL (e.g. AAB06K), LLLDLD (ZTX6W9), LLLDLL (SAA0AA)") in err
    manifest.write_text(manifest.read_text().replace("{year: 2017,", "{year: 2017, new_shapes: [TSJWM],"))
    code, out, _ = check(capsys, manifest, "--report")
    assert code == 0 and "2017.xlsx:8501: new-shape: TSJWM (NCRP) has the shape LLLLL, new to NCRP in 2017" in out
