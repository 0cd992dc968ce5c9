"""What a person reads on the terminal: problems in colour, a progress bar, a summary.

Colour and the progress bar appear only on a terminal (and never with
NO_COLOR set or TERM=dumb), so logs and pipes get plain lines.
"""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO

from .problems import Problem

RED, YELLOW, BOLD, RESET = "\033[31m", "\033[33m", "\033[1m", "\033[0m"


def wants_colour(stream: TextIO) -> bool:
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return hasattr(stream, "isatty") and stream.isatty()


def problem_line(problem: Problem, colour: bool) -> str:
    """`path:line: message`, the location in bold and a warning marked as one."""
    where = f"{problem.path}:{problem.line}" + (f":{problem.column}" if problem.column else "")
    label = "warning: " if problem.severity == "warning" else ""
    if not colour:
        return f"{where}: {label}{problem.message}"
    tint = YELLOW if problem.severity == "warning" else RED
    return f"{BOLD}{where}:{RESET} {tint}{label or 'error: '}{RESET}{problem.message}"


class Progress:
    """A one-line bar on stderr for long work; silent when stderr is not a terminal."""

    MINIMUM = 500  # shorter jobs finish before a bar helps
    INTERVAL = 0.1

    def __init__(self, total: int, label: str, stream: TextIO | None = None, enabled: bool = True) -> None:
        self.stream = stream or sys.stderr
        self.total, self.label, self.done = total, label, 0
        self.enabled = enabled and total >= self.MINIMUM and wants_colour(self.stream)
        self._shown_at = 0.0

    def advance(self, count: int = 1) -> None:
        self.done += count
        if self.enabled and (time.monotonic() - self._shown_at > self.INTERVAL or self.done >= self.total):
            self._shown_at = time.monotonic()
            filled = int(30 * self.done / max(self.total, 1))
            self.stream.write(f"\r{self.label} [{'#' * filled}{' ' * (30 - filled)}] {self.done:,}/{self.total:,}")
            self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r\033[K")  # clear the bar; the summary line follows
            self.stream.flush()


def print_build_summary(pages: int, files: int, changed: int, seconds: float, out_dir: str,
                        drafts_left_out: int = 0, warnings: list[Problem] | tuple = ()) -> None:
    """The line that ends a build, then what the editor should know, then the warnings, together."""
    print(f"Built {pages} pages in {seconds:.2f} s, {changed} of {files} files changed ({out_dir}/)")
    if drafts_left_out:
        print(f"{drafts_left_out} draft record(s) left out; build --drafts to include them")
    colour = wants_colour(sys.stderr)
    for warning in warnings:
        print(problem_line(warning, colour), file=sys.stderr)
    if warnings:
        print(f"{len(warnings)} warning{'s' if len(warnings) != 1 else ''}: the site was built", file=sys.stderr)
