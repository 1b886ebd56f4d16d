"""Publishing: the sample built for a sub-path, checked file by file for what a static host gets.

Every page carries the Content Security Policy and no inline script, loads
nothing from other hosts, says it is in Norwegian bokmål, links canonically
to its public address, has one <h1> and headings in order, and every internal
link and anchor of the whole tree resolves.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .helpers import build_site
from .linkcheck import check_site

BUILD_DATE = 1775606400  # 2026-04-08 00:00:00 UTC
SITE_URL = "https://example.org/nkpk/"
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; worker-src 'self'; manifest-src 'self'; media-src 'self'; object-src 'none'; "
    "frame-src 'none'; base-uri 'self'; form-action 'self'"
)

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_RESOURCE = re.compile(
    r"<(?:script|img|iframe|source|audio|video|track|embed|input)\b[^>]*?\ssrc\s*=\s*\"([^\"]*)\""
    r"|<link\b[^>]*?\shref\s*=\s*\"([^\"]*)\"",
    re.I,
)
_LINK_REL = re.compile(r"<link\b([^>]*)>", re.I)
_HEADING = re.compile(r"<h([1-6])\b", re.I)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("publish") / "site"
    assert build_site(out, site_url=SITE_URL, epoch=BUILD_DATE) == 0
    return out


@pytest.fixture(scope="module")
def pages(site: Path) -> dict[str, str]:
    """Every HTML file of the site, by site-relative path."""
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.html"))}


def test_whole_site_has_no_broken_link_or_anchor(site: Path) -> None:
    report = check_site(site, base="/nkpk/")  # 404.html links from the site's root path
    assert report.pages > 300 and report.links > 5000
    assert report.broken == (), "\n".join(str(b) for b in report.broken[:20])


def test_every_page_has_the_content_security_policy(pages: dict[str, str]) -> None:
    expected = f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
    missing = [name for name, text in pages.items() if text.count(expected) != 1]
    assert missing == []
    # The policy must come before anything it governs: the first script or stylesheet.
    for name in ("index.html", "kode/JKA21/index.html", "404.html"):
        text = pages[name]
        assert text.index(expected) < min(text.index("<script"), text.index('rel="stylesheet"')), name


def test_no_page_has_an_inline_script_or_style(pages: dict[str, str]) -> None:
    """The policy forbids them: a script must come from a file; JSON data blocks do not run."""
    inline = set()
    for name, text in pages.items():
        for attrs, body in _SCRIPT.findall(text):
            if "src=" not in attrs and 'type="application/json"' not in attrs:
                inline.add((name, body[:60]))
            elif "src=" in attrs and body.strip():
                inline.add((name, body[:60]))
        if re.search(r"<style\b|\sstyle\s*=", text, re.I) or re.search(r"\son[a-z]+\s*=\s*\"", text):
            inline.add((name, "style or event handler attribute"))
    assert sorted(inline)[:5] == []


def test_no_page_loads_anything_from_another_host(pages: dict[str, str]) -> None:
    """Scripts, styles, icons, images: all relative to the site, or root paths on 404.html."""
    foreign = set()
    for name, text in pages.items():
        for src, href in _RESOURCE.findall(text):
            target = src or href
            if href and not _loads(text, href):
                continue
            if re.match(r"^[a-z][a-z0-9+.-]*:|^//", target, re.I) and not target.startswith("data:"):
                foreign.add((name, target))
    assert sorted(foreign)[:5] == []
    assert not any("fonts.googleapis" in t or "fonts.gstatic" in t for t in pages.values())


def _loads(text: str, href: str) -> bool:
    """Whether the <link> with this href makes the browser fetch it (stylesheet, icon, preload ...)."""
    for attrs in _LINK_REL.findall(text):
        if f'href="{href}"' in attrs:
            rel = re.search(r'\srel\s*=\s*"([^"]*)"', attrs)
            if rel and set(rel.group(1).lower().split()) & {"stylesheet", "icon", "preload", "preconnect", "modulepreload", "manifest", "dns-prefetch", "prefetch"}:
                return True
    return False


def test_every_page_is_in_norwegian_bokmal(pages: dict[str, str]) -> None:
    assert [n for n, t in pages.items() if '<html lang="nb"' not in t] == []


def test_pages_link_canonically_to_their_public_address(pages: dict[str, str]) -> None:
    for name in ("index.html", "bruk/index.html", "kode/JKA21/index.html", "ncsp/JKA/index.html", "endringer/2017/index.html"):
        address = SITE_URL + name.removesuffix("index.html")
        assert f'<link rel="canonical" href="{address}">' in pages[name], name


def test_one_h1_and_headings_in_order(pages: dict[str, str]) -> None:
    wrong = {}
    for name, text in pages.items():
        levels = [int(h) for h in _HEADING.findall(text)]
        if levels[:1] != [1] or levels.count(1) != 1:
            wrong[name] = levels[:6]
        elif any(b > a + 1 for a, b in zip(levels, levels[1:])):
            wrong[name] = levels
    assert dict(list(wrong.items())[:5]) == {}


def test_data_tables_have_header_cells(pages: dict[str, str]) -> None:
    headless = []
    for name, text in pages.items():
        for table in re.findall(r"<table\b.*?</table>", text, re.S | re.I):
            if "<th" not in table:
                headless.append(name)
    assert headless[:5] == []


def test_404_page_helps(pages: dict[str, str]) -> None:
    """Served at any missing address, so its links start at the site's root path."""
    text = pages["404.html"]
    assert "<title>Fant ikke siden - " in text and "Fant ikke siden</h1>" in text
    assert re.search(r'<form [^>]*role="search"[^>]*action="/nkpk/sok/"', text)
    assert 'name="q"' in text and 'href="/nkpk/"' in text
    assert re.search(r'data-nkpk-page-scripts="[^"]* /nkpk/assets/javascripts/nkpk-404.js"', text)  # loaded by nkpk-load.js


