"""assets/nkpk-csv.js: the one CSV writer of the checker's and the comparison's downloads.

Run with node: the comparison's mode must read back with Python's csv module
as the harmonised nedlasting/nkpk-endringer.csv does; the checker's (for Excel)
also guards formulas and keeps edge spaces.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess

from generator import urls

from .helpers import ROOT

SCRIPT = ROOT / "site_src" / urls.CSV_SCRIPT
ROWS = [["fra", "til", "tekst"], [2015, 2016, 'Plain'], ["a,b", 'say "hi"', "two\nlines"], ["=SUM(A1)", " edge ", None]]


def _run(separator: str, for_excel: bool) -> str:
    code = f"globalThis.window = {{}};\n{SCRIPT.read_text(encoding='utf-8')}\n" \
           f"process.stdout.write(JSON.stringify(window.nkpkCsv.text({json.dumps(ROWS)}, {json.dumps(separator)}, {json.dumps(for_excel)})));"
    return json.loads(subprocess.run(["node", "-e", code], capture_output=True, text=True, check=True).stdout)


def test_the_comparison_mode_writes_what_python_csv_writes() -> None:
    text = _run(",", False)
    expected = io.StringIO()
    csv.writer(expected, lineterminator="\r\n").writerows([["" if v is None else v for v in row] for row in ROWS])
    assert text == "\ufeff" + expected.getvalue()


def test_the_excel_mode_guards_formulas_and_keeps_edge_spaces() -> None:
    text = _run(";", True)
    rows = list(csv.reader(io.StringIO(text[1:], newline=""), delimiter=";"))
    assert rows[2] == ["a,b", 'say "hi"', "two\nlines"]
    assert rows[3] == ["'=SUM(A1)", " edge ", ""]
    assert text.endswith("\r\n") and '"a,b"' not in text  # a comma needs no quotes with semicolons


def test_both_pages_load_it_before_their_own_scripts() -> None:
    assert urls.CHECKER_SCRIPTS[0] == urls.CSV_SCRIPT and urls.COMPARE_SCRIPTS[0] == urls.CSV_SCRIPT
    for name in ("checker-core.js", "compare.js"):
        source = (ROOT / "site_src" / "assets" / name).read_text(encoding="utf-8")
        assert "window.nkpkCsv.text(" in source and "function csvField" not in source
