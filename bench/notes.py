"""Codes from a note, measured: recall, first suggestion and negated codes, on graded notes.

    .venv/bin/python bench/notes.py [--misses] [--speed] [YAML ...]

Reads graded note files (default: every tests/notes/*.yaml), each a list of
notes `{id, area, note, record: [codes], forbid: [codes], why}`: `record`
holds what a coder records for the note (the main procedure first, then
further procedures and the supplementary codes), `forbid` what the note
says was not done or contradicts. Every note goes through the note page's
suggestions (note-core.js on the real corpus's search file, in headless
chromium, as bench/search_eval.py --engine runs the search) and the script
prints per file and area:

- recall: the share of recorded codes among the first max(5, 2 x their
  number) suggestions;
- first: the share of notes whose first suggestion is a recorded code;
- negated: the notes with a forbidden code among the first five.

`--speed` also times the suggestions for a note of about 2,000 characters
(once the search file is loaded, unthrottled). Not run by the test suite
(tests/test_notes.py asserts floors).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.browser import chromium  # noqa: E402
from tests.helpers import bench_module  # noqa: E402

NOTES = ROOT / "tests" / "notes"
TOP = 5
SUGGEST = """([notes, rules]) => notes.map(n => nkpkNoteCore.suggest(window.engine, n, rules, {limit: 30}).suggestions
  .map(s => window.engine.codes[s.doc]))"""


@dataclass(frozen=True)
class Note:
    id: str
    area: str
    text: str
    record: tuple[str, ...]
    forbid: tuple[str, ...]


@dataclass(frozen=True)
class Scored:
    note: Note
    codes: tuple[str, ...]

    @property
    def depth(self) -> int:
        return max(TOP, 2 * len(self.note.record))

    @property
    def recall(self) -> float:
        return sum(1 for c in self.note.record if c in self.codes[: self.depth]) / len(self.note.record)

    @property
    def first(self) -> bool:
        return bool(self.codes) and self.codes[0] in self.note.record

    @property
    def negated(self) -> tuple[str, ...]:
        return tuple(c for c in self.codes[:TOP] if c in self.note.forbid)


def read_notes(path: Path) -> list[Note]:
    """The notes of a graded file; a note without text or recorded codes stops with its id."""
    found = []
    for item in yaml.safe_load(path.read_text(encoding="utf-8")):
        if not item.get("note") or not item.get("record"):
            raise SystemExit(f"{path}: note {item.get('id')!r} needs a note and recorded codes")
        found.append(Note(str(item["id"]), str(item.get("area", "")), str(item["note"]),
                          tuple(item["record"]), tuple(item.get("forbid") or ())))
    return found




def note_page(page) -> dict:
    """The engine page of bench/search_eval.py with note-core.js: the note rules to pass."""
    from generator.search.notes import note_rules

    bench_module("search_eval").engine_page(page)
    page.add_script_tag(content=(ROOT / "site_src" / "assets" / "note-core.js").read_text(encoding="utf-8"))
    return note_rules()


def run_notes(page, rules: dict, notes: list[Note]) -> list[Scored]:
    codes = page.evaluate(SUGGEST, [[n.text for n in notes], rules])
    return [Scored(n, tuple(found)) for n, found in zip(notes, codes)]


def figures(scored: list[Scored]) -> tuple[int, float, float, int]:
    """(notes, recall, first, notes with a forbidden code in the first five)."""
    count = len(scored) or 1
    return (len(scored), sum(s.recall for s in scored) / count, sum(s.first for s in scored) / count,
            sum(1 for s in scored if s.negated))


def report(name: str, scored: list[Scored], misses: bool) -> None:
    print(f"{name}: {len(scored)} notes")
    print(f"  {'area':<14} {'n':>3} {'recall':>7} {'first':>7} {'negated':>8}")
    for area in sorted({s.note.area for s in scored}) + ["all"]:
        n, recall, first, negated = figures([s for s in scored if area in ("all", s.note.area)])
        print(f"  {area:<14} {n:>3} {recall:>7.1%} {first:>7.1%} {negated:>8}")
    if misses:
        for s in scored:
            if s.recall < 1 or not s.first or s.negated:
                print(f"  {s.note.id}: record {','.join(s.note.record)} forbid {','.join(s.note.forbid) or '-'}"
                      f" -> {' '.join(s.codes[: s.depth])}{'  NEGATED ' + ','.join(s.negated) if s.negated else ''}")


SPEED = """([note, rules]) => { const e = window.engine; nkpkNoteCore.suggest(e, note, rules, {});
  const t = performance.now(); for (let i = 0; i < 5; i++) nkpkNoteCore.suggest(e, note, rules, {}); return (performance.now() - t) / 5; }"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="graded note files (default: tests/notes/*.yaml)")
    parser.add_argument("--misses", action="store_true", help="list the notes not fully found")
    parser.add_argument("--speed", action="store_true", help="time a note of about 2,000 characters")
    args = parser.parse_args(argv)
    paths = args.files or sorted(NOTES.glob("*.yaml"))
    with chromium() as browser:
        page = browser.new_page()
        rules = note_page(page)
        everything = []
        for path in paths:
            scored = run_notes(page, rules, read_notes(path))
            everything.extend(scored)
            report(path.name, scored, args.misses)
        if len(paths) > 1:
            report("all files", everything, False)
        if args.speed:
            long = "\n".join(n.note.text for n in sorted(everything, key=lambda s: -len(s.note.text)))[:2000]
            print(f"suggestions for a note of {len(long)} characters: {page.evaluate(SPEED, [long, rules]):.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
