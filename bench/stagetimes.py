"""Where a build's seconds go, stage by stage: `nkpk-site build` with timers put around its functions.

    python bench/stagetimes.py OUT.json -- build --manifest data/releases.yaml --out DIR [...]

Runs `generator.cli.main` in this process (run it with the project to measure
as the working folder: its `generator` is imported from there) after wrapping
the build's functions with timers, and writes the seconds of each stage to
OUT.json: for the main process and for the writing processes it forks (summed).
Each second goes to the innermost stage under way, so that the stages add up
to the time measured:

- read: reading the input files;  model: catalogue, hierarchy, notes,
  comparisons, successors;  plan: page contexts, link checks, addresses;
- mkdocs: mkdocs and the theme on the hand-written pages (markers filled);
- render pages: templates and the theme's chrome of the pages the build writes;
- JSON: JSON twins, the search index, the checker's data;
- open data: harmonised tables and workbooks, FHIR, schemas;
- write: making the files (the writer);
- pool wait: the main process waiting for the writing processes;
- other: the rest (start-up, imports, mkdocs' configuration, the sitemap).
The timers cost a few per cent; the bench's figures of total time come from
builds without them. Not run by the test suite.
"""

from __future__ import annotations

import functools
import importlib
import json
import os
import sys
import time
from pathlib import Path

STAGES = ("read", "model", "plan", "mkdocs", "render pages", "JSON", "open data", "write", "pool wait", "other")
OUTPUT_STAGES = {"code": "render pages", "node": "render pages", "book": "render pages", "changes": "render pages",
                 "search": "JSON", "checker": "JSON", "open-data": "open data"}


class Clock:
    """Seconds per stage of this process: each goes to the innermost stage under way."""

    def __init__(self) -> None:
        self.stack: list[str] = ["other"]
        self.since = time.perf_counter()
        self.seconds = dict.fromkeys(STAGES, 0.0)

    def reset(self) -> None:  # in a forked child: only its own time counts
        self.stack, self.since, self.seconds = ["other"], time.perf_counter(), dict.fromkeys(STAGES, 0.0)

    def enter(self, stage: str) -> None:
        now = time.perf_counter()
        self.seconds[self.stack[-1]] += now - self.since
        self.stack.append(stage)
        self.since = now

    def leave(self) -> None:
        now = time.perf_counter()
        self.seconds[self.stack.pop()] += now - self.since
        self.since = now


CLOCK = Clock()


def timed(stage, function):
    """`function` with its time counted to `stage` (a name, or a function of its arguments that gives one)."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        CLOCK.enter(stage(*args, **kwargs) if callable(stage) else stage)
        try:
            return function(*args, **kwargs)
        finally:
            CLOCK.leave()

    return wrapper


def wrap(module_name: str, name: str, stage) -> None:
    """Wrap `module.name` where it is looked up (a missing one is left alone: older versions)."""
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        return
    owner, _, attribute = name.rpartition(".")
    target = getattr(module, owner) if owner else module
    if hasattr(target, attribute):
        setattr(target, attribute, timed(stage, getattr(target, attribute)))


def _unit_stage(tools, writer, unit) -> str:
    return OUTPUT_STAGES.get(unit[0].name, "other")


def install(dump) -> None:
    wrap("generator.inputs.readers", "Readers.read", "read")
    for name in ("build_catalogue", "collect_books", "build_hierarchy", "merge_names", "load_names", "annotate",
                 "compare_releases", "code_events", "official_entries", "find_successors", "_official_notes",
                 "load_synonyms", "synonym_notes", "vocabulary"):
        wrap("generator.build", name, "model")
    wrap("generator.mkdocs_plugin", "prepare", "plan")
    wrap("generator.cli", "mkdocs_build", "mkdocs")
    wrap("generator.mkdocs_plugin", "NkpkPlugin.on_post_build", "other")
    wrap("generator.output.registry", "write_unit", _unit_stage)
    for name in ("compact_json", "dump_json", "search_files", "checker_json"):
        wrap("generator.output.registry", name, "JSON")
    wrap("generator.build", "similar_codes", "model")
    for module in ("generator.opendata.files", "generator.opendata.harmonised"):
        for name in ("csv_bytes", "xlsx_bytes", "json_bytes", "schema_bytes"):
            wrap(module, name, "open data")
    wrap("generator.output.write", "SiteWriter.write_bytes", "write")
    wrap("generator.output.parallel", "_result", "pool wait")
    written = importlib.import_module("generator.output.write").SiteWriter.written
    # A writing process reports its paths (writer.written) just before it ends: its times are saved then.
    importlib.import_module("generator.output.write").SiteWriter.written = property(lambda self: (dump(), written.fget(self))[1])


def main(argv: list[str]) -> int:
    out = Path(argv[0]).resolve()
    args = argv[argv.index("--") + 1:]
    sys.path.insert(0, os.getcwd())
    main_pid = os.getpid()
    parts = out.with_suffix(".parts")
    parts.mkdir(parents=True, exist_ok=True)
    for old in parts.iterdir():
        old.unlink()

    def dump() -> None:
        if os.getpid() != main_pid:
            (parts / f"{os.getpid()}.json").write_text(json.dumps(CLOCK.seconds))

    os.register_at_fork(after_in_child=CLOCK.reset)
    install(dump)
    started = time.perf_counter()
    from generator.cli import main as cli_main

    status = cli_main(args)
    CLOCK.seconds[CLOCK.stack[-1]] += time.perf_counter() - CLOCK.since
    CLOCK.since = time.perf_counter()
    workers = dict.fromkeys(STAGES, 0.0)
    children = [json.loads(p.read_text()) for p in sorted(parts.iterdir())]
    for child in children:
        for stage, seconds in child.items():
            workers[stage] += seconds
    out.write_text(json.dumps({"wall": time.perf_counter() - started, "main": CLOCK.seconds, "workers": workers,
                               "processes": len(children) + 1, "status": status}, indent=1))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
