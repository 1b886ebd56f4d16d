"""`frister.ics`: the deadlines as an iCalendar file (RFC 5545) that calendar programs subscribe to.

All-day events, CRLF line ends, lines folded at 75 octets. The output depends
only on the deadlines and the build date, so two builds of one day are equal:
UIDs are made from the deadline id and the year of its date, DTSTAMP is the
build date.
"""

from __future__ import annotations

import datetime

from ..inputs.deadlines import Deadline, Occurrence, current_release, cycle, date_text, systems_text
from ..labels import CALENDAR_DESCRIPTION, CALENDAR_NAME, CALENDAR_PRODID, CALENDAR_RELEASE, CALENDAR_SYSTEMS

# A reserved domain that never resolves: UIDs stay the same wherever the site is published.
UID_DOMAIN = "frister.nkpk.invalid"
LINE_OCTETS = 75


def calendar_releases(deadlines: tuple[Deadline, ...], today: datetime.date) -> tuple[int, ...]:
    """The cycles in the calendar: the one just ended, the current one and the next."""
    release = current_release(deadlines, today)
    return (release - 1, release, release + 1)


def calendar(deadlines: tuple[Deadline, ...], today: datetime.date) -> str:
    """The whole calendar as text with CRLF line ends."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{CALENDAR_PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"NAME:{escape(CALENDAR_NAME)}",
        f"X-WR-CALNAME:{escape(CALENDAR_NAME)}",
        f"X-WR-CALDESC:{escape(CALENDAR_DESCRIPTION)}",
        "REFRESH-INTERVAL;VALUE=DURATION:P1D",
        "X-PUBLISHED-TTL:P1D",
    ]
    stamp = today.strftime("%Y%m%dT000000Z")
    occurrences = [o for r in calendar_releases(deadlines, today) for o in cycle(deadlines, r)]
    for occurrence in sorted(occurrences, key=lambda o: (o.date, o.deadline.id)):
        lines += event(occurrence, stamp)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def uid(occurrence: Occurrence) -> str:
    return f"{occurrence.deadline.id}-{occurrence.date.year}@{UID_DOMAIN}"


def event(occurrence: Occurrence, stamp: str) -> list[str]:
    """One all-day VEVENT."""
    deadline = occurrence.deadline
    end = occurrence.date + datetime.timedelta(days=1)
    about = [CALENDAR_SYSTEMS.format(systems=systems_text(deadline.systems)),
             CALENDAR_RELEASE.format(date=date_text(datetime.date(occurrence.release, 1, 1)))]
    if deadline.note:
        about.append(deadline.note)
    return [
        "BEGIN:VEVENT",
        f"UID:{uid(occurrence)}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{occurrence.date:%Y%m%d}",
        f"DTEND;VALUE=DATE:{end:%Y%m%d}",
        f"SUMMARY:{escape('NKPK: ' + deadline.title)}",
        f"DESCRIPTION:{escape(chr(10).join(about))}",
        f"CATEGORIES:{','.join(escape(s) for s in deadline.systems)}",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def escape(text: str) -> str:
    """A TEXT value: backslash, semicolon, comma and line breaks escaped."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """Split a content line into pieces of at most 75 octets, never inside a character."""
    pieces: list[str] = []
    current, size = "", 0
    limit = LINE_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append(current)
            current, size, limit = "", 0, LINE_OCTETS - 1  # continuation lines start with a space
        current += char
        size += width
    pieces.append(current)
    return "\r\n ".join(pieces)
