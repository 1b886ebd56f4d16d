"""A small sample of code lists for tests: `python -m tests.sample OUT_DIR`.

Codes and texts are written for this project (a few flagship procedures keep
their well-known codes). The output is byte-deterministic; tests write it into
a temporary folder (`tests.helpers.sample_manifest`), beside copies of the
hand-edited `data/names.yaml` and `data/deadlines.yaml`. The files carry the quirks of the real
lists: Windows-1252 with spaced codes, a CSV with quoted texts, UTF-8 with and
without BOM, workbooks with and without a header, tab-prefixed cells, a sheet
chosen by name, a blank line, cosmetic white space and a repeated row; the
2017 workbook has the optional columns of the official one (sample_details.py).
`PLANTED` names the codes of each change.
"""

from __future__ import annotations

import datetime
import io
import re
import sys
import zipfile
from pathlib import Path

from openpyxl import Workbook

from .sample_details import DETAIL_HEADER, detail_cells, first_years

YEARS = (2015, 2016, 2017)
FIXED_TIME = datetime.datetime(2017, 1, 1, 0, 0, 0)

# What changes between releases; tests and the lead's checks rely on these.
PLANTED = {
    "new": {2016: ["FMD12", "JKA22", "KEC02", "HAE10", "NGE36", "AAFE20", "BGFX10",
                   "GDFX20", "IBBA10", "WGFX10", "SNG0AG", "SJX0AG", "TSC0AL"],
            2017: ["ZXL20", "ACC56", "JDF12", "WNJA00", "OBAB00", "HAB00G", "4AC05", "1XC07"]},
    "expired": {2016: ["CJE25", "TQX00", "TDH00", "TKC20", "DCA10", "CGFX05", "IBBA05",
                       "JFFX20", "SJX0AA"],
                2017: ["JDF10", "PHD20", "WPCK00", "TBA0AN", "2XX02"]},
    "changed_text": {2016: ["NFB20", "EMB15", "FPGE00", "SKA0AK"],
                     2017: ["GBB00", "GDFM00", "WL000"]},
    "reactivated": {2017: ["DCA10", "JFFX20"]},  # present 2015, absent 2016
    "moved": {2016: [("TAB00", "ABT00"), ("TJA33", "JAT33"), ("XJA10", "JAH01"),
                     ("ABFX00", "ABFM00"), ("TJJ10", "JJA20K")]},  # last: NCSP -> NCRP
    "unusual_shape": {2015: ["AA027"]},  # printed "AA0 27" in the 2015 file
    "whitespace_only": {2016: ["SNC0AG", "SHA0AK"], 2017: ["A0093"]},  # not a change
}

