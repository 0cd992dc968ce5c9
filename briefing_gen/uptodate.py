"""Is the site already up to date? Answered from file stats alone, before any heavy import.

A build records a stamp of its inputs (name, size and mtime of every content
and template file, the options, the code) beside the output. When the stamp
is the same and the output folder is as the build left it, there is nothing
to do: `briefing-gen build` says so without loading a record or a template.
"""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path
from typing import NamedTuple

from .cache import BuildCache, changed_lately, code_digest, file_stamp
from .publish import verified_folder


class InputStamp(NamedTuple):
    """The stats of every input file, and the bytes' digest of those changed a moment ago.

    A file changed a moment ago (`changed_lately`) may change again within the same
    tick of a coarse file clock without its stats showing it, so its bytes are what
    count for it.
    """

    digest: str
    racy: tuple[tuple[str, str], ...] = ()
    # The stats taken, by path, for the build to use rather than take them again; a build
    # records only the first two fields (see BuildCache.save).
    stats: dict[str, os.stat_result] | None = None


def input_stamp(content_dir: Path, templates: Path, drafts: bool) -> InputStamp:
    """A digest of the name and stats of every input file, and the build's options.

    A file counts by its `file_stamp` (size, mtime, ctime, inode). Folders reached
    through symbolic links are walked too (each real folder once), as the build
    reads through them.
    """
    hasher = hashlib.sha1(f"{code_digest()}\0{drafts}\0{content_dir.resolve()}\0{templates.resolve()}".encode())
    now = time.time_ns()
    racy = []
    stats = {}
    for folder in (content_dir, templates):
        for directory, name in input_files(folder):
            path = os.path.join(directory, name)
            status = stats[path] = os.stat(path)
            if changed_lately(status, now):
                racy.append((path, _bytes_digest(path)))
            hasher.update(f"{directory}/{name}\0{file_stamp(status)}\n".encode())
    return InputStamp(hasher.hexdigest(), tuple(racy), stats)


def input_files(folder: Path) -> list[tuple[str, str]]:
    """(folder, name) of every file below folder, sorted, following links to folders once each."""
    found, seen = [], set()
    for directory, subfolders, files in os.walk(folder, followlinks=True):
        real = os.path.realpath(directory)
        if real in seen:  # a link back up the tree, or a second way to the same folder
            subfolders.clear()
            continue
        seen.add(real)
        found.extend((directory, name) for name in files)
    return sorted(found)


def same_inputs(recorded: tuple | None, now: InputStamp) -> bool:
    """Nothing changed: the same stats, and every file that was racy then holds the same bytes."""
    if not isinstance(recorded, tuple) or len(recorded) != 2 or recorded[0] != now.digest:
        return False  # never built, or a cache from another version
    now_racy = dict(now.racy)
    return all(now_racy.get(path) == digest if path in now_racy else _bytes_digest(path) == digest
               for path, digest in recorded[1])


def _bytes_digest(path: str) -> str:
    try:
        with open(path, "rb") as racy_file:
            return hashlib.sha1(racy_file.read()).hexdigest()
    except OSError:
        return ""


def up_to_date(out: Path, inputs: InputStamp, cache: BuildCache | None = None) -> bool:
    """Nothing changed since the last build (whose record is `cache`, read here if not given)."""
    cache = cache or BuildCache.load(out)
    return (same_inputs(cache.inputs, inputs) and cache.current is not None
            and verified_folder(out, cache.current) is not None)
