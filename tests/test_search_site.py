"""Search on a built site: the files the build writes, and the box and results page in chromium.

The sample is built once, into a sub-folder that is served as `/nkpk/`, so
every test also shows that the search works under a sub-path.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin
from urllib.request import urlopen

import pytest

from generator import urls
from generator.search.text import lunr_sources

from .browser import browser, goto, page, serve  # noqa: F401 - fixtures
from .helpers import build_site

SUB_PATH = "nkpk/"
BOX = "#nkpk-search-input"
HITS = "#nkpk-search-list li"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("search") / "www" / SUB_PATH.rstrip("/")
    assert build_site(out) == 0
    return out


@pytest.fixture(scope="module")
def base(site: Path):
    with serve(site.parent) as root:
        yield root + SUB_PATH


class _Search(HTMLParser):
    """The search form's attributes and the script sources of a page (also those nkpk-load.js loads)."""

    def __init__(self) -> None:
        super().__init__()
        self.form: dict[str, str] | None = None
        self.scripts: list[str] = []

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        if tag == "form" and "data-nkpk-search" in found:
            self.form = found
        if tag == "script" and found.get("src"):
            self.scripts.append(found["src"])
            self.scripts += (found.get("data-nkpk-load") or "").split()


def _target(page_path: str, href: str) -> str:
    """The site path (from /) that a relative href on the page at page_path points to."""
    return urljoin("http://site/" + page_path, href).removeprefix("http://site")


def test_every_page_has_the_search_box_with_relative_links(site: Path) -> None:
    pages = [p.relative_to(site).as_posix() for p in site.rglob("index.html")]
    assert "kode/JKA21/index.html" in pages and urls.output_path(urls.SEARCH_PAGE) in pages
    for path in pages:
        parser = _Search()
        parser.feed((site / path).read_text(encoding="utf-8"))
        assert parser.form is not None, f"{path} has no search box"
        assert not re.match(r"[a-z]+:|/", parser.form["action"]), f"{path}: the link is not relative"
        assert _target(path, parser.form["data-nkpk-root"]) == "/", path
        assert _target(path, parser.form["action"]) == "/" + urls.SEARCH_PAGE, path
        assert "/assets/search.js" in [_target(path, src) for src in parser.scripts], path


def test_the_build_writes_the_search_file_and_lunr(site: Path) -> None:
    data = json.loads((site / urls.SEARCH_INDEX).read_text(encoding="utf-8"))
    assert len(data["codes"]) == len(data["texts"]) == len(data["active"]) == len(data["gone"]) == 291
    assert len(data["docs"]) == len(data["parts"]) == 291
    later = json.loads((site / urls.SEARCH_ENGLISH).read_text(encoding="utf-8"))
    assert len(later["oldDocs"]) == len(later["oldParts"]) == len(later["oldTexts"]) > 0
    for name, source in lunr_sources().items():
        assert (site / urls.search_asset(name)).read_bytes() == source.read_bytes()


def _open(page, base: str, path: str = "kode/JKA21/") -> None:
    goto(page, base + path)


def _type(page, query: str, clear: bool = True) -> list[str]:
    """Type into the real search box and return the codes it shows."""
    box = page.locator(BOX)
    if clear:
        box.fill("")
    box.press_sequentially(query)
    page.wait_for_function(
        "q => performance.getEntriesByName('nkpk-search-shown').some(m => m.detail.query === q)", arg=query
    )
    return page.locator(f"{HITS} .nkpk-hit__code").all_inner_texts()


@pytest.mark.browser
def test_slash_focuses_the_box_and_codes_match_exactly_by_prefix_and_in_any_case(page, base) -> None:  # noqa: F811
    _open(page, base)
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == BOX[1:]
    assert _type(page, "jka2")[:3] == ["JKA20", "JKA21", "JKA22"]
    assert _type(page, "JKA 21")[0] == "JKA21"
    assert _type(page, "jka21")[0] == "JKA21"
    first = page.locator(HITS).first.inner_text()
    assert "JKA21" in first and "Laparoskopisk kolecystektomi" in first and "NCSP" in first


@pytest.mark.browser
def test_words_match_in_any_order_inflected_and_with_norwegian_letters(page, base) -> None:  # noqa: F811
    _open(page, base)
    assert _type(page, "kolecystektomi laparoskopisk")[:2] == ["JKA21", "JKA22"]
    assert _type(page, "kolecystektomi")[0] == "JKA20"
    assert _type(page, "keisersnittet")[0] == "MCA10"
    assert {"FPE00", "FPE10"} <= set(_type(page, "pacemakere")[:2])
    assert _type(page, "ventilasjonsrør")[0] == "DCA20"
    assert "JCFM00" in _type(page, "øsofagus")[:3]


