"""The input files of every release, published with the site as they were read.

Each file the manifest lists is copied byte for byte to
`nedlasting/<year>/<file name>`, so that everyone can get the sources the
pages were built from.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .. import urls
from ..inputs.manifest import Manifest
from ..inputs.diagnostics import InputError, Location
from ..labels import DOWNLOAD_FORMATS, OTHER_FORMAT


@dataclass(frozen=True)
class Download:
    year: int
    name: str  # the file name as published
    path: str  # site-relative output path
    source: Path
    size: int  # bytes
    system: str | None  # None: the file has a code-system column
    book: bool = False  # the printed code book as text (manifest `kind: book` or `book-notes`)


def plan_downloads(manifest: Manifest) -> tuple[Download, ...]:
    """One download per input file, oldest release first; two files of one name in a release stop the build."""
    downloads = []
    for release in manifest.releases:
        names: dict[str, str] = {}
        for spec in release.files:
            name = PurePosixPath(spec.display.replace("\\", "/")).name
            if name in names:
                where = Location(str(manifest.path), cell=f"release {release.year}")
                raise InputError(where, f"two files would be published as {name}: {names[name]} and {spec.display}")
            names[name] = spec.display
            path = urls.download_path(release.year, name)
            book = spec.kind in ("book", "book-notes")
            downloads.append(Download(release.year, name, path, spec.path, spec.path.stat().st_size, spec.system, book))
    return tuple(downloads)


def download_bytes(download: Download) -> bytes:
    """The published file: the input as it was read."""
    return download.source.read_bytes()


def format_name(name: str) -> str:
    return DOWNLOAD_FORMATS.get(PurePosixPath(name).suffix.lower(), OTHER_FORMAT)


def size_text(size: int) -> str:
    """`850 byte`, `12,3 kB`, `1,4 MB` (decimal units, Norwegian decimal comma)."""
    if size < 1000:
        return f"{size} byte"
    value, unit = (size / 1000, "kB") if size < 1_000_000 else (size / 1_000_000, "MB")
    return f"{value:.1f} {unit}".replace(".", ",")
