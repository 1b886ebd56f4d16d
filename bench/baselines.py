"""The baselines of the build benchmark: Hugo and plain MkDocs + Material on trivial pages.

Each builds `pages` trivial pages (a title and one line of text) into a
fresh folder; the input trees are written once per page count under
bench/out/ and reused. Hugo is Debian's `hugo` package (installed with
apt-get when missing and run as root); MkDocs is the one of the project's
venv with Material, `font: false` and a nav that lists only the front page,
as our code pages are kept out of the nav.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from measure import Run, fresh, run, scan

OUT = Path(__file__).resolve().parent / "out"

HUGO_CONFIG = """\
baseURL = "https://example.org/"
languageCode = "nb"
title = "NKPK baseline"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
"""
HUGO_JSON = """{{ dict "title" .Title "text" .Plain | jsonify }}
"""
HUGO_TEMPLATE = """\
<!DOCTYPE html>
<html lang="nb"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>
"""
MKDOCS_CONFIG = """\
site_name: NKPK baseline
theme:
  name: material
  language: nb
  font: false
nav:
  - index.md
"""


@dataclass(frozen=True)
class Baseline:
    """A baseline's figures: the pages it wrote and what that took."""

    name: str
    pages: int  # index.html files written
    run: Run | None  # None: the tool is not available
    note: str = ""
    jsons: int = 0  # .json files written

    @property
    def ms_per_page(self) -> float | None:
        return self.run.seconds * 1000 / self.pages if self.run and self.pages else None


def _page(number: int) -> tuple[str, str]:
    """Name and one line of text of the n-th trivial page."""
    return f"p{number:06d}", f"Prosedyre nummer {number} med en kort norsk tekst om kneledd og hofteledd."


def _write_once(folder: Path, write) -> Path:
    """Write an input tree once; a marker file says it is complete."""
    marker = folder / ".complete"
    if not marker.exists():
        fresh(folder).mkdir()
        write(folder)
        marker.write_text("ok\n")
    return folder


def _hugo_tree(folder: Path, pages: int, jsons: int = 0) -> None:
    """`pages` HTML pages; the first `jsons` content pages also get a JSON twin (index.json)."""
    (folder / "config.toml").write_text(HUGO_CONFIG)
    for kind in ("single", "list"):
        path = folder / "layouts" / "_default" / f"{kind}.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(HUGO_TEMPLATE)
    (folder / "layouts" / "_default" / "single.json").write_text(HUGO_JSON)
    content = folder / "content" / "kode"
    content.mkdir(parents=True)
    (folder / "content" / "_index.md").write_text('---\ntitle: "Forside"\n---\nForside.\n')
    for number in range(1, pages - 1):  # the front page and the section page are pages too
        name, text = _page(number)
        outputs = 'outputs: ["html", "json"]\n' if number <= jsons else ""
        (content / f"{name}.md").write_text(f'---\ntitle: "{name}"\n{outputs}---\n{text}\n', encoding="utf-8")


def _mkdocs_tree(folder: Path, pages: int) -> None:
    (folder / "mkdocs.yml").write_text(MKDOCS_CONFIG)
    docs = folder / "docs" / "kode"
    docs.mkdir(parents=True)
    (folder / "docs" / "index.md").write_text("# Forside\n\nForside.\n")
    for number in range(1, pages):
        name, text = _page(number)
        (docs / f"{name}.md").write_text(f"# {name}\n\n{text}\n", encoding="utf-8")


def ensure_hugo() -> str | None:
    """The hugo command, installed from Debian's package if missing (needs root); None if unavailable."""
    found = shutil.which("hugo")
    if found or not shutil.which("apt-get"):
        return found
    print("bench: installing Debian's hugo package (apt-get install -y hugo) ...", file=sys.stderr)
    env = {"DEBIAN_FRONTEND": "noninteractive", "PATH": "/usr/sbin:/usr/bin:/sbin:/bin"}
    install = ["apt-get", "install", "-y", "-qq", "hugo"]
    if subprocess.run(install, env=env, capture_output=True).returncode != 0:
        subprocess.run(["apt-get", "update", "-qq"], env=env, capture_output=True)
        subprocess.run(install, env=env, capture_output=True)
    return shutil.which("hugo")


def _measured(name: str, out: Path, result: Run, keep: bool) -> Baseline:
    tree = scan(out)
    if not keep:
        shutil.rmtree(out)
    return Baseline(name, tree.pages, result, jsons=sum(p.endswith(".json") for p in tree.files))


def hugo(pages: int, log: Path, keep: bool = False, jsons: int = 0) -> Baseline:
    """Hugo writing `pages` HTML pages and `jsons` JSON files (at most one per content page)."""
    command = ensure_hugo()
    if command is None:
        return Baseline("Hugo", 0, None, "hugo not installed: apt-get install hugo")
    jsons = min(jsons, pages - 2)
    source = _write_once(OUT / f"baseline-hugo-n{pages}-j{jsons}", lambda f: _hugo_tree(f, pages, jsons))
    out = fresh(OUT / "run-hugo")
    result = run([command, "--quiet", "--source", str(source), "--destination", str(out)], log=log)
    return _measured("Hugo", out, result, keep)


def mkdocs(pages: int, log: Path, keep: bool = False) -> Baseline:
    source = _write_once(OUT / f"baseline-mkdocs-n{pages}", lambda f: _mkdocs_tree(f, pages))
    out = fresh(OUT / "run-mkdocs")
    result = run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file",
                  str(source / "mkdocs.yml"), "--site-dir", str(out)], log=log)
    return _measured("MkDocs", out, result, keep)
