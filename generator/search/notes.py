"""The rules by which the note page (notat/) reads a clinical note, as data for note-core.js.

Words are folded (lower case, no accents) and compared as whole words:

- `negation`: a clause (between commas, `men` or sentence ends) with one of
  these says what was not done (`dren ble ikke lagt`, `ingen biopsi`): its
  words propose nothing, and the codes they name are never proposed;
- `reason`: phrases after which the rest of the clause names why, a
  diagnosis (`pga. kolelitiasis`, `grunnet coxartrose`): those words choose
  nothing;
- `clauseWords`: words that begin a new clause, as a comma does;
- `frame`: words of supplementary (Z) code texts that say nothing by
  themselves (`Bruk av laser`): a Z code is proposed when the note has at
  least `extraShare` of its other words, at most `extraMax` of them.
`uten X`, `u/ X` and the other facets are the search's (facets.py).
"""

from __future__ import annotations

NEGATION = ("ikke", "ikkje", "ingen", "intet", "aldri", "unnlatt", "unnlot", "avstått", "avstod", "avsto",
            "not", "no", "negativ", "negative")
REASON = ("pga", "p g a", "på grunn av", "grunnet", "grunna", "pgr", "ved", "indikasjon", "indikasjonen",
          "diagnose", "diagnosen", "mistanke om", "mistenkt", "susp", "suspekt", "mtp", "med tanke på",
          "due to", "because of", "for å utelukke", "utelukke", "dg", "diagn")
CLAUSE_WORDS = ("men", "samt", "but")
# A line that begins `Indikasjon:` (or another of these, then a colon) proposes nothing: it says why, or
# what was found, given or planned, not what was done.
SECTIONS = ("indikasjon", "indikasjoner", "diagnose", "diagnoser", "anamnese", "bakgrunn", "problemstilling",
            "klinikk", "anestesi", "bedøvelse", "postop", "postoperativt", "plan", "videre", "forordning", "funn",
            "konklusjon", "problem", "henvisning", "spørsmål", "problemstilling", "epikrise", "medikamenter", "leie",
            "indication", "diagnosis", "anaesthesia", "anesthesia", "findings", "ind", "dg", "us", "anamn")
# A sentence that begins with one of these sets the scene (anaesthesia, position, washing): it proposes nothing.
SETUP = ("narkose", "ga", "generell", "spinal", "spinalanestesi", "lokalanestesi", "lokalbedøvelse", "sedasjon",
         "sedering", "intubert", "ryggleie", "mageleie", "sideleie", "steinsnittleie", "gynleie", "leie", "vask",
         "vasket", "oppdekning", "dekket", "antibiotikaprofylakse", "profylakse", "premedisinert", "timeout",
         "time-out", "sjekkliste")
# A group needs one matched word of its text that is in at most this many texts (not only `reseksjon`).
SPECIFIC = 150
# A hit found through one word of these thesaurus kinds alone makes no group (`klipp` is everyday for Episiotomi).
WEAK_KINDS = ("everyday",)
# Words that say a side in a query but too often something else in a note (`begge snitt`, `both ends`).
SIDE_IGNORE = ("begge", "both", "h", "v")
# A hit makes a group when the note's words cover this share of its text (facet words count), or two
# words cover TIGHT_WITH_TWO of it, or three words match it.
TIGHT = 0.6
TIGHT_WITH_TWO = 0.4
# Below this many words matched, a hit's head (its procedure word) must be one of them.
HEAD_BELOW = 2
FRAME = ("bruk", "teknikk", "tilgang", "annen", "annet", "andre", "type")
EXTRA_SHARE = 0.67
EXTRA_MAX = 3


def note_rules() -> dict:
    """The rules as the page gives them to note-core.js (a reason phrase as its list of words)."""
    return {
        "clauseWords": list(CLAUSE_WORDS),
        "extraMax": EXTRA_MAX,
        "extraShare": EXTRA_SHARE,
        "frame": list(FRAME),
        "negation": list(NEGATION),
        "reason": [phrase.split() for phrase in REASON],
        "sections": list(SECTIONS),
        "setup": list(SETUP),
        "specific": SPECIFIC,
        "weakKinds": list(WEAK_KINDS),
        "sideIgnore": list(SIDE_IGNORE),
        "headBelow": HEAD_BELOW,
        "tight": TIGHT,
        "tightWithTwo": TIGHT_WITH_TWO,
    }
