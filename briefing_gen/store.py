"""What a build keeps for the next one, all in `.briefing-gen-cache/` beside the output.

Every kept thing is a `Shelf`: values by key in pickled shard files (by a hash of the key),
each written whole or not at all, only those whose keys changed. A shelf belongs to a
`frame` (briefing-gen's code, and whatever else its values depend on besides their key);
a shard of another frame, missing or damaged, only means working its values out again,
so deleting the folder is always safe.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

CACHE_FOLDER = ".briefing-gen-cache"
VERSION = 1  # of the shard files' layout


@functools.cache
def code_digest() -> str:
    """A digest of briefing-gen's own source, so a changed renderer never reuses old work."""
    sources = sorted(Path(__file__).resolve().parent.glob("*.py"))
    return hashlib.sha1(b"".join(path.name.encode() + b"\0" + path.read_bytes() for path in sources)).hexdigest()


def place(folder: Path, what: str) -> Path:
    """Where `what` is kept for a folder (the output or the content folder), without shard or suffix."""
    resolved = folder.resolve()
    key = hashlib.sha1(str(resolved).encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return resolved.parent / CACHE_FOLDER / f"{what}-{key}"


def folder(beside: Path, what: str, *frame: str) -> Path:
    """A folder of the store for work kept as files of their own (Jinja's compiled templates),
    named for the code and the frame, so another version or frame never reads it."""
    return beside.resolve().parent / CACHE_FOLDER / what / "-".join((code_digest()[:16], *frame))


def keep_pickled(path: str | Path, value: Any) -> None:
    """Write one file of the store whole or not at all (through a temporary file). Raises OSError."""
    path = str(path)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path + ".tmp", "wb") as written:
        written.write(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    os.replace(path + ".tmp", path)


def shard_of(key: Any, shards: int) -> int:
    """Which of `shards` files keeps the value of this key: the same in every process."""
    return zlib.crc32(repr(key).encode("utf-8", "surrogatepass")) % shards


class Shelf:
    """Values kept by key from the last build (`kept`), and this build's (`now`).

    A build `get`s what it can, `put`s what it worked out and `keep`s the kept values it used;
    `save` writes `now`, so a value no build used is dropped. `where` None keeps nothing, and
    `fresh` reads nothing kept but saves (a clean build).
    """

    def __init__(self, where: Path | None, frame: tuple = (), shards: int = 16, fresh: bool = False) -> None:
        self.where, self.shards, self.frame = where, shards, (VERSION, code_digest(), *frame)
        self.kept: dict = {}
        self.now: dict = {}
        self._shard_keys: list[Iterable] = [()] * shards
        self._changed = set(range(shards)) if fresh else set()
        if where is None or fresh:
            return
        for shard in range(shards):
            try:
                with open(self._path(shard), "rb") as stored:
                    frame_then, values = pickle.load(stored)
                if frame_then == self.frame and isinstance(values, dict):
                    self._shard_keys[shard] = values.keys()
                    self.kept.update(values)
                    continue
            except Exception:  # missing, of another version, or damaged: worked out again
                pass
            self._changed.add(shard)  # so a damaged or outdated file is replaced

    def _path(self, shard: int) -> str:
        return f"{self.where}-{shard:02d}.pickle" if self.shards > 1 else f"{self.where}.pickle"

    def get(self, key: Any, default: Any = None) -> Any:
        return self.now[key] if key in self.now else self.kept.get(key, default)

    def put(self, key: Any, value: Any) -> None:
        """This build's value for key; another object than the kept one counts as a change."""
        if key not in self.kept or self.kept[key] is not value:
            self._changed.add(shard_of(key, self.shards))
        self.now[key] = value

    def put_all(self, values: dict) -> None:
        """This build's values, all of them (a kept value not among them is dropped)."""
        self._changed.update(shard_of(key, self.shards) for key, value in values.items()
                             if key not in self.kept or self.kept[key] != value)
        self.now = dict(values)

    def keep(self, keys: Iterable) -> None:
        """Carry these kept values over to this build unchanged."""
        self.now.update(zip(keys, map(self.kept.__getitem__, keys)))

    def save(self) -> None:
        """Write `now` into the shards that gained, lost or changed a value."""
        if self.where is None:
            return
        by_shard: dict[int, dict] = {}
        for key in self.now.keys() - self.kept.keys():
            by_shard.setdefault(shard_of(key, self.shards), {})[key] = self.now[key]
        lost = {shard_of(key, self.shards) for key in self.kept.keys() - self.now.keys()}
        for shard in sorted(self._changed | lost | by_shard.keys()):
            values = by_shard.get(shard, {})
            values.update((key, self.now[key]) for key in self.now.keys() & self._shard_keys[shard])
            try:
                keep_pickled(self._path(shard), (self.frame, values))
            except OSError:
                pass  # the store only saves time
