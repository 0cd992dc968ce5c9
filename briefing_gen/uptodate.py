"""Is the site already up to date? Answered from file stats alone, before any heavy import.

A build records a stamp of its inputs (every content and template file's stats, the options,
the code); the same stamp, and an output folder as that build left it, mean nothing to do.
"""

from __future__ import annotations

import hashlib
import operator
import os
import pickle
import time
from pathlib import Path
from typing import NamedTuple

from .cache import BuildCache, changed_lately, code_digest, file_stamp
from .publish import holds_exactly


class FolderFiles(NamedTuple):
    """One folder's files as the stamp found them: each name's `file_stamp` (None if it changed a
    moment ago or could not be read), and the names that are symbolic links."""

    stamps: dict[str, tuple[int, int, int, int] | None]
    links: frozenset[str]


class InputStamp(NamedTuple):
    """The digest of every input file's stats, and the digest of the bytes of those `changed_lately`
    (a build records these two); and every folder's files, so the build need not list them again."""

    digest: str
    racy: tuple[tuple[str, str], ...] = ()
    folders: dict[str, FolderFiles] | None = None


def input_stamp(content_dir: Path, templates: Path, drafts: bool) -> InputStamp:
    """The stamp of the inputs now. Folders reached through links are walked too, as the build reads
    through them; the stats come with the folder listing, with no path built in Python."""
    now, racy, stamps = time.time_ns(), [], []
    folders = {directory: _stamped(entries, now, stamps, racy)
               for folder in (content_dir, templates) for directory, entries in _input_folders(str(folder))}
    hasher = hashlib.sha1(f"{code_digest()}\0{drafts}\0{content_dir.resolve()}\0{templates.resolve()}\0".encode())
    hasher.update(pickle.dumps(stamps, protocol=4))  # names and numbers only: the same for the same stamps
    return InputStamp(hasher.hexdigest(), tuple(racy), folders)


def folder_files(directory: str) -> FolderFiles | None:
    """One folder's files with their stamps, taken now (None if it is not a folder)."""
    try:
        with os.scandir(directory) as listing:
            entries = sorted((entry for entry in listing if not _is_folder(entry)), key=_NAME)
    except OSError:
        return None
    return _stamped(entries, time.time_ns(), [], [])


def _stamped(entries: list[os.DirEntry], now: int, stamps: list, racy: list) -> FolderFiles:
    """These files' stamps, each also added to `stamps` as (path, stamp), and (path, digest of its
    bytes) to `racy` for those changed a moment ago."""
    found: dict[str, tuple | None] = {}
    for entry in entries:
        try:
            status = entry.stat()
        except OSError:  # a link to nothing: the build reports what it cannot read
            status = None
        stamp = None if status is None else file_stamp(status)
        stamps.append((entry.path, stamp))
        if stamp is not None and changed_lately(status, now):
            racy.append((entry.path, _bytes_digest(entry.path)))
            stamp = None
        found[entry.name] = stamp
    return FolderFiles(found, frozenset(entry.name for entry in entries if entry.is_symlink()))


def _is_folder(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _input_folders(top: str) -> list[tuple[str, list[os.DirEntry]]]:
    """Every folder below top (itself included) with its files, sorted by name; links to folders
    are followed, each real folder walked once (a link back up the tree is not)."""
    walked, seen, pending = [], set(), [top]
    while pending:
        directory = pending.pop()
        real = os.path.realpath(directory)
        if real in seen:
            continue
        seen.add(real)
        try:
            with os.scandir(directory) as listing:
                entries = sorted(listing, key=_NAME)
        except OSError:  # gone or unreadable: as os.walk, left out
            continue
        files, subfolders = [], []
        for entry in entries:
            (subfolders if _is_folder(entry) else files).append(entry)
        walked.append((directory, files))
        pending.extend(entry.path for entry in reversed(subfolders))
    return sorted(walked, key=operator.itemgetter(0))


_NAME = operator.attrgetter("name")


def input_files(folder: Path) -> list[tuple[str, str]]:
    """(folder, name) of every file below folder, sorted, following links to folders once each."""
    return [(directory, entry.name) for directory, entries in _input_folders(str(folder)) for entry in entries]


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
            and holds_exactly(out, cache.current))
