"""Daily use of the real site in Debian's chromium, at 390 and 1366 CSS pixels wide.

On a phone and on a laptop: the key columns of the change, checker and code
pages are on screen without side scrolling, every link in the main content is
a target of at least 24 by 24 pixels (WCAG 2.2, 2.5.8), the copy buttons put
the code and its address on the clipboard, the proposal form builds the
e-mail, the checker numbers a comma-separated list by position, and the
deadline is counted from today's date in the browser.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from .browser import base, browser, check_codes as _check, goto, open_at, scripts_ready  # noqa: F401 - the shared Debian chromium fixtures

pytestmark = pytest.mark.browser

WIDTHS = (390, 1366)

# Each cell's place on screen once the window (never an inner scroller) shows its row.
CELLS = """(selector) => [...document.querySelectorAll(selector)].slice(0, 8).map((cell) => {
  window.scrollTo(0, cell.getBoundingClientRect().top + window.scrollY - 200);
  const r = cell.getBoundingClientRect();
  const hit = document.elementFromPoint(Math.max(0, Math.min(r.left + 2, innerWidth - 1)), r.top + Math.min(r.height / 2, 10));
  let scrolled = false;
  for (let node = cell.parentElement; node; node = node.parentElement) scrolled = scrolled || node.scrollLeft > 0;
  return {text: cell.textContent.trim().slice(0, 30), left: r.left, right: r.right, view: innerWidth,
          shown: !!hit && cell.contains(hit) && !scrolled && r.width > 0};
})"""
PAGE_WIDTH = "() => [document.documentElement.scrollWidth, innerWidth]"
# Links of the main content smaller than 24 by 24 CSS pixels (hidden ones have no box).
SMALL_LINKS = """() => [...document.querySelectorAll('.md-content a[href]')].map((a) => {
  const r = a.getBoundingClientRect();
  return [a.textContent.trim().slice(0, 40), Math.round(r.width * 10) / 10, Math.round(r.height * 10) / 10];
}).filter(([text, w, h]) => w > 0 && h > 0 && (w < 24 || h < 24))"""





def _assert_on_screen(page, selector: str) -> None:
    cells = page.evaluate(CELLS, selector)
    assert cells, f"no cell matches {selector}"
    off = [c for c in cells if not c["shown"] or c["left"] < -0.5 or c["right"] > c["view"] + 0.5]
    assert off == [], f"{selector}: outside the viewport: {off}"


# --- key columns without side scrolling ---

KEY_COLUMNS = {
    "endringer/2016/": (
        ".nkpk-moved tbody td:nth-child(1)",  # Utgått kode
        ".nkpk-moved tbody td:nth-child(4)",  # Ny kode
        ".nkpk-moved tbody td:nth-child(5)",  # its text
        ".nkpk-changes-text tbody td:nth-child(3)",  # Etter
        ".nkpk-change-counts tbody td:last-child",
    ),
    "kode/TAB00/": (".nkpk-successors tbody td:nth-child(2)", ".nkpk-timeline tbody td:nth-child(2)"),
    "kode/JKA21/": (".nkpk-timeline tbody td:nth-child(2)", ".nkpk-facts td"),
    "endringer/": (".nkpk-overview tbody td:last-child",),
    "ncsp/N/": (".nkpk-nodes tbody td:nth-child(2)", ".nkpk-nodes tbody td:nth-child(3)"),
    "ncsp/JKA/": (".nkpk-codes tbody td:nth-child(2)",),
}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", sorted(KEY_COLUMNS))
def test_key_columns_are_on_screen(open_at, base, path, width) -> None:
    page = open_at(width, base + path)
    if page.locator("[data-nkpk-open-all]").count():  # a change page's long tables come by chapter, collapsed
        page.click("[data-nkpk-open-all]")
    for selector in KEY_COLUMNS[path]:
        _assert_on_screen(page, selector)
    scroll_width, view = page.evaluate(PAGE_WIDTH)
    assert scroll_width <= view, f"the page scrolls sideways: {scroll_width} > {view}"


@pytest.mark.parametrize("width", WIDTHS)
def test_checker_key_columns_are_on_screen(open_at, base, width) -> None:
    page = open_at(width, base + "sjekk/")
    _check(page, "TAB00, JKA21, AADE00")
    for column in (3, 4, 7):  # Kode, Status, Etterfølgere
        _assert_on_screen(page, f".nkpk-checker__grid tbody tr:first-child td:nth-child({column})")
    scroll_width, view = page.evaluate(PAGE_WIDTH)
    assert scroll_width <= view


# --- target sizes (WCAG 2.2, 2.5.8) ---

TARGET_PAGES = ("", "kode/JKA21/", "kode/AADE00/", "endringer/2016/", "endringer/", "ncsp/", "ncsp/N/", "ncsp/JKA/",
                "bok/ncsp-N/", "forslag/", "forslagsskjema/", "frister/")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", TARGET_PAGES)
def test_every_link_in_the_main_content_is_a_24_pixel_target(open_at, base, path, width) -> None:
    page = open_at(width, base + path)
    assert page.evaluate("() => document.querySelectorAll('.md-content a[href]').length") > 0
    assert page.evaluate(SMALL_LINKS) == []


@pytest.mark.parametrize("width", WIDTHS)
def test_checker_links_are_24_pixel_targets(open_at, base, width) -> None:
    page = open_at(width, base + "sjekk/")
    _check(page, "TAB00, JKA21, JKA2L")
    assert page.evaluate(SMALL_LINKS) == []


def test_chapter_and_group_names_are_links(open_at, base) -> None:
    page = open_at(390, base + "ncsp/")
    names = page.evaluate("() => [...document.querySelectorAll('.nkpk-nodes tbody td:nth-child(2) a')]"
                          ".map(a => [a.textContent, a.getAttribute('href')])")
    assert ["Fordøyelsesorganer og milt", "../ncsp/J/"] in names or any(h.endswith("J/") for _, h in names)
    assert len(names) > 10


# --- code pages: copy, address, proposal, expired without successor, word diff ---

@pytest.mark.parametrize("width", WIDTHS)
def test_copy_buttons_put_the_code_and_the_address_on_the_clipboard(open_at, base, width) -> None:
    page = open_at(width, base + "kode/JKA21/", clipboard=True)
    assert page.inner_text("[data-nkpk-address]") == base + "kode/JKA21/"
    page.click("text=Kopier koden")
    page.wait_for_function("() => document.querySelector('[data-nkpk-copy-status]').textContent !== ''")
    assert page.evaluate("() => navigator.clipboard.readText()") == "JKA21"
    assert page.inner_text("[data-nkpk-copy-status]") == "Koden JKA21 er kopiert."
    page.click("text=Kopier adressen")
    page.wait_for_function("() => document.querySelector('[data-nkpk-copy-status]').textContent.startsWith('Adressen')")
    assert page.evaluate("() => navigator.clipboard.readText()") == base + "kode/JKA21/"


def test_code_page_without_scripts_shows_the_address_and_no_dead_buttons(browser, base) -> None:  # noqa: F811
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + "kode/JKA21/")
    assert page.inner_text("[data-nkpk-address]") == "kode/JKA21/"
    assert page.is_hidden("text=Kopier koden") and page.is_hidden("text=Kopier adressen")
    assert page.is_visible("text=Foreslå en endring")
    context.close()


def test_expired_code_without_successor_says_so_and_offers_similar_codes(open_at, base) -> None:
    page = open_at(1366, base + "kode/AADE00/")
    assert "Ingen etterfølger er registrert for AADE00" in page.inner_text(".nkpk-no-successor")
    similar = page.evaluate("() => [...document.querySelectorAll('#lignende-koder + .nkpk-codes tbody a')]"
                            ".map(a => a.textContent)")
    assert 1 <= len(similar) <= 6 and "AADE00" not in similar
    assert all(code.startswith("A") for code in similar[:1])  # the best match is in the same chapter


def test_text_per_release_has_a_word_diff(open_at, base) -> None:
    page = open_at(1366, base + "endringer/2016/")
    href = page.get_attribute(".nkpk-changes-text tbody tr:first-child a", "href")
    goto(page, page.url + href)
    assert page.locator(".nkpk-timeline ins").count() >= 1
    assert "lagt til" not in page.inner_text(".nkpk-timeline")  # the legend stands outside the table


# --- change pages: contents, filter, diffs with colour and sign ---

def test_change_page_has_contents_filter_and_marked_diffs(open_at, base) -> None:
    page = open_at(1366, base + "endringer/2016/")
    page.click("[data-nkpk-open-all]")  # the long tables come by chapter, collapsed
    targets = page.evaluate("() => [...document.querySelectorAll('.nkpk-contents a')].map(a => a.getAttribute('href'))")
    assert len(targets) > 30 and all(t.startswith("#") for t in targets)
    missing = page.evaluate("(ids) => ids.filter(id => !document.getElementById(decodeURIComponent(id.slice(1))))", targets)
    assert missing == []
    marks = page.evaluate("""() => ['ins', 'del'].map(tag => {
      const e = document.querySelector('.nkpk-changes-text ' + tag);
      const s = getComputedStyle(e), b = getComputedStyle(e, '::before');
      return [s.textDecorationLine, s.backgroundColor, b.content];
    })""")
    assert marks[0][0] == "none" and marks[0][1] != "rgba(0, 0, 0, 0)" and "+" in marks[0][2]
    assert marks[1][0] == "line-through" and marks[1][1] != "rgba(0, 0, 0, 0)" and "−" in marks[1][2]
    similar_rows = page.locator(".nkpk-moved tbody tr", has_text="nesten lik tekst")
    assert similar_rows.count() > 0
    assert similar_rows.first.locator("ins, del").count() > 0
    code = page.inner_text(".nkpk-moved tbody tr:first-child td:first-child")
    page.fill("#nkpk-filter-input", code.lower())
    page.wait_for_function("() => document.querySelector('[data-nkpk-filter-status]').textContent !== ''")
    shown = page.evaluate("() => [...document.querySelectorAll('[data-nkpk-filterable] tbody tr')]"
                          ".filter(r => !r.hidden).map(r => r.textContent.toLowerCase())")
    assert shown and all(code.lower() in text for text in shown)
    total = page.locator("[data-nkpk-filterable] tbody tr").count()
    assert page.inner_text("[data-nkpk-filter-status]") == f"Viser {len(shown)} av {total} rader."


# --- the checker ---

def test_checker_numbers_comma_separated_codes_by_position_and_suggests(open_at, base) -> None:
    page = open_at(1366, base + "sjekk/")
    rows = _check(page, "JKA21, TAB00; XYZ99\nAADE00\tJKA2L")
    assert [row[0] for row in rows] == ["1", "2", "3", "4", "5"]
    assert [row[2] for row in rows] == ["JKA21", "TAB00", "XYZ99", "AADE00", "JKA2L"]
    nearby = page.evaluate("() => [...document.querySelectorAll('.nkpk-check__nearby a')].map(a => a.textContent)")
    assert "JKA21" in nearby


# --- the next deadline, counted in the browser ---

def test_next_deadline_is_counted_from_today(open_at, base) -> None:
    page = open_at(1366, base)
    time = page.locator("[data-nkpk-countdown]")
    day = datetime.date.fromisoformat(time.get_attribute("datetime"))
    today = datetime.date.fromisoformat(page.evaluate(
        "() => { const d = new Date(); return [d.getFullYear(), String(d.getMonth() + 1).padStart(2, '0'),"
        " String(d.getDate()).padStart(2, '0')].join('-'); }"))
    days = (day - today).days
    words = {0: "i dag", 1: "i morgen"}.get(days, f"om {days} dager")
    assert time.inner_text().startswith("Neste frist for forslag: ")
    assert time.inner_text().endswith(f"-utgaven, {words})")
    assert page.inner_text("[data-nkpk-counted]") == "Antall dager er regnet fra dagens dato."


# --- the proposal form ---

def _fill_proposal(page) -> None:
    page.fill("#forslag-ny", "Laparoskopisk kolecystektomi med kolangiografi")
    page.fill("#forslag-begrunnelse", "Kolangiografi gjøres ofte i samme inngrep.\nDet bør synes i koden.")
    page.fill("#forslag-inkluderer", "Peroperativ kolangiografi")
    page.fill("#forslag-navn", "Kari Koder")
    page.fill("#forslag-virksomhet", "Sykehuset, kirurgisk avdeling")
    page.fill("#forslag-epost", "kari@example.no")


EXPECTED_BODY = "\r\n".join([
    "Forslag til endring i prosedyrekodeverket",
    "",
    "Hva gjelder forslaget: Ny tekst på en kode",
    "Kodeverk: NCSP",
    "Kode: JKA21",
    "Nåværende tekst: Laparoskopisk kolecystektomi",
    "Foreslått tekst eller ny kode: Laparoskopisk kolecystektomi med kolangiografi",
    "Begrunnelse:",
    "Kolangiografi gjøres ofte i samme inngrep.",
    "Det bør synes i koden.",
    "Inkluderer: Peroperativ kolangiografi",
    "",
    "Kontakt",
    "Navn: Kari Koder",
    "Virksomhet: Sykehuset, kirurgisk avdeling",
    "E-post: kari@example.no",
    "",
    "Forslaget inneholder ingen helseopplysninger eller andre personopplysninger om pasienter.",
    "",
])


@pytest.mark.parametrize("width", WIDTHS)
def test_proposal_form_builds_the_mailto_from_a_code_page(open_at, base, width) -> None:
    page = open_at(width, base + "kode/JKA21/")
    requests: list[str] = []
    page.click(".nkpk-tools >> text=Foreslå en endring")
    page.wait_for_url(lambda url: "/forslagsskjema/?kode=JKA21&" in url)
    scripts_ready(page)
    assert page.input_value("#forslag-kode") == "JKA21"
    assert page.input_value("#forslag-tekst") == "Laparoskopisk kolecystektomi"
    page.on("request", lambda request: requests.append(request.url))
    _fill_proposal(page)
    page.click("text=Lag e-posten")
    assert page.is_hidden("[data-nkpk-result]")  # not confirmed yet: no patient information
    assert "Bekreft at forslaget ikke inneholder opplysninger om pasienter." in page.inner_text("[data-nkpk-problems]")
    page.check("input[name=ingen-pasient]")
    page.click("text=Lag e-posten")
    href = page.get_attribute("[data-nkpk-mailto]", "href")
    address, _, query = href.partition("?")
    assert address == "mailto:kodehjelp@helsedir.no"
    fields = {key: unquote(value) for key, value in (part.split("=", 1) for part in query.split("&"))}
    assert fields["subject"] == "Forslag til endring i prosedyrekodeverket: JKA21"
    assert fields["body"] == EXPECTED_BODY
    assert page.input_value("[data-nkpk-body]") == EXPECTED_BODY.replace("\r\n", "\n")  # a textarea keeps LF
    with page.expect_download() as event:
        page.click("text=Last ned kopi")
    assert event.value.suggested_filename == "endringsforslag-JKA21.txt"
    assert Path(event.value.path()).read_bytes().decode("utf-8") == "\ufeff" + EXPECTED_BODY
    # It sends nothing and keeps nothing.
    assert [url for url in requests if not url.startswith("blob:")] == []
    assert page.evaluate("() => localStorage.length + sessionStorage.length") == 0


def test_proposal_form_refuses_an_identity_number(open_at, base) -> None:
    page = open_at(1366, base + "forslagsskjema/")
    _fill_proposal(page)
    page.fill("#forslag-begrunnelse", "Pasient 01017012345 fikk denne prosedyren.")
    page.check("input[name=ingen-pasient]")
    page.click("text=Lag e-posten")
    assert "fødselsnummer" in page.inner_text("[data-nkpk-problems]")
    assert page.is_hidden("[data-nkpk-result]")


def test_guidance_links_the_form(open_at, base) -> None:
    page = open_at(390, base + "forslag/")
    page.click("text=skjemaet for endringsforslag")
    page.wait_for_url("**/forslagsskjema/")
    assert page.inner_text("h1") == "Skjema for endringsforslag"


# --- the header search: an exact code plus Enter opens the code page ---

def test_exact_code_and_enter_in_the_header_search_opens_the_code_page(open_at, base) -> None:
    page = open_at(1366, base + "ncsp/")
    page.fill("#nkpk-search-input", "jka21")
    page.press("#nkpk-search-input", "Enter")  # the search may still be loading: the page opens when it has
    page.wait_for_url("**/kode/JKA21/")
    assert urlsplit(page.url).path.endswith("/kode/JKA21/"), page.url
    assert parse_qs(urlsplit(page.url).query) == {}


# --- the page-not-found page ---

def test_code_address_in_lower_case_goes_to_the_code_page(open_at, base) -> None:
    page = open_at(390, base + "kode/jka21/")
    page.wait_for_url(base + "kode/JKA21/")
    assert page.inner_text("h1") == "JKA21 Laparoskopisk kolecystektomi"


def test_code_with_one_wrong_letter_gets_suggestions(open_at, base) -> None:
    page = open_at(390, base + "kode/JKA2L/")
    page.wait_for_selector("[data-nkpk-404-nearby]", state="visible")
    links = page.evaluate("() => [...document.querySelectorAll('[data-nkpk-404-nearby-list] a')]"
                          ".map(a => [a.textContent, a.href])")
    assert ["JKA21", base + "kode/JKA21/"] in links
    assert page.url == base + "kode/JKA2L/"  # no code by that name: it stays, with the suggestions


def test_deadline_table_marks_passed_and_next_as_of_today(open_at, base) -> None:
    page = open_at(390, base + "frister/")
    rows = page.evaluate("""() => [...document.querySelectorAll('tr.nkpk-deadline')].map(r =>
      [r.querySelector('time').getAttribute('datetime'), r.className.split('--')[1], r.cells[0].innerText])""")
    today = datetime.date.fromisoformat(page.evaluate(
        "() => { const d = new Date(); return [d.getFullYear(), String(d.getMonth() + 1).padStart(2, '0'),"
        " String(d.getDate()).padStart(2, '0')].join('-'); }"))
    ahead = [day for day, _, _ in rows if datetime.date.fromisoformat(day) >= today]
    for day, state, text in rows:
        expected = "passert" if datetime.date.fromisoformat(day) < today else "neste" if day == ahead[0] else "senere"
        assert state == expected, (day, state)
        assert text.endswith({"passert": "(passert)", "neste": "(neste)", "senere": text[-5:]}[state])
    assert page.inner_text("[data-nkpk-states-note]").endswith("gjelder per dagens dato.")


def test_proposal_form_without_scripts_is_hidden_and_says_what_to_write(browser, base) -> None:  # noqa: F811
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + "forslagsskjema/?kode=JKA21")
    assert page.is_hidden("[data-nkpk-proposal]")  # a plain submit would send the proposal in an address
    assert "kodehjelp@helsedir.no" in page.inner_text("[data-nkpk-nojs]")
    context.close()


# --- the keyboard, and the public address when the site knows it ---

def test_copy_button_works_from_the_keyboard(open_at, base) -> None:
    page = open_at(390, base + "kode/TAB00/", clipboard=True)
    for _ in range(60):  # Tab through the page from the top until the button has the focus
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.matches('[data-nkpk-copy]')"):
            break
    else:
        pytest.fail("Tab never reached the copy button")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('[data-nkpk-copy-status]').textContent !== ''")
    assert page.evaluate("() => navigator.clipboard.readText()") == "TAB00"


def test_the_address_is_the_public_one_when_the_site_knows_it(browser, tmp_path) -> None:  # noqa: F811
    from .helpers import build_site
    from .static_host import host

    site = tmp_path / "site"
    assert build_site(site, site_url="https://example.org/nkpk/", epoch=1775606400) == 0
    with host(site, "/nkpk/") as url:
        context = browser.new_context(viewport={"width": 390, "height": 900})
        context.grant_permissions(["clipboard-read", "clipboard-write"])
        page = context.new_page()
        goto(page, url + "kode/JKA21/")
        assert page.inner_text("[data-nkpk-address]") == "https://example.org/nkpk/kode/JKA21/"
        page.click("text=Kopier adressen")
        page.wait_for_function("() => document.querySelector('[data-nkpk-copy-status]').textContent !== ''")
        assert page.evaluate("() => navigator.clipboard.readText()") == "https://example.org/nkpk/kode/JKA21/"
        context.close()


def test_a_page_read_after_its_deadline_counts_to_the_next_one(browser, base) -> None:  # noqa: F811
    context = browser.new_context()
    page = context.new_page()
    goto(page, base)
    upcoming = json.loads(page.get_attribute("[data-nkpk-countdown]", "data-nkpk-upcoming"))
    assert len(upcoming) >= 4 and all(head.startswith("Neste frist for forslag: ") for _, head in upcoming)
    (first, _), (second, head) = upcoming[0], upcoming[1]
    later = datetime.date.fromisoformat(first) + datetime.timedelta(days=1)  # the day after the first deadline
    page.clock.set_fixed_time(datetime.datetime(later.year, later.month, later.day, 12))
    page.reload()
    scripts_ready(page)
    time = page.locator("[data-nkpk-countdown]")
    days = (datetime.date.fromisoformat(second) - later).days
    assert time.get_attribute("datetime") == second
    assert time.inner_text() == f"{head}om {days} dager)"
    context.close()
