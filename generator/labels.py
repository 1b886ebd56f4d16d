"""Norwegian labels shown on pages, in one place."""

from .labels_tools import CHECKER_LABELS, NOTE_LABELS

SYSTEM_NAMES = {
    "NCSP": "NCSP – kirurgiske prosedyrer",
    "NCMP": "NCMP – medisinske prosedyrer",
    "NCRP": "NCRP – radiologi og nukleærmedisin",
    "SK": "Særkoder",
}
SYSTEM_SHORT = {"NCSP": "NCSP", "NCMP": "NCMP", "NCRP": "NCRP", "SK": "Særkoder"}
KIND_TITLES = {"new": "Nye koder", "expired": "Utgåtte koder", "text": "Endret tekst", "reactivated": "Gyldige igjen"}
EVENT_LABELS = {
    "baseline": "Med fra første utgave i datagrunnlaget", "new": "Ny kode", "expired": "Utgått",
    "text": "Tekst endret", "reactivated": "Gyldig igjen",
}
SUCCESSOR_LABELS = {"official": "Erstattet av", "moved": "Flyttet til", "similar": "Ny kode med nesten lik tekst"}
PREDECESSOR_LABELS = {"official": "Erstatter", "moved": "Flyttet fra", "similar": "Tidligere kode med nesten lik tekst"}

# A code's status: one wording on the code page, in the checker, in search hits and in the JSON
# (`{year}`: a release; a valid code's newest release gets NEWEST_HERE). The browser scripts read
# these from the data files they load: `status` in api/kodeliste.json and in the search file.
STATUS_LABELS = {
    "valid": "Gyldig i {year}",
    "expired": "Utgått fra {year}",
    "future": "Ikke gyldig ennå (fra {year})",
    "absent": "Ikke i utgaven (ingen liste for {system})",
    "unknown": "Ukjent kode",
    "malformed": "Ugyldig format",
    "newest": " (nyeste utgave her)",
    "none": "ingen etterfølger",
}


def code_status(active: bool, year: int) -> str:
    """`Gyldig i 2017 (nyeste utgave her)` (year: the newest release) or `Utgått fra 2017` (the first without it)."""
    if active:
        return STATUS_LABELS["valid"].format(year=year) + STATUS_LABELS["newest"]
    return STATUS_LABELS["expired"].format(year=year)

# Where the code list in force is published (the site carries the releases in its data only).
IN_FORCE_NAME = "FinnKode"
IN_FORCE_URL = "https://finnkode.helsedirektoratet.no/"

# The words and sentences that page modules put together: `{...}` are str.format fields.
LEVEL_NAMES = ("Kapittel", "Gruppe", "Undergruppe")
LEVEL_PLURALS = ("Kapitler", "Grupper", "Undergrupper")


def level_name(level: int, plural: bool = False) -> str:
    """What a level of the hierarchy is called (0: chapter); deeper levels are all subgroups."""
    names = LEVEL_PLURALS if plural else LEVEL_NAMES
    return names[min(level, len(names) - 1)]


