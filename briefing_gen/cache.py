"""Incremental builds: what each output file was made from, to skip unchanged work.

Every output gets a fingerprint of everything that goes into its bytes: the
templates it uses (with their includes and parents) and its whole context,
where a record counts by the digest of its file. A file whose fingerprint
and on-disk state match the last build (`BuildCache`, kept in the store) is
reused instead of rendered.
"""

from __future__ import annotations

import dataclasses
import hashlib
import operator
import pickle
import re
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from .records import RECORD_TYPE_BY_KIND, Record, digest_of
from .store import code_digest, keep_pickled, place

RACY_NS = 2_000_000_000  # file times can be this coarse (FAT, some network shares)


# What tells that an input file changed, from its stats: its size, mtime, ctime (a copy that keeps
# the old mtime, as `cp -p`, `rsync -t` and `tar x` make, still changes it) and inode. Taken in C:
# the input stamp takes one for every file of the site.
file_stamp: Callable[[os.stat_result], tuple[int, int, int, int]] = operator.attrgetter(
    "st_size", "st_mtime_ns", "st_ctime_ns", "st_ino")


def changed_lately(status: os.stat_result, now_ns: int) -> bool:
    """Changed within RACY_NS of now: a second change in the same clock tick would leave the
    same stamp, so (as git does with racily clean entries) the stamp alone is not trusted."""
    return max(status.st_mtime_ns, status.st_ctime_ns) > now_ns - RACY_NS


CACHE_VERSION = 5


class Fingerprinter:
    """Digests of page contexts; a long list shared by many pages is digested once.

    Lists are remembered by identity, which holds because the model is not
    changed after it is built; the memo keeps each list alive so no identity
    is reused while it is in use.
    """

    def __init__(self) -> None:
        self._memo: dict[int, tuple[Any, bytes]] = {}
        self._prefix = code_digest().encode()

    def of(self, *parts: Any) -> str:
        hasher = hashlib.sha1(self._prefix)
        for part in parts:
            self._feed(hasher, part)
        return hasher.hexdigest()

    def _feed(self, hasher: Any, value: Any) -> None:
        kind = type(value)  # exact types first: this runs some forty times per page
        if kind is str:
            hasher.update(b"S%d:" % len(value) + value.encode("utf-8", "surrogatepass"))
        elif kind in _RECORD_TYPES:
            hasher.update(b"R" + value.origin.digest.encode())
        elif kind is dict:
            hasher.update(b"{")
            for key, item in value.items():
                self._feed(hasher, key)
                self._feed(hasher, item)
            hasher.update(b"}")
        elif kind is list or kind is tuple:
            if kind is tuple or len(value) > 8:  # a tuple cannot change; a long list recurs
                hasher.update(b"L" + self._sequence_digest(value))
            else:
                hasher.update(b"[")
                for item in value:
                    self._feed(hasher, item)
                hasher.update(b"]")
        elif kind is int or kind is bool or value is None:
            hasher.update(b"%r" % value)
        elif isinstance(value, Record):
            hasher.update(b"R" + value.origin.digest.encode())
        elif isinstance(value, Mapping):
            self._feed(hasher, dict(value))
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            hasher.update(b"D" + self._dataclass_digest(value))
        else:
            hasher.update(repr(value).encode())

    def _dataclass_digest(self, value: Any) -> bytes:
        """Site settings, pages and citations: the same object recurs on many pages."""
        remembered = self._memo.get(id(value))
        if remembered is None or remembered[0] is not value:
            inner = hashlib.sha1(type(value).__name__.encode())
            for field in dataclasses.fields(value):
                if field.name != "context":  # a page listed in the sitemap counts by its path, not its context
                    self._feed(inner, getattr(value, field.name))
            remembered = (value, inner.digest())
            self._memo[id(value)] = remembered
        return remembered[1]

    def _sequence_digest(self, sequence: list | tuple) -> bytes:
        remembered = self._memo.get(id(sequence))
        if remembered is None or remembered[0] is not sequence:
            inner = hashlib.sha1()
            if all(map(_RECORD_TYPES.__contains__, map(type, sequence))):
                # records only (the long lists pages show): each by its digest, fixed in length,
                # in one pass in C rather than one call per record
                inner.update(b"R" + "".join(map(digest_of, sequence)).encode())
            else:
                for item in sequence:
                    self._feed(inner, item)
            remembered = (sequence, inner.digest())
            self._memo[id(sequence)] = remembered
        return remembered[1]


