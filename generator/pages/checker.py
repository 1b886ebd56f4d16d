"""The code-list checker (`sjekk/`): its data file and the box on its page.

The checker runs in the browser and sends nothing anywhere: the page loads
one static data file, and every list is checked against it on the user's
machine. The file holds, in code order:

- `releases`: the years of the manifest, oldest first, each with the code
  systems it has a list for;
- `codes` and `present`: per code one character per release, `.` where the
  code is not in the release, else the index of its code system in `systems`;
- `texts`: per code its first text, then for each release where the text
  changed the release's index and the new text (`["A", 3, "B"]`);
- `successors`: per expired code `[release index, kind index, code]` for
  each successor found in the release where it expired (from the lineage),
  in the lineage's order (official, moved, similar best first);
- `kinds`, `labels` and `names`: the successor kinds with their Norwegian
  labels, and the code systems' short names; `url`: a code page's address;
- `similar`: per expired code without successor, the valid codes its code
  page offers instead (pages/similar.py), in the same order.

Measured on the real corpus (10,137 codes, 10 releases): 0.76 MB, 113 kB
with gzip -6; with 13 releases and `similar` (895 codes, 53 kB) 0.84 MB, 125 kB. The texts are two thirds of it (each code's text once, and the
497 codes whose text changed once more per change); the presence strings,
11 kB of them, shrink to 4 kB with gzip.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Mapping

from .. import urls
from ..jsonfile import compact_json
from .fields import doc
from ..labels import SUCCESSOR_LABELS, SYSTEM_SHORT
from ..model.catalogue import Catalogue, Code
from ..analysis.successors import SUCCESSOR_KINDS, Lineage

FORMAT = 1
ABSENT = "."


def _presence(code: Code, years: list[int], systems: list[str]) -> str:
    by_year = {v.year: v.system for v in code.versions}
    return "".join(str(systems.index(by_year[y])) if y in by_year else ABSENT for y in years)


def _texts(code: Code, index: dict[int, int]) -> list:
    """The first text, then (release index, text) wherever the text changed."""
    texts: list = [code.versions[0].text]
    for before, version in zip(code.versions, code.versions[1:]):
        if version.text != before.text:
            texts += [index[version.year], version.text]
    return texts


def checker_data(catalogue: Catalogue, lineage: Lineage, similar: Mapping[str, tuple[Code, ...]]) -> dict:
    """The checker's data file as plain lists in code order."""
    years = [r.year for r in catalogue.releases]
    systems = list(catalogue.systems)
    if len(systems) > 10:
        raise ValueError("the checker file keeps a code system in one digit")
    index = {year: number for number, year in enumerate(years)}
    codes = sorted(catalogue.codes, key=lambda c: c.code)
    known = {c.code for c in codes}
    successors = {
        old: [[index[s.year], SUCCESSOR_KINDS.index(s.kind), s.code] for s in group]
        for old, group in sorted(lineage.by_old.items())
        if old in known
    }
    return {
        "codes": [c.code for c in codes],
        "format": FORMAT,
        "kinds": list(SUCCESSOR_KINDS),
        "labels": [SUCCESSOR_LABELS[k] for k in SUCCESSOR_KINDS],
        "names": [SYSTEM_SHORT[s] for s in systems],
        "present": [_presence(c, years, systems) for c in codes],
        "releases": [{"systems": list(r.systems), "year": r.year} for r in catalogue.releases],
        "similar": {code: [other.code for other in found] for code, found in sorted(similar.items())},
        "successors": successors,
        "systems": systems,
        "texts": [_texts(c, index) for c in codes],
        "url": urls.code_url("{code}"),
    }


def checker_json(catalogue: Catalogue, lineage: Lineage, similar: Mapping[str, tuple[Code, ...]]) -> str:
    """The checker's data file (`urls.CHECKER_DATA`); `similar`: pages/similar.py's `similar_codes`."""
    return compact_json(checker_data(catalogue, lineage, similar))


@dataclass(frozen=True)
class CheckerBox:
    """What the checker's page needs from the build: addresses relative to it, and the releases."""

    template: ClassVar[str] = "checker.html"

    data: str = doc("address of the checker's data file")
    root: str = doc("the site's root, for links to code pages")
    scripts: tuple[str, ...] = doc("the checker's scripts, in load order")
    style: str = doc("the checker's style sheet")
    years: tuple[int, ...] = doc("the releases, newest first: the first is the default")

    @property
    def newest_year(self) -> int:
        """The newest release the site carries."""
        return self.years[0]


def checker_box(from_url: str, catalogue: Catalogue) -> CheckerBox:
    return CheckerBox(
        data=urls.link(from_url, urls.CHECKER_DATA),
        root=urls.link(from_url, ""),
        scripts=tuple(urls.link(from_url, s) for s in urls.CHECKER_SCRIPTS),
        style=urls.link(from_url, urls.CHECKER_STYLE),
        years=tuple(sorted((r.year for r in catalogue.releases), reverse=True)),
    )
