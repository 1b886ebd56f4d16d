"""The English text of a code as its page shows it: the text, and the code it was carried from."""

from __future__ import annotations

from dataclasses import dataclass

from .. import urls
from ..analysis.english import EnglishText
from ..labels import ENGLISH_CARRIED, ENGLISH_TEXT
from ..urls import Link, make_link


@dataclass(frozen=True)
class EnglishRow:
    label: str  # what the row is called
    text: str  # in English: the template marks it lang="en"
    carried: str  # "overført fra" where the text is a predecessor's, else ""
    source: Link | None  # that predecessor's page


def english_row(page_url: str, english: EnglishText | None) -> EnglishRow | None:
    """The row of the code page at `page_url`; None for a code without an English text."""
    if english is None:
        return None
    if english.source is None:
        return EnglishRow(ENGLISH_TEXT, english.text, "", None)
    source = make_link(page_url, urls.code_url(english.source), english.source)
    return EnglishRow(ENGLISH_TEXT, english.text, ENGLISH_CARRIED, source)
