"""The words of the tools' scripts: the checker (assets/checker*.js) and the note page (assets/note.js).

`BROWSER_LABELS["checker"]` and `BROWSER_LABELS["note"]` in labels.py.
"""

NOTE_LABELS = {
    "ready": "Lim inn eller skriv et notat, så foreslår siden koder.",
    "loading": "Laster kodeverket …",
    "loadFailed": "Kodeverket kunne ikke lastes. Last siden på nytt for å prøve igjen.",
    "empty": "Notatet er tomt.",
    "none": "Fant ingen prosedyre i notatet. Prøv ordene for inngrepet, eller søk etter koden.",
    "found": ["Fant {count} forslag i notatet.", "Fant {count} forslag i notatet."],
    "groups": {"procedure": "Prosedyre", "side": "Tilleggskode for side", "extra": "Tilleggskode"},
    "evidence": "Fra notatet: {words}",
    "noEvidence": "Ut fra notatet som helhet",
    "choose": "Velg {code}",
    "chosen": ["{count} kode i listen", "{count} koder i listen"],
    "listEmpty": "Ingen koder valgt ennå: kryss av for forslagene du vil bruke.",
    "up": "Flytt {code} opp",
    "down": "Flytt {code} ned",
    "remove": "Fjern {code}",
    "copied": "Kopiert til utklippstavlen.",
    "copyFailed": "Kunne ikke kopiere: merk teksten i feltet under og kopier den selv.",
}

CHECKER_LABELS = {
    "headers": ["Rad", "I listen", "Kode", "Status", "Kodeverk", "Tekst", "Etterfølgere"],
    "release": "Utgave",  # the CSV's last column
    "via": " (via {codes})",
    "similar": "lignende gyldige koder",
    "ready": "Lim inn koder eller åpne en fil, velg utgave og trykk «Sjekk».",
    "loadFailed": "Kodeverket kunne ikke lastes. Last siden på nytt for å prøve igjen.",
    "reading": "Leser «{name}» …",
    "unreadable": "Kunne ikke lese «{name}». Sjekken leser .txt, .csv og .xlsx (ikke eldre .xls-filer).",
    "column": "Kolonne {column}",
    "file": "Fil: {name} ({rows})",
    "empty": "Listen er tom: lim inn koder eller åpne en fil.",
    "didYouMean": "Mente du {codes}?",
    "or": " eller ",
    "showing": "Viser {first}–{last} av {rows}",
    "showingNone": "Viser 0 av {rows}",
    "caption": "Resultat for utgave {year} ({range})",
    "rows": ["{count} rad", "{count} rader"],
    "codes": ["{count} kode", "{count} koder"],
    "counts": {
        "valid": ["{count} gyldig", "{count} gyldige"],
        "expired": ["{count} utgått", "{count} utgått"],
        "future": ["{count} ikke gyldig ennå", "{count} ikke gyldig ennå"],
        "absent": ["{count} ikke i utgaven", "{count} ikke i utgaven"],
        "unknown": ["{count} ukjent", "{count} ukjente"],
        "malformed": ["{count} med ugyldig format", "{count} med ugyldig format"],
    },
    "newest": "{year} (den nyeste på dette nettstedet)",
    "summary": "Sjekket {codes} mot utgave {release}: {counts}.",
    "duplicates": ["{count} rad gjentar en kode som står tidligere i listen.",
                   "{count} rader gjentar en kode som står tidligere i listen."],
    "fileName": "kodeliste-sjekket-{year}.csv",
}