PERIOD = "{first}–{last} ({count} utgaver)"
TIMELINE_NOTES = {
    "absent": "Ikke med i utgaven",
    "first": "Første utgave med koden",
    "changed": "Endret tekst",
    "back": "Gyldig igjen",
    "and_back": "{note}, gyldig igjen",
}
BOOK_SOURCE = "den trykte kodeboka for {year}"  # notes from a book: linked to its file on the downloads page
PRINTED_BOOK = " (den trykte kodeboka)"  # after the format of a book's file on the downloads page
WHOLE_CHAPTER_AS_BOOK = "Hele kapittel {prefix} som bok"
CHAPTER = "Kapittel {prefix}"
OPEN_ALL_CHAPTERS = "Åpne alle kapitler"  # a change page's button (the script's words: BROWSER_LABELS)
BOOK_TITLE = "{system} {heading} – bokvisning"
COMPARED_FIRST = "Første utgave av {name} i datagrunnlaget: grunnlaget som senere utgaver sammenlignes med."
COMPARED_ACROSS_GAP = (
    "Sammenlignet med {year}, forrige utgave som har {name}. "
    "Utgaver mellom {year} og {now} har ikke med dette kodeverket."
)
COMPARED = "Sammenlignet med utgaven for {year}."
CHANGES_TITLE = "Endringer i utgaven for {year}"
CHANGES_OVERVIEW_TITLE = "Endringer"
ALL_RELEASES = "Alle utgaver"
ALL_CHANGES_IN = "Alle endringer i {year}"
EARLIER_CHANGES = "Endringer i tidligere utgaver"
FEED_LINK = "Atom-feed"
FEED_FIRST = "{system}: første utgave i datagrunnlaget ({count} koder)"
FEED_COUNTS = "{system} (mot {year}): {counts}"
ALL_DEADLINES = "Alle frister"
SEVERAL_SYSTEMS = "Flere (kolonne i filen)"
REPORT_AS_TEXT = "tekst"
PROPOSE_CHANGE = "Foreslå en endring"
ENGLISH_TEXT = "Engelsk tekst (nordisk felles versjon)"  # a code page's English text (NCSP, NOMESCO)
ENGLISH_CARRIED = "overført fra"  # ... the code the English text belongs to in the Nordic file
API_PAGE_LINK = "API og åpne data"
COMPARE_PAGE_LINK = "Sammenlign to utgaver"
DOWNLOADS_PAGE_LINK = "Nedlasting"
# The JSON endpoints on the API page (api/): anchor -> (title, what it holds).
API_ENDPOINTS = {
    "kode": (
        "En kode",
        "Koden i hver utgave den er med i, eldste først, med tekst og de valgfrie kolonnene utgaven har. "
        "En NCSP-kode med engelsk tekst (nordisk felles versjon) har den under english; from er koden "
        "teksten er overført fra, der den hører til en tidligere kode.",
    ),
    "endringer": (
        "Endringer i en utgave",
        "Nye, utgåtte, gjeninnførte koder og endrede tekster, hvert kodeverk mot sin forrige utgave "
        "(compared_with; null: første utgave av kodeverket). En utgått kode har etterfølgerne sine.",
    ),
    "kodeliste": (
        "Alle koder i kompakt form",
        "Én fil med alle koder: i hvilke utgaver (present: ett tegn per utgave, «.» der koden ikke er med, "
        "ellers kodeverkets nummer i systems), tekstene (første tekst, så utgavenummer og ny tekst ved hver "
        "endring) og etterfølgere ([utgavenummer, art, kode]). Sjekk av kodeliste og sammenligningen bruker "
        "den.",
    ),
    "fhir-codesystem": (
        "FHIR CodeSystem",
        "FHIR R4 CodeSystem med system urn:oid:2.16.578.1.12.4.1.1.7275, som norske FHIR-profiler bruker for "
        "NCSP, NCMP og NCRP. Én for alle utgaver (nyeste tekst, status) og én per utgave (version = året).",
    ),
    "fhir-conceptmap": (
        "FHIR ConceptMap",
        "Hver kode som gikk ut i utgaven, med etterfølgerne: equivalent (samme tekst under ny kode), "
        "relatedto (offisiell erstatning eller nesten lik tekst) eller unmatched (ingen funnet).",
    ),
    "byggerapport": (
        "Byggerapporten",
        "Antall koder per utgave og kodeverk, og hvert funn da filene ble lest, med fil og linje.",
    ),
}