_RECORD_TYPES = frozenset(RECORD_TYPE_BY_KIND.values())


REFERENCE = re.compile(r"""{%-?\s*(?:extends|include|import|from)\s+["']([^"']+)["']""")


class TemplateHashes:
    """The digest of each template together with every template it extends or includes."""

    def __init__(self, environment: Any) -> None:
        self._environment = environment
        self._closure: dict[str, str] = {}

    def of(self, name: str) -> str:
        if name not in self._closure:
            names = sorted(self._dependencies(name, set()))
            hasher = hashlib.sha1()
            for dependency in names:
                hasher.update(dependency.encode() + b"\0" + self._source(dependency).encode() + b"\0")
            self._closure[name] = hasher.hexdigest()
        return self._closure[name]

    def _source(self, name: str) -> str:
        return self._environment.loader.get_source(self._environment, name)[0]

    def _dependencies(self, name: str, seen: set[str]) -> set[str]:
        """The template and every template it names in extends, include, import or from.

        Read from the source with a pattern rather than Jinja's parser: parsing every
        template twice (here and when compiling it) was a third of a small site's build.
        A syntax error is still reported, with its template's name, when it is compiled.
        """
        if name in seen:
            return seen
        seen.add(name)
        for referenced in REFERENCE.findall(self._source(name)):
            self._dependencies(referenced, seen)
        return seen


class FileState(tuple):
    """What a built file was made from, and how it looked on disk when written: (fingerprint,
    size, mtime_ns). A plain tuple underneath, made by `of` or from a stored tuple in C: the
    build record holds two for every file of the site (18,000 at 10,000 records), and making
    them as named tuples was a fifth of reading it."""

    __slots__ = ()

    fingerprint = property(operator.itemgetter(0))
    size = property(operator.itemgetter(1))
    mtime_ns = property(operator.itemgetter(2))

    @classmethod
    def of(cls, fingerprint: str, size: int, mtime_ns: int) -> "FileState":
        return cls((fingerprint, size, mtime_ns))


