"""Real builds of small manifests into temporary folders, checked through the files they write."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main
from generator.output.write import OutputClash, SiteWriter

from .helpers import ROOT, build_site, load_json, parse_page, project_copy, tree_bytes

RELEASES = {
    2015: {
        "ncsp.txt": ("cp1252", "JKA 20\tKolecystektomi\nJKA21\tLaparoskopisk kolecystektomi\nJKA99\tAnnen operasjon på galleblære\nAA027\tNasjonal kode for trykkmåling\n"),
        "ncmp.txt": ("utf-8", "AAFE00\tElektroencefalografi (EEG)\n"),
    },
    2016: {
        "ncsp.txt": ("utf-8", "JKA20\tKolecystektomi\nJKA21\tLaparoskopisk  kolecystektomi, total\nJKB00\tNy kode for galleveier\n"),
    },
    2017: {
        "ncsp.txt": ("utf-8", "JKA20\tKolecystektomi\nJKA21\tLaparoskopisk kolecystektomi, total\nJKA99\tAnnen operasjon på galleblære\nJKB00\tNy kode for galleveier\n"),
        "ncmp.txt": ("utf-8", "AAFE00\tElektroencefalografi (EEG)\n"),
    },
}


def write_manifest(folder: Path, releases: dict = RELEASES) -> Path:
    lines = ["releases:"]
    for year, files in releases.items():
        lines += [f"  - year: {year}", "    files:"]
        for name, (encoding, text) in files.items():
            path = folder / f"{year}-{name}"
            path.write_bytes(text.encode(encoding))
            system = "NCMP" if "ncmp" in name else "NCSP"
            lines.append(f"      - {{path: {path.name}, system: {system}}}")
    manifest = folder / "releases.yaml"
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return manifest


@pytest.fixture(scope="module")
def mini_site(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("mini")
    manifest = write_manifest(folder)
    assert build_site(folder / "site", manifest) == 0
    return folder / "site"


def test_every_code_has_a_page_and_json(mini_site: Path) -> None:
    for code in ["JKA20", "JKA21", "JKA99", "JKB00", "AA027", "AAFE00"]:
        page = parse_page(mini_site / "kode" / code / "index.html")
        assert "".join(page.h1).startswith(code)
        assert load_json(mini_site / "api" / "kode" / f"{code}.json")["code"] == code


def test_json_twin_has_one_version_per_release(mini_site: Path) -> None:
    doc = load_json(mini_site / "api/kode/JKA21.json")
    assert doc == {
        "code": "JKA21",
        "system": "NCSP",
        "active": True,
        "versions": [
            {"year": 2015, "text": "Laparoskopisk kolecystektomi"},
            {"year": 2016, "text": "Laparoskopisk kolecystektomi, total"},
            {"year": 2017, "text": "Laparoskopisk kolecystektomi, total"},
        ],
    }
    assert load_json(mini_site / "api/kode/AAFE00.json")["versions"] == [
        {"year": 2015, "text": "Elektroencefalografi (EEG)"},
        {"year": 2017, "text": "Elektroencefalografi (EEG)"},
    ]


def test_code_page_shows_text_changes_and_gaps(mini_site: Path) -> None:
    text = " ".join(parse_page(mini_site / "kode/JKA21/index.html").text)
    assert "Endret tekst" in text and "Gyldig i 2017 (nyeste utgave her)" in text
    back = " ".join(parse_page(mini_site / "kode/JKA99/index.html").text)
    assert "Ikke med i utgaven" in back and "Gyldig igjen" in back
    # NCMP has no file in 2016: that release says nothing about AAFE00.
    eeg = " ".join(parse_page(mini_site / "kode/AAFE00/index.html").text)
    assert "Ikke med i utgaven" not in eeg


def test_expired_code_keeps_its_page(tmp_path: Path) -> None:
    releases = {2016: RELEASES[2016], 2017: {"ncsp.txt": ("utf-8", "JKA20\tKolecystektomi\n")}}
    assert build_site(tmp_path / "site", write_manifest(tmp_path, releases)) == 0
    page = " ".join(parse_page(tmp_path / "site/kode/JKB00/index.html").text)
    assert "Utgått fra 2017" in page and "Siste utgave med koden er 2016" in page
    assert load_json(tmp_path / "site/api/kode/JKB00.json")["active"] is False
    group = " ".join(parse_page(tmp_path / "site/ncsp/JKB/index.html").text)
    assert "Utgåtte koder" in group and "JKB00" in group


def test_browse_pages_link_down_to_codes(mini_site: Path) -> None:
    chapter = parse_page(mini_site / "ncsp/J/index.html")
    assert "../JK/" in chapter.links
    group = parse_page(mini_site / "ncsp/JKA/index.html")
    assert "../../kode/JKA21/" in group.links
    system = parse_page(mini_site / "ncsp/index.html")
    assert "J/" in system.links and "A/" in system.links
    code = parse_page(mini_site / "kode/JKA21/index.html")
    assert {"../../ncsp/", "../../ncsp/J/", "../../ncsp/JK/", "../../ncsp/JKA/"} <= set(code.links)
    assert "../JKA20/" in code.links and "../JKA99/" in code.links


def test_report_counts_and_notes(mini_site: Path) -> None:
    report = load_json(mini_site / "rapport/byggerapport.json")
    years = {r["year"]: r["codes"] for r in report["releases"]}
    assert years == {2015: {"NCMP": 1, "NCSP": 4}, 2016: {"NCSP": 3}, 2017: {"NCMP": 1, "NCSP": 4}}
    kinds = {(n["kind"], n["line"]) for n in report["notes"] if n["file"].startswith("2015")}
    assert ("code-space", 1) in kinds
    shapes = [n["detail"] for n in report["notes"] if n["kind"] == "shapes"]  # the first release teaches them
    assert shapes == ["NCMP's first release, 2015, gives its codes' shapes (L a letter, D a digit): LLLLDD 1 (AAFE00)",
                      "NCSP's first release, 2015, gives its codes' shapes (L a letter, D a digit): LLLDD 3 (JKA20), "
                      "LLDDD 1 (AA027)"]
    assert any(n["kind"] == "doubled-space" and n["line"] == 2 for n in report["notes"])


def test_rebuild_is_byte_identical(mini_site: Path, tmp_path: Path) -> None:
    manifest = write_manifest(tmp_path)
    assert build_site(tmp_path / "again", manifest) == 0
    first, second = tree_bytes(mini_site), tree_bytes(tmp_path / "again")
    differing = [p for p in first if first[p] != second.get(p)]
    assert set(first) == set(second) and differing == []


BAD_INPUTS = [
    ("JKA20\tKolecystektomi\nJKA20\tAnnen tekst\n", "2017-ncsp.txt:2", "twice"),
    ("JKA20\tKolecystektomi\n\tTekst uten kode\n", "2017-ncsp.txt:2", "no code"),
    ("JKA20\tKolecystektomi\nDette er ingen kode\tTekst\n", "2017-ncsp.txt:2", "not a code"),
    (b"JKA20\tKolecystektomi\nJKA21\tdel av \x9d\n", "2017-ncsp.txt", "0x9d"),
]


@pytest.mark.parametrize("content,where,problem", BAD_INPUTS)
def test_bad_input_stops_and_keeps_the_old_site(tmp_path: Path, capsys, content, where, problem) -> None:
    good = write_manifest(tmp_path, {2017: RELEASES[2017]})
    site = tmp_path / "site"
    assert build_site(site, good) == 0
    before = tree_bytes(site)
    data = content if isinstance(content, bytes) else content.encode("utf-8")
    (tmp_path / "2017-ncsp.txt").write_bytes(data)
    assert build_site(site, good) == 1
    err = capsys.readouterr().err
    assert where in err and problem in err
    assert tree_bytes(site) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".site")) == []


def test_missing_file_is_named(tmp_path: Path, capsys) -> None:
    manifest = tmp_path / "releases.yaml"
    manifest.write_text("releases:\n  - year: 2017\n    files:\n      - {path: borte.txt, system: NCSP}\n")
    assert build_site(tmp_path / "site", manifest) == 1
    assert "borte.txt" in capsys.readouterr().err and not (tmp_path / "site").exists()


def test_same_code_same_text_twice_is_merged_and_reported(tmp_path: Path) -> None:
    releases = {2017: {"ncsp.txt": ("utf-8", "JKA20\tKolecystektomi\nJKA20\tKolecystektomi\n")}}
    assert build_site(tmp_path / "site", write_manifest(tmp_path, releases)) == 0
    notes = load_json(tmp_path / "site/rapport/byggerapport.json")["notes"]
    assert [(n["kind"], n["line"]) for n in notes if n["kind"] != "shapes"] == [("duplicate-merged", 2)]


def test_writer_refuses_two_outputs_to_one_path(tmp_path: Path) -> None:
    writer = SiteWriter(tmp_path)
    writer.write("kode/A/index.html", "x")
    with pytest.raises(OutputClash):
        writer.write("kode/A/index.html", "y")


def test_mkdocs_build_gives_the_same_site(tmp_path: Path) -> None:
    config = project_copy(tmp_path)  # the plugin reads the sample, like build_site
    assert main(["build", "--config", str(config), "--out", str(tmp_path / "ours"), "--force"]) == 0
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(tmp_path / "theirs")],
        check=True,
        cwd=ROOT,
    )
    assert tree_bytes(tmp_path / "ours") == tree_bytes(tmp_path / "theirs")


def test_mixed_encoding_file_publishes_no_mojibake(tmp_path: Path) -> None:
    """A list edited in two programs: its UTF-8 lines stay UTF-8, the others are Windows-1252."""
    lines = [("JKA20\tKolecystektomi på galleblære\n", "cp1252"), ("JKA21\tLaparoskopisk kolecystektomi, åpen\n", "utf-8"),
             ("JKB00\tNy kode for galleveier, sår\n", "cp1252"), ("JKB10\tDrenasje av gallegang, ø\n", "utf-8")]
    (tmp_path / "ncsp.txt").write_bytes(b"".join(text.encode(encoding) for text, encoding in lines))
    manifest = tmp_path / "releases.yaml"
    manifest.write_text("releases:\n  - year: 2017\n    files:\n      - {path: ncsp.txt, system: NCSP}\n", encoding="utf-8")
    site = tmp_path / "site"
    assert build_site(site, manifest) == 0
    originals = site / "nedlasting" / "2017"  # the input file itself is published unchanged, bytes as they were
    published = [p for p in site.rglob("*") if p.suffix in (".html", ".json", ".txt", ".xml") and originals not in p.parents]
    assert len(published) > 10
    assert [str(p) for p in published if "Ã" in p.read_text(encoding="utf-8")] == []
    assert load_json(site / "api/kode/JKA21.json")["versions"][0]["text"] == "Laparoskopisk kolecystektomi, åpen"
    notes = load_json(site / "rapport/byggerapport.json")["notes"]
    assert [(n["kind"], n["line"]) for n in notes if n["kind"] == "mixed-encoding"] == [("mixed-encoding", 2), ("mixed-encoding", 4)]


def test_report_names_files_relative_to_the_manifest(tmp_path: Path) -> None:
    """The published report never shows the builder's own folders, even for a path given absolute."""
    (tmp_path / "lists").mkdir()
    (tmp_path / "lists" / "ncsp.txt").write_text("JKA 20\tKolecystektomi\n", encoding="utf-8")
    absolute = tmp_path / "lists" / "ncmp.txt"
    absolute.write_text("AAFE00\t Elektroencefalografi\n", encoding="utf-8")
    manifest = tmp_path / "releases.yaml"
    manifest.write_text("releases:\n  - year: 2017\n    files:\n      - {path: lists/ncsp.txt, system: NCSP}\n"
                        f"      - {{path: '{absolute}', system: NCMP}}\n", encoding="utf-8")
    site = tmp_path / "site"
    assert build_site(site, manifest) == 0
    report = load_json(site / "rapport/byggerapport.json")
    assert {n["file"] for n in report["notes"]} == {"lists/ncsp.txt", "ncmp.txt"}
    for name in ("rapport/byggerapport.json", "rapport/byggerapport.txt", "nedlasting/index.html"):
        assert str(tmp_path) not in (site / name).read_text(encoding="utf-8"), name
