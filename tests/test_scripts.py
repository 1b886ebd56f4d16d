"""The site's own scripts share one convention: modern syntax, and every address from the page."""

from __future__ import annotations

import re

import pytest

from .helpers import ROOT

# The scripts under this convention; the search's follow when they are reworked.
SCRIPTS = [
    "templates/assets/javascripts/nkpk-404.js",
    "templates/assets/javascripts/nkpk-scope.js",
    "site_src/assets/nkpk-csv.js",
    "site_src/assets/checker-core.js",
    "site_src/assets/checker-files.js",
    "site_src/assets/checker.js",
]


@pytest.mark.parametrize("name", SCRIPTS)
def test_a_script_uses_modern_syntax(name: str) -> None:
    text = (ROOT / name).read_text(encoding="utf-8")
    assert not re.search(r"\bvar\s", text)
    assert not re.search(r"\bfunction\s*\(", text)


def test_the_404_script_takes_its_addresses_from_the_page(tmp_path) -> None:
    text = (ROOT / "templates/assets/javascripts/nkpk-404.js").read_text(encoding="utf-8")
    code = re.sub(r"^\s*//.*$", "", text, flags=re.M)  # the comments may name addresses
    assert not re.search(r"[\"'](kode|sok|api|\.\./)", code)
    assert "dataset.nkpkRoot" in code and "dataset.nkpkCodeUrl" in code
    page = (ROOT / "templates/404.html").read_text(encoding="utf-8")
    assert 'data-nkpk-code-url="{{ nkpk_urls.code }}"' in page
