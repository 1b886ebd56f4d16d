"""The sample site in Debian's chromium, served under a sub-path as a static host would.

For the front page, a code page, a change page, the search page (with a
query) and the page-not-found page: every request the browser makes goes
to the site's own origin, the Content Security Policy reports no
violation, no script fails, and axe-core (from the npm registry, installed
by `make test`) finds no serious or critical violation of WCAG 2.1 A/AA or
its best practices, and none at all of the rules on language, landmarks,
headings, tables, labels and contrast.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

import pytest

from .browser import browser, scripts_ready  # noqa: F401 - the shared Debian chromium fixture
from .helpers import ROOT, build_site
from .static_host import host

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
# Rules that must pass whatever impact axe gives them: language, landmarks, headings, tables.
STRICT_RULES = {
    "html-has-lang", "html-lang-valid", "landmark-one-main", "landmark-unique", "region", "bypass",
    "page-has-heading-one", "heading-order", "empty-heading", "td-headers-attr", "th-has-data-cells",
    "scope-attr-valid", "color-contrast", "link-in-text-block", "label", "document-title",
}
BASE_PATH = "/nkpk/"
PAGES = {
    "forside": "",
    "kode": "kode/JKA21/",
    "endring": "endringer/2017/",
    "sok": "sok/?q=kolecystektomi",
    "notat": "notat/",
}
# Records Content Security Policy violations from the first script on.
WATCH_CSP = """
window.__nkpkCsp = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__nkpkCsp.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
});
"""


@pytest.fixture(scope="module")
def base_url(tmp_path_factory) -> Iterator[str]:
    site = tmp_path_factory.mktemp("browser") / "site"
    assert build_site(site, site_url="https://example.org" + BASE_PATH, epoch=1775606400) == 0
    with host(site, BASE_PATH) as url:
        yield url


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.is_file():
        pytest.fail(f"axe-core not found at {AXE}: run `make test` (npm ci installs it)")
    return AXE.read_text(encoding="utf-8")


class Visit:
    """One page load in a fresh browser context, with everything it asked for and reported."""

    def __init__(self, browser, url: str) -> None:
        self.context = browser.new_context()
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.console_errors: list[str] = []  # a blocked load or policy violation is logged here too
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("console", lambda message: message.type == "error" and self.console_errors.append(message.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.add_init_script(WATCH_CSP)
        self.response = self.page.goto(url, wait_until="networkidle")
        scripts_ready(self.page)

    @property
    def csp_violations(self) -> list[str]:
        return self.page.evaluate("window.__nkpkCsp")

    def foreign_requests(self, origin: str) -> list[str]:
        return [url for url in self.requests if _origin(url) != origin]

    def axe_violations(self, axe_source: str) -> list[str]:
        """Serious and critical axe-core violations, and any of STRICT_RULES, one line each."""
        self.page.evaluate(axe_source)  # through the driver: not an inline script, so the policy allows it
        result = self.page.evaluate("(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
        return [
            f"{v['impact']} {v['id']}: {v['help']} ({', '.join(str(n['target']) for n in v['nodes'][:3])})"
            for v in result["violations"]
            if v["impact"] in ("serious", "critical") or v["id"] in STRICT_RULES
        ]

    def close(self) -> None:
        self.context.close()


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@pytest.fixture
def visit(browser) -> Iterator:
    opened: list[Visit] = []

    def open_page(url: str) -> Visit:
        opened.append(Visit(browser, url))
        return opened[-1]

    yield open_page
    for page in opened:
        page.close()


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_loads_only_from_its_own_origin_within_the_policy(visit, base_url, name) -> None:
    page = visit(base_url + PAGES[name])
    assert page.response.status == 200
    assert len(page.requests) > 3  # the page, its styles and its scripts
    assert page.foreign_requests(_origin(base_url)) == []
    assert page.csp_violations == []
    assert page.errors == [] and page.console_errors == []


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_has_no_serious_accessibility_violation(visit, base_url, axe_source, name) -> None:
    page = visit(base_url + PAGES[name])
    assert page.page.evaluate("document.documentElement.lang") == "nb"
    assert page.axe_violations(axe_source) == []


def test_search_page_finds_the_code(visit, base_url) -> None:
    page = visit(base_url + "sok/?q=JKA21")
    page.page.wait_for_selector("[data-nkpk-list] a")
    assert "JKA21" in page.page.inner_text("[data-nkpk-list]")
    assert page.foreign_requests(_origin(base_url)) == [] and page.csp_violations == []


@pytest.mark.parametrize("address", ["kode/jka21", "JKA21", "kode/jka21/index.html"])
def test_missing_address_that_looks_like_a_code_goes_to_it(visit, base_url, axe_source, address) -> None:
    page = visit(base_url + address)
    assert page.response.status == 404
    page.page.wait_for_url(base_url + "kode/JKA21/")  # not only "Mente du JKA21?", but there
    assert page.page.inner_text("h1").startswith("JKA21 ")
    assert page.foreign_requests(_origin(base_url)) == [] and page.csp_violations == [] and page.errors == []
    assert page.axe_violations(axe_source) == []


def test_missing_address_with_no_such_code_offers_search_only(visit, base_url) -> None:
    page = visit(base_url + "kode/XYZ99/")
    assert page.response.status == 404
    assert page.page.is_hidden("[data-nkpk-404-code]")
    assert page.page.input_value("#nkpk-404-query") == "XYZ99"
    page.page.click(".nkpk-404-search button")
    page.page.wait_for_url(base_url + "sok/?q=XYZ99")


def test_keyboard_focus_is_always_visible(visit, base_url) -> None:
    page = visit(base_url + PAGES["kode"])
    unseen = []
    for _ in range(25):
        page.page.keyboard.press("Tab")
        shown = page.page.evaluate(
            """() => {
              const element = document.activeElement, style = getComputedStyle(element);
              const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
              return [element.outerHTML.slice(0, 80), outline || style.boxShadow !== "none"];
            }"""
        )
        if not shown[1]:
            unseen.append(shown[0])
    assert unseen == []
