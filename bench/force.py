"""A forced rebuild (`--force`) against a first build of the real corpus, in child processes.

    .venv/bin/python bench/force.py --repeat 3

Each round builds into an empty folder (a first build), then builds the same
folder again with `--force`, each `nkpk-site build` in a child process; the
fastest of the rounds counts (the machine is shared). Prints both times and
their ratio. What a forced build does that a first does not: it compares each
file with the previous site's and links the unchanged ones, and it removes
the old tree after the swap.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT / "data" / "releases.yaml"


def build(site: Path, *extra: str) -> float:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1775606400"}
    command = [sys.executable, "-m", "generator.cli", "build", "--config", str(ROOT / "mkdocs.yml"),
               "--manifest", str(MANIFEST), "--out", str(site), *extra]
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="rounds; the fastest of each kind counts")
    args = parser.parse_args(argv)
    first, forced = [], []
    with tempfile.TemporaryDirectory(prefix="nkpk-force-") as tmp:
        for _ in range(args.repeat):
            site = Path(tmp) / "site"
            shutil.rmtree(site, ignore_errors=True)
            first.append(build(site))
            forced.append(build(site, "--force"))
    print(f"first build:   {min(first):6.2f} s  (all: {', '.join(f'{t:.2f}' for t in first)})")
    print(f"--force build: {min(forced):6.2f} s  (all: {', '.join(f'{t:.2f}' for t in forced)})")
    print(f"ratio --force / first: {min(forced) / min(first):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
