"""Turn page contexts into HTML bodies.

Each context's class names its template (`template = "code.html"`, in
`templates/nkpk/`), so this module knows no page type. The theme's chrome
around a body comes from a `Shell`, which the mkdocs adapter provides by
rendering the theme once for all pages the build writes itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

import jinja2


class Shell(Protocol):
    """Wraps a page body in the site's chrome (header, navigation, footer)."""

    def wrap(self, url: str, title: str, body: str) -> str: ...


class Context(Protocol):
    """A page context: its class names the template (in templates/nkpk/) that renders it as `page`."""

    template: str


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
        # every page template compiled once, here, before the writing processes are forked
        self._templates = {n: self.env.get_template(n) for n in self.env.list_templates() if not n.startswith("_")}

    def render(self, context: Context) -> str:
        """The HTML of a page body or page part, from the template its context's class names."""
        return self._templates[context.template].render(page=context)
