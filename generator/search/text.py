"""Search terms from code texts: the build-time twin of the browser's query processing.

A text becomes terms in five steps, the same here and in `search-text.js`:
lower case; fold accents except the ring of `å` (`é` -> `e`, `ö` -> `o`;
`æ`, `ø` and `å` stay); split into runs of letters and digits; drop the stop
words of `lunr.no.js`; respell Latin, English and older spellings the
Norwegian way (`respell`: letters, then endings, then a Latin case ending,
then `ae`/`oe`/`æ`/`ø` as `e`: `thorax` and `toraks` are both `toraks`,
`appendectomy` and `appendektomi` both `appendektom`); stem with the
Norwegian Snowball stemmer.

The browser stems with `lunr.no.js`, generated from an older Snowball
Norwegian than `snowballstemmer` 3: the newer one keeps `-ers` after some
endings (`transvers`) and no longer takes the `-s` off `-ers` when only the
`s` lies in R1. `stem` puts that rule back, so both sides give the same stem
for every word; `tests/test_search_stemmer.py` checks it in a browser.
Accents are folded before stemming because the newer stemmer also counts
`ê`, `ò`, `ó` and `ô` as vowels.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from importlib import resources
from pathlib import Path

import snowballstemmer

# Vowels of both stemmers once accents are folded.
_VOWELS = frozenset("aeiouyæøå")
_WORD = re.compile(r"[^\W_]+")
_MARKS = re.compile("[\u0300-\u0309\u030b-\u036f]")  # combining marks except the ring above (U+030A)
_STOP_LIST = re.compile(r"lunr\.generateStopWordFilter\(\s*'([^']*)'")


def lunr_dir() -> Path:
    """The folder of lunr's language files that ship inside the installed mkdocs package."""
    return Path(str(resources.files("mkdocs.contrib.search")))


def lunr_sources() -> dict[str, Path]:
    """The three browser files search needs, by file name, in load order: the parts of lunr that its
    language files use (`lunr-core.js`, beside this module), then lunr's stemmer support and Norwegian."""
    root = lunr_dir()
    return {
        "lunr-core.js": Path(__file__).with_name("lunr-core.js"),
        "lunr.stemmer.support.js": root / "lunr-language" / "lunr.stemmer.support.js",
        "lunr.no.js": root / "lunr-language" / "lunr.no.js",
    }


# Words that only say that something is done to the body: in a query they add to a text that has
# them but never decide a miss (soft AND). NCSP says "open" by leaving the approach out, and the
# side is a code of its own (ZXA00 Høyre side, ZXA05 Venstre side), not a word of the procedure.
FILLER_WORDS = (
    "operasjon", "operasjoner", "operere", "operert", "kirurgi", "kirurgisk", "behandling", "behandle",
    "inngrep", "prosedyre", "undersøkelse", "op", "opr", "operation", "surgery", "procedure", "treatment",
    "åpen", "åpent", "open",
    "høyre", "venstre", "høyresidig", "venstresidig",
    # Roman numerals and the words before type numbers: a type or grade says which, never what (`billroth ii`).
    "ii", "iii", "iv", "vi", "vii", "viii", "type", "grad", "grade",
)


def filler_keys() -> list[str]:
    """The search keys of the filler words, sorted (the search file's `filler`)."""
    return sorted({key(word) for word in FILLER_WORDS})


@functools.cache
def stop_words() -> frozenset[str]:
    """The Norwegian stop words, read from `lunr.no.js` so that both sides use one list."""
    source = lunr_sources()["lunr.no.js"].read_text(encoding="utf-8")
    found = _STOP_LIST.search(source)
    if found is None:
        raise RuntimeError("no stop word list in lunr.no.js")
    return frozenset(found.group(1).split())


def fold(text: str) -> str:
    """Lower case without accents, keeping æ, ø and å."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return unicodedata.normalize("NFC", _MARKS.sub("", decomposed))


def words(text: str) -> list[str]:
    """The folded words of a text, stop words included."""
    return _WORD.findall(fold(text))


def _r1(word: str) -> int:
    """Start of Snowball's R1: after the first non-vowel that follows a vowel, at least 3."""
    for index in range(1, len(word)):
        if word[index] not in _VOWELS and word[index - 1] in _VOWELS:
            return max(index + 1, 3)
    return len(word)


