"""An independent reading and comparison of the real corpus, to check the build against.

It uses neither the project's readers nor python-calamine: text files are
decoded and split here, workbooks are read with openpyxl.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import openpyxl
import yaml

from .helpers import ROOT

MANIFEST = ROOT / "data" / "releases.yaml"
SYSTEM_COLUMN = {"NCSP": "NCSP", "NCMP": "NCMP", "NCRP": "NCRP"}

# year -> system -> code -> text
Releases = dict[int, dict[str, dict[str, str]]]


def clean_text(text: str) -> str:
    text = " ".join(text.replace("\ufeff", "").split())
    if len(text) >= 2 and text[0] == text[-1] == '"' and '"' not in text[1:-1].replace('""', ""):
        text = text[1:-1].replace('""', '"')
    return text


def _text_rows(path: Path, system: str) -> list[tuple[str, str, str]]:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252")
    separator = ";" if path.suffix == ".csv" else "\t"
    rows = []
    for line in text.splitlines():
        if line.strip():
            code, _, rest = line.partition(separator)
            rows.append((system, code, rest))
    return rows


def _sheet_rows(path: Path, system: str | None) -> list[tuple[str, str, str]]:
    book = openpyxl.load_workbook(path, read_only=True)
    try:  # a read-only workbook keeps its file open until it is closed
        values = [[("" if v is None else str(v)) for v in row] for row in book.worksheets[0].iter_rows(values_only=True)]
    finally:
        book.close()
    values = [row for row in values if any(cell.strip() for cell in row)]
    if values and values[0][0].strip().lower() == "kodeverk":
        return [(SYSTEM_COLUMN[row[0].strip()], row[1], row[2]) for row in values[1:]]
    return [(system, row[0], row[1]) for row in values]


def read_releases(manifest: Path = MANIFEST) -> Releases:
    data = yaml.safe_load(manifest.read_text(encoding="utf-8"))
    releases: Releases = {}
    for release in data["releases"]:
        systems: dict[str, dict[str, str]] = defaultdict(dict)
        for entry in release["files"]:
            if entry.get("kind", "codes") != "codes":
                continue  # a book or an official change document: this reading takes code lists only
            path = (manifest.parent / entry["path"]).resolve()
            system = {"Særkoder": "SK"}.get(entry.get("system"), entry.get("system"))
            reader = _sheet_rows if path.suffix == ".xlsx" else _text_rows
            for sys_, code, text in reader(path, system):
                systems[sys_][re.sub(r"\s", "", code).upper()] = clean_text(text)
        releases[release["year"]] = dict(systems)
    return releases


def expected_changes(releases: Releases) -> dict[int, set[tuple[str, str, str]]]:
    """year -> {(system, code, kind)}, each code system against its previous release that has it."""
    result: dict[int, set[tuple[str, str, str]]] = {}
    seen: dict[str, list[dict[str, str]]] = defaultdict(list)
    for year in sorted(releases):
        changes = set()
        for system, now in releases[year].items():
            history = seen[system]
            if history:
                before = history[-1]
                ever = set().union(*history)
                for code in now.keys() - before.keys():
                    changes.add((system, code, "reactivated" if code in ever else "new"))
                for code in before.keys() - now.keys():
                    changes.add((system, code, "expired"))
                for code in now.keys() & before.keys():
                    if now[code] != before[code]:
                        changes.add((system, code, "text"))
            history.append(now)
        result[year] = changes
    return result
