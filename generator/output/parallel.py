"""Write the pages and files of the output registry on every core, each process taking the next item as it is free.

Processes are forked after everything is validated, so each inherits the
project, the renderer and the theme's chrome as they are. The items wait in
`Queue`s that the processes share (a counter in shared memory: each item is
taken by exactly one process, the next free one, so that no process idles
while another still has a long list). Each process writes what it takes
(paths never overlap: each item writes its own files) and hands back the
paths it wrote, which the parent's writer then claims (`collect`).

A `Part` can be started early, on queues of its own (the open data, while
mkdocs makes its own pages); the processes forked later drain their own
queue first and then help with the early one.
"""

from __future__ import annotations

import multiprocessing
import os
import traceback
from typing import Callable, Sequence

from ..gc_settings import freeze_heap
from .write import SiteWriter

MIN_PAGES_PER_PROCESS = 1500

WriteOne = Callable[[SiteWriter, object], None]


def workers_for(pages: int) -> int:
    """How many processes are worth starting for this many pages."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(cores, pages // MIN_PAGES_PER_PROCESS))


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


class Queue:
    """Items shared by forked processes: `take` gives each item to exactly one of them, in order."""

    def __init__(self, items: Sequence) -> None:
        self._items = items
        self._next = multiprocessing.get_context("fork").Value("q", 0)  # in shared memory, with its own lock

    def take(self):
        """The next item nobody has taken, or None."""
        with self._next.get_lock():
            index = self._next.value
            self._next.value = index + 1
        return self._items[index] if index < len(self._items) else None


def drain(queues: Sequence[Queue], write_one: WriteOne, writer: SiteWriter) -> None:
    """Write items from each queue in turn until all are empty."""
    for queue in queues:
        while (item := queue.take()) is not None:
            write_one(writer, item)


class Part:
    """A forked process draining queues; `collect` waits for it and claims what it wrote."""

    def __init__(self, queues: Sequence[Queue], write_one: WriteOne, writer: SiteWriter) -> None:
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(target=_child, args=(queues, write_one, writer.root, writer.previous, send))
        self._process.start()
        send.close()

    def result(self) -> tuple[bool, object, int]:
        return _result(self._process, self._receive)

    def stop(self) -> None:
        """End the process without waiting for its work (the build failed elsewhere)."""
        if self._process.is_alive():
            self._process.kill()
        self._process.join()


def collect(parts: Sequence[Part], writer: SiteWriter) -> None:
    """Wait for every part; raise the first failure, else claim the paths each wrote."""
    results = [part.result() for part in parts]
    for ok, written, reused in results:
        if not ok:
            raise written
    for _, written, reused in results:
        writer.claim(written, reused)


def write_queues(queues: Sequence[Queue], write_one: WriteOne, writer: SiteWriter, workers: int,
                 more: Sequence[Part] = ()) -> None:
    """Drain the queues with `workers` processes (this one included), then collect them and the parts `more`."""
    freeze_heap()  # children then never touch the inherited objects to collect them: those pages stay shared
    children = [Part(queues, write_one, writer) for _ in range(workers - 1)]
    try:
        drain(queues, write_one, writer)
    except BaseException:
        for child in (*children, *more):
            child.stop()
        raise
    collect((*children, *more), writer)


def write_parts(items: Sequence, write_one: WriteOne, writer: SiteWriter, workers: int) -> None:
    """Call `write_one(writer, item)` for every item, on `workers` processes."""
    if workers < 2 or not can_fork():
        for item in items:
            write_one(writer, item)
        return
    write_queues([Queue(items)], write_one, writer, workers)


def _result(process, receive) -> tuple[bool, object, int]:
    """What a child sent: (True, paths written, files reused) or (False, its exception, 0)."""
    try:
        found = receive.recv()
    except EOFError:  # it died before it could say anything
        process.join()
        return (False, RuntimeError(f"a writing process ended without a word (exit code {process.exitcode})"), 0)
    process.join()
    return found


def _child(queues: Sequence[Queue], write_one, root, previous, send) -> None:
    writer = SiteWriter(root, previous)
    try:
        drain(queues, write_one, writer)
        send.send((True, sorted(writer.written), writer.reused))
    except BaseException as exc:  # report any failure to the parent, which raises it
        _send_failure(send, exc)
    finally:
        send.close()
        os._exit(0)


def _send_failure(send, exc: BaseException) -> None:
    """Send the exception itself (an input error keeps its type and message), or its traceback as text."""
    try:
        send.send((False, exc, 0))
    except Exception:  # not picklable
        send.send((False, RuntimeError("a writing process failed:\n" + "".join(traceback.format_exception(exc))), 0))
