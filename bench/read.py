"""Time reading the inputs and building the catalogue, and the memory they take.

    .venv/bin/python bench/read.py [--manifest PATH ...] [--repeat K] [--memory] [--digest]

For each manifest (default: data/releases.yaml and, if generated, the
100,000-code corpus of bench/corpus.py under bench/out/), a fresh child
process reads every file of every release with `generator.inputs.readers.read_file`
and builds the catalogue with `generator.model.catalogue.build_catalogue`, as
`generator.build.prepare` does, K times (default 3; the fastest counts). It
prints, per manifest: rows read, seconds reading, seconds building the
catalogue, peak resident memory of the child (ru_maxrss), and the resident
memory still held after a garbage collection with the read results and the
catalogue alive, and with the catalogue alone.

--memory adds tracemalloc figures (one more pass, several times slower): bytes
held by the read results, by results and catalogue, and by the catalogue alone.
--digest prints a SHA-256 of every row, note and catalogue entry (their repr),
to check that two versions of the code read exactly alike.

The child imports `generator` from the tree this script is in, so a copy of
an older commit (`git archive`) measures the older code with the same script.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_MANIFESTS = (
    ROOT / "data" / "releases.yaml",
    ROOT / "bench" / "out" / "corpus-v1-n100000-r25-s1" / "releases.yaml",
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--manifest", action="append", type=Path, help="a releases.yaml (repeatable)")
    parser.add_argument("--repeat", type=int, default=3, help="passes per manifest; the fastest counts")
    parser.add_argument("--memory", action="store_true", help="add tracemalloc figures (slow)")
    parser.add_argument("--digest", action="store_true", help="print a digest of everything read")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_measure(args.manifest[0], args.repeat, args.memory, args.digest)))
        return 0
    manifests = args.manifest or [m for m in DEFAULT_MANIFESTS if m.is_file()]
    for manifest in manifests:
        command = [sys.executable, __file__, "--child", "--manifest", str(manifest), "--repeat", str(args.repeat)]
        command += ["--memory"] * args.memory + ["--digest"] * args.digest
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode:
            sys.stderr.write(done.stderr)
            return done.returncode
        _print(manifest, json.loads(done.stdout))
    return 0


def _measure(manifest_path: Path, repeat: int, memory: bool, digest: bool) -> dict:
    sys.path.insert(0, str(ROOT))
    import generator
    from generator.inputs.manifest import load_manifest

    manifest = load_manifest(manifest_path)
    base = _resident()
    figures: dict = {"generator": str(Path(generator.__file__).parent), "read": [], "catalogue": []}
    for _ in range(repeat):
        results, catalogue, read_s, cat_s = _pass(manifest)
        figures["read"].append(read_s)
        figures["catalogue"].append(cat_s)
        figures["rows"] = sum(len(f.rows) for files in results.values() for f in files)
        if digest and "digest" not in figures:
            figures["digest"] = _digest(results, catalogue)
        gc.collect()
        figures["held_both"] = _resident() - base
        del results
        gc.collect()
        figures["held_catalogue"] = _resident() - base
        del catalogue
        gc.collect()
    figures["peak"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    if memory:
        figures.update(_traced(manifest))
    return figures


def _pass(manifest):
    from generator.model.catalogue import build_catalogue
    from generator.inputs.readers import read_file

    start = time.perf_counter()
    results = {r.year: [read_file(spec) for spec in r.files] for r in manifest.releases}
    middle = time.perf_counter()
    codes = {year: [f for f in files if f.spec.kind in ("codes", "book")] for year, files in results.items()}
    catalogue = build_catalogue(codes)
    end = time.perf_counter()
    return results, catalogue, middle - start, end - middle


def _traced(manifest) -> dict:
    import tracemalloc

    from generator.model.catalogue import build_catalogue
    from generator.inputs.readers import read_file

    gc.collect()
    tracemalloc.start()
    results = {r.year: [read_file(spec) for spec in r.files] for r in manifest.releases}
    gc.collect()
    read_bytes = tracemalloc.get_traced_memory()[0]
    codes = {year: [f for f in files if f.spec.kind in ("codes", "book")] for year, files in results.items()}
    catalogue = build_catalogue(codes)
    del codes
    gc.collect()
    both_bytes = tracemalloc.get_traced_memory()[0]
    del results
    gc.collect()
    catalogue_bytes = tracemalloc.get_traced_memory()[0]
    del catalogue
    tracemalloc.stop()
    return {"traced_read": read_bytes, "traced_both": both_bytes, "traced_catalogue": catalogue_bytes}


def _digest(results, catalogue) -> str:
    digest = hashlib.sha256()
    for year, files in sorted(results.items()):
        for result in files:
            digest.update(f"{year} {result.spec.display} {result.encoding}\n".encode())
            for row in result.rows:
                digest.update(f"{row!r}\n".encode())
            for note in result.notes:
                digest.update(f"{note!r}\n".encode())
    codes, notes = catalogue
    digest.update(f"{codes.releases!r}\n".encode())
    for code in codes.codes:
        digest.update(f"{code.code} {code.active} {code.years} {code.versions!r}\n".encode())
    for note in notes:
        digest.update(f"{note!r}\n".encode())
    return digest.hexdigest()


def _resident() -> int:
    """Resident memory of this process now, in bytes."""
    with open("/proc/self/statm", encoding="ascii") as f:
        return int(f.read().split()[1]) * resource.getpagesize()


def _print(manifest: Path, figures: dict) -> None:
    mb = 1024 * 1024
    print(f"{manifest}  ({figures['rows']:,} rows; generator from {figures['generator']})")
    reads = ", ".join(f"{s:.2f}" for s in figures["read"])
    cats = ", ".join(f"{s:.2f}" for s in figures["catalogue"])
    print(f"  read files         {min(figures['read']):8.2f} s   (passes: {reads})")
    print(f"  build_catalogue    {min(figures['catalogue']):8.2f} s   (passes: {cats})")
    print(f"  peak RSS           {figures['peak'] / mb:8.0f} MB")
    print(f"  held, results+cat  {figures['held_both'] / mb:8.0f} MB (RSS after gc, over the start)")
    print(f"  held, catalogue    {figures['held_catalogue'] / mb:8.0f} MB (RSS after gc; freed pages may stay)")
    if "traced_read" in figures:
        print(f"  traced, results    {figures['traced_read'] / mb:8.0f} MB")
        print(f"  traced, both       {figures['traced_both'] / mb:8.0f} MB")
        print(f"  traced, catalogue  {figures['traced_catalogue'] / mb:8.0f} MB")
    if "digest" in figures:
        print(f"  digest             {figures['digest']}")
    sys.stdout.flush()


if __name__ == "__main__":
    sys.exit(main())
