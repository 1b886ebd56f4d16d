"""The maintained synonyms file: reading it, its place in the manifest, the search file and the build report."""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import pytest

from generator import urls
from generator.build import prepare
from generator.inputs.manifest import load_manifest
from generator.inputs.diagnostics import InputError
from generator.search.synonyms import load_synonyms, search_synonyms, synonym_notes
from generator.search.text import key

from . import sample
from .helpers import ROOT, build_site

SYNONYMS = """\
# kind: what people type: words of the code texts
abbreviation:
  rg: [røntgen]
everyday:
  grå stær: [katarakt*]
  blindtarmoperasjon: appendektomi
  mandler: [tonsill*, mandelfjerning]
  tur-p: [transuretral reseksjon av prostata]
"""


def _write(folder: Path, text: str) -> Path:
    path = folder / "synonyms.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_entries_are_read_with_their_lines_and_keyed_as_the_search_keys_words(tmp_path: Path) -> None:
    synonyms = load_synonyms(_write(tmp_path, SYNONYMS))
    assert [(s.kind, s.typed, s.means, s.where.line) for s in synonyms] == [
        ("abbreviation", "rg", ("røntgen",), 3),
        ("everyday", "grå stær", ("katarakt*",), 5),
        ("everyday", "blindtarmoperasjon", ("appendektomi",), 6),
        ("everyday", "mandler", ("tonsill*", "mandelfjerning"), 7),
        ("everyday", "tur-p", ("transuretral reseksjon av prostata",), 8),
    ]
    assert search_synonyms(synonyms) == {
        "blindtarmoperasjon": ["everyday", "appendektom"],
        "grå ster": ["everyday", "katarakt*"],
        "mandl": ["everyday", "mandelfjerning", "tonsill*"],
        "rg": ["abbreviation", "rentg"],
        "tur p": ["everyday", "transuretral reseksjon prostat"],
    }


@pytest.mark.parametrize(
    "text, message",
    [
        ("- rg\n", "expected a mapping"),
        ("slang:\n  rg: [røntgen]\n", "'slang' is no kind of synonym"),
        ("latin: [rg]\n", "expected entries"),
        ("latin:\n  rg: []\n", re.escape("expected `word: [words of the code texts]`")),
        ("latin:\n  rg: [av i]\n", "has no word"),
        ("latin:\n  hofte kne skulder albue: [x]\n", "one to 3 words"),
    ],
)
def test_a_bad_entry_stops_the_build_naming_the_file_and_line(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(InputError, match=message) as error:
        load_synonyms(_write(tmp_path, text))
    assert error.value.where.file.endswith("synonyms.yaml")


def test_a_word_no_code_text_has_is_a_note(tmp_path: Path) -> None:
    synonyms = load_synonyms(_write(tmp_path, SYNONYMS))
    words = ["appendektomi", "katarakt", "kataraktoperasjon", "røntgen", "tonsillektomi", "prostata", "reseksjon"]
    vocabulary = sorted(key(w) for w in words)
    notes = synonym_notes(synonyms, vocabulary)
    assert [(n.where.line, n.kind, n.detail) for n in notes] == [
        (7, "unknown-synonym", "everyday: mandler: mandelfjerning is no word of any code text"),
        (8, "unknown-synonym", "everyday: tur-p: transuretral reseksjon av prostata is no word of any code text"),
    ]


@pytest.mark.real
def test_the_project_synonyms_name_only_words_of_the_real_texts() -> None:
    manifest = load_manifest(ROOT / "data" / "releases.yaml")
    assert manifest.synonyms == ROOT / "data" / "synonyms.yaml"
    project = prepare(manifest.path)
    assert {"rg", "ct", "mr", "ul", "blindtarm", "galleblære", "mandler", "grå stær"} <= {s.typed for s in project.synonyms}
    assert [n for n in project.notes if n.kind == "unknown-synonym"] == []


def test_the_build_puts_synonyms_in_the_search_file_and_unknown_ones_in_the_report(tmp_path: Path) -> None:
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    sample.generate(folder)
    manifest = folder / "releases.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + "synonyms: synonyms.yaml\n", encoding="utf-8")
    _write(folder, "everyday:\n  galle: [kolecystektomi, ukjentord]\n")
    out = tmp_path / "site"
    assert build_site(out, manifest) == 0
    data = json.loads((out / urls.SEARCH_INDEX).read_text(encoding="utf-8"))
    assert data["synonyms"] == {"gall": ["everyday", "kolesystektom", "ukjentord"]}
    report = (out / "rapport" / "byggerapport.txt").read_text(encoding="utf-8")
    assert "synonyms.yaml:2: unknown-synonym: everyday: galle: ukjentord is no word of any code text" in report
    assert "kolecystektomi is no word" not in report


def test_a_manifest_naming_a_missing_synonyms_file_stops(tmp_path: Path) -> None:
    (tmp_path / "releases.yaml").write_text("synonyms: nowhere.yaml\nreleases: []\n", encoding="utf-8")
    with pytest.raises(InputError, match="synonyms file not found: nowhere.yaml"):
        load_manifest(tmp_path / "releases.yaml")
