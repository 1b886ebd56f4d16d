"""Write the code pages on every core: the pages are split in contiguous parts, one per process.

Processes are forked after everything is validated, so each inherits the
project, the renderer and the theme's chrome as they are; each writes its own
part of the codes (paths never overlap: one page and one JSON file per code)
and hands back the paths it wrote, which the parent's writer then claims.
"""

from __future__ import annotations

import multiprocessing
import os
import traceback
from typing import Callable, Sequence

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
    size = -(-len(items) // workers)
    parts = [items[i : i + size] for i in range(0, len(items), size)]
    children = []
    for part in parts[1:]:
        receive, send = context.Pipe(duplex=False)
        process = context.Process(target=_child, args=(part, write_one, writer.root, writer.previous, send))
        process.start()
        send.close()
        children.append((process, receive))
    for item in parts[0]:
        write_one(writer, item)
    errors = []
    for process, receive in children:
        ok, written, reused = receive.recv()
        process.join()
        if not ok:
            errors.append(written)
            continue
        writer.claim(written, reused)
    if errors:
        raise RuntimeError("a writing process failed:\n" + "\n".join(errors))


def _child(part: Sequence, write_one, root, previous, send) -> None:
    writer = SiteWriter(root, previous)
    try:
        for item in part:
            write_one(writer, item)
        send.send((True, sorted(writer.written), writer.reused))
    except BaseException:  # report any failure to the parent, which raises it
        send.send((False, traceback.format_exc(), 0))
    finally:
        send.close()
        os._exit(0)
