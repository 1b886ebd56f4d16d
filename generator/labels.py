"""Norwegian labels shown on pages, in one place."""

SYSTEM_NAMES = {
    "NCSP": "NCSP – kirurgiske prosedyrer",
    "NCMP": "NCMP – medisinske prosedyrer",
    "NCRP": "NCRP – radiologi og nukleærmedisin",
    "SK": "Særkoder",
}
SYSTEM_SHORT = {"NCSP": "NCSP", "NCMP": "NCMP", "NCRP": "NCRP", "SK": "Særkoder"}
KIND_TITLES = {
    "new": "Nye koder",
    "expired": "Utgåtte koder",
    "text": "Endret tekst",
    "reactivated": "Gyldige igjen",
}
EVENT_LABELS = {
    "baseline": "Med fra første utgave i datagrunnlaget",
    "new": "Ny kode",
    "expired": "Utgått",
    "text": "Tekst endret",
    "reactivated": "Gyldig igjen",
}
SUCCESSOR_LABELS = {
    "official": "Erstattet av",
    "moved": "Flyttet til",
    "similar": "Ny kode med nesten lik tekst",
}
PREDECESSOR_LABELS = {
    "official": "Erstatter",
    "moved": "Flyttet fra",
    "similar": "Tidligere kode med nesten lik tekst",
}

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
BOOK_SOURCE = "boka for {year} ({name})"
WHOLE_CHAPTER_AS_BOOK = "Hele kapittel {prefix} som bok"
CHAPTER = "Kapittel {prefix}"
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
API_PAGE_LINK = "API og åpne data"
COMPARE_PAGE_LINK = "Sammenlign to utgaver"
DOWNLOADS_PAGE_LINK = "Nedlasting"
# The JSON endpoints on the API page (api/): anchor -> (title, what it holds).
API_ENDPOINTS = {
    "kode": (
        "En kode",
        "Koden i hver utgave den er med i, eldste først, med tekst og de valgfrie kolonnene utgaven har.",
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
