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

from .cache import RACY_NS, BuildCache, code_digest
from .publish import verified_folder


def input_stamp(content_dir: Path, templates: Path, drafts: bool) -> str:
    """A digest of the name, size and mtime of every input file, and the build's options."""
    hasher = hashlib.sha1(f"{code_digest()}\0{drafts}\0{content_dir.resolve()}\0{templates.resolve()}".encode())
    racy_after = time.time_ns() - RACY_NS
    for folder in (content_dir, templates):
        for directory, subfolders, files in sorted(os.walk(folder)):
            subfolders.sort()
            for name in sorted(files):
                status = os.stat(os.path.join(directory, name))
                if status.st_mtime_ns > racy_after:
                    # Changed a moment ago: another edit within the same clock tick would not show
                    # in its time, so this stamp must never match a later one.
                    hasher.update(os.urandom(16))
                hasher.update(f"{directory}/{name}\0{status.st_size}\0{status.st_mtime_ns}\n".encode())
    return hasher.hexdigest()


def up_to_date(out: Path, inputs: str, cache: BuildCache | None = None) -> BuildCache | None:
    """The last build's record when nothing changed since it; None when a build has work to do."""
    cache = cache or BuildCache.load(out)
    if cache.inputs != inputs or cache.current is None or verified_folder(out, cache.current) is None:
        return None
    return cache