@pytest.mark.browser
def test_expired_codes_are_marked_ranked_below_valid_ones_and_can_be_hidden(page, base, site) -> None:  # noqa: F811
    _open(page, base)
    assert _type(page, "lumbalpunksjon") == ["ABT00", "ABFM00", "TAB00", "ABFX00"]
    marks = page.locator(f"{HITS} .nkpk-hit__status").all_inner_texts()
    newest = json.loads((site / urls.SEARCH_INDEX).read_text(encoding="utf-8"))["years"][-1]
    assert marks[:2] == [f"Gyldig i {newest} (nyeste utgave her)"] * 2
    assert [m.startswith("Utgått fra ") for m in marks] == [False, False, True, True]
    page.locator("input[name=skjul]").first.check()
    page.wait_for_function("() => document.querySelectorAll('#nkpk-search-list li').length === 2")
    assert page.locator(f"{HITS} .nkpk-hit__code").all_inner_texts() == ["ABT00", "ABFM00"]


@pytest.mark.browser
def test_arrow_keys_and_enter_open_a_hit(page, base) -> None:  # noqa: F811
    _open(page, base, "ncsp/")
    _type(page, "kolecystektomi")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    selected = page.locator("[role=option][aria-selected=true] .nkpk-hit__code").inner_text()
    assert selected == "JKA21"
    assert page.locator(BOX).get_attribute("aria-activedescendant") == "nkpk-hit-1"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == base + "kode/JKA21/"


@pytest.mark.browser
def test_enter_opens_the_results_page_which_can_be_linked(page, base) -> None:  # noqa: F811
    _open(page, base)
    _type(page, "lumbalpunksjon")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == base + "sok/?q=lumbalpunksjon"
    page.wait_for_selector("[data-nkpk-list] li")
    assert page.locator("[data-nkpk-list] .nkpk-hit__code").all_inner_texts() == ["ABT00", "ABFM00", "TAB00", "ABFX00"]
    assert page.locator(BOX).input_value() == "lumbalpunksjon"
    assert "4 treff" in page.locator("[data-nkpk-summary]").inner_text()
    goto(page, base + "sok/?q=Lumbalpunksjon&skjul=utgatte")
    page.wait_for_selector("[data-nkpk-list] li")
    assert page.locator("[data-nkpk-list] .nkpk-hit__code").all_inner_texts() == ["ABT00", "ABFM00"]
    page.locator("[data-nkpk-results] input[name=skjul]").uncheck()
    page.wait_for_function("() => document.querySelectorAll('[data-nkpk-list] li').length === 4")
    assert page.url == base + "sok/?q=Lumbalpunksjon"


@pytest.mark.browser
def test_words_that_match_nothing_are_named_and_do_not_empty_the_list(page, base) -> None:  # noqa: F811
    _open(page, base)
    assert _type(page, "lumbalpunksjon blåbærsyltetøy") == ["ABT00", "ABFM00", "TAB00", "ABFX00"]
    status = page.locator("form[data-nkpk-search] [role=status]").inner_text()
    assert status == "4 treff · ingen treff på «blåbærsyltetøy»"
    goto(page, base + "sok/?q=lumbalpunksjon+bl%C3%A5b%C3%A6rsyltet%C3%B8y")
    page.wait_for_selector("[data-nkpk-list] li")
    assert "ingen treff på «blåbærsyltetøy»" in page.locator("[data-nkpk-summary]").inner_text()
    assert page.locator("[data-nkpk-list] .nkpk-hit__code").all_inner_texts()[:2] == ["ABT00", "ABFM00"]


@pytest.mark.browser
def test_a_hit_found_by_a_typing_error_says_so(page, base) -> None:  # noqa: F811
    _open(page, base)
    assert _type(page, "lumbalpunskjon")[0] == "ABT00"
    assert page.locator(f"{HITS} .nkpk-hit__why").first.inner_text() == "funnet som skrivefeil"


@pytest.mark.browser
def test_the_api_resolves_to_ranked_hits(page, base) -> None:  # noqa: F811
    _open(page, base)
    hits = page.evaluate("nkpkSearch('jka2', {limit: 2})")
    valid = "Gyldig i 2017 (nyeste utgave her)"  # the sample's newest release is 2017
    common = {"system": "NCSP", "active": True, "status": valid, "why": "prefix", "reason": "", "old": None, "english": None}
    assert hits == [
        {"code": "JKA20", "text": "Kolecystektomi", "url": base + "kode/JKA20/", **common},
        {"code": "JKA21", "text": "Laparoskopisk kolecystektomi", "url": base + "kode/JKA21/", **common},
    ]
    with urlopen(hits[0]["url"]) as response:
        assert response.status == 200
    expired = page.evaluate("nkpkSearch('lumbalpunksjon', {expired: false})")
    assert [h["code"] for h in expired] == ["ABT00", "ABFM00"]
    assert len(page.evaluate("nkpkSearch('a')")) == 10


@pytest.mark.browser
def test_search_loads_nothing_before_it_is_used_and_only_from_the_site(page, base) -> None:  # noqa: F811
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    _open(page, base)
    page.wait_for_load_state("networkidle")
    assert not [u for u in requested if "/assets/search/" in u or "search-engine" in u]
    _type(page, "jka21")
    assert base + urls.SEARCH_INDEX in requested
    assert all(re.match(re.escape(base), u) for u in requested), requested
