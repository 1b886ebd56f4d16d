"""Chapters and groups of each code system, and their names from a data file.

The hierarchy follows the code structure: chapter = first character, group =
first two characters, subgroup = first three, for every code system. Names
come from the hierarchy names file where known.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping


from .catalogue import Catalogue, Code
from ..inputs.diagnostics import InputError, Location
from ..inputs.yamlfile import read_yaml
from ..inputs.readers.base import SYSTEMS

PREFIX_LENGTHS = {"NCSP": (1, 2, 3), "NCMP": (1, 2, 3), "NCRP": (1, 2, 3), "SK": (1, 3)}

Names = Mapping[tuple[str, str], str]


@dataclass(frozen=True)
class Node:
    """A chapter or group: its prefix, name and the codes below it."""

    system: str
    prefix: str
    level: int  # 0 = chapter
    name: str | None
    children: tuple[str, ...]  # prefixes of child nodes, sorted
    codes: tuple[str, ...]  # codes directly below (only on the last level), sorted
    active: int  # codes below it that are valid in the newest release
    total: int  # all codes below it, expired ones included


@dataclass(frozen=True)
class Hierarchy:
    nodes: Mapping[tuple[str, str], Node]  # (system, prefix) -> node
    chapters: Mapping[str, tuple[str, ...]]  # system -> chapter prefixes, sorted

    def path(self, system: str, code: str) -> tuple[Node, ...]:
        """Nodes from chapter down to the code's own group."""
        return tuple(self.nodes[(system, code[:n])] for n in PREFIX_LENGTHS[system] if n < len(code))


def load_names(path: Path | None) -> Names:
    """Read `{SYSTEM: {PREFIX: name}}`; refuse unknown systems and non-text names."""
    if path is None:
        return {}
    data = read_yaml(path, "names file") or {}
    if not isinstance(data, dict):
        raise InputError(Location(str(path)), "expected a mapping of code systems")
    names: dict[tuple[str, str], str] = {}
    for system, entries in sorted(data.items(), key=lambda kv: str(kv[0])):
        where = Location(str(path), cell=str(system))
        if system not in SYSTEMS:
            raise InputError(where, f"unknown code system {system!r}; use one of {', '.join(SYSTEMS)}")
        if not isinstance(entries, dict):
            raise InputError(where, "expected a mapping of prefix to name")
        for prefix, name in entries.items():
            if not isinstance(prefix, str) or not isinstance(name, str) or not name.strip():
                raise InputError(where, f"entry {prefix!r}: prefix and name must be text (quote YAML keys such as \"N\")")
            names[(system, prefix.strip().upper())] = " ".join(name.split())
    return names


def build_hierarchy(catalogue: Catalogue, names: Names) -> Hierarchy:
    """Every chapter and group that any code, valid or expired, falls in."""
    children: dict[tuple[str, str], set[str]] = defaultdict(set)
    codes: dict[tuple[str, str], list[Code]] = defaultdict(list)
    below: dict[tuple[str, str], list[Code]] = defaultdict(list)
    chapters: dict[str, set[str]] = defaultdict(set)
    for code in catalogue.codes:
        system = code.system
        prefixes = [code.code[:n] for n in PREFIX_LENGTHS[system] if n < len(code.code)]
        chapters[system].add(prefixes[0])
        for parent, child in zip(prefixes, prefixes[1:]):
            children[(system, parent)].add(child)
        for prefix in prefixes:
            below[(system, prefix)].append(code)
        codes[(system, prefixes[-1])].append(code)
    nodes = {}
    for key, members in below.items():
        system, prefix = key
        nodes[key] = Node(
            system=system,
            prefix=prefix,
            level=PREFIX_LENGTHS[system].index(len(prefix)),
            name=names.get(key),
            children=tuple(sorted(children[key])),
            codes=tuple(c.code for c in codes[key]),
            active=sum(1 for c in members if c.active),
            total=len(members),
        )
    return Hierarchy(
        nodes=dict(sorted(nodes.items())),
        chapters={s: tuple(sorted(p)) for s, p in sorted(chapters.items())},
    )
