"""Reading the project's YAML data files (manifest, names, deadlines) with one kind of error."""

from __future__ import annotations

from pathlib import Path

import yaml

from .diagnostics import InputError, Location


def read_yaml(path: Path, what: str) -> object:
    """The parsed file; an InputError naming the file when it is missing or not readable YAML."""
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(Location(str(path)), f"{what} not found") from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise InputError(Location(str(path)), f"not a readable {what}: {exc}") from None
