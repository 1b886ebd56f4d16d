"""Facets: the words that tell sibling codes apart, read alike in code texts and in queries.

Codes of one group often differ in one qualifier only: the side
(`Høyresidig` / `Venstresidig hemikolektomi`), the action (`Implantasjon` /
`Fjerning av totalprotese`), the approach (`Laparoskopisk kolecystektomi`
beside `Kolecystektomi`), the stage (`primær` / `sekundær`, `Reoperasjon`),
with or without something (`med sement` / `uten sement`) or age (`hos
barn`). The search gives those words a meaning: a text gets its facets at
build time, a query gets its own in the browser (`search-plan.js`) from the
same rules, which the search file carries (`facets`), and a hit whose facet
contradicts the query ranks below every hit with as much of the query that
does not (docs/search.md, "Facets").

Words are matched as folded words (lower case, no accents), not as search
keys: `hø` is the key `he` and would meet helium. A facet is `dimension:value`;
`with:+KEY` and `with:-KEY` say that a text or query has, or has not, the
word whose search key is KEY (`med sement`, `uten sement`, `sementert`).
"""

from __future__ import annotations

from typing import Sequence

from .text import key, stop_words, words

# One facet per line: the folded words (or phrases of words) that say it. `QUERY_ONLY` words are read in
# queries only (abbreviations and everyday words that code texts do not use in this sense).
TEXT_AND_QUERY: dict[str, tuple[str, ...]] = {
    "side:right": ("høyre", "høyresidig", "høyresidige", "høyreside", "right", "dexter", "dextra"),
    "side:left": ("venstre", "venstresidig", "venstresidige", "venstreside", "left", "sinister", "sinistra"),
    "side:both": ("bilateral", "bilaterale", "bilateralt", "dobbeltsidig", "dobbeltsidige", "begge sider",
                  "bilaterally"),
    "side:one": ("unilateral", "unilateralt", "ensidig", "ensidige"),
    "action:insert": ("implantasjon", "innsetting", "innsetjing", "innlegging", "anleggelse", "insertion",
                      "implantation"),
    "action:remove": ("fjerning", "uttak", "eksplantasjon", "removal", "explantation"),
    "action:biopsy": ("biopsi", "biopsier", "biopsy"),
    "stage:first": ("primær", "primært", "primary"),
    "stage:again": ("sekundær", "sekundært", "reoperasjon", "revisjon", "utskifting", "skifte", "bytte",
                    "secondary", "revision", "reoperation"),
    "approach:open": ("åpen", "åpent", "open"),
    "approach:scope": ("laparoskopisk", "laparoskopiske", "laparoscopic", "torakoskopisk", "thoracoscopic",
                       "retroperitoneoskopisk", "mediastinoskopisk",
                       "perkutan endoskopisk", "perkutant endoskopisk", "percutaneous endoscopic"),
    # NCSP says `Endoskopisk` for arthroscopic operations (`Endoskopisk meniskreseksjon`).
    "approach:endo": ("endoskopisk", "endoscopic", "hysteroskopisk", "cystoskopisk", "transuretral",
                      "transurethral", "artroskopisk", "arthroscopic"),
    "approach:skin": ("perkutan", "perkutant", "percutaneous"),
    "approach:vagina": ("vaginal", "vaginalt", "transvaginal", "vaginale"),
    "approach:robot": ("robotassistert", "robotassisterte", "robot"),
    "age:child": ("barn", "child", "children", "pediatrisk", "paediatric", "pediatric"),
    "age:adult": ("voksen", "voksne", "adult", "adults"),
}
QUERY_ONLY: dict[str, tuple[str, ...]] = {
    "side:right": ("hø", "h", "hoyre", "dx", "dxt"),
    "side:left": ("ve", "v", "vn", "sin", "sinstra"),
    "side:both": ("bilat", "begge", "dobbelsidig", "both"),
    "action:insert": ("ny", "nytt", "nye", "sette inn", "satt inn", "innsatt", "implantere", "implantert",
                      "legge inn", "lagt inn", "replacement", "arthroplasty", "insert", "implant"),
    "action:remove": ("fjerne", "fjernet", "ta ut", "tatt ut", "remove", "removed", "extraction"),
    "stage:again": ("revidere", "revidert", "reop", "rev", "skifte av", "byttet", "skiftet", "redo", "re-do"),
    "approach:scope": ("lap", "lapsk", "laparoskopi", "kikkhull", "kikkhullsoperasjon", "kikkhullskirurgi",
                       "keyhole", "laparoscopy", "vats"),
    "approach:open": ("konvensjonell", "konvensjonelt"),
    "approach:robot": ("robotkirurgi", "robotassisted", "robot-assisted", "davinci"),
    "age:child": ("barnet", "born", "paed", "ped"),
}
# The query words that are only a facet: no code text has them in that sense, so they find nothing by
# themselves and must not match a text (`hø` is no word of the texts; `ny`, `lap` and `v` are parts of others).
FACET_ONLY = ("hø", "h", "hoyre", "dx", "dxt", "ve", "v", "vn", "sin", "sinstra", "bilat", "ny", "nytt", "nye",
              "sementert", "usementert", "sementfri", "cemented", "uncemented", "cementless", "hybrid")
# Words that bind the next word: `med sement`, `m/ kontrast`; `uten sement`, `u/ kontrast`, `ikke dren`.
WITH_WORDS = ("med", "m", "with", "inkl", "inkludert", "including")
WITHOUT_WORDS = ("uten", "u", "ikke", "ingen", "without", "no", "not", "non")
# One word that says with or without a thing: the thing's word.
WITH_ONE = {"sementert": "sement", "cemented": "sement", "kontrastforsterket": "kontrast"}
WITHOUT_ONE = {"usementert": "sement", "uncemented": "sement", "cementless": "sement", "sementfri": "sement",
               "ukontrastert": "kontrast"}
