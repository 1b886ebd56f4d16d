"""Benchmark the build against Hugo and plain MkDocs, measured in the same run.

    .venv/bin/python bench/build.py [--corpus real|generated|both] [--codes N] [--releases R]
                                    [--mkdocs-pages N] [--hugo-pages N] [--repeat K] [--profile] [--keep] [--quick]

For each corpus (the real one in data/ via data/releases.yaml,
and/or the generated one of bench/corpus.py, cached under bench/out/):

1. `nkpk-site build` (generator.cli's main in a child process) into a fresh
   folder: total and CPU time, pages (index.html files), ms per page, pages
   per second, peak memory (of its largest process, and of all its forked
   workers together, sampled), output size;
2. a rebuild with unchanged inputs into the same folder: its time, the
   speed-up over the full build, and the files it rewrote, added or removed
   (a kept file keeps its inode and mtime); where `nkpk-site build` has
   --force (without it, a build whose inputs are unchanged is skipped), also
   a forced rebuild, which renders everything again and must still rewrite
   no file;
3. a normal build of the same manifest into another folder, and a byte-for-byte
   comparison of a fixed sample of pages (50 code pages, 10 others) of both
   of our builds with it;
4. Hugo (Debian's package) and MkDocs + Material on as many trivial pages,
   in the same run, by default on exactly as many pages as ours. With
   --mkdocs-pages or --hugo-pages they run on at most that many (MkDocs takes
   minutes at 100,000 pages); a subset's time per page is then extrapolated
   to the full count, and the output says so.

Then it prints a table, the ratios and a PASS/FAIL line per goal;
the exit status is 1 if a goal fails. Times are wall-clock; with --repeat K
each build runs K times and the fastest counts (the machine is shared).
--profile adds one build under cProfile (in one process) and prints where its time goes.
Outputs go to bench/out/ (git-ignored) and are removed unless --keep.
Every build runs from a copy of generator/, templates/, site_src/, data/ and
mkdocs.yml taken at the start (bench/out/snapshot/), so that edits to the
working tree during the run do not change what is measured (--no-snapshot:
build from the working tree).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import baselines  # noqa: E402
import corpus  # noqa: E402
from measure import (  # noqa: E402
    ROOT, Run, Tree, build_options, compare_pages, file_system_floor, fresh, nkpk_build, profile_summary, rewritten, run,
    sample_pages, scan, snapshot,
)
from table import Result, goals, print_result  # noqa: E402

OUT = ROOT / "bench" / "out"
REAL_MANIFEST = ROOT / "data" / "releases.yaml"


@dataclass(frozen=True)
class Options:
    source: Path  # the project whose build is measured: a snapshot of the working tree, or the tree itself
    repeat: int
    mkdocs_pages: int | None
    hugo_pages: int | None
    profile: bool
    keep: bool
    quick: bool = False  # only the full build, the baselines and the stages


def best(runs: list[Run]) -> Run:
    """The fastest run, with the highest peak memory of all."""
    fastest = min(runs, key=lambda r: r.seconds)
    return replace(fastest, **{k: max(getattr(r, k) for r in runs) for k in ("peak_bytes", "largest_bytes", "tree_bytes")})


def full_builds(source: Path, manifest: Path, out: Path, logs: Path, repeat: int) -> tuple[Run, Tree]:
    runs = []
    for attempt in range(repeat):
        fresh(out)
        runs.append(nkpk_build(source, manifest, out, logs / f"full-{attempt}.log"))
    return best(runs), scan(out)


def rebuilds(source: Path, manifest: Path, out: Path, log: Path, repeat: int,
             extra: tuple[str, ...] = ()) -> tuple[Run, tuple[int, int, int]]:
    """Rebuilds with unchanged inputs; the most files any of them rewrote, added or removed."""
    runs, worst, before = [], (0, 0, 0), scan(out)
    for attempt in range(repeat):
        runs.append(nkpk_build(source, manifest, out, log.with_suffix(f".{attempt}.log"), extra=extra))
        after = scan(out)
        worst = max(worst, rewritten(before, after), key=sum)
        before = after
    return best(runs), worst


def page_check(source: Path, manifest: Path, work: Path, full_pages: dict[str, bytes]) -> tuple[int, int]:
    """Sampled pages that differ from a separate normal build: (after the full build, after the rebuilds)."""
    reference = fresh(work / "reference")
    nkpk_build(source, manifest, reference, work / "logs" / "reference.log")
    saved = work / "full-sample"
    for page, data in full_pages.items():
        (saved / page).parent.mkdir(parents=True, exist_ok=True)
        (saved / page).write_bytes(data)
    after_full = len(compare_pages(list(full_pages), saved, reference))
    after_rebuild = len(compare_pages(list(full_pages), work / "site", reference))
    shutil.rmtree(reference)
    shutil.rmtree(saved)
    return after_full, after_rebuild


def baseline_runs(tree: Tree, logs: Path, options: Options) -> tuple[baselines.Baseline, baselines.Baseline]:
    """Hugo on as many HTML pages and JSON files as ours (in proportion, if capped); MkDocs on as many pages."""
    pages, jsons = tree.pages, sum(p.endswith(".json") for p in tree.files)
    hugo_pages = min(pages, options.hugo_pages or pages)
    mkdocs_pages = min(pages, options.mkdocs_pages or pages)
    hugo = partial(baselines.hugo, jsons=round(jsons * hugo_pages / pages))
    found = {}
    for name, count, build in (("Hugo", hugo_pages, hugo), ("MkDocs", mkdocs_pages, baselines.mkdocs)):
        results = [build(count, logs / f"{name.lower()}-{a}.log", options.keep) for a in range(options.repeat)]
        measured = [r for r in results if r.run]
        found[name] = replace(results[0], run=best([r.run for r in measured])) if measured else results[0]
    return found["Hugo"], found["MkDocs"]


def profile(source: Path, manifest: Path, work: Path) -> None:
    """One more full build under cProfile, in one process (--jobs 1) so that the profile sees all the work."""
    stats = work / "build.prof"
    extra = ("--jobs", "1") if "--jobs" in build_options(source) else ()
    nkpk_build(source, manifest, fresh(work / "profile"), work / "logs" / "profile.log", profile=stats, extra=extra)
    shutil.rmtree(work / "profile")
    print(f"\n-- profile of one full build under cProfile {' '.join(extra)} (stats in {stats.relative_to(ROOT)}) --")
    print(profile_summary(stats))


def bench(name: str, manifest: Path, options: Options) -> Result:
    work = OUT / f"run-{name}"
    logs = work / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    out = work / "site"
    print(f"bench: {name}: full build{'s' if options.repeat > 1 else ''} ...", file=sys.stderr)
    full, tree = full_builds(options.source, manifest, out, logs, options.repeat)
    floor = file_system_floor(out, work / "floor")
    pages = sample_pages(tree)
    full_pages = {page: (out / page).read_bytes() for page in pages}
    print(f"bench: {name}: Hugo and MkDocs on {tree.pages} pages ...", file=sys.stderr)
    hugo, mkdocs = baseline_runs(tree, logs, options)
    rebuild, changes, forced, differ = None, (0, 0, 0), None, (0, 0)
    if not options.quick:
        print(f"bench: {name}: rebuilds and page check ...", file=sys.stderr)
        rebuild, changes = rebuilds(options.source, manifest, out, logs / "rebuild", options.repeat)
        if "--force" in build_options(options.source):  # this version skips a build whose inputs are unchanged
            forced = rebuilds(options.source, manifest, out, logs / "forced", options.repeat, extra=("--force",))
        differ = page_check(options.source, manifest, work, full_pages)
    if not options.keep:
        shutil.rmtree(out)
    print(f"bench: {name}: a build with stage timers ...", file=sys.stderr)
    stages = stage_times(options.source, manifest, work)
    return Result(name, manifest, full, tree, rebuild, changes, forced, len(pages), differ, hugo, mkdocs, floor, stages)


def stage_times(source: Path, manifest: Path, work: Path) -> dict:
    """One more full build, with timers around its stages (bench/stagetimes.py): seconds per stage."""
    out, found = fresh(work / "stages"), work / "stages.json"
    command = [sys.executable, str(Path(__file__).resolve().parent / "stagetimes.py"), str(found), "--",
               "build", "--config", str(source / "mkdocs.yml"), "--manifest", str(manifest), "--out", str(out)]
    run(command, cwd=source, log=work / "logs" / "stages.log")
    shutil.rmtree(out)
    return json.loads(found.read_text())


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description="Benchmark the site build.")
    parser.add_argument("--corpus", choices=("real", "generated", "both"), default="both")
    parser.add_argument("--codes", type=int, default=100_000, help="codes of the generated corpus")
    parser.add_argument("--releases", type=int, default=25, help="releases of the generated corpus")
    parser.add_argument("--seed", type=int, default=1, help="seed of the generated corpus")
    parser.add_argument("--mkdocs-pages", type=int, help="measure MkDocs on at most this many pages (default: all)")
    parser.add_argument("--hugo-pages", type=int, help="measure Hugo on at most this many pages (default: all)")
    parser.add_argument("--repeat", type=int, default=1, help="run each build this many times; the fastest counts")
    parser.add_argument("--profile", action="store_true", help="also profile one build with cProfile")
    parser.add_argument("--keep", action="store_true", help="keep the benchmark's site folders")
    parser.add_argument("--quick", action="store_true", help="only the full build, Hugo, MkDocs and the stages "
                        "(no rebuilds, no page check)")
    parser.add_argument("--no-snapshot", action="store_true",
                        help="build from the working tree itself, not from a copy taken at the start")
    return parser


def generated_manifest(args: argparse.Namespace) -> Path:
    started = time.perf_counter()
    manifest = corpus.cached(args.codes, args.releases, args.seed)
    print(f"bench: generated corpus ready in {time.perf_counter() - started:.1f} s: {manifest.parent}", file=sys.stderr)
    return manifest


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    source = ROOT if args.no_snapshot else snapshot(OUT / "snapshot")
    options = Options(source, max(1, args.repeat), args.mkdocs_pages, args.hugo_pages, args.profile, args.keep, args.quick)
    names = ("real", "generated") if args.corpus == "both" else (args.corpus,)
    results = {}
    for name in names:
        manifest = REAL_MANIFEST if name == "real" else generated_manifest(args)
        results[name] = bench(name, manifest, options)
        print_result(results[name])
        if options.profile:
            profile(options.source, manifest, OUT / f"run-{name}")
    lines = goals(results)
    print("\n== goals ==")
    print("\n".join(lines))
    return 1 if any(line.startswith("FAIL") for line in lines) else 0


if __name__ == "__main__":
    sys.exit(main())
