"""The build report: counts per release and code system, and every note with its place."""

from __future__ import annotations

from collections import Counter

from ..model.catalogue import Catalogue
from ..inputs.diagnostics import Diagnostic
from ..analysis.successors import SUCCESSOR_KINDS, Successor


def report_data(catalogue: Catalogue, notes: tuple[Diagnostic, ...], successors: tuple[Successor, ...] = (),
                english: dict | None = None) -> dict:
    """The report as plain data, ready for JSON; `english`: the English texts' counts (analysis/english.py)."""
    moves = Counter((str(s.year), s.kind) for s in {(s.year, s.old, s.kind): s for s in successors}.values())
    active = sum(1 for c in catalogue.codes if c.active)
    return {
        "releases": [
            {
                "year": r.year,
                "codes": dict(r.counts),
                "files": [{"path": f.display, "encoding": f.encoding, "rows": f.rows} for f in r.files],
            }
            for r in catalogue.releases
        ],
        "totals": {"codes": len(catalogue.codes), "active": active, "expired": len(catalogue.codes) - active,
                   **({"english": dict(english)} if english else {})},
        "note_counts": dict(sorted(Counter(n.kind for n in notes).items())),
        "expired_with_successor": {
            year: {kind: moves[(year, kind)] for kind in SUCCESSOR_KINDS if moves[(year, kind)]}
            for year in sorted({y for y, _ in moves})
        },
        "notes": [
            {"file": n.where.file, "line": n.where.line, "cell": n.where.cell, "kind": n.kind, "detail": n.detail}
            for n in notes
        ],
    }


def report_text(data: dict) -> str:
    """The report for people: counts first, then one line per note."""
    lines = ["Byggerapport / build report", ""]
    for release in data["releases"]:
        counts = ", ".join(f"{s} {n}" for s, n in release["codes"].items())
        lines.append(f"{release['year']}: {counts}")
        for f in release["files"]:
            lines.append(f"  {f['path']} ({f['encoding']}): {f['rows']} rows")
    totals = data["totals"]
    lines += ["", f"codes: {totals['codes']} ({totals['active']} valid, {totals['expired']} expired)", ""]
    if "english" in totals:
        lines[-1:] = [_english_line(totals["english"]), ""]
    for year, kinds in data["expired_with_successor"].items():
        counts = ", ".join(f"{kind} {count}" for kind, count in kinds.items())
        lines.append(f"expired codes with a successor in {year}: {counts}")
    lines.append("")
    for kind, count in data["note_counts"].items():
        lines.append(f"{kind}: {count}")
    lines.append("")
    for n in data["notes"]:
        where = n["file"] + (f":{n['line']}" if n["line"] else "") + (f" ({n['cell']})" if n["cell"] else "")
        lines.append(f"{where}: {n['kind']}" + (f": {n['detail']}" if n["detail"] else ""))
    return "\n".join(lines) + "\n"


def _english_line(counts: dict) -> str:
    return (f"English texts: {counts['rows']} rows; {counts['own']} codes with their own, {counts['carried']} carried "
            f"from a moved code; valid NCSP codes with one: {counts['valid_ncsp_with_text']} of {counts['valid_ncsp']}")


def summary(data: dict) -> str:
    """One line for the terminal."""
    totals = data["totals"]
    notes = sum(data["note_counts"].values())
    return (
        f"{len(data['releases'])} releases, {totals['codes']} codes "
        f"({totals['active']} valid, {totals['expired']} expired), {notes} report notes"
    )
