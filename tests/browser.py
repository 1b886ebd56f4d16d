"""Browser helpers for tests and benchmarks: serve a built site, drive Debian's chromium.

`serve(root)` serves a folder on 127.0.0.1 at a free port; `chromium()`
launches the system chromium through Playwright (never a downloaded browser).
Test modules import the fixtures they use: `browser` (one per module: a
test module imports its own copy, and Playwright's sync API allows one
running instance at a time), `page` (one per test) and `engine_page` (a
blank page with lunr and the site's search engine, one per module).
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import threading
from pathlib import Path
from typing import Iterator

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args) -> None:  # noqa: A002 - the base class's name
        pass


@contextlib.contextmanager
def serve(root: Path) -> Iterator[str]:
    """Serve `root` over HTTP on 127.0.0.1; yields the base URL (ending in /)."""
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


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
    """A blank page with lunr, its Norwegian support and site_src/assets/search-engine.js."""
    from generator.search_text import lunr_sources

    context = browser.new_context()
    opened = context.new_page()
    opened.set_content("<!doctype html><title>search engine</title>")
    for source in (*lunr_sources().values(), ROOT / "site_src" / "assets" / "search-engine.js"):
        opened.add_script_tag(content=source.read_text(encoding="utf-8"))
    yield opened
    context.close()
