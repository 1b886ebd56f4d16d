"""Check the project's size limits: no module over 400 lines, no function over 50.

    python scripts/size_limits.py [folder ...]     # default: generator/

Prints every module and function over its limit and exits with 1 if there is one.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODULE_LINES = 400
FUNCTION_LINES = 50


def over_limits(folder: Path) -> list[str]:
    found = []
    for path in sorted(folder.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        name = path.relative_to(ROOT).as_posix()
        lines = len(text.splitlines())
        if lines > MODULE_LINES:
            found.append(f"{name}: {lines} lines (module limit {MODULE_LINES})")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                if length > FUNCTION_LINES:
                    found.append(f"{name}:{node.lineno} {node.name}: {length} lines (function limit {FUNCTION_LINES})")
    return found


def main(argv: list[str]) -> int:
    folders = [Path(a).resolve() for a in argv] or [ROOT / "generator"]
    found = [line for folder in folders for line in over_limits(folder)]
    print("\n".join(found) or f"size limits: no module over {MODULE_LINES} lines, no function over {FUNCTION_LINES}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
