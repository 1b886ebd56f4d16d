"""Official FAT/FinnKode exports for tests, written from the real lists in data/.

One cumulative export covers the real 2016 and 2017 lists (`Alle prosedyrekoder
2016.xlsx` and `2017.xlsx`): a code of both with one text is one open row; a
code only in 2016 ends on 2016-12-31; a code new in 2017 starts on 2017-01-01;
a code whose text changed has two rows, the old text ending and the new one
starting. Beside them stand the codes of the real 2005 NCSP list that neither
year has (expired long ago: valid 1999-2006), a few codes valid only from 2030,
the chapter and group rows (each the `Foreldrekode` of the rows below it) and,
for the first long-text codes, a second 60-character text from 2017 on with the
same full text (a change of the short text only).

`write_export(rows, fmt, folder)` writes the rows in one of the five download
formats, each its own way: JSON (ISO dates with T00:00:00, null), Excel (date
cells, columns in another order), tab (UTF-8 with BOM, ISO dates), semicolon
(Windows-1252, every field quoted, DD.MM.YYYY) and pipe (UTF-8, T00:00:00).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from openpyxl import Workbook

from generator.inputs.readers import read_file
from generator.inputs.readers.base import FileSpec

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
FORMATS = ("json", "xlsx", "tab", "semicolon", "pipe")
SUFFIX = {"json": ".json", "xlsx": ".xlsx", "tab": ".txt", "semicolon": ".csv", "pipe": ".txt"}
KEYS = ("Kode", "Tekst_med_maksimalt_60_tegn", "Tekst_uten_lengdebegrensning", "Gyldig_fra", "Gyldig_til",
        "Foreldrekode", "Foreldrekodetekst", "Rapporteres_til_NPR", "Kodeverk", "Stjernekode")
XLSX_ORDER = (8, 0, 3, 4, 2, 1, 5, 6, 7, 9)  # the workbook's columns in another order
FUTURE = {"QXA90": "Framtidig prosedyre på nervesystemet", "QXA91": "Enda en framtidig prosedyre"}
SHORT_CHANGED = 3  # long-text codes whose 60-character text changes in 2017


@dataclass(frozen=True)
class Row:
    code: str
    text: str
    system: str
    start: dt.date | None
    end: dt.date | None
    parent: str
    short: str | None = None  # the 60-character text; None: the text cut at 60


def real_list(name: str, system: str | None = None) -> dict[str, tuple[str, str]]:
    """code -> (system, text) of a real list in data/, read by the project's own reader."""
    path = DATA / name
    return {r.code: (r.system, r.text) for r in read_file(FileSpec(path, name, system=system)).rows}


@cache
def real_lists() -> tuple[dict, dict, dict]:
    old = real_list("NCSP-N-full05.txt", "NCSP")
    return real_list("Alle prosedyrekoder 2016.xlsx"), real_list("Alle prosedyrekoder 2017.xlsx"), old


def heading_text(system: str, key: str) -> str:
    return f"Eksportens overskrift {system} {key}"


def export_rows() -> list[Row]:
    """Every row of the cumulative export, headings first within their system, in code order."""
    y16, y17, old = real_lists()
    jan17, dec16 = dt.date(2017, 1, 1), dt.date(2016, 12, 31)
    rows: list[Row] = []
    for code in sorted(set(y16) | set(y17)):
        before, after = y16.get(code), y17.get(code)
        system = (after or before)[0]
        if before and after and before[1] != after[1]:
            rows += [Row(code, before[1], system, dt.date(2010, 1, 1), dec16, code[:2]),
                     Row(code, after[1], system, jan17, None, code[:2])]
        elif before and after:
            rows.append(Row(code, after[1], system, dt.date(1999, 1, 1), None, code[:2]))
        elif before:
            rows.append(Row(code, before[1], system, dt.date(2005, 1, 1), dec16, code[:2]))
        else:
            rows.append(Row(code, after[1], system, jan17, None, code[:2]))
    gone = sorted(set(old) - set(y16) - set(y17))
    rows += [Row(c, old[c][1], "NCSP", dt.date(1999, 1, 1), dt.date(2006, 12, 31), c[:2]) for c in gone]
    rows += [Row(c, t, "NCSP", dt.date(2030, 1, 1), None, c[:2]) for c, t in FUTURE.items()]
    rows = _short_changes(rows)
    return sorted(rows + _headings(rows), key=lambda r: (r.system, r.code, r.start or dt.date.min))