# Open data (opendata/): what the harmonised tables say in their cells, and each file's title and description.
CHANGE_WORDS = {"new": "ny", "expired": "utgått", "text": "endret tekst", "reactivated": "gjeninnført"}
SUCCESSOR_WORDS = {"official": "offisiell", "moved": "flyttet", "similar": "nesten lik tekst"}
# The harmonised tables' column headers: each release's table (with its optional columns), all releases, all changes.
RELEASE_COLUMNS = ("kodeverk", "kode", "tekst", "første_utgave", "endring")
DETAIL_COLUMNS = {
    "text60": "kort_tekst",
    "valid_from": "gyldig_fra",
    "valid_to": "gyldig_til",
    "addon": "tilleggskode",
    "gender": "kjønn",
    "inclusion": "inkluderer",
    "exclusion": "ekskluderer",
    "note": "merknad",
    "npr": "rapporteres_til_npr",
}
ALL_COLUMNS = ("år", "kodeverk", "kode", "tekst")
CHANGE_COLUMNS = ("fra", "til", "kodeverk", "kode", "endring", "før", "etter", "etterfølgere")
ALL_RELEASES_FILE = ("Alle utgaver (CSV)", "Én rad per kode per utgave, alle år: år, kodeverk, kode, tekst.")
ALL_CHANGES_FILE = (
    "Alle endringer (CSV)",
    "Én rad per endring i hver utgave: fra, til, kodeverk, kode, endring, før, etter, etterfølgere.",
)
RELEASE_FILE = "Alle koder i utgaven for {year}, {count} rader, i kolonnene som er beskrevet over."
FHIR_ALL_FILE = (
    "FHIR CodeSystem, alle utgaver",
    "Alle koder som har vært med i en utgave, med nyeste tekst, kodeverk, status, "
    "utgåttår, første utgave, kapittel og gruppe.",
)
FHIR_RELEASE_FILE = ("FHIR CodeSystem {year}", "Kodene og tekstene i utgaven for {year} (version = {year}).")
FHIR_MAP_FILE = ("FHIR ConceptMap {previous}–{year}", "Koder som gikk ut i {year}, med etterfølgerne sine.")
FILE_FORMATS = {".csv": "CSV (UTF-8)", ".xlsx": "Excel-arbeidsbok", ".json": "JSON"}  # the API and downloads pages
DOWNLOAD_FORMATS = {  # the release files as published (frister/nedlasting)
    ".xlsx": "Excel-arbeidsbok",
    ".xls": "Excel-arbeidsbok (eldre format)",
    ".ods": "OpenDocument-regneark",
    ".csv": "CSV-fil (tekst)",
    ".txt": "Tekstfil",
    ".json": "JSON-fil",
}
OTHER_FORMAT = "Fil"
# The address pattern of each JSON endpoint on the API page, and the title and description of its JSON Schema.
API_PATTERNS = {
    "kode": "api/kode/<KODE>.json",
    "endringer": "api/endringer/<ÅR>.json",
    "fhir-codesystem": "api/fhir/CodeSystem-nkpk.json og api/fhir/<ÅR>/CodeSystem-nkpk.json",
    "fhir-conceptmap": "api/fhir/<ÅR>/ConceptMap-nkpk-<FRA>-<ÅR>.json",
}
SCHEMA_TEXTS = {
    "kode": ("api/kode/<KODE>.json", "En kode i hver utgave den er med i, eldste først."),
    "endringer": ("api/endringer/<ÅR>.json", "Endringene i én utgave, hvert kodeverk mot sin forrige utgave."),
    "kodeliste": ("api/kodeliste.json", "Alle koder i kompakt form: hvilke utgaver, tekster og etterfølgere."),
    "fhir-codesystem": ("api/fhir/…/CodeSystem-nkpk.json", "FHIR R4 CodeSystem (bare feltene nettstedet fyller ut)."),
    "fhir-conceptmap": (
        "api/fhir/<ÅR>/ConceptMap-nkpk-<FRA>-<TIL>.json", "FHIR R4 ConceptMap fra utgåtte koder til etterfølgere.",
    ),
    "byggerapport": ("rapport/byggerapport.json", "Byggerapporten: antall per utgave og hvert funn i filene."),
}
# The FHIR resources' words (opendata/fhir.py).
FHIR_TITLE = "Norsk klinisk prosedyrekodeverk (NCMP, NCSP og NCRP)"
FHIR_DESCRIPTION = (
    "Kodene i NKPK slik de står i de publiserte kodelistene, lest og ryddet av NKPK-nettstedet. "
    "Dette er ikke en offisiell publisering fra Helsedirektoratet."
)
FHIR_PROPERTIES = {  # the CodeSystem's properties: code -> description
    "kodeverk": "Kodeverket koden hører til: NCSP, NCMP, NCRP eller SK (særkoder).",
    "status": "active: i nyeste utgave; retired: utgått (se utgaatt)",
    "utgaatt": "Utgaven (året) koden gikk ut i, for en utgått kode.",
    "forste-utgave": "Den første utgaven (året) koden er med i.",
    "kapittel": "Kapitlet koden står i (første tegn).",
    "gruppe": "Gruppen koden står i (den nærmeste: to eller tre tegn).",
}
FHIR_MAP_COMMENTS = {  # the ConceptMap's comment on each kind of successor ("unmatched": none found)
    "moved": "Samme tekst under en ny kode.",
    "official": "Erstattet av denne koden ifølge den offisielle endringslisten.",
    "similar": "Ny kode med nesten lik tekst: et forslag som bør vurderes ut fra tekstene.",
    "unmatched": "Ingen etterfølger funnet.",
}
FHIR_MAP_TITLE = "NKPK: utgåtte koder fra {previous} til {year} og etterfølgerne deres"
FHIR_MAP_DESCRIPTION = (
    "Hver kode som gikk ut i utgaven for {year}, med kodene som tok over for den "
    "(samme tekst: equivalent; offisiell erstatning eller nesten lik tekst: relatedto), "
    "eller unmatched der ingen ble funnet. "
)
# The deadlines calendar (frister.ics, pages/ical.py).
CALENDAR_PRODID = "-//NKPK-nettstedet//Frister for prosedyrekodene//NO"
CALENDAR_NAME = "NKPK – frister for prosedyrekodene"
CALENDAR_DESCRIPTION = (
    "Frister for endringsforslag, møter i referansegruppene, vedtak, "
    "publisering og ikrafttredelse i Norsk klinisk prosedyrekodeverk."
)
CALENDAR_SYSTEMS = "Gjelder {systems}."
CALENDAR_RELEASE = "Del av arbeidet med utgaven som tas i bruk {date}."
# The optional columns of a code (the "Detaljer" table of a code page), in the order they are shown.
DETAIL_LABELS = {
    "text60": "Kort tekst (60 tegn)",
    "valid_from": "Gyldig fra",
    "valid_to": "Gyldig til",
    "addon": "Tilleggskode",
    "gender": "Kjønnsspesifikk",
    "inclusion": "Inkluderer",
    "exclusion": "Ekskluderer",
    "note": "Merknad",
    "npr": "Rapporteres til NPR",
}
FLAG_TEXT = {True: "Ja", False: "Nei"}
GENDER_TEXT = {"female": "Ja, bare kvinner", "male": "Ja, bare menn", "any": "Nei"}
# Dates and deadlines (inputs/deadlines.py): `1. mai 2027`, how far ahead, the next deadline in one line.
MONTHS = ("januar", "februar", "mars", "april", "mai", "juni",
          "juli", "august", "september", "oktober", "november", "desember")
