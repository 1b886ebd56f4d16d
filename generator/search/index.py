"""The search file: every code with its terms, prebuilt for the browser's search engine.

The browser gets one JSON file (`assets/search/index.json`), the English
texts' entries in a second one that loads after the first results
(`assets/search/english.json`: `codes`, `docs` and `texts` of the codes that
have an English text, with term ids of the same vocabulary), and the three
lunr files from the installed mkdocs package (for lunr's Norwegian stemmer
and stop words). The file holds the codes (sorted), their current texts,
code systems, validity and the release they left (`gone`, an index into
`years`: the status "Utgått fra 2016" and the newest release come from
here); the earlier texts of each code (`oldTexts`, `oldCodes`, `oldUntil`);
the sorted vocabulary of keys (respelt and stemmed words, `search_text`);
per entry (current texts, then earlier ones) the indices of its terms
(`docs`) and of the parts of its compound words (`parts`, `search_split`);
and the thesaurus (`synonyms.py`). `search-engine.js` searches it without
tokenising or stemming any text: only the query is processed in the
browser, by `search-text.js`, the same way `search_text.terms` does here.

Measured on the real corpus (10,148 codes, 478 earlier texts, about 1,000
thesaurus entries): 994 KB, 198 KB with gzip -6; the English file 591 KB,
100 KB (docs/search.md).
Codes and terms are front-coded, term indices delta-coded.
"""

from __future__ import annotations

import functools
from typing import Callable, Iterable, Mapping

from .. import urls
from ..jsonfile import compact_json
from ..model.catalogue import Catalogue, Code
from .facets import facet_data
from .split import known_in, split
from .text import filler_keys, key, lunr_sources, respell, stop_words, terms, words
from .synonyms import Synonym, search_synonyms

FORMAT = 5
# The thesaurus's kinds that load with the English texts, after the first results (an English query finds
# most of its codes through the English texts, which come then too).
LATER_KINDS = ("english",)


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


def vocabulary(codes: Iterable[Code]) -> list[str]:
    """The sorted terms of every text any code ever had."""
    return sorted({t for c in codes for text in {v.text for v in c.versions} for t in terms(text)})


def _old_texts(code: Code, words_of: Callable[[str], tuple[str, ...]]) -> list[tuple[str, int]]:
    """A code's earlier texts that differ in words from its current one and each other: (text, last year in use)."""
    seen = {words_of(code.text)}
    found: dict[tuple[str, ...], tuple[str, int]] = {}
    for version in code.versions:
        if words_of(version.text) not in seen:
            found[words_of(version.text)] = (version.text, version.year)
    return sorted(found.values(), key=lambda item: (item[1], item[0]))


def _gone(code: Code, years: list[int]) -> str:
    """`-` for a valid code, else the index (base 36) in `years` of the first release without it."""
    if code.active:
        return "-"
    later = [i for i, year in enumerate(years) if year > code.years[-1]]
    return _DIGITS[later[0]] if later else "-"