# A word that ends so says its action by itself: `-ektomi` is a removal (`Kolecystektomi`), so
# `galleblæra fjernet` finds it before `Kolecystotomi`. Unlike `Fjerning av ...` it is the operation itself,
# not the removal of something put in, so it is never `unasked`.
EXCISE = "action:excise"
EXCISE_ENDINGS = ("ektomi", "ectomi", "ectomy", "ectomia", "ektomia", "ektomier")
# Facet values that contradict each other (the dimension alone does not say it: a robot is an approach
# that contradicts none, one side contradicts both sides but not "one side", and a keyhole is laparoscopic
# or endoscopic, so those two do not contradict each other).
CONFLICTS = (
    ("side:right", "side:left"), ("side:right", "side:both"), ("side:left", "side:both"), ("side:one", "side:both"),
    ("action:insert", "action:remove"), ("action:insert", "action:biopsy"), ("action:remove", "action:biopsy"),
    ("action:insert", EXCISE), ("action:biopsy", EXCISE),
    ("stage:first", "stage:again"),
    ("approach:open", "approach:scope"), ("approach:open", "approach:endo"), ("approach:open", "approach:skin"),
    ("approach:open", "approach:vagina"), ("approach:scope", "approach:skin"),
    ("approach:scope", "approach:vagina"), ("approach:endo", "approach:skin"), ("approach:skin", "approach:vagina"),
    ("age:child", "age:adult"),
)
# What a query that names no action or stage prefers: the procedure itself before its removal or redoing.
UNASKED = ("action:remove", "stage:again")
# Then the plain sibling before one with a side, an age, or an approach other than the open, the laparoscopic
# or the endoscopic one (the usual ways of most operations: NCSP says `Endoskopisk` for arthroscopic) that the
# query did not ask for.
MARKED = ("side:right", "side:left", "side:both", "side:one", "approach:skin", "approach:vagina",
          "approach:robot", "age:child", "age:adult")
MAX_PHRASE = 3
# Words after which the rest of a query names why (a diagnosis, the setting): those words add to a hit that has
# them but decide nothing (`hofteprotese ved artrose`, `sectio pga seteleie`). The note page reads notes by a
# longer list (notes.py REASON).
REASONS = ("pga", "grunnet", "grunna", "ved", "due", "because")


def _phrases(table: dict[str, tuple[str, ...]]) -> dict[tuple[str, ...], str]:
    return {tuple(phrase.split()): facet for facet, phrases in table.items() for phrase in phrases}


def text_phrases() -> dict[tuple[str, ...], str]:
    """The phrases that give a code text a facet, as tuples of folded words."""
    return _phrases(TEXT_AND_QUERY)


def query_phrases() -> dict[tuple[str, ...], str]:
    """The phrases that give a query a facet: the texts' and the queries' own."""
    found = _phrases(TEXT_AND_QUERY)
    for phrase, facet in _phrases(QUERY_ONLY).items():
        found.setdefault(phrase, facet)
    return found


def _next_word(folded: Sequence[str], start: int) -> str | None:
    """The first word from `start` that is not a stop word or a binder, or None."""
    stops = stop_words()
    for word in folded[start:start + 3]:
        if word not in stops and word not in WITH_WORDS and word not in WITHOUT_WORDS:
            return word
    return None


def facets_of(folded: Sequence[str], phrases: dict[tuple[str, ...], str]) -> set[str]:
    """The facets of a text's or a query's folded words, stop words included (the twin of search-plan.js)."""
    found: set[str] = set()
    i = 0
    while i < len(folded):
        size = next((n for n in range(MAX_PHRASE, 0, -1) if tuple(folded[i:i + n]) in phrases), 0)
        word = folded[i]
        if size:
            found.add(phrases[tuple(folded[i:i + size])])
        elif word in WITH_ONE:
            found.add("with:+" + key(WITH_ONE[word]))
        elif word in WITHOUT_ONE:
            found.add("with:-" + key(WITHOUT_ONE[word]))
        elif word in WITH_WORDS or word in WITHOUT_WORDS:
            bound = _next_word(folded, i + 1)
            if bound is not None:
                found.add(("with:+" if word in WITH_WORDS else "with:-") + key(bound))
        elif word.endswith(EXCISE_ENDINGS):
            found.add(EXCISE)
        i += max(size, 1)
    return found


def text_facets(text: str) -> set[str]:
    """A code text's facets."""
    return facets_of(words(text), text_phrases())


def facet_data() -> dict:
    """For the search file: the rules by which the browser reads a query's facets and, when it ranks a
    hit, its text's (`phrases` less `queryOnly` for texts), and which facets contradict which."""
    texts = text_phrases()
    return {
        "conflicts": [list(pair) for pair in CONFLICTS],
        "marked": list(MARKED),
        "only": sorted(FACET_ONLY),
        "phrases": {" ".join(p): f for p, f in sorted(query_phrases().items())},
        "queryOnly": sorted(" ".join(p) for p in query_phrases() if p not in texts),
        "excise": [EXCISE, *EXCISE_ENDINGS],
        "reasons": list(REASONS),
        "unasked": list(UNASKED),
        "with": sorted(WITH_WORDS),
        "withOne": {w: key(t) for w, t in sorted(WITH_ONE.items())},
        "without": sorted(WITHOUT_WORDS),
        "withoutOne": {w: key(t) for w, t in sorted(WITHOUT_ONE.items())},
    }
