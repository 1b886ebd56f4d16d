"""`nkpk-site add-release`, run as a maintainer runs it, on a manifest of real lists in a temporary folder."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
import yaml

from generator.cli import main

from .fat_export import DATA, FORMATS, export_rows, real_lists, write_export

MANIFEST = """\
# Two real lists. This comment, the blank line and the order must stay.
names: names.yaml

releases:
  # the 2016 list, as published
  - year: 2016
    files:
      - path: "Alle prosedyrekoder 2016.xlsx"   # three code systems
  # 2019 is here to see that 2017 goes before it
  - year: 2019
    new_shapes: [TSJWM]   # the 2017 list's TSJ0WM without its 0, as published
    files:
      - path: "Alle prosedyrekoder 2017.xlsx"
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A manifest folder: two real lists, the real names file and a manifest with comments."""
    data = tmp_path / "data"
    data.mkdir()
    for name in ("Alle prosedyrekoder 2016.xlsx", "Alle prosedyrekoder 2017.xlsx", "names.yaml"):
        shutil.copyfile(DATA / name, data / name)
    (data / "releases.yaml").write_text(MANIFEST, encoding="utf-8")
    return data


@pytest.fixture(scope="module")
def downloads(tmp_path_factory) -> Path:
    """The cumulative 2016-2017 export in all five formats, as downloaded (outside the manifest's folder)."""
    where = tmp_path_factory.mktemp("downloads")
    rows = export_rows()
    for fmt in FORMATS:
        write_export(rows, fmt, where)
    return where


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["add-release", *args])
    out, err = capsys.readouterr()
    return code, out, err


def export(downloads: Path, fmt: str) -> Path:
    return next(downloads.glob(f"FAT-export-{fmt}.*"))


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_format_adds_the_real_2017_release(folder: Path, downloads: Path, fmt: str, capsys) -> None:
    path = export(downloads, fmt)
    code, out, err = run(capsys, str(path), "--year", "2017", "--manifest", str(folder / "releases.yaml"), "--json",
                         "--new-shape", "TSJWM")
    assert (code, err) == (0, "")
    y16, y17, _ = real_lists()
    text = sum(1 for c in set(y16) & set(y17) if y16[c][1] != y17[c][1])
    assert json.loads(out.splitlines()[-1]) == {"year": 2017, "new": 256, "expired": 164, "text": text, "codes": 8640}
    assert (folder / path.name).read_bytes() == path.read_bytes()  # copied unchanged
    assert f"2017, compared with 2016: 8640 codes (NCSP 6538, NCMP 756, NCRP 1346)" in out
    assert "  new: 256\n" in out and "  expired: 164\n" in out and f"  changed texts: {text}\n" in out
    assert "    ... and 251 more" in out and "warning" not in out


def test_the_manifest_keeps_its_comments_and_order(folder: Path, downloads: Path, capsys) -> None:
    manifest = folder / "releases.yaml"
    assert run(capsys, str(export(downloads, "json")), "--year", "2017", "--manifest", str(manifest),
               "--new-shape", "tsjwm")[0] == 0
    text = manifest.read_text(encoding="utf-8")
    added = '  - year: 2017\n    new_shapes: [TSJWM]\n    files:\n      - path: FAT-export-json.json\n'
    assert text == MANIFEST.replace("  # 2019 is here", added + "  # 2019 is here")
    assert [r["year"] for r in yaml.safe_load(text)["releases"]] == [2016, 2017, 2019]
    assert main(["check", "--manifest", str(manifest)]) == 0


def test_replace_puts_the_new_entry_in_place_of_the_old(folder: Path, downloads: Path, capsys) -> None:
    manifest = folder / "releases.yaml"
    code, out, _ = run(capsys, str(export(downloads, "pipe")), "--year", "2019", "--manifest", str(manifest),
                       "--replace", "--valid-on", "2017-06-01", "--json", "--new-shape", "TSJWM")
    assert code == 0 and json.loads(out.splitlines()[-1])["codes"] == 8640
    entries = yaml.safe_load(manifest.read_text(encoding="utf-8"))["releases"]
    assert entries[1] == {"year": 2019, "valid_on": dt.date(2017, 6, 1), "new_shapes": ["TSJWM"],
                          "files": [{"path": "FAT-export-pipe.txt"}]}
    assert "# 2019 is here to see" in manifest.read_text(encoding="utf-8")


