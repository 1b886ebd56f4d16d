"""Turn page contexts into HTML bodies and JSON documents.

Bodies are rendered with the project's own Jinja2 templates in
`templates/nkpk/`; the theme's chrome around them comes from a `Shell`, which
the mkdocs adapter provides by rendering the theme once for all pages the build writes itself.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Protocol

import jinja2

from ..pages.book import BookPage
from ..pages.checker import CheckerBox
from ..pages.feed import ChangesFeed
from ..pages.changes import ChangesOverview, ChangesPage, LatestChanges
from ..inputs.details import details_json
from ..pages.browse import CodePage, NodePage, SystemList, SystemPage
from ..pages.guidance import DeadlineTable, DownloadList, NextDeadline, ReleaseNote
from ..opendata.pages import ApiPage, CompareBox, OpenDownloads
from ..model.catalogue import Code
from .sitemap import SitemapFile


class Shell(Protocol):
    """Wraps a page body in the site's chrome (header, navigation, footer)."""

    def wrap(self, url: str, title: str, body: str) -> str: ...


# The partials of templates/nkpk/, each a macro (file, macro name), in the order they use each other.
MACROS = (
    ("_noteline.html", "noteline"),
    ("_segments.html", "segments"),
    ("_crumbs.html", "crumbs"),
    ("_codes.html", "codes"),
    ("_nodes.html", "nodes"),
    ("_moves.html", "moves"),
    ("_details.html", "details"),
    ("_notes.html", "notes"),
)


# Each page context type and the template (in templates/nkpk/) that renders it as `page`.
TEMPLATES: dict[type, str] = {
    CodePage: "code.html",
    NodePage: "node.html",
    BookPage: "book.html",
    SystemPage: "system.html",
    SystemList: "system_list.html",
    ChangesPage: "changes.html",
    ChangesOverview: "changes_overview.html",
    LatestChanges: "latest_changes.html",
    NextDeadline: "next_deadline.html",
    ReleaseNote: "release_note.html",
    DeadlineTable: "deadline_table.html",
    DownloadList: "download_list.html",
    CheckerBox: "checker.html",
    OpenDownloads: "open_data.html",
    ApiPage: "api.html",
    CompareBox: "compare.html",
    ChangesFeed: "feed.xml.html",  # .html: mkdocs copies other files of the theme folder as they are
    SitemapFile: "sitemap.xml.html",
}


class Renderer:
    """The Jinja2 environment for page bodies."""

    def __init__(self, templates_dir: Path) -> None:
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(templates_dir / "nkpk")),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            auto_reload=False,  # one build: no need to stat every included template at each use
        )
        for name, macro in MACROS:  # shared partials: loaded once, callable from every template
            self.env.globals[macro] = getattr(self.env.get_template(name).module, macro)
        self._templates = {kind: self.env.get_template(name) for kind, name in TEMPLATES.items()}

    def render(self, context: object) -> str:
        """The HTML of a page body or page part, from the template of its context's type."""
        return self._templates[type(context)].render(page=context)


def dump_json(data: object) -> str:
    """Deterministic JSON: sorted keys, UTF-8 text, one trailing newline."""
    return json.dumps(data, sort_keys=True, ensure_ascii=False, indent=1) + "\n"


def compact_json(data: object) -> str:
    """Deterministic JSON without indentation (the fast encoder), for the many small files."""
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n"


def code_document(code: Code) -> dict:
    """The JSON twin of a code page."""
    return {
        "code": code.code,
        "system": code.system,
        "active": code.active,
        "versions": [{"year": v.year, "text": v.text, **details_json(v.details)} for v in code.versions],
    }