def search_data(
    codes: Iterable[Code],
    years: Iterable[int] = (),
    synonyms: tuple[Synonym, ...] = (),
    english: Mapping[str, object] | None = None,
) -> dict:
    """The search file's content: plain lists in code order, no per-code objects.

    Entries are the codes' current texts (entry i is code i), then their earlier texts, then the English
    texts (`english`: code -> an object with `.text`). The earlier and English entries and the thesaurus's
    English entries are held apart in `later`, the file that loads after the first results (`_later`).
    `years` are the releases (by default those the codes were in).
    """
    codes = sorted(codes, key=lambda c: c.code)
    years = sorted(set(years) or {y for c in codes for y in c.years})
    words_of = functools.lru_cache(maxsize=None)(lambda text: tuple(sorted(terms(text))))
    old = [(number, text, until) for number, c in enumerate(codes) for text, until in _old_texts(c, words_of)]
    texts = [c.text for c in codes] + [text for _, text, _ in old]
    entry_terms = [terms(text) for text in texts]
    english_rows, english_terms = _english(codes, english or {})
    terms_list = sorted({t for found in entry_terms + english_terms for t in found})
    index = {term: number for number, term in enumerate(terms_list)}
    ids = lambda found: _doc_terms([index[t] for t in found])  # noqa: E731
    parts = [ids(found) for found in compound_parts(texts, entry_terms, frozenset(t for f in entry_terms for t in f))]
    docs = [ids(found) for found in entry_terms]
    systems = sorted({c.system for c in codes})
    if len(systems) > 10 or len(years) > len(_DIGITS):
        raise ValueError("the search file keeps a code system in one digit and a release in one base-36 digit")
    now = len(codes)
    thesaurus = search_synonyms(synonyms)
    return {
        "active": "".join("1" if c.active else "0" for c in codes),
        "codes": front_coded([c.code for c in codes]),
        "docs": docs[:now],
        "facets": facet_data(),
        "filler": filler_keys(),
        "format": FORMAT,
        "gone": "".join(_gone(c, years) for c in codes),
        "later": _later(old, docs[now:], parts[now:], english_rows, [ids(found) for found in english_terms], thesaurus),
        "parts": parts[:now],
        "synonyms": {k: v for k, v in thesaurus.items() if v[0] not in LATER_KINDS},
        "system": "".join(str(systems.index(c.system)) for c in codes),
        "systems": systems,
        "terms": front_coded(terms_list),
        "texts": [c.text for c in codes],
        "url": urls.code_url("{code}"),
        "years": years,
    }


def _later(old: list, old_docs: list, old_parts: list, english_rows: list, english_docs: list, thesaurus: dict) -> dict:
    """What loads after the first results: the earlier texts, the English texts, the thesaurus's LATER_KINDS."""
    return {
        "codes": _doc_terms([n for n, _ in english_rows]),
        "docs": english_docs,
        "texts": [text for _, text in english_rows],
        "oldCodes": _doc_terms([number for number, _, _ in old]),
        "oldDocs": old_docs,
        "oldParts": old_parts,
        "oldTexts": [text for _, text, _ in old],
        "oldUntil": [until for _, _, until in old],
        "synonyms": {k: v for k, v in thesaurus.items() if v[0] in LATER_KINDS},
    }


def _english(codes: list[Code], english: Mapping[str, object]) -> tuple[list[tuple[int, str]], list[list[str]]]:
    """The (code number, English text) of the codes that have one, and each text's terms."""
    rows = [(n, english[c.code].text) for n, c in enumerate(codes) if c.code in english]
    return rows, [terms(text) for _, text in rows]


def compound_parts(texts: list[str], text_terms: list[list[str]], known_terms: frozenset[str]) -> list[list[str]]:
    """Per text (with its terms), the terms of the parts of its compound words that it does not have as words."""
    known = known_in(known_terms)
    stops = stop_words()
    split_words: dict[str, list[str]] = {}
    found = []
    for text, own in zip(texts, text_terms):
        extra: set[str] = set()
        for word in words(text):
            if word in stops:
                continue
            spelt = respell(word)
            if spelt not in split_words:
                split_words[spelt] = [key(p) for p in split(spelt, known)]
            extra.update(split_words[spelt])
        found.append(sorted(extra.difference(own)))
    return found


def search_files(
    catalogue: Catalogue, synonyms: tuple[Synonym, ...] = (), english: Mapping[str, object] | None = None
) -> dict[str, str]:
    """The search file, its English entries apart, and lunr and its Norwegian support beside them: address -> text.

    The English entries (`english`) load after the first results, so that
    their bytes do not delay them.
    """
    years = [r.year for r in catalogue.releases]
    data = search_data(catalogue.codes, years, synonyms, english)
    files = {urls.SEARCH_ENGLISH: compact_json(data.pop("later")), urls.SEARCH_INDEX: compact_json(data)}
    for name, source in lunr_sources().items():
        files[urls.search_asset(name)] = source.read_text(encoding="utf-8")
    return files
