"""Cross-references in notes: `Se AAD`, `Se CAC, DHD 10-30`, `Se kapittel Q`.

A reference list starts after `Se` (or `Se også`) and runs over items joined
by commas, `og`, `eller` or a dash: a chapter or group prefix (`Q`, `TA`,
`AAD`), a code (`AAG 00`, `AAG00`) or a range of codes within a group
(`DHD 10-30`: DHD10 to DHD30). Each item becomes a link to the page of the
code or group it names; an item that names nothing in the code system stays
plain text and is reported as a `broken-reference`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Mapping

from .. import urls
from .hierarchy import Hierarchy
from ..inputs.diagnostics import Location, Diagnostic
from ..urls import Link, make_link

_START_RE = re.compile(r"\b[Ss]e(?:\s+også)?\s+")
_ITEM_RE = re.compile(
    r"(?:(?:kapittel|kapitlene|gruppe|gruppene|kode|kodene)\s+)?"
    r"(?P<ref>(?P<prefix>[A-Z][A-Z0-9]{0,6}?)(?: ?(?P<low>[0-9]{2})(?:\s*-\s*(?P<high>[0-9]{2}))?)?)(?!\w)"
)
_SEP_RE = re.compile(r"\s*(?:,|-|–|\sog\s|\seller\s)\s*")


@dataclass(frozen=True)
class Ref:
    """One reference item: where it stands in the note and what it names."""

    start: int
    end: int
    prefix: str
    low: str | None  # the last two digits of a code, or the start of a range
    high: str | None  # the end of a range

    @property
    def label(self) -> str:
        return self.prefix + (f" {self.low}" if self.low else "") + (f"-{self.high}" if self.high else "")


def find_refs(text: str) -> tuple[Ref, ...]:
    """Every reference item after `Se` in a note, in order."""
    refs: list[Ref] = []
    for start in _START_RE.finditer(text):
        pos = start.end()
        while True:
            item = _ITEM_RE.match(text, pos)
            if item is None:
                break
            refs.append(Ref(item.start("ref"), item.end("ref"), item["prefix"], item["low"], item["high"]))
            sep = _SEP_RE.match(text, item.end())
            if sep is None:
                break
            pos = sep.end()
    return tuple(refs)


class Targets:
    """What a reference may point at: the codes and the chapters and groups of each code system."""

    def __init__(self, codes: Iterable[tuple[str, str]], hierarchy: Hierarchy) -> None:
        self._codes: dict[str, set[str]] = {}
        for system, code in codes:
            self._codes.setdefault(system, set()).add(code)
        self._hierarchy = hierarchy

    def url(self, system: str, ref: Ref) -> str | None:
        """The page a reference names in the code system, or None."""
        codes = self._codes.get(system, set())
        if ref.low and not ref.high:
            code = ref.prefix + ref.low
            return urls.code_url(code) if code in codes else None
        if ref.low and ref.high:
            return self._range_url(system, codes, ref)
        if (system, ref.prefix) in self._hierarchy.nodes:
            return urls.node_url(system, ref.prefix)
        return urls.code_url(ref.prefix) if ref.prefix in codes else None

    def _range_url(self, system: str, codes: set[str], ref: Ref) -> str | None:
        """A range links to the group that holds its codes, if any code of the range exists."""
        low, high = sorted((int(ref.low), int(ref.high)))
        width = len(ref.prefix) + 2
        found = sorted(c for c in codes if len(c) == width and c.startswith(ref.prefix) and low <= int(c[-2:]) <= high)
        if not found:
            return None
        group = self._hierarchy.path(system, found[0])[-1]
        return urls.node_url(system, group.prefix)


@dataclass(frozen=True)
class Resolved:
    """A note with its references resolved: (start, end, URL or None) per reference."""

    text: str
    refs: tuple[tuple[int, int, str | None], ...]


def resolve(system: str, text: str, where: Location, targets: Targets) -> tuple[Resolved, tuple[Diagnostic, ...]]:
    """Resolve the references of one note; report each that names nothing."""
    refs = []
    notes = []
    for ref in find_refs(text):
        url = targets.url(system, ref)
        refs.append((ref.start, ref.end, url))
        if url is None:
            notes.append(Diagnostic(where, "broken-reference", f"{ref.label!r} names no code or group of {system}: {text!r}"))
    return Resolved(text, tuple(refs)), tuple(notes)


@dataclass(frozen=True)
class Segment:
    text: str
    link: Link | None = None


@dataclass(frozen=True)
class NoteLine:
    """A note as a page shows it: plain text and links, in order."""

    segments: tuple[Segment, ...]

    @property
    def links(self) -> tuple[Link, ...]:
        return tuple(s.link for s in self.segments if s.link is not None)


def note_line(page_url: str, note: Resolved) -> NoteLine:
    """The segments of a resolved note, with links relative to the page that shows it."""
    segments: list[Segment] = []
    pos = 0
    for start, end, url in note.refs:
        if start > pos:
            segments.append(Segment(note.text[pos:start]))
        label = note.text[start:end]
        segments.append(Segment(label, make_link(page_url, url, label) if url else None))
        pos = end
    if pos < len(note.text):
        segments.append(Segment(note.text[pos:]))
    return NoteLine(_joined(segments))


def _joined(segments: list[Segment]) -> tuple[Segment, ...]:
    """Neighbouring plain segments made one (a broken reference is plain text)."""
    out: list[Segment] = []
    for segment in segments:
        if out and out[-1].link is None and segment.link is None:
            out[-1] = Segment(out[-1].text + segment.text)
        else:
            out.append(segment)
    return tuple(out)


def note_lines(page_url: str, notes: Iterable[Resolved]) -> tuple[NoteLine, ...]:
    return tuple(note_line(page_url, n) for n in notes)


NotesByKey = Mapping[tuple[str, str], tuple[Resolved, ...]]
