"""The search box and results page on the real site, in chromium: what a user types and sees.

Paging, the code system and validity filters, the marked words, the
earlier text a hit was found by, "Mente du" and Enter on an exact code.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

import pytest

from .browser import browser, goto, page, serve  # noqa: F401 - fixtures

pytestmark = [pytest.mark.browser, pytest.mark.real]

BOX = "#nkpk-search-input"
LIST = "[data-nkpk-list]"


@pytest.fixture(scope="module")
def base(real_site: Path):
    with serve(real_site) as root:
        yield root


def _results(page, base: str, query: str, extra: str = "") -> list[str]:  # noqa: F811
    goto(page, base + "sok/?q=" + quote(query) + extra)
    page.wait_for_function("() => performance.getEntriesByName('nkpk-search-shown').length > 0")
    return page.locator(f"{LIST} .nkpk-hit__code").all_inner_texts()


def _summary(page) -> str:  # noqa: F811
    return page.locator("[data-nkpk-summary]").inner_text()


def _count(page) -> int:  # noqa: F811
    return int(re.match(r"(\d+) treff", _summary(page).replace("\u00a0", "")).group(1))


def test_the_results_page_shows_every_hit_in_pages(page, base) -> None:  # noqa: F811
    first = _results(page, base, "protese")
    assert _count(page) > 100 and len(first) == 50
    assert "Side 1 av" in page.locator("[data-nkpk-pages]").inner_text()
    with page.expect_navigation():
        page.locator("[data-nkpk-pages] a", has_text="Neste side").click()
    assert page.url.endswith("&side=2")
    page.wait_for_function("() => performance.getEntriesByName('nkpk-search-shown').length > 0")
    second = page.locator(f"{LIST} .nkpk-hit__code").all_inner_texts()
    assert len(second) == 50 and not set(first) & set(second)
    assert page.locator(LIST).get_attribute("start") == "51"
    assert "viser 51–100" in _summary(page)


def test_filters_by_code_system_and_validity_change_the_address(page, base) -> None:  # noqa: F811
    _results(page, base, "toraks", "&kodeverk=NCSP")
    metas = page.locator(f"{LIST} .nkpk-hit__meta").all_inner_texts()
    assert metas and all(m.startswith("NCSP ·") for m in metas)
    ncsp = _count(page)
    page.locator("[data-nkpk-systems] input[value=NCRP]").check()
    page.wait_for_function("() => location.search.endsWith('&kodeverk=NCRP&kodeverk=NCSP')")
    metas = page.locator(f"{LIST} .nkpk-hit__meta").all_inner_texts()
    assert {m.split(" ·")[0] for m in metas} <= {"NCSP", "NCRP"} and _count(page) > ncsp
    _results(page, base, "gastroskopi", "&skjul=utgatte")
    statuses = page.locator(f"{LIST} .nkpk-hit__status").all_inner_texts()
    assert statuses and all(s == "Gyldig i 2017 (nyeste utgave her)" for s in statuses)
    assert page.locator("[data-nkpk-results] input[name=skjul]").is_checked()


def test_hits_mark_the_matched_words_and_say_where_an_earlier_text_was_found(page, base) -> None:  # noqa: F811
    assert _results(page, base, "CT thorax")[0] == "SSC0AD"
    first = page.locator(f"{LIST} .nkpk-hit").first
    assert first.locator("mark").all_inner_texts() == ["CT", "Toraks"]
    assert first.get_attribute("data-why") == "spelling"
    assert "ELFC00" in _results(page, base, "salivvolumsmåling")
    hit = page.locator(f"{LIST} .nkpk-hit", has_text="ELFC00")
    assert hit.locator(".nkpk-hit__text").inner_text() == "Måling av salivavolum"
    assert hit.locator(".nkpk-hit__old").inner_text() == "tekst til 2015: Salivvolumsmåling"
    assert hit.locator(".nkpk-hit__old mark").inner_text() == "Salivvolumsmåling"


def test_a_word_that_matches_nothing_is_named_and_words_of_the_texts_suggested(page, base) -> None:  # noqa: F811
    found = _results(page, base, "kolecystktomiii laparoskopisk")
    assert found and found[0] != "JKA21"  # what laparoskopisk finds, not emptied by the other word
    assert _summary(page).endswith("ingen treff på «kolecystktomiii»")
    suggestion = page.locator("[data-nkpk-suggest] a").first
    assert suggestion.inner_text() == "kolecystektomi laparoskopisk"
    with page.expect_navigation():
        suggestion.click()
    page.wait_for_selector(f"{LIST} li")
    assert page.locator(f"{LIST} .nkpk-hit__code").first.inner_text() == "JKA21"


def test_enter_on_an_exact_code_opens_its_page_and_on_words_the_results(page, base) -> None:  # noqa: F811
    goto(page, base + "kode/JKA20/")
    box = page.locator(BOX)
    box.press_sequentially("jka 21")
    page.wait_for_selector("#nkpk-search-list li")
    with page.expect_navigation():
        box.press("Enter")
    assert page.url == base + "kode/JKA21/"
    box = page.locator(BOX)
    box.press_sequentially("hofteprotese")
    page.wait_for_selector("#nkpk-search-list li")
    assert "Gyldig i 2017 (nyeste utgave her)" in page.locator("#nkpk-search-list").inner_text()
    with page.expect_navigation():
        box.press("Enter")
    assert page.url == base + "sok/?q=hofteprotese"
