"""`nkpk-site add-release`: put next year's download into the manifest and show what it changes.

The file is read and validated first (as a build reads it, on the release's
date), then copied unchanged next to the manifest and added to the manifest's
text (inputs/manifest_edit.py). The whole manifest must then build (`prepare`,
everything but writing the site). Only then is the manifest replaced; on any
refusal the copied file and the trial manifest are removed again, so the
manifest and its folder are exactly as they were.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from . import urls
from .analysis.compare import Change, ReleaseChanges
from .build import prepare
from .inputs.diagnostics import InputError, Location
from .inputs.manifest import load_manifest
from .inputs.manifest_edit import NewFile, NewRelease, with_release
from .inputs.readers import Readers
from .inputs.details import parse_date
from .inputs.readers.base import SYSTEMS, FileSpec, normalise_system

EXAMPLES = 5
SUSPICIOUS_SHARE = 1 / 3  # more of the codes changed than this: the summary warns
# What each code system's codes usually look like, to guess the system of a file that does not say.
# (What a release may hold is judged against the shapes its system has had: model/shapes.py.)
USUAL_SHAPES = {
    "NCSP": re.compile(r"[A-Z]{3}[0-9]{2}"),
    "NCMP": re.compile(r"[A-Z]{4}[0-9]{2}"),
    "NCRP": re.compile(r"[A-Z]{3}[0-9]{2}[A-Z]|[A-Z]{3}0[A-Z]{2}"),
    "SK": re.compile(r"[0-9A-Z]{5}"),
}


@dataclass(frozen=True)
class Request:
    paths: tuple[Path, ...]
    year: int
    manifest: Path
    systems: tuple[str | None, ...] = ()  # per path: the code system of a file without a Kodeverk column
    valid_on: str | None = None  # ISO date; default 1 January of the year
    replace: bool = False
    new_shapes: tuple[str, ...] = ()  # codes of a shape new to their system, meant as they are (model/shapes.py)


@dataclass(frozen=True)
class Summary:
    """What the new release changes against the previous release of the manifest."""

    year: int
    previous: int | None
    codes: int
    counts: tuple[tuple[str, int], ...]  # codes per code system
    new: tuple[Change, ...]  # reactivated codes included
    expired: tuple[Change, ...]
    text: tuple[Change, ...]
    warnings: tuple[str, ...]
    files: tuple[str, ...]  # as listed in the manifest
    valid_on: str  # the date whose valid codes the release holds

    def json_line(self) -> str:
        counts = {"year": self.year, "new": len(self.new), "expired": len(self.expired), "text": len(self.text),
                  "codes": self.codes}
        return json.dumps(counts)


def release_request(args) -> Request:
    """The request from the command line's arguments; a system or date that is not one is refused.

    One `--system` is the system of every file; several name the files' systems in order."""
    systems = tuple(_system(name) for name in args.system or ())
    if len(systems) not in (0, 1, len(args.paths)):
        raise InputError(Location("--system"), f"give one --system for all files or one per file ({len(args.paths)})")
    systems = systems * len(args.paths) if len(systems) == 1 else systems or (None,) * len(args.paths)
    valid_on = parse_date(args.valid_on, Location("--valid-on")) if args.valid_on else None
    new_shapes = tuple(sorted({code.strip().upper() for code in args.new_shape or ()}))
    return Request(tuple(args.paths), args.year, args.manifest, systems, valid_on, args.replace, new_shapes)


def _system(name: str) -> str:
    system = normalise_system(name)
    if system is None:
        raise InputError(Location("--system"), f"unknown code system {name!r}; use one of {', '.join(SYSTEMS)}")
    return system


def add_release(request: Request) -> Summary:
    """Add the release; raise InputError, leaving the manifest and its folder as they were, if it cannot be."""
    manifest = request.manifest
    if request.year in {r.year for r in load_manifest(manifest).releases} and not request.replace:
        raise InputError(Location(str(manifest)), f"release {request.year} is already in the manifest "
                                                  "(give --replace to replace it)")
    text = _read(manifest)
    base = manifest.parent
    on = request.valid_on or f"{request.year}-01-01"
    copies = [_placed(path, base) for path in request.paths]
    systems = request.systems or (None,) * len(copies)
    files = [NewFile(rel, _checked_system(path, system, on)) for (path, rel), system in zip(copies, systems)]
    release = NewRelease(request.year, tuple(files), request.valid_on, request.new_shapes)
    edited = with_release(text, manifest, release, request.replace)
    created: list[Path] = []
    trial = base / f".{manifest.name}.add-release"
    try:
        for path, rel in copies:
            if not (base / rel).exists():
                shutil.copyfile(path, base / rel)
                created.append(base / rel)
        trial.write_text(edited, encoding="utf-8", newline="")
        project = _built(trial, manifest)
        os.replace(trial, manifest)
    except BaseException:
        for path in (*created, trial):
            path.unlink(missing_ok=True)
        raise
    return _summary(project.releases, request.year, tuple(rel for _, rel in copies), on)


