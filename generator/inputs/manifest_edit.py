"""Adding a release to the manifest's text, keeping its comments, layout and order.

The manifest is edited as text, not loaded and dumped again: a new entry is
written in the indentation of the entries around it and put after the last
release of an earlier year (or, with `replace`, in place of the entry of its
year). The result is then read back: its releases must be the old ones with the
new entry in place, and everything else must read as before; otherwise nothing
is changed and the maintainer is told to add the entry by hand.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .diagnostics import InputError, Location

_RELEASES_RE = re.compile(r"releases:\s*(#.*)?")
_ITEM_RE = re.compile(r"( *)-( +)")
_YEAR_RE = re.compile(r"^ *(?:- +)?year: *['\"]?(\d+)['\"]? *(?:#.*)?$")
_FILE_ITEM_RE = re.compile(r"^( *)- +path:")
_PLAIN_RE = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_./-]*")


@dataclass(frozen=True)
class NewFile:
    path: str  # relative to the manifest
    system: str | None = None


@dataclass(frozen=True)
class NewRelease:
    year: int
    files: tuple[NewFile, ...]
    valid_on: str | None = None  # ISO date; None: 1 January of the year
    new_shapes: tuple[str, ...] = ()  # codes of a shape new to their system, meant (model/shapes.py)


@dataclass(frozen=True)
class _Item:
    start: int  # index of the item's first line
    end: int  # index after its last line of content
    year: int | None


def with_release(text: str, manifest: Path, release: NewRelease, replace: bool = False) -> str:
    """The manifest text with the release added (or put in place of the release of its year)."""
    where, year = Location(str(manifest)), release.year
    lines = text.splitlines(keepends=True)
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    if lines and not lines[-1].endswith(("\n", "\r")):
        lines[-1] += newline
    head = next((i for i, line in enumerate(lines) if _RELEASES_RE.fullmatch(line.rstrip("\r\n"))), None)
    if head is None:
        raise InputError(where, "no top-level 'releases:' list to add to; add the release by hand")
    items = _items(lines, head)
    if not items:
        raise InputError(where, "the 'releases:' list has no entries written one per line; add the release by hand")
    block = _block(lines, items[0], release, newline)
    same = [item for item in items if item.year == year]
    if same and not replace:
        raise InputError(where, f"release {year} is already in the manifest (give --replace to replace it)")
    if same:
        at, end = same[0].start, same[0].end
    else:
        earlier = [item for item in items if item.year is not None and item.year < year]
        at = end = earlier[-1].end if earlier else _before_comments(lines, items[0].start)
    edited = "".join(lines[:at] + block + lines[end:])
    _check(text, edited, where, release, "".join(block))
    return edited


def _items(lines: list[str], head: int) -> list[_Item]:
    """The entries of the releases list: where each starts and ends, and its year."""
    starts: list[int] = []
    indent = None
    stop = len(lines)
    for i in range(head + 1, len(lines)):
        line = lines[i].rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = _ITEM_RE.match(line)
        if indent is None and match:
            indent = len(match.group(1))
        if indent is not None and match and len(match.group(1)) == indent:
            starts.append(i)
        elif len(line) - len(line.lstrip()) <= (indent or 0) and not match:
            stop = i
            break
    items = []
    for n, start in enumerate(starts):
        limit = starts[n + 1] if n + 1 < len(starts) else stop
        end = max(i for i in range(start, limit) if i == start or _content(lines[i], indent or 0)) + 1
        years = [int(m.group(1)) for line in lines[start:end] if (m := _YEAR_RE.match(line.rstrip("\r\n")))]
        items.append(_Item(start, end, years[0] if len(years) == 1 else None))
    return items


def _content(line: str, indent: int) -> bool:
    """A line that belongs to the entry above it: not blank, indented deeper than the entries' dashes."""
    text = line.rstrip("\r\n")
    return bool(text.strip()) and len(text) - len(text.lstrip()) > indent


def _before_comments(lines: list[str], start: int) -> int:
    """The first of the comment lines right above an entry (they belong to it)."""
    while start > 0 and lines[start - 1].lstrip().startswith("#"):
        start -= 1
    return start


def _block(lines: list[str], first: _Item, release: NewRelease, newline: str) -> list[str]:
    """The new entry, indented as the first entry of the list is."""
    match = _ITEM_RE.match(lines[first.start])
    dash = match.group(1)
    keys = " " * len(match.group(0))
    nested = next((m.group(1) for line in lines if (m := _FILE_ITEM_RE.match(line))), keys + "  ")
    out = [f"{dash}- year: {release.year}", *([f"{keys}valid_on: {release.valid_on}"] if release.valid_on else [])]
    if release.new_shapes:
        out.append(f"{keys}new_shapes: [{', '.join(_scalar(code) for code in release.new_shapes)}]")
    out.append(f"{keys}files:")
    for item in release.files:
        out.append(f"{nested}- path: {_scalar(item.path)}")
        if item.system:
            out.append(f"{nested}  system: {item.system}")
    return [line + newline for line in out]


def _scalar(value: str) -> str:
    """A YAML scalar for a file path: plain where that is safe, double-quoted otherwise."""
    return value if _PLAIN_RE.fullmatch(value) and not value.isdigit() else json.dumps(value, ensure_ascii=False)


def _check(before: str, after: str, where: Location, release: NewRelease, block: str) -> None:
    """The edited text must read as the old manifest with the new entry in place of any of its year."""
    old, new = yaml.safe_load(before), yaml.safe_load(after)
    year = release.year
    entry: dict = {"year": year, "files": [_file_entry(f) for f in release.files]}
    if release.valid_on:
        entry["valid_on"] = yaml.safe_load(release.valid_on)
    if release.new_shapes:
        entry["new_shapes"] = list(release.new_shapes)
    kept = [r for r in old["releases"] if not (isinstance(r, dict) and r.get("year") == year)]
    expected = sorted([*kept, entry], key=lambda r: r.get("year") if isinstance(r, dict) else 0)
    releases = new.get("releases") if isinstance(new, dict) else None
    rest_same = isinstance(new, dict) and {k: v for k, v in new.items() if k != "releases"} == {
        k: v for k, v in old.items() if k != "releases"}
    if not rest_same or releases is None or sorted(releases, key=_year_key) != expected or entry not in releases:
        raise InputError(where, f"could not add the release to the manifest's text safely; add it by hand:\n{block}")


def _file_entry(item: NewFile) -> dict:
    return {"path": item.path, **({"system": item.system} if item.system else {})}


def _year_key(entry: object) -> int:
    return entry.get("year") if isinstance(entry, dict) and isinstance(entry.get("year"), int) else 0
