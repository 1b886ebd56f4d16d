"""Browser helpers for tests and benchmarks: serve a built site, drive Debian's chromium.

`serve(root)` serves a folder on 127.0.0.1 at a free port (static_host.py's host at `/`); `chromium()`
launches the system chromium through Playwright (never a downloaded browser).
Test modules import the fixtures they use: `browser` (one per module: a
test module imports its own copy, and Playwright's sync API allows one
running instance at a time), `page` (one per test), `engine_page` (a
blank page with lunr and the site's search engine, one per module), `open_at`
and `base` (the real site served, one per module); `check_codes` runs the
checker on a page.
"""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path
from typing import Callable, Iterator

import pytest

from .static_host import host

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update"]


def serve(root: Path) -> contextlib.AbstractContextManager[str]:
    """Serve `root` over HTTP on 127.0.0.1 at a free port; yields the base URL (ending in /)."""
    return host(root)


@contextlib.contextmanager
def chromium() -> Iterator[object]:
    """A headless Debian chromium driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if shutil.which(CHROMIUM) is None:
        pytest.fail(f"chromium not found at {CHROMIUM}: run `make browser`")
    with chromium() as launched:
        yield launched


@pytest.fixture
def page(browser) -> Iterator[object]:
    """A fresh page that fails the test on any JavaScript error."""
    context = browser.new_context()
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    yield opened
    context.close()
    assert not errors, f"JavaScript errors: {errors}"


@pytest.fixture(scope="module")
def engine_page(browser) -> Iterator[object]:
    """A blank page with the scripts' words, lunr, its Norwegian support and the search scripts (urls.SEARCH_SCRIPTS)."""
    from generator.pages.browser_labels import labels_script
    from generator.search.text import lunr_sources
    from generator.urls import SEARCH_SCRIPTS

    context = browser.new_context()
    opened = context.new_page()
    opened.set_content("<!doctype html><title>search engine</title>")
    opened.add_script_tag(content=labels_script())
    for source in (*lunr_sources().values(), *(ROOT / "site_src" / path for path in SEARCH_SCRIPTS)):
        opened.add_script_tag(content=source.read_text(encoding="utf-8"))
    yield opened
    context.close()


@pytest.fixture
def open_at(browser) -> Iterator[Callable]:  # noqa: F811
    """open_at(width, url): a page in a fresh context of that width; fails the test on a script error."""
    contexts, errors = [], []

    def opener(width: int, url: str, clipboard: bool = False):
        context = browser.new_context(viewport={"width": width, "height": 900})
        if clipboard:
            context.grant_permissions(["clipboard-read", "clipboard-write"])
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        goto(page, url)
        return page

    yield opener
    for context in contexts:
        context.close()
    assert errors == []


CHECKER_SHOWN = "nkpk-checker-shown"  # the checker's performance mark once a table is shown


def scripts_ready(page) -> None:
    """Wait until the page's scripts, which load after its first paint, have all run.

    templates/assets/javascripts/nkpk-load.js marks <html> with data-nkpk-scripts="ready" then.
    """
    page.wait_for_function("() => document.documentElement.dataset.nkpkScripts === 'ready'")


def goto(page, url: str, **options):
    """`page.goto`, then wait for the page's scripts (they load after the first paint, often after `load`)."""
    response = page.goto(url, **options)
    scripts_ready(page)
    return response


@pytest.fixture(scope="module")
def base(real_site: Path) -> Iterator[str]:
    """The real site (conftest's `real_site`) served over HTTP: its base URL."""
    with serve(real_site) as url:
        yield url


def check_codes(page, text: str) -> list[list[str]]:
    """Paste `text` into the checker on `page`, check it, and give the result table's rows as cell texts."""
    page.fill("textarea[name=koder]", text)
    page.click("[data-nkpk-form] button[type=submit]")
    page.wait_for_function(f"() => performance.getEntriesByName('{CHECKER_SHOWN}').length >= 1")
    return page.evaluate("() => [...document.querySelectorAll('.nkpk-checker__grid tbody tr')]"
                         ".map(r => [...r.cells].map(c => c.innerText.trim()))")
