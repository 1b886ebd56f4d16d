"""Code pages on demand: each context is made where its page is written, never all kept.

There is a page for every code that ever existed: over 100,000 at national
scale, and their contexts together would take more memory than the rest of
the build. `CodePages` holds what the pages are made from and makes one
page's context when asked, in whichever process writes that page; the
context is dropped once the page is written.

The notes and the breadcrumbs of a group are shown on the page of every code
in it. All code pages sit at `kode/<code>/`, so a relative link from one of
them is the same from all of them: each group's are made once (as seen from
`SHARED_VIEW`) and kept. A note's link to a code page of the group reads `../<code>/` on that
very code's page too, which is where it points.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterator, Mapping

from .. import urls
from ..model.annotations import Annotations
from .book import NoteBlock, code_notes, group_block
from .changes import code_history
from ..analysis.compare import CodeEvent
from .browse import CodePage, CodeParts, code_page, crumbs
from .browse import _code_row as code_row
from .similar import SimilarCodes
from ..model.hierarchy import Hierarchy, Node
from ..urls import Link
from ..model.catalogue import Catalogue, Code
from .successor_rows import predecessor_rows, successor_rows
from ..analysis.successors import Lineage
from ..analysis.english import EnglishText
from .english import english_row

Neighbours = tuple[Code | None, Code | None]
SHARED_VIEW = urls.code_url("-")  # no code is "-": links from here read as from any code page


@dataclass(frozen=True)
class CodePages:
    """Every code page, made one at a time: `page(code)`, or iterate for all of them in code order."""

    catalogue: Catalogue
    hierarchy: Hierarchy
    events: Mapping[str, tuple[CodeEvent, ...]]
    lineage: Lineage
    annotations: Annotations
    neighbours: Mapping[str, Neighbours]  # code -> the codes before and after it in its code system
    english: Mapping[str, EnglishText] = field(default_factory=dict)  # code -> its English text, if any
    _groups: dict[tuple[str, str], NoteBlock | None] = field(default_factory=dict, compare=False, repr=False)
    _crumbs: dict[tuple[str, str], tuple[Link, ...]] = field(default_factory=dict, compare=False, repr=False)
    _similar: list[SimilarCodes] = field(default_factory=list, compare=False, repr=False)  # built on first use

    @classmethod
    def of(
        cls,
        catalogue: Catalogue,
        hierarchy: Hierarchy,
        events: Mapping[str, tuple[CodeEvent, ...]],
        lineage: Lineage,
        annotations: Annotations,
        english: Mapping[str, EnglishText] | None = None,
    ) -> CodePages:
        return cls(catalogue, hierarchy, events, lineage, annotations, _neighbours(catalogue.codes), english or {})

    @property
    def codes(self) -> tuple[Code, ...]:
        """The codes with a page, sorted by code."""
        return self.catalogue.codes

    def __len__(self) -> int:
        return len(self.catalogue.codes)

    def __iter__(self) -> Iterator[CodePage]:
        return (self.page(code) for code in self.catalogue.codes)

    def urls(self) -> set[str]:
        """The URLs of every code page and its JSON twin."""
        return {u for c in self.catalogue.codes for u in (urls.code_url(c.code), urls.code_json(c.code))}

    def page(self, code: Code) -> CodePage:
        url = urls.code_url(code.code)
        details, notes = code_notes(url, code, self.hierarchy, self.annotations, self._group_block)
        parts = CodeParts(
            breadcrumbs=self._breadcrumbs(code),
            history=code_history(url, code.code, self.events.get(code.code, ())),
            successors=successor_rows(url, self.lineage.by_old.get(code.code, ())),
            predecessors=predecessor_rows(url, self.lineage.by_new.get(code.code, ())),
            details=details,
            notes=notes,
            similar=self._similar_rows(url, code),
            english=english_row(url, self.english.get(code.code)),
        )
        return code_page(code, self.catalogue, self.hierarchy, self.neighbours[code.code], parts)

    def _similar_rows(self, url: str, code: Code) -> tuple:
        """Valid codes like an expired code that has no successor (none for other codes)."""
        if code.active or self.lineage.by_old.get(code.code):
            return ()
        if not self._similar:
            self._similar.append(SimilarCodes(self.catalogue.codes))
        return tuple(code_row(url, other) for other in self._similar[0].of(code))

    def _breadcrumbs(self, code: Code) -> tuple[Link, ...]:
        nodes = self.hierarchy.path(code.system, code.code)
        key = (code.system, nodes[-1].prefix if nodes else "")
        if key not in self._crumbs:
            self._crumbs[key] = crumbs(SHARED_VIEW, self.hierarchy, code.system, nodes)
        return self._crumbs[key]

    def _group_block(self, node: Node) -> NoteBlock | None:
        key = (node.system, node.prefix)
        if key not in self._groups:
            self._groups[key] = group_block(SHARED_VIEW, node, self.annotations)
        return self._groups[key]


def _neighbours(codes: tuple[Code, ...]) -> dict[str, Neighbours]:
    """Previous and next code of each code within its code system (codes come sorted)."""
    by_system: dict[str, list[Code]] = defaultdict(list)
    for code in codes:
        by_system[code.system].append(code)
    found: dict[str, Neighbours] = {}
    for members in by_system.values():
        for index, code in enumerate(members):
            after = members[index + 1] if index + 1 < len(members) else None
            found[code.code] = (members[index - 1] if index else None, after)
    return found