def test_sitemap_lists_every_page_with_its_public_address(site: Path, pages: dict[str, str]) -> None:
    text = (site / "sitemap.xml").read_text(encoding="utf-8")
    listed = re.findall(r"<loc>([^<]*)</loc>", text)
    expected = {SITE_URL + name.removesuffix("index.html") for name in pages if name != "404.html"}
    assert len(listed) == len(set(listed)) and set(listed) == expected
    assert listed == sorted(listed) and "lastmod" not in text
    for kind in ("kode/JKA21/", "ncsp/JKA/", "endringer/2017/", "bruk/", "ncsp/"):
        assert SITE_URL + kind in listed
    assert not (site / "sitemap.xml.gz").exists()


def test_no_sitemap_without_a_public_address(tmp_path: Path, capsys) -> None:
    from .test_build import write_manifest

    assert build_site(tmp_path / "site", write_manifest(tmp_path)) == 0
    out = capsys.readouterr().out
    assert "sitemap.xml is written for a public address only" in out  # information, not a warning
    assert "make serve" in out  # and what to open
    assert not list((tmp_path / "site").glob("sitemap*"))
    assert (tmp_path / "site" / "robots.txt").read_text(encoding="utf-8") == "User-agent: *\nAllow: /\n"


def test_robots_txt_names_the_sitemap_at_the_public_address(site: Path) -> None:
    lines = (site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert lines[:2] == ["User-agent: *", "Allow: /"]
    assert [line for line in lines if line.startswith("Sitemap:")] == [f"Sitemap: {SITE_URL}sitemap.xml"]


def test_large_sitemap_is_split_under_an_index(monkeypatch) -> None:
    from generator.output import sitemap
    from generator.output.render import Renderer

    from .helpers import ROOT

    monkeypatch.setattr(sitemap, "LIMIT", 2)
    contexts = sitemap.sitemap_files("https://example.org/nkpk", ["kode/B/", "./", "kode/A/", "kode/Æ Ø/"])
    files = {path: Renderer(ROOT / "templates").render(context) for path, context in contexts.items()}
    assert files["sitemap.xml"].startswith('<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex ')
    assert files["sitemap-1.xml"].startswith('<?xml version="1.0" encoding="UTF-8"?>\n<urlset ')
    assert sorted(files) == ["sitemap-1.xml", "sitemap-2.xml", "sitemap.xml"]
    assert re.findall(r"<loc>([^<]*)</loc>", files["sitemap.xml"]) == [
        "https://example.org/nkpk/sitemap-1.xml",
        "https://example.org/nkpk/sitemap-2.xml",
    ]
    assert re.findall(r"<loc>([^<]*)</loc>", files["sitemap-1.xml"] + files["sitemap-2.xml"]) == [
        "https://example.org/nkpk/",
        "https://example.org/nkpk/kode/A/",
        "https://example.org/nkpk/kode/B/",
        "https://example.org/nkpk/kode/%C3%86%20%C3%98/",
    ]


def test_pages_workflow_builds_with_the_public_address() -> None:
    """The GitHub Pages workflow README describes: `make site` with SITE_URL from Pages, uploads site/."""
    import yaml

    from .helpers import ROOT

    workflow = yaml.safe_load((ROOT / ".github/workflows/pages.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    run = " ".join(step.get("run", "") for step in steps)
    assert "make site" in run and "SITE_URL=" in run and "steps.pages.outputs.base_url" in run
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "site"
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert '$(if $(SITE_URL),--site-url "$(SITE_URL)")' in makefile
