"""Cleaning of bytes, codes and texts (generator.inputs.clean)."""

from __future__ import annotations

import codecs

import pytest

from generator.inputs.clean import clean_code, clean_text, decode_text, unquote
from generator.inputs.diagnostics import InputError, Location

AT = Location("list.txt", 7, "column B")


def kinds(notes) -> list[str]:
    return [note.kind for note in notes]


# --- unquote -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ('"Invasiv stimulering (""overdrive pacing"")"', 'Invasiv stimulering ("overdrive pacing")'),
        ('"Samtaleterapi, ""Tinnitus Retraining Therapy"""', 'Samtaleterapi, "Tinnitus Retraining Therapy"'),
        ('"plain"', "plain"),
        ('"a;b"', "a;b"),
        ('""', ""),
        ('"Single-breath" med nitrogentest', '"Single-breath" med nitrogentest'),
        ('"Single-breath" og "sniff"', '"Single-breath" og "sniff"'),
        ('Måling og "sniff"-test', 'Måling og "sniff"-test'),
        ('"', '"'),
        ("no quotes", "no quotes"),
    ],
)
def test_unquote(raw: str, expected: str) -> None:
    assert unquote(raw) == expected


# --- codes -----------------------------------------------------------------------


def test_clean_code_plain_is_untouched() -> None:
    assert clean_code("AAA00", AT) == ("AAA00", ())


@pytest.mark.parametrize(
    ("raw", "code", "expected_kinds"),
    [
        ("AAA 00", "AAA00", ["code-space"]),
        ("ZWN 00", "ZWN00", ["code-space"]),
        ("WEOC10 ", "WEOC10", ["code-space"]),
        (" aab 00 ", "AAB00", ["code-space", "code-space", "code-case"]),
        ("jka21", "JKA21", ["code-case"]),
        ('"AAA00"', "AAA00", ["unquoted"]),
        ("\ufeffAAA00", "AAA00", ["bom"]),
        ("TSJWM", "TSJWM", []),
    ],
)
def test_clean_code_normalises(raw: str, code: str, expected_kinds: list[str]) -> None:
    cleaned, notes = clean_code(raw, AT)
    assert cleaned == code
    assert kinds(notes) == expected_kinds
    assert all(note.where == AT for note in notes)


@pytest.mark.parametrize("raw", ["12345", "AB", "ABCDEFGHI", "AAA-00", "Kode 1 2 3 4 5 6", "ÆØÅ00"])
def test_clean_code_rejects_non_codes(raw: str) -> None:
    with pytest.raises(InputError) as info:
        clean_code(raw, AT)
    assert info.value.where == AT
    assert info.value.message == f"not a code: {raw!r}"


def test_clean_code_empty() -> None:
    with pytest.raises(InputError, match="row has no code"):
        clean_code("  ", AT)


# --- texts -----------------------------------------------------------------------


def test_clean_text_plain_is_untouched() -> None:
    assert clean_text("Eksplorativ kraniotomi", AT) == ("Eksplorativ kraniotomi", ())


@pytest.mark.parametrize(
    ("raw", "text", "expected_kinds"),
    [
        ("\tEksplorativ kraniotomi", "Eksplorativ kraniotomi", ["leading-space"]),
        ("Ansvarsgruppemøte ", "Ansvarsgruppemøte", ["trailing-space"]),
        ("Elektromyografi  (EMG), kvantitativ", "Elektromyografi (EMG), kvantitativ", ["doubled-space"]),
        ("a\t b\u00a0c", "a b c", ["doubled-space"]),
        ("\ufeffTekst", "Tekst", ["bom"]),
        ('"Måling av ""sniff""-test"', 'Måling av "sniff"-test', ["unquoted"]),
        ('"Single-breath" med nitrogentest', '"Single-breath" med nitrogentest', []),
        (' " inner  space " ', "inner space", ["leading-space", "trailing-space", "doubled-space",
                                              "unquoted", "leading-space", "trailing-space"]),
    ],
)
def test_clean_text_normalises(raw: str, text: str, expected_kinds: list[str]) -> None:
    cleaned, notes = clean_text(raw, AT)
    assert cleaned == text
    assert kinds(notes) == expected_kinds
    assert all(note.where == AT for note in notes)


def test_clean_text_notes_say_what_was_removed() -> None:
    _, notes = clean_text("\tTekst  ", AT)
    assert [(n.kind, n.detail) for n in notes] == [
        ("leading-space", "tab removed"),
        ("trailing-space", "2 spaces removed"),
    ]


# --- decoding --------------------------------------------------------------------


