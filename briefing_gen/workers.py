"""Forked worker processes: the one place that starts them.

Large builds parse records, convert Markdown and render pages on every core, in forked
workers that see the parent's records and pages without pickling them. concurrent.futures'
pool, not multiprocessing.Pool: when a worker dies (out of memory, a stray signal) the
former fails, where the latter waits forever for the task that died with it.
"""

from __future__ import annotations

import gc
import os
import pickle
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


class InBackground:
    """`work(*arguments)` in a forked child while this process goes on. `result()` returns what it
    returned, or does the work here when the child could not (no fork, it failed or died)."""

    def __init__(self, work: Callable[..., Result], *arguments: Any) -> None:
        self._work, self._arguments, self._pid = work, arguments, None
        if not hasattr(os, "fork"):
            return
        answers, answering = os.pipe()
        try:
            pid = os.fork()
        except OSError:  # no process to spare: result() does the work here
            os.close(answers)
            os.close(answering)
            return
        if pid == 0:  # the child: work, answer through the pipe, touch nothing else
            try:
                os.close(answers)
                answer = pickle.dumps(work(*arguments), protocol=pickle.HIGHEST_PROTOCOL)
                with os.fdopen(answering, "wb") as pipe:
                    pipe.write(answer)
            finally:
                os._exit(0)
        os.close(answering)
        self._pid, self._answers = pid, answers

    def result(self) -> Result:
        try:
            return pickle.loads(self._collect())
        except Exception:  # noqa: BLE001 -- no answer, or a garbled one: the work is done here
            return self._work(*self._arguments)

    def close(self) -> None:
        """Collect the child, its answer unread."""
        self._collect()

    def _collect(self) -> bytes:
        pid, self._pid = self._pid, None
        if pid is None:
            return b""
        with os.fdopen(self._answers, "rb") as pipe:
            answer = pipe.read()  # to the end: only the child holds the other end
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass
        return answer
