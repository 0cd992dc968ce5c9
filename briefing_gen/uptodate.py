"""Is the site already up to date? Answered from file stats alone, before any heavy import.

A build records a stamp of its inputs (name, size and mtime of every content
and template file, the options, the code) beside the output. When the stamp
is the same and the output folder is as the build left it, there is nothing
to do: `briefing-gen build` says so without loading a record or a template.
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
    """The files of one folder as the input stamp found them: each name's `file_stamp` (None if
    it changed a moment ago, or could not be read), and the names that are symbolic links."""

    stamps: dict[str, tuple[int, int, int, int] | None]
    links: frozenset[str]


class InputStamp(NamedTuple):
    """The stats of every input file, and the bytes' digest of those `changed_lately`."""

    digest: str
    racy: tuple[tuple[str, str], ...] = ()
    # Every file found, by folder (as the walk named it), for the build to find its records
    # from rather than walk and stat them again. A build records only the first two fields
    # (see BuildCache.save).
    folders: dict[str, FolderFiles] | None = None


def input_stamp(content_dir: Path, templates: Path, drafts: bool) -> InputStamp:
    """A digest of the name and `file_stamp` of every input file, and the build's options.

    Folders reached through symbolic links are walked too (each real folder once), as the
    build reads through them. The stats come with the folder listing (one pass over 10,000
    files with no path built in Python).
    """
    now = time.time_ns()
    racy: list[tuple[str, str]] = []
    stamps: list[tuple[str, tuple | None]] = []
    folders: dict[str, FolderFiles] = {}
    for folder in (content_dir, templates):
        for directory, entries in _input_folders(str(folder)):
            folders[directory] = _stamped(entries, now, stamps, racy)
    hasher = hashlib.sha1(f"{code_digest()}\0{drafts}\0{content_dir.resolve()}\0{templates.resolve()}\0".encode())
    hasher.update(pickle.dumps(stamps, protocol=4))  # names and numbers only: the same for the same stamps
    return InputStamp(hasher.hexdigest(), tuple(racy), folders)


def folder_files(directory: str) -> FolderFiles | None:
    """The files of one folder with their stamps, taken now (None if it is not a folder)."""
    try:
        with os.scandir(directory) as listing:
            entries = sorted((entry for entry in listing if not _is_folder(entry)), key=_NAME)
    except OSError:
        return None
    return _stamped(entries, time.time_ns(), [], [])


def _stamped(entries: list[os.DirEntry], now: int, stamps: list, racy: list) -> FolderFiles:
    """The files of one folder with their stamps, adding (path, stamp) of each to `stamps`
    and (path, digest of its bytes) of each changed a moment ago to `racy`."""
    found: dict[str, tuple | None] = {}
    links = []
    for entry in entries:
        if entry.is_symlink():
            links.append(entry.name)
        try:
            status = entry.stat()
        except OSError:  # a link to nothing: the build reports what it cannot read
            stamps.append((entry.path, None))
            found[entry.name] = None
            continue
        stamp = file_stamp(status)
        stamps.append((entry.path, stamp))
        if changed_lately(status, now):
            racy.append((entry.path, _bytes_digest(entry.path)))
            stamp = None
        found[entry.name] = stamp
    return FolderFiles(found, frozenset(links))


def _is_folder(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _input_folders(top: str) -> list[tuple[str, list[os.DirEntry]]]:
    """Every folder below top (itself included) with its files, folders and files sorted by
    name; links to folders are followed, each real folder walked once (a link back up the
    tree, or a second way to a folder, is not)."""
    walked, seen = [], set()
    pending = [top]
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
        files = []
        subfolders = []
        for entry in entries:
            (subfolders if _is_folder(entry) else files).append(entry)
        walked.append((directory, files))
        pending.extend(entry.path for entry in reversed(subfolders))
    return sorted(walked, key=lambda folder: folder[0])


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
