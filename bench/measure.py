"""Run one command and measure it: wall time, CPU time and peak memory of the whole process.

CPU time and ru_maxrss come from os.wait4 on the child, so they count the
child and every descendant it waited for. ru_maxrss is the largest single
process; a sampler also sums the resident memory of the live process tree
every few milliseconds, which is the honest figure when a tool renders in
worker processes.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

SAMPLE_SECONDS = 0.05  # often enough for builds of a second or more, and cheap (~1% of a core)


@dataclass(frozen=True)
class Sample:
    wall: float  # seconds
    cpu: float  # user + sys seconds of the child and its waited-for children
    max_rss_mb: float  # ru_maxrss of the child (largest process of the tree)
    tree_rss_mb: float  # sampled peak of the summed RSS of the process tree
    pages: int = 0
    # sampled peak of the summed PSS: a page shared by n processes counts 1/n in each, so
    # forked workers sharing their parent's memory are not counted n times (0 where unknown)
    tree_pss_mb: float = 0.0


class BuildFailed(RuntimeError):
    pass


def _tree_memory_kb(pid: int) -> tuple[int, int]:
    """The summed RSS and PSS of a process and its descendants, in KiB."""
    rss = pss = 0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            with open(f"/proc/{current}/statm") as statm:
                rss += int(statm.read().split()[1]) * (os.sysconf("SC_PAGE_SIZE") // 1024)
            pss += _pss_kb(current)
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    pending.extend(int(child) for child in children.read().split())
        except (OSError, ValueError):
            continue
    return rss, pss


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class _TreeSampler(threading.Thread):
    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak_kb, self.peak_pss_kb, self.done = pid, 0, 0, threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            rss, pss = _tree_memory_kb(self.pid)
            self.peak_kb, self.peak_pss_kb = max(self.peak_kb, rss), max(self.peak_pss_kb, pss)
            self.done.wait(SAMPLE_SECONDS)


def run_measured(command: list[str], cwd: Path, log: Path, env: dict | None = None) -> Sample:
    """Run a command to completion; raise BuildFailed (with its log) on a non-zero exit."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "wb") as sink:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=sink, stderr=subprocess.STDOUT,
                                   env={**os.environ, **(env or {})})
        sampler = _TreeSampler(process.pid)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        sampler.done.set()
        sampler.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        tail = log.read_text(errors="replace")[-3000:]
        raise BuildFailed(f"{' '.join(command)} (in {cwd}) exited {process.returncode}:\n{tail}")
    return Sample(wall=wall, cpu=usage.ru_utime + usage.ru_stime, max_rss_mb=usage.ru_maxrss / 1024,
                  tree_rss_mb=max(sampler.peak_kb, usage.ru_maxrss) / 1024, tree_pss_mb=sampler.peak_pss_kb / 1024)


def count_pages(out: Path) -> int:
    return sum(1 for _ in out.rglob("*.html")) if out.is_dir() else 0


@dataclass(frozen=True)
class Summary:
    median: float
    low: float
    high: float

    @classmethod
    def of(cls, values: list[float]) -> "Summary":
        return cls(statistics.median(values), min(values), max(values))

    def text(self, unit: str = "s", digits: int = 2) -> str:
        if self.low == self.high:
            return f"{self.median:.{digits}f} {unit}"
        return f"{self.median:.{digits}f} {unit} ({self.low:.{digits}f}–{self.high:.{digits}f})"
