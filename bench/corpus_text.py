"""Code shapes and Norwegian-like texts for the generated benchmark corpus.

Everything takes a `random.Random`, so a corpus is determined by its seed.
Texts are built from a small vocabulary of medical-ish Norwegian words
(compounds of anatomy stems, procedure nouns, qualifiers); they read like
the real lists and have their lengths (median some 45 characters).
"""

from __future__ import annotations

import random
import string

LETTERS = string.ascii_uppercase

_PREFIXES = """Laparoskopisk Endoskopisk Perkutan Åpen Artroskopisk Torakoskopisk Robotassistert
Mikrokirurgisk Partiell Total Primær Sekundær Bilateral Unilateral Transuretral Kateterbasert
Ultralydveiledet Radikal Utvidet Forenklet Transvaginal Transanal Stereotaktisk""".split()
_NOUNS = """reseksjon eksisjon biopsi drenasje rekonstruksjon fiksasjon osteosyntese transplantasjon
implantasjon fjerning innsetting utskifting revisjon punksjon dilatasjon ablasjon amputasjon
plastikk sutur stenting incisjon ekstirpasjon lukking frigjøring forlengelse forkorting
avlastning skylling injeksjon transposisjon embolisering rekanalisering fusjon""".split()
_EXAMS = """Måling Registrering Undersøkelse Kartlegging Vurdering Overvåking Testing Behandling
Opptrening Veiledning Kontroll Analyse""".split()
_STEMS = """lår kne hofte skulder albue hånd fot ankel rygg nakke bryst mage tarm lever nyre blære
lunge hjerte øye øre nese strupe spiserør galle bukspytt milt livmor eggstokk tå finger kjeve tann
hud lymfe bekken ribbe virvel hjerne sene mandel tykktarm tynntarm endetarm urinleder""".split()
_ENDINGS = """ledd bein hals kapsel sene muskel nerve arterie vene gang kjertel hinne vegg åpning
bue spiss rot skaft bånd brusk slimhinne kanal kar lapp vev""".split()
_SIDES = "fremre bakre øvre nedre indre ytre distale proksimale mediale laterale".split()
_LINKS = "av i på gjennom ved fra til".split()
_QUALIFIERS = """med protese|med sement|uten sement|med nett|med transplantat|, venstre side|
, høyre side|hos barn|, reoperasjon|med eget vev|ved brudd|ved svulst|ved infeksjon|med plate|
med skruer|med margnagle|med lapp|med stent|under gjennomlysning|i narkose|etter tidligere inngrep|
med kontrast|uten kontrast|, begge sider|med åpen tilgang|med kikkhull|med løsning av sammenvoksninger|
og rekonstruksjon av bløtvev|med påfølgende kontroll|inkludert lymfeknuter""".replace("\n", "").split("|")
_GUIDES = ", ultralydveiledet|, gjennomlysningsveiledet|, CT-veiledet|, MR-veiledet|, endoskopisk veiledet".split("|")
_MODALITIES = {"A": "RG", "D": "CT", "G": "MR", "K": "UL", "L": "PET/CT", "N": "NM"}
_DRUG_STEMS = "ritu trastu ada infli natali beva ustekin seku oma pembro nivo dena toci vedo ekuli".split()
_DRUG_ENDINGS = "ksimab zumab limumab kinumab lizumab nib cept parin stat".split()


def anatomy(rng: random.Random) -> str:
    """A compound such as `hofteledd` or `urinledervegg`, sometimes with a side: `bakre kneledd`."""
    word = rng.choice(_STEMS) + rng.choice(_ENDINGS)
    return f"{rng.choice(_SIDES)} {word}" if rng.random() < 0.3 else word


def _qualify(rng: random.Random, text: str, chance: float) -> str:
    if rng.random() < chance:
        qualifier = rng.choice(_QUALIFIERS)
        text += qualifier if qualifier.startswith(",") else " " + qualifier
    return text


def procedure(rng: random.Random) -> str:
    """An NCSP-like text: `Laparoskopisk reseksjon av øvre tynntarmvegg med nett`."""
    words = [rng.choice(_PREFIXES)] if rng.random() < 0.45 else []
    words += [rng.choice(_NOUNS), rng.choice(_LINKS), anatomy(rng)]
    if rng.random() < 0.2:
        words += ["og", anatomy(rng)]
    text = _qualify(rng, " ".join(words), 0.55)
    return text[0].upper() + text[1:]


