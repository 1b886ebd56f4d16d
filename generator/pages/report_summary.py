"""The build report summed up for the terminal: `nkpk-site check` and the end of `nkpk-site build`.

The report itself (pages/report.py) lists every note, tens of thousands on the real lists. A maintainer
reads first: how many notes of each kind with the first of each, the notes that concern the newest release
one by one, and where the whole report is.
"""

from __future__ import annotations

from collections import Counter

from .report import summary

CHECK_LINES = 60  # the most lines `nkpk-site check` prints
EXAMPLES = 3  # the most notes of a kind it shows
NEWEST = 15  # the most notes of the newest release it names
WIDTH = 160  # a longer note is cut, its end shown as "..."
BUILD_KINDS = 6  # the kinds the end of a build names, the most frequent first
BUILD_NEWEST = 3  # the notes of the newest release the end of a build names


def check_lines(data: dict, whole: str) -> list[str]:
    """At most CHECK_LINES lines: counts by kind with the first notes of each, the newest release's notes, and
    where the whole report is (`whole`)."""
    newest = _newest_notes(data)
    year = data["releases"][-1]["year"]
    head = [summary(data)]
    tail = [f"The newest release, {year}: {_count(len(newest))} in its files" + (":" if newest else "")]
    tail += [f"  {_shown(n)}" for n in newest[:NEWEST]]
    if len(newest) > NEWEST:
        tail.append(f"  ... and {len(newest) - NEWEST} more")
    tail.append(f"The whole report: {whole}")
    kinds = _kinds(data, CHECK_LINES - len(head) - len(tail) - 1)
    title = "Notes by kind (kind: how many, then the first in the report):"
    return head + ([title, *kinds] if kinds else []) + tail


def build_lines(data: dict, report_file: str) -> list[str]:
    """A few lines for the end of a build: the most frequent kinds, the newest release's notes, the report file."""
    counts = Counter(data["note_counts"])
    if not counts:
        return []
    named = ", ".join(f"{kind} {n}" for kind, n in counts.most_common(BUILD_KINDS))
    more = f" and {len(counts) - BUILD_KINDS} more kinds" if len(counts) > BUILD_KINDS else ""
    newest = _newest_notes(data)
    year = data["releases"][-1]["year"]
    lines = [f"notes by kind: {named}{more}",
             f"the newest release, {year}: {_count(len(newest))} in its files" + (":" if newest else "")]
    lines += [f"  {_shown(n)}" for n in newest[:BUILD_NEWEST]]
    if len(newest) > BUILD_NEWEST:
        lines.append(f"  ... and {len(newest) - BUILD_NEWEST} more")
    lines.append(f"the whole report: {report_file} (`make check` sums it up)")
    return lines


def _kinds(data: dict, room: int) -> list[str]:
    """Each kind with its count and first notes, as many notes as `room` lines allow (at least the count)."""
    counts = data["note_counts"]
    if not counts:
        return []
    if len(counts) > room:  # more kinds than lines: the most frequent, then how many are left out
        kept = sorted(sorted(counts, key=lambda k: -counts[k])[: room - 1])
        return [f"  {k}: {counts[k]}" for k in kept] + [f"  ... and {len(counts) - len(kept)} more kinds"]
    each = min(EXAMPLES, room // len(counts))
    first: dict[str, list[dict]] = {kind: [] for kind in counts}
    for note in data["notes"]:
        if len(first[note["kind"]]) < each:
            first[note["kind"]].append(note)
    lines = []
    for kind in sorted(counts):
        notes = first[kind]
        lines.append(f"  {kind}: {counts[kind]}" + (f", {_where_what(notes[0])}" if notes else ""))
        lines += [f"      {_where_what(n)}" for n in notes[1:]]
    return lines


def _newest_notes(data: dict) -> list[dict]:
    """The notes on the files of the newest release (a file shared with older releases included)."""
    files = {f["path"] for f in data["releases"][-1]["files"]}
    return [n for n in data["notes"] if n["file"] in files]


def _where(note: dict) -> str:
    return note["file"] + (f":{note['line']}" if note["line"] else "") + (f" ({note['cell']})" if note["cell"] else "")


def _where_what(note: dict) -> str:
    return _cut(_where(note) + (f": {note['detail']}" if note["detail"] else ""))


def _shown(note: dict) -> str:
    return _cut(f"{_where(note)}: {note['kind']}" + (f": {note['detail']}" if note["detail"] else ""))


def _cut(text: str) -> str:
    return text if len(text) <= WIDTH else text[: WIDTH - 3] + "..."


def _count(n: int) -> str:
    return f"{n} note" + ("" if n == 1 else "s")
