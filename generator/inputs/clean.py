"""Cleaning of raw input: byte decoding, code and text normalisation.

Everything here is pure: it takes raw bytes or cell strings plus the Location
they came from, and gives back the cleaned value together with the report notes
that say what was changed. Anything that cannot be cleaned raises InputError.
"""

from __future__ import annotations

import codecs
import re

from .diagnostics import InputError, Location, Diagnostic

BOM = "\ufeff"
CODE_RE = re.compile(r"[A-Z0-9]{3,8}")
_LETTER_RE = re.compile(r"[A-Z]")
_DOUBLED_ONLY_RE = re.compile(r'(?:[^"]|"")*', re.DOTALL)
_SPACE_RUN_RE = re.compile(r"\s+")

# Signatures of files that are not text even if their name says so.
_BINARY_MAGIC = (b"PK\x03\x04", bytes.fromhex("D0CF11E0A1B11AE1"))
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)

# A code that clean_code takes as it is, with no note: 3-8 capital letters and
# digits, at least one letter (so no BOM, white space, quotes or small letters).
_CLEAN_CODE_RE = re.compile(r"(?=[0-9]*[A-Z])[A-Z0-9]{3,8}")

# --- bytes to text -----------------------------------------------------------


def decode_text(data: bytes, display: str, encoding: str | None = None) -> tuple[str, str, tuple[Diagnostic, ...]]:
    """Decode a text input; return (text, encoding used, notes).

    `encoding` (from the manifest) overrides detection and is applied strictly.
    Otherwise a UTF-8 or UTF-16 byte-order mark decides, then strict UTF-8,
    then Windows-1252, where each line that is valid UTF-8 (and not ASCII)
    is taken as UTF-8 and noted. Line ends are normalised to `\\n`.
    """
    _reject_binary(data, display)
    notes: list[Diagnostic] = []
    text = None
    if encoding:
        used = _forced_codec(encoding, data, display)
    elif data.startswith(codecs.BOM_UTF8):
        used = "utf-8-sig"
    elif data.startswith(_UTF16_BOMS):
        used = "utf-16"
    else:
        used, text, mixed = _guess_codec(data, display)
        notes.extend(mixed)
    if used in ("utf-8-sig", "utf-16"):
        notes.append(Diagnostic(Location(display, 1), "bom", f"byte-order mark removed ({used})"))
    if text is None:
        text = _strict_decode(data, used, display, encoding)
    return _normalise_newlines(text), used, tuple(notes)


def _reject_binary(data: bytes, display: str) -> None:
    if data.startswith(_UTF16_BOMS):
        return  # UTF-16 text has NUL bytes by nature
    if data.startswith(_BINARY_MAGIC) or b"\x00" in data:
        raise InputError(Location(display), "not a text file (looks like a spreadsheet/binary)")


def _forced_codec(encoding: str, data: bytes, display: str) -> str:
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        raise InputError(Location(display), f"unknown encoding {encoding!r} in the manifest") from None
    if name == "utf-8" and data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    return name  # canonical: "windows-1252" and "cp1252" report alike


def _guess_codec(data: bytes, display: str) -> tuple[str, str, list[Diagnostic]]:
    """Strict UTF-8, else Windows-1252 line by line: the codec, the decoded text and the notes.

    A file edited in two programs can mix the two: its lines that are valid UTF-8 and not plain ASCII are
    decoded as UTF-8 (each noted), the others as Windows-1252, so that no `å` turns into `Ã¥`.
    """
    try:
        return "utf-8", data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    lines = data.split(b"\n")
    utf8 = {number for number, line in enumerate(lines, 1) if not line.isascii() and is_utf8(line)}
    decoded = [line.decode("utf-8") if number in utf8 else _cp1252_line(line, number, display)
               for number, line in enumerate(lines, 1)]
    if not utf8:
        return "cp1252", "\n".join(decoded), []
    notes = [Diagnostic(Location(display, number), "mixed-encoding", "line decoded as UTF-8; the file's other lines "
                  "are Windows-1252") for number in sorted(utf8)]
    return "cp1252+utf-8", "\n".join(decoded), notes


def is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _cp1252_line(line: bytes, number: int, display: str) -> str:
    try:
        return line.decode("cp1252")
    except UnicodeDecodeError as exc:  # one byte is one character in Windows-1252
        raise InputError(
            Location(display, number),
            f"undecodable byte 0x{line[exc.start]:02x} at line {number}, column {exc.start + 1} "
            "(tried UTF-8 and Windows-1252); set 'encoding' for this file in the manifest",
        ) from None


def _strict_decode(data: bytes, codec: str, display: str, forced: str | None) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        line, column = text_position(exc)
        if forced:
            source = f"encoding {forced!r} given in the manifest"
        elif codec == "utf-8-sig":
            source = "UTF-8, as the file's byte-order mark says; a letter saved as Windows-1252?"
        else:
            source = codec
        raise InputError(
            Location(display, line),
            f"undecodable byte 0x{exc.object[exc.start]:02x} at line {line}, column {column} ({source})",
        ) from None


