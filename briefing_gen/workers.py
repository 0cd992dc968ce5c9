"""Forked worker processes: the one place that starts them.

Large builds parse records, convert Markdown and render pages on every core, in forked
workers that see the parent's records and pages without pickling them. concurrent.futures'
pool, not multiprocessing.Pool: when a worker dies (out of memory, a stray signal) the
former fails, where the latter waits forever for the task that died with it.
"""

from __future__ import annotations

import gc
import os
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


class WorkerDied(OSError):
    """A worker process ended before its work was done; the build stops, the old site stays."""


def worker_count() -> int:
    """How many workers a step may start; 1 means do the work here."""
    return min(os.cpu_count() or 1, 8) if hasattr(os, "fork") else 1


_SHARED: tuple[Callable[[Any], Any], list[Any], int] | None = None  # the running map's, inherited by its workers


@contextmanager
def mapped_in_workers(work: Callable[[Item], Result], items: list[Item], batch: int,
                      initializer: Callable[[], None] | None = None) -> Iterator[Iterator[list[Result]]]:
    """`work(item)` for every item, `batch` items per task, in forked workers: yields at once an
    iterator over each batch's results, in order. Only the results are pickled. Leaving the
    block waits for the tasks running (none starts after), so no worker outlives the step."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool
    import multiprocessing

    def start_worker() -> None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
        gc.enable()  # the parent may be loading with the collector off
        if initializer is not None:
            initializer()

    global _SHARED
    _SHARED = (work, items, batch)
    pool = ProcessPoolExecutor(worker_count(), mp_context=multiprocessing.get_context("fork"), initializer=start_worker)
    try:
        yield pool.map(_run_batch, range(0, len(items), batch))
    except BrokenProcessPool as error:
        raise WorkerDied("a worker process died before finishing (out of memory?)") from error
    finally:
        _SHARED = None
        pool.shutdown(wait=True, cancel_futures=True)


def _run_batch(start: int) -> list[Any]:
    work, items, batch = _SHARED
    return [work(item) for item in items[start:start + batch]]
