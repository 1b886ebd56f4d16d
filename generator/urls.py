"""Every output path and link of the site. Nothing else builds a URL.

URLs here are site-relative directory URLs such as `kode/JKA21/`; `link`
turns one into a relative href from the page that shows it, so the site
works under any base address.
"""

from __future__ import annotations

import posixpath

SYSTEM_SLUGS = {"NCSP": "ncsp", "NCMP": "ncmp", "NCRP": "ncrp", "SK": "saerkoder"}
REPORT_JSON = "rapport/byggerapport.json"
REPORT_TEXT = "rapport/byggerapport.txt"


def code_url(code: str) -> str:
    return f"kode/{code}/"


def code_json(code: str) -> str:
    return f"api/kode/{code}.json"


def system_url(system: str) -> str:
    return f"{SYSTEM_SLUGS[system]}/"


def system_source(system: str) -> str:
    """The mkdocs source path of a code system's index page (a generated page)."""
    return f"{SYSTEM_SLUGS[system]}/index.md"


def node_url(system: str, prefix: str) -> str:
    return f"{SYSTEM_SLUGS[system]}/{prefix}/"


def output_path(url: str) -> str:
    """The file that serves a URL: directory URLs get index.html."""
    return url + "index.html" if url.endswith("/") or not url else url


def link(from_url: str, to_url: str) -> str:
    """Relative href from the page at `from_url` to `to_url` (both site-relative)."""
    from_dir = from_url if from_url.endswith("/") else posixpath.dirname(from_url) + "/"
    target = posixpath.relpath(to_url or ".", from_dir.rstrip("/") or ".")
    if (to_url == "" or to_url.endswith("/")) and not target.endswith("/"):
        target += "/"
    return target


def stamp_url(section: str, slug: str) -> str:
    """URL of a stamped page: all of them are two levels deep."""
    return f"{section}/{slug}/"