def text_position(exc: UnicodeDecodeError) -> tuple[int, int]:
    """The line and column (1-based, in characters) of the first byte a codec could not decode.

    The offsets of the error count in the bytes the codec was given, which for `utf-8-sig` are the
    file's bytes after its byte-order mark: the text before the byte is decoded to count in it."""
    before = exc.object[: exc.start].decode(exc.encoding, errors="replace")
    if before.startswith(BOM):
        before = before[1:]  # a byte-order mark is no column
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


def _normalise_newlines(text: str) -> str:
    if "\r" not in text:
        return text
    if "\n" not in text:
        return text.replace("\r", "\n")  # old Mac line ends
    return text.replace("\r\n", "\n")


# --- cell values -------------------------------------------------------------


def unquote(field: str) -> str:
    """Unwrap a field quoted whole in CSV style; leave anything else unchanged.

    `"a ""b"" c"` becomes `a "b" c`; `"Single-breath" med test` is kept, since
    its inner part has a quote that is not doubled.
    """
    if len(field) >= 2 and field[0] == '"' and field[-1] == '"':
        inner = field[1:-1]
        if _DOUBLED_ONLY_RE.fullmatch(inner):
            return inner.replace('""', '"')
    return field


def is_clean_code(raw: str) -> bool:
    """True if clean_code would take `raw` as it is and note nothing."""
    return _CLEAN_CODE_RE.fullmatch(raw) is not None


def is_clean_text(raw: str) -> bool:
    """True if clean_text would keep the non-empty `raw` as it is and note nothing.

    Printable text (str.isprintable) has no BOM and no white space but the
    plain space; that it has no space at either end and none doubled leaves
    nothing to clean but quotes around it.
    """
    if not raw:
        return False
    return (
        raw.isprintable() and raw[0] != " " and raw[-1] != " " and "  " not in raw
        and not (raw[0] == '"' and raw[-1] == '"')
    )


def _without_bom(raw: str, what: str, where: Location, notes: list[Diagnostic]) -> str:
    """A cell without stray byte-order marks, each removal noted."""
    if BOM not in raw:
        return raw
    notes.append(Diagnostic(where, "bom", f"stray byte-order mark removed from {what}"))
    return raw.replace(BOM, "")


def clean_code(raw: str, where: Location) -> tuple[str, tuple[Diagnostic, ...]]:
    """Normalise a code cell (`' aab 00'` -> `AAB00`); raise if it is not a code."""
    notes: list[Diagnostic] = []
    code = _without_bom(raw, "code", where, notes)
    if code.strip() != code:
        notes.append(Diagnostic(where, "code-space", f"white space around code {raw.strip()!r} removed"))
    code = code.strip()
    if unquote(code) != code:
        code = unquote(code).strip()
        notes.append(Diagnostic(where, "unquoted", f"quotes around code {code!r} removed"))
    if _SPACE_RUN_RE.search(code):
        joined = "".join(code.split())
        notes.append(Diagnostic(where, "code-space", f"{code!r} written as {joined!r}"))
        code = joined
    if code.upper() != code:
        notes.append(Diagnostic(where, "code-case", f"{code!r} written as {code.upper()!r}"))
        code = code.upper()
    if not code:
        raise InputError(where, "row has no code")
    if not CODE_RE.fullmatch(code) or not _LETTER_RE.search(code):
        raise InputError(where, f"not a code: {raw!r}")
    return code, tuple(notes)


def clean_text(raw: str, where: Location) -> tuple[str, tuple[Diagnostic, ...]]:
    """Clean a text cell: BOM, outer and doubled white space, whole-field quotes."""
    notes: list[Diagnostic] = []
    text = _without_bom(raw, "text", where, notes)
    text = _clean_space(text, where, notes)
    unquoted = unquote(text)
    if unquoted != text:
        notes.append(Diagnostic(where, "unquoted", "text was wrapped in quotes; unwrapped"))
        text = _clean_space(unquoted, where, notes)
    return text, tuple(notes)


def _clean_space(text: str, where: Location, notes: list[Diagnostic]) -> str:
    """Strip and collapse white space, adding one note per kind of change."""
    stripped = text.lstrip()
    if stripped != text:
        notes.append(Diagnostic(where, "leading-space", f"{_shown(text[: len(text) - len(stripped)])} removed"))
    text = stripped.rstrip()
    if text != stripped:
        notes.append(Diagnostic(where, "trailing-space", f"{_shown(stripped[len(text):])} removed"))
    collapsed = _SPACE_RUN_RE.sub(" ", text)
    if collapsed != text:
        notes.append(Diagnostic(where, "doubled-space", "runs of white space made one space"))
    return collapsed


def _shown(space: str) -> str:
    """Describe a run of white space for a note, e.g. `tab` or `2 spaces`."""
    if space == "\t":
        return "tab"
    if space == " ":
        return "space"
    if set(space) == {" "}:
        return f"{len(space)} spaces"
    return repr(space)
