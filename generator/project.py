"""What pages and outputs are made from: the `Project` protocol, which the build's `PreparedSite` fulfils.

A module of its own so that the output registry and the page markers can
name it without importing the build (build.py imports both).
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Mapping, Protocol

if TYPE_CHECKING:
    from ..analysis.compare import ReleaseChanges
    from ..analysis.english import EnglishText
    from ..analysis.successors import Lineage
    from ..inputs.deadlines import Deadline
    from ..model.catalogue import Catalogue
    from ..opendata.downloads import Download
    from ..opendata.files import OpenData
    from ..pages.book import BookPage
    from ..pages.browse import NodePage, SystemPage
    from ..pages.changes import ChangesOverview, ChangesPage
    from ..pages.code import CodePages
    from ..search.synonyms import Synonym


class Project(Protocol):
    """What the outputs are made from (read only): the build's `PreparedSite` is one."""

    catalogue: Catalogue
    lineage: Lineage
    codes: CodePages
    nodes: tuple[NodePage, ...]
    books: tuple[BookPage, ...]
    systems: tuple[SystemPage, ...]
    releases: tuple[ReleaseChanges, ...]
    changes: tuple[ChangesPage, ...]
    overview: ChangesOverview
    synonyms: tuple[Synonym, ...]
    english: Mapping[str, EnglishText]  # code -> its English text, if it has one
    downloads: tuple[Download, ...]
    deadlines: tuple[Deadline, ...]
    build_date: datetime.date
    report: dict
    open_data: OpenData
    planned: frozenset[str]  # every address of the generated part of the site (`planned`)
    site_zip: bool  # the build also writes the whole site as a zip
