"""Build the real corpus at two git revisions and compare the trees byte for byte.

    python scripts/same_output.py                 # main against the working tree
    python scripts/same_output.py --base HEAD~3 --allow 'rapport/*'

The base revision is checked out into a temporary worktree and built with the
same Python, the same manifest (`data/releases.yaml` of each tree), the same
public address and the same build date (SOURCE_DATE_EPOCH). Every path that is
missing on one side or differs in bytes is printed; `--allow GLOB` names the
paths where a difference is meant (the commit that makes it lists them). The
exit status is 1 when any other path differs.
"""

from __future__ import annotations

import argparse
import fnmatch
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITE_URL = "https://example.org/nkpk/"
EPOCH = "1775606400"


# The installed entry point names the plugin's module in this tree; a base revision
# may keep it elsewhere, so the child registers the plugin of the tree it builds.
CHILD = """
import importlib, os, sys
import generator
from mkdocs import plugins
# by file, not by trying imports: the installed (editable) package would answer for a module this tree lacks
here = os.path.dirname(generator.__file__)
name = "generator.mkdocs_plugin" if os.path.exists(os.path.join(here, "mkdocs_plugin.py")) else "generator.plugin"
plugin = importlib.import_module(name).NkpkPlugin
class EntryPoint:
    def load(self):
        return plugin
installed = plugins.get_plugins
plugins.get_plugins = lambda: {**installed(), "nkpk": EntryPoint()}
from generator.cli import main
sys.exit(main(sys.argv[1:]))
"""


def build(tree: Path, out: Path) -> None:
    """`nkpk-site build` of the project in `tree` (its own generator/ first on the path) into `out`."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "PYTHONPATH": str(tree)}
    command = [sys.executable, "-c", CHILD, "build", "--force", "--out", str(out),
               "--site-url", SITE_URL, "--config", str(tree / "mkdocs.yml")]
    subprocess.run(command, cwd=tree, env=env, check=True, stdout=subprocess.DEVNULL)


def files(site: Path) -> dict[str, Path]:
    return {p.relative_to(site).as_posix(): p for p in site.rglob("*") if p.is_file()}


def differences(before: Path, after: Path) -> list[tuple[str, str]]:
    """(path, how) for every path missing on one side or differing in bytes, sorted."""
    old, new = files(before), files(after)
    found = [(path, "only before") for path in old.keys() - new.keys()]
    found += [(path, "only after") for path in new.keys() - old.keys()]
    found += [(path, "differs") for path in old.keys() & new.keys()
              if old[path].read_bytes() != new[path].read_bytes()]
    return sorted(found)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="main", help="git revision to compare against (default: main)")
    parser.add_argument("--allow", action="append", default=[], help="glob of paths meant to differ")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="nkpk-same-") as tmp:
        base = Path(tmp) / "base"
        subprocess.run(["git", "worktree", "add", "--quiet", "--detach", str(base), args.base], cwd=ROOT, check=True)
        try:
            build(base, Path(tmp) / "before" / "site")
            build(ROOT, Path(tmp) / "after" / "site")
            found = differences(Path(tmp) / "before" / "site", Path(tmp) / "after" / "site")
            compared = len(files(Path(tmp) / "after" / "site"))
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(base)], cwd=ROOT, check=True)
    unexpected = [(p, how) for p, how in found if not any(fnmatch.fnmatch(p, g) for g in args.allow)]
    for path, how in found:
        print(f"{'meant' if (path, how) not in unexpected else 'UNEXPECTED'}: {how}: {path}")
    print(f"same-output: {compared} files built, {len(found)} paths differ, {len(unexpected)} unexpected")
    return 1 if unexpected else 0


if __name__ == "__main__":
    sys.exit(main())