def short_changed_codes() -> list[str]:
    """The codes whose 60-character text changes in 2017 while their full text stays."""
    return [r.code for r in export_rows() if r.short and r.short.endswith(" (ny kort tekst)")]


def _short_changes(rows: list[Row]) -> list[Row]:
    out, changed = [], 0
    for row in rows:
        if changed < SHORT_CHANGED and len(row.text) > 60 and row.start == dt.date(1999, 1, 1) and not row.end:
            short = row.text[:44] + " (ny kort tekst)"
            out += [Row(row.code, row.text, row.system, row.start, dt.date(2016, 12, 31), row.parent),
                    Row(row.code, row.text, row.system, dt.date(2017, 1, 1), None, row.parent, short)]
            changed += 1
        else:
            out.append(row)
    return out


def _headings(rows: list[Row]) -> list[Row]:
    keys = sorted({(r.system, r.code[:n]) for r in rows for n in (1, 2)})
    since = dt.date(1999, 1, 1)
    return [Row(key, heading_text(system, key), system, since, None, key[:-1]) for system, key in keys]


def _values(row: Row) -> list:
    short = row.short if row.short is not None else row.text[:60].rstrip()
    npr = row.system != "NCRP"
    parent_text = heading_text(row.system, row.parent) if row.parent else None
    return [row.code, short, row.text, row.start, row.end, row.parent or None, parent_text, npr, row.system, None]


def write_export(rows: list[Row], fmt: str, folder: Path, stem: str = "FAT-export") -> Path:
    """The rows as one of the five official download formats, in `folder`."""
    path = folder / f"{stem}-{fmt}{SUFFIX[fmt]}"
    table = [_values(row) for row in rows]
    if fmt == "json":
        items = [{k: _json_value(v) for k, v in zip(KEYS, values)} for values in table]
        path.write_text(json.dumps(items, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    elif fmt == "xlsx":
        _workbook(table, path)
    else:
        path.write_bytes(_text(table, fmt))
    return path


def _json_value(value):
    return f"{value.isoformat()}T00:00:00" if isinstance(value, dt.date) else value


def _workbook(table: list[list], path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "Koder"
    sheet.append([KEYS[i].replace("_", " ") for i in XLSX_ORDER])
    for values in table:
        cells = [values[i] for i in XLSX_ORDER]
        sheet.append([dt.datetime.combine(v, dt.time()) if isinstance(v, dt.date) else
                      ("J" if v else "N") if isinstance(v, bool) else v for v in cells])
    book.save(path)


def _text(table: list[list], fmt: str) -> bytes:
    dates = {"tab": "%Y-%m-%d", "semicolon": "%d.%m.%Y", "pipe": "%Y-%m-%dT00:00:00"}[fmt]
    flags = {"tab": ("J", "N"), "semicolon": ("Ja", "Nei"), "pipe": ("1", "0")}[fmt]

    def cell(value) -> str:
        if value is None:
            return ""
        if isinstance(value, bool):
            return flags[0] if value else flags[1]
        return value.strftime(dates) if isinstance(value, dt.date) else str(value)

    header = [key.replace("_", " ") for key in KEYS]
    body = [[cell(v) for v in values] for values in table]
    if fmt == "semicolon":
        out = io.StringIO()
        csv.writer(out, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\r\n").writerows([header, *body])
        return out.getvalue().encode("cp1252")
    sep = "\t" if fmt == "tab" else "|"
    text = "".join(sep.join(line) + "\n" for line in [header, *body])
    return ("\ufeff" + text).encode("utf-8") if fmt == "tab" else text.encode("utf-8")
