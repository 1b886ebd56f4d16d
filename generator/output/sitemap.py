"""`sitemap.xml`: every page of the site, with absolute addresses from site_url.

The theme's sitemap knows only mkdocs' pages and stamps each with the build
date; this one lists every page (hand-written, generated through mkdocs or by the build) and
nothing that changes from build to build, so that two builds of the same
inputs give the same file. A sitemap needs absolute addresses: without a
public base address (`--site-url`) none is written. Past 50,000 addresses
(the protocol's limit per file) the pages go into numbered files listed by a
sitemap index. The files are rendered from `templates/nkpk/sitemap.xml.html`.
`robots.txt` allows every page and, with a public address, names the sitemap.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, ClassVar, Iterable
from urllib.parse import quote

from .. import urls as site_urls
from ..pages.fields import doc
from .write import SiteWriter

SITEMAP = "sitemap.xml"
LIMIT = 50_000
def absolute_url(site_url: str, url: str) -> str:
    """`https://example.org/nkpk/` + `kode/JKA21/`; characters outside ASCII and spaces percent-encoded."""
    return site_url.rstrip("/") + "/" + quote(url, safe="/-._~")


@dataclass(frozen=True)
class SitemapFile:
    template: ClassVar[str] = "sitemap.xml.html"

    index: bool = doc("true: a sitemap index listing the numbered sitemaps; false: a list of pages")
    addresses: tuple[str, ...] = doc("absolute addresses, sorted")


def sitemap_files(site_url: str, urls: Iterable[str]) -> dict[str, SitemapFile]:
    """Output path -> its context: one sitemap, or an index and its numbered parts."""
    addresses = tuple(absolute_url(site_url, u) for u in sorted({"" if u in (".", "./") else u for u in urls}))
    if len(addresses) <= LIMIT:
        return {SITEMAP: SitemapFile(False, addresses)}
    parts = {f"sitemap-{n + 1}.xml": addresses[i : i + LIMIT] for n, i in enumerate(range(0, len(addresses), LIMIT))}
    files = {name: SitemapFile(False, chunk) for name, chunk in parts.items()}
    files[SITEMAP] = SitemapFile(True, tuple(absolute_url(site_url, name) for name in parts))
    return files


def write_sitemap(writer: SiteWriter, site_url: str | None, urls: Iterable[str], render: Callable[[SitemapFile], str]) -> int:
    """Write the sitemap, rendered by `render`; returns how many pages it lists (0: no site_url, nothing written)."""
    if not site_url:
        return 0
    urls = set(urls)
    for path, context in sitemap_files(site_url, urls).items():
        writer.write(path, render(context))
    return len(urls)


def robots_text(site_url: str | None) -> str:
    """robots.txt: every page may be crawled; the sitemap's absolute address where there is a public address."""
    lines = ["User-agent: *", "Allow: /"]
    if site_url:
        lines += ["", f"Sitemap: {absolute_url(site_url, SITEMAP)}"]
    return "\n".join(lines) + "\n"


def write_robots(writer: SiteWriter, site_url: str | None) -> None:
    writer.write(site_urls.ROBOTS, robots_text(site_url))
