"""The official FAT/FinnKode exports in all five download formats, written here from the real 2016 and 2017 lists."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.build import prepare
from generator.inputs import readers
from generator.inputs.diagnostics import InputError
from generator.inputs.readers import read_file
from generator.inputs.readers.base import FileSpec

from . import fat_export
from .fat_export import FORMATS, export_rows, heading_text, real_lists, write_export

# The real 2017 list has TSJWM (TSJ0WM without its 0), the first NCRP code of its shape: meant, as published.
ROWS_2016_2017 = ("releases:\n  - year: 2016\n    files: [{path}]\n  - year: 2017\n    new_shapes: [TSJWM]\n"
                  "    files: [{path}]\n")


def manifest(folder: Path, export: Path, text: str = ROWS_2016_2017, name: str | None = None) -> Path:
    path = folder / (name or f"{export.stem}.yaml")
    path.write_text(text.format(path=json.dumps(export.name)), encoding="utf-8")
    return path


def digest(project) -> dict:
    """What a build takes from its inputs: every version, every change and every chapter and group name."""
    versions = {c.code: [(v.year, v.system, v.text, v.details) for v in c.versions] for c in project.catalogue.codes}
    changes = {(r.year, s.system, c.change, c.code): (c.before, c.after)
               for r in project.releases for s in r.systems for c in s.changes}
    names = {key: node.name for key, node in project.hierarchy.nodes.items()}
    counts = {r.year: dict(r.counts) for r in project.catalogue.releases}
    return {"versions": versions, "changes": changes, "names": names, "counts": counts}


@pytest.fixture(scope="module")
def exports(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("exports")
    rows = export_rows()
    return {fmt: write_export(rows, fmt, folder) for fmt in FORMATS}


@pytest.fixture(scope="module")
def digests(exports) -> dict[str, dict]:
    return {fmt: digest(prepare(manifest(path.parent, path))) for fmt, path in exports.items()}


def test_the_five_formats_are_really_different_files(exports) -> None:
    heads = {fmt: path.read_bytes()[:120] for fmt, path in exports.items()}
    assert heads["json"].startswith(b"[") and heads["xlsx"].startswith(b"PK")
    assert heads["tab"].startswith(b"\xef\xbb\xbfKode\t") and b'"Kode";"Tekst med' in heads["semicolon"]
    assert heads["pipe"].startswith(b"Kode|Tekst med maksimalt 60 tegn|")
    assert b"T00:00:00" in exports["pipe"].read_bytes()[:2000] and b'"01.01.1999"' in exports["semicolon"].read_bytes()


@pytest.mark.parametrize("fmt", FORMATS[1:])
def test_each_format_gives_the_same_releases_and_changes(digests, fmt: str) -> None:
    assert digests[fmt] == digests["json"]


def test_each_release_holds_the_real_list_of_its_year(digests) -> None:
    y16, y17, _ = real_lists()
    versions = digests["json"]["versions"]
    for year, real in ((2016, y16), (2017, y17)):
        held = {code: (v[1], v[2]) for code, vs in versions.items() for v in vs if v[0] == year}
        assert held == real, year


def test_the_changes_are_those_of_the_real_lists(digests) -> None:
    y16, y17, _ = real_lists()
    changes = {(kind, code) for year, _, kind, code in digests["json"]["changes"] if year == 2017}
    expected = {("new", c) for c in set(y17) - set(y16)} | {("expired", c) for c in set(y16) - set(y17)}
    expected |= {("text", c) for c in set(y16) & set(y17) if y16[c][1] != y17[c][1]}
    assert changes == expected
    assert (len(set(y17) - set(y16)), len(set(y16) - set(y17))) == (256, 164)


def test_headings_name_groups_and_are_never_codes(digests) -> None:
    versions, names = digests["json"]["versions"], digests["json"]["names"]
    headings = {r.code for r in export_rows() if len(r.code) < 3}
    assert headings and not headings & set(versions)
    assert names[("NCSP", "JK")] == heading_text("NCSP", "JK")
    assert names[("NCRP", "A")] == heading_text("NCRP", "A")


def test_future_codes_and_codes_expired_long_ago_are_not_in_the_releases(digests) -> None:
    _, _, old = real_lists()
    versions = digests["json"]["versions"]
    assert not set(fat_export.FUTURE) & set(versions)
    gone = {r.code for r in export_rows() if r.end and r.end.year == 2006}
    assert len(gone) > 100 and gone <= set(old) and not gone & set(versions)


def test_the_full_text_is_the_text_and_the_60_character_text_a_detail(digests) -> None:
    versions = digests["json"]["versions"]
    long = [code for code, vs in versions.items() if len(vs[-1][2]) > 60]
    assert len(long) > 1000
    for code in long[:50]:
        details = dict(versions[code][-1][3])
        assert details["text60"] == versions[code][-1][2][:60].rstrip() or code in fat_export.short_changed_codes()
    short = [code for code, vs in versions.items() if len(vs[-1][2]) <= 60]
    assert all("text60" not in dict(versions[code][-1][3]) for code in short)


def test_a_new_60_character_text_is_no_text_change(digests) -> None:
    codes = fat_export.short_changed_codes()
    assert len(codes) == fat_export.SHORT_CHANGED
    versions, changes = digests["json"]["versions"], digests["json"]["changes"]
    for code in codes:
        before, after = versions[code]
        assert before[2] == after[2] and dict(before[3])["text60"] != dict(after[3])["text60"]
        assert not any(key[3] == code for key in changes)


def test_validity_dates_reach_the_details(digests) -> None:
    y16, y17, _ = real_lists()
    ended = sorted(set(y16) - set(y17))[0]
    assert dict(digests["json"]["versions"][ended][-1][3])["valid_to"] == "2016-12-31"


def test_one_export_is_read_once_for_all_its_releases(exports, monkeypatch) -> None:
    calls = []
    real = readers.json_records
    monkeypatch.setattr(readers, "json_records", lambda spec: calls.append(spec.valid_on) or real(spec))
    project = prepare(manifest(exports["json"].parent, exports["json"], name="once.yaml"))
    assert [r.year for r in project.catalogue.releases] == [2016, 2017] and calls == ["2016-01-01"]


def test_valid_on_takes_the_codes_of_another_date(exports) -> None:
    text = "releases:\n  - year: 2031\n    valid_on: 2030-06-01\n    files: [{path}]\n"
    project = prepare(manifest(exports["tab"].parent, exports["tab"], text, "future.yaml"))
    codes = {c.code for c in project.catalogue.codes}
    assert set(fat_export.FUTURE) <= codes and len(codes) == 8640 + len(fat_export.FUTURE)


def test_kodeverk_decides_over_the_manifest(exports) -> None:
    text = "releases:\n  - year: 2017\n    files:\n      - path: {path}\n        system: NCSP\n"
    project = prepare(manifest(exports["pipe"].parent, exports["pipe"], text, "system.yaml"))
    assert dict(project.catalogue.releases[0].counts) == {"NCMP": 756, "NCRP": 1346, "NCSP": 6538}


def test_the_report_accounts_for_the_rows_not_taken(exports) -> None:
    project = prepare(manifest(exports["json"].parent, exports["json"], name="report.yaml"))
    kinds = {(n.kind, n.detail.split(" ")[0]) for n in project.notes if n.kind.startswith("export-")}
    headings = sum(1 for r in export_rows() if len(r.code) < 3)
    assert ("export-heading", str(headings)) in kinds and ("export-future", "2") in kinds
    assert any(kind == "export-ended" for kind, _ in kinds)


def _spec(path: Path, on: str = "2017-01-01") -> FileSpec:
    return FileSpec(path, path.name, valid_on=on)


@pytest.mark.parametrize("content, message", [
    ('{"Kode": "AAA00"}', "expected a JSON array of objects (one per code), not a JSON object"),
    ('[{"Kode": "AAA00", "Tekst_uten_lengdebegrensning": "x"}, 17]', "item 2 of the array is a JSON number"),
    ('[{"Kode": "AAA00",\n "Tekst": }]', "bad.json:2: not valid JSON"),
    ("[]", "no code rows found"),
])
def test_a_json_that_is_not_an_array_of_objects_is_refused(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match="bad.json") as caught:
        read_file(_spec(path))
    assert message in str(caught.value)


def _json_rows(path: Path, rows: list[dict]) -> Path:
    path.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return path


def _row(code: str, start: str | None, end: str | None, parent: str | None = "AA") -> dict:
    return {"Kode": code, "Tekst_uten_lengdebegrensning": f"Tekst {code}", "Gyldig_fra": start, "Gyldig_til": end,
            "Foreldrekode": parent, "Kodeverk": "NCSP"}


def test_valid_to_before_valid_from_is_refused_naming_line_and_code(tmp_path: Path) -> None:
    path = _json_rows(tmp_path / "dates.json", [_row("AA", None, None, None), _row("AAA00", "2010-01-01T00:00:00", None),
                                                 _row("AAA10", "2012-01-01T00:00:00", "2011-12-31T00:00:00")])
    with pytest.raises(InputError) as caught:
        read_file(_spec(path))
    assert str(caught.value).startswith("dates.json:18 (Gyldig_til): code AAA10: valid to 2011-12-31 is before")


def test_no_code_valid_on_the_date_is_refused(tmp_path: Path) -> None:
    path = _json_rows(tmp_path / "old.json", [_row("AA", None, None, None), _row("AAA00", "1999-01-01", "2004-12-31"),
                                              _row("AAA10", "2020-01-01", None)])
    with pytest.raises(InputError) as caught:
        read_file(_spec(path, "2010-01-01"))
    assert str(caught.value) == ("old.json: no code is valid on 2010-01-01 "
                                 "(2 code rows: the earliest valid from 1999-01-01, the latest valid to 2004-12-31)")


def test_a_date_that_is_no_date_is_refused_naming_the_cell(tmp_path: Path) -> None:
    path = _json_rows(tmp_path / "when.json", [_row("AA", None, None, None), _row("AAA00", "i fjor", None)])
    with pytest.raises(InputError, match=r"when\.json:10 \(Gyldig_fra\): not a date: 'i fjor'"):
        read_file(_spec(path))


def test_unknown_columns_are_ignored_and_columns_maps_unseen_names(tmp_path: Path) -> None:
    text = "Nummer\tBeskrivelse lang\tFra\tTil\tOver\tUkjent\nA\tKapittel A\t\t\t\tx\nAAA00\tTekst\t01.01.2015\t\tA\ty\n"
    path = tmp_path / "odd.txt"
    path.write_bytes(text.encode("cp1252"))
    columns = {"code": "Nummer", "text": "Beskrivelse lang", "valid_from": "Fra", "valid_to": "Til", "parent": "Over"}
    result = read_file(FileSpec(path, path.name, system="NCSP", columns=columns, valid_on="2016-01-01"))
    assert [(r.code, r.text, r.system) for r in result.rows] == [("AAA00", "Tekst", "NCSP")]
    assert [(h.key, h.text) for h in result.headings] == [("A", "Kapittel A")]


def test_a_heading_names_its_group_as_the_newest_release_has_it(tmp_path: Path) -> None:
    rows = [_row("A", None, None, None), {**_row("AA", None, "2016-12-31", "A"), "Tekst_uten_lengdebegrensning": "Gammelt navn"},
            {**_row("AA", "2017-01-01", None, "A"), "Tekst_uten_lengdebegrensning": "Nytt navn"}, _row("AAA00", None, None)]
    path = _json_rows(tmp_path / "names.json", rows)
    one = prepare(manifest(tmp_path, path, "releases:\n  - year: 2016\n    files: [{path}]\n", "one.yaml"))
    text = "releases:\n  - year: 2016\n    files: [{path}]\n  - year: 2017\n    files: [{path}]\n"
    both = prepare(manifest(tmp_path, path, text, "both.yaml"))
    assert one.hierarchy.nodes[("NCSP", "AA")].name == "Gammelt navn" and one.hierarchy.nodes[("NCSP", "A")].name == "Tekst A"
    assert both.hierarchy.nodes[("NCSP", "AA")].name == "Nytt navn"
    assert {c.code for c in both.catalogue.codes} == {"AAA00"}


def test_each_way_of_writing_a_date_reads_the_same(tmp_path: Path) -> None:
    written = ["2017-01-01", "2017-01-01T00:00:00", "2017-01-01T00:00:00.000", "01.01.2017", "2017-01-01 00:00:00"]
    rows = [_row("AA", None, None, None)] + [_row(f"AAA{i}0", when, None) for i, when in enumerate(written)]
    result = read_file(_spec(_json_rows(tmp_path / "dates.json", rows), "2017-01-01"))
    assert [r.get("valid_from") for r in result.rows] == ["2017-01-01"] * len(written)
    with pytest.raises(InputError, match="no code is valid on 2016-12-31"):
        read_file(_spec(tmp_path / "dates.json", "2016-12-31"))


def test_a_valid_on_that_is_no_date_stops_the_manifest(tmp_path: Path) -> None:
    path = _json_rows(tmp_path / "one.json", [_row("AA", None, None, None), _row("AAA00", None, None)])
    text = "releases:\n  - year: 2017\n    valid_on: snart\n    files: [{path}]\n"
    with pytest.raises(InputError, match=r"release 2017\): 'valid_on' must be a date such as 2018-01-01, not 'snart'"):
        prepare(manifest(tmp_path, path, text, "bad-date.yaml"))