def examination(rng: random.Random) -> str:
    """An NCMP-like text: `Måling av trykk i nyrebekken`."""
    what = rng.choice(("trykk", "funksjon", "blodstrøm", "bevegelighet", "styrke", "reaksjon", "volum"))
    text = f"{rng.choice(_EXAMS)} av {what} i {anatomy(rng)}"
    return _qualify(rng, text, 0.4)


def region_name(rng: random.Random) -> str:
    word = rng.choice(_STEMS) + rng.choice(_ENDINGS)
    return word[0].upper() + word[1:]


def imaging(rng: random.Random, region: str, modality: str) -> str:
    """An NCRP examination text: `MR Skulderledd, fremre del med kontrast`."""
    text = f"{_MODALITIES.get(modality, 'RG')} {region}"
    if rng.random() < 0.6:
        text += f", {rng.choice(_SIDES)} del"
    return _qualify(rng, text, 0.7)


def guided(rng: random.Random) -> str:
    """An NCRP intervention text: a procedure with its imaging guidance."""
    return procedure(rng) + rng.choice(_GUIDES)


def drug(rng: random.Random, code: str) -> str:
    """A særkode text naming a drug and an ATC-like code built from the særkode."""
    name = rng.choice(_DRUG_STEMS) + rng.choice(_DRUG_ENDINGS)
    return f"Legemiddelbehandling med {name} ({rng.choice('LSA')}0{code})"


def changed(rng: random.Random, text: str) -> str:
    """A new text for a code: a qualifier added, replaced or dropped, or a word changed."""
    for _ in range(10):
        if rng.random() < 0.5:
            base = text.split(",")[0] if "," in text and rng.random() < 0.5 else text
            new = _qualify(rng, base, 1.0)
        else:
            words = text.split()
            at = rng.randrange(len(words))
            words[at] = rng.choice(_NOUNS + _SIDES) if at else rng.choice(_PREFIXES + _EXAMS)
            new = " ".join(words)
        if new != text and len(new) <= 160:
            return new
    return text + " (revidert)"


# --- code shapes ------------------------------------------------------------
# Each system's codes fall in "leaves": the prefix of the lowest level of the
# site's hierarchy (three characters for every system). A leaf holds about
# eight codes, as in the real lists; with many codes the leaves fill up.

def leaf(rng: random.Random, system: str) -> str:
    """A random leaf prefix of a system's usual code shapes."""
    if system == "SK":
        if rng.random() < 0.7:
            return f"{rng.randint(1, 4)}{rng.choice('XAB')}{rng.choice(LETTERS)}"
        return f"{rng.choice(LETTERS)}{rng.randint(0, 9)}{rng.randint(0, 9)}"
    if system == "NCRP" and rng.random() < 0.5:
        return rng.choice("ST") + rng.choice(LETTERS) + rng.choice(LETTERS)
    return "".join(rng.choice(LETTERS) for _ in range(3))


def code_in(rng: random.Random, system: str, prefix: str, unusual: bool) -> str:
    """A code below a leaf; `unusual` gives a valid code of a shape the report notes."""
    digits = f"{rng.randrange(100):02d}"
    if unusual:
        return prefix + f"{rng.randrange(1000):03d}"  # six characters: no system's usual shape
    if system == "NCMP":
        return prefix + rng.choice(LETTERS) + digits
    if system == "NCRP":
        if prefix[0] in "ST" and prefix[1:].isalpha() and rng.random() < 0.7:
            return prefix + "0" + rng.choice("ABCD") + rng.choice("ADGKLN")
        return prefix + digits + rng.choice("ABGKL")
    return prefix + digits


def text_for(rng: random.Random, system: str, code: str, regions: dict[str, str]) -> str:
    """A fresh text for a code; NCRP examinations share their leaf's region name."""
    if system == "NCSP":
        return procedure(rng)
    if system == "NCMP":
        return examination(rng)
    if system == "NCRP":
        if len(code) == 6 and code[3] == "0" and code[4:].isalpha():
            region = regions.setdefault(code[:3], region_name(rng))
            return imaging(rng, region, code[5])
        return guided(rng)
    if code[1:3].isalpha():
        return drug(rng, code)
    text = procedure(rng)
    return "Særkode for " + text[0].lower() + text[1:]
