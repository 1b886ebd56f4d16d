"""Fields of page contexts, each with one line of help for whoever writes a template.

Every page context names the template that renders it on its class
(`template: ClassVar[str] = "code.html"`, in templates/nkpk/; a page with a
JSON twin names the function that makes it as `twin`) and declares its
fields with `doc`, in the manner of datasette's documented template
contexts; `help_of` lists them. `tests/test_contexts.py` renders every
template with its context and fails on a field a template uses that the
context lacks, or a field that neither a template nor the build uses.
"""

from __future__ import annotations

from dataclasses import MISSING, field, fields
from typing import Any


def doc(help: str, default: Any = MISSING) -> Any:
    """A context field with its line of help (and a default, if given)."""
    return field(default=default, metadata={"help": help})


def help_of(context_type: type) -> dict[str, str]:
    """Field name -> its line of help ("" where a field has none)."""
    return {f.name: f.metadata.get("help", "") for f in fields(context_type)}
