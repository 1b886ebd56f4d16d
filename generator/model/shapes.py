"""The shapes of each code system's codes, learnt from its releases: a code of a shape its system never had stops the build.

A code's shape is its letters and digits by position: `JKA21` is `LLLDD`, `SAA0AA` is `LLLDLL`. A code
system's first release teaches the system its shapes (there is nothing before it to judge it by). A code
of a later release whose shape no earlier release of its system had is refused, naming its file and line
and the shapes the system has had, unless the manifest lists it under `new_shapes` of that release: then it
is reported (`new-shape`) and its shape is known from that release on. So a typo in next year's list
(`AAA2` for `AAA20`) stops the build, while the real lists' many NCRP forms and the 1999 NCSP codes with two
letters build as they are.
"""

from __future__ import annotations

import string
from collections import Counter
from typing import Mapping

from ..inputs.diagnostics import Diagnostic, InputError, Location
from .catalogue import Catalogue, CodeVersion

LETTER, DIGIT = "L", "D"
_SHAPE = str.maketrans(string.ascii_uppercase + string.digits, LETTER * 26 + DIGIT * 10)
NAMED = 5  # codes named in a message before "and N more"
LEGEND = f"{LETTER} a letter, {DIGIT} a digit"

Key = tuple[str, str]  # (code system, shape)


def shape(code: str) -> str:
    """The code's letters and digits by position (`JKA21` -> `LLLDD`)."""
    return code.translate(_SHAPE)


def check_shapes(catalogue: Catalogue, meant: Mapping[int, frozenset[str]], manifest: str) -> tuple[Diagnostic, ...]:
    """The report's notes on shapes; raise InputError for a code of a shape new to its system.

    `meant`: per release year, the codes the manifest lists under `new_shapes` (`manifest` names it)."""
    first_release = {system: catalogue.releases_of(system)[0] for system in catalogue.systems}
    first, example = _first_years(catalogue)
    new = {key for key, year in first.items() if year > first_release[key[0]]}
    fresh = sorted(_versions_of(catalogue, new, first), key=lambda cv: (cv[1].year, cv[1].file, cv[1].line))
    refused = [(code, v) for code, v in fresh if code not in meant.get(v.year, ())]
    if refused:
        raise InputError(refused[0][1].where, _refusal(refused, first, example))
    notes = [Diagnostic(v.where, "new-shape", f"{code} ({v.system}) has the shape {shape(code)}, new to {v.system} in "
                        f"{v.year}: listed under new_shapes in the manifest") for code, v in fresh]
    notes += _listed_in_vain(catalogue, meant, {(code, v.year) for code, v in fresh}, manifest)
    notes += _first_release_notes(catalogue, first_release)
    return tuple(sorted(notes))


def _first_years(catalogue: Catalogue) -> tuple[dict[Key, int], dict[Key, str]]:
    """For each (system, shape): the first release that has a code of it, and the first such code."""
    first: dict[Key, int] = {}
    example: dict[Key, str] = {}
    for code in catalogue.codes:  # sorted by code: the example is the first code of the shape's first release
        form = shape(code.code)
        system = None
        for version in code.versions:  # oldest first: only a change of system can give an earlier year
            if version.system != system:
                system = version.system
                key = (system, form)
                if key not in first or version.year < first[key]:
                    first[key], example[key] = version.year, code.code
    return first, example


def _versions_of(catalogue: Catalogue, keys: set[Key], first: dict[Key, int]):
    """(code, version) of each code of a shape in `keys`, in the first release of its system with that shape."""
    shapes = {form for _, form in keys}
    for code in catalogue.codes:
        form = shape(code.code)
        if form in shapes:
            for version in code.versions:
                key = (version.system, form)
                if key in keys and version.year == first[key]:
                    yield code.code, version


def _refusal(refused: list[tuple[str, CodeVersion]], first: dict[Key, int], example: dict[Key, str]) -> str:
    code, version = refused[0]
    system, year = version.system, version.year
    known = sorted((form, example[(s, form)]) for (s, form), y in first.items() if s == system and y < year)
    shapes = ", ".join(f"{form} ({'e.g. ' if not i else ''}{first_code})" for i, (form, first_code) in enumerate(known))
    text = (f"{code} ({system}) has the shape {shape(code)}, which no earlier release of {system} has ({LEGEND}); "
            f"{system}'s codes have had the shapes {shapes}. A typo? If the code is meant as it is, list it under "
            f"'new_shapes' of release {year} in the manifest (new_shapes: [{code}]; add-release: --new-shape {code})")
    more = [f"{c} ({v.year}, {v.where})" for c, v in refused[1:]]
    if more:
        named = ", ".join(more[:NAMED]) + (f" and {len(more) - NAMED} more" if len(more) > NAMED else "")
        text += f". Also of a shape new to its system: {named}"
    return text


def _listed_in_vain(catalogue: Catalogue, meant: Mapping[int, frozenset[str]], fresh: set[tuple[str, int]],
                    manifest: str) -> list[Diagnostic]:
    """A listed code the release does not have is refused; one whose shape was known already is noted."""
    years = {c.code: c.years for c in catalogue.codes}
    notes = []
    for year in sorted(meant):
        where = Location(manifest, cell=f"release {year}, new_shapes")
        for code in sorted(meant[year]):
            if year not in years.get(code, ()):
                raise InputError(where, f"{code} is listed under new_shapes, but release {year} has no code {code}")
            if (code, year) not in fresh:
                notes.append(Diagnostic(where, "new-shape-known", f"{code} is listed under new_shapes, but its "
                                        f"shape {shape(code)} is not new in {year}: the entry is not needed"))
    return notes


def _first_release_notes(catalogue: Catalogue, first_release: Mapping[str, int]) -> list[Diagnostic]:
    """One note per code system: the shapes its first release taught it, with how many codes and a first code."""
    counts: dict[str, Counter] = {system: Counter() for system in first_release}
    examples: dict[Key, tuple[str, CodeVersion]] = {}
    for code in catalogue.codes:
        form = shape(code.code)
        for version in code.versions:
            if version.year == first_release[version.system]:
                counts[version.system][form] += 1
                examples.setdefault((version.system, form), (code.code, version))
    notes = []
    for system, year in first_release.items():
        shapes = ", ".join(f"{form} {n} ({examples[(system, form)][0]})" for form, n in counts[system].most_common())
        where = min(v.where for key, (_, v) in examples.items() if key[0] == system)
        notes.append(Diagnostic(Location(where.file), "shapes", f"{system}'s first release, {year}, gives its "
                                f"codes' shapes ({LEGEND}): {shapes}"))
    return notes