NCSP_2015 = """
AAA00 Eksplorativ kraniotomi | AAA10 Biopsi av hjernevev gjennom kraniotomi
AA027 Innsetting av trykkmåler i hjerneparenkym | AAB00 Fjerning av epiduralt hematom
AAD10 Evakuering av akutt subduralt hematom
AAD15 Drenasje av kronisk subduralt hematom gjennom borehull | AAF00 Ekstern ventrikkeldrenasje
AAF10 Innsetting av ventrikuloperitoneal shunt | AAK00 Reseksjon av intrakraniell svulst
ABC16 Fjerning av lumbalt skiveprolaps | ABC26 Mikrokirurgisk fjerning av lumbalt skiveprolaps
ABC36 Dekompresjon ved lumbal spinalstenose | ACC51 Frigjøring av nervus medianus i håndleddet
ACC53 Frigjøring av nervus ulnaris ved albuen
BAA20 Reseksjon av knute i tyreoidea | BAA40 Hemityreoidektomi | BAA60 Total tyreoidektomi
BBA20 Fjerning av adenom i biskjoldbruskkjertel | BCA10 Unilateral adrenalektomi
BCA11 Laparoskopisk unilateral adrenalektomi
CBB20 Blefaroplastikk av øvre øyelokk | CHD20 Trabekulektomi
CJE20 Fakoemulsifikasjon av katarakt med innsetting av kunstig linse
CJE25 Ekstrakapsulær kataraktoperasjon uten kunstig linse | CKC10 Laserbehandling av netthinnen
CKD65 Vitrektomi via pars plana
DCA10 Myringotomi | DCA20 Myringotomi med innsetting av ventilasjonsrør
DDA10 Innsetting av kokleaimplantat | DHD30 Septumplastikk | DMD00 Endoskopisk kirurgi i bihulene
DQB00 Biopsi fra strupehodet | DQC20 Mikrolaryngoskopi med fjerning av lesjon
EBA10 Ekstraksjon av tann | EBA20 Kirurgisk fjerning av retinert tann
EEC10 Osteosyntese av brudd i underkjeven | EEC20 Kjevekirurgi ved obstruktiv søvnapné
EMB10 Tonsillektomi | EMB15 Tonsillotomi | EMB30 Adenotomi
FKD10 Erstatning av aortaklaff med biologisk protese
FKD20 Erstatning av aortaklaff med mekanisk protese
FNA00 Aortokoronar bypass med venegraft, én anastomose
FNC10 Koronar bypass med arteria mammaria interna | FPE00 Innsetting av enkammer pacemaker
FPE10 Innsetting av tokammer pacemaker
GAA10 Torakoskopi | GAB30 Torakoskopisk pleurodese | GBB00 Trakeostomi
GDA00 Kilereseksjon av lunge | GDC10 Lobektomi av lunge | GDC11 Torakoskopisk lobektomi
HAB00 Biopsi av mamma | HAB40 Sektorreseksjon av mamma | HAC10 Enkel mastektomi
HAC20 Mastektomi med fjerning av aksillære lymfeknuter | HAE00 Rekonstruksjon av mamma med protese
JAB30 Reparasjon av lyskebrokk med nett | JAB31 Laparoskopisk reparasjon av lyskebrokk med nett
JAD10 Reparasjon av navlebrokk | JDF10 Gastrisk bypass | JDF11 Laparoskopisk gastrisk bypass
JDF21 Laparoskopisk sleeve-reseksjon av ventrikkelen | JEA00 Appendektomi
JEA01 Laparoskopisk appendektomi | JFB30 Høyresidig hemikolektomi
JFB31 Laparoskopisk høyresidig hemikolektomi | JFB40 Venstresidig hemikolektomi
JFB60 Sigmoideumreseksjon | JGB00 Fremre rektumreseksjon | JHA10 Incisjon av perianal abscess
JHD20 Hemoroidektomi | JJB10 Reseksjon av leversegment | JKA20 Kolecystektomi
JKA21 Laparoskopisk kolecystektomi | JLC30 Pankreatikoduodenektomi (Whipples operasjon)
JMA00 Splenektomi | JMA01 Laparoskopisk splenektomi
KAC00 Nefrektomi | KAC01 Laparoskopisk nefrektomi | KAS10 Nyretransplantasjon
KCD32 Transuretral reseksjon av blæretumor | KCE20 Total cystektomi | KEC00 Radikal prostatektomi
KEC01 Laparoskopisk radikal prostatektomi | KED22 Transuretral reseksjon av prostata (TURP)
KFD46 Vasektomi | KGV20 Sirkumsisjon
LAF00 Unilateral salpingooforektomi | LAF01 Laparoskopisk unilateral salpingooforektomi
LCB25 Hysteroskopisk reseksjon av endometriet | LCD00 Total abdominal hysterektomi
LCD01 Laparoskopisk total hysterektomi | LCD10 Vaginal hysterektomi | LCH00 Abrasio av livmoren
LDC00 Konisering av cervix | LGA11 Laparoskopisk sterilisering av kvinne
MAA00 Amniocentese | MAC00 Cerclage av livmorhalsen | MBA00 Manuell uthenting av placenta
MCA10 Keisersnitt | MDA00 Vakuumforløsning | MDC00 Tangforløsning
NBA11 Artroskopisk subakromial dekompresjon | NBL11 Artroskopisk sutur av rotatormansjetten
NCJ70 Osteosyntese av brudd i distale radius med plate
NDM09 Fasciektomi ved Dupuytrens kontraktur
NFB12 Innsetting av hemiprotese i hofteledd med sement
NFB20 Primær innsetting av totalprotese i hofteledd uten sement
NFB30 Primær innsetting av totalprotese i hofteledd, hybrid
NFB40 Primær innsetting av totalprotese i hofteledd med sement
NFJ60 Osteosyntese av lårhalsbrudd med skruer
NGB40 Primær innsetting av totalprotese i kneledd med sement
NGD11 Artroskopisk partiell meniskektomi | NGE35 Artroskopisk rekonstruksjon av fremre korsbånd
NHJ60 Osteosyntese av ankelbrudd
PDH21 Reseksjon av abdominalt aortaaneurisme med rørprotese | PHD10 Stripping av vena saphena magna
PHD20 Ekstirpasjon av varikøse vener | PJA00 Biopsi av lymfeknute
PJD42 Disseksjon av lymfeknuter i aksillen
QAB10 Eksisjon av hudlesjon i ansiktet | QBA00 Incisjon av abscess i huden på truncus
QBB10 Eksisjon av hudlesjon på truncus | QCB10 Eksisjon av hudlesjon på arm
QDB10 Eksisjon av hudlesjon på ben | QDG10 Delhudstransplantasjon til ben
TAB00 Lumbalpunksjon | TDH00 Fjerning av fremmedlegeme fra nesen
TJA33 Tapping av ascites (parasentese) | TJJ10 Perkutan nålebiopsi av lever, ultralydveiledet
TKC20 Innlegging av urinkateter | TQX00 Fjerning av sutur
UGC12 Bronkoskopi | UJD02 Gastroskopi | UJD05 Gastroskopi med biopsi | UJF32 Koloskopi
UJF35 Koloskopi med biopsi | UKC02 Cystoskopi
XCD00 Undersøkelse av øye i narkose | XJA10 Diagnostisk laparoskopi
XLA00 Gynekologisk undersøkelse i narkose
YFA00 Uttak av hjerte fra avdød giver | YJA00 Uttak av lever fra avdød giver
YKA00 Uttak av nyre fra avdød giver | YKA01 Uttak av nyre fra levende giver
ZXA00 Høyre side | ZXA05 Venstre side | ZXA10 Bilateral
ZXC00 Konvertering fra laparoskopisk til åpen prosedyre | ZXD00 Prosedyre utført som reoperasjon
"""

