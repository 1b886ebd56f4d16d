"""A hostile sample: code texts and a file name full of markup show as the text they are.

Texts holding HTML, Markdown and entities reach code pages, browse pages,
change pages, the JSON twins, the search file, the downloads page and the
build report; on every page they must be text nodes equal to the input, and
no element of theirs may appear anywhere in the site.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator import urls

from .helpers import build_site, load_json

HOSTILE = {
    "JKA20": "<script>alert(1)</script> kolecystektomi",
    "JKA21": "*stjerne* og _understrek_ og `kode`",
    "JKA22": "a|b | c || d",
    "JKA23": "[x](y) og ![bilde](z.png) og <i class=\"nkpk-injected\">i</i>",
    "JKA24": "AT&amp;T &lt;b&gt; &#60;img src=x onerror=alert(2)&#62; {{ 7*7 }} {% raw %}",
}
FILE_NAME = "koder <img src=x onerror=alert(3)> & [y](z) *a* #1?.txt"  # no slash: a file name
OLD_TEXT = "Kolecystektomi"


class _Page(HTMLParser):
    """Text of the whole page, and every element with its attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.texts: list[str] = []
        self._open: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        self._open.append(tag)

    def handle_endtag(self, tag):
        while self._open and self._open.pop() != tag:
            pass

    def handle_data(self, data):
        if data.strip():
            self.texts.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.texts).split())


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def _write_sample(folder: Path) -> Path:
    old = f"JKA20\t{OLD_TEXT}\nJKA29\tFjernes\n"
    new = "".join(f"{code}\t{text}\n" for code, text in HOSTILE.items())
    (folder / "2016.txt").write_text(old, encoding="utf-8")
    (folder / FILE_NAME).write_text(new, encoding="utf-8")
    manifest = folder / "releases.yaml"
    manifest.write_text(
        "releases:\n"
        "  - year: 2016\n    files:\n      - {path: 2016.txt, system: NCSP}\n"
        f"  - year: 2017\n    files:\n      - {{path: {json.dumps(FILE_NAME)}, system: NCSP}}\n",
        encoding="utf-8",
    )
    return manifest


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    assert build_site(folder / "site", _write_sample(folder), site_url="https://example.org/nkpk/") == 0
    return folder / "site"


def _strings(data) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for key, value in data.items() for s in _strings(key) + _strings(value)]
    if isinstance(data, list):
        return [s for item in data for s in _strings(item)]
    return []


@pytest.mark.parametrize("code", sorted(HOSTILE))
def test_code_page_shows_the_text_as_text(site: Path, code: str) -> None:
    page = _parse(site / "kode" / code / "index.html")
    assert f"{code} {HOSTILE[code]}" in page.texts or HOSTILE[code] in page.texts
    title = next(t for t in page.texts if t.endswith("NKPK – prosedyrekoder"))
    assert title == f"{code} {HOSTILE[code]} - NKPK – prosedyrekoder"


def test_browse_page_and_change_page_show_every_text(site: Path) -> None:
    for path in ("ncsp/JKA/index.html", "endringer/2017/index.html"):
        texts = _parse(site / path).texts
        for code, text in HOSTILE.items():
            assert text in texts, (path, code)


def test_json_twins_and_search_file_hold_the_texts_unchanged(site: Path) -> None:
    for code, text in HOSTILE.items():
        assert load_json(site / urls.code_json(code))["versions"][-1]["text"] == text
    change_strings = _strings(load_json(site / urls.changes_json(2017)))
    assert set(HOSTILE.values()) <= set(change_strings)
    search_index = getattr(urls, "SEARCH_INDEX", None)  # the search file, where the build writes one
    if search_index is not None:
        assert set(HOSTILE.values()) <= set(_strings(load_json(site / search_index)))


def test_downloads_page_and_report_show_the_file_name(site: Path) -> None:
    page = _parse(site / "nedlasting" / "index.html")
    assert FILE_NAME in page.texts
    links = [attrs.get("href", "") for tag, attrs in page.elements if tag == "a"]
    published = urls.download_path(2017, FILE_NAME)
    assert (site / published).read_bytes() == (site.parent / FILE_NAME).read_bytes()
    assert urls.file_link("nedlasting/", published) in links
    report = load_json(site / urls.REPORT_JSON)
    assert FILE_NAME in [f["path"] for r in report["releases"] for f in r["files"]]
    assert FILE_NAME in (site / urls.REPORT_TEXT).read_text(encoding="utf-8")


def test_no_hostile_element_anywhere(site: Path) -> None:
    """No element, attribute or link of the hostile texts made it into any page as markup."""
    found = []
    for path in sorted(site.rglob("*.html")):
        generated = path.relative_to(site).parts[0] in ("kode", "ncsp", "endringer", "nedlasting", "rapport")
        for tag, attrs in _parse(path).elements:
            injected = (
                "nkpk-injected" in (attrs.get("class") or "")
                or "onerror" in attrs
                or (tag == "script" and "src" not in attrs and attrs.get("type") != "application/json")
                or (tag == "a" and attrs.get("href") == "y")
                or (tag == "img" and attrs.get("src") in ("x", "z.png"))
                or (generated and tag in ("em", "strong"))
            )
            if injected:
                found.append((path.relative_to(site).as_posix(), tag, attrs))
    assert found[:5] == []


def test_no_template_code_ran_on_the_texts(site: Path) -> None:
    """`{{ 7*7 }}` stays as typed: texts are data, never templates."""
    text = _parse(site / "kode" / "JKA24" / "index.html").text
    assert "{{ 7*7 }} {% raw %}" in text and " 49 " not in text
