"""Reader for the 1998 book layout (`ncsp_1298.txt`): chapters, groups, codes and notes.

The printed code book as text, one line per printed line:

    KAPITTEL A                      a chapter; its name is on the next line
    Nervesystemet
    AA<TAB>Kranium og ...           a group heading (two letters)
    AAB<TAB>Excisjon og ...         a subgroup heading (three letters)
    AAB 00<TAB>Ekstirpasjon ...     a code
    ACA 1x<TAB>Eksplorasjon ...     a code pattern (the last digit from a key above it)
    Traumatiske lesjoner: Se AAD    a note: belongs to the heading or code above it

A chapter may open with its contents: its groups listed once before they
appear again as headings. Contents entries give a name only where the heading
is missing; a note among them belongs to the chapter, unless the same note
stands under the group's heading too. A line starting with a small letter
continues the line above it. A section such as `APPENDIX` is outside any
chapter: its code lines are read, its other lines go to the report.

The file is Windows-1252 with a few letters in the DOS Nordic code page
(byte 0x9D is Ø, 0x86 is å, 0x82 is é); each such letter is noted.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from ..clean import clean_code, clean_text, decode_text, is_utf8
from ..diagnostics import InputError, Location, Diagnostic
from .base import FileResult, FileSpec, SourceRow

DOS_LETTERS = {0x9D: "Ø", 0x86: "å", 0x82: "é"}
BOOK_ENCODING = "windows-1252+dos"

_CHAPTER_RE = re.compile(r"KAPITTEL\s+([A-Z])\s*")
_SECTION_RE = re.compile(r"APPENDIX|APPENDIKS|VEDLEGG")
_CODE_RE = re.compile(r"([A-Z][A-Z0-9]{2}) ?([0-9]{2}) *\t(.*)")
_PATTERN_RE = re.compile(r"([A-Z][A-Z0-9]{2}) ?((?=[0-9]?[a-z])[0-9a-z]{2}) *\t(.*)")
_GROUP_RE = re.compile(r"([A-Z]{2,3}) *\t(.*\S.*)")


@dataclass(frozen=True, slots=True)
class BookLine:
    """A heading or note of a book, with the prefix or code it belongs to."""

    where: Location
    kind: str  # "heading" (chapter or group name) or "note"
    key: str  # the chapter, group prefix or code; "" outside any chapter
    text: str


@dataclass(frozen=True)
class BookResult(FileResult):
    """A book file: its code rows (as any reader gives) plus its headings and notes in file order."""

    lines: tuple[BookLine, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class _Line:
    number: int
    kind: str  # blank, chapter, section, code, pattern, group, text
    key: str
    text: str


def read_book(spec: FileSpec) -> BookResult:
    """Read a book-layout file into code rows, headings and notes."""
    if spec.system is None:
        raise InputError(Location(spec.display), "a book file needs 'system' in the manifest (for example NCSP)")
    try:
        data = spec.path.read_bytes()
    except OSError as exc:
        raise InputError(Location(spec.display), f"cannot read file: {exc.strerror or exc}") from None
    text, encoding, notes = decode_book(data, spec.display, spec.encoding)
    raw = text.split("\n")
    if raw and raw[-1] == "":
        raw.pop()
    lines = [_classify(number, line) for number, line in enumerate(raw, 1)]
    parser = _Parser(spec, _contents_lines(lines))
    for line in lines:
        parser.feed(line)
    if not parser.rows:
        raise InputError(Location(spec.display), "no code lines found in the book")
    book_lines, contents_notes = parser.finish()
    all_notes = notes + tuple(parser.notes) + contents_notes
    return BookResult(spec, tuple(parser.rows), all_notes, encoding, book_lines)


def decode_book(data: bytes, display: str, encoding: str | None) -> tuple[str, str, tuple[Diagnostic, ...]]:
    """UTF-8 (or the manifest's encoding) as any text; else Windows-1252 with DOS Nordic letters."""
    if encoding or data.startswith(codecs.BOM_UTF8) or is_utf8(data):
        return decode_text(data, display, encoding)
    notes: list[Diagnostic] = []
    chars: list[str] = []
    line = 1
    for start, piece in _pieces(data):
        if len(piece) == 1 and piece[0] in DOS_LETTERS:
            letter = DOS_LETTERS[piece[0]]
            notes.append(Diagnostic(Location(display, line), "dos-letter", f"byte 0x{piece[0]:02X} read as {letter!r} (DOS Nordic)"))
            chars.append(letter)
        else:
            chars.append(_strict_cp1252(piece, start, data, display))
        line += piece.count(b"\n")
    text = "".join(chars).replace("\r\n", "\n")
    return text, BOOK_ENCODING, tuple(notes)


def _pieces(data: bytes):
    """Runs of ordinary bytes, and each DOS letter byte on its own, with their offsets."""
    start = 0
    for index, byte in enumerate(data):
        if byte in DOS_LETTERS:
            if index > start:
                yield start, data[start:index]
            yield index, data[index : index + 1]
            start = index + 1
    if start < len(data):
        yield start, data[start:]


def _strict_cp1252(piece: bytes, offset: int, data: bytes, display: str) -> str:
    try:
        return piece.decode("cp1252")
    except UnicodeDecodeError as exc:
        at = offset + exc.start  # one byte is one character here
        line, column = data.count(b"\n", 0, at) + 1, at - data.rfind(b"\n", 0, at)
        raise InputError(Location(display, line), f"undecodable byte 0x{data[at]:02x} at line {line}, column {column} "
                                                  "(Windows-1252 with DOS letters)") from None


def _classify(number: int, line: str) -> _Line:
    stripped = line.strip()
    if not stripped:
        return _Line(number, "blank", "", "")
    if match := _CHAPTER_RE.fullmatch(line):
        return _Line(number, "chapter", match.group(1), "")
    if _SECTION_RE.fullmatch(stripped):
        return _Line(number, "section", "", stripped)
    if match := _CODE_RE.fullmatch(line):
        return _Line(number, "code", match.group(1) + match.group(2), match.group(3))
    if match := _PATTERN_RE.fullmatch(line):
        return _Line(number, "pattern", match.group(1) + " " + match.group(2), match.group(3))
    if match := _GROUP_RE.fullmatch(line):
        return _Line(number, "group", match.group(1), match.group(2))
    return _Line(number, "text", "", line)


def _contents_lines(lines: list[_Line]) -> frozenset[int]:
    """Numbers of the lines that are a chapter's contents (its groups listed before their headings).

    The contents run from the first two-letter group line of a chapter to the
    line before that group appears again, and hold only group, text and blank lines.
    """
    contents: set[int] = set()
    chapters = [i for i, line in enumerate(lines) if line.kind in ("chapter", "section")] + [len(lines)]
    for begin, end in zip(chapters, chapters[1:]):
        groups = [i for i in range(begin, end) if lines[i].kind == "group" and len(lines[i].key) == 2]
        if not groups:
            continue
        first = lines[groups[0]].key
        again = next((i for i in groups[1:] if lines[i].key == first), None)
        if again is not None and all(lines[i].kind in ("group", "text", "blank") for i in range(groups[0], again)):
            contents.update(lines[i].number for i in range(groups[0], again))
    return frozenset(contents)


class _Parser:
    """Walks the classified lines once; knows the current chapter, group and note owner."""

    def __init__(self, spec: FileSpec, contents: frozenset[int]) -> None:
        self.spec = spec
        self.contents = contents
        self.rows: list[SourceRow] = []
        self.notes: list[Diagnostic] = []
        self.lines: list[BookLine] = []
        self.contents_entries: list[BookLine] = []  # headings and notes of contents; key: the entry
        self.chapter = ""
        self.group = ""  # the heading that pattern lines and their notes belong to
        self.owner = ""  # where a note goes: chapter, group or code; "" outside chapters
        self.naming = False  # the next text line is the chapter's or section's name
        self.last: list[BookLine] | None = None  # the list whose last line a continuation extends

    def where(self, line: _Line) -> Location:
        return Location(self.spec.display, line.number)

    def feed(self, line: _Line) -> None:
        handler = getattr(self, f"_{line.kind}")
        handler(line)

    def _blank(self, line: _Line) -> None:
        self.notes.append(Diagnostic(self.where(line), "blank-line"))
        self.last = None

    def _chapter(self, line: _Line) -> None:
        self.chapter = self.group = self.owner = line.key
        self.naming, self.last = True, None

    def _section(self, line: _Line) -> None:
        self.chapter = self.group = self.owner = ""
        self.naming, self.last = True, None
        self._unplaced(line, line.text)

    def _code(self, line: _Line) -> None:
        where = self.where(line)
        code, code_notes = clean_code(line.key, where)
        text, text_notes = clean_text(line.text, where)
        if not text:
            raise InputError(where, f"code line without text ({code})")
        self.notes.extend(code_notes + text_notes)
        self.rows.append(SourceRow(where, code, text, self.spec.system))
        self.owner, self.naming, self.last = code, False, None

    def _pattern(self, line: _Line) -> None:
        self.owner = self.group
        text = " ".join(f"{line.key} {line.text}".split())
        if self.group:
            self._add("note", self.group, text, line)
        else:
            self._unplaced(line, text)

    def _group(self, line: _Line) -> None:
        self.group = self.owner = line.key
        self.naming = False
        text = " ".join(line.text.split())
        self._add("heading", line.key, text, line)

    def _text(self, line: _Line) -> None:
        text = " ".join(line.text.split())
        if self.last is not None and text[:1].islower():
            self._extend(text)
        elif not self.chapter and not self.owner:
            self._unplaced(line, text)
        elif self.naming:
            self.naming = False
            self._add("heading", self.chapter, text, line)
        elif line.number in self.contents:
            self._add("note", self.contents_entries[-1].key, text, line)
        else:
            self._add("note", self.owner, text, line)

    def _add(self, kind: str, key: str, text: str, line: _Line) -> None:
        """Keep a heading or note; lines of a chapter's contents are kept apart."""
        self.last = self.contents_entries if line.number in self.contents else self.lines
        self.last.append(BookLine(self.where(line), kind, key, text))

    def _extend(self, text: str) -> None:
        """Join a continuation line to the heading or note above it."""
        above = self.last[-1]
        self.last[-1] = BookLine(above.where, above.kind, above.key, f"{above.text} {text}")

    def _unplaced(self, line: _Line, text: str) -> None:
        self.notes.append(Diagnostic(self.where(line), "book-unplaced", f"outside any chapter: {text!r}"))
        self.last = None

    def finish(self) -> tuple[tuple[BookLine, ...], tuple[Diagnostic, ...]]:
        """Settle the contents entries against the headings and notes of the body."""
        headings: dict[str, BookLine] = {}
        notes: list[Diagnostic] = []
        for line in self.lines:
            if line.kind != "heading":
                continue
            first = headings.setdefault(line.key, line)
            if first.text != line.text:
                detail = f"{line.key} is named {first.text!r} at line {first.where.line}; this second name is not used: {line.text!r}"
                notes.append(Diagnostic(line.where, "book-heading-twice", detail))
        body_notes = {(line.key, line.text) for line in self.lines if line.kind == "note"}
        chapter_of = {line.key: line.key[:1] for line in self.contents_entries}
        extra: list[BookLine] = []
        for entry in self.contents_entries:
            if entry.kind == "heading":
                heading = headings.get(entry.key)
                if heading is None:
                    extra.append(entry)
                elif heading.text != entry.text:
                    detail = f"{entry.key}: contents say {entry.text!r}, the heading at line {heading.where.line} says {heading.text!r}"
                    notes.append(Diagnostic(entry.where, "book-contents-name", detail))
            elif (entry.key, entry.text) not in body_notes:
                extra.append(BookLine(entry.where, "note", chapter_of.get(entry.key, entry.key), entry.text))
        kept = [line for line in self.lines if line.kind != "heading" or headings[line.key] is line]
        merged = sorted(kept + extra, key=lambda line: line.where)
        return tuple(merged), tuple(notes)
