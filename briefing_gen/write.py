"""The output folder's safety: what may be replaced, one build at a time, swapped whole.

Refuses folders briefing-gen did not create, folders around or inside the
inputs, and paths that could leave the output; serialises builds with a
lock; swaps a finished site in with one atomic exchange where the system
allows, and repairs what an interrupted build left. `publish.py` decides
what to write; this module keeps it safe.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Container, Iterator
from contextlib import contextmanager
from pathlib import Path

MARKER = ".briefing-gen"
MARKER_TEXT = "This folder is written by briefing-gen build and replaced on every build.\n"


class OutputError(Exception):
    """The output folder cannot be used; the message says why and what to do."""


def check_output_folder(out_dir: Path, protected: list[Path]) -> None:
    """Refuse an output folder that holds the editor's work or was not made by us."""
    out = out_dir.resolve()
    for path in protected:
        path = path.resolve()
        if path == out or path.is_relative_to(out):
            raise OutputError(f"{out_dir}: refusing to build into a folder that contains {path}; choose another --out")
        if out.is_relative_to(path):
            raise OutputError(f"{out_dir}: refusing to build inside {path}: the site would be read back as input; "
                              "choose another --out")
    if out == Path.cwd().resolve():
        raise OutputError(f"{out_dir}: refusing to build into the current folder; choose another --out")
    if out_dir.is_symlink() or (out_dir.exists() and not out_dir.is_dir()):
        raise OutputError(f"{out_dir}: exists and is not a folder; remove it or choose another --out")
    if out_dir.is_dir():
        if (out / "content").exists() or (out / "templates").exists():
            raise OutputError(f"{out_dir}: contains content/ or templates/; refusing to replace it")
        if any(out_dir.iterdir()) and not (out / MARKER).is_file():
            raise OutputError(
                f"{out_dir}: is not empty and was not created by briefing-gen (no {MARKER} file); "
                "refusing to replace it. Empty it or choose another --out")


def recover_interrupted_build(out_dir: Path) -> None:
    """Undo what a killed build left: restore a swapped-out site, drop temporary folders."""
    parent, name = out_dir.parent, out_dir.name
    if not parent.is_dir():
        return
    leftovers = sorted(parent.glob(f".{name}.old-*"))
    if leftovers and not out_dir.exists():
        os.replace(leftovers[-1], out_dir)  # the swap was cut between its two renames
        leftovers = leftovers[:-1]
    # No build makes `.new-*` folders any more (a fresh publish goes through the emptied shadow);
    # one left by a killed build of an earlier version is still dropped here.
    for path in [*leftovers, *parent.glob(f".{name}.new-*")]:
        shutil.rmtree(path, ignore_errors=True)


@contextmanager
def output_lock(out_dir: Path, wait_seconds: float = 120.0) -> Iterator[None]:
    """Serialise builds of one output folder (a `serve` and a manual build, say)."""
    lock_folder = out_dir.resolve().parent / ".briefing-gen-cache"
    lock_folder.mkdir(parents=True, exist_ok=True)
    with open(lock_folder / f"{out_dir.name}.lock", "a+") as lock_file:
        deadline = time.monotonic() + wait_seconds
        told = False
        while True:
            try:
                fcntl.flock(lock_file, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise OutputError(f"{out_dir}: another build is still writing it; try again when it ends") from None
                if not told:
                    print(f"waiting for another build of {out_dir} to finish...", file=sys.stderr)
                    told = True
                time.sleep(0.1)
        try:
            yield
        finally:
            fcntl.flock(lock_file, fcntl.LOCK_UN)


def exchange_folders(first: Path, second: Path) -> bool:
    """Swap two folders in one step (Linux renameat2 RENAME_EXCHANGE); False where unsupported.

    With it there is no moment at which the output folder is missing or mixed,
    even if the build is killed mid-swap.
    """
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange)
    return result == 0


def replace_folder(new: Path, out_dir: Path) -> Path | None:
    """Put new in place of out_dir; return where the old out_dir now is (None if there was none).

    Where the system can exchange two folders in one step, out_dir is never
    missing or mixed; elsewhere it is missing between two renames, which the
    next build repairs (recover_interrupted_build).
    """
    if not out_dir.exists():
        os.replace(new, out_dir)
        return None
    if exchange_folders(new, out_dir):
        return new
    old = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.old-", dir=out_dir.parent))
    os.rmdir(old)
    os.replace(out_dir, old)
    os.replace(new, out_dir)
    return old


def check_output_paths(paths: list[str], passed: Container[str] = ()) -> None:
    """Refuse a path that could leave the output folder, or one written twice. Paths in `passed`
    (those of an earlier build, which were checked then) are only checked for being written twice."""
    for relative_path in paths:
        if relative_path in passed:
            continue
        parts = [part for part in relative_path.split("/") if part not in ("", ".")]  # as PurePosixPath sees them
        if relative_path.startswith("/") or ".." in parts or "\x00" in relative_path or not parts:
            raise OutputError(f"refusing to write {relative_path!r}: outside the output folder")
    if len(set(paths)) != len(paths):
        seen: set[str] = set()
        for relative_path in paths:
            if relative_path in seen:
                raise OutputError(f"two pages want the same output file {relative_path!r}")
            seen.add(relative_path)
