"""Reading the real site at 390 and 1366 CSS pixels in Debian's chromium, and opening it from disk.

Every kind of page: no table wider than the window and no text in a table
under 14 px (codes included); one code's status in the same words on its page,
in the checker and in search; the checker's answer for an expired code without
successor; the newest release on pages that show releases; and the site as the
offline build writes it (the downloads page's zip), opened from file://, with
working links, search and checker. The `--offline` build itself is checked on
the small sample.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from generator.labels import STATUS_LABELS
from .browser import base, browser, check_codes as _check, goto, open_at  # noqa: F401 - the shared Debian chromium fixtures
from .helpers import build_site

pytestmark = pytest.mark.browser

WIDTHS = (390, 1366)
PAGES = ("", "kode/JKA21/", "kode/KAJ10/", "kode/TAB00/", "endringer/2017/", "endringer/", "nedlasting/", "api/",
         "ncsp/", "ncsp/N/", "ncsp/JKA/", "frister/", "sjekk/")
# Tables wider than the window, and text in tables under 14 px, of the main content.
TABLES = """() => {
  const wide = [], small = [];
  for (const table of document.querySelectorAll('.md-content table')) {
    const box = table.getBoundingClientRect();
    if (box.width > 0 && (box.right > innerWidth + 0.5 || box.left < -0.5)) wide.push(table.textContent.trim().slice(0, 40));
    for (const cell of table.querySelectorAll('th, td')) {
      for (const node of [cell, ...cell.querySelectorAll('*')]) {
        if (!node.getClientRects().length || ![...node.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
        const size = parseFloat(getComputedStyle(node).fontSize);
        if (size < 14) small.push(node.textContent.trim().slice(0, 30) + ': ' + size);
      }
    }
  }
  return {wide, small, scroll: document.documentElement.scrollWidth, view: innerWidth,
          tables: document.querySelectorAll('.md-content table').length};
}"""





@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", PAGES)
def test_tables_fit_the_window_and_read_at_14_px(open_at, base, path, width) -> None:
    page = open_at(width, base + path)
    if path == "sjekk/":
        _check(page, "KAJ10, JKA21, TAB00, XYZ99, NFB49")  # NFB49: "Mente du ..."
    found = page.evaluate(TABLES)
    assert found["tables"] > 0, f"{path}: no table to check"
    assert found["wide"] == [], f"{path} at {width}: tables wider than the window"
    assert found["small"] == [], f"{path} at {width}: text in tables under 14 px"
    assert found["scroll"] <= found["view"], f"{path} at {width}: the page scrolls sideways"


def test_change_page_rows_are_dense_and_use_the_width(open_at, base) -> None:
    page = open_at(1366, base + "endringer/2017/")
    rows = page.evaluate("() => [...document.querySelectorAll('.nkpk-changes-new tbody tr')].map(r => r.getBoundingClientRect().height)")
    assert len(rows) > 50 and max(rows) <= 30  # one 24 px line and a little padding (the theme's were about 48 px)
    width = page.evaluate("() => document.querySelector('.nkpk-changes-new table').getBoundingClientRect().width")
    assert width >= 1000


@pytest.mark.parametrize("width", WIDTHS)
def test_inline_links_keep_their_text_flow(open_at, base, width) -> None:
    page = open_at(width, base + "kode/KAJ10/")
    styles = page.evaluate("() => [...document.querySelectorAll('.nkpk-crumbs a, .md-content p a')].map(a => getComputedStyle(a).display)")
    assert styles and set(styles) == {"inline"}
    # the breadcrumb's separator stays on the line of the link after it
    tops = page.evaluate("""() => [...document.querySelectorAll('.nkpk-crumbs li + li')].map(li => {
      const range = document.createRange(); range.selectNodeContents(li.querySelector('a'));
      return [li.getBoundingClientRect().top, range.getClientRects()[0].top];
    })""")
    assert tops and all(abs(li - link) < 12 for li, link in tops)


def test_header_at_390_shows_a_short_title_and_the_whole_placeholder(open_at, base) -> None:
    page = open_at(390, base)
    title = page.evaluate("() => [...document.querySelectorAll('.md-header__topic:first-child .md-ellipsis > span')]"
                          ".filter(s => s.getClientRects().length).map(s => [s.textContent.trim(), s.scrollWidth <= s.parentElement.clientWidth])")
    assert title == [["NKPK", True]]
    fits = page.evaluate("""() => { const input = document.querySelector('#nkpk-search-input');
      const probe = document.createElement('span'); const style = getComputedStyle(input);
      probe.style.cssText = 'position:absolute;white-space:nowrap;font-size:' + style.fontSize + ';font-family:' +
        style.fontFamily + ';font-weight:' + style.fontWeight;
      probe.textContent = input.placeholder; document.body.appendChild(probe);
      const need = probe.getBoundingClientRect().width + parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
      return [need, input.clientWidth]; }""")
    assert fits[0] <= fits[1], f"the placeholder needs {fits[0]} px, the field has {fits[1]}"


@pytest.mark.parametrize("code, phrase", [("KAJ10", "Utgått fra 2017"), ("JKA21", "Gyldig i 2017 (nyeste utgave her)")])
def test_one_status_wording_on_code_page_checker_and_search(open_at, base, code, phrase) -> None:
    assert phrase in (STATUS_LABELS["expired"].format(year=2017), STATUS_LABELS["valid"].format(year=2017) + STATUS_LABELS["newest"])
    page = open_at(1366, base + f"kode/{code}/")
    assert page.inner_text("[data-nkpk-status]") == phrase
    assert phrase in page.inner_text(".nkpk-facts")
    checker = open_at(1366, base + "sjekk/")
    assert _check(checker, code)[0][3] == phrase
    search = open_at(1366, base)
    search.fill("#nkpk-search-input", code)
    search.wait_for_selector("#nkpk-search-list li")
    first = search.inner_text("#nkpk-search-list li >> nth=0")
    assert code in first and phrase in first


def test_checker_offers_similar_codes_for_an_expired_code_without_successor(open_at, base) -> None:
    rows = _check(open_at(390, base + "sjekk/"), "KAJ10, NBJ01, TAB00")
    page = open_at(1366, base + "kode/KAJ10/")
    offered = page.evaluate("() => [...document.querySelectorAll('#lignende-koder + div tbody td:first-child')].map(td => td.innerText.trim())")
    assert rows[0][3] == "Utgått fra 2017" and rows[0][6].startswith(STATUS_LABELS["none"])
    assert rows[0][6].split(": ", 1)[1].split(", ") == offered and len(offered) >= 1  # the code page's offer, in its order
    assert rows[1][6].startswith("ingen etterfølger\nlignende gyldige koder: NBJ")
    assert "ingen etterfølger" not in rows[2][6]  # TAB00 has a successor


@pytest.mark.parametrize("path", ["", "endringer/2017/", "endringer/", "nedlasting/", "sjekk/"])
def test_newest_release_and_next_deadline_where_releases_are_shown(open_at, base, path) -> None:
    text = open_at(1366, base + path).inner_text(".md-content")
    assert "2017" in text and "Neste frist for forslag" in text and "FinnKode" in text, path


@pytest.fixture(scope="module")
def unpacked(real_site: Path, tmp_path_factory) -> Path:
    """The downloads page's zip of the real site, unpacked: the site as it opens from disk."""
    folder = tmp_path_factory.mktemp("offline")
    zipfile.ZipFile(real_site / "nedlasting/nkpk-nettsted.zip").extractall(folder)
    return folder / "nkpk"


@pytest.mark.parametrize("width", WIDTHS)
def test_the_zipped_site_works_from_disk(open_at, unpacked, width) -> None:
    root = unpacked.as_uri() + "/"
    page = open_at(width, root + "index.html")
    page.click(".md-content a[href$='ncsp/index.html'] >> nth=0")
    assert page.url == root + "ncsp/index.html"
    goto(page, root + "kode/KAJ10/index.html")
    page.click(".nkpk-crumbs a >> nth=0")
    assert page.url == root + "ncsp/index.html"
    page.fill("#nkpk-search-input", "kolecystektomi")
    page.wait_for_selector("#nkpk-search-list li")
    assert "JKA21" in page.inner_text("#nkpk-search-list")
    page.keyboard.press("Enter")  # the results page, with the query
    page.wait_for_selector(".md-content a[href*='kode/JKA21/index.html']")
    page.click(".md-content a[href*='kode/JKA21/index.html'] >> nth=0")
    assert page.url == root + "kode/JKA21/index.html"
    goto(page, root + "sjekk/index.html")
    rows = _check(page, "KAJ10")
    assert rows[0][3] == "Utgått fra 2017" and "ingen etterfølger" in rows[0][6]
    page.click(".nkpk-checker__grid tbody a >> nth=0")
    assert page.url == root + "kode/KAJ10/index.html"


def test_offline_build_links_end_in_index_html(tmp_path: Path) -> None:
    assert build_site(tmp_path / "site", extra=["--offline"]) == 0
    site = tmp_path / "site"
    html = (site / "kode/JKA21/index.html").read_text(encoding="utf-8")
    assert 'href="../../ncsp/index.html"' in html and 'href="../../ncsp/"' not in html
    assert (site / "assets/search/index.js").read_text(encoding="utf-8").startswith("window.nkpkSearchFile = {")
    assert '"url":"kode/{code}/index.html"' in (site / "api/kodeliste.js").read_text(encoding="utf-8")
