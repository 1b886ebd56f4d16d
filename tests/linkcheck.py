"""Check that every internal link and anchor of a built site resolves.

`check_site(root)` reads every HTML file under `root` once, collecting the ids
it defines and the links it makes (`href` and `src` of the tags that load or
link something), then checks each internal link: the file must exist (a
directory stands for its `index.html`) and a `#fragment` must name an id or
`<a name>` in the target page. Links with a scheme (`https:`, `mailto:`,
`data:` ...) or a host are left alone. Tags are found with regular
expressions after script bodies and comments are cut out: fast enough for
the ten thousand pages of the real corpus.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

_VALUE = r"""\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))"""
_RAW = re.compile(r"(<(script|style)\b[^>]*>).*?(</\2\s*>)|<!--.*?-->", re.S | re.I)
_LINK = re.compile(
    r"<(?:a|area|link)\b[^>]*?\shref" + _VALUE
    + r"|<(?:img|script|iframe|source|audio|video|track|embed)\b[^>]*?\ssrc" + _VALUE,
    re.I,
)
_ID = re.compile(r"<[a-zA-Z][^>]*?\sid" + _VALUE, re.I)
_NAME = re.compile(r"<a\b[^>]*?\sname" + _VALUE, re.I)


@dataclass(frozen=True)
class Broken:
    page: str  # site-relative path of the page with the link
    href: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: {self.href} ({self.reason})"


@dataclass
class Page:
    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)


def _values(pattern: re.Pattern, text: str) -> list[str]:
    """The attribute value each match captured (one of its groups), unescaped."""
    return [html.unescape(next(v for v in m.groups() if v is not None)) for m in pattern.finditer(text)]


def read_page(text: str) -> Page:
    """The ids a page defines and the link targets it uses, in document order."""
    text = _RAW.sub(lambda m: (m.group(1) + m.group(3)) if m.group(1) else "", text)
    ids = set(_values(_ID, text)) | set(_values(_NAME, text))
    return Page(ids, [v for v in _values(_LINK, text) if v])


def _is_external(href: str) -> bool:
    parts = urlsplit(href)
    return bool(parts.scheme or parts.netloc)


def resolve(page_path: str, href: str, files: set[str], dirs: set[str], base: str = "/") -> tuple[str | None, str]:
    """(target file or None, fragment) for an internal href on the page at `page_path`.

    A root-absolute path (`/assets/x.css`, as on mkdocs' 404 page) is taken
    relative to `base`, the path the site is served under.
    """
    parts = urlsplit(href)
    if not parts.path:
        return page_path, unquote(parts.fragment)
    path = unquote(parts.path)
    if path.startswith("/"):
        if not path.startswith(base):
            return None, ""
        path, page_path = path[len(base):], "index.html"
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), path))
    if joined.startswith("../") or joined == "..":
        return None, ""
    if joined == ".":
        joined = "index.html"
    elif joined in dirs or path.endswith("/"):
        joined = posixpath.join(joined, "index.html")
    return (joined if joined in files else None), unquote(parts.fragment)


@dataclass(frozen=True)
class LinkReport:
    pages: int  # HTML files read
    links: int  # internal links checked
    broken: tuple[Broken, ...]


def check_site(root: Path, base: str = "/") -> LinkReport:
    """Every broken internal link or anchor of the site under `root`, served under the path `base`."""
    paths = sorted(root.rglob("*"))
    files = {p.relative_to(root).as_posix() for p in paths if p.is_file()}
    dirs = {p.relative_to(root).as_posix() for p in paths if p.is_dir()}
    pages = {f: read_page((root / f).read_text(encoding="utf-8")) for f in sorted(files) if f.endswith(".html")}
    broken, checked = [], 0
    resolved: dict[tuple[str, str], tuple[str | None, str] | None] = {}  # (folder, href): pages share links
    for name, page in pages.items():
        folder = posixpath.dirname(name)
        for href in page.links:
            if href.startswith("#"):
                target, fragment = name, unquote(href[1:])
            else:
                key = (folder, href)
                if key not in resolved:
                    resolved[key] = None if _is_external(href) else resolve(name, href, files, dirs, base)
                if resolved[key] is None:
                    continue
                target, fragment = resolved[key]
            checked += 1
            if target is None:
                broken.append(Broken(name, href, "no such file"))
            elif fragment and target in pages and fragment not in pages[target].ids:
                broken.append(Broken(name, href, f"no id {fragment!r} in {target}"))
    return LinkReport(len(pages), checked, tuple(broken))
