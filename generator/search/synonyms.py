"""The search's thesaurus: what people type, by kind, and the words of the code texts it stands for.

`data/synonyms.yaml` (named `synonyms:` in the manifest) maps each kind to
its entries:

    abbreviation:
      tur-p: [transuretral reseksjon prostata]   # a phrase: every word must be in the text
      rg: [røntgen]
    everyday:
      magespeiling: [gastroskopi]
      mandler: [tonsill*]                        # `*`: any word that begins so
      grå stær: [katarakt*]                      # one to three typed words, matched as one

Kinds: everyday, latin, english, abbreviation, eponym, convention. Both
sides are written as they are read (any case and spelling); the search file
holds them as keys (`search_text.key`), stop words left out. An alternative
with a word that no code text has, not as a word nor as the beginning of
one, is a note of the build report (`unknown-synonym`), with its line.
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
KINDS = ("everyday", "latin", "english", "abbreviation", "eponym", "convention")


@dataclass(frozen=True)
class Synonym:
    kind: str  # one of KINDS
    typed: str  # what people type, as written in the file
    means: tuple[str, ...]  # alternatives as written: words of the code texts separated by spaces
    where: Location


def load_synonyms(path: Path | None) -> tuple[Synonym, ...]:
    """The thesaurus's entries in file order; none without a file. InputError on a bad entry."""
    if path is None:
        return ()
    data = read_yaml(path, "synonyms file")
    if data is None:
        return ()
    if not isinstance(data, dict):
        raise InputError(Location(str(path)), "expected a mapping of kinds to entries")
    lines = _key_lines(path)
    found = []
    for kind, entries in data.items():
        where = Location(str(path), lines.get((str(kind), None), 0))
        if kind not in KINDS:
            raise InputError(where, f"{kind!r} is no kind of synonym ({', '.join(KINDS)})")
        if entries is None:
            continue
        if not isinstance(entries, dict):
            raise InputError(where, f"{kind}: expected entries `word: [words of the code texts]`")
        found.extend(_entry(path, lines, kind, typed, means) for typed, means in entries.items())
    return tuple(found)


def _key_lines(path: Path) -> dict[tuple[str, str | None], int]:
    """The line of each kind (kind, None) and entry (kind, typed), for the messages."""
    found: dict[tuple[str, str | None], int] = {}
    kind = ""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#") or ":" not in stripped:
            continue
        name = stripped.split(":", 1)[0].strip().strip("'\"")
        if not line[0].isspace():
            kind = name
            found.setdefault((kind, None), number)
        else:
            found.setdefault((kind, name), number)
    return found


def _entry(path: Path, lines: dict, kind: str, typed: object, means: object) -> Synonym:
    where = Location(str(path), lines.get((kind, str(typed)), 0))
    if isinstance(means, str):
        means = [means]
    if not isinstance(typed, str) or not isinstance(means, list) or not means:
        raise InputError(where, "expected `word: [words of the code texts]`")
    typed_words = [w for w in words(typed) if w not in stop_words()]
    if not 1 <= len(typed_words) <= MAX_PHRASE:
        raise InputError(where, f"{typed!r}: a synonym is one to {MAX_PHRASE} words")
    for meant in means:
        if not isinstance(meant, str) or not _phrase_words(meant):
            raise InputError(where, f"{typed!r}: {meant!r} has no word")
    return Synonym(kind, typed, tuple(means), where)


def _phrase_words(meant: str) -> list[str]:
    """The words of an alternative, stop words left out, each with its `*` if it has one."""
    found = []
    for part in meant.split():
        star = part.endswith(PREFIX)
        for word in words(part.rstrip(PREFIX)):
            if word not in stop_words():
                found.append(word + PREFIX if star else word)
    return found


def typed_key(synonym: Synonym) -> str:
    """What the query must hold: the keys of the typed words, joined by a space."""
    return " ".join(key(w) for w in words(synonym.typed) if w not in stop_words())


def meant_keys(meant: str) -> list[str]:
    """An alternative's words as the search file holds them: keys, with `*` after a prefix."""
    return [key(w.rstrip(PREFIX)) + (PREFIX if w.endswith(PREFIX) else "") for w in _phrase_words(meant)]


def search_synonyms(synonyms: tuple[Synonym, ...]) -> dict[str, list[str]]:
    """For the search file: typed key -> [kind, alternative, ...], an alternative its words' keys joined by spaces.

    Entries with one typed key are merged; the first entry names their kind.
    """
    kinds: dict[str, str] = {}
    merged: dict[str, set[str]] = {}
    for synonym in synonyms:
        typed = typed_key(synonym)
        kinds.setdefault(typed, synonym.kind)
        merged.setdefault(typed, set()).update(" ".join(meant_keys(m)) for m in synonym.means)
    return {typed: [kinds[typed], *sorted(merged[typed])] for typed in sorted(merged)}


def synonym_notes(synonyms: tuple[Synonym, ...], vocabulary: list[str]) -> tuple[Diagnostic, ...]:
    """A note for every alternative with a word that no term of the (sorted) vocabulary is, or begins with."""
    notes = []
    for synonym in synonyms:
        for meant in synonym.means:
            missing = [w for w in meant_keys(meant) if not _in_vocabulary(w, vocabulary)]
            if missing:
                detail = f"{synonym.kind}: {synonym.typed}: {meant} is no word of any code text"
                notes.append(Diagnostic(synonym.where, "unknown-synonym", detail))
    return tuple(notes)


def _in_vocabulary(found: str, vocabulary: list[str]) -> bool:
    term = found.rstrip(PREFIX)
    at = bisect.bisect_left(vocabulary, term)
    if at == len(vocabulary):
        return False
    return vocabulary[at] == term or (found.endswith(PREFIX) and vocabulary[at].startswith(term))
