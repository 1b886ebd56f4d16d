"""The optional columns of the sample's 2017 workbook, as the official yearly workbook has them.

Headers are written as a maintainer might find them (matched loosely by the
readers); values come in the spellings the readers accept: dates as date
cells, `01.01.2015` and `2015-01-01`; yes/no as J/N, Ja/Nei, 1/0 and X;
gender as K, M, Kvinne and N. `PLANTED_DETAILS` says what tests rely on.
"""

from __future__ import annotations

import datetime

DETAIL_HEADER = [
    "Kodetekst 60 tegn", "Gyldig fra", "Gyldig til", "Tilleggskode", "Kjønnsspesifikk",
    "Inkluderer", "Ekskluderer", "Merknad", "Rapporteres til NPR",
]

# code -> (inclusion, exclusion, note); references in them become links
NOTES = {
    "JKA20": ("", "Laparoskopisk kolecystektomi: Se JKA21", ""),
    "JKA21": ("Fjerning av galleblære med laparoskopisk teknikk", "Med peroperativ kolangiografi: Se JKA22",
              "Ved konvertering til åpen operasjon: Se også ZXC 00"),
    "EMB10": ("", "", "Delvis fjerning av mandlene: Se EMB 15-30"),
    "MCA10": ("", "", "Samtidig sterilisering: Se LGA 99"),  # no such code: a broken reference
    "GDFC05": ("Måling før og etter inhalasjon av bronkodilatator", "", ""),
    "HAB00G": ("", "", "Ultralydveiledet biopsi: Se HAB00K"),
}
VALID_TO = {"JFB60": datetime.datetime(2017, 12, 31), "TKA0BN": "31.12.2017"}
NPR_EXCEPTIONS = {"ZXA00": "N", "ZXA05": "N", "ZXA10": "N", "ZWNM00": "0", "WGFX05": "X"}
LONG_TEXT60 = {"GXAV10"}  # the full text, over 60 characters: noted in the build report

PLANTED_DETAILS = {
    "JKA21": {"text60": "Laparoskopisk kolecystektomi", "valid_from": "2015-01-01", "addon": False,
              "gender": "any", "npr": True,
              "inclusion": NOTES["JKA21"][0], "exclusion": NOTES["JKA21"][1], "note": NOTES["JKA21"][2]},
    "ZXA00": {"addon": True, "npr": False},
    "LCD01": {"gender": "female"},
    "KEC02": {"gender": "male", "valid_from": "2016-01-01"},
    "AAFE20": {"valid_from": "2016-01-01", "addon": False, "npr": True},
    "MAFX00": {"gender": "female"},
    "WGFX05": {"npr": True},
    "ZWNM00": {"addon": True, "npr": False},
    "JFB60": {"valid_to": "2017-12-31"},
    "TKA0BN": {"valid_to": "2017-12-31", "valid_from": "2015-01-01"},
}


def text60(code: str, text: str) -> str:
    """The text cut to at most 60 characters at a word boundary (planted codes keep it whole)."""
    if len(text) <= 60 or code in LONG_TEXT60:
        return text
    return text[:61].rsplit(" ", 1)[0].rstrip(",;:")


def _gender(system: str, code: str) -> str:
    if system == "NCSP":
        if code[:1] in "LM":
            return "K"
        return "M" if code[:2] in ("KE", "KF", "KG") else "N"
    return "Kvinne" if system == "NCMP" and code.startswith("MA") else ""


def _flags(system: str, code: str) -> tuple[str, str]:
    """(add-on, NPR) as each system's sheet section writes them."""
    addon = {"NCSP": "J" if code.startswith("Z") else "N", "NCMP": "Ja" if code.startswith("ZW") else "Nei"}
    npr = NPR_EXCEPTIONS.get(code, {"NCSP": "J", "NCMP": "1", "NCRP": "Ja"}[system])
    return addon.get(system, ""), npr


def _valid_from(system: str, first_year: int) -> object:
    if system == "NCSP":
        return datetime.datetime(first_year, 1, 1)
    return f"01.01.{first_year}" if system == "NCMP" else f"{first_year}-01-01"


def detail_cells(system: str, code: str, text: str, first_year: int) -> list[object]:
    """The optional cells of one row, in DETAIL_HEADER order."""
    inclusion, exclusion, note = NOTES.get(code, ("", "", ""))
    addon, npr = _flags(system, code)
    return [
        text60(code, text), _valid_from(system, first_year), VALID_TO.get(code, ""), addon,
        _gender(system, code), inclusion, exclusion, note, npr,
    ]


def first_years(releases: dict[int, dict[str, dict[str, str]]]) -> dict[str, int]:
    """The first sample year of each code."""
    found: dict[str, int] = {}
    for year in sorted(releases):
        for codes in releases[year].values():
            for code in codes:
                found.setdefault(code, year)
    return found