class BuildCache:
    """The state of one output folder and of its shadow after the last build.

    `current` describes the output folder, `shadow` the hidden copy beside it
    (None while it is being changed, or unknown); `inputs` is the stamp of
    every input file (an uptodate.InputStamp), for the no-change fast path.
    """

    def __init__(self, out_dir: Path, current: dict[str, FileState] | None = None,
                 shadow: dict[str, FileState] | None = None, inputs: tuple | None = None,
                 warnings: list | None = None) -> None:
        self.out_dir = out_dir
        self.current = current
        self.shadow = shadow
        self.inputs = inputs
        self.warnings = warnings or []  # the last build's warnings, repeated when nothing changed
        self.loaded_from: tuple | None = None  # the stats of the file this record was read from
        self.token: str | None = None  # new at every save: what a note that the shadow changes names

    @staticmethod
    def path_for(out_dir: Path) -> Path:
        return Path(f"{place(out_dir, 'build')}.pickle")

    @classmethod
    def load(cls, out_dir: Path) -> "BuildCache":
        try:
            with open(cls.path_for(out_dir), "rb") as stored_file:
                loaded_from = file_stamp(os.fstat(stored_file.fileno()))
                stored = pickle.load(stored_file)
            if stored.get("version") != CACHE_VERSION:
                return cls(out_dir)
            current = _states(stored.get("current"))
            cache = cls(out_dir, current, _shadow_states(current, stored.get("shadow")), stored.get("inputs"),
                        stored.get("warnings"))
            cache.loaded_from, cache.token = loaded_from, stored.get("token")
            return cache._heed_note()
        except Exception:  # missing, old or damaged: the build just does more work
            return cls(out_dir)

    def reloaded(self) -> "BuildCache":
        """This record if its file is still the one it was read from, else the file's record now
        (another build finished meanwhile). Reading the file again cost 20 ms at 10,000 pages.
        A build that began to change the shadow meanwhile, and stopped, left a note saying so."""
        try:
            if self.loaded_from is not None and file_stamp(os.stat(self.path_for(self.out_dir))) == self.loaded_from:
                return self._heed_note()
        except OSError:
            pass
        return BuildCache.load(self.out_dir)

    def forget_shadow(self) -> None:
        """The shadow is about to change: until this record is saved again, no build may trust
        what it says of the shadow. Said by a small note naming this record's token (saving the
        whole record for it took 7 ms at 10,000 pages); a save gives the record a new token, so
        an old note names no record. Where the note cannot be written the record is saved, and
        where that fails too it is removed: nothing is trusted then, and the next build walks."""
        self.shadow = None
        if self.token is not None:
            try:
                return keep_pickled(self._note_path(), self.token)
            except OSError:
                pass
        self.save()
        if self.token is None:  # the save failed
            self.path_for(self.out_dir).unlink(missing_ok=True)  # an OSError here stops the build first

    def save(self) -> None:
        target = self.path_for(self.out_dir)
        token = os.urandom(8).hex()
        stored = {"version": CACHE_VERSION, "token": token, "inputs": tuple(self.inputs[:2]) if self.inputs else None,
                  "warnings": self.warnings, "current": _plain(self.current),
                  "shadow": _shadow_stored(self.current, self.shadow)}
        self.token = None
        try:
            keep_pickled(target, stored)
        except OSError:
            return  # the cache only saves time; a build without it is still right
        self.token = token
        try:
            self._note_path().unlink(missing_ok=True)  # names an older token now: only tidied away
        except OSError:
            pass

    def _note_path(self) -> Path:
        target = self.path_for(self.out_dir)
        return target.with_name(target.stem + "-shadow-changing.pickle")

    def _heed_note(self) -> "BuildCache":
        """Forget the shadow if a build said it was changing the shadow this record describes,
        and never saved after."""
        if self.token is not None:
            try:
                with open(self._note_path(), "rb") as note:
                    forgotten = pickle.load(note) == self.token
            except FileNotFoundError:
                forgotten = False
            except Exception:  # unreadable: trust nothing it could have said
                forgotten = True
            if forgotten:
                self.shadow = None
        return self


def _states(stored: dict | None) -> dict[str, FileState] | None:
    if stored is None:
        return None
    return dict(zip(stored.keys(), map(FileState, stored.values())))


def _shadow_stored(current: dict[str, FileState] | None, shadow: dict[str, FileState] | None) -> tuple | None:
    """The shadow as it differs from the live site (the files the last build changed): the
    states that differ or are the shadow's alone, and the paths only the live site has."""
    if shadow is None:
        return None
    if current is None:
        return _plain(shadow), ()
    return _plain({path: state for path, state in shadow.items() if current.get(path) != state}), \
        tuple(current.keys() - shadow.keys())


def _shadow_states(current: dict[str, FileState] | None, stored: tuple | None) -> dict[str, FileState] | None:
    if stored is None:
        return None
    changed, only_live = stored
    shadow = dict(current or {})
    shadow.update(_states(changed))
    for path in only_live:
        del shadow[path]
    return shadow


def _plain(states: dict[str, FileState] | None) -> dict | None:
    if states is None:
        return None
    return {path: tuple(state) for path, state in states.items()}
