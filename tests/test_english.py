"""The English NCSP texts (Nordic common version): read, carried along moves, shown on code pages and in JSON.

A real build of the small sample with an English file written here, the
reader's refusals with their file and line, and the real corpus's figures.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import jsonschema
import pytest

from generator.build import prepare
from generator.inputs.diagnostics import InputError
from generator.inputs.english import read_english

from .helpers import REAL_MANIFEST, build_site, load_json, sample_manifest

ROW = '1995/10/01;1996/01/01;/  /;F;"";"{code}";{headline};"{text}";"{text_2}";"{text}";"";T;"{english}";""'


def row(code: str, text: str, headline: str = "F", text_2: str = "", english: str | None = None) -> str:
    """A row as the Nordic file writes it: 14 fields, texts in double quotes."""
    return ROW.format(code=code, headline=headline, text=text, text_2=text_2,
                      english=text if english is None else english)


ENGLISH = "\n".join([
    '2002/05/24;1996/01/01;/  /;F;"";"";F;"No corresponding code";"";"";"";F;"";""',
    row("JKA21", "Laparoscopic cholecystectomy"),
    row("EMB10", "Tonsillectomy", text_2="Tonsillectomy"),  # TEXT_2 repeats TEXT
    row("ACC51", "Release of peripheral nerve; median nerve at wrist"),  # `;` inside the quotes
    row("TAB00", "Lumbar puncture"),  # moved to ABT00 in 2016: ABT00 gets it from TAB00
    row("JKA", "Operations on gallbladder and bile ducts", headline="T"),  # a heading, not a code
    row("JEA00", "Appendicectomy;  open"),  # doubled space: cleaned and counted
    row("JDF21", "Laparoscopic sleeve resection of stomach with duodenal", english="Laparoscopic sleeve resection "
        "of stomach with duodenal switch"),  # TEXT cut short: ENGLISH is the whole text
    row("QQQ99", "A code of the Nordic version only"),  # in no release of the site
]) + "\n"


def sample_with_english(folder: Path, english: str | bytes) -> Path:
    """A copy of the small sample whose manifest names an English file with this content."""
    shutil.copytree(sample_manifest().parent, folder)
    (folder / "english").mkdir()
    data = english.encode("cp1252") if isinstance(english, str) else english
    (folder / "english" / "eng_ncsp_koo.txt").write_bytes(data)
    manifest = folder / "releases.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + "english: english/eng_ncsp_koo.txt\n", encoding="utf-8")
    return manifest


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("english")
    out = folder / "site"
    assert build_site(out, sample_with_english(folder / "input", ENGLISH)) == 0
    return out


def test_code_page_shows_its_own_english_text(site: Path) -> None:
    html = (site / "kode/JKA21/index.html").read_text(encoding="utf-8")
    assert '<th scope="row">Engelsk tekst (nordisk felles versjon)</th><td><span lang="en">Laparoscopic ' \
           'cholecystectomy</span></td>' in html
    acc = (site / "kode/ACC51/index.html").read_text(encoding="utf-8")
    assert '<span lang="en">Release of peripheral nerve; median nerve at wrist</span>' in acc
    assert "Operations on gallbladder" not in (site / "kode/JKA20/index.html").read_text(encoding="utf-8")


def test_moved_code_carries_its_predecessors_text_and_says_so(site: Path) -> None:
    html = (site / "kode/ABT00/index.html").read_text(encoding="utf-8")
    assert ('<span lang="en">Lumbar puncture</span> <span class="nkpk-english-from">(overført fra '
            '<a href="../TAB00/">TAB00</a>)</span>') in html
    assert load_json(site / "api/kode/ABT00.json")["english"] == {"text": "Lumbar puncture", "from": "TAB00"}
    assert load_json(site / "api/kode/TAB00.json")["english"] == {"text": "Lumbar puncture"}


def test_json_twin_has_the_english_text_only_where_there_is_one(site: Path) -> None:
    assert load_json(site / "api/kode/JKA21.json")["english"] == {"text": "Laparoscopic cholecystectomy"}
    assert load_json(site / "api/kode/JEA00.json")["english"] == {"text": "Appendicectomy; open"}
    assert load_json(site / "api/kode/JDF21.json")["english"]["text"].endswith("with duodenal switch")
    assert load_json(site / "api/kode/EMB10.json")["english"] == {"text": "Tonsillectomy"}
    assert "english" not in load_json(site / "api/kode/JKA20.json")
    assert "Engelsk tekst" not in (site / "kode/JKA20/index.html").read_text(encoding="utf-8")


def test_every_code_json_matches_the_published_schema(site: Path) -> None:
    schema = load_json(site / "api/schema/kode.schema.json")
    validator = jsonschema.validators.validator_for(schema)(schema)
    files = sorted((site / "api/kode").glob("*.json"))
    assert sum("english" in load_json(f) for f in files) == 7  # JKA21 EMB10 ACC51 TAB00 ABT00 JEA00 JDF21
    for path in files:
        validator.validate(load_json(path))
    with pytest.raises(jsonschema.ValidationError):
        validator.validate({**load_json(site / "api/kode/JKA21.json"), "english": {"text": "x", "fra": "TAB00"}})


def test_report_counts_headings_the_row_without_code_and_cleaning(site: Path) -> None:
    report = load_json(site / "rapport/byggerapport.json")
    notes = [n for n in report["notes"] if n["file"] == "english/eng_ncsp_koo.txt"]
    kinds = {(n["line"], n["kind"]) for n in notes}
    assert kinds == {(1, "english-no-code"), (3, "english-repeated"), (6, "english-heading"), (7, "doubled-space"),
                     (8, "english-completed"), (9, "english-unused")}
    valid = report["releases"][-1]["codes"]["NCSP"]
    assert report["totals"]["english"] == {"rows": 9, "own": 6, "carried": 1, "valid_ncsp": valid,
                                           "valid_ncsp_with_text": 6}  # TAB00 expired, ABT00 carries its text
    text = (site / "rapport/byggerapport.txt").read_text(encoding="utf-8")
    assert "English texts: 9 rows; 6 codes with their own, 1 carried from a moved code" in text
    assert "english/eng_ncsp_koo.txt:6 (JKA): english-heading" in text


BAD_ROWS = [
    (row("JKA21", "Laparoscopic cholecystectomy") + ';""', 2, "expected 14 fields separated by ';', found 15"),
    (row("JKA21", "Laparoscopic cholecystectomy").replace('"Lap', 'Lap', 1), 2, "unbalanced double quote"),
    (row("JKA21", "Laparoscopic cholecystectomy", headline="Y"), 2, "HEADLINE) must be T or F"),
    (row("jka 21", "Laparoscopic cholecystectomy"), 2, "must be capital letters and digits"),
    (row("EMB10", "Tonsillotomy"), 2, "code EMB10 is given twice (also line 1)"),
]


@pytest.mark.parametrize("bad, line, problem", BAD_ROWS)
def test_malformed_row_is_refused_with_file_and_line(tmp_path: Path, bad: str, line: int, problem: str) -> None:
    path = tmp_path / "eng.txt"
    path.write_text(row("EMB10", "Tonsillectomy") + "\n" + bad + "\n" + row("JKA20", "Cholecystectomy") + "\n",
                    encoding="cp1252")
    with pytest.raises(InputError) as caught:
        read_english(path, "english/eng.txt")
    assert caught.value.where.file == "english/eng.txt" and caught.value.where.line == line
    assert problem in caught.value.message


def test_undecodable_byte_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "eng.txt"
    path.write_bytes((row("EMB10", "Tonsillectomy") + "\n").encode() + row("JKA20", "Chole\x81").encode("latin-1"))
    with pytest.raises(InputError, match=r"english/eng.txt:2: undecodable byte 0x81"):
        read_english(path, "english/eng.txt")


def test_malformed_file_stops_the_build_and_keeps_the_old_site(site: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "site"
    shutil.copytree(site, out)
    before = (out / "kode/JKA21/index.html").read_bytes()
    broken = ENGLISH.replace(row("TAB00", "Lumbar puncture"), row("TAB00", "Lumbar puncture") + ";F")
    assert build_site(out, sample_with_english(tmp_path / "input", broken)) == 1
    assert "english/eng_ncsp_koo.txt:5: expected 14 fields separated by ';', found 15" in capsys.readouterr().err
    assert (out / "kode/JKA21/index.html").read_bytes() == before


def test_real_corpus_english_texts() -> None:
    project = prepare(REAL_MANIFEST)
    english = project.english
    valid = [c for c in project.catalogue.codes if c.active and c.system == "NCSP"]
    own = [c for c in valid if c.code in english and english[c.code].source is None]
    carried = [c for c in valid if c.code in english and english[c.code].source is not None]
    assert (len(valid), len(own), len(carried)) == (6538, 5947, 324)
    assert english["JKA21"].text == "Laparoscopic cholecystectomy" and english["EMB10"].text == "Tonsillectomy"
    assert (english["JUF32"].text, english["JUF32"].source) == ("Coloscopy", "UJF32")
    assert english["PEU80"].text.endswith("infrapopliteal arteries")  # TEXT cut at 125 characters: ENGLISH taken
    assert english["JAL24"].text.startswith("Laparoscopic")  # ENGLISH is the older text there: TEXT kept
    assert not any(c.system != "NCSP" for c in project.catalogue.codes if c.code in english)
    counts = project.report["note_counts"]
    assert (counts["english-heading"], counts["english-no-code"], counts["english-unused"]) == (3, 1, 512)
    assert project.report["totals"]["english"]["valid_ncsp_with_text"] == 6271