def test_decode_utf8() -> None:
    text, used, notes = decode_text("AAA20\tintraventrikulær trykkmåler\n".encode(), "f.txt")
    assert (text, used, notes) == ("AAA20\tintraventrikulær trykkmåler\n", "utf-8", ())


def test_decode_utf8_bom_is_noted() -> None:
    text, used, notes = decode_text(b"\xef\xbb\xbfAAA00\tx\n", "f.txt")
    assert text == "AAA00\tx\n"
    assert used == "utf-8-sig"
    assert kinds(notes) == ["bom"]


def test_decode_windows_1252() -> None:
    text, used, _ = decode_text("Måling – ø\n".encode("cp1252"), "f.txt")
    assert (text, used) == ("Måling – ø\n", "cp1252")


def test_decode_mixed_utf8_and_windows_1252_line_by_line() -> None:
    data = "AAA00\tØyelokk\n".encode("cp1252") + "AAA10\tSår i kornea\n".encode() + b"AAA20\tplain\n"
    text, used, notes = decode_text(data, "f.txt")
    assert text == "AAA00\tØyelokk\nAAA10\tSår i kornea\nAAA20\tplain\n"
    assert used == "cp1252+utf-8"
    assert [(n.kind, n.where.line) for n in notes] == [("mixed-encoding", 2)]


def test_decode_utf16_with_bom() -> None:
    text, used, notes = decode_text("\ufeffAAA00\tÅpen\r\n".encode("utf-16-le"), "f.txt")
    assert (text, used, kinds(notes)) == ("AAA00\tÅpen\n", "utf-16", ["bom"])


def test_decode_crlf_and_cr_only() -> None:
    assert decode_text(b"a\r\nb\r\n", "f.txt")[0] == "a\nb\n"
    assert decode_text(b"a\rb\r", "f.txt")[0] == "a\nb\n"


def test_decode_undecodable_byte_names_line_and_byte() -> None:
    data = b"AAA00\tok\n" * 11 + b"AAA10\t\x9dyelokk\n"
    with pytest.raises(InputError) as info:
        decode_text(data, "f.txt")
    assert info.value.where == Location("f.txt", 12)
    assert "undecodable byte 0x9d at line 12, column 7 (tried UTF-8 and Windows-1252)" in info.value.message


def test_decode_forced_encoding_overrides_detection() -> None:
    data = "Øyelokk".encode("cp865")  # DOS Nordic: Ø is 0x9d
    assert decode_text(data, "f.txt", "cp865")[:2] == ("Øyelokk", "cp865")
    # The same bytes as valid UTF-8 text are still decoded as the manifest says.
    assert decode_text("å".encode(), "f.txt", "cp1252")[:2] == ("Ã¥", "cp1252")


def test_decode_forced_encoding_failure_names_line_and_byte() -> None:
    with pytest.raises(InputError) as info:
        decode_text(b"ok\nok\n\xe5\n", "f.txt", "utf-8")
    assert info.value.where == Location("f.txt", 3)
    assert "undecodable byte 0xe5 at line 3, column 1" in info.value.message
    assert "'utf-8'" in info.value.message


@pytest.mark.parametrize("bom", [b"", codecs.BOM_UTF8])
def test_decode_names_the_byte_in_the_file_after_a_byte_order_mark(bom: bytes) -> None:
    """The offsets of a byte-order-marked file count from after the mark: the byte named is still the file's."""
    data = bom + "AAA00\tÅpen\nAAA10\tBiopsi\n".encode() + b"AAA20\tTrykkm\xe5ler\n"
    with pytest.raises(InputError) as info:
        decode_text(data, "f.txt", None if bom else "utf-8")
    assert info.value.where == Location("f.txt", 3)
    assert "undecodable byte 0xe5 at line 3, column 13 (" in info.value.message


def test_decode_names_the_byte_of_a_utf16_file() -> None:
    data = "AAA00\tÅpen\nAB".encode("utf-16") + b"\x00\xdc"  # a low surrogate alone
    with pytest.raises(InputError) as info:
        decode_text(data, "f.txt")
    assert info.value.where == Location("f.txt", 2)
    assert "undecodable byte 0x00 at line 2, column 3 (utf-16)" in info.value.message


def test_decode_unknown_forced_encoding() -> None:
    with pytest.raises(InputError, match="unknown encoding 'klingon'"):
        decode_text(b"x", "f.txt", "klingon")


@pytest.mark.parametrize(
    "data",
    [b"PK\x03\x04\x14\x00rest", bytes.fromhex("D0CF11E0A1B11AE1") + b"rest", b"AAA00\t\x00x\n"],
)
def test_decode_rejects_binary(data: bytes) -> None:
    with pytest.raises(InputError, match=r"not a text file \(looks like a spreadsheet/binary\)"):
        decode_text(data, "f.txt")