def _refused(capsys, folder: Path, *args: str) -> str:
    before = snapshot(folder)
    code, out, err = run(capsys, *args, "--manifest", str(folder / "releases.yaml"))
    assert code == 1 and snapshot(folder) == before, out
    return err


def test_a_year_already_listed_is_refused(folder: Path, downloads: Path, capsys) -> None:
    err = _refused(capsys, folder, str(export(downloads, "json")), "--year", "2016")
    assert "releases.yaml: release 2016 is already in the manifest (give --replace to replace it)" in err


def test_a_file_that_cannot_be_read_is_refused(folder: Path, tmp_path: Path, capsys) -> None:
    binary = tmp_path / "koder.txt"
    binary.write_bytes(b"PK\x03\x04 not a list")
    assert "koder.txt: not a text file" in _refused(capsys, folder, str(binary), "--year", "2017")
    assert "nowhere.json: no such file" in _refused(capsys, folder, str(tmp_path / "nowhere.json"), "--year", "2017")
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a workbook")
    assert "broken.xlsx: not a readable spreadsheet" in _refused(capsys, folder, str(broken), "--year", "2017")


def test_a_json_that_is_not_an_array_of_objects_is_refused(folder: Path, tmp_path: Path, capsys) -> None:
    path = tmp_path / "koder.json"
    path.write_text('{"Kode": "JKA21", "Tekst_uten_lengdebegrensning": "Laparoskopisk kolecystektomi"}', "utf-8")
    assert "koder.json: expected a JSON array of objects" in _refused(capsys, folder, str(path), "--year", "2017")


def test_valid_to_before_valid_from_is_refused_naming_the_code(folder: Path, tmp_path: Path, capsys) -> None:
    rows = export_rows()
    wrong = next(i for i, r in enumerate(rows) if r.code == "JKA21")
    rows[wrong] = dataclasses.replace(rows[wrong], start=dt.date(2015, 1, 1), end=dt.date(2014, 12, 31))
    path = write_export(rows, "semicolon", tmp_path)
    err = _refused(capsys, folder, str(path), "--year", "2017")
    assert f"FAT-export-semicolon.csv:{wrong + 2} (column E): code JKA21: valid to 2014-12-31 is before" in err


def test_a_file_without_a_code_valid_on_the_date_is_refused(folder: Path, downloads: Path, capsys) -> None:
    err = _refused(capsys, folder, str(export(downloads, "xlsx")), "--year", "1990")
    assert "FAT-export-xlsx.xlsx: no code is valid on 1990-01-01" in err


def test_a_release_that_does_not_build_is_refused_and_its_copy_removed(folder: Path, tmp_path: Path, capsys) -> None:
    rows = [r for r in export_rows() if r.system == "NCSP"]
    twice = next(r for r in rows if r.code == "JKA21")
    rows.append(dataclasses.replace(twice, text="En annen tekst"))
    path = write_export(rows, "tab", tmp_path)
    err = _refused(capsys, folder, str(path), "--year", "2017")
    assert "with the new release the site does not build: code JKA21 appears twice in release 2017" in err


