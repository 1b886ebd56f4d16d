"""The optional columns of the official workbooks: header matching, values, code pages and JSON."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from . import sample_details
from generator.inputs.details import details_json, normalise_detail
from generator.inputs.diagnostics import InputError, Location
from generator.inputs.readers import read_file
from generator.inputs.readers.base import FileSpec
from generator.inputs.readers.columns import header_role, loose_role

from .helpers import build_site, load_json, parse_page

LABELS = {
    "text60": "Kort tekst (60 tegn)", "valid_from": "Gyldig fra", "valid_to": "Gyldig til",
    "addon": "Tilleggskode", "gender": "Kjønnsspesifikk", "inclusion": "Inkluderer",
    "exclusion": "Ekskluderer", "note": "Merknad", "npr": "Rapporteres til NPR",
}
SHOWN = {True: "Ja", False: "Nei", "female": "Ja, bare kvinner", "male": "Ja, bare menn", "any": "Nei"}


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory) -> Path:
    """The project's own sample in data/, whose 2017 workbook has every optional column."""
    out = tmp_path_factory.mktemp("details") / "site"
    assert build_site(out) == 0
    return out


def test_each_column_reaches_the_json(sample_site: Path) -> None:
    for code, planted in sample_details.PLANTED_DETAILS.items():
        latest = load_json(sample_site / "api/kode" / f"{code}.json")["versions"][-1]
        assert latest["year"] == 2017
        for key, value in planted.items():
            assert latest[key] == value, (code, key)
    covered = {key for planted in sample_details.PLANTED_DETAILS.values() for key in planted}
    assert covered == set(LABELS)


def test_json_keeps_its_keys_and_adds_only_the_columns_present(sample_site: Path) -> None:
    doc = load_json(sample_site / "api/kode/JKA21.json")
    assert set(doc) == {"code", "system", "active", "versions"}
    assert doc["versions"][0] == {"year": 2015, "text": "Laparoskopisk kolecystektomi"}  # a file without the columns
    assert "valid_to" not in doc["versions"][-1] and "gender" not in load_json(sample_site / "api/kode/SAA0AD.json")["versions"][-1]


def test_each_column_reaches_the_code_page(sample_site: Path) -> None:
    for code, planted in sample_details.PLANTED_DETAILS.items():
        text = " ".join(" ".join(parse_page(sample_site / "kode" / code / "index.html").text).split())
        assert "Detaljer fra utgaven for 2017" in text
        for key, value in planted.items():
            shown = SHOWN.get(value, value) if not isinstance(value, str) or key == "gender" else value
            assert f"{LABELS[key]} {shown}" in text, (code, key, shown)


def test_references_in_note_columns_are_links(sample_site: Path) -> None:
    page = parse_page(sample_site / "kode/JKA21/index.html")
    assert "../JKA22/" in page.links and "../ZXC00/" in page.links
    assert "../../ncsp/EMB/" in parse_page(sample_site / "kode/EMB10/index.html").links  # Se EMB 15-30
    assert "../HAB00K/" in parse_page(sample_site / "kode/HAB00G/index.html").links
    broken = parse_page(sample_site / "kode/MCA10/index.html")
    assert "Se LGA 99" in " ".join(broken.text) and not any("LGA99" in link for link in broken.links)
    report = load_json(sample_site / "rapport/byggerapport.json")
    found = [n for n in report["notes"] if n["kind"] == "broken-reference"]
    assert [(n["file"], "LGA 99" in n["detail"]) for n in found] == [("Prosedyrekoder 2017.xlsx", True)]
    assert found[0]["line"] > 1


def test_an_overlong_60_character_text_is_reported(sample_site: Path) -> None:
    report = load_json(sample_site / "rapport/byggerapport.json")
    long = [n for n in report["notes"] if n["kind"] == "text60-too-long"]
    assert len(long) == 1 and long[0]["file"] == "Prosedyrekoder 2017.xlsx" and long[0]["cell"].startswith("D")


def test_headers_are_matched_loosely() -> None:
    exact = {"Kort tekst": "text60", "Gyldig fra": "valid_from", "Til dato": "valid_to", "Tilleggskode": "addon",
             "KJØNN": "gender", "Omfatter": "inclusion", "Ekskluderer": "exclusion", "Kommentar": "note",
             "Rapporteres til NPR": "npr"}
    assert {h: header_role(h) for h in exact} == exact
    loose = {"Tekst, maks 60 tegn": "text60", "Gyldig fra dato (f.o.m.)": "valid_from", "Gyldig t.o.m.": "valid_to",
             "Er tilleggskode?": "addon", "Kjønnsspesifikk (K/M)": "gender", "Inklusive merknader": "inclusion",
             "Eksklusjoner": "exclusion", "Merknad til koden": "note", "NPR-rapportering": "npr"}
    assert {h: loose_role(h) for h in loose} == loose
    assert loose_role("Tekst") is None and loose_role("AAB60") is None


