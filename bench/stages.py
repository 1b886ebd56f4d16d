"""Time the comparison and successor stages of the build on one manifest.

    .venv/bin/python bench/stages.py MANIFEST [--repeat N] [--save FILE] [--check FILE] [--cache DIR]

Reads the manifest as `generator.build.prepare` does (the files, the
catalogue, the official change documents), then times `compare_releases`,
`code_events`, `find_successors` and `code_timeline` for every code, in the
order the build runs them, each `--repeat` times; the fastest counts, in wall
and in CPU time (the machine may be shared). Reading a large corpus takes a
while, so `--cache DIR` keeps what was read in a pickle there (keyed by the
manifest's path and the files' modification times) for the next run. What was
read is frozen out of the garbage collector before timing (`gc.freeze`): a
full collection over a large catalogue takes seconds and would land in
whichever stage happens to trigger it.

`--save FILE` pickles the stages' outputs; `--check FILE` compares them with
such a file (dictionaries in the same order too) and exits with 1 if anything
differs: a change meant to make a stage faster must give the same results.
Not run by the test suite.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import pickle
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from generator.build import _of_kind  # noqa: E402
from generator.analysis.compare import code_events, code_timeline, compare_releases  # noqa: E402
from generator.inputs.manifest import load_manifest  # noqa: E402
from generator.model.catalogue import build_catalogue  # noqa: E402
from generator.analysis.official import official_entries  # noqa: E402
from generator.inputs.readers import read_file  # noqa: E402
from generator.analysis.successors import find_successors  # noqa: E402


def _read(manifest_path: Path, cache: Path | None):
    """(catalogue, official entries) of the manifest, from the cache when its inputs are unchanged."""
    manifest = load_manifest(manifest_path)
    key = hashlib.sha256(str(manifest_path.resolve()).encode())
    for release in manifest.releases:
        for spec in release.files:
            key.update(f"{spec.path}:{spec.path.stat().st_mtime_ns}".encode())
    cached = cache / f"stages-{key.hexdigest()[:16]}.pickle" if cache else None
    if cached and cached.exists():
        return pickle.loads(cached.read_bytes())
    results = {r.year: [read_file(spec) for spec in r.files] for r in manifest.releases}
    catalogue, _ = build_catalogue(_of_kind(results, "codes", "book"))
    official = tuple(e for y, files in _of_kind(results, "changes").items() for e in official_entries(y, files))
    if cached:
        cache.mkdir(parents=True, exist_ok=True)
        cached.write_bytes(pickle.dumps((catalogue, official), protocol=pickle.HIGHEST_PROTOCOL))
    return catalogue, official


def _timed(function, repeat: int):
    """((fastest wall seconds, fastest CPU seconds), result of the last run)."""
    wall, cpu, result = float("inf"), float("inf"), None
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = function()
        wall, cpu = min(wall, time.perf_counter() - start), min(cpu, time.process_time() - start_cpu)
    return (wall, cpu), result


def _same(expected, found) -> bool:
    """Equal, and dictionaries in the same order."""
    if isinstance(expected, dict):
        return isinstance(found, dict) and list(expected.items()) == list(found.items())
    return expected == found


def run(manifest_path: Path, repeat: int, cache: Path | None) -> tuple[dict[str, tuple[float, float]], dict]:
    start = time.perf_counter()
    catalogue, official = _read(manifest_path, cache)
    print(f"read {len(catalogue.codes):,} codes, {len(catalogue.releases)} releases in {time.perf_counter() - start:.1f} s")
    gc.collect()
    gc.freeze()  # what was read is no work for the collector: the stages' own allocations count
    times, outputs = {}, {}
    times["compare_releases"], releases = _timed(lambda: compare_releases(catalogue), repeat)
    times["code_events"], outputs["events"] = _timed(lambda: code_events(releases, catalogue), repeat)
    times["find_successors"], outputs["successors"] = _timed(lambda: find_successors(catalogue, releases, official), repeat)
    # The build keeps no timeline (a code page keeps what it shows), so neither does the timed run.
    times["code_timeline"], _ = _timed(lambda: [code_timeline(code, catalogue) and None for code in catalogue.codes], repeat)
    outputs["timelines"] = [code_timeline(code, catalogue) for code in catalogue.codes]
    outputs["releases"] = releases
    return times, outputs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("manifest", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--cache", type=Path, help="keep what was read in a pickle in this folder")
    parser.add_argument("--save", type=Path, help="pickle the outputs to this file")
    parser.add_argument("--check", type=Path, help="compare the outputs with this pickle")
    args = parser.parse_args()
    times, outputs = run(args.manifest, args.repeat, args.cache)
    print(f"{'':18} {'wall':>9} {'CPU':>9}  (fastest of {args.repeat})")
    for stage, (wall, cpu) in times.items():
        print(f"{stage:18} {wall:7.3f} s {cpu:7.3f} s")
    print(f"{'total':18} {sum(w for w, _ in times.values()):7.3f} s {sum(c for _, c in times.values()):7.3f} s")
    if args.save:
        args.save.write_bytes(pickle.dumps(outputs, protocol=pickle.HIGHEST_PROTOCOL))
    if args.check:
        expected = pickle.loads(args.check.read_bytes())
        differ = [name for name in expected if not _same(expected[name], outputs.get(name))]
        print("outputs: " + (f"DIFFER in {', '.join(differ)}" if differ else "identical"))
        return 1 if differ else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
