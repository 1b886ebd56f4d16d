"""axe-core with the WCAG 2.2 AA rules on the pages coders use every day, real corpus, 390 and 1366 px.

No violation of serious or critical impact on the front page, a code page, an
expired code's page, a change page, the checker with a result, the proposal
form with its e-mail made, and a book view.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest

from .browser import browser, goto, serve  # noqa: F401 - the shared Debian chromium fixture
from .helpers import ROOT

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
WIDTHS = (390, 1366)
PAGES = {
    "forside": "",
    "kode": "kode/JKA21/",
    "utgatt-kode": "kode/AADE00/",
    "endring": "endringer/2016/",
    "sjekk": "sjekk/",
    "forslagsskjema": "forslagsskjema/?kode=JKA21&tekst=Laparoskopisk%20kolecystektomi",
    "bok": "bok/ncsp-J/",
}


@pytest.fixture(scope="module")
def base(real_site: Path) -> Iterator[str]:
    with serve(real_site) as url:
        yield url


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.is_file():
        pytest.fail(f"axe-core not found at {AXE}: run `make axe`")
    return AXE.read_text(encoding="utf-8")


def _prepare(page, name: str) -> None:
    """Bring the page to the state a user sees: a checker result, a finished proposal."""
    if name == "sjekk":
        page.fill("textarea[name=koder]", "JKA21, TAB00, XYZ99, JKA2L")
        page.click("[data-nkpk-form] button[type=submit]")
        page.wait_for_selector(".nkpk-checker__grid tbody tr")
    elif name == "forslagsskjema":
        page.fill("#forslag-begrunnelse", "Begrunnelse")
        page.fill("#forslag-navn", "Kari Koder")
        page.fill("#forslag-epost", "kari@example.no")
        page.check("input[name=ingen-pasient]")
        page.click("text=Lag e-posten")
        page.wait_for_selector("[data-nkpk-result]", state="visible")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", sorted(PAGES))
def test_no_serious_wcag22_violation(browser, base, axe_source, name, width) -> None:  # noqa: F811
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        goto(page, base + PAGES[name])
        _prepare(page, name)
        page.evaluate(axe_source)  # through the driver: not an inline script, so the policy allows it
        result = page.evaluate("(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG22_AA)
    finally:
        context.close()
    found = [
        f"{v['impact']} {v['id']}: {v['help']} ({', '.join(str(n['target']) for n in v['nodes'][:3])})"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert found == [] and errors == []
    assert "target-size" in {rule["id"] for rule in result["passes"] + result["inapplicable"]}  # 2.5.8 was checked
