"""The build benchmark's printed figures, ratios and goal checks."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from baselines import Baseline
from measure import ROOT, Run, Tree

MB = 1024 * 1024
PEAK_LIMIT = 1024 ** 3  # the generated corpus's peak memory goal
REBUILD_SPEEDUP = 5.0
GENERATED_SLACK = 1.3  # generated ms/page at most this times real ms/page


@dataclass(frozen=True)
class Result:
    corpus: str
    manifest: Path
    full: Run
    tree: Tree
    rebuild: Run | None  # None: not measured (--quick)
    changes: tuple[int, int, int]  # files rewritten, added, removed by the rebuild
    forced: tuple[Run, tuple[int, int, int]] | None  # the same for a rebuild with --force
    sampled: int
    differ: tuple[int, int]  # sampled pages unlike a normal build: after the full build, after the rebuild
    hugo: Baseline
    mkdocs: Baseline
    floor: float = 0.0  # seconds one process takes only to make our output's folders and files
    stages: dict | None = None  # seconds per stage of a build with timers (bench/stagetimes.py)

    @property
    def summary(self) -> str:
        """The full build's own summary line."""
        return _says(self.full)

    @property
    def ms_per_page(self) -> float:
        return self.full.seconds * 1000 / self.tree.pages

    @property
    def speedup(self) -> float:
        return self.full.seconds / self.rebuild.seconds


def _says(run: Run) -> str:
    """What a build said about itself: its first summary line."""
    return next((line for line in run.output.splitlines() if line.startswith("nkpk-site:")), "")


def _row(label: str, pages: int, seconds: float, cpu: float, peak: int | None, size: int | None, files: int | None, note: str = "") -> str:
    per_page = seconds * 1000 / pages
    cells = [f"{label:<22}", f"{pages:>8}", f"{seconds:>9.2f}", f"{cpu:>7.1f}", f"{per_page:>8.3f}", f"{pages / seconds:>9.0f}",
             f"{peak / MB:>8.0f}" if peak else f"{'':>8}", f"{size / MB:>9.1f}" if size else f"{'':>9}",
             f"{files:>7}" if files else f"{'':>7}"]
    return " ".join(cells) + (f"  {note}" if note else "")


def _baseline_row(ours_pages: int, base: Baseline, what: str = "") -> str:
    if base.run is None:
        return f"{base.name:<22} not measured: {base.note}"
    label = f"{base.name} (trivial)"
    if base.pages == ours_pages:
        return _row(label, base.pages, base.run.seconds, base.run.cpu_seconds, base.run.peak_bytes, None, None, what)
    scale = ours_pages / base.pages
    note = f"measured on {base.pages} {what or 'pages'} in {base.run.seconds:.2f} s; times extrapolated"
    return _row(label, ours_pages, base.run.seconds * scale, base.run.cpu_seconds * scale, base.run.peak_bytes, None, None, note)


def _ratio(ours: float, base: Baseline) -> str:
    return f"{ours / base.ms_per_page:.2f}" if base.ms_per_page else "n/a"


def print_result(r: Result) -> None:
    where = r.manifest.relative_to(ROOT) if r.manifest.is_relative_to(ROOT) else r.manifest
    print(f"\n== {r.corpus} corpus: {where} ==")
    if r.summary:
        print(r.summary)
    print(f"{'':<22} {'pages':>8} {'total s':>9} {'cpu s':>7} {'ms/page':>8} {'pages/s':>9} {'peak MB':>8} {'output MB':>9} {'files':>7}")
    print(_row("nkpk-site build", r.tree.pages, r.full.seconds, r.full.cpu_seconds, r.full.peak_bytes, r.tree.size, len(r.tree.files),
               f"(on disk {r.tree.disk / MB:.0f} MB)"))
    jsons = sum(p.endswith(".json") for p in r.tree.files)
    print(_baseline_row(r.tree.pages, r.hugo, f"HTML pages and {r.hugo.jsons} JSON files (ours: {jsons} JSON files)"))
    print(_baseline_row(r.tree.pages, r.mkdocs))
    folders = len({str(Path(p).parent) for p in r.tree.files})
    print(f"of its {r.full.cpu_seconds:.1f} cpu s, {r.full.sys_seconds:.1f} were the system's; the file system alone takes "
          f"{r.floor:.2f} s ({r.floor * 1000 / r.tree.pages:.3f} ms per page) to make our {len(r.tree.files)} files in "
          f"{folders} folders, in one process")
    print(f"peak memory of our build: {r.full.largest_bytes / MB:.0f} MB in its largest process, "
          f"{r.full.tree_bytes / MB:.0f} MB in all its processes together (Pss, sampled); the table shows the larger")
    if r.rebuild is not None:
        _print_rebuilds(r)
    print(f"ratios: ours/Hugo ms per page {_ratio(r.ms_per_page, r.hugo)}, ours/MkDocs {_ratio(r.ms_per_page, r.mkdocs)}"
          " (wall-clock time; cpu s shows how many cores each used)", flush=True)
    if r.stages:
        print_stages(r.stages)


