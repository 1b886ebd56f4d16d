"""Reading the project's YAML data files (manifest, names, deadlines) with one kind of error."""

from __future__ import annotations

from pathlib import Path

import yaml

from .diagnostics import InputError, Location

# libyaml's loader when PyYAML has it (its wheels do): the same documents, read about ten times faster
# (the synonyms file alone took 0.4 s with the pure-Python loader). Same errors, with line and column.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path, what: str) -> object:
    """The parsed file; an InputError naming the file when it is missing or not readable YAML."""
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)  # noqa: S506 (a safe loader)
    except FileNotFoundError:
        raise InputError(Location(str(path)), f"{what} not found") from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise InputError(Location(str(path)), f"not a readable {what}: {exc}") from None
