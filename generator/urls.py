"""Every output path and link of the site. Nothing else builds a URL.

URLs here are site-relative directory URLs such as `kode/JKA21/`; `link`
turns one into a relative href from the page that shows it, so the site
works under any base address.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import quote

SYSTEM_SLUGS = {"NCSP": "ncsp", "NCMP": "ncmp", "NCRP": "ncrp", "SK": "saerkoder"}
REPORT_JSON = "rapport/byggerapport.json"
REPORT_TEXT = "rapport/byggerapport.txt"
ROBOTS = "robots.txt"  # for crawlers; read only at a domain's root


def code_url(code: str) -> str:
    return f"kode/{code}/"


def code_json(code: str) -> str:
    return f"api/kode/{code}.json"


def system_url(system: str) -> str:
    return f"{SYSTEM_SLUGS[system]}/"


def system_source(system: str) -> str:
    """The mkdocs source path of a code system's index page (a generated page)."""
    return f"{SYSTEM_SLUGS[system]}/index.md"


def node_url(system: str, prefix: str) -> str:
    return f"{SYSTEM_SLUGS[system]}/{prefix}/"


def output_path(url: str) -> str:
    """The file that serves a URL: directory URLs get index.html."""
    return url + "index.html" if url.endswith("/") or not url else url


def link(from_url: str, to_url: str) -> str:
    """Relative href from the page at `from_url` to `to_url` (both site-relative, may have #anchor).

    Site-relative URLs have no `.` or `..` segments, so the relative path is the
    way up from the page's folder to the folder both share, then down to the target.
    """
    path, hash_, anchor = to_url.partition("#")
    here = from_url[: from_url.rfind("/") + 1]  # the page's folder: "kode/JKA21/" (a file's folder for a file)
    shared = 0  # length of the folders both URLs start with, up to and with its last "/"
    end = here.find("/")
    while end >= 0 and path.startswith(here[: end + 1]):
        shared = end + 1
        end = here.find("/", shared)
    target = "../" * here.count("/", shared) + path[shared:]
    return (target or "./") + hash_ + anchor


CHANGES_OVERVIEW = "endringer/"
CHANGES_SOURCE = "endringer/index.md"
CHANGES_FEED = "endringer/feed.xml"


def changes_url(year: int) -> str:
    return f"endringer/{year}/"


def changes_json(year: int) -> str:
    return f"api/endringer/{year}.json"


def change_anchor(system: str, code: str) -> str:
    """The id of a code's row on a release's change page."""
    return f"{SYSTEM_SLUGS[system]}-{code}"


def absolute(site_url: str | None, url: str, from_url: str) -> str:
    """An absolute URL when the public base address is known, else one relative to `from_url`."""
    return (site_url.rstrip("/") + "/" + url) if site_url else link(from_url, url)


def two_level_url(section: str, slug: str) -> str:
    """URL of a page the build writes itself (code, browse, book, change pages): all are two levels deep."""
    return f"{section}/{slug}/"


def book_url(system: str, chapter: str) -> str:
    """The book view of a chapter (`bok/ncsp-A/`): a page the build writes itself, so two levels deep."""
    return two_level_url("bok", f"{SYSTEM_SLUGS[system]}-{chapter}")


@dataclass(frozen=True)
class Link:
    label: str
    href: str  # relative to the page that shows it
    target: str  # site-relative URL, for link validation


def make_link(from_url: str, to_url: str, label: str) -> Link:
    return Link(label, link(from_url, to_url), to_url)


DEADLINES_PAGE = "frister/"  # the hand-written page site_src/frister.md
DEADLINES_ICS = "frister.ics"


def download_path(year: int, name: str) -> str:
    """Where a release's input file is published."""
    return f"nedlasting/{year}/{name}"


def download_anchor(year: int, name: str) -> str:
    """The id of a release file's line on the downloads page: `fil-1999-ncsp_1298-txt`."""
    return f"fil-{year}-" + re.sub(r"[^A-Za-z0-9_]+", "-", name).strip("-")


def download_entry(year: int, name: str) -> str:
    """A release file's line on the downloads page (notes from a book link to it)."""
    return f"{DOWNLOADS_PAGE}#{download_anchor(year, name)}"


def file_link(from_url: str, path: str) -> str:
    """Relative href to a file whose name may hold spaces or other letters: percent-encoded."""
    return quote(link(from_url, path))