DAYS_AHEAD = {0: "i dag", 1: "i morgen", "n": "om {days} dager"}
SPECIAL_CODES = "særkodene"  # SK in a list of code systems: `NCSP og særkodene`
AND = " og "
NEXT_DEADLINE = "Neste frist: {date} – {title} ({release}-utgaven, {days})"
NEXT_PROPOSAL_HEAD = "Neste frist for forslag: {date} – {title} ({release}-utgaven, "

# The words of the site's scripts (site_src/assets/*.js), one part per script. The build writes them as
# assets/nkpk-labels.js (`window.nkpkLabels`, pages/browser_labels.py), loaded on every page before the
# scripts. `{name}` fields are filled by `nkpkLabels.fill(text, {name: value})`; a pair is [one, many].
BROWSER_LABELS = {
    "note": NOTE_LABELS,  # the note page (labels_tools.py)
    "systems": SYSTEM_SHORT,
    "status": STATUS_LABELS,  # a code's status: the same words on code pages, in search hits and the checker
    "search": {
        "expired": "Utgått",  # an expired code whose last release is unknown
        "oldText": "tekst til {year}: ",
        "noHits": "Ingen treff",
        "hits": "{count} treff",
        "loadFailed": "Søket kunne ikke lastes. Prøv igjen senere.",
        "emptyQuery": "Skriv en kode eller et ord i søkefeltet øverst på siden.",
        "resultsFor": "{hits} for «{query}»",
        "showing": ", viser {first}–{last}",
        "previousPage": "Forrige side",
        "nextPage": "Neste side",
        "pageOf": "Side {page} av {last}",
        "didYouMean": "Mente du: ",
        "missing": "ingen treff på",
        "found": "funnet som",
        # how a hit was found, in words (the hit's `why`); a synonym names its thesaurus kind
        "why": {
            "compound": "sammensatt ord",
            "spelling": "annen skrivemåte",
            "english": "engelsk tekst",
            "old-text": "tidligere tekst",
            "typo": "skrivefeil",
            "synonym": "synonym",
        },
        "kinds": {
            "everyday": "hverdagsord",
            "latin": "latin",
            "english": "engelsk",
            "abbreviation": "forkortelse",
            "eponym": "eponym",
            "convention": "NCSP-skrivemåte",
        },
    },
    "checker": CHECKER_LABELS,  # the checker (labels_tools.py)
    "compare": {
        "changeWords": CHANGE_WORDS,  # the kinds of change as the harmonised tables and the filters name them
        "kindTitles": {"new": "Ny", "reactivated": "Gjeninnført", "expired": "Utgått", "text": "Endret tekst"},
        "successorWords": SUCCESSOR_WORDS,
        "csvHeaders": list(CHANGE_COLUMNS),
        "successor": "{code} ({kind}{via})",
        "via": ", via {codes}",
        "ready": "Velg to utgaver og trykk Sammenlign.",
        "loadFailed": "Kodelisten kunne ikke hentes. Last siden på nytt for å prøve igjen.",
        "sameRelease": "Velg to forskjellige utgaver.",
        "system": "Kodeverk",
        "compared": "Sammenlignet",
        "moved": "Flyttet",
        "noListInEither": "ingen liste i {from} eller {to}",
        "noListIn": "ingen liste i {year}",
        "baseNoList": "grunnlag: ingen liste i {year}",
        "notCompared": "ikke sammenlignet",
        "total": "Til sammen",
        "countsCaption": "Antall endringer fra {from} til {to}",
        "caption": "Endringer fra {from} til {to} ({rows} rader{shown})",
        "shown": ", viser {count}",
        "columns": ["Kodeverk", "Kode", "Endring", "Før", "Etter", "Etterfølgere"],
        "movedNote": " (flyttet)",
        "summary": "Fra {from} til {to}: {count} endringer vises.",
        "fileName": "nkpk-endringer-{from}-{to}.csv",
    },
    "everyday": {
        "copyFailed": "Kunne ikke kopiere: merk teksten og kopier den selv.",
        "codeCopied": "Koden {code} er kopiert.",
        "addressCopied": "Adressen er kopiert.",
        "today": DAYS_AHEAD[0],
        "tomorrow": DAYS_AHEAD[1],
        "ahead": DAYS_AHEAD["n"],
        "yesterday": "fristen gikk ut i går",
        "ago": "fristen gikk ut for {days} dager siden",
        "countedFromToday": "Antall dager er regnet fra dagens dato.",
        "next": "(neste)",
        "passed": " (passert)",
        "statesNote": "Merkingen «passert» og «neste» gjelder per dagens dato.",
        "filterShowing": "Viser {shown} av {total} rader.",
        "openAll": OPEN_ALL_CHAPTERS,
        "closeAll": "Lukk alle kapitler",
    },
    "proposal": {
        "fields": {
            "type": "Hva gjelder forslaget",
            "kodeverk": "Kodeverk",
            "kode": "Kode",
            "tekst": "Nåværende tekst",
            "forslag": "Foreslått tekst eller ny kode",
            "begrunnelse": "Begrunnelse",
            "inkluderer": "Inkluderer",
            "ekskluderer": "Ekskluderer",
            "navn": "Navn",
            "virksomhet": "Virksomhet",
            "epost": "E-post",
            "telefon": "Telefon",
        },
        "title": "Forslag til endring i prosedyrekodeverket",
        "contact": "Kontakt",
        "confirm": "Forslaget inneholder ingen helseopplysninger eller andre personopplysninger om pasienter.",
        "needReason": "Skriv en begrunnelse.",
        "needName": "Skriv navnet ditt.",
        "needEmail": "Skriv e-postadressen din, for eksempel navn@sykehus.no.",
        "identityNumber": "Forslaget har et tall på 11 siffer, som kan være et fødselsnummer. "
                          "Fjern det: ingen pasientopplysninger.",
        "needConfirm": "Bekreft at forslaget ikke inneholder opplysninger om pasienter.",
        "notReady": "Forslaget er ikke klart:",
        "downloaded": "Kopien er lastet ned.",
        "copied": "Teksten er kopiert.",
        "copyYourself": "Merk teksten og kopier den selv.",
        "fileName": "endringsforslag{code}.txt",
    },
}
