"""The scripts' words: one labels module (assets/nkpk-labels.js) made from labels.BROWSER_LABELS.

The build writes it; every page loads it before the site's own scripts; the
scripts under site_src/assets/ write no Norwegian of their own.
"""

from __future__ import annotations

import json
import re
import subprocess

import pytest

from generator import urls
from generator.labels import BROWSER_LABELS
from generator.pages.browser_labels import labels_script

from .helpers import ROOT, build_site

ASSETS = ROOT / "site_src" / "assets"
# A string literal of a script (comments removed first).
LITERAL = re.compile(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'')
COMMENT = re.compile(r"^\s*(//|/\*|\*).*$|\s//\s.*$", re.M)
# Norwegian in a literal: its letters, or words the scripts used to write themselves.
NORWEGIAN = re.compile(r"[æøåÆØÅ]|\b(Gyldig|Ugyldig|Ukjent|Viser|treff|rader|koder|utgaven|Kodeverk|Forslag|Skriv|Mente)\b")


def norwegian(code: str) -> list[str]:
    """The string literals of a script that hold Norwegian (comments and [attribute=value] selectors aside)."""
    code = COMMENT.sub("", code)
    return [m.group(0) for m in LITERAL.finditer(code) if NORWEGIAN.search(re.sub(r"\[[^\]]*\]", "", m.group(0)))]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("labels") / "site"
    assert build_site(out) == 0
    return out


def _node(script: str) -> dict:
    """What the labels script sets, as node reads it (and a few labels filled in)."""
    probe = script + """
const L = window.nkpkLabels;
console.log(JSON.stringify({
  words: L, frozen: Object.isFrozen(L) && Object.isFrozen(L.status),
  filled: L.fill(L.status.expired, { year: 2016 }),
  pattern: L.fill("{a} {b}", { a: "$&" }),
}));
"""
    done = subprocess.run(["node", "-e", "globalThis.window = {};\n" + probe], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def test_the_script_holds_the_labels_frozen_and_fills_fields() -> None:
    found = _node(labels_script())
    assert found["words"] == json.loads(json.dumps(BROWSER_LABELS))  # fill is a function: JSON leaves it out
    assert found["frozen"]
    assert found["filled"] == "Utgått fra 2016"
    assert found["pattern"] == "$& {b}"  # a value is never read as a replacement pattern; an unknown field stays


def test_the_script_is_deterministic_with_sorted_keys() -> None:
    text = labels_script()
    assert text == labels_script() and text.endswith("})();\n")
    assert text.index('"checker"') < text.index('"compare"') < text.index('"everyday"') < text.index('"search"')


def test_the_build_writes_it_and_every_page_loads_it_first(site) -> None:
    assert (site / urls.LABELS_SCRIPT).read_text(encoding="utf-8") == labels_script()
    pages = [site / "index.html", site / "kode" / "JKA21" / "index.html", site / "sjekk" / "index.html",
             site / "endringer" / "sammenlign" / "index.html", site / "forslagsskjema" / "index.html"]
    for page in pages:
        html = page.read_text(encoding="utf-8")
        # templates/assets/javascripts/nkpk-load.js runs them in this order: its own list, then each page's list
        lists = re.findall(r'data-nkpk-load="([^"]*)"', html) + re.findall(r'data-nkpk-page-scripts="([^"]*)"', html)
        ours = [src for src in " ".join(lists).split() if "javascripts/" not in src]
        assert ours[0].endswith(urls.LABELS_SCRIPT) and len(ours) > 1, (page, ours)
        assert sum(src.endswith(urls.LABELS_SCRIPT) for src in ours) == 1
        assert not re.findall(r'<script src="[^"]*assets/(?!javascripts/nkpk-load\.js)', html), page  # no other script tag


@pytest.mark.parametrize("path", sorted(ASSETS.glob("*.js")), ids=lambda p: p.name)
def test_no_script_writes_norwegian_of_its_own(path) -> None:
    found = norwegian(path.read_text(encoding="utf-8"))
    if path.name == "search-text.js":  # the spelling rules' letters, not words
        found = [f for f in found if f not in ('"eiyæø"',)]
    assert found == []


def test_a_script_that_writes_norwegian_is_found() -> None:
    assert norwegian('// "Gyldig" in a comment\nx = "nkpk-hit"; // "Viser" here too\ny = "select[name=utgave]";') == []
    assert norwegian('say("Viser " + n + " rader");') == ['"Viser "', '" rader"']


def test_the_harmonised_tables_and_the_comparison_share_their_words() -> None:
    from generator.labels import CHANGE_COLUMNS, CHANGE_WORDS, SUCCESSOR_WORDS

    compare = BROWSER_LABELS["compare"]
    assert compare["csvHeaders"] == list(CHANGE_COLUMNS)
    assert compare["changeWords"] is CHANGE_WORDS and compare["successorWords"] is SUCCESSOR_WORDS


@pytest.mark.parametrize("path", sorted(ASSETS.glob("*.js")), ids=lambda p: p.name)
def test_every_label_a_script_reads_exists(path) -> None:
    code = COMMENT.sub("", path.read_text(encoding="utf-8"))
    part = re.search(r"\b(?:const|var|let) L = LABELS\.(\w+);", code)
    if part is None:
        assert "nkpkLabels" not in code  # a script that reads labels names its part as L
        return
    words = BROWSER_LABELS[part.group(1)]
    read = set(re.findall(r"\bL\.(\w+)", code))
    assert read and sorted(read - set(words)) == []
    assert set(re.findall(r"\bLABELS\.(\w+)", code)) <= set(BROWSER_LABELS) | {"fill"}