SEARCH_PAGE = "sok/"  # the hand-written results page site_src/sok.md
SEARCH_DIR = "assets/search/"  # the search file and the lunr files, written by the build
SEARCH_INDEX = SEARCH_DIR + "index.json"
SEARCH_ENGLISH = SEARCH_DIR + "english.json"  # the English texts' entries, loaded after the first results


def search_asset(name: str) -> str:
    """Where a file of the browser's search engine is written."""
    return SEARCH_DIR + name


SEARCH_SCRIPTS = (
    "assets/search-text.js",
    "assets/search-engine.js",
    "assets/search-facets.js",
    "assets/search-plan.js",
    "assets/search-hints.js",
    "assets/search-results.js",
)


def search_addresses(lunr_names: tuple[str, ...]) -> dict:
    """What the search box gives search.js (site-relative): the search file, the scripts in load order, the results page."""
    return {"index": SEARCH_INDEX, "english": SEARCH_ENGLISH, "page": SEARCH_PAGE, "scripts": [search_asset(n) for n in lunr_names] + list(SEARCH_SCRIPTS)}


NOTE_PAGE = "notat/"  # the hand-written page site_src/notat.md: codes proposed from a note
NOTE_SCRIPTS = ("assets/note-core.js", "assets/note.js")  # in load order, after the search's scripts
NOTE_STYLE = "assets/note.css"

CHECKER_PAGE = "sjekk/"  # the hand-written page site_src/sjekk.md
CHECKER_CODES = "koder"  # the checker takes a list in its address's fragment: sjekk/#koder=JKA21,ZXA00
CHECKER_DATA = "api/kodeliste.json"  # every code's releases, texts and successors, for the checker
CSV_SCRIPT = "assets/nkpk-csv.js"  # CSV fields and files, for the checker's and the comparison's downloads
CHECKER_SCRIPTS = (CSV_SCRIPT, "assets/checker-core.js", "assets/checker-files.js", "assets/checker.js")  # in load order
CHECKER_STYLE = "assets/checker.css"

PROPOSAL_FORM = "forslagsskjema/"  # the hand-written page site_src/forslagsskjema.md


# Open data: harmonised downloads, FHIR resources, JSON Schemas, the API page, the comparison page.
ALL_RELEASES_CSV = "nedlasting/nkpk-alle-utgaver.csv"
ALL_CHANGES_CSV = "nedlasting/nkpk-endringer.csv"
OFFLINE_ZIP = "nedlasting/nkpk-nettsted.zip"  # the whole site, made to open from disk (output/offline.py)


def harmonised_csv(year: int) -> str:
    return f"nedlasting/{year}/nkpk-{year}.csv"


def harmonised_xlsx(year: int) -> str:
    return f"nedlasting/{year}/nkpk-{year}.xlsx"


FHIR_CODESYSTEM = "api/fhir/CodeSystem-nkpk.json"


def fhir_codesystem(year: int) -> str:
    return f"api/fhir/{year}/CodeSystem-nkpk.json"


def fhir_conceptmap(from_year: int, to_year: int) -> str:
    return f"api/fhir/{to_year}/ConceptMap-nkpk-{from_year}-{to_year}.json"


def api_schema(name: str) -> str:
    return f"api/schema/{name}.schema.json"


API_PAGE = "api/"  # the hand-written page site_src/api.md
DOWNLOADS_PAGE = "nedlasting/"  # the hand-written page site_src/nedlasting.md
COMPARE_PAGE = "endringer/sammenlign/"  # the hand-written page site_src/endringer/sammenlign.md
COMPARE_SCRIPTS = (CSV_SCRIPT, "assets/compare.js")
LABELS_SCRIPT = "assets/nkpk-labels.js"  # the words of the site's scripts, written by the build; first of every page's scripts

# Every page's stylesheet and scripts: one stylesheet, and the scripts loaded after the first paint.
SITE_STYLESHEET = "assets/nkpk-site.css"  # the theme's stylesheets and mkdocs.yml's extra_css in one file, written by the build
SCRIPT_LOADER = "assets/javascripts/nkpk-load.js"  # templates/assets/javascripts/: loads the scripts below after the first paint
SCOPE_SCRIPT = "assets/javascripts/nkpk-scope.js"  # the theme's page globals, first of the loaded scripts
COMPARE_STYLE = "assets/compare.css"