NCMP_2015 = """
AAAA00 EEG-overvåking med elektroder på hodebunnen | AAFE00 Elektroencefalografi (EEG)
AAFE05 EEG etter søvndeprivasjon | AAFE10 Langtids-EEG med video
ABFX00 Lumbalpunksjon med trykkmåling | ACFE00 Nevrografi
ACFE10 Elektromyografi (EMG) med nålelektrode | ADFX00 Visuelt fremkalte responser (VEP)
BCFX00 Synacthentest | BGFX05 Kontinuerlig glukosemåling med subkutan sensor
CGFX05 Måling av hornhinnens krumning (keratometri) | CKDP10 Fotografering av øyebunnen
CXFX00 Perimetri
DFFE00 Vestibulær undersøkelse med kalorisk stimulering | DHFM00 Rinomanometri
DXFX10 Toneaudiometri | DXFX11 Tympanometri
FAFM00 Måling av sentralt venetrykk via kateter | FPFE10 Arbeids-EKG
FPFE20 Langtidsregistrering av EKG (Holter) | FPGE00 Elektrokonvertering av atrieflimmer
FPGX10 Avbrytelse av takykardi med rask pacing ("overdrive")
GBGC00 Innsetting eller bytte av trakealkanyle
GCFF05 Måling av PEF (peak expiratory flow) over tid | GDFC00 Spirometri
GDFC05 Spirometri – reversibilitetstest med bronkodilatator
GDFM00 Måling av respiratoriske munntrykk og "sniff"-test
GXAV10 Behandling med kontinuerlig positivt luftveistrykk (CPAP) ved søvnapné
GXAV20 Behandling med ikke-invasiv ventilasjonsstøtte
IAAA00 Strukturert klinisk intervju | IBBA00 Kognitiv atferdsterapi | IBBA05 Familieterapi
JAGD00 Hemodialyse | JAGD30 Peritonealdialyse, kronisk | JCFM00 Øsofagusmanometri
JDFX00 Pusteprøve for påvisning av Helicobacter pylori (ureatest) | JFFX20 Laktosebelastningstest
KCFM03 Cystometri | KXFC05 Miksjonsliste; registrering av vannlating over to døgn
MAFE05 Fosterovervåking med EKG-analyse | MAFX00 Kardiotokografi (CTG)
NXFT00 Krystallundersøkelse av leddvæske i mikroskop
OAAA00 Utredning av funksjon og mestring | OBAA00 Mestringssamtale
PHFM05 Måling av ankel-arm-indeks | PKFF00 Laser-Doppler-måling av blodstrøm i huden
QDGX10 Sårbehandling av diabetisk fotsår | QXFT00 Mikroskopi for påvisning av sopp
RAFT00 Beinmargsaspirasjon med mikroskopi | RKGM00 Tilførsel av koagulasjonsfaktor
RPGD00 Plasmaferese
WBGM00 Intravenøs legemiddelinfusjon | WDAA10 Overvåking av anestesidybde
WGFX00 Prikktest med luftveisallergener | WGFX05 Prikktest med matallergener
WJAT01 Total parenteral ernæring | WLGP00 Oppstart av langtids oksygenbehandling i hjemmet
WMAA00 Tverrfaglig utredning | WPCK00 Pasientopplæring i gruppe
ZWNM00 Prosedyren gjennomføres daglig | ZWNM01 Prosedyren gjennomføres to ganger i uken
"""