def _print_rebuilds(r: Result) -> None:
    rewritten, added, removed = r.changes
    print(f"rebuild, unchanged inputs: {r.rebuild.seconds:.2f} s, {r.speedup:.1f} times faster than the full build; "
          f"rewrote {rewritten} of {len(r.tree.files)} files, added {added}, removed {removed}")
    print(f"  it said: {_says(r.rebuild)}")
    if r.forced:
        run, (rewritten, added, removed) = r.forced
        print(f"forced rebuild (--force), unchanged inputs: {run.seconds:.2f} s, {r.full.seconds / run.seconds:.1f} times "
              f"faster than the full build; rewrote {rewritten} files, added {added}, removed {removed}")
    print(f"page check against a separate normal build, {r.sampled} sampled pages (50 code pages): "
          f"{r.differ[0]} differ after the full build, {r.differ[1]} after the rebuild")


def print_stages(stages: dict) -> None:
    """Seconds per stage of a build with timers: in the main process, and in its writing processes together."""
    main, workers = stages["main"], stages["workers"]
    print(f"stages of one build with timers ({stages['wall']:.2f} s wall, {stages['processes']} processes; "
          "each second counted to the innermost stage under way):")
    print(f"  {'stage':<14}{'main s':>8}{'workers s':>11}")
    for stage in main:
        if main[stage] >= 0.005 or workers.get(stage, 0) >= 0.005:
            print(f"  {stage:<14}{main[stage]:>8.2f}{workers.get(stage, 0):>11.2f}")
    print(f"  {'total':<14}{sum(main.values()):>8.2f}{sum(workers.values()):>11.2f}", flush=True)


def _line(ok: bool | None, text: str) -> str:
    return f"{'n/a ' if ok is None else 'PASS' if ok else 'FAIL'} {text}"


def _per_corpus(r: Result) -> list[str]:
    if r.rebuild is None:
        return [_line(None, f"{r.corpus}: rebuilds and page check not measured (--quick)")]
    rewritten, added, removed = r.changes
    return [
        _line(sum(r.changes) == 0, f"{r.corpus}: the rebuild rewrote no file ({rewritten} rewritten, {added} added, {removed} removed)"),
        _line(r.speedup >= REBUILD_SPEEDUP, f"{r.corpus}: the rebuild is {r.speedup:.1f} times faster than a full build (goal {REBUILD_SPEEDUP:.0f})"),
        *([_line(sum(r.forced[1]) == 0, f"{r.corpus}: the forced rebuild (--force) rewrote no file "
                 f"({r.forced[1][0]} rewritten, {r.forced[1][1]} added, {r.forced[1][2]} removed)"),
           _line(r.forced[0].seconds <= r.full.seconds, f"{r.corpus}: the forced rebuild takes {r.forced[0].seconds:.2f} s, "
                 f"the full build {r.full.seconds:.2f} s (goal: no slower)")] if r.forced else []),
        _line(sum(r.differ) == 0, f"{r.corpus}: sampled pages equal a normal build ({sum(r.differ)} of {2 * r.sampled} comparisons differ)"),
    ]


def goals(results: dict[str, Result]) -> list[str]:
    lines = []
    real, generated = results.get("real"), results.get("generated")
    if real:
        hugo = real.hugo.ms_per_page
        text = f"real: {real.ms_per_page:.3f} ms per page, Hugo {hugo:.3f}" if hugo else "real: Hugo not measured"
        lines.append(_line(real.ms_per_page <= hugo if hugo else None, text + " (goal: at most Hugo's)"))
    if generated:
        if real:
            limit = GENERATED_SLACK * real.ms_per_page
            lines.append(_line(generated.ms_per_page <= limit, f"generated: {generated.ms_per_page:.3f} ms per page, "
                               f"{generated.ms_per_page / real.ms_per_page:.2f} times the real corpus's (goal: at most {GENERATED_SLACK})"))
        else:
            lines.append(_line(None, "generated vs real ms per page: run with --corpus both"))
        peak = generated.full.peak_bytes
        lines.append(_line(peak < PEAK_LIMIT, f"generated: peak memory {peak / MB:.0f} MB (goal: under {PEAK_LIMIT / MB:.0f} MB)"))
    for result in results.values():
        lines += _per_corpus(result)
    return lines
