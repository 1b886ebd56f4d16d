"""No import cycle in generator/: the arrows of the pipeline run one way.

Every module's imports are read with `ast` (module-level ones, those under
`if TYPE_CHECKING:` and those inside functions alike), resolved to the
modules of the package, and the graph is searched for a cycle. A failure
names the modules of the cycle in import order.
"""

from __future__ import annotations

import ast
from pathlib import Path

from .helpers import ROOT


def module_names(root: Path, package: str) -> dict[str, Path]:
    """Dotted module name -> file, for every module of the package (a package by its `__init__.py`)."""
    found = {}
    for path in sorted((root / package).rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def _imported(name: str, path: Path, node: ast.Import | ast.ImportFrom, modules: dict[str, Path]) -> list[str]:
    """The dotted names one import statement brings in (modules, or names inside modules)."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = node.module or ""
    if node.level:
        package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
        base = ".".join(package[: len(package) - node.level + 1] + ([node.module] if node.module else []))
    return [f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base for alias in node.names]


def import_graph(root: Path, package: str) -> dict[str, set[str]]:
    """Module -> the modules of the package it imports (at any depth of its code), each by its own name.

    Importing `a.b.c` runs `a/__init__.py` and `a/b/__init__.py` first: those count as imported too.
    """
    modules = module_names(root, package)
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        found = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                for target in _imported(name, path, node, modules):
                    parts = target.split(".")
                    found.update(m for m in (".".join(parts[:n]) for n in range(1, len(parts) + 1)) if m in modules)
        graph[name] = found - {name} - {m for m in modules if name.startswith(m + ".")}  # not its own packages
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One cycle of the graph as [a, b, ..., a] from its first module by name (empty: none)."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        path.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                loop = path[path.index(target):]
                first = loop.index(min(loop))
                return loop[first:] + loop[:first] + [min(loop)]
            if target not in state and (cycle := visit(target)):
                return cycle
        state[node] = 2
        path.pop()
        return []

    for start in sorted(graph):
        if start not in state and (cycle := visit(start)):
            return cycle
    return []


def test_generator_has_no_import_cycle() -> None:
    graph = import_graph(ROOT, "generator")
    assert len(graph) > 50 and "generator.output.registry" in graph["generator.build"]
    cycle = find_cycle(graph)
    assert cycle == [], "import cycle: " + " -> ".join(cycle)


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")


def test_a_cycle_through_a_type_checking_import_is_found(tmp_path) -> None:
    _write(tmp_path, {
        "pkg/__init__.py": "",
        "pkg/out/__init__.py": "",
        "pkg/out/registry.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ..build import Site\n",
        "pkg/build.py": "from .out.registry import planned\n",
    })
    assert find_cycle(import_graph(tmp_path, "pkg")) == ["pkg.build", "pkg.out.registry", "pkg.build"]


def test_a_cycle_through_an_import_inside_a_function_is_found(tmp_path) -> None:
    _write(tmp_path, {
        "pkg/__init__.py": "",
        "pkg/render.py": "from pkg.pages import ApiPage\n",
        "pkg/pages.py": "def api():\n    from . import render\n    return render\n",
        "pkg/other.py": "import pkg.render\n",
    })
    assert find_cycle(import_graph(tmp_path, "pkg")) == ["pkg.pages", "pkg.render", "pkg.pages"]


def test_imports_of_a_package_and_of_the_standard_library_are_no_cycle(tmp_path) -> None:
    _write(tmp_path, {
        "pkg/__init__.py": "",
        "pkg/a/__init__.py": "",
        "pkg/a/x.py": "import json\nfrom .. import b\nfrom ..b.y import f\n",
        "pkg/b/__init__.py": "",
        "pkg/b/y.py": "from . import z\n",
        "pkg/b/z.py": "",
    })
    graph = import_graph(tmp_path, "pkg")
    assert graph["pkg.a.x"] == {"pkg.b", "pkg.b.y"} and graph["pkg.b.y"] == {"pkg.b.z"}
    assert find_cycle(graph) == []
