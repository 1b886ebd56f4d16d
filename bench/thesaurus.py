"""The thesaurus's precision report: how many codes each alternative brings in, the widest first.

    .venv/bin/python bench/thesaurus.py [--manifest data/releases.yaml] [--top 40] [--flood 40]

Reads the manifest's code lists and thesaurus (data/synonyms.yaml) and
matches every alternative against every code's current text as the
browser does (generator/search/reach.py: every word a term of the text or of
its compound parts; `word*` any term that begins so). Prints the number of
entries and alternatives, how many alternatives reach nothing, how many
reach FLOOD codes or more, the widest TOP alternatives, and per kind the
median reach. An alternative that floods is one to look at: it is kept
where the whole meaning is that wide (`lunge*` for lung), narrowed or
removed where it is not (docs/search.md, "The thesaurus"). The build
report lists the widest alternatives as `synonym-reach` notes.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from generator.build import prepare  # noqa: E402
from generator.search.reach import FLOOD, reaches  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--manifest", type=Path, default=ROOT / "data" / "releases.yaml")
    parser.add_argument("--top", type=int, default=40, help="widest alternatives to list")
    parser.add_argument("--flood", type=int, default=FLOOD, help="codes from which an alternative floods")
    args = parser.parse_args(argv)
    project = prepare(args.manifest)
    found = reaches(project.synonyms, project.catalogue.codes)
    entries = {(r.synonym.kind, r.synonym.typed) for r in found}
    print(f"{len(entries)} entries, {len(found)} alternatives over {len(project.catalogue.codes)} codes")
    print(f"  reach no code: {sum(1 for r in found if not r.codes)}")
    print(f"  reach {args.flood} codes or more: {sum(1 for r in found if len(r.codes) >= args.flood)}")
    print("  median reach by kind: " + ", ".join(
        f"{kind} {statistics.median(len(r.codes) for r in found if r.synonym.kind == kind):g}"
        for kind in sorted({r.synonym.kind for r in found})))
    print(f"widest {args.top}:")
    for reach in found[: args.top]:
        print(f"  {len(reach.codes):>5}  {reach.synonym.kind:<12} {reach.synonym.typed} -> {reach.meant}"
              f"  ({', '.join(reach.codes[:3])}{', ...' if len(reach.codes) > 3 else ''})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
