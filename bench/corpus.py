"""A deterministic generated corpus for the build benchmark.

    .venv/bin/python bench/corpus.py [--codes N] [--releases R] [--seed S] [--out DIR]

Writes N distinct codes (one code page each; default 100,000) over R yearly
releases (default 25, from the year 2000) as input files with a
`releases.yaml` manifest in the project's format, and prints the manifest's
path. Without --out the corpus is cached in `bench/out/corpus-v<V>-n<N>-r<R>-s<S>/`
and reused by later runs with the same parameters.

The systems share the codes as NCSP 55 %, NCMP 20 %, NCRP 20 %, særkoder 5 %,
in their usual shapes (0.3 % of an unusual six-character shape, which the
build report notes). Between releases, per code system: about 2.5 % of the
codes are new (a fifth of the expired codes move: the same text under a new
code), 1.2 % expire, 1.5 % get a new text, and a few expired codes come back.
Files: tab-separated UTF-8 text per system and year (NCMP in Windows-1252
every fifth year), særkoder as a headered .xlsx per year, and the newest
release as one headered workbook with a code-system column, as the directorate
publishes it. `corpus.json` holds the counts of every change kind.
"""

from __future__ import annotations

import argparse
import datetime
import io
import json
import math
import os
import random
import re
import shutil
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from openpyxl import Workbook

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_text import anatomy, changed, code_in, leaf, text_for  # noqa: E402

VERSION = 1  # bump when the generated corpus changes: cached corpora are then remade
ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "bench" / "out"
FIRST_YEAR = 2000
SHARES = (("NCSP", 0.55), ("NCMP", 0.20), ("NCRP", 0.20), ("SK", 0.05))
NEW, EXPIRE, MOVE, TEXT, REACTIVATE, UNUSUAL = 0.025, 0.012, 0.2, 0.015, 0.0003, 0.003
CODES_PER_LEAF = 8
SYSTEM_NAMES = {"NCSP": "NCSP", "NCMP": "NCMP", "NCRP": "NCRP", "SK": "Særkoder"}
NAME_PATTERNS = {"NCSP": "Operasjoner på {}", "NCMP": "Undersøkelser av {}",
                 "NCRP": "Bildediagnostikk av {}", "SK": "Særkoder for {}"}
FIXED_TIME = datetime.datetime(2000, 1, 1)


@dataclass
class SystemState:
    """One code system while the releases are made."""

    system: str
    pool: list[str]  # every code the system will ever have, in order of introduction
    per_release: int  # codes introduced by each release after the first
    taken: int = 0
    active: dict[str, str] = field(default_factory=dict)  # code -> text in the current release
    expired: dict[str, str] = field(default_factory=dict)  # code -> last text, may come back
    regions: dict[str, str] = field(default_factory=dict)  # NCRP region names by leaf

    def take(self, count: int) -> list[str]:
        codes = self.pool[self.taken:self.taken + count]
        self.taken += len(codes)
        return codes


def _leaves(rng: random.Random, system: str, count: int) -> list[str]:
    wanted = max(1, math.ceil(count / CODES_PER_LEAF))
    found: dict[str, None] = {}
    for _ in range(wanted * 20):
        found.setdefault(leaf(rng, system))
        if len(found) == wanted:
            break
    return list(found)


def _pool(rng: random.Random, system: str, count: int) -> list[str]:
    """`count` distinct codes of the system, in random order."""
    leaves = _leaves(rng, system, count)
    codes: dict[str, None] = {}
    for _ in range(count * 20):
        if len(codes) == count:
            return list(codes)
        codes.setdefault(code_in(rng, system, rng.choice(leaves), rng.random() < UNUSUAL))
    raise ValueError(f"{count} codes do not fit the shapes of {system}")


def _start(rng: random.Random, system: str, total: int, releases: int) -> SystemState:
    per_release = round(total * NEW / (1 + NEW * (releases - 1)))
    state = SystemState(system, _pool(rng, system, total), per_release)
    for code in state.take(total - per_release * (releases - 1)):
        state.active[code] = text_for(rng, system, code, state.regions)
    return state


def _step(rng: random.Random, state: SystemState, counts: dict[str, int]) -> None:
    """Turn the current release into the next one."""
    codes = sorted(state.active)
    gone = rng.sample(codes, min(len(codes) - 1, round(len(codes) * EXPIRE)))
    staying = sorted(set(codes) - set(gone))
    for code in rng.sample(staying, min(len(staying), round(len(codes) * TEXT))):
        state.active[code] = changed(rng, state.active[code])
        counts["changed_text"] += 1
    returning = sorted(state.expired)
    back = rng.sample(returning, min(len(returning), math.ceil(len(codes) * REACTIVATE)))
    for code in back:
        state.active[code] = state.expired.pop(code)
    new = state.take(state.per_release)
    moves = min(len(new), math.ceil(len(gone) * MOVE))
    for index, code in enumerate(new):
        moved = index < moves
        state.active[code] = state.active[gone[index]] if moved else text_for(rng, state.system, code, state.regions)
    for index, code in enumerate(gone):
        text = state.active.pop(code)
        if index >= moves:  # a moved code does not come back
            state.expired[code] = text
    counts["expired"] += len(gone)
    counts["moved"] += moves
    counts["new"] += len(new)
    counts["reactivated"] += len(back)


