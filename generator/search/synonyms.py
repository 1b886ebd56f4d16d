"""The maintained synonyms of the search: modality abbreviations and everyday words.

`data/synonyms.yaml` (named `synonyms:` in the manifest) maps what people
type to words of the code texts:

    rg: [røntgen]                 # a word people type: the words it stands for
    røntgen: [rg]
    blindtarmoperasjon: [appendektomi]
    mandler: [tonsill*]           # `*`: any word that begins so
    grå stær: [katarakt]          # a phrase of two or three words is matched as one

Both sides are written as they are read (any case and spelling); the search
file holds them as keys (`search_text.key`). A word a synonym stands for
that no code text has, not as a word nor as the beginning of one, is a note
of the build report (`unknown-synonym`), with the line of the file.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from pathlib import Path

from ..inputs.diagnostics import Diagnostic, InputError, Location
from .text import key, stop_words, words
from ..inputs.yamlfile import read_yaml

PREFIX = "*"
MAX_PHRASE = 3


@dataclass(frozen=True)
class Synonym:
    typed: str  # what people type, as written in the file
    means: tuple[str, ...]  # words of the code texts, as written (a final `*`: any word that begins so)
    where: Location


def load_synonyms(path: Path | None) -> tuple[Synonym, ...]:
    """The synonyms file's entries in file order; none without a file. InputError on a bad entry."""
    if path is None:
        return ()
    data = read_yaml(path, "synonyms file")
    if data is None:
        return ()
    if not isinstance(data, dict):
        raise InputError(Location(str(path)), "expected a mapping of words to lists of words")
    lines = _key_lines(path)
    return tuple(_entry(path, lines, typed, means) for typed, means in data.items())


def _key_lines(path: Path) -> dict[str, int]:
    """The line of each top-level key, for the messages (YAML's loader does not keep them)."""
    found = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line and not line[0].isspace() and not line.startswith("#") and ":" in line:
            found.setdefault(line.split(":", 1)[0].strip().strip("'\""), number)
    return found


def _entry(path: Path, lines: dict[str, int], typed: object, means: object) -> Synonym:
    where = Location(str(path), lines.get(str(typed), 0))
    if isinstance(means, str):
        means = [means]
    if not isinstance(typed, str) or not isinstance(means, list) or not means:
        raise InputError(where, "expected `word: [words of the code texts]`")
    typed_words = [w for w in words(typed) if w not in stop_words()]
    if not 1 <= len(typed_words) <= MAX_PHRASE:
        raise InputError(where, f"{typed!r}: a synonym is one to {MAX_PHRASE} words")
    for meant in means:
        if not isinstance(meant, str) or len(words(meant.rstrip(PREFIX))) != 1:
            raise InputError(where, f"{typed!r}: {meant!r} is not one word")
    return Synonym(typed, tuple(means), where)


def typed_key(synonym: Synonym) -> str:
    """What the query must hold: the keys of the typed words, joined by a space."""
    return " ".join(key(w) for w in words(synonym.typed) if w not in stop_words())


def meant_key(meant: str) -> str:
    """A word meant, as the search file holds it: its key, with `*` after a prefix."""
    (word,) = words(meant.rstrip(PREFIX))
    return key(word) + (PREFIX if meant.endswith(PREFIX) else "")


def search_synonyms(synonyms: tuple[Synonym, ...]) -> dict[str, list[str]]:
    """For the search file: typed key -> sorted keys meant (entries with one typed key merged)."""
    merged: dict[str, set[str]] = {}
    for synonym in synonyms:
        merged.setdefault(typed_key(synonym), set()).update(meant_key(m) for m in synonym.means)
    return {typed: sorted(meant) for typed, meant in sorted(merged.items())}


def synonym_notes(synonyms: tuple[Synonym, ...], vocabulary: list[str]) -> tuple[Diagnostic, ...]:
    """A note for every word meant that no term of the (sorted) vocabulary is, or begins with."""
    notes = []
    for synonym in synonyms:
        for meant in synonym.means:
            found = meant_key(meant)
            if not _in_vocabulary(found, vocabulary):
                detail = f"{synonym.typed}: {meant} is no word of any code text"
                notes.append(Diagnostic(synonym.where, "unknown-synonym", detail))
    return tuple(notes)


def _in_vocabulary(found: str, vocabulary: list[str]) -> bool:
    term = found.rstrip(PREFIX)
    at = bisect.bisect_left(vocabulary, term)
    if at == len(vocabulary):
        return False
    return vocabulary[at] == term or (found.endswith(PREFIX) and vocabulary[at].startswith(term))
