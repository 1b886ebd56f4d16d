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
