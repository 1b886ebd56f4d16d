"""Measuring tools for the build benchmark: timed child processes and output trees."""

from __future__ import annotations

import functools
import os
import random
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Every build of a run sees the same date, so pages built minutes apart compare equal.
BUILD_ENV = {"SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "1775606400")}


@dataclass(frozen=True)
class Run:
    """One timed child process."""

    seconds: float
    cpu_seconds: float  # user + system time of the child and the processes it waited for
    peak_bytes: int  # peak memory: the larger of the figures below
    largest_bytes: int  # peak resident set of its largest single process (ru_maxrss of wait4)
    tree_bytes: int  # peak proportional set size of the child and all its descendants, sampled
    output: str  # its stdout and stderr, for messages
    sys_seconds: float = 0.0  # the system's share of cpu_seconds (file system work, page faults)


def _proportional(pid: int) -> int:
    """A process's share of resident memory (Pss; Rss where Pss is unknown), in bytes."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as f:
            for line in f:
                if line.startswith((b"Pss:", b"Rss:")):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _descendants(root: int) -> list[int]:
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as f:
                    parent = int(f.read().rsplit(b")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            parents.setdefault(parent, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += parents.get(pid, [])
    return found


class TreeMemory(threading.Thread):
    """Samples the summed Pss of a process and its descendants (forked workers) until stopped."""

    def __init__(self, pid: int, interval: float = 0.25) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval, self.peak = pid, interval, 0
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.wait(self.interval):
            self.peak = max(self.peak, sum(_proportional(p) for p in _descendants(self.pid)))

    def stop(self) -> int:
        self._stop_event.set()
        self.join()
        return self.peak


def run(command: list[str], cwd: Path = ROOT, log: Path | None = None) -> Run:
    """Run a command, timing it and measuring its peak memory; raise on failure."""
    env = {**os.environ, **BUILD_ENV}
    with open(log or os.devnull, "w+b") as sink:
        started = time.perf_counter()
        child = subprocess.Popen(command, cwd=cwd, env=env, stdout=sink, stderr=subprocess.STDOUT)
        sampler = TreeMemory(child.pid)
        sampler.start()
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        tree = sampler.stop()
        child.returncode = os.waitstatus_to_exitcode(status)
        sink.seek(0)
        output = sink.read().decode("utf-8", "replace") if log else ""
    if child.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, command))} failed ({child.returncode}):\n{output[-3000:]}")
    largest = usage.ru_maxrss * 1024
    return Run(seconds, usage.ru_utime + usage.ru_stime, max(largest, tree), largest, tree, output, usage.ru_stime)


SNAPSHOT_PARTS = ("generator", "templates", "site_src", "data", "mkdocs.yml")


def snapshot(dest: Path) -> Path:
    """A copy of what a build runs and reads besides its manifest: the code, templates, pages, configuration.

    Builds run in the copy (python -m puts it first on sys.path), so that
    edits to the working tree during a long run change none of its builds.
    """
    fresh(dest).mkdir()
    for part in SNAPSHOT_PARTS:
        if (ROOT / part).is_dir():
            shutil.copytree(ROOT / part, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(ROOT / part, dest / part)
    return dest


def nkpk_build(source: Path, manifest: Path, out: Path, log: Path, profile: Path | None = None,
               extra: tuple[str, ...] = ()) -> Run:
    """`nkpk-site build` of the project in `source`, through generator.cli's main, in a child process."""
    command = [sys.executable]
    if profile:
        command += ["-m", "cProfile", "-o", str(profile)]
    command += ["-m", "generator.cli", "build", "--config", str(source / "mkdocs.yml"),
                "--manifest", str(manifest), "--out", str(out), *extra]
    return run(command, cwd=source, log=log)


@functools.cache
def build_options(source: Path) -> str:
    """The help text of `nkpk-site build`, to see which options this version has."""
    command = [sys.executable, "-m", "generator.cli", "build", "--help"]
    return subprocess.run(command, cwd=source, capture_output=True, text=True).stdout


@dataclass(frozen=True)
class Tree:
    """What a build left in a folder."""

    files: dict[str, tuple[int, int]]  # relative path -> (inode, mtime_ns)
    pages: int  # index.html files
    size: int  # bytes in files
    disk: int  # bytes allocated on disk (du)


def scan(root: Path) -> Tree:
    files, pages, size, disk = {}, 0, 0, 0
    for folder, _, names in os.walk(root):
        for name in names:
            path = os.path.join(folder, name)
            info = os.stat(path, follow_symlinks=False)
            files[os.path.relpath(path, root)] = (info.st_ino, info.st_mtime_ns)
            pages += name == "index.html"
            size += info.st_size
            disk += info.st_blocks * 512
    return Tree(files, pages, size, disk)


def rewritten(before: Tree, after: Tree) -> tuple[int, int, int]:
    """(files rewritten, files added, files removed): a kept file keeps its inode and mtime."""
    changed = sum(1 for p, stamp in after.files.items() if p in before.files and before.files[p] != stamp)
    added = sum(1 for p in after.files if p not in before.files)
    removed = sum(1 for p in before.files if p not in after.files)
    return changed, added, removed


def sample_pages(tree: Tree, codes: int = 50, others: int = 10, seed: int = 7) -> list[str]:
    """A fixed sample of code pages (kode/<CODE>/index.html) and of other pages."""
    pages = sorted(p for p in tree.files if p.endswith("index.html"))
    code_pages = [p for p in pages if p.startswith("kode/")]
    other_pages = [p for p in pages if not p.startswith("kode/")]
    rng = random.Random(seed)
    return sorted(rng.sample(code_pages, min(codes, len(code_pages))) + rng.sample(other_pages, min(others, len(other_pages))))


def compare_pages(pages: list[str], ours: Path, reference: Path) -> list[str]:
    """The sampled pages that differ, byte for byte, between two builds (or are missing in one)."""
    differ = []
    for page in pages:
        a, b = ours / page, reference / page
        if not (a.is_file() and b.is_file()) or a.read_bytes() != b.read_bytes():
            differ.append(page)
    return differ


def file_system_floor(root: Path, dest: Path) -> float:
    """Seconds one process takes just to make the folders and files of the tree at `root` (as many bytes each).

    What any generator pays for this output on this file system, whatever it computes.
    """
    entries = []
    for folder, _, names in os.walk(root):
        entries += [(os.path.relpath(os.path.join(folder, n), root), os.path.getsize(os.path.join(folder, n))) for n in names]
    fresh(dest).mkdir()
    made = {str(dest)}
    started = time.perf_counter()
    for rel, size in sorted(entries):
        path = os.path.join(dest, rel)
        folder = os.path.dirname(path)
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        os.write(fd, bytes(size))
        os.close(fd)
    seconds = time.perf_counter() - started
    shutil.rmtree(dest)
    return seconds


def fresh(path: Path) -> Path:
    shutil.rmtree(path, ignore_errors=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def profile_summary(stats_file: Path, limit: int = 25) -> str:
    """The functions with the most cumulative and own time, from a cProfile file."""
    import io
    import pstats

    out = io.StringIO()
    stats = pstats.Stats(str(stats_file), stream=out).strip_dirs()
    stats.sort_stats("cumulative").print_stats(limit)
    stats.sort_stats("tottime").print_stats(limit)
    return out.getvalue()
