"""Is the site already built from exactly these inputs? A key over everything a build reads.

The key covers the manifest and every file it names, the hand-written pages,
templates and configuration, the generator's own code, the versions of the
packages it builds with, the public base address and the build date. When
the key is the one stored beside the site at its last build, nothing needs to
be written at all.
"""

from __future__ import annotations

import datetime
import hashlib
import sys
from importlib import metadata
from pathlib import Path

from .manifest import load_manifest

PACKAGES = ("mkdocs", "mkdocs-material", "jinja2", "python-calamine", "lunr", "snowballstemmer", "pyyaml")
GENERATOR = Path(__file__).resolve().parent.parent


def key_path(site: Path) -> Path:
    """Where the key of the last build of `site` is kept: beside it, not in it (it is not published)."""
    return site.parent / f".{site.name}.nkpk-key"


def build_key(
    config_file: Path, manifest: Path, folders: tuple[Path, ...], site_url: str | None, today: datetime.date,
    options: str = "",
) -> str:
    """The key of a build; `folders` are the configured page and template folders (docs_dir, custom_dir);
    `options`: build options that change the output (`offline`)."""
    digest = hashlib.sha256()

    def add(label: str, data: bytes) -> None:
        digest.update(f"{label}\0{len(data)}\0".encode())
        digest.update(data)

    add("python", sys.version.encode())
    add("site_url", (site_url or "").encode())
    add("date", today.isoformat().encode())
    if options:
        add("options", options.encode())
    for package in PACKAGES:
        add(package, metadata.version(package).encode())
    for path in sorted(_inputs(config_file, manifest, folders)):
        add(str(path), path.read_bytes())
    return digest.hexdigest()


def _inputs(config_file: Path, manifest: Path, folders: tuple[Path, ...]) -> set[Path]:
    spec = load_manifest(manifest)
    files = {config_file.resolve(), manifest.resolve()}
    files |= {f.path.resolve() for release in spec.releases for f in release.files}
    files |= {p.resolve() for p in (spec.names, spec.deadlines, spec.synonyms, spec.english) if p is not None}
    for folder in (*folders, GENERATOR):
        files |= {p.resolve() for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    return files


def is_fresh(site: Path, key: str) -> bool:
    stored = key_path(site)
    return site.is_dir() and stored.is_file() and stored.read_text(encoding="utf-8").strip() == key


def remember(site: Path, key: str) -> None:
    key_path(site).write_text(key + "\n", encoding="utf-8")