# NCRP examinations: region code, region text, modality letters (A RG, D CT, G MR, K UL).
NCRP_REGIONS = [("SAA0", "Caput", "ADGK"), ("SCA0", "Orbita", "ADG"),
                ("SNA0", "Cervikalkolumna", "ADG"), ("SNC0", "Lumbalkolumna", "ADG"),
                ("SNF0", "Hofte", "AGK"), ("SNG0", "Kne", "A"), ("SSC0", "Toraks", "ADG"),
                ("SJC0", "Øsofagus", "A"), ("SJX0", "Abdomen", "ADK"),
                ("SKA0", "Nyrer", "DGK"), ("SHA0", "Mamma", "AGK")]
MODALITIES = {"A": "RG", "D": "CT", "G": "MR", "K": "UL"}
NCRP_2015_OTHER = """
TAA0AN NM Hjerneperfusjonsscintigrafi | TBA0AN NM Tyreoideascintigrafi
TFY0AN NM Myokardscintigrafi i hvile | TKA0BN NM Renografi | TNX0AN NM Skjelettscintigrafi
AAE11B Kateterbasert fjerning av trombe i hjernearterie
BAA00K Finnålspunksjon av tyreoidea, ultralydveiledet | HAB00K Biopsi av mamma, ultralydveiledet
KAJ00A Perkutan nefrostomi, gjennomlysningsveiledet | KAJ00K Perkutan nefrostomi, ultralydveiledet
PDQ20B Perkutan transluminal angioplastikk av arteria iliaca
"""

SK_2015 = """
1LA04 Legemiddelbehandling med ranibizumab (S01LA04)
1XC02 Legemiddelbehandling med rituksimab (L01XC02)
1XC03 Legemiddelbehandling med trastuzumab (L01XC03)
2XX01 Behandling med utprøvende legemiddel i klinisk studie
2XX02 Utprøving av medisinsk utstyr i klinisk studie
4AA23 Legemiddelbehandling med natalizumab (L04AA23)
4AB01 Legemiddelbehandling med etanercept (L04AB01)
4AB02 Legemiddelbehandling med infliksimab (L04AB02)
4AB04 Legemiddelbehandling med adalimumab (L04AB04) | A0093 Peritonealdialyse i hjemmet
A0099 Opplæring av pasienter i gruppe | WL000 Utskriving av H-resept
"""

