"""The pages a newcomer found awkward, in Debian's chromium at 390 and 1366 CSS pixels, on the real site.

The front page opens with a search field and the main tasks; the 2017 change page is short, its long tables
collapsed by chapter without losing a row; the downloads page has its files first; the deadlines table cuts no
word in two on a phone; the search results line up; a code page does not move when its scripts arrive.
"""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import pytest

from .browser import base, browser, goto, open_at, scripts_ready  # noqa: F401 - the shared Debian chromium fixtures

WIDTHS = (390, 1366)
SCREEN = 900  # the height of the window open_at opens


@pytest.mark.parametrize("width", WIDTHS)
def test_front_page_opens_with_the_search_field_and_the_tasks(open_at, base, width) -> None:
    page = open_at(width, base)
    box = page.locator("#nkpk-start-query").bounding_box()
    assert box["y"] + box["height"] < SCREEN / 2 and box["width"] > width * 0.5  # large, high on the first screen
    tasks = page.evaluate("() => [...document.querySelectorAll('.nkpk-task h2')].map(h => [h.textContent,"
                          " h.getBoundingClientRect().top])")
    assert [name for name, _ in tasks] == ["Bla i kodeverket", "Nyeste endringer", "Neste frist", "Sjekk en kodeliste",
                                           "Koder fra et notat"]
    assert tasks[0][1] < SCREEN and (width < 1000 or tasks[-1][1] < SCREEN)  # all five on a laptop's first screen
    assert page.evaluate("() => document.querySelector('.nkpk-tasks').getBoundingClientRect().bottom") < page.evaluate(
        "() => document.getElementById('om-kodeverket').getBoundingClientRect().top")  # the prose after
    page.fill("#nkpk-start-query", "kolecystektomi")
    page.press("#nkpk-start-query", "Enter")
    page.wait_for_url(lambda url: "/sok/" in url)
    assert parse_qs(urlsplit(page.url).query)["q"] == ["kolecystektomi"]
    scripts_ready(page)
    page.wait_for_selector(".nkpk-results__list li")
    assert "JKA20" in page.inner_text(".nkpk-results__list")


@pytest.mark.parametrize("width", WIDTHS)
def test_the_2017_change_page_is_short_and_keeps_every_row(open_at, base, real_site, width) -> None:
    page = open_at(width, base + "endringer/2017/")
    height = page.evaluate("() => document.documentElement.scrollHeight")
    assert height < (10_000 if width == 1366 else 12_000), height  # was 18,446 and 33,682 px
    changes = json.loads((real_site / "api/endringer/2017.json").read_text(encoding="utf-8"))["changes"]
    rows = page.evaluate("() => [...document.querySelectorAll('tr[id]')].map(r => r.id)")
    assert len(rows) == len(changes)  # every change is in the page, for the browser's find
    state = page.evaluate("() => [...document.querySelectorAll('details.nkpk-chapter')].map(d => d.open)")
    assert len(state) > 10 and not any(state)
    summary = page.inner_text("details.nkpk-chapter summary")
    assert summary.startswith("Kapittel ") and summary.split()[-1].isdigit()  # the chapter and its count


def test_a_button_opens_every_chapter_and_the_filter_the_ones_it_finds(open_at, base) -> None:
    page = open_at(1366, base + "endringer/2017/")
    parts = "() => [...document.querySelectorAll('details.nkpk-chapter')]"
    page.click("[data-nkpk-open-all]")
    assert page.evaluate(parts + ".every(d => d.open)")
    assert page.inner_text("[data-nkpk-open-all]") == "Lukk alle kapitler"
    page.click("[data-nkpk-open-all]")
    assert page.evaluate(parts + ".every(d => !d.open)")
    page.fill("#nkpk-filter-input", "NFC")
    page.wait_for_function("() => document.querySelector('[data-nkpk-filter-status]').textContent !== ''")
    shown = page.evaluate(parts + ".filter(d => !d.hidden).map(d => [d.id, d.open])")
    assert shown and all(is_open for _, is_open in shown) and all(part.startswith("ncsp-") for part, _ in shown)
    assert page.locator("tr[id^='ncsp-NFC']:visible").count() > 0
    page.fill("#nkpk-filter-input", "")
    page.wait_for_function("() => document.querySelector('[data-nkpk-filter-status]').textContent === ''")
    assert page.evaluate(parts + ".every(d => !d.open && !d.hidden)")


@pytest.mark.parametrize("width", WIDTHS)
def test_an_address_of_a_row_in_a_closed_chapter_opens_it(open_at, base, width) -> None:
    page = open_at(width, base + "endringer/2017/")
    row = page.evaluate("() => document.querySelector('details.nkpk-chapter tr[id]:last-child').id")
    goto(page, base + f"endringer/2017/#{row}")  # as a code page's history links
    opened = page.evaluate(f"() => {{ const r = document.getElementById('{row}'); const t = r.getBoundingClientRect().top;"
                           " return [r.closest('details').open, t >= 0 && t < innerHeight]; }")
    assert opened == [True, True]


@pytest.mark.parametrize("width", WIDTHS)
def test_downloads_page_has_its_files_first(open_at, base, width) -> None:
    page = open_at(width, base + "nedlasting/")
    first_file = page.evaluate("() => document.querySelector('.md-content a[download]').getBoundingClientRect().top")
    releases = page.evaluate("() => document.getElementById('hver-utgave').getBoundingClientRect().top")
    columns = page.evaluate("() => document.getElementById('samme-form').getBoundingClientRect().top")
    print(width, first_file, releases, columns)
    assert first_file < 700 and releases < columns


def test_deadlines_cut_no_word_in_two_on_a_phone(open_at, base) -> None:
    page = open_at(390, base + "frister/")
    cut = page.evaluate("""() => {
      const cut = [];
      for (const cell of document.querySelectorAll('.nkpk-deadlines td')) {
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (const m of node.textContent.matchAll(/\\S+/g)) {
            const range = document.createRange();
            range.setStart(node, m.index);
            range.setEnd(node, m.index + m[0].length);
            const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
            if (lines.size > 1) cut.push(m[0]);
          }
        }
      }
      return cut; }""")
    assert cut == []
    assert page.evaluate("() => document.querySelector('.nkpk-deadlines table').getBoundingClientRect().right") <= 390


@pytest.mark.parametrize("width", WIDTHS)
def test_search_results_rows_line_up_with_the_list(open_at, base, width) -> None:
    page = open_at(width, base + "sok/?q=galleblære")
    page.wait_for_selector(".nkpk-results__list li")
    edges = page.evaluate("() => { const list = document.querySelector('.nkpk-results__list');"
                          " return [list.getBoundingClientRect().left,"
                          " ...[...list.querySelectorAll('.nkpk-hit')].map(a => a.getBoundingClientRect().left)]; }")
    assert len(edges) > 3 and max(edges) - min(edges) < 1, edges


@pytest.mark.parametrize("width", WIDTHS)
def test_a_code_page_does_not_move_when_its_scripts_arrive(browser, base, width) -> None:  # noqa: F811
    context = browser.new_context(viewport={"width": width, "height": SCREEN})
    page = context.new_page()
    page.add_init_script("window.__shift = 0; new PerformanceObserver(list => { for (const e of list.getEntries())"
                         " if (!e.hadRecentInput) window.__shift += e.value; }).observe({type: 'layout-shift', buffered: true});")
    goto(page, base + "kode/JKA21/")
    assert page.is_visible("text=Kopier koden")  # the buttons the script shows
    page.wait_for_timeout(300)
    assert page.evaluate("() => window.__shift") < 0.01
    context.close()
