"""The test sample (tests/sample.py): reproducible, loadable, and carrying the changes it claims."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from generator.inputs.manifest import load_manifest

from . import sample
from .helpers import sample_manifest


def test_sample_is_byte_deterministic(tmp_path: Path) -> None:
    first = {p.name: p.read_bytes() for p in sample.generate(tmp_path / "one")}
    second = {p.name: p.read_bytes() for p in sample.generate(tmp_path / "two")}
    assert first == second and set(first) == set(sample.files()) | set(sample.COPIED)


def test_sample_manifest_loads() -> None:
    manifest = load_manifest(sample_manifest())
    assert [r.year for r in manifest.releases] == list(sample.YEARS)
    assert manifest.names is not None and manifest.names.is_file()
    for release in manifest.releases:
        for spec in release.files:
            assert spec.path.is_file(), spec.display


def _changes(old: dict[str, str], new: dict[str, str], seen: set[str]) -> dict[str, set[str]]:
    added = set(new) - set(old)
    return {
        "new": added - seen,
        "reactivated": added & seen,
        "expired": set(old) - set(new),
        "changed_text": {c for c in set(old) & set(new) if old[c].split() != new[c].split()},
    }


def _all_changes() -> dict[int, dict[str, set[str]]]:
    """Changes per year over all systems, each system against its last release."""
    releases = sample.releases()
    result: dict[int, dict[str, set[str]]] = {y: {} for y in sample.YEARS[1:]}
    for system in ("NCSP", "NCMP", "NCRP", "SK"):
        years = [y for y in sample.YEARS if system in releases[y]]
        seen = set(releases[years[0]][system])
        for before, year in zip(years, years[1:]):
            found = _changes(releases[before][system], releases[year][system], seen)
            for kind, codes in found.items():
                result[year].setdefault(kind, set()).update(codes)
            seen |= set(releases[year][system])
    return result


def test_planted_changes_are_exactly_the_changes() -> None:
    found = _all_changes()
    moves = sample.PLANTED["moved"]
    for year in sample.YEARS[1:]:
        sources = {a for a, _ in moves.get(year, [])}
        targets = {b for _, b in moves.get(year, [])}
        assert found[year]["expired"] - sources == set(sample.PLANTED["expired"][year])
        assert found[year]["new"] - targets == set(sample.PLANTED["new"][year])
        assert found[year]["changed_text"] == set(sample.PLANTED["changed_text"][year])
        assert found[year]["reactivated"] == set(sample.PLANTED["reactivated"].get(year, []))
        assert sources <= found[year]["expired"] and targets <= found[year]["new"]


def test_moved_codes_keep_their_text() -> None:
    releases = sample.releases()
    for year, pairs in sample.PLANTED["moved"].items():
        before = {c: t for codes in releases[year - 1].values() for c, t in codes.items()}
        after = {c: t for codes in releases[year].values() for c, t in codes.items()}
        for old, new in pairs:
            assert before[old] == after[new] and old not in after and new not in before


def test_unusual_and_cosmetic_codes() -> None:
    releases = sample.releases()
    for code in sample.PLANTED["unusual_shape"][2015]:
        assert code in releases[2015]["NCSP"] and not re.fullmatch(r"[A-Z]{3}\d{2}", code)
    cosmetic = {c: t for codes in sample.COSMETIC.values() for c, t in codes.items()}
    assert set(cosmetic) == {c for codes in sample.PLANTED["whitespace_only"].values() for c in codes}
    for code, written in cosmetic.items():
        texts = {codes[code] for year in releases.values() for codes in year.values() if code in codes}
        assert texts == {" ".join(written.split())} and written != " ".join(written.split())


def test_sample_files_carry_the_reader_quirks() -> None:
    files = sample.files()
    ncsp = files["ncsp_2015.txt"]
    assert b"JKA 21\t" in ncsp and b"AA0 27\t" in ncsp and b"\n\n" in ncsp
    assert "søvnapné".encode("cp1252") in ncsp
    csv = files["ncmp_2015.csv"]
    assert b'GDFM00;"' in csv and b'""sniff""' in csv and b"\x96" in csv  # en dash in cp1252
    assert files["saerkoder_2015.txt"].startswith(b"\xef\xbb\xbf")
    ncrp = files["ncrp_2015.txt"]
    assert not ncrp.startswith(b"\xef\xbb\xbf") and b"  " in ncrp and b" \n" in ncrp
    ncrp.decode("utf-8")
    for name in ("ncmp_2016.xlsx", "prosedyrekoder_2016.xlsx", "Prosedyrekoder 2017.xlsx"):
        assert files[name].startswith(b"PK")


def test_workbooks_read_back(tmp_path: Path) -> None:
    from python_calamine import CalamineWorkbook

    written = {p.name: p for p in sample.generate(tmp_path)}
    rows = CalamineWorkbook.from_path(written["ncmp_2016.xlsx"]).get_sheet_by_index(0).to_python()
    assert rows[0][0] == "AAAA00" and all(r[1].startswith("\t") for r in rows)
    book = CalamineWorkbook.from_path(written["Prosedyrekoder 2017.xlsx"])
    assert book.sheet_names == ["Om filen", "Prosedyrekoder 2017"]
    rows = book.get_sheet_by_name("Prosedyrekoder 2017").to_python()
    assert rows[0][:3] == ["Kodeverk", "Kode", "Tekst"] and "Gyldig fra" in rows[0]  # optional columns follow
    assert {r[0] for r in rows[1:]} == {"NCSP", "NCMP", "NCRP"}


def test_names_cover_every_chapter_and_group(project_root: Path) -> None:
    names = yaml.safe_load((project_root / "data" / "names.yaml").read_text(encoding="utf-8"))
    releases = sample.releases()
    for system, labels in names.items():
        assert all(isinstance(k, str) and isinstance(v, str) for k, v in labels.items()), system
        codes = {c for year in releases.values() for c in year.get(system, {})}
        missing = {p for c in codes for p in (c[:1], c[:2]) if p not in labels}
        assert not missing, f"{system}: no name for {sorted(missing)}"