# Per year and system: codes dropped, then codes set (new or with a new text).
CHANGES = {
    2016: {
        "NCSP": ("TAB00 TJA33 XJA10 TJJ10 CJE25 TQX00 TDH00 TKC20 DCA10", """
ABT00 Lumbalpunksjon | JAT33 Tapping av ascites (parasentese) | JAH01 Diagnostisk laparoskopi
FMD12 Kateterbasert innsetting av aortaklaff (TAVI)
JKA22 Laparoskopisk kolecystektomi med peroperativ kolangiografi
KEC02 Robotassistert radikal prostatektomi | HAE10 Rekonstruksjon av mamma med eget vev
NGE36 Artroskopisk rekonstruksjon av bakre korsbånd
NFB20 Primær totalprotese i hofteledd, usementert
EMB15 Tonsillotomi (delvis fjerning av mandlene)
"""),
        "NCMP": ("ABFX00 CGFX05 IBBA05 JFFX20", """
ABFM00 Lumbalpunksjon med trykkmåling | AAFE20 Polysomnografi | BGFX10 Oral glukosebelastning
GDFX20 "Shuttle"-gangtest for måling av arbeidskapasitet | IBBA10 Gruppeterapi
WGFX10 Epikutantest (lappetest) | FPGE00 Elektrokonvertering av atrieflimmer eller atrieflutter
"""),
        "NCRP": ("SJX0AA", """
JJA20K Perkutan nålebiopsi av lever, ultralydveiledet | SNG0AG MR Kne | SJX0AG MR Abdomen
TSC0AL PET/CT Toraks | SKA0AK UL Nyrer og urinveier
"""),
    },
    2017: {
        "NCSP": ("JDF10 PHD20", """
DCA10 Myringotomi | ZXL20 Implantasjon av individuelt utformet protese (customized)
ACC56 Endoskopisk frigjøring av nervus medianus i håndleddet
JDF12 Laparoskopisk gastrisk bypass med én anastomose | GBB00 Kirurgisk trakeostomi
"""),
        "NCMP": ("WPCK00", """
JFFX20 Laktosebelastningstest | WNJA00 Lysbehandling med smalspektret UVB
OBAB00 Veiledet fysisk trening i gruppe | GDFM00 Måling av respiratoriske munntrykk og 'sniff'-test
"""),
        "NCRP": ("TBA0AN", """
HAB00G Biopsi av mamma, MR-veiledet
"""),
        "SK": ("2XX02", """
4AC05 Legemiddelbehandling med ustekinumab (L04AC05)
1XC07 Legemiddelbehandling med bevacizumab (L01XC07)
WL000 Utskriving av resept på H-reseptlegemiddel
"""),
    },
}

# White space that only one written file carries (the cleaned text is as above).
COSMETIC = {"ncrp_2015.txt": {"SNC0AG": "MR  Lumbalkolumna", "SHA0AK": "UL Mamma "},
            "saerkoder_2017.txt": {"A0093": "Peritonealdialyse  i hjemmet"}}
HEADER = ["Kodeverk", "Kode", "Tekst"]

Codes = dict[str, str]


def _parse(block: str) -> Codes:
    """Read `CODE text` entries, one or more a line split by ` | `, into code -> text."""
    entries = (e.strip() for line in block.strip().splitlines() for e in line.split(" | "))
    return dict(e.split(" ", 1) for e in entries)


def _ncrp_2015() -> Codes:
    codes = {f"{region}A{m}": f"{MODALITIES[m]} {name}"
             for region, name, letters in NCRP_REGIONS for m in letters}
    codes.update(_parse(NCRP_2015_OTHER))
    return codes


