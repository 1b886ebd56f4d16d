"""The search index: every code with its terms, prebuilt for lunr in the browser.

The browser gets one JSON file and the three lunr files from the installed
mkdocs package. The file holds the codes (sorted), their texts, code
systems and validity, the sorted vocabulary of stemmed terms, and per code
the indices of its terms. `search-engine.js` turns that into a `lunr.Index`
without tokenising or stemming any text: only the query is stemmed in the
browser, by `lunr.no.js`, the same way `search_text.terms` stems here.

Measured on the real corpus (10,137 codes) in chromium: this file is 767 KB,
157 KB with gzip -6, and becomes an index in 20-45 ms. lunr's own serialised
index of the same texts is 1.1 MB without the texts to show, and building it
from the texts in the browser (lunr.Builder with lunr.no) took 150-290 ms.
Codes and terms are front-coded (15 KB less with gzip for the codes). Not
shipping the term indices (59 KB with gzip) but a word-to-stem table (17 KB)
would have the browser tokenise every text: 20-55 ms more before the first
results, measured; the bytes are within budget, so the build does it.
"""

from __future__ import annotations

import json
from typing import Iterable

from .. import urls
from ..model.catalogue import Catalogue, Code
from .search_text import lunr_sources, terms

FORMAT = 1


_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def front_coded(sorted_words: list[str]) -> list[str]:
    """Each word as one base-36 digit, the length it shares with the word before, and the rest."""
    coded = []
    previous = ""
    for word in sorted_words:
        shared = 0
        limit = min(len(word), len(previous), len(_DIGITS) - 1)
        while shared < limit and word[shared] == previous[shared]:
            shared += 1
        coded.append(_DIGITS[shared] + word[shared:])
        previous = word
    return coded


def _doc_terms(term_ids: list[int]) -> list[int]:
    """A code's term indices, sorted, as differences from the previous one (0: the term again)."""
    previous = 0
    encoded = []
    for term_id in sorted(term_ids):
        encoded.append(term_id - previous)
        previous = term_id
    return encoded


def search_data(codes: Iterable[Code]) -> dict:
    """The search file's content: plain lists in code order, no per-code objects."""
    codes = sorted(codes, key=lambda c: c.code)
    code_terms = [terms(c.text) for c in codes]
    vocabulary = sorted({t for found in code_terms for t in found})
    index = {term: number for number, term in enumerate(vocabulary)}
    systems = sorted({c.system for c in codes})
    if len(systems) > 10:
        raise ValueError("the search file keeps a code system in one digit")
    return {
        "active": "".join("1" if c.active else "0" for c in codes),
        "codes": front_coded([c.code for c in codes]),
        "docs": [_doc_terms([index[t] for t in found]) for found in code_terms],
        "format": FORMAT,
        "system": "".join(str(systems.index(c.system)) for c in codes),
        "systems": systems,
        "terms": front_coded(vocabulary),
        "texts": [c.text for c in codes],
        "url": urls.code_url("{code}"),
    }


def dump(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def search_files(catalogue: Catalogue) -> dict[str, str]:
    """The search file, and lunr and its Norwegian support copied beside it: address -> text."""
    files = {urls.SEARCH_INDEX: dump(search_data(catalogue.codes))}
    for name, source in lunr_sources().items():
        files[urls.search_asset(name)] = source.read_text(encoding="utf-8")
    return files
