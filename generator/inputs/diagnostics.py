"""Diagnostics of the inputs: fatal errors and the entries of the build report.

Every input row ends up either in the site or in the report. A fatal problem
raises `InputError`; anything that was cleaned, merged or is merely unusual
becomes a `Diagnostic` that the report lists with its file and line.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True, slots=True)
class Location:
    """Where something stands in an input: file, line (or sheet row), cell."""

    file: str
    line: int = 0
    cell: str = ""

    def __str__(self) -> str:
        text = self.file
        if self.line:
            text += f":{self.line}"
        if self.cell:
            text += f" ({self.cell})"
        return text


class InputError(Exception):
    """An unreadable or inconsistent input: the build stops and writes nothing."""

    def __init__(self, where: Location, message: str) -> None:
        super().__init__(f"{where}: {message}")
        self.where = where
        self.message = message

    def __reduce__(self):  # pickled as its parts: a writing process hands it to the parent
        return (type(self), (self.where, self.message))


@dataclass(frozen=True, order=True, slots=True)
class Diagnostic:
    """One entry of the build report.

    `kind` is a short stable key (for example `leading-space`, `blank-line`,
    `new-shape`, `duplicate-merged`); `detail` says what was found.
    """

    where: Location
    kind: str
    detail: str = ""
