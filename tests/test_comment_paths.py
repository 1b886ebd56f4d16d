"""Comments and docstrings name only paths that exist.

Every `generator/...`, `templates/...` and `site_src/...` path named in a
comment or docstring of the project's code (Python, JavaScript, CSS and the
templates' HTML, Jinja and Markdown) must be a file or folder of the
repository. Patterns (`*`, `<code>`, `{year}`) are not paths and are skipped.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

from .helpers import ROOT

PATH = re.compile(r"(?<![\w./-])(?:generator|templates|site_src)/[\w./-]*\w")
PATTERN = re.compile(r"[*<>{}]")
BLOCK = re.compile(r"/\*.*?\*/|<!--.*?-->|\{#.*?#\}", re.S)
LINE = re.compile(r"(?<![:\"'\\])//[^\n]*")
FOLDERS = ("generator", "templates", "site_src", "scripts", "bench", "tests")
SUFFIXES = {".py", ".js", ".css", ".html", ".md"}


def python_comments(text: str) -> list[tuple[int, str]]:
    """(line, text) of every comment and docstring of a Python module."""
    found = [(t.start[0], t.string) for t in tokenize.generate_tokens(io.StringIO(text).readline)
             if t.type == tokenize.COMMENT]
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            doc = ast.get_docstring(node, clean=False)
            if doc:
                found.append((node.body[0].lineno, doc))
    return found


def other_comments(text: str) -> list[tuple[int, str]]:
    """(line, text) of every /* */, //, <!-- --> and {# #} comment of a script, style sheet or template."""
    found = [(text.count("\n", 0, m.start()) + 1, m.group(0)) for m in BLOCK.finditer(text)]
    bare = BLOCK.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    found += [(bare.count("\n", 0, m.start()) + 1, m.group(0)) for m in LINE.finditer(bare)]
    return found


def named_paths(path: Path) -> list[tuple[int, str]]:
    """(line, path) of every repository path a file's comments name."""
    text = path.read_text(encoding="utf-8")
    comments = python_comments(text) if path.suffix == ".py" else other_comments(text)
    return [(line, m.group(0).rstrip(".")) for line, comment in comments for m in PATH.finditer(comment)
            if not PATTERN.search(comment[m.end():m.end() + 1]) and not PATTERN.search(m.group(0))]


def stale_paths(root: Path) -> list[str]:
    found = []
    for folder in FOLDERS:
        for path in sorted((root / folder).rglob("*")):
            if path.suffix not in SUFFIXES or not path.is_file() or "node_modules" in path.parts:
                continue
            if folder == "site_src" and path.suffix == ".md":
                continue  # the pages readers read: their text is not a comment
            for line, named in named_paths(path):
                if not (root / named).exists():
                    found.append(f"{path.relative_to(root)}:{line}: {named}")
    return found


def test_every_path_a_comment_names_exists() -> None:
    assert stale_paths(ROOT) == []


def test_a_stale_path_is_found_in_each_kind_of_comment(tmp_path) -> None:
    (tmp_path / "generator" / "output").mkdir(parents=True)
    (tmp_path / "templates" / "nkpk").mkdir(parents=True)
    (tmp_path / "site_src" / "assets").mkdir(parents=True)
    (tmp_path / "generator" / "output" / "render.py").write_text(
        '"""Renders templates/nkpk/code.html."""\n# see generator/render.py\nx = "generator/nowhere.py"\n', encoding="utf-8")
    (tmp_path / "templates" / "nkpk" / "code.html").write_text(
        "{# rendered by generator/output/render.py and generator/old.py #}\n<!-- site_src/gone.css -->\n", encoding="utf-8")
    (tmp_path / "site_src" / "assets" / "a.js").write_text(
        '/* from generator/search.py */\nconst u = "https://x.org/generator/a.py"; // templates/nkpk/*.html\n', encoding="utf-8")
    assert stale_paths(tmp_path) == [
        "generator/output/render.py:2: generator/render.py",
        "templates/nkpk/code.html:1: generator/old.py",
        "templates/nkpk/code.html:2: site_src/gone.css",
        "site_src/assets/a.js:1: generator/search.py",
    ]
