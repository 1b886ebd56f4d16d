"""Official change documents listed in the manifest: shown on change pages, held against the code lists."""

from __future__ import annotations

from pathlib import Path

from .helpers import build_site, load_json, parse_page

CODES = {
    2016: "JKA20\tKolecystektomi\nJKA21\tLaparoskopisk kolecystektomi\nJKA30\tGammel kode\n",
    2017: "JKA20\tKolecystektomi\nJKA21\tLaparoskopisk kolecystektomi, total\nJKA31\tNy kode\n",
}
DOCUMENT = (
    "Kode;Endringstype;Kodetekst;Erstattet av\n"
    "JKA31;NY;Ny kode;\n"
    "JKA30;Utgår;Gammel kode;JKA31\n"
    "JKA20;ENDRET;Kolecystektomi;\n"
)


def write_inputs(folder: Path, document: str = DOCUMENT) -> Path:
    for year, text in CODES.items():
        (folder / f"ncsp-{year}.txt").write_text(text, encoding="utf-8")
    (folder / "endringer-2017.csv").write_text(document, encoding="utf-8")
    manifest = folder / "releases.yaml"
    manifest.write_text(
        "releases:\n"
        "  - year: 2016\n    files: [{path: ncsp-2016.txt, system: NCSP}]\n"
        "  - year: 2017\n    files:\n"
        "      - {path: ncsp-2017.txt, system: NCSP}\n"
        "      - {path: endringer-2017.csv, system: NCSP, kind: changes}\n",
        encoding="utf-8",
    )
    return manifest


def test_entries_show_on_the_change_page(tmp_path: Path) -> None:
    assert build_site(tmp_path / "site", write_inputs(tmp_path)) == 0
    page = parse_page(tmp_path / "site/endringer/2017/index.html")
    text = " ".join(page.text)
    assert "Offisielt endringsdokument (3)" in text
    assert "Stemmer ikke" in text and text.count("Stemmer") == 3
    assert "../../kode/JKA31/" in page.links and "../../kode/JKA30/" in page.links


def test_disagreements_are_in_the_report(tmp_path: Path) -> None:
    assert build_site(tmp_path / "site", write_inputs(tmp_path)) == 0
    notes = load_json(tmp_path / "site/rapport/byggerapport.json")["notes"]
    found = {(n["kind"], n["file"], n["line"]) for n in notes if n["kind"].startswith("official")}
    assert ("official-disagrees", "endringer-2017.csv", 4) in found  # JKA20: no change in the lists
    assert ("official-missing", "endringer-2017.csv", 0) in found  # JKA21's text change is not listed
    assert len(found) == 2


def test_unknown_change_type_stops_the_build(tmp_path: Path, capsys) -> None:
    manifest = write_inputs(tmp_path, "Kode;Endringstype\nJKA31;KANSKJE\n")
    assert build_site(tmp_path / "site", manifest) == 1
    err = capsys.readouterr().err
    assert "endringer-2017.csv:2" in err and "KANSKJE" in err
