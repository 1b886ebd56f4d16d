"""The process settings of one build: the cycle collector paused while the model is built, the heap frozen.

Reading the inputs and building the catalogue create a few objects per input
row (cells, Locations, rows, versions) and keep most of them. None of them
form reference cycles, so every pass of the cycle collector over them is
wasted: with 1.8 million rows its passes took about a third of the time. Plain
reference counting still frees everything that is dropped; only cyclic
garbage waits until the collector runs again after the pause.

Once built, the model is frozen (`gc.freeze`): later collections, and the
processes forked to write pages, leave it alone. Both settings belong to the
command that runs one build: `one_build` undoes them after it, so that a
process that builds again and again (`mkdocs serve`) does not keep every
build's model in the frozen generation.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run a block without automatic cycle collection; leave the collector as it was found."""
    if not gc.isenabled():  # paused by a caller already: its pause covers this block
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


class OneBuild:
    """Entered when a build starts, left when it ends (however it ends); leaving twice is harmless."""

    def __init__(self) -> None:
        self._enabled: bool | None = None

    def enter(self) -> None:
        self._enabled = gc.isenabled()

    def leave(self) -> None:
        """Unfreeze what the build froze and leave the collector as the build found it."""
        if self._enabled is None:
            return
        gc.unfreeze()
        if self._enabled:
            gc.enable()
        self._enabled = None


def freeze_heap() -> None:
    """What is alive now lives as long as the build: out of the collector's sight (undone by `OneBuild.leave`)."""
    gc.freeze()
