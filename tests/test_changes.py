"""Change pages, their JSON, the feed and each code's history, from real builds."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

from generator.pages.changes import word_diff

from .helpers import build_site, load_json, parse_page
from .independent import expected_changes, read_releases

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("sample") / "site"
    assert build_site(out) == 0
    return out


def _changes(site: Path, year: int) -> dict[tuple[str, str], dict]:
    doc = load_json(site / "api" / "endringer" / f"{year}.json")
    return {(c["system"], c["code"]): c for c in doc["changes"]}


@pytest.mark.real
def test_real_change_sets_equal_an_independent_comparison(real_site: Path) -> None:
    expected = expected_changes(read_releases())
    for year, changes in expected.items():
        doc = load_json(real_site / "api" / "endringer" / f"{year}.json")
        got = {(c["system"], c["code"], c["change"]) for c in doc["changes"]}
        assert got == changes, year
        assert doc["changes"] == sorted(doc["changes"], key=lambda c: (c["system"], c["code"]))


@pytest.mark.real
def test_real_2015_to_2016_figures(real_site: Path) -> None:
    doc = load_json(real_site / "api/endringer/2016.json")
    assert doc["from_year"] == 2015 and doc["to_year"] == 2016
    counts = Counter(c["change"] for c in doc["changes"])
    assert counts == {"expired": 723, "new": 383, "text": 65, "reactivated": 2}
    assert {c["system"] for c in doc["changes"]} == {"NCSP", "NCMP"}  # NCRP has its baseline in 2016
    assert doc["compared_with"] == {"NCSP": 2015, "NCMP": 2015, "NCRP": None}


def test_json_entries_carry_before_and_after(sample_site: Path) -> None:
    changes = _changes(sample_site, 2016)
    assert changes[("NCSP", "CJE25")]["change"] == "expired" and changes[("NCSP", "CJE25")]["after"] is None
    assert changes[("NCSP", "JKA22")]["change"] == "new" and changes[("NCSP", "JKA22")]["before"] is None
    text = changes[("NCSP", "NFB20")]
    assert text["change"] == "text" and text["before"] != text["after"] and None not in (text["before"], text["after"])
    assert ("NCRP", "SNC0AG") not in changes  # a difference in white space alone is no change
    later = _changes(sample_site, 2017)
    assert later[("NCSP", "DCA10")]["change"] == "reactivated"
    assert later[("NCMP", "GDFM00")]["change"] == "text"  # a change of quote style is
    assert load_json(sample_site / "api/endringer/2015.json")["changes"] == []


def test_change_page_lists_kinds_and_links_codes(sample_site: Path) -> None:
    page = parse_page(sample_site / "endringer/2016/index.html")
    text = " ".join(page.text)
    for title in ("Nye koder", "Utgåtte koder", "Endret tekst"):
        assert title in text
    assert "../../kode/CJE25/" in page.links and "../../kode/NFB20/" in page.links
    html = (sample_site / "endringer/2016/index.html").read_text(encoding="utf-8")
    assert 'id="ncsp-NFB20"' in html and "<del>" in html and "<ins>" in html
    sk = " ".join(parse_page(sample_site / "endringer/2017/index.html").text)
    assert "Sammenlignet med 2015, forrige utgave som har Særkoder" in sk


def test_overview_newest_first(sample_site: Path) -> None:
    page = parse_page(sample_site / "endringer/index.html")
    years = [link for link in page.links if link.rstrip("/").isdigit()]
    assert years[0] == "2017/" and years[-1] == "2015/"


def test_code_pages_show_their_history(sample_site: Path) -> None:
    changed = parse_page(sample_site / "kode/NFB20/index.html")
    assert "../../endringer/2016/#ncsp-NFB20" in changed.links
    assert "Tekst endret" in " ".join(changed.text)
    expired = parse_page(sample_site / "kode/CJE25/index.html")
    assert "../../endringer/2016/#ncsp-CJE25" in expired.links and "Utgått" in " ".join(expired.text)
    back = "".join(parse_page(sample_site / "kode/DCA10/index.html").text)
    assert "2016: Utgått" in back and "2017: Gyldig igjen" in back
    assert "2015: Med fra første utgave i datagrunnlaget" in back


def test_feed_is_atom_with_one_entry_per_release(sample_site: Path) -> None:
    root = ET.parse(sample_site / "endringer/feed.xml").getroot()
    assert root.tag == f"{ATOM}feed"
    entries = root.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == [f"Endringer i utgaven for {y}" for y in (2017, 2016, 2015)]
    assert entries[0].find(f"{ATOM}link").get("href") == "2017/"


def test_feed_uses_absolute_links_under_a_site_url(tmp_path: Path) -> None:
    assert build_site(tmp_path / "site", site_url="https://example.org/nkpk/") == 0
    root = ET.parse(tmp_path / "site/endringer/feed.xml").getroot()
    hrefs = [link.get("href") for link in root.iter(f"{ATOM}link")]
    assert "https://example.org/nkpk/endringer/2016/" in hrefs
    assert all(h.startswith("https://example.org/nkpk/") for h in hrefs)


def test_word_diff_marks_only_changed_words() -> None:
    before, after = word_diff("Total protese i hofteledd", "Total protese i kneledd, sementert")
    assert [(s.text, s.changed) for s in before] == [("Total protese i", False), ("hofteledd", True)]
    assert [(s.text, s.changed) for s in after] == [("Total protese i", False), ("kneledd, sementert", True)]
    same, same_after = word_diff("Uendret tekst", "Uendret tekst")
    assert not any(s.changed for s in same + same_after)


def test_front_page_shows_the_newest_release_changes(sample_site: Path) -> None:
    page = parse_page(sample_site / "index.html")
    text = " ".join(page.text)
    assert "Endringer i utgaven for 2017" in text
    assert "endringer/2017/" in page.links and "endringer/2017/#ncsp" in page.links
