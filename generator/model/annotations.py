"""Names, notes and book texts from the books of every release, newest release first.

A book file (`kind: book` or `kind: book-notes` in the manifest) names the
chapters and groups of its code system and carries notes for groups and codes.
Across releases the newest book wins: a chapter or group takes its name from
the newest book that names it, and a group or code takes its notes from the
newest book that has it at all (so a note that a newer book dropped is not
shown). The hierarchy names file overrides book names (see `merge_names`).

`kind: book-notes` reads a book only for its names and notes: its code lines
are not codes of the release. They anchor the notes, and where the book's text
of a code differs from the code list of that year the code page shows it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping

from ..inputs.details import NOTE_ROLES
from .hierarchy import Hierarchy, Names
from .catalogue import Catalogue
from .references import Resolved, Targets, resolve
from ..inputs.diagnostics import Location, Diagnostic
from ..inputs.readers.base import FileResult
from ..inputs.readers.book import BookLine, BookResult

Key = tuple[str, str]  # (system, chapter or group prefix or code)


@dataclass(frozen=True)
class KeyNotes:
    """The notes of one group or code, from the newest book that has it."""

    year: int
    source: str  # the book file, as the manifest names it
    lines: tuple[BookLine, ...]


@dataclass(frozen=True)
class BookText:
    year: int
    source: str
    text: str
    where: Location


@dataclass(frozen=True)
class Books:
    """What the books of all releases say, newest release winning."""

    headings: Mapping[Key, BookLine]  # the newest heading of each chapter and group
    notes: Mapping[Key, KeyNotes]
    texts: Mapping[Key, BookText]  # book-notes books only: their text of each code
    report: tuple[Diagnostic, ...]


def collect_books(results: Mapping[int, Iterable[FileResult]]) -> Books:
    """Names, notes and texts from every book, oldest release first so that newer ones win."""
    headings: dict[Key, BookLine] = {}
    notes: dict[Key, KeyNotes] = {}
    texts: dict[Key, BookText] = {}
    report: list[Diagnostic] = []
    for year in sorted(results):
        for result in results[year]:
            if not isinstance(result, BookResult):
                continue
            system = result.spec.system
            for line in result.lines:
                if line.kind == "heading":
                    headings[(system, line.key)] = line
            notes.update(_book_notes(year, result))
            if result.spec.kind == "book-notes":
                report.extend(result.notes)
                texts.update(_book_texts(year, result, report))
    return Books(headings, notes, texts, tuple(report))


def _book_notes(year: int, result: BookResult) -> dict[Key, KeyNotes]:
    """The notes of every key the book has (empty for keys without notes), each note once."""
    system = result.spec.system
    keys = {line.key for line in result.lines if line.key} | {row.code for row in result.rows}
    by_key: dict[str, list[BookLine]] = {key: [] for key in keys}
    seen: set[tuple[str, str]] = set()
    for line in result.lines:
        if line.kind == "note" and line.key and (line.key, line.text) not in seen:
            seen.add((line.key, line.text))
            by_key[line.key].append(line)
    return {(system, key): KeyNotes(year, result.spec.display, tuple(lines)) for key, lines in by_key.items()}


def _book_texts(year: int, result: BookResult, report: list[Diagnostic]) -> dict[Key, BookText]:
    """The first text of each code in a book-notes book; a repeat is merged or, if it differs, reported."""
    texts: dict[Key, BookText] = {}
    for row in result.rows:
        key = (row.system, row.code)
        first = texts.setdefault(key, BookText(year, result.spec.display, row.text, row.where))
        if first.where == row.where:
            continue
        if first.text == row.text:
            report.append(Diagnostic(row.where, "duplicate-merged", f"{row.code} repeats {first.where}"))
        else:
            detail = f"{row.code} is {first.text!r} at {first.where}; this other text is not used: {row.text!r}"
            report.append(Diagnostic(row.where, "book-conflict", detail))
    return texts


def merge_names(books: Books, names_file: Names) -> Names:
    """Chapter and group names: the names file first, then the newest book that names the prefix."""
    merged = {key: line.text for key, line in books.headings.items()}
    merged.update(names_file)
    return dict(sorted(merged.items()))


@dataclass(frozen=True)
class Annotations:
    """Notes with their references resolved, ready for the pages."""

    notes: Mapping[Key, tuple[Resolved, ...]]  # (system, key) -> notes, in book order
    sources: Mapping[Key, tuple[int, str]]  # (system, key) -> (year, book file) of those notes
    texts: Mapping[str, BookText]  # code -> the book's text, where it differs from the code list
    details: Mapping[tuple[str, str], Resolved]  # (code, role) -> a note column of the newest version
    report: tuple[Diagnostic, ...]


def annotate(books: Books, catalogue: Catalogue, hierarchy: Hierarchy) -> Annotations:
    """Resolve the cross-references of every note; report what names nothing or stands nowhere."""
    targets = Targets(((c.system, c.code) for c in catalogue.codes), hierarchy)
    codes = {(c.system, c.code): c for c in catalogue.codes}
    report: list[Diagnostic] = list(books.report)
    notes: dict[Key, tuple[Resolved, ...]] = {}
    sources: dict[Key, tuple[int, str]] = {}
    for key, found in sorted(books.notes.items()):
        placed = key in codes or key in hierarchy.nodes
        if not placed:
            what = f"{key[1]} is no code or group of {key[0]} in any release"
            report.extend(Diagnostic(line.where, "book-unplaced", f"note for {what}: {line.text!r}") for line in found.lines)
            continue
        resolved = [_resolve(key[0], line.text, line.where, targets, report) for line in found.lines]
        if resolved:
            notes[key] = tuple(resolved)
            sources[key] = (found.year, found.source)
    for key, line in sorted(books.headings.items()):
        if key not in hierarchy.nodes:
            report.append(Diagnostic(line.where, "book-unplaced", f"no code of {key[0]} falls in {key[1]} {line.text!r}"))
    texts = _differing_texts(books, codes, report)
    details = _detail_notes(catalogue, targets, report)
    return Annotations(notes, sources, texts, details, tuple(sorted(report)))


def _resolve(system: str, text: str, where: Location, targets: Targets, report: list[Diagnostic]) -> Resolved:
    resolved, broken = resolve(system, text, where, targets)
    report.extend(broken)
    return resolved


def _differing_texts(books: Books, codes: Mapping, report: list[Diagnostic]) -> dict[str, BookText]:
    """Book texts to show: those that differ from the code list of the book's year."""
    texts: dict[str, BookText] = {}
    for (system, code), text in sorted(books.texts.items()):
        found = codes.get((system, code))
        if found is None:
            report.append(Diagnostic(text.where, "book-unplaced", f"{code} is in the book but in no code list of {system}"))
            continue
        listed = {v.year: v.text for v in found.versions}.get(text.year)
        if listed != text.text:
            texts[code] = text
    return texts


def _detail_notes(catalogue: Catalogue, targets: Targets, report: list[Diagnostic]) -> dict[tuple[str, str], Resolved]:
    """The inclusion, exclusion and note columns of each code's newest version, references resolved."""
    details: dict[tuple[str, str], Resolved] = {}
    for code in catalogue.codes:
        latest = code.latest
        for role, value in latest.details:
            if role in NOTE_ROLES:
                details[(code.code, role)] = _resolve(latest.system, value, latest.where, targets, report)
    return details