def test_values_are_brought_to_one_form() -> None:
    where, notes = Location("f.xlsx", 2, "E2"), []
    for raw, iso in [("2017-01-01", "2017-01-01"), ("1.1.2017", "2017-01-01"), ("31.12.2017", "2017-12-31"),
                     ("20170101", "2017-01-01"), ("2017-01-01T00:00:00", "2017-01-01"), ("2016", "2016-01-01")]:
        assert normalise_detail("valid_from", raw, where, notes) == iso
    assert normalise_detail("valid_to", "2016", where, notes) == "2016-12-31"
    assert [normalise_detail("npr", v, where, notes) for v in ("J", "n", "1", "0", "X", "Ja", "Nei")] == [
        "true", "false", "true", "false", "true", "true", "false"]
    assert [normalise_detail("gender", v, where, notes) for v in ("K", "mann", "N")] == ["female", "male", "any"]
    assert details_json((("addon", "true"), ("valid_to", "2017-12-31"))) == {"addon": True, "valid_to": "2017-12-31"}
    assert notes == []


@pytest.mark.parametrize(("role", "value", "problem"), [
    ("valid_from", "snart", "not a date"), ("valid_to", "31.02.2017", "not a date"),
    ("addon", "kanskje", "not a yes/no value"), ("gender", "X", "gender column"),
])
def test_bad_values_stop_the_build_naming_the_cell(tmp_path: Path, role: str, value: str, problem: str) -> None:
    header = {"valid_from": "Gyldig fra", "valid_to": "Gyldig til", "addon": "Tilleggskode", "gender": "Kjønn"}[role]
    path = tmp_path / "bok.xlsx"
    book = Workbook()
    book.active.append(["Kode", "Tekst", header])
    good = {"valid_from": "2017", "valid_to": "2017", "addon": "J", "gender": "K"}[role]
    book.active.append(["JKA21", "Laparoskopisk kolecystektomi", good])
    book.active.append(["JKA20", "Kolecystektomi", value])
    book.save(path)
    with pytest.raises(InputError) as info:
        read_file(FileSpec(path, "bok.xlsx", "NCSP"))
    assert info.value.where == Location("bok.xlsx", 3, "C3") and problem in info.value.message


def test_the_manifest_can_name_the_columns(tmp_path: Path) -> None:
    path = tmp_path / "l.txt"
    path.write_text("Kode\tTekst\tTil NPR\tFra\nJKA21\tLaparoskopisk kolecystektomi\tJ\t01.01.2016\n", encoding="utf-8")
    spec = FileSpec(path, "l.txt", "NCSP", columns={"npr": "til npr", "valid_from": "D"})
    row = read_file(spec).rows[0]
    assert row.get("npr") == "true" and row.get("valid_from") == "2016-01-01"


def test_changes_in_optional_columns_are_not_text_changes(tmp_path: Path) -> None:
    lines = {2016: "JKA21\tLaparoskopisk kolecystektomi\tN\tSe JKA20\n", 2017: "JKA21\tLaparoskopisk kolecystektomi\tJ\t\n"}
    entries = []
    for year, line in lines.items():
        (tmp_path / f"{year}.txt").write_text("Kode\tTekst\tTilleggskode\tMerknad\n" + line + "JKA20\tKolecystektomi\tN\t\n", encoding="utf-8")
        entries.append(f"  - year: {year}\n    files: [{{path: {year}.txt, system: NCSP}}]")
    manifest = tmp_path / "releases.yaml"
    manifest.write_text("releases:\n" + "\n".join(entries) + "\n", encoding="utf-8")
    assert build_site(tmp_path / "site", manifest) == 0
    versions = load_json(tmp_path / "site/api/kode/JKA21.json")["versions"]
    assert [v["addon"] for v in versions] == [False, True] and "note" not in versions[1]
    changes = load_json(tmp_path / "site/api/endringer/2017.json")
    assert "JKA21" not in str(changes)
    assert "Endret tekst" not in " ".join(parse_page(tmp_path / "site/kode/JKA21/index.html").text)