@functools.cache
def _snowball() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("norwegian")


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The stem of a folded word, as `lunr.no.js` stems it."""
    snowball = _snowball()
    if word.endswith("ers"):
        r1 = _r1(word)
        # The older stemmer removes `ers` when it lies in R1, else the `s` after `er`;
        # the rest of its steps equal the newer ones on the word less that ending.
        # `a` is a suffix of its own that the newer stemmer removes in R1.
        if len(word) - 3 >= r1:
            return snowball.stemWord(word[:-3] + "a")
        if len(word) - 1 >= r1:
            return snowball.stemWord(word[:-1] + "a")
    return snowball.stemWord(word)


# Latin and older spellings and their Norwegian forms, one rule per match, left to right:
# `ch` -> k, `ph` -> f, `th` -> t, `rh` -> r, `ck` -> k, `qu` -> kv, `c` -> s before e, i, y, æ, ø, else k, `x` -> ks.
# search-text.js has the same expressions and tables.
_SPELLING = re.compile(r"ch|ph|th|rh|ck|qu|c(?=[eiyæø])|c|x")
_RESPELT = {"ch": "k", "ph": "f", "th": "t", "rh": "r", "ck": "k", "qu": "kv", "c": "k", "x": "ks"}
# Then Latin and English endings meet the Norwegian ones, each rule once, at the end of the word, in order:
# the Norwegian nominalisations and participles `-ering`, `-ert` -> `-asjon` (`sterilisering`,
# `sterilisert` and `sterilisasjon`, `operert` and `operasjon` meet; definite and plural `-eringen` too); `-plasty`, `-plastica`, `-plastikk` -> `-plasti`; English `-tion`/`-sion` -> `-sjon`; English `-ic` -> `-isk`;
# Greek `-sis` -> `-se` (stenosis, paracentesis); English plural `-ies` -> `-i`; one Latin case ending or
# final vowel (`-ae`, `-ia`, `-ie`, `-is`, `-um`, `-us`, `-y`, `-i`) off a word that keeps at least MIN_STEM
# letters (`-ectomy`, `-ectomia`, `-ektomi` are all `-ektom`; `-scopy`, `-skopi` `-skop`); and last the
# diphthongs `ae`, `oe` and the letters `æ`, `ø` -> `e` (oesophagus, øsofagus and esophagus meet).
_ENDINGS = (
    (re.compile(r"(?<=.{4})(?:ering(?=(?:en|er|ene)?$)|ert$)"), "asjon"),
    (re.compile(r"plast(?:y|i|ia|ik|ikk|ika|ikka)$"), "plasti"),
    (re.compile(r"(?<=[^s])[ts]ion$"), "sjon"),
    (re.compile(r"(?<=[^k])ik$"), "isk"),
    (re.compile(r"(?<=.)sis$"), "se"),
    (re.compile(r"ies$"), "i"),
)
_CASE_ENDING = re.compile(r"(?:ae|ia|ie|is|um|us|y|i)$")
_DIPHTHONG = re.compile(r"ae|oe|æ|ø")
MIN_STEM = 4


def _respelt(found: re.Match) -> str:
    letters = found.group(0)
    if letters == "c" and found.end() < len(found.string) and found.string[found.end()] in "eiyæø":
        return "s"
    return _RESPELT[letters]


def respell(word: str) -> str:
    """A folded word in one spelling: `cholecystectomy`, `kolecystektomi` are both `kolesystektom`."""
    word = _SPELLING.sub(_respelt, word)
    for pattern, replacement in _ENDINGS:
        word = pattern.sub(replacement, word)
    ending = _CASE_ENDING.search(word)
    if ending is not None and ending.start() >= MIN_STEM:
        word = word[: ending.start()]
    return _DIPHTHONG.sub("e", word)


@functools.lru_cache(maxsize=1 << 17)
def key(word: str) -> str:
    """The index term of a folded word that is not a stop word: respelt and stemmed."""
    return stem(respell(word))


def terms(text: str) -> list[str]:
    """The index terms of a text, in order, repeated as often as they occur."""
    stops = stop_words()
    return [key(w) for w in words(text) if w not in stops]
