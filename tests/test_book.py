"""The 1998 book layout: reading the real book, names and notes on pages, cross-references, book views."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.model.references import find_refs
from generator.inputs.diagnostics import InputError, Location
from generator.inputs.readers import read_file
from generator.inputs.readers.base import FileSpec
from generator.inputs.readers.book import BookResult

from .helpers import ROOT, build_site, load_json, parse_page

BOOK_MANIFEST = ROOT / "tests" / "manifests" / "book.yaml"


@pytest.fixture(scope="module")
def real_book(real_dir: Path) -> BookResult:
    spec = FileSpec(real_dir / "ncsp_1298.txt", "ncsp_1298.txt", "NCSP", kind="book")
    result = read_file(spec)
    assert isinstance(result, BookResult)
    return result


def _headings(book: BookResult) -> dict[str, tuple[int, str]]:
    return {line.key: (line.where.line, line.text) for line in book.lines if line.kind == "heading"}


def _notes(book: BookResult) -> list[tuple[int, str, str]]:
    return [(line.where.line, line.key, line.text) for line in book.lines if line.kind == "note"]


@pytest.mark.real
def test_real_book_chapters_have_their_names(real_book: BookResult) -> None:
    chapters = {k: v[1] for k, v in _headings(real_book).items() if len(k) == 1}
    assert list(chapters) == list("ABCDEFGHJKLMNPQTUXYZ")
    assert chapters["A"] == "Nervesystemet" and chapters["C"] == "Øyet og øyeregionen"  # Ø from DOS byte 0x9D
    assert chapters["K"] == "Urinorganer, mannlige genitalia og retroperitonealrommet"  # name over two lines


@pytest.mark.real
def test_real_book_groups_take_their_names_from_headings_not_contents(real_book: BookResult) -> None:
    headings = _headings(real_book)
    assert headings["AA"] == (9, "Kranium og intrakranielle strukturer")  # line 3 is the chapter's contents
    assert headings["AAB"] == (23, "Excisjon og destruksjon av intrakranielle lesjoner")
    assert headings["AAF"][1] == "Shuntoperasjoner på hjerneventrikler og intrakranielle cyster"  # "AAF \t"
    assert headings["AB"][1] == "Spinalkanal, ryggmarg og nerverøtter"
    assert headings["FBG"][1] == "Unifokalisering ved MAPCA med implantasjon i lungearterie eller protese"
    assert sum(1 for key in headings if len(key) == 2) > 150 and sum(1 for key in headings if len(key) == 3) > 900
    kinds = {n.kind for n in real_book.notes}
    assert {"book-contents-name", "book-heading-twice", "dos-letter"} <= kinds


@pytest.mark.real
def test_real_book_notes_stand_where_they_stand_in_the_file(real_book: BookResult) -> None:
    notes = _notes(real_book)
    assert (8, "A", "Punksjon, nålebiopsi og andre mindre inngrep: Se TA") in notes  # after the contents
    assert (25, "AAB", "Traumatiske lesjoner: Se AAD") in notes
    assert (34, "AAC00", "Med bruk av clips og lignende") in notes
    assert (15, "AAA10", "Stereotaktisk intrakraniell biopsi: Se AAG 00") in notes
    assert (7879, "T", "Inklusive: Overfladisk incisjon, punksjon, aspirasjon og nålebiopsi") in notes  # two lines
    assert (196, "ACA", "ACA 1x Eksplorasjon av perifer nerve") in notes  # a code pattern belongs to its group
    assert (5044, "NA", "Sternum og ribbein: Se GA") in notes and not any(n[0] == 5032 for n in notes)
    assert (4955, "MBA10", "Eponym: Credé") in notes or any(n[2] == "Eponym: Credé" for n in notes)
    unplaced = [n for n in real_book.notes if n.kind == "book-unplaced"]
    assert [n.where.line for n in unplaced] == [8717, 8718, 8719]  # APPENDIX: outside any chapter


@pytest.mark.real
def test_real_book_codes_are_rows_and_dos_letters_are_counted(real_book: BookResult) -> None:
    rows = {row.code: row for row in real_book.rows}
    assert rows["AAB00"].text == "Ekstirpasjon av intrakraniell lesjon" and rows["AAB00"].where == Location("ncsp_1298.txt", 26)
    assert rows["CGF00"].text == "Lukning av sår i kornea med vevslim"  # å from DOS byte 0x86
    assert "AA027" in rows and not any("x" in code for code in rows)
    dos = [n for n in real_book.notes if n.kind == "dos-letter"]
    assert len(dos) == 31 and dos[0].where == Location("ncsp_1298.txt", 315)
    assert real_book.encoding == "windows-1252+dos"


def test_plain_code_lists_still_refuse_the_dos_byte(tmp_path: Path) -> None:
    path = tmp_path / "l.txt"
    path.write_bytes(b"AAA00\tKraniotomi\nCGF00\tLukning av s\x86r\nCAA00\t\x9dyelokk\n")
    with pytest.raises(InputError) as info:
        read_file(FileSpec(path, "l.txt", "NCSP"))
    assert info.value.where.line == 3 and "0x9d" in info.value.message


def test_a_book_needs_its_code_system(tmp_path: Path) -> None:
    path = tmp_path / "bok.txt"
    path.write_text("KAPITTEL A\nNervesystemet\nAAA 00\tKraniotomi\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_file(FileSpec(path, "bok.txt", None, kind="book"))
    assert "system" in info.value.message


def test_cross_references_are_found() -> None:
    text = "For skader på ansiktsskjelett: Se CAC, DHD 10-30, ECB 40, EDC 35-40"
    assert [(r.prefix, r.low, r.high) for r in find_refs(text)] == [
        ("CAC", None, None), ("DHD", "10", "30"), ("ECB", "40", None), ("EDC", "35", "40")]
    assert [r.label for r in find_refs("Se kapitlene D, F og M")] == ["D", "F", "M"]
    assert [r.label for r in find_refs("Biopsi: Se TQX 00, nålebiopsi: Se TQX 10")] == ["TQX 00", "TQX 10"]
    assert [r.label for r in find_refs("Se gruppene NAN-NHN")] == ["NAN", "NHN"]
    assert find_refs("Eksklusive: Av chalazion, se ovenfor") == () and find_refs("Se NxA") == ()


# --- a real build with the book ---------------------------------------------------


@pytest.fixture(scope="module")
def book_site(tmp_path_factory, real_dir: Path) -> Path:
    out = tmp_path_factory.mktemp("book") / "site"
    assert build_site(out, BOOK_MANIFEST) == 0
    return out


def _text(path: Path) -> str:
    return " ".join(" ".join(parse_page(path).text).split())


@pytest.mark.real
def test_names_from_the_book_show_on_browse_pages_and_in_breadcrumbs(book_site: Path) -> None:
    chapter = _text(book_site / "ncsp/A/index.html")
    assert "A Nervesystemet" in chapter and "AA Kranium og intrakranielle strukturer" not in chapter.split("Grupper")[0]
    code = parse_page(book_site / "kode/AAB00/index.html")
    crumbs = " ".join(code.text)
    assert "AAB Excisjon og destruksjon av intrakranielle lesjoner" in crumbs and "A Nervesystemet" in crumbs


@pytest.mark.real
def test_notes_and_their_links_show_where_they_belong(book_site: Path) -> None:
    group = parse_page(book_site / "ncsp/AAB/index.html")
    assert "Traumatiske lesjoner: Se AAD" in " ".join(" ".join(group.text).split()) and "../AAD/" in group.links
    code = parse_page(book_site / "kode/AAC00/index.html")
    text = " ".join(" ".join(code.text).split())
    assert "Med bruk av clips og lignende" in text and "Endovaskulære inngrep: Se AAL" in text
    assert "Teksten i boka: «Ligatur av intrakranielt aneurysme»" in text  # the code list spells it "aneurisme"
    assert "../../ncsp/AAL/" in code.links
    ranges = parse_page(book_site / "ncsp/AAD/index.html")
    assert "../DHD/" in ranges.links and "../../kode/ECB40/" in ranges.links  # Se CAC, DHD 10-30, ECB 40


@pytest.mark.real
def test_a_broken_cross_reference_is_reported_not_linked(book_site: Path) -> None:
    report = load_json(book_site / "rapport/byggerapport.json")
    broken = {(n["line"], n["kind"]) for n in report["notes"] if "'AAP'" in n["detail"]}
    assert broken == {(104, "broken-reference")}
    page = parse_page(book_site / "ncsp/AAK/index.html")
    assert "På beinvev i kranium: Se AAP" in " ".join(page.text) and not any("AAP" in link for link in page.links)
    assert all(n["file"].endswith("ncsp_1298.txt") for n in report["notes"] if n["kind"] == "broken-reference")


@pytest.mark.real
def test_the_book_view_shows_a_whole_chapter_in_order(book_site: Path) -> None:
    assert "../../bok/ncsp-A/" in parse_page(book_site / "ncsp/A/index.html").links
    page = parse_page(book_site / "bok/ncsp-A/index.html")
    text = " ".join(" ".join(page.text).split())
    order = ["Kapittel A Nervesystemet", "Se TA", "AA Kranium og intrakranielle strukturer",
             "AAB Excisjon og destruksjon", "Traumatiske lesjoner: Se AAD", "AAB00 Ekstirpasjon av intrakraniell lesjon",
             "AAC00 Ligatur av intrakranielt aneurisme", "Med bruk av clips og lignende", "AW Reoperasjoner"]
    positions = [text.index(part) for part in order]
    assert positions == sorted(positions)
    assert "hentet fra den trykte kodeboka for 1999" in text and "../../kode/AAG00/" in page.links
    assert "../../nedlasting/#fil-1999-ncsp_1298-txt" in page.links  # the book's file on the downloads page
    assert len(list((book_site / "bok").glob("ncsp-*/index.html"))) == 20


@pytest.mark.real
def test_book_rows_without_a_code_list_entry_are_reported(book_site: Path) -> None:
    report = load_json(book_site / "rapport/byggerapport.json")
    unplaced = {n["detail"] for n in report["notes"] if n["kind"] == "book-unplaced"}
    assert any(d.startswith("FLD40 is in the book") for d in unplaced)
    conflicts = {n["line"] for n in report["notes"] if n["kind"] == "book-conflict"}
    assert 8459 in conflicts  # XK0 20 twice in chapter X with two texts


# --- small books: codes from a book, which name and which notes win ------------------

OLD_BOOK = """KAPITTEL J
Fordøyelsesorganer
JK\tGalleveier
JKA\tOperasjoner på galleblæren
Inklusive: Gammel merknad
JKA 20\tKolecystektomi
JKA 21\tLaparoskopisk kolecystektomi
Konvertering: Se JKA 20
JL\tBukspyttkjertel
JLC 30\tPankreatikoduodenektomi
"""
NEW_BOOK = """KAPITTEL J
Fordøyelsesorganer og milt
JKA\tOperasjoner på galleblære
JKA 20\tKolecystektomi
JKA 21\tLaparoskopisk kolecystektomi
Se også JKB og JKZ 10-20
"""


def _book_manifest(tmp_path: Path, names: str | None, second: str = NEW_BOOK) -> Path:
    (tmp_path / "2015.txt").write_text(OLD_BOOK, encoding="utf-8")
    (tmp_path / "2016.txt").write_text(second, encoding="utf-8")
    (tmp_path / "2016-liste.txt").write_text("JKA20\tKolecystektomi\nJKB00\tNy kode\n", encoding="utf-8")
    head = "names: names.yaml\n" if names else ""
    if names:
        (tmp_path / "names.yaml").write_text(names, encoding="utf-8")
    manifest = tmp_path / "releases.yaml"
    manifest.write_text(head + """releases:
  - year: 2015
    files: [{path: 2015.txt, system: NCSP, kind: book}]
  - year: 2016
    files:
      - {path: 2016-liste.txt, system: NCSP}
      - {path: 2016.txt, system: NCSP, kind: book-notes}
