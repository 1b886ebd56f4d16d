"""Write the site into a fresh folder, refusing two outputs to one path, then swap it in."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


class OutputClash(Exception):
    """Two outputs were planned for the same path."""


class SiteWriter:
    """Writes UTF-8 files with `\\n` line ends under one root, each path once."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._written: set[str] = set()

    def write(self, rel_path: str, text: str) -> None:
        self.write_bytes(rel_path, text.encode("utf-8"))

    def write_bytes(self, rel_path: str, data: bytes) -> None:
        """Write a file as given (downloads, files with their own line ends)."""
        if rel_path in self._written:
            raise OutputClash(f"two outputs for {rel_path}")
        target = self.root / rel_path
        if target.exists():
            raise OutputClash(f"{rel_path} was already written by another part of the build")
        self._written.add(rel_path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)

    @property
    def count(self) -> int:
        return len(self._written)


def fresh_dir(final: Path) -> Path:
    """A new empty folder beside `final`, to build into."""
    final.parent.mkdir(parents=True, exist_ok=True)
    path = Path(tempfile.mkdtemp(prefix=f".{final.name}.new-", dir=final.parent))
    os.chmod(path, 0o755)
    return path


def swap_in(new: Path, final: Path) -> None:
    """Replace `final` by `new` in two renames; the old tree is removed after."""
    old = None
    if final.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{final.name}.old-", dir=final.parent))
        os.rmdir(old)
        os.rename(final, old)
    os.rename(new, final)
    if old is not None:
        shutil.rmtree(old)


def discard(path: Path) -> None:
    """Remove a half-written folder after a failed build."""
    shutil.rmtree(path, ignore_errors=True)
