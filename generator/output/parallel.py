"""Write the pages and files of the output registry on every core: the pages are dealt out in turn, one part per process.

Processes are forked after everything is validated, so each inherits the
project, the renderer and the theme's chrome as they are; each writes its own
part of the pages (paths never overlap: each page writes its own files) and
hands back the paths it wrote, which the parent's writer then claims.
"""

from __future__ import annotations

import multiprocessing
import os
import traceback
from typing import Callable, Sequence

from ..gc_settings import freeze_heap
from .write import SiteWriter

MIN_PAGES_PER_PROCESS = 1500


def workers_for(pages: int) -> int:
    """How many processes are worth starting for this many pages."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(cores, pages // MIN_PAGES_PER_PROCESS))


def write_parts(items: Sequence, write_one: Callable[[SiteWriter, object], None], writer: SiteWriter, workers: int) -> None:
    """Call `write_one(writer, item)` for every item, the items split over `workers` processes."""
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        for item in items:
            write_one(writer, item)
        return
    context = multiprocessing.get_context("fork")
    parts = [items[start::workers] for start in range(workers)]  # interleaved: each gets its share of big pages
    freeze_heap()  # children then never touch the inherited objects to collect them: those pages stay shared
    children = []
    for part in parts[1:]:
        receive, send = context.Pipe(duplex=False)
        process = context.Process(target=_child, args=(part, write_one, writer.root, writer.previous, send))
        process.start()
        send.close()
        children.append((process, receive))
    try:
        for item in parts[0]:
            write_one(writer, item)
    finally:
        results = [_result(process, receive) for process, receive in children]
    for ok, written, reused in results:
        if not ok:
            raise written
    for _, written, reused in results:
        writer.claim(written, reused)


def _result(process, receive) -> tuple[bool, object, int]:
    """What a child sent: (True, paths written, files reused) or (False, its exception, 0)."""
    try:
        found = receive.recv()
    except EOFError:  # it died before it could say anything
        process.join()
        return (False, RuntimeError(f"a writing process ended without a word (exit code {process.exitcode})"), 0)
    process.join()
    return found


def _child(part: Sequence, write_one, root, previous, send) -> None:
    writer = SiteWriter(root, previous)
    try:
        for item in part:
            write_one(writer, item)
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
