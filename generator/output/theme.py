"""The theme's chrome for the pages the build writes itself, rendered once and filled in per page.

All pages the build writes itself (code, browse, book, change pages) sit two levels deep
(`kode/JKA21/`, `ncsp/JK/`), so their chrome differs only in the page URL
and title. We render the theme's `main.html` once for a page whose
URL, title and body are tokens, and fill the tokens in for each page.
The theme's templates leave runs of blank, indented lines (more than half of
a code page's bytes): in the chrome, every run of white space with a line
break becomes one line break, which changes nothing a browser shows (outside
`<pre>` and `<textarea>`, which the chrome keeps as they are) and keeps line
breaks where scripts need them. Bodies are filled in afterwards, untouched.
Every page has one stylesheet, `urls.SITE_STYLESHEET`: the theme's own
(`ThemeAssets`, found in its folder) and then mkdocs.yml's `extra_css`, in one
file (`site_stylesheet`), so that one request, not six, stands before the
first paint. The theme's script is loaded with the others after the first
paint (templates/main.html, `templates/assets/javascripts/nkpk-load.js`).
A few lines of the theme's own templates are edited as the theme loads them
(`THEME_EDITS`, `edited_theme`): markup the Nu HTML checker refuses, fixed
without copying whole templates into `templates/`. A port to another theme
drops them.
This module and `templates/` are the only places that know the theme.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

import jinja2
from mkdocs.commands.build import get_context
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

SECTION = "nkpksectiontoken"
SLUG = "nkpkslugtoken"
TITLE = "NKPKTITLETOKEN"
BODY = "NKPKBODYTOKEN"
_TOKENS = re.compile(f"({SECTION}|{SLUG}|{TITLE}|{BODY})")
_KEEP = re.compile(r"(<pre\b.*?</pre>|<textarea\b.*?</textarea>)", re.S)
_BLANKS = re.compile(r"[ \t\r\f\v]*\n\s*")


# Edits of the theme's templates (mkdocs-material 9.8.2): (template, old, new, how many times `old` is there).
THEME_EDITS: tuple[tuple[str, str, str, int], ...] = (
    # A section's label in the navigation is not focusable: no `tabindex=""` (not an integer).
    ("partials/nav-item.html", 'id="{{ path }}_label" tabindex="{{ tabindex }}"',
     'id="{{ path }}_label"{% if tabindex %} tabindex="{{ tabindex }}"{% endif %}', 2),
    # `autocomplete` is not allowed on a checkbox: the drawer's and the (unused) search's toggles.
    ("base.html", 'id="__drawer" autocomplete="off">', 'id="__drawer">', 1),
    ("base.html", 'id="__search" autocomplete="off">', 'id="__search">', 1),
)


class _EditedLoader(jinja2.BaseLoader):
    """The theme's loader, with THEME_EDITS made to the sources it gives."""

    def __init__(self, loader: jinja2.BaseLoader) -> None:
        self._loader = loader

    def get_source(self, environment, template):
        source, filename, uptodate = self._loader.get_source(environment, template)
        for name, old, new, count in THEME_EDITS:
            if name == template:
                if source.count(old) != count:
                    raise RuntimeError(f"the theme's {template} ({filename}) no longer has {old!r} {count} times:"
                                       " see THEME_EDITS in generator/output/theme.py")
                source = source.replace(old, new)
        return source, filename, uptodate

    def list_templates(self):
        return self._loader.list_templates()


def edited_theme(env: jinja2.Environment) -> jinja2.Environment:
    """The theme's environment, loading its templates with THEME_EDITS made."""
    if not isinstance(env.loader, _EditedLoader):
        env.loader = _EditedLoader(env.loader)
    return env


@dataclass(frozen=True)
class ThemeAssets:
    """The theme's script and stylesheets, site-relative, as its base.html loads them."""

    script: str  # assets/javascripts/bundle.<hash>.min.js
    stylesheets: tuple[str, ...]  # assets/stylesheets/main.<hash>.min.css, then palette.<hash>.min.css


def theme_assets(theme_dirs: list[str]) -> ThemeAssets:
    """Find the theme's script and stylesheets in the first of the theme's folders that has them."""
    patterns = ("assets/javascripts/bundle.*.min.js", "assets/stylesheets/main.*.min.css", "assets/stylesheets/palette.*.min.css")
    for folder in map(Path, theme_dirs):
        found = [sorted(folder.glob(pattern)) for pattern in patterns]
        if all(len(paths) == 1 for paths in found):
            script, *styles = (paths[0].relative_to(folder).as_posix() for paths in found)
            return ThemeAssets(script, tuple(styles))
    raise RuntimeError(f"the theme's script and stylesheets ({', '.join(patterns)}) are in none of {theme_dirs}")


def site_stylesheet(site: Path, parts: tuple[str, ...]) -> str:
    """The stylesheets `parts` (site-relative, as written into `site`) in one, in order (the theme's `@charset` first)."""
    return "\n".join((site / part).read_text(encoding="utf-8").strip() for part in parts) + "\n"


class ThemeShell:
    """Wraps the bodies of the pages the build writes itself in the theme's page, rendered once."""

    def __init__(self, env, config, nav, files) -> None:
        file = File.generated(config, f"{SECTION}/{SLUG}.md", content="")
        page = Page(TITLE, file, config)
        page.content = BODY
        page.meta = {"nkpk_body": True}  # the body brings its own <h1>
        context = get_context(nav, files, config, page)
        rendered = squeeze(env.get_template("main.html").render(context))
        self._parts = _TOKENS.split(rendered)
        if BODY not in self._parts:
            raise RuntimeError("the theme's main.html did not show the page body")

    def wrap(self, url: str, title: str, body: str) -> str:
        section, slug = url.strip("/").split("/")
        values = {
            SECTION: section,
            SLUG: slug,
            TITLE: html.escape(title),
            BODY: body,
        }
        return "".join(values.get(part, part) for part in self._parts)


def squeeze(html_text: str) -> str:
    """Every run of white space that holds a line break as one line break, but inside <pre> and <textarea>."""
    pieces = _KEEP.split(html_text)
    return "".join(p if i % 2 else _BLANKS.sub("\n", p) for i, p in enumerate(pieces))
