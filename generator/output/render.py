"""Turn page contexts into HTML bodies and JSON documents.

Bodies are rendered with the project's own Jinja2 templates in
`templates/nkpk/`; the theme's chrome around them comes from a `Shell`, which
the mkdocs adapter provides by rendering the theme once for all stamped pages.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Protocol

import jinja2

from ..pages.book import BookPage
from ..pages.checker import CheckerBox
from ..pages.changes import ChangesOverview, ChangesPage, LatestChanges
from ..inputs.details import details_json
from ..pages.browse import CodePage, NodePage, SystemList, SystemPage
from ..pages.guidance import DeadlineTable, DownloadList, NextDeadline
from ..model.catalogue import Code


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
        self._code = self.env.get_template("code.html")
        self._node = self.env.get_template("node.html")
        self._book = self.env.get_template("book.html")
        self._system = self.env.get_template("system.html")
        self._system_list = self.env.get_template("system_list.html")
        self._changes = self.env.get_template("changes.html")
        self._overview = self.env.get_template("changes_overview.html")
        self._latest = self.env.get_template("latest_changes.html")
        self._next_deadline = self.env.get_template("next_deadline.html")
        self._deadline_table = self.env.get_template("deadline_table.html")
        self._download_list = self.env.get_template("download_list.html")
        self._checker = self.env.get_template("checker.html")

    def code_body(self, page: CodePage) -> str:
        return self._code.render(page=page)

    def node_body(self, page: NodePage) -> str:
        return self._node.render(page=page)

    def book_body(self, page: BookPage) -> str:
        return self._book.render(page=page)

    def system_body(self, page: SystemPage) -> str:
        return self._system.render(page=page)

    def system_list(self, page: SystemList) -> str:
        return self._system_list.render(page=page)

    def changes_body(self, page: ChangesPage) -> str:
        return self._changes.render(page=page)

    def overview_body(self, page: ChangesOverview) -> str:
        return self._overview.render(page=page)

    def latest_changes(self, page: LatestChanges) -> str:
        return self._latest.render(page=page)

    def next_deadline(self, page: NextDeadline) -> str:
        return self._next_deadline.render(page=page)

    def deadline_table(self, page: DeadlineTable) -> str:
        return self._deadline_table.render(page=page)

    def download_list(self, page: DownloadList) -> str:
        return self._download_list.render(page=page)

    def checker(self, page: CheckerBox) -> str:
        return self._checker.render(page=page)


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