# --- files ------------------------------------------------------------------

def _normalise_zip(data: bytes) -> bytes:
    """Fixed entry dates and a fixed core.xml date: the same workbook gives the same bytes."""
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>" + stamp, body)
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, body)
    return out.getvalue()


def xlsx(title: str, rows: list[list[str]]) -> bytes:
    """A one-sheet workbook, written row by row (openpyxl's write-only mode)."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title)
    for row in rows:
        sheet.append(row)
    book.properties.creator = "nkpk-site bench"
    book.properties.created = book.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    book.save(buffer)
    return _normalise_zip(buffer.getvalue())


def _text_file(codes: dict[str, str], encoding: str) -> bytes:
    return "".join(f"{code}\t{text}\n" for code, text in sorted(codes.items())).encode(encoding)


def release_files(year: int, index: int, newest: bool, states: list[SystemState]) -> list[tuple[str, str | None, bytes]]:
    """(file name, system or None, bytes) of one release."""
    if newest and index > 0:
        rows = [[SYSTEM_NAMES[s.system], code, text] for s in states for code, text in sorted(s.active.items())]
        return [(f"Alle prosedyrekoder {year}.xlsx", None, xlsx(f"Prosedyrekoder {year}", [["Kodeverk", "Kode", "Tekst"], *rows]))]
    files = []
    for state in states:
        if state.system == "SK":
            rows = [["Kode", "Tekst"], *map(list, sorted(state.active.items()))]
            files.append((f"saerkoder_{year}.xlsx", "SK", xlsx(f"Særkoder {year}", rows)))
        else:
            encoding = "cp1252" if state.system == "NCMP" and index % 5 == 2 else "utf-8"
            files.append((f"{state.system.lower()}_{year}.txt", state.system, _text_file(state.active, encoding)))
    return files


def names(rng: random.Random, states: list[SystemState]) -> dict[str, dict[str, str]]:
    """Names of the chapters and groups (first one and two characters) that any code falls in."""
    result: dict[str, dict[str, str]] = {}
    for state in states:
        lengths = (1,) if state.system == "SK" else (1, 2)
        prefixes = sorted({code[:n] for code in state.pool for n in lengths})
        result[state.system] = {p: NAME_PATTERNS[state.system].format(anatomy(rng)) for p in prefixes}
    return result


def manifest_text(entries: list[tuple[int, list[tuple[str, str | None]]]], deadlines: str) -> str:
    lines = ["# Generated by bench/corpus.py: a benchmark corpus, not real codes.",
             "names: names.yaml", f"deadlines: {json.dumps(deadlines)}", "releases:"]
    for year, files in entries:
        lines += [f"  - year: {year}", "    files:"]
        for name, system in files:
            lines.append(f"      - path: {json.dumps(name)}")
            if system:
                lines.append(f"        system: {system}")
    return "\n".join(lines) + "\n"


def generate(out_dir: Path, codes: int = 100_000, releases: int = 25, seed: int = 1) -> Path:
    """Write the corpus into out_dir; return the manifest's path."""
    rng = random.Random(f"nkpk-bench-{seed}-{codes}-{releases}")
    totals = [round(codes * share) for _, share in SHARES]
    totals[0] += codes - sum(totals)
    states = [_start(rng, system, total, releases) for (system, _), total in zip(SHARES, totals)]
    out_dir.mkdir(parents=True, exist_ok=True)
    counts = dict.fromkeys(("new", "expired", "moved", "changed_text", "reactivated"), 0)
    entries = []
    for index in range(releases):
        if index:
            for state in states:
                _step(rng, state, counts)
        year = FIRST_YEAR + index
        files = release_files(year, index, index == releases - 1, states)
        for name, _, data in files:
            (out_dir / name).write_bytes(data)
        entries.append((year, [(name, system) for name, system, _ in files]))
    (out_dir / "names.yaml").write_text(yaml.safe_dump(names(rng, states), allow_unicode=True), encoding="utf-8")
    deadlines = os.path.relpath(ROOT / "data" / "deadlines.yaml", out_dir)
    (out_dir / "releases.yaml").write_text(manifest_text(entries, deadlines), encoding="utf-8")
    summary = {"codes": codes, "releases": releases, "seed": seed, "changes": counts,
               "valid_in_newest": sum(len(s.active) for s in states)}
    (out_dir / "corpus.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return out_dir / "releases.yaml"


def cached(codes: int = 100_000, releases: int = 25, seed: int = 1) -> Path:
    """The manifest of the corpus with these parameters, generated into bench/out/ on first use."""
    final = CACHE / f"corpus-v{VERSION}-n{codes}-r{releases}-s{seed}"
    if not (final / "releases.yaml").exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        fresh = Path(tempfile.mkdtemp(prefix=".corpus-", dir=CACHE))
        generate(fresh, codes, releases, seed)
        shutil.rmtree(final, ignore_errors=True)
        os.rename(fresh, final)
    return final / "releases.yaml"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a generated benchmark corpus.")
    parser.add_argument("--codes", type=int, default=100_000)
    parser.add_argument("--releases", type=int, default=25)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, help="folder to write (default: cached under bench/out/)")
    args = parser.parse_args(argv)
    if args.out:
        print(generate(args.out, args.codes, args.releases, args.seed))
    else:
        print(cached(args.codes, args.releases, args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
