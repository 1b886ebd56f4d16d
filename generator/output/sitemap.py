"""`sitemap.xml`: every page of the site, with absolute addresses from site_url.

The theme's sitemap knows only mkdocs' pages and stamps each with the build
date; this one lists every page (hand-written, generated, stamped) and
nothing that changes from build to build, so that two builds of the same
inputs give the same file. A sitemap needs absolute addresses: without a
public base address (`--site-url`) none is written. Past 50,000 addresses
(the protocol's limit per file) the pages go into numbered files listed by a
sitemap index.
"""

from __future__ import annotations

from typing import Iterable
from urllib.parse import quote
from xml.sax.saxutils import escape

from .write import SiteWriter

SITEMAP = "sitemap.xml"
LIMIT = 50_000
_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
_NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'


def absolute_url(site_url: str, url: str) -> str:
    """`https://example.org/nkpk/` + `kode/JKA21/`; characters outside ASCII and spaces percent-encoded."""
    return site_url.rstrip("/") + "/" + quote(url, safe="/-._~")


def _urlset(addresses: list[str]) -> str:
    rows = "".join(f"<url><loc>{escape(a)}</loc></url>\n" for a in addresses)
    return f"{_HEAD}<urlset {_NS}>\n{rows}</urlset>\n"


def _index(addresses: list[str]) -> str:
    rows = "".join(f"<sitemap><loc>{escape(a)}</loc></sitemap>\n" for a in addresses)
    return f"{_HEAD}<sitemapindex {_NS}>\n{rows}</sitemapindex>\n"


def sitemap_files(site_url: str, urls: Iterable[str]) -> dict[str, str]:
    """Output path -> content: one sitemap, or an index and its numbered parts."""
    addresses = [absolute_url(site_url, u) for u in sorted({"" if u in (".", "./") else u for u in urls})]
    if len(addresses) <= LIMIT:
        return {SITEMAP: _urlset(addresses)}
    parts = {f"sitemap-{n + 1}.xml": addresses[i : i + LIMIT] for n, i in enumerate(range(0, len(addresses), LIMIT))}
    files = {name: _urlset(chunk) for name, chunk in parts.items()}
    files[SITEMAP] = _index([absolute_url(site_url, name) for name in parts])
    return files


def write_sitemap(writer: SiteWriter, site_url: str | None, urls: Iterable[str]) -> int:
    """Write the sitemap; returns how many pages it lists (0: no site_url, nothing written)."""
    if not site_url:
        return 0
    urls = set(urls)
    for path, text in sitemap_files(site_url, urls).items():
        writer.write(path, text)
    return len(urls)