def test_a_code_of_a_shape_its_system_never_had_is_refused(folder: Path, downloads: Path, tmp_path: Path,
                                                           capsys) -> None:
    """The real 2017 list has TSJWM (TSJ0WM without its 0), the first NCRP code of five letters: refused unless meant."""
    err = _refused(capsys, folder, str(export(downloads, "tab")), "--year", "2017")
    line = next(i for i, r in enumerate(export_rows(), 2) if r.code == "TSJWM")
    assert (f"FAT-export-tab.txt:{line}: with the new release the site does not build: TSJWM (NCRP) has the shape "
            "LLLLL, which no earlier release of NCRP has (L a letter, D a digit); NCRP's codes have had the shapes "
            "LLLDDL (e.g. AAB06K), LLLDLD (ZTX6W9), LLLDLL (SAA0AA)") in err
    assert "(new_shapes: [TSJWM]; add-release: --new-shape TSJWM)" in err
    rows = export_rows()
    typo = next(i for i, r in enumerate(rows) if r.code == "AAA20")
    rows[typo] = dataclasses.replace(rows[typo], code="AAA2")
    path = write_export(rows, "json", tmp_path)
    err = _refused(capsys, folder, str(path), "--year", "2017", "--new-shape", "TSJWM")
    assert ("AAA2 (NCSP) has the shape LLLD, which no earlier release of NCSP has (L a letter, D a digit); NCSP's "
            "codes have had the shapes LLLDD (e.g. AAA00)") in err


def test_a_file_without_kodeverk_needs_a_system(folder: Path, tmp_path: Path, capsys) -> None:
    y16, y17, _ = real_lists()
    items = [{"Kode": c, "Tekst_uten_lengdebegrensning": t, "Gyldig_fra": None, "Gyldig_til": None, "Foreldrekode": None}
             for c, (s, t) in sorted(y17.items()) if s == "NCSP"]
    path = tmp_path / "ncsp.json"
    path.write_text(json.dumps(items), encoding="utf-8")
    err = _refused(capsys, folder, str(path), "--year", "2017")
    assert ("ncsp.json:1: the file has no Kodeverk column: give its code system with --system "
            "(NCSP, NCMP, NCRP, SK); its codes look like NCSP codes") in err
    code, out, _ = run(capsys, str(path), "--year", "2017", "--system", "NCSP", "--manifest", str(folder / "releases.yaml"))
    assert code == 0 and "NCMP is in 2016 but not in 2017" in out and "NCRP is in 2016 but not in 2017" in out
    entry = yaml.safe_load((folder / "releases.yaml").read_text("utf-8"))["releases"][1]
    assert entry == {"year": 2017, "files": [{"path": "ncsp.json", "system": "NCSP"}]}


def test_a_summary_where_most_codes_changed_warns(folder: Path, tmp_path: Path, capsys) -> None:
    rows = [dataclasses.replace(r, text=r.text + " (ny)") if len(r.code) > 2 else r for r in export_rows()]
    path = write_export(rows, "json", tmp_path)
    code, out, _ = run(capsys, str(path), "--year", "2017", "--manifest", str(folder / "releases.yaml"),
                       "--new-shape", "TSJWM")
    assert code == 0 and "changes\nwarning: " in out and "codes changed (more than a third)" in out


def test_one_release_from_two_files_each_with_its_system(folder: Path, tmp_path: Path, capsys) -> None:
    _, y17, _ = real_lists()
    paths = []
    for system in ("NCSP", "NCMP"):
        items = [{"Kode": c, "Tekst_uten_lengdebegrensning": t, "Foreldrekode": None}
                 for c, (s, t) in sorted(y17.items()) if s == system]
        paths.append(tmp_path / f"{system.lower()}.json")
        paths[-1].write_text(json.dumps(items), encoding="utf-8")
    code, out, _ = run(capsys, *map(str, paths), "--year", "2017", "--system", "NCSP", "--system", "ncmp",
                       "--manifest", str(folder / "releases.yaml"), "--json")
    assert code == 0 and "8640" not in out and "(NCSP 6538, NCMP 756)" in out
    assert "warning: NCRP is in 2016 but not in 2017" in out and "NCMP is in" not in out
    entry = yaml.safe_load((folder / "releases.yaml").read_text("utf-8"))["releases"][1]
    assert entry["files"] == [{"path": "ncsp.json", "system": "NCSP"}, {"path": "ncmp.json", "system": "NCMP"}]