def releases() -> dict[int, dict[str, Codes]]:
    """The cleaned code lists: year -> system -> code -> text (SK absent in 2016)."""
    current = {"NCSP": _parse(NCSP_2015), "NCMP": _parse(NCMP_2015),
               "NCRP": _ncrp_2015(), "SK": _parse(SK_2015)}
    result = {2015: {s: dict(sorted(c.items())) for s, c in current.items()}}
    for year in YEARS[1:]:
        for system, (drop, block) in CHANGES[year].items():
            codes = current[system]
            for code in drop.split():
                del codes[code]
            codes.update(_parse(block))
        result[year] = {s: dict(sorted(c.items())) for s, c in current.items()}
    del result[2016]["SK"]  # no særkoder file in 2016: a gap, not an expiry
    return result


def _text_bytes(lines: list[str], encoding: str) -> bytes:
    return "".join(line + "\n" for line in lines).encode(encoding)


def ncsp_txt(codes: Codes) -> bytes:
    """Windows-1252, tab-separated, codes printed `JKA 21` / `AA0 27`, a blank line."""
    lines: list[str] = []
    for code, text in sorted(codes.items()):
        if code == "JAB30":
            lines.append("")
        lines.append(f"{code[:3]} {code[3:]}\t{text}")
    return _text_bytes(lines, "cp1252")


def _csv_field(text: str) -> str:
    """Quote a field as a CSV writer does when it holds quotes or the delimiter."""
    if '"' in text or ";" in text:
        return '"' + text.replace('"', '""') + '"'
    return text


def ncmp_csv(codes: Codes) -> bytes:
    lines = [f"{code};{_csv_field(text)}" for code, text in sorted(codes.items())]
    return _text_bytes(lines, "cp1252")


def tab_txt(codes: Codes, encoding: str, name: str, header: list[str] | None = None) -> bytes:
    """Tab-separated text; the file's COSMETIC white space is written as it stands."""
    cosmetic = COSMETIC.get(name, {})
    lines = ["\t".join(header)] if header else []
    lines += [f"{code}\t{cosmetic.get(code, text)}" for code, text in sorted(codes.items())]
    return _text_bytes(lines, encoding)


