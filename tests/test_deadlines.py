"""Deadlines: the data file, the yearly cycle, the next-deadline text, and frister.ics."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import icalendar
import pytest

from generator.pages import ical
from generator.inputs.build_date import build_date
from generator.inputs.deadlines import (
    Deadline,
    current_release,
    cycle,
    load_deadlines,
    lower_first,
    next_deadline_text,
    next_occurrence,
)
from generator.inputs.manifest import load_manifest
from generator.inputs.diagnostics import InputError

from .helpers import ROOT, build_site, parse_page
from .linkcheck import check_site

D = datetime.date
DEADLINES_FILE = ROOT / "data" / "deadlines.yaml"

# The cycle that prepares release 2027, as the issue lists it.
CYCLE_2027 = (
    ("forslag-ncrp", D(2026, 3, 1)),
    ("referansegruppe-ncrp", D(2026, 3, 15)),
    ("forslag-ncsp-ncmp", D(2026, 5, 1)),
    ("referansegruppe-ncsp-ncmp", D(2026, 6, 1)),
    ("vedtak", D(2026, 6, 30)),
    ("kodefiler", D(2026, 10, 1)),
    ("ny-utgave", D(2027, 1, 1)),
)


@pytest.fixture(scope="module")
def deadlines() -> tuple[Deadline, ...]:
    return load_deadlines(DEADLINES_FILE)


def test_the_cycle_has_every_deadline_on_its_date(deadlines) -> None:
    found = tuple((o.deadline.id, o.date) for o in cycle(deadlines, 2027))
    assert found == CYCLE_2027
    assert {o.release for o in cycle(deadlines, 2027)} == {2027}


def test_deadlines_name_their_code_systems(deadlines) -> None:
    systems = {d.id: d.systems for d in deadlines}
    assert systems["forslag-ncrp"] == ("NCRP",)
    assert systems["forslag-ncsp-ncmp"] == ("NCSP", "NCMP")
    assert systems["vedtak"] == ("NCSP", "NCMP", "NCRP")
    assert "kunngjort" in next(d.note for d in deadlines if d.id == "referansegruppe-ncrp")


@pytest.mark.parametrize(
    "today, release",
    [(D(2026, 1, 1), 2026), (D(2026, 1, 2), 2027), (D(2026, 3, 1), 2027), (D(2026, 12, 31), 2027), (D(2027, 1, 1), 2027)],
)
def test_current_cycle_runs_to_the_day_the_release_takes_effect(deadlines, today, release) -> None:
    assert current_release(deadlines, today) == release


def _cases() -> list[tuple[datetime.date, str, datetime.date]]:
    """(build date, expected deadline id, its date) the day before, on and after each deadline."""
    following = CYCLE_2027[1:] + (("forslag-ncrp", D(2027, 3, 1)),)
    cases = []
    for (ident, day), after in zip(CYCLE_2027, following):
        one = datetime.timedelta(days=1)
        cases += [(day - one, ident, day), (day, ident, day), (day + one, *after)]
    return cases


@pytest.mark.parametrize("today, ident, day", _cases(), ids=lambda v: str(v))
def test_next_deadline_before_on_and_after_each_deadline(deadlines, today, ident, day) -> None:
    found = next_occurrence(deadlines, today)
    assert (found.deadline.id, found.date) == (ident, day)
    text = next_deadline_text(found, today)
    distance = (day - today).days
    ahead = {0: "i dag", 1: "i morgen"}.get(distance, f"om {distance} dager")
    assert text.endswith(f"({found.release}-utgaven, {ahead})")


@pytest.mark.parametrize(
    "today, text",
    [
        (D(2026, 4, 8), "Neste frist: 1. mai 2026 – forslag til endringer i NCSP og NCMP (2027-utgaven, om 23 dager)"),
        (D(2026, 2, 28), "Neste frist: 1. mars 2026 – forslag til endringer i NCRP (2027-utgaven, i morgen)"),
        (D(2026, 3, 1), "Neste frist: 1. mars 2026 – forslag til endringer i NCRP (2027-utgaven, i dag)"),
        (D(2026, 3, 2), "Neste frist: 15. mars 2026 – møte i referansegruppen for NCRP (2027-utgaven, om 13 dager)"),
        (D(2026, 6, 2), "Neste frist: 30. juni 2026 – endringene blir endelig vedtatt (2027-utgaven, om 28 dager)"),
        (D(2026, 10, 2), "Neste frist: 1. januar 2027 – den nye utgaven tas i bruk (2027-utgaven, om 91 dager)"),
        (D(2027, 1, 1), "Neste frist: 1. januar 2027 – den nye utgaven tas i bruk (2027-utgaven, i dag)"),
        (D(2027, 1, 2), "Neste frist: 1. mars 2027 – forslag til endringer i NCRP (2028-utgaven, om 58 dager)"),
        (D(2028, 2, 28), "Neste frist: 1. mars 2028 – forslag til endringer i NCRP (2029-utgaven, om 2 dager)"),
    ],
)
def test_next_deadline_text(deadlines, today, text) -> None:
    assert next_deadline_text(next_occurrence(deadlines, today), today) == text


def test_titles_read_mid_sentence() -> None:
    assert lower_first("Forslag til endringer") == "forslag til endringer"
    assert lower_first("NCRP-gruppen møtes") == "NCRP-gruppen møtes"


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "frister.yaml"
    path.write_text(text, encoding="utf-8")
    return path


GOOD = "- {id: forslag, title: Forslag, systems: [NCSP], month: 5, day: 1}\n"


@pytest.mark.parametrize(
    "entry, where, problem",
    [
        ("{id: vedtak, title: Vedtak, systems: [NCSP], month: 2, day: 30}", "deadlines[2] vedtak", "not a date"),
        ("{id: vedtak, title: Vedtak, systems: [NCSP], month: 2, day: 29}", "deadlines[2] vedtak", "every year"),
        ("{id: vedtak, title: Vedtak, systems: [ICD], month: 6, day: 30}", "deadlines[2] vedtak", "unknown code system"),
        ("{id: vedtak, title: Vedtak, systems: [], month: 6, day: 30}", "deadlines[2] vedtak", "'systems'"),
        ("{id: vedtak, title: '', systems: [NCSP], month: 6, day: 30}", "deadlines[2] vedtak", "'title'"),
        ("{id: Vedtak 2, title: V, systems: [NCSP], month: 6, day: 30}", "deadlines[2]", "'id'"),
        ("{id: forslag, title: V, systems: [NCSP], month: 6, day: 30}", "deadlines[2] forslag", "used twice"),
        ("{id: vedtak, title: V, systems: [NCSP], month: juni, day: 30}", "deadlines[2] vedtak", "'month'"),
        ("{id: vedtak, title: V, systems: [NCSP], month: 6, day: 30, year: next}", "deadlines[2] vedtak", "'year'"),
        ("{id: vedtak, title: V, systems: [NCSP], month: 6, day: 30, when: x}", "deadlines[2] vedtak", "unknown key"),
        ("just text", "deadlines[2]", "mapping"),
    ],
)
def test_bad_deadline_names_file_and_entry(tmp_path: Path, entry, where, problem) -> None:
    path = _write(tmp_path, GOOD + f"- {entry}\n")
    with pytest.raises(InputError) as caught:
        load_deadlines(path)
    message = str(caught.value)
    assert str(path) in message and where in message and problem in message


@pytest.mark.parametrize("text", ["", "deadlines: []\n", "- [unclosed\n"])
def test_unusable_deadlines_file_is_named(tmp_path: Path, text) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(InputError, match="frister.yaml"):
        load_deadlines(path)


def test_build_date_honours_source_date_epoch() -> None:
    assert build_date({"SOURCE_DATE_EPOCH": "1775606400"}) == D(2026, 4, 8)
    assert build_date({"SOURCE_DATE_EPOCH": "1775692799"}) == D(2026, 4, 8)  # 23:59:59 UTC
    assert build_date({}) == datetime.datetime.now(datetime.timezone.utc).date()
    with pytest.raises(InputError, match="SOURCE_DATE_EPOCH"):
        build_date({"SOURCE_DATE_EPOCH": "8. april"})


# --- frister.ics ---


def _calendar(data: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(data)


def check_calendar(data: bytes, deadlines: tuple[Deadline, ...], today: datetime.date) -> None:
    """The file parses, is well-formed on the wire, and holds each deadline of three cycles."""
    lines = data.split(b"\r\n")
    assert lines[-1] == b"" and all(b"\n" not in line and len(line) <= 75 for line in lines)
    parsed = _calendar(data)
    assert str(parsed["X-WR-CALNAME"]) == ical.CALENDAR_NAME
    events = {str(e["UID"]): e for e in parsed.walk("VEVENT")}
    release = current_release(deadlines, today)
    expected = [o for r in (release - 1, release, release + 1) for o in cycle(deadlines, r)]
    assert len(events) == len(expected) == 3 * len(deadlines)
    for occurrence in expected:
        event = events[f"{occurrence.deadline.id}-{occurrence.date.year}@{ical.UID_DOMAIN}"]
        start, end = event["DTSTART"].dt, event["DTEND"].dt
        assert type(start) is datetime.date and start == occurrence.date
        assert end == occurrence.date + datetime.timedelta(days=1)
        assert str(event["SUMMARY"]) == f"NKPK: {occurrence.deadline.title}"
        assert event["DTSTAMP"].dt == datetime.datetime(today.year, today.month, today.day, tzinfo=datetime.timezone.utc)


@pytest.mark.parametrize("today", [D(2026, 4, 8), D(2026, 12, 31), D(2027, 1, 1), D(2027, 1, 2)])
def test_calendar_holds_each_deadline(deadlines, today) -> None:
    check_calendar(ical.calendar(deadlines, today).encode("utf-8"), deadlines, today)


def test_calendar_is_deterministic_and_folds_long_lines() -> None:
    title = " ".join(["Særdeles lang tittel; med komma, semikolon og æøå"] * 3)
    long = Deadline("lang-tittel", title,
                    ("NCSP", "NCMP"), 5, 1, 0, "Merknad\\med skråstrek")
    first = ical.calendar((long,), D(2026, 4, 8))
    assert first == ical.calendar((long,), D(2026, 4, 8))
    assert "\r\n " in first  # folded
    event = next(iter(_calendar(first.encode("utf-8")).walk("VEVENT")))
    assert str(event["SUMMARY"]) == "NKPK: " + title
    assert "Merknad\\med skråstrek" in str(event["DESCRIPTION"])


# --- through a real build, with SOURCE_DATE_EPOCH ---

ON_A_DEADLINE = 1780272000  # 2026-06-01 00:00:00 UTC: the NCSP/NCMP reference group meets


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("frister") / "site"
    assert build_site(out, epoch=ON_A_DEADLINE) == 0
    return out


def test_build_date_comes_from_source_date_epoch(built: Path) -> None:
    assert build_date({"SOURCE_DATE_EPOCH": str(ON_A_DEADLINE)}) == D(2026, 6, 1)
    # "Neste frist" counts down to the next deadline for proposals, not to a meeting.
    expected = "Neste frist for forslag: 1. mars 2027 – forslag til endringer i NCRP (2028-utgaven, om 273 dager)"
    for page in ("index.html", "frister/index.html"):
        assert expected in " ".join(parse_page(built / page).text), page


def test_built_calendar_holds_each_deadline(built: Path, deadlines) -> None:
    check_calendar((built / "frister.ics").read_bytes(), deadlines, D(2026, 6, 1))


def _deadline_rows(page: Path) -> list[tuple[str, str, str]]:
    """(id, ISO date, state) of every row of the deadlines tables, in page order."""
    text = page.read_text(encoding="utf-8")
    return re.findall(r'<tr id="([^"]+)" class="nkpk-deadline nkpk-deadline--(\w+)">\s*<td><time datetime="([^"]+)"', text)


def test_deadlines_page_lists_what_is_left_of_the_cycle_then_the_cycle_of_the_next_proposals(built: Path) -> None:
    # 1 June 2026: the proposals for 2027 are past, so the next deadline (the headline) is for 2028
    page = built / "frister" / "index.html"
    text = page.read_text(encoding="utf-8")
    rest = text.index("Resten av årshjulet for utgaven som tas i bruk 1. januar 2027")
    assert rest < text.index("Årshjulet for utgaven som tas i bruk 1. januar 2028")
    rows = [(ident, day, state) for ident, state, day in _deadline_rows(page)]
    left = [(f"frist-{ident}-2027", day.isoformat()) for ident, day in CYCLE_2027[3:]]  # from the meeting on
    following = [(f"frist-{ident}", day.replace(year=day.year + 1).isoformat()) for ident, day in CYCLE_2027]
    assert [(ident, day) for ident, day, _ in rows] == left + following
    assert [state for _, _, state in rows] == ["neste"] + ["senere"] * 10
    assert 'href="../frister.ics"' in text


def test_deadlines_page_shows_the_cycle_the_headline_speaks_of(tmp_path: Path) -> None:
    # 8 December 2026: the headline says 1 March 2027; the table has that deadline, after the 1 January still ahead
    assert build_site(tmp_path / "site", epoch=1796688000) == 0
    page = tmp_path / "site" / "frister" / "index.html"
    assert "Neste frist for forslag: 1. mars 2027" in " ".join(parse_page(page).text)
    rows = _deadline_rows(page)
    assert rows[0] == ("frist-ny-utgave-2027", "neste", "2027-01-01")
    assert rows[1] == ("frist-forslag-ncrp", "senere", "2027-03-01")
    assert len(rows) == 8 and [state for _, state, _ in rows[1:]] == ["senere"] * 7


def test_one_cycle_while_its_proposals_are_ahead() -> None:
    from generator.pages.guidance import deadline_table

    table = deadline_table("frister/", load_deadlines(DEADLINES_FILE), D(2026, 4, 8))
    assert [(c.release, c.rest, len(c.rows)) for c in table.cycles] == [(2027, False, 7)]
    assert [r.state for r in table.cycles[0].rows] == ["passert", "passert", "neste"] + ["senere"] * 4


def _manifest(folder: Path, deadlines: str | None) -> Path:
    (folder / "ncsp.txt").write_text("JKA20\tKolecystektomi\n", encoding="utf-8")
    lines = ["releases:", "  - year: 2017", "    files:", "      - {path: ncsp.txt, system: NCSP}"]
    if deadlines is not None:
        (folder / "frister.yaml").write_text(deadlines, encoding="utf-8")
        lines.insert(0, "deadlines: frister.yaml")
    manifest = folder / "releases.yaml"
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return manifest


def test_bad_deadlines_file_stops_the_build(tmp_path: Path, capsys) -> None:
    manifest = _manifest(tmp_path, GOOD + "- {id: vedtak, title: Vedtak, systems: [NCSP], month: 6, day: 31}\n")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "old.html").write_text("gammel", encoding="utf-8")
    assert build_site(tmp_path / "site", manifest) == 1
    message = capsys.readouterr().err
    assert "frister.yaml" in message and "deadlines[2] vedtak" in message
    assert [p.name for p in (tmp_path / "site").iterdir()] == ["old.html"]


def test_missing_deadlines_file_is_named(tmp_path: Path) -> None:
    manifest = _manifest(tmp_path, None)
    manifest.write_text("deadlines: borte.yaml\n" + manifest.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(InputError, match="borte.yaml"):
        load_manifest(manifest)


def test_site_without_deadlines_says_so(tmp_path: Path) -> None:
    assert build_site(tmp_path / "site", _manifest(tmp_path, None)) == 0
    assert not (tmp_path / "site" / "frister.ics").exists()
    assert "Fristene er ikke lagt inn" in " ".join(parse_page(tmp_path / "site" / "frister" / "index.html").text)
    assert "Neste frist:" not in " ".join(parse_page(tmp_path / "site" / "index.html").text)
    assert check_site(tmp_path / "site").broken == ()