""", encoding="utf-8")
    return manifest


def test_a_book_can_be_the_code_list_and_the_newest_book_wins(tmp_path: Path) -> None:
    manifest = _book_manifest(tmp_path, names='NCSP:\n  "JL": Bukspyttkjertelen (fra navnefilen)\n')
    assert build_site(tmp_path / "site", manifest) == 0
    site = tmp_path / "site"
    assert [v["year"] for v in load_json(site / "api/kode/JKA21.json")["versions"]] == [2015]  # from the 2015 book
    assert [v["year"] for v in load_json(site / "api/kode/JKA20.json")["versions"]] == [2015, 2016]
    assert "J Fordøyelsesorganer og milt" in _text(site / "ncsp/J/index.html")  # the 2016 book's name
    assert "JK Galleveier" in _text(site / "ncsp/JK/index.html")  # only the 2015 book names JK
    assert "JL Bukspyttkjertelen (fra navnefilen)" in _text(site / "ncsp/JL/index.html")  # the names file wins
    group = _text(site / "ncsp/JKA/index.html")
    assert "Gammel merknad" not in group  # the 2016 book has JKA without that note
    code = parse_page(site / "kode/JKA21/index.html")
    text = _text(site / "kode/JKA21/index.html")
    assert "Se også JKB og JKZ 10-20" in text and "../../ncsp/JKB/" in code.links
    assert "fra den trykte kodeboka for 2016 :" in text and "2016.txt" not in text
    assert "../../nedlasting/#fil-2016-2016-txt" in code.links
    downloads = (site / "nedlasting/index.html").read_text(encoding="utf-8")
    assert 'id="fil-2016-2016-txt"' in downloads
    line = downloads.split('id="fil-2016-2016-txt"')[1].split("</li>")[0]
    assert "Tekstfil (den trykte kodeboka), NCSP" in line
    report = load_json(site / "rapport/byggerapport.json")
    assert [n["detail"][:8] for n in report["notes"] if n["kind"] == "broken-reference"] == ["'JKZ 10-"]


def test_a_book_whose_codes_disagree_with_the_code_list_stops_the_build(tmp_path: Path) -> None:
    manifest = _book_manifest(tmp_path, None)
    text = manifest.read_text(encoding="utf-8").replace("kind: book-notes", "kind: book")
    manifest.write_text(text, encoding="utf-8")
    (tmp_path / "2016-liste.txt").write_text("JKA20\tKolecystektomi, åpen\n", encoding="utf-8")
    from generator.build import prepare

    with pytest.raises(InputError) as info:
        prepare(manifest)
    assert "different texts" in info.value.message