def _normalise_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed entry dates, stored entries and a fixed core.xml date."""
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*",
                              rb"\g<1>" + stamp.encode(), body)
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_STORED
            entry.create_system = 3
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, body)
    return out.getvalue()


def xlsx(sheets: list[tuple[str, list[list[str]]]]) -> bytes:
    """A workbook with the given sheets (title, rows), byte for byte reproducible."""
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.properties.creator = "nkpk-site sample"
    book.properties.created = FIXED_TIME
    book.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    book.save(buffer)
    return _normalise_zip(buffer.getvalue())


def _system_rows(release: dict[str, Codes], systems: tuple[str, ...]) -> list[list[str]]:
    return [[s, code, text] for s in systems for code, text in release[s].items()]


def workbook_2017(release: dict[str, Codes], first: dict[str, int]) -> bytes:
    """Info sheet first, codes with the optional columns on the second; one row repeated verbatim."""
    rows = [row + detail_cells(*row, first[row[1]]) for row in _system_rows(release, ("NCSP", "NCMP", "NCRP"))]
    at = next(i for i, row in enumerate(rows) if row[1] == "SAA0AD")
    rows.insert(at + 1, list(rows[at]))
    info = [["Eksempeldata for NKPK-nettstedet"], ["Kodene står på arket Prosedyrekoder 2017."]]
    return xlsx([("Om filen", info), ("Prosedyrekoder 2017", [HEADER + DETAIL_HEADER] + rows)])


def change_document(r: dict[int, dict[str, Codes]]) -> bytes:
    """An official change document for NCSP 2016: every planted NCSP change but one (NGE36, left
    out so that the build report has a disagreement to show), and one named replacement."""
    before, after = r[2015]["NCSP"], r[2016]["NCSP"]
    rows = ["Kode;Endringstype;Kodetekst;Erstattet av"]
    for code in sorted(after.keys() - before.keys() - {"NGE36"}):
        rows.append(f"{code};NY;{after[code]};")
    for code in sorted(before.keys() - after.keys()):
        rows.append(f"{code};UTGÅR;{before[code]};{'JAH01' if code == 'XJA10' else ''}")
    for code in sorted(c for c in after.keys() & before.keys() if after[c] != before[c]):
        rows.append(f"{code};ENDRET;{after[code]};")
    return ("\n".join(rows) + "\n").encode("utf-8")


def files() -> dict[str, bytes]:
    """Every file of the sample by its name in the output folder."""
    r = releases()
    ncmp_2016 = [[code, "\t" + text] for code, text in r[2016]["NCMP"].items()]
    return {
        "ncsp_2015.txt": ncsp_txt(r[2015]["NCSP"]),
        "ncmp_2015.csv": ncmp_csv(r[2015]["NCMP"]),
        "ncrp_2015.txt": tab_txt(r[2015]["NCRP"], "utf-8", "ncrp_2015.txt"),
        "saerkoder_2015.txt": tab_txt(r[2015]["SK"], "utf-8-sig", "saerkoder_2015.txt"),
        "ncmp_2016.xlsx": xlsx([("NCMP2016", ncmp_2016)]),
        "prosedyrekoder_2016.xlsx": xlsx([("Prosedyrekoder 2016",
                                           [HEADER] + _system_rows(r[2016], ("NCSP", "NCRP")))]),
        "endringer_ncsp_2016.csv": change_document(r),
        "Prosedyrekoder 2017.xlsx": workbook_2017(r[2017], first_years(r)),
        "saerkoder_2017.txt": tab_txt(r[2017]["SK"], "utf-8", "saerkoder_2017.txt",
                                      ["Særkode", "Beskrivelse"]),
        "releases.yaml": MANIFEST.encode("utf-8"),
    }


MANIFEST = """\
# Sample releases for tests, written by tests/sample.py.
# names.yaml and deadlines.yaml are copies of the project's own.
names: names.yaml
deadlines: deadlines.yaml
releases:
  - year: 2015
    files:
      - path: ncsp_2015.txt          # Windows-1252, tab, codes printed "JKA 21"
        system: NCSP
      - path: ncmp_2015.csv          # Windows-1252, semicolon, CSV-quoted texts
        system: NCMP
        encoding: windows-1252
      - path: ncrp_2015.txt          # UTF-8 without BOM, cosmetic white space
        system: NCRP
      - path: saerkoder_2015.txt     # UTF-8 with BOM
        system: SK
  - year: 2016                       # no særkoder this year
    files:
      - path: ncmp_2016.xlsx         # no header, texts start with a tab
        system: NCMP
      - path: prosedyrekoder_2016.xlsx   # header Kodeverk, Kode, Tekst
      - path: endringer_ncsp_2016.csv    # official change document: change type, replacement
        system: NCSP
        kind: changes
  - year: 2017
    files:
      - path: "Prosedyrekoder 2017.xlsx"   # with the optional columns: 60-character text, dates, flags, notes
        sheet: Prosedyrekoder 2017
      - path: saerkoder_2017.txt     # UTF-8, own header names
        system: Særkoder
        header: true
        columns: {code: Særkode, text: Beskrivelse}
"""


DATA = Path(__file__).resolve().parents[1] / "data"
COPIED = ("names.yaml", "deadlines.yaml")  # hand-edited files of the project that the sample's manifest names


def generate(out_dir: Path) -> list[Path]:
    """Write the sample into out_dir, with copies of the project's names and deadlines; return the paths written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    copies = {name: (DATA / name).read_bytes() for name in COPIED}
    for name, data in {**files(), **copies}.items():
        path = out_dir / name
        path.write_bytes(data)
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m tests.sample OUT_DIR", file=sys.stderr)
        return 2
    for path in generate(Path(args[0])):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
