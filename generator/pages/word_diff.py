"""Word diffs for the pages: which words of two texts differ.

Change pages show them for text changes and for "nesten lik tekst" successors,
code pages between consecutive texts of a code.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

_TOKEN = re.compile(r"\S+")


@dataclass(frozen=True)
class Segment:
    text: str
    changed: bool


def word_diff(before: str, after: str) -> tuple[tuple[Segment, ...], tuple[Segment, ...]]:
    """Both texts split in segments, the words that differ marked as changed."""
    old, new = _TOKEN.findall(before), _TOKEN.findall(after)
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    left: list[Segment] = []
    right: list[Segment] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        same = tag == "equal"
        if i2 > i1:
            left.append(Segment(" ".join(old[i1:i2]), not same))
        if j2 > j1:
            right.append(Segment(" ".join(new[j1:j2]), not same))
    return tuple(left), tuple(right)


@dataclass(frozen=True)
class DiffPart:
    """A run of words of a merged diff: in both texts, only in the new one, or only in the old one."""

    text: str
    kind: str  # "same", "ins" or "del"


def merged_diff(before: str, after: str) -> tuple[DiffPart, ...]:
    """One text to read: the new text, with the words removed from the old one shown where they were."""
    old, new = _TOKEN.findall(before), _TOKEN.findall(after)
    parts: list[DiffPart] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if tag == "equal":
            parts.append(DiffPart(" ".join(new[j1:j2]), "same"))
            continue
        if i2 > i1:
            parts.append(DiffPart(" ".join(old[i1:i2]), "del"))
        if j2 > j1:
            parts.append(DiffPart(" ".join(new[j1:j2]), "ins"))
    return tuple(parts)


def plain(text: str | None) -> tuple[Segment, ...]:
    """A text as one unchanged segment (none for no text)."""
    return (Segment(text, False),) if text is not None else ()


def diff_pair(before: str | None, after: str | None) -> tuple[tuple[Segment, ...], tuple[Segment, ...]]:
    """Segments of both texts: a word diff when both exist and differ, else each text whole."""
    if before is not None and after is not None and before != after:
        return word_diff(before, after)
    return plain(before), plain(after)


def period_diffs(texts: tuple[str | None, ...]) -> tuple[tuple[DiffPart, ...], ...]:
    """Each text of a code's timeline merged with the text before it (absent periods skipped)."""
    out: list[tuple[DiffPart, ...]] = []
    previous: str | None = None
    for text in texts:
        if text is None:
            out.append(())
            continue
        changed = previous is not None and previous != text
        out.append(merged_diff(previous, text) if changed else (DiffPart(text, "same"),))
        previous = text
    return tuple(out)
