"""The API page (api/) and the JSON Schemas published beside the endpoints: every JSON file matches its schema."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote

import jsonschema
import pytest

from generator import urls
from generator.opendata.downloads import size_text
from generator.opendata.schemas import SCHEMAS
from generator.opendata.sizes import fill_size_slots, size_slot
from generator.output.write import OutputClash

from .helpers import load_json, parse_page

pytestmark = pytest.mark.real

# schema name -> the published files it describes (glob patterns under the site)
ENDPOINTS = {
    "kode": ["api/kode/*.json"],
    "endringer": ["api/endringer/*.json"],
    "kodeliste": ["api/kodeliste.json"],
    "fhir-codesystem": ["api/fhir/CodeSystem-nkpk.json", "api/fhir/*/CodeSystem-nkpk.json"],
    "fhir-conceptmap": ["api/fhir/*/ConceptMap-nkpk-*.json"],
    "byggerapport": ["rapport/byggerapport.json"],
}


def validator(site: Path, name: str) -> jsonschema.protocols.Validator:
    schema = load_json(site / f"api/schema/{name}.schema.json")
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def test_every_json_endpoint_matches_its_published_schema(real_site: Path) -> None:
    assert set(ENDPOINTS) == set(SCHEMAS) == {p.name.removesuffix(".schema.json") for p in (real_site / "api/schema").glob("*")}
    for name, patterns in ENDPOINTS.items():
        check = validator(real_site, name)
        files = [p for pattern in patterns for p in real_site.glob(pattern)]
        assert files, name
        for path in files:
            errors = list(check.iter_errors(load_json(path)))
            assert not errors, f"{path.relative_to(real_site)}: {errors[0].message} at {list(errors[0].absolute_path)}"
    assert len(list(real_site.glob("api/kode/*.json"))) == 10148


def test_schemas_refuse_what_they_do_not_allow(real_site: Path) -> None:
    """A schema that accepted anything would pass the test above: each refuses a broken document."""
    code = load_json(real_site / "api/kode/JKA21.json")
    broken = {
        "kode": {**code, "versions": [{"text": "uten år"}]},
        "endringer": {**load_json(real_site / "api/endringer/2016.json"), "changes": [{"code": "JKA21", "change": "borte"}]},
        "kodeliste": {"format": 2},
        "fhir-codesystem": {**load_json(real_site / "api/fhir/2016/CodeSystem-nkpk.json"), "url": "http://example.org/nkpk"},
        "fhir-conceptmap": {"resourceType": "ConceptMap", "status": "active",
                            "group": [{"source": "x", "sourceVersion": "1", "target": "x", "targetVersion": "2",
                                       "element": [{"code": "JKA21", "target": [{"equivalence": "wider"}]}]}]},
        "byggerapport": {"releases": []},
    }
    for name, document in broken.items():
        assert list(validator(real_site, name).iter_errors(document)), name


def test_api_page_documents_every_endpoint_with_an_example_and_its_schema(real_site: Path) -> None:
    page = real_site / "api/index.html"
    html = page.read_text(encoding="utf-8")
    hrefs = {unquote(h) for h in re.findall(r'href="([^"]+)"', html)}
    for name in SCHEMAS:
        assert f"../api/schema/{name}.schema.json" in hrefs or f"schema/{name}.schema.json" in hrefs, name
    for href in hrefs:
        if href.endswith(".json"):
            assert (page.parent / href).resolve().is_file(), href
    assert len(re.findall(r"<details class=\"nkpk-api-example\">", html)) == len(SCHEMAS)
    examples = [json.loads(b.replace("&#34;", '"').replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">")
                           .replace("&amp;", "&"))
                for b in re.findall(r"<details class=\"nkpk-api-example\">.*?<pre><code>(.*?)</code></pre>", html, re.S)]
    checker = next(e for e in examples if "similar" in e)  # the checker's code list: its maps are shortened too
    assert len(checker["similar"]) == len(checker["successors"]) == 2 and len(checker["codes"]) == 2
    assert len(html) < 80_000  # the examples show the shape, not the whole files
    text = " ".join(parse_page(page).text)
    assert "fra,til,kodeverk,kode,endring,før,etter,etterfølgere\n1999,2005,NCSP," in text  # a table's first lines
    assert "urn:oid:2.16.578.1.12.4.1.1.7275" in text and "Hva som holder seg likt" in text
    for path in (real_site / "api/fhir").rglob("*.json"):  # every FHIR file listed with its size
        assert path.relative_to(real_site).as_posix() in text, path


def test_sizes_on_the_api_and_downloads_pages_are_those_of_the_files_written(real_site: Path) -> None:
    """Every size the two pages print is the size of the file the build wrote, and no slot is left unfilled."""
    shown = set()
    for page in (real_site / "api/index.html", real_site / "nedlasting/index.html"):
        html = page.read_text(encoding="utf-8")
        assert "[nkpk-size:" not in html, page
        # a link to a file, then its size before the next link: "(6,1 MB)", a table cell or a span
        sized = re.findall(r'<a href="([^"]+)"[^>]*>[^<]*</a>(?:(?!<a ).){0,400}?(\d+(?:,\d)? (?:byte|kB|MB|GB))\b',
                           html, re.S)
        assert sized, page
        for href, size in sized:
            written = (page.parent / unquote(href)).resolve()
            assert size == size_text(written.stat().st_size), (page, href)
            shown.add(written)
    files = {p.resolve() for d in ("api/fhir", "api/schema", "nedlasting") for p in (real_site / d).rglob("*")
             if p.is_file() and p.name != "index.html"} - {(real_site / urls.OFFLINE_ZIP).resolve()}
    assert files - shown == set()  # each file's size is on one of the pages (the site's zip holds them: no size)


def test_size_slots_are_filled_from_the_files_written_and_a_file_not_written_stops_the_build(tmp_path: Path) -> None:
    page = tmp_path / "nedlasting/index.html"
    page.parent.mkdir()
    (tmp_path / "nedlasting/a.csv").write_bytes(b"x" * 1234)
    (tmp_path / "nedlasting/b.csv").write_bytes(b"y" * 99)
    html = f"<td>{size_slot('nedlasting/a.csv')}</td><td>{size_slot('nedlasting/b.csv')}</td>\n"
    page.write_text(html, encoding="utf-8")
    with pytest.raises(OutputClash, match="nedlasting/b.csv"):
        fill_size_slots(tmp_path, {"nedlasting/index.html"}, frozenset({"nedlasting/a.csv"}))
    fill_size_slots(tmp_path, {"nedlasting/index.html"}, frozenset({"nedlasting/a.csv", "nedlasting/b.csv"}))
    assert page.read_text(encoding="utf-8") == "<td>1,2 kB</td><td>99 byte</td>\n"