def _read(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(Location(str(path)), f"cannot read the manifest: {exc}") from None


def _placed(path: Path, base: Path) -> tuple[Path, str]:
    """The file and its path relative to the manifest: where it is if it is in its folder, else a copy there."""
    if not path.is_file():
        raise InputError(Location(str(path)), "no such file")
    resolved, folder = path.resolve(), base.resolve()
    if resolved.is_relative_to(folder):
        return path, resolved.relative_to(folder).as_posix()
    target = base / path.name
    if target.exists() and target.read_bytes() != path.read_bytes():
        raise InputError(Location(str(target)), f"another file of this name is already there; rename {path} first")
    return path, path.name


def _checked_system(path: Path, system: str | None, on: str) -> str | None:
    """Read the file on the release date as a build would; every row needs a code system. Returns
    the system to write into the manifest (the one given, for a file without a Kodeverk column)."""
    result = Readers().read(FileSpec(path=path, display=path.name, system=system, valid_on=on))
    without = [row for row in result.rows if row.system is None]
    if without:
        guess = _shape_guess([row.code for row in without])
        hint = f"; its codes look like {guess} codes" if guess else ""
        raise InputError(without[0].where, f"the file has no Kodeverk column: give its code system with --system "
                                           f"({', '.join(SYSTEMS)}){hint}")
    return system


def _shape_guess(codes: list[str]) -> str | None:
    fits = Counter(s for code in codes for s, shape in USUAL_SHAPES.items() if shape.fullmatch(code))
    return fits.most_common(1)[0][0] if fits else None


def _built(trial: Path, manifest: Path):
    """The prepared site of the trial manifest; an input error names the real manifest, not the trial."""
    try:
        return prepare(trial)
    except InputError as exc:
        where = Location(exc.where.file.replace(str(trial), str(manifest)), exc.where.line, exc.where.cell)
        raise InputError(where, f"with the new release the site does not build: {exc.message}") from None


def _summary(releases: tuple[ReleaseChanges, ...], year: int, files: tuple[str, ...], on: str) -> Summary:
    index = next(i for i, r in enumerate(releases) if r.year == year)
    release = releases[index]
    previous = releases[index - 1] if index else None
    counts = tuple((s.system, s.count) for s in release.systems)
    codes = sum(n for _, n in counts)
    kinds = {k: tuple(c for s in release.systems if s.from_year is not None for c in s.of_kind(k))
             for k in ("new", "reactivated", "expired", "text")}
    new = tuple(sorted(kinds["new"] + kinds["reactivated"], key=lambda c: (c.system, c.code)))
    warnings = []
    changed = len(new) + len(kinds["expired"]) + len(kinds["text"])
    if previous is not None and changed > codes * SUSPICIOUS_SHARE:
        warnings.append(f"{changed} of {codes} codes changed (more than a third): is this the right file, "
                        "and the right year or valid_on date?")
    missing = [s.system for s in previous.systems if s.system not in dict(counts)] if previous else []
    for system in missing:
        warnings.append(f"{system} is in {previous.year} but not in {year}: its codes are neither new nor "
                        "expired here; add its file to the release if it was left out")
    return Summary(year, previous.year if previous else None, codes, counts, new, kinds["expired"], kinds["text"],
                   tuple(warnings), files, on)


def summary_lines(summary: Summary, manifest: Path) -> list[str]:
    """The summary as the command prints it."""
    systems = ", ".join(f"{s} {n}" for s, n in summary.counts)
    against = f"compared with {summary.previous}" if summary.previous else "the first release (nothing to compare)"
    placed = ", ".join(str(manifest.parent / name) for name in summary.files)
    lines = [f"added {summary.year} to {manifest}: {placed}, the codes valid on {summary.valid_on}",
             f"{summary.year}, {against}: {summary.codes} codes ({systems})"]
    reactivated = sum(1 for c in summary.new if c.change == "reactivated")
    extra = f" ({reactivated} of them reactivated)" if reactivated else ""
    for label, changes, more in (("new", summary.new, extra), ("expired", summary.expired, ""),
                                 ("changed texts", summary.text, "")):
        lines.append(f"  {label}: {len(changes)}{more}")
        lines += [f"    {_example(c)}" for c in changes[:EXAMPLES]]
        if len(changes) > EXAMPLES:
            lines.append(f"    ... and {len(changes) - EXAMPLES} more")
    total = len(summary.new) + len(summary.expired) + len(summary.text)
    lines.append(f"  total: {total} changes")
    lines += [f"warning: {w}" for w in summary.warnings]
    lines.append(f"next: make site, then read the change page {urls.changes_url(summary.year)} before publishing")
    return lines


def _example(change: Change) -> str:
    if change.change == "text":
        return f"{change.code} ({change.system}): {change.before!r} -> {change.after!r}"
    return f"{change.code} ({change.system}): {change.after if change.after is not None else change.before}"
