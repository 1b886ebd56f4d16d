"""Write the site into a fresh folder, refusing two outputs to one path, then swap it in."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


class OutputClash(Exception):
    """Two outputs were planned for the same path."""


class SiteWriter:
    """Writes UTF-8 files with `\\n` line ends under one root, each path once.

    With `previous` (the site being replaced), a file whose bytes are the same
    as the previous site's is hard-linked from there instead of written: it
    keeps its inode and modification time, so a deploy that syncs by time or
    content moves nothing for it.
    """

    def __init__(self, root: Path, previous: Path | None = None) -> None:
        self.root = root
        self.previous = previous if previous is not None and previous.is_dir() else None
        self._root = str(root)
        self._previous = str(self.previous) if self.previous is not None else None
        self._written: set[str] = set()
        self._folders: set[str] = set()
        self.reused = 0

    def write(self, rel_path: str, text: str) -> None:
        self.write_bytes(rel_path, text.encode("utf-8"))

    def write_bytes(self, rel_path: str, data: bytes) -> None:
        """Write a file as given (downloads, files with their own line ends)."""
        if rel_path in self._written:
            raise OutputClash(f"two outputs for {rel_path}")
        self._written.add(rel_path)
        target = os.path.join(self._root, rel_path)
        self._folder(os.path.dirname(target))
        if self._previous is not None and _link_if_same(os.path.join(self._previous, rel_path), data, target):
            self.reused += 1
            return
        try:  # O_EXCL: a file that is already there was written by another part of the build
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            raise OutputClash(f"{rel_path} was already written by another part of the build") from None
        with os.fdopen(fd, "wb") as out:
            out.write(data)

    def _folder(self, folder: str) -> None:
        """Make a folder once; most have a parent this writer made already."""
        if folder in self._folders:
            return
        if os.path.dirname(folder) in self._folders:
            try:
                os.mkdir(folder)
            except FileExistsError:
                pass
        else:
            os.makedirs(folder, exist_ok=True)
        self._folders.add(folder)

    def claim(self, paths: list[str], reused: int) -> None:
        """Take over paths another process wrote under this root (see parallel.py)."""
        clash = self._written.intersection(paths)
        if clash:
            raise OutputClash(f"two outputs for {sorted(clash)[0]}")
        self._written.update(paths)
        self.reused += reused

    @property
    def count(self) -> int:
        return len(self._written)

    @property
    def written(self) -> frozenset[str]:
        """Every path written so far."""
        return frozenset(self._written)


def _link_if_same(old: Path | str, data: bytes, target: Path | str) -> bool:
    """Hard-link `old` to `target` if it holds exactly `data` (one open, one size check, one read)."""
    try:
        fd = os.open(old, os.O_RDONLY)
    except OSError:  # no previous file
        return False
    try:
        if os.fstat(fd).st_size != len(data) or os.read(fd, len(data) + 1) != data:
            return False
    finally:
        os.close(fd)
    try:
        os.link(old, target)
    except OSError:  # no hard links on this file system
        return False
    return True


def adopt_unchanged(root: Path, previous: Path, skip: frozenset[str]) -> int:
    """Replace files of `root` (other than `skip`) that equal the previous site's by links to those."""
    if not previous.is_dir():
        return 0
    adopted = 0
    for folder, _, names in os.walk(root):
        for name in names:
            path = Path(folder) / name
            rel = path.relative_to(root).as_posix()
            if rel in skip:
                continue
            spare = path.with_name(f".{name}.nkpk-link")
            try:
                if not _link_if_same(previous / rel, path.read_bytes(), spare):
                    continue
                os.replace(spare, path)
            except OSError:
                continue
            adopted += 1
    return adopted


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
