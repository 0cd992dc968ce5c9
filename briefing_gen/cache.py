"""What lets a build skip unchanged work: each output's fingerprint, of everything that goes into its
bytes (its templates with their includes and parents, and its context, where a record counts by its
file's digest), and the record of the output folder (`BuildCache`). A file whose fingerprint and
on-disk state match the record is reused, not rendered."""

from __future__ import annotations

import dataclasses
import hashlib
import operator
import os
import pickle
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from .records import RECORD_TYPE_BY_KIND, digest_of
from .store import code_digest, keep_pickled, place

CACHE_VERSION = 5
RACY_NS = 2_000_000_000  # file times can be this coarse (FAT, some network shares)

# What tells that an input file changed: its size, mtime, ctime (a copy that keeps the mtime, as
# `cp -p`, `rsync -t` and `tar x` make, still changes it) and inode; taken in C, for every input file.
file_stamp: Callable[[os.stat_result], tuple[int, int, int, int]] = operator.attrgetter(
    "st_size", "st_mtime_ns", "st_ctime_ns", "st_ino")


def changed_lately(status: os.stat_result, now_ns: int) -> bool:
    """Changed within RACY_NS of now: a second change in the same clock tick would leave the
    same stamp, so (as git does with racily clean entries) the stamp alone is not trusted."""
    return max(status.st_mtime_ns, status.st_ctime_ns) > now_ns - RACY_NS


class Fingerprinter:
    """Digests of page contexts. A tuple, a long list or a dataclass shared by many pages is
    digested once, remembered by identity: the model is not changed once built, and the memo
    keeps each object alive so no identity is reused."""

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
        elif kind is tuple or (kind is list and len(value) > 8):
            hasher.update(b"L" + self._remembered(value, self._sequence_digest))
        elif kind is list:
            hasher.update(b"[")
            for item in value:
                self._feed(hasher, item)
            hasher.update(b"]")
        elif kind is int or kind is bool or value is None:
            hasher.update(b"%r" % value)
        elif isinstance(value, Mapping):
            self._feed(hasher, dict(value))
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            hasher.update(b"D" + self._remembered(value, self._dataclass_digest))
        else:
            hasher.update(repr(value).encode())

    def _remembered(self, value: Any, digest: Callable[[Any], bytes]) -> bytes:
        remembered = self._memo.get(id(value))
        if remembered is None or remembered[0] is not value:
            remembered = self._memo[id(value)] = (value, digest(value))
        return remembered[1]

    def _dataclass_digest(self, value: Any) -> bytes:
        inner = hashlib.sha1(type(value).__name__.encode())
        for field in dataclasses.fields(value):
            if field.name != "context":  # a page listed in the sitemap counts by its path, not its context
                self._feed(inner, getattr(value, field.name))
        return inner.digest()

    def _sequence_digest(self, sequence: list | tuple) -> bytes:
        inner = hashlib.sha1()
        if all(map(_RECORD_TYPES.__contains__, map(type, sequence))):
            # records only (the long lists pages show): each by its digest, in one pass in C
            inner.update(b"R" + "".join(map(digest_of, sequence)).encode())
        else:
            for item in sequence:
                self._feed(inner, item)
        return inner.digest()


_RECORD_TYPES = frozenset(RECORD_TYPE_BY_KIND.values())
REFERENCE = re.compile(r"""{%-?\s*(?:extends|include|import|from)\s+["']([^"']+)["']""")


class TemplateHashes:
    """The digest of each template together with every template it extends or includes, found in
    its source with a pattern rather than Jinja's parser: parsing every template twice (here and to
    compile it) was a third of a small site's build. A syntax error is reported when it is compiled."""

    def __init__(self, environment: Any) -> None:
        self._environment = environment
        self._closure: dict[str, str] = {}

    def of(self, name: str) -> str:
        if name not in self._closure:
            sources, pending = {}, [name]
            while pending:
                template = pending.pop()
                if template not in sources:
                    sources[template] = self._environment.loader.get_source(self._environment, template)[0]
                    pending += REFERENCE.findall(sources[template])
            hasher = hashlib.sha1()
            for template in sorted(sources):
                hasher.update(template.encode() + b"\0" + sources[template].encode() + b"\0")
            self._closure[name] = hasher.hexdigest()
        return self._closure[name]


class FileState(tuple):
    """What a built file was made from, and how it looked on disk when written: (fingerprint, size,
    mtime_ns). A plain tuple underneath, made from a stored one in C: the build record holds two for
    every file of the site, and making them as named tuples was a fifth of reading it."""

    __slots__ = ()

    fingerprint = property(operator.itemgetter(0))
    size = property(operator.itemgetter(1))
    mtime_ns = property(operator.itemgetter(2))

    @classmethod
    def of(cls, fingerprint: str, size: int, mtime_ns: int) -> "FileState":
        return cls((fingerprint, size, mtime_ns))


@dataclasses.dataclass
class BuildCache:
    """The build record of one output folder: the states of its files (`current`) and of the hidden
    copy beside it (`shadow`, publish.py; None if unknown), the stamp of the inputs it was made from
    (`inputs`, uptodate.py) and its warnings, repeated when nothing changed."""

    out_dir: Path
    current: dict[str, FileState] | None = None
    shadow: dict[str, FileState] | None = None
    inputs: tuple | None = None
    warnings: list = dataclasses.field(default_factory=list)
    loaded_from: tuple | None = None  # the `file_stamp` of the file this record was read from

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
            current = _states(stored["current"])
            return cls(out_dir, current, _shadow_states(current, stored["shadow"]), stored["inputs"], stored["warnings"],
                       loaded_from)
        except Exception:  # missing, old or damaged: the build just does more work
            return cls(out_dir)

    def reloaded(self) -> "BuildCache":
        """This record if its file is still the one it was read from (reading it again cost 20 ms at
        10,000 pages), else the file's record now: another build finished meanwhile."""
        try:
            if self.loaded_from is not None and file_stamp(os.stat(self.path_for(self.out_dir))) == self.loaded_from:
                return self
        except OSError:
            pass
        return BuildCache.load(self.out_dir)

    def save(self) -> bool:
        """Keep this record; False if it cannot be (a build without it only does more work)."""
        try:
            keep_pickled(self.path_for(self.out_dir), {
                "version": CACHE_VERSION, "inputs": tuple(self.inputs[:2]) if self.inputs else None,
                "warnings": self.warnings, "current": _plain(self.current),
                "shadow": _shadow_stored(self.current, self.shadow)})
        except OSError:
            return False
        return True


def _plain(states: dict[str, FileState] | None) -> dict | None:
    return None if states is None else {path: tuple(state) for path, state in states.items()}


def _states(stored: dict | None) -> dict[str, FileState] | None:
    return None if stored is None else dict(zip(stored.keys(), map(FileState, stored.values())))


def _shadow_stored(current: dict[str, FileState] | None, shadow: dict[str, FileState] | None) -> tuple | None:
    """The shadow as it differs from the live site (what the last build changed), half the record
    kept whole: the states not the live site's, and the paths only the live site has."""
    if shadow is None:
        return None
    current = current or {}
    return _plain(dict(shadow.items() - current.items())), tuple(current.keys() - shadow.keys())


def _shadow_states(current: dict[str, FileState] | None, stored: tuple | None) -> dict[str, FileState] | None:
    if stored is None:
        return None
    changed, only_live = stored
    shadow = {**(current or {}), **_states(changed)}
    for path in only_live:
        del shadow[path]
    return shadow
