"""Forked worker processes: the one place that starts them.

Large builds parse records, convert Markdown and render pages on every core.
Workers are forked, so they see the parent's records and pages without
pickling them. concurrent.futures' process pool is used, not
multiprocessing.Pool: when a worker dies (the kernel's out-of-memory killer,
a stray signal) the former fails with an error, where the latter waits
forever for the task that died with it.
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


# What the workers of the running map work on: set before they fork, so they inherit it.
_SHARED: tuple[Callable[[Any], Any], list[Any]] | None = None


@contextmanager
def mapped_in_workers(work: Callable[[Item], Result], items: list[Item], batch: int,
                      initializer: Callable[[], None] | None = None) -> Iterator[Iterator[list[Result]]]:
    """`work(item)` for every item, `batch` items per task, in forked workers.

    Yields, at once, an iterator over each batch's results in order, so the caller can
    go on with other work and collect them later. The workers inherit `work` and
    `items` (nothing of them is pickled); only the results come back pickled. Leaving
    the block waits for the tasks already running (none is started after), so no
    worker outlives the step.
    """
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool
    import multiprocessing

    def start_worker() -> None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
        gc.enable()  # the parent may be loading with the collector off; a worker's garbage is its own
        if initializer is not None:
            initializer()

    global _SHARED
    pool = ProcessPoolExecutor(worker_count(), mp_context=multiprocessing.get_context("fork"), initializer=start_worker)
    try:
        _SHARED = (work, items)
        try:
            batches = pool.map(_run_batch, [(start, min(start + batch, len(items)))
                                            for start in range(0, len(items), batch)])
        finally:
            _SHARED = None
        yield batches
    except BrokenProcessPool as error:
        raise WorkerDied("a worker process died before finishing (out of memory?)") from error
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _run_batch(bounds: tuple[int, int]) -> list[Any]:
    work, items = _SHARED
    return [work(item) for item in items[bounds[0]:bounds[1]]]


class InBackground:
    """`work(*arguments)` in a forked process while this one goes on; `result()` collects what it
    returned (pickled through a pipe). Where processes cannot fork, or the child failed in any
    way, `result()` does the work here: the answer is the same, only later.

    `InBackground(work, *arguments)` begins at once. `InBackground.waiting(work)` forks now and
    the child waits for its arguments (`give`), or to be told there is nothing to do (`close`):
    forking a process that has loaded thousands of records costs the copies of every page it
    touches afterwards, so a helper for later is forked early, while this process is small.
    """

    def __init__(self, work: Callable[..., Result], *arguments: Any, waiting: bool = False) -> None:
        self._work, self._arguments = work, arguments
        self._pid: int | None = None
        self._asking: int | None = None  # where the arguments go, while the child waits for them
        if not hasattr(os, "fork"):
            return
        answers, answering = os.pipe()
        asked, asking = os.pipe() if waiting else (None, None)
        try:
            pid = os.fork()
        except OSError:  # no process to spare
            for end in (answers, answering, asked, asking):
                if end is not None:
                    os.close(end)
            return
        if pid == 0:  # the child: work, answer through the pipe, and touch nothing else
            code = 1
            try:
                os.close(answers)
                if asked is not None:
                    os.close(asking)
                    with os.fdopen(asked, "rb") as pipe:  # one message, its length first
                        header = pipe.read(8)
                        message = pipe.read(int.from_bytes(header, "big")) if len(header) == 8 else b""
                    if not message:  # told there is nothing to do
                        code = 0
                        return
                    arguments = pickle.loads(message)
                answer = pickle.dumps(work(*arguments), protocol=pickle.HIGHEST_PROTOCOL)
                with os.fdopen(answering, "wb") as pipe:
                    pipe.write(answer)
                code = 0
            finally:
                os._exit(code)
        os.close(answering)
        if asked is not None:
            os.close(asked)
        self._pid, self._answers, self._asking = pid, answers, asking

    @classmethod
    def waiting(cls, work: Callable[..., Result]) -> "InBackground":
        return cls(work, waiting=True)

    def give(self, *arguments: Any) -> None:
        """The arguments of a waiting child's work: it begins now."""
        self._arguments = arguments
        if self._asking is not None:
            self._send(pickle.dumps(arguments, protocol=pickle.HIGHEST_PROTOCOL))

    def result(self) -> Result:
        if self._asking is not None:  # never given its arguments: nothing to collect
            self.close()
        if self._pid is not None:
            answer, status = self._collect()
            if status == 0 and answer:
                try:
                    return pickle.loads(answer)
                except Exception:  # noqa: BLE001 -- a garbled answer: do the work here instead
                    pass
        return self._work(*self._arguments)

    def close(self) -> None:
        """Tell a child still waiting that there is nothing to do, and collect it."""
        if self._asking is not None:
            self._send(b"")
        if self._pid is not None:
            self._collect()

    def _send(self, message: bytes) -> None:
        asking, self._asking = self._asking, None
        try:  # its length first: other children forked since hold this end too, so no end of file comes
            with os.fdopen(asking, "wb") as pipe:
                pipe.write(len(message).to_bytes(8, "big") + message)
        except OSError:  # the child is gone: result() does the work here
            pass

    def _collect(self) -> tuple[bytes, int]:
        pid, self._pid = self._pid, None
        with os.fdopen(self._answers, "rb") as pipe:
            answer = pipe.read()  # to the end: only the child holds the other end
        try:
            _, status = os.waitpid(pid, 0)
        except ChildProcessError:
            status = -1
        return answer, status

