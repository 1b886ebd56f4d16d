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
from typing import Iterator

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


# The theme's features that the site does not use (mkdocs.yml): their rules are left out of the site's stylesheet.
# A selector goes when one of its classes starts with one of these; a rule goes when none of its selectors is left.
UNUSED_THEME_CLASSES = (
    "tabbed-", "md-search", "md-tooltip", "md-annotation", "md-source", "md-tabs", "md-version", "md-select",
    "md-tag", "md-post", "md-feedback", "md-consent", "md-author", "md-status", "md-progress", "md-social",
    "md-code__", "md-clipboard", "keys", "footnote", "task-list", "critic", "arithmatex", "mermaid", "grid",
)
_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")


def site_stylesheet(site: Path, parts: tuple[str, ...], theme: tuple[str, ...] = ()) -> str:
    """The stylesheets `parts` (site-relative, as written into `site`) in one, in order (the theme's `@charset` first).

    The parts in `theme` lose the rules of UNUSED_THEME_CLASSES.
    """
    texts = ((site / part).read_text(encoding="utf-8").strip() for part in parts)
    return "\n".join(trim_css(text) if part in theme else text for part, text in zip(parts, texts)) + "\n"


def trim_css(css: str) -> str:
    """`css` without the selectors of UNUSED_THEME_CLASSES (and rules, and @media blocks, left empty)."""
    out = []
    for prelude, body in _blocks(css):
        if body is None:  # `@charset "UTF-8";`
            out.append(prelude + ";")
        elif prelude.startswith("@media") or prelude.startswith("@supports"):
            inner = trim_css(body)
            if inner:
                out.append(f"{prelude}{{{inner}}}")
        elif prelude.startswith("@"):  # @keyframes, @font-face, @page: kept whole
            out.append(f"{prelude}{{{body}}}")
        else:
            kept = [s for s in _split(prelude) if not any(c.startswith(UNUSED_THEME_CLASSES) for c in _CLASS.findall(s))]
            if kept:
                out.append(f"{','.join(kept)}{{{body}}}")
    return "".join(out)


def _blocks(css: str) -> Iterator[tuple[str, str | None]]:
    """Top-level (prelude, body) pairs; body None for a statement that ends in `;`. Strings and comments are skipped."""
    depth, start, i = 0, 0, 0
    while i < len(css):
        char = css[i]
        if char in "\"'":
            i = css.index(char, i + 1)
            while css[i - 1] == "\\":
                i = css.index(char, i + 1)
        elif css.startswith("/*", i):
            i = css.index("*/", i) + 1
        elif char == "{":
            depth += 1
            if depth == 1:
                open_at = i
        elif char == "}":
            depth -= 1
            if depth == 0:
                yield css[start:open_at].strip(), css[open_at + 1 : i]
                start = i + 1
        elif char == ";" and depth == 0:
            yield css[start:i].strip(), None
            start = i + 1
        i += 1


def _split(selectors: str) -> list[str]:
    """A selector list split at its top-level commas (not those inside `:is(...)` and the like)."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(selectors):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append(selectors[start:i])
            start = i + 1
    return parts + [selectors[start:]]


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
