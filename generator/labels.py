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
