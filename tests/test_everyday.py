"""Everyday use, without a browser: what the build writes for it, and the pieces it is made of.

The browser side is in test_everyday_browser.py and test_everyday_a11y.py.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest

from generator.inputs.deadlines import load_deadlines, next_proposal_occurrence, next_proposal_parts, upcoming_proposals
from generator.inputs.diagnostics import InputError
from generator.pages.change_contents import chapter_jumps
from generator.pages.changes import ChangeRow
from generator.pages.word_diff import DiffPart, Segment, diff_pair, period_diffs
from generator.urls import make_link

from .helpers import ROOT

D = datetime.date


def _changed(segments) -> list[str]:
    return [s.text for s in segments if s.changed]


# --- word diffs ---

def test_period_diffs_mark_the_new_words_against_the_text_before() -> None:
    diffs = period_diffs(("Fjerning av mandel", None, "Fjerning av begge mandler", "Fjerning av begge mandler"))
    assert diffs[0] == (DiffPart("Fjerning av mandel", "same"),)  # the first text: nothing to compare with
    assert diffs[1] == ()  # absent
    assert diffs[2] == (  # against the text before the gap: the removed word where it was, then the new ones
        DiffPart("Fjerning av", "same"), DiffPart("mandel", "del"), DiffPart("begge mandler", "ins"))
    assert diffs[3] == (DiffPart("Fjerning av begge mandler", "same"),)


def test_diff_pair_keeps_equal_or_missing_texts_whole() -> None:
    assert diff_pair("a b", "a b") == ((Segment("a b", False),), (Segment("a b", False),))
    assert diff_pair(None, "ny") == ((), (Segment("ny", False),))
    old, new = diff_pair("Implantasjon av pacemaker", "Implantasjon av transvenøs pacemaker")
    assert _changed(old) == [] and _changed(new) == ["transvenøs"]


# --- contents of a change page ---

def test_chapter_jumps_point_at_each_chapters_first_row() -> None:
    link = make_link("endringer/2016/", "kode/X/", "X")
    rows = [ChangeRow(f"ncsp-{code}", link, code, (), ()) for code in ("AAA00", "AAB10", "JKA21", "JKB00", "NFB49")]
    jumps = chapter_jumps(rows)
    assert [(j.chapter, j.anchor, j.count) for j in jumps] == [
        ("A", "ncsp-AAA00", 2), ("J", "ncsp-JKA21", 2), ("N", "ncsp-NFB49", 1)]


# --- the next deadline for proposals ---

@pytest.fixture(scope="module")
def deadlines():
    return load_deadlines(ROOT / "data" / "deadlines.yaml")


@pytest.mark.parametrize(
    ("today", "ident", "day"),
    [
        (D(2026, 1, 10), "forslag-ncrp", D(2026, 3, 1)),
        (D(2026, 3, 2), "forslag-ncsp-ncmp", D(2026, 5, 1)),  # not the reference group's meeting on 15 March
        (D(2026, 5, 2), "forslag-ncrp", D(2027, 3, 1)),  # not the release taking effect on 1 January
        (D(2026, 12, 31), "forslag-ncrp", D(2027, 3, 1)),
    ],
)
def test_next_deadline_is_the_next_one_for_proposals(deadlines, today, ident, day) -> None:
    occurrence = next_proposal_occurrence(deadlines, today)
    assert (occurrence.deadline.id, occurrence.date) == (ident, day)


def test_next_proposal_parts_leave_the_days_for_the_browser(deadlines) -> None:
    head, days = next_proposal_parts(next_proposal_occurrence(deadlines, D(2026, 4, 8)), D(2026, 4, 8))
    assert head == "Neste frist for forslag: 1. mai 2026 – forslag til endringer i NCSP og NCMP (2027-utgaven, "
    assert days == "om 23 dager"


def test_upcoming_proposals_are_the_next_deadlines_for_proposals_in_order(deadlines) -> None:
    found = [(o.deadline.id, o.date) for o in upcoming_proposals(deadlines, D(2026, 4, 8), 4)]
    assert found == [("forslag-ncsp-ncmp", D(2026, 5, 1)), ("forslag-ncrp", D(2027, 3, 1)),
                     ("forslag-ncsp-ncmp", D(2027, 5, 1)), ("forslag-ncrp", D(2028, 3, 1))]


def test_proposals_key_must_be_a_yes_or_no(tmp_path: Path) -> None:
    path = tmp_path / "deadlines.yaml"
    path.write_text("- id: forslag\n  title: Forslag\n  systems: [NCSP]\n  month: 5\n  day: 1\n  proposals: ja\n",
                    encoding="utf-8")
    with pytest.raises(InputError, match="'proposals' must be true or false"):
        load_deadlines(path)


# --- what the real site carries ---

def _html(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def test_code_page_has_its_address_copy_buttons_and_proposal_link(real_site: Path) -> None:
    html = _html(real_site, "kode/JKA21")
    assert '<code data-nkpk-address>kode/JKA21/</code>' in html
    assert 'class="md-button nkpk-needs-script" data-nkpk-copy="JKA21">Kopier koden</button>' in html  # shown by a script
    assert 'href="../../forslagsskjema/?kode=JKA21&amp;tekst=Laparoskopisk%20kolecystektomi"' in html
    assert (real_site / "forslagsskjema" / "index.html").is_file()


def test_expired_code_without_successor_lists_similar_valid_codes(real_site: Path) -> None:
    html = _html(real_site, "kode/AADE00")
    assert "Ingen etterfølger er registrert for AADE00" in html
    similar = re.findall(r'<a href="\.\./([A-Z0-9]+)/"><code>', html.split('id="lignende-koder"')[1].split("</table>")[0])
    assert 1 <= len(similar) <= 6 and "AADE00" not in similar
    for code in similar:  # each is valid in the newest release
        assert "Gyldig i 2017 (nyeste utgave her)" in _html(real_site, f"kode/{code}")
    assert "Ingen etterfølger er registrert" not in _html(real_site, "kode/TAB00")  # TAB00 has a successor


def test_change_page_2016_has_contents_filter_and_diffed_similar_rows(real_site: Path) -> None:
    html = _html(real_site, "endringer/2016")
    contents = html.split('<nav class="nkpk-contents"')[1].split("</nav>")[0]
    anchors = re.findall(r'href="#([^"]+)"', contents)
    assert len(anchors) > 30
    assert all(f'id="{anchor}"' in html for anchor in anchors)
    assert 'data-nkpk-filter hidden' in html and html.count("data-nkpk-filterable") > 5
    similar = [row for row in html.split("<tr>") if "Ny kode med nesten lik tekst" in row]
    assert similar and all("<ins>" in row or "<del>" in row for row in similar)


def test_first_release_has_no_contents_or_filter(real_site: Path) -> None:
    html = _html(real_site, "endringer/1999")
    assert "nkpk-contents" not in html and "data-nkpk-filter" not in html


def test_next_deadline_box_carries_what_the_browser_recounts(real_site: Path) -> None:
    html = _html(real_site, "")
    found = re.search(r'<time datetime="([0-9-]+)" data-nkpk-countdown data-nkpk-head="([^"]+)" '
                      r"data-nkpk-upcoming='[^']+'>([^<]+)</time>", html)
    assert found, "no countdown on the front page"
    day, head, text = found.groups()
    assert head.startswith("Neste frist for forslag: ") and text.startswith(head)
    assert D.fromisoformat(day).month in (3, 5)  # 1 March (NCRP) or 1 May (NCSP, NCMP)


def test_guidance_links_the_proposal_form(real_site: Path) -> None:
    assert 'href="../forslagsskjema/"' in _html(real_site, "forslag")
    form = _html(real_site, "forslagsskjema")
    assert 'data-nkpk-to="kodehjelp@helsedir.no"' in form and "Ingen pasientopplysninger" in form
    assert "<script>" not in form  # the policy forbids inline scripts: the form's script is a file
