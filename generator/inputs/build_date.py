"""The build date: the only place the build looks at a clock.

The date is read once, at the start of a build, and passed down. It honours
SOURCE_DATE_EPOCH (https://reproducible-builds.org/specs/source-date-epoch/),
so that a build can be repeated byte for byte; without it, today's UTC date.
"""

from __future__ import annotations

import datetime
from typing import Mapping

from .diagnostics import InputError, Location


def build_date(environ: Mapping[str, str]) -> datetime.date:
    """The UTC date of SOURCE_DATE_EPOCH if set, else today's UTC date."""
    raw = environ.get("SOURCE_DATE_EPOCH")
    if raw is None or raw == "":
        return datetime.datetime.now(datetime.timezone.utc).date()
    if not raw.isascii() or not raw.isdigit():
        raise InputError(Location("SOURCE_DATE_EPOCH"), f"must be a whole number of seconds, not {raw!r}")
    try:
        moment = datetime.datetime.fromtimestamp(int(raw), datetime.timezone.utc)
    except (OverflowError, OSError, ValueError):
        raise InputError(Location("SOURCE_DATE_EPOCH"), f"{raw} is out of range") from None
    return moment.date()
