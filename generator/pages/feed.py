"""The Atom feed of the changes (`endringer/feed.xml`): one entry per release, newest first.

The feed is rendered from `templates/nkpk/feed.xml.html` with Jinja's escaping;
its dates are the 1 January each release takes effect, never the build date.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from .. import urls
from ..analysis.compare import CHANGE_KINDS, ReleaseChanges
from ..labels import FEED_COUNTS, FEED_FIRST, KIND_TITLES, SYSTEM_SHORT
from .fields import doc


@dataclass(frozen=True)
class FeedEntry:
    """One release in the feed."""

    year: int
    url: str  # its changes page: absolute with a public address, else relative to the feed
    summary: str  # its counts per code system, in words


@dataclass(frozen=True)
class ChangesFeed:
    template: ClassVar[str] = "feed.xml.html"  # .html: mkdocs copies other files of the theme folder as they are

    self_url: str = doc("the feed's own address (absolute with a public address, else relative)")
    overview: str = doc("the changes overview's address")
    updated: str = doc("when the newest release takes effect, as an Atom date")
    entries: tuple[FeedEntry, ...] = doc("one per release, newest first")


def _summary(release: ReleaseChanges) -> str:
    parts = []
    for system in release.systems:
        if system.from_year is None:
            parts.append(FEED_FIRST.format(system=SYSTEM_SHORT[system.system], count=system.count))
            continue
        counts = ", ".join(f"{KIND_TITLES[k].lower()} {len(system.of_kind(k))}" for k in CHANGE_KINDS)
        parts.append(FEED_COUNTS.format(system=SYSTEM_SHORT[system.system], year=system.from_year, counts=counts))
    return "; ".join(parts) + "."


def changes_feed(releases: tuple[ReleaseChanges, ...], site_url: str | None) -> ChangesFeed:
    """The feed's context; without a public address its links are relative to the feed."""
    entries = tuple(
        FeedEntry(r.year, urls.absolute(site_url, urls.changes_url(r.year), urls.CHANGES_FEED), _summary(r))
        for r in reversed(releases)
    )
    return ChangesFeed(
        self_url=urls.absolute(site_url, urls.CHANGES_FEED, urls.CHANGES_FEED),
        overview=urls.absolute(site_url, urls.CHANGES_OVERVIEW, urls.CHANGES_FEED),
        updated=f"{releases[-1].year}-01-01T00:00:00Z" if releases else "1970-01-01T00:00:00Z",
        entries=entries,
    )
