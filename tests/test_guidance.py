"""The guidance pages, the front page, downloads and navigation, checked in one real build of the sample."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.inputs.manifest import load_manifest

from .helpers import ROOT, build_site, parse_page, sample_manifest
from .linkcheck import check_site

BUILD_DATE = 1775606400  # 2026-04-08 00:00:00 UTC


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("guidance") / "site"
    assert build_site(out, epoch=BUILD_DATE) == 0
    return out


def _nav_sources(entries: list) -> list[str]:
    """The Markdown sources of mkdocs.yml's nav, in order."""
    found = []
    for entry in entries:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        found += _nav_sources(value) if isinstance(value, list) else [value]
    return found


def _output(source: str) -> str:
    stem = source.removesuffix(".md")
    return "index.html" if stem == "index" else stem.removesuffix("/index") + "/index.html"


def _text(path: Path) -> str:
    return " ".join(" ".join(parse_page(path).text).split())


NAV = _nav_sources(yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["nav"])


@pytest.mark.parametrize("source", NAV)
def test_every_nav_page_renders(site: Path, source: str) -> None:
    page = parse_page(site / _output(source))
    assert len([h for h in page.h1 if h.strip()]) >= 1
    assert len(" ".join(page.text).split()) > 60, f"{source} is nearly empty"


def test_nav_has_guidance_and_code_systems_but_no_code_pages(site: Path) -> None:
    links = parse_page(site / "index.html").links
    for source in NAV:
        if source != "index.md":
            assert _output(source).removesuffix("index.html") in links, source
    for system in ("ncsp/", "ncmp/", "ncrp/", "saerkoder/"):
        assert system in links
    assert not [link for link in links if "kode/" in link]


def test_every_internal_link_and_anchor_resolves(site: Path) -> None:
    report = check_site(site)
    assert report.pages > 300 and report.links > 5000
    assert report.broken == (), "\n".join(str(b) for b in report.broken[:20])


def test_front_page(site: Path) -> None:
    text = _text(site / "index.html")
    for fact in ("NCSP", "NCMP", "NCRP", "spesialisthelsetjenesten", "Norsk pasientregister", "Kreftregisteret"):
        assert fact in text
    assert "Neste frist for forslag: 1. mai 2026 – forslag til endringer i NCSP og NCMP (2027-utgaven, om 23 dager)" in text
    assert "152 gyldige koder i 2017" in text  # the code-system list
    assert "Den nyeste utgaven på dette nettstedet er 2017-utgaven." in text
    assert "Nettstedet har utgavene fra 2015 til 2017" in text


def test_downloads_are_the_input_files_byte_for_byte(site: Path) -> None:
    manifest = load_manifest(sample_manifest())
    links = parse_page(site / "nedlasting" / "index.html").links
    for release in manifest.releases:
        for spec in release.files:
            published = site / "nedlasting" / str(release.year) / spec.path.name
            assert published.read_bytes() == spec.path.read_bytes()
    assert "2017/Prosedyrekoder%202017.xlsx" in links
    originals = [link for link in links if link[:4].isdigit() and not link.split("/")[-1].startswith("nkpk-")]
    assert len(originals) == sum(len(r.files) for r in manifest.releases)  # beside the harmonised nkpk-<year> files


@pytest.mark.parametrize(
    "page, facts",
    [
        ("bruk", ["Norsk pasientregister", "Kreftregisteret", "e-læringskurs", "kodeveiledning"]),
        ("prinsipper", ["EKG", "blodprøve", "gips", "ZXL20", "3D-printet protese", "ZXL", "kapittel Z",
                        "sammenligne", "unntak"]),
        ("forslag", ["kodehjelp@helsedir.no", "skjema", "sladdet", "personopplysninger", "1. mars", "1. mai"]),
        ("historikk", ["SIFF", "NOMESKO", "1999", "2005", "NORAKO", "2012", "2016", "NKPK"]),
        ("frister", ["1. januar", "frister.ics"]),
        ("nedlasting", ["2017", "Excel-arbeidsbok", "Byggerapporten"]),
    ],
)
def test_guidance_pages_state_the_facts(site: Path, page: str, facts: list[str]) -> None:
    text = _text(site / page / "index.html")
    for fact in facts:
        assert fact in text, f"{page}: {fact}"


def test_proposal_page_links_the_address(site: Path) -> None:
    assert "mailto:kodehjelp@helsedir.no" in parse_page(site / "forslag" / "index.html").links


def _tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_link_checker_finds_what_is_broken(tmp_path: Path) -> None:
    root = _tree(tmp_path, {
        "index.html": (
            '<h2 id="a">A</h2><a name="b"></a>'
            '<a href="#a">ok</a><a href="#b">ok</a><a href="side/">ok</a><a href="side">ok</a>'
            '<a href="side/#c">ok</a><a href="filer/en%20fil.txt">ok</a><img src="/bilde.png">'
            '<a href="https://example.org/x">external</a><a href="mailto:a@b.no">mail</a>'
            '<script>var s = "<a href=\\"borte.html\\">";</script><!-- <a href="borte2.html"> -->'
            '<a href="#mangler">broken</a><a href="borte/">broken</a><a href="side/#d">broken</a>'
            '<a href="../utenfor.html">broken</a><link rel="stylesheet" href="stil.css">'
        ),
        "side/index.html": '<h1 id="c">C</h1><a href="..">ok</a><a href="../index.html#a">ok</a>',
        "filer/en fil.txt": "x",
        "bilde.png": "",
    })
    report = check_site(root)
    assert sorted((b.page, b.href) for b in report.broken) == [
        ("index.html", "#mangler"),
        ("index.html", "../utenfor.html"),
        ("index.html", "borte/"),
        ("index.html", "side/#d"),
        ("index.html", "stil.css"),
    ]
    assert report.links == 14  # external, mailto, script and comment links are not counted
