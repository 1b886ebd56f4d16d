"""The words of the note page's script (assets/note.js): `BROWSER_LABELS["note"]` in labels.py."""

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
