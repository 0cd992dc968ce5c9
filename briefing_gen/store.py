"""What a build keeps for the next one, all in one place: `.briefing-gen-cache/` beside the output.

Every kept thing is a `Shelf`: values by key, spread over pickled shard files by a hash of
the key, each file written whole or not at all, and a build rewrites only the shards whose
keys it changed. A shelf belongs to a `frame`: briefing-gen's own code and whatever else
its values depend on besides their key (the site's settings, a library's version). A shard
of another frame, missing or damaged, only means working its values out again, so deleting
the folder is always safe: the next build is a full one.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

CACHE_FOLDER = ".briefing-gen-cache"
VERSION = 1  # of the shard files' layout


def code_digest() -> str:
    """A digest of briefing-gen's own source, so a changed renderer never reuses old work."""
    global _CODE_DIGEST
    if _CODE_DIGEST is None:
        hasher = hashlib.sha1()
        package = Path(__file__).resolve().parent
        for path in sorted(package.glob("*.py")):
            hasher.update(path.name.encode() + b"\0" + path.read_bytes())
        _CODE_DIGEST = hasher.hexdigest()
    return _CODE_DIGEST


_CODE_DIGEST: str | None = None


def place(folder: Path, what: str) -> Path:
    """Where `what` is kept for a folder (the output folder, or the content folder): in the
    store beside it, under a name of its own, without shard number or suffix."""
    resolved = folder.resolve()
    key = hashlib.sha1(str(resolved).encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return resolved.parent / CACHE_FOLDER / f"{what}-{key}"


def folder(beside: Path, what: str, *frame: str) -> Path:
    """A folder of the store for work kept as files of their own (Jinja's compiled templates),
    named for the code and the frame, so another version or frame never reads it."""
    return beside.resolve().parent / CACHE_FOLDER / what / "-".join((code_digest()[:16], *frame))


def keep_pickled(path: str | Path, value: Any) -> None:
    """Write one file of the store whole or not at all: pickled into a temporary file beside it,
    then put in its place. Raises OSError; a store that cannot be written only costs time."""
    path = str(path)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    temporary = path + ".tmp"
    with open(temporary, "wb") as written:
        written.write(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    os.replace(temporary, path)


def shard_of(key: Any, shards: int) -> int:
    """Which of `shards` files keeps the value of this key: the same in every process."""
    return zlib.crc32(repr(key).encode("utf-8", "surrogatepass")) % shards


class Shelf:
    """Values kept by key from the last build (`kept`), and this build's (`now`).

    A build `get`s what it can, `put`s what it worked out, and `keep`s (in bulk) the kept
    values it used unchanged; `save` writes `now` back, so a value no build used is dropped
    and the store never grows stale. `where` None keeps nothing (a clean build).
    """

    def __init__(self, where: Path | None, frame: tuple = (), shards: int = 16, fresh: bool = False) -> None:
        """`fresh`: read nothing kept, but save this build's values (a clean build's)."""
        self.where, self.shards = where, shards
        self.frame = (VERSION, code_digest(), *frame)
        self.kept: dict = {}
        self.now: dict = {}
        self._shard_values: list[dict] = [{} for _ in range(shards)]
        self._changed: set[int] = set()
        if where is None:
            return
        if fresh:
            self._changed.update(range(shards))
            return
        for shard in range(shards):
            try:
                with open(self._path(shard), "rb") as stored:
                    frame_then, values = pickle.load(stored)
                if frame_then == self.frame and isinstance(values, dict):
                    self._shard_values[shard] = values
                    self.kept.update(values)
                    continue
            except Exception:  # missing, of another version, or damaged: worked out again
                pass
            self._changed.add(shard)  # so a damaged or outdated file is replaced, not read again

    def _path(self, shard: int) -> str:
        return f"{self.where}-{shard:02d}.pickle" if self.shards > 1 else f"{self.where}.pickle"

    def get(self, key: Any, default: Any = None) -> Any:
        value = self.now.get(key, _MISSING)
        return self.kept.get(key, default) if value is _MISSING else value

    def put(self, key: Any, value: Any) -> None:
        """This build's value for key (new, or in place of the kept one)."""
        if self.kept.get(key, _MISSING) is not value:
            self._changed.add(shard_of(key, self.shards))
        self.now[key] = value

    def put_all(self, values: dict) -> None:
        """This build's values, all of them: a kept value not among them is dropped."""
        kept = self.kept
        for key, value in values.items():
            if kept.get(key, _MISSING) != value:
                self._changed.add(shard_of(key, self.shards))
        self.now = dict(values)

    def keep(self, keys: Iterable) -> None:
        """Carry these kept values over to this build unchanged."""
        kept = self.kept
        if keys is kept:
            self.now.update(kept)
        else:
            self.now.update(zip(keys, map(kept.__getitem__, keys)))

    def save(self) -> None:
        """Write `now`: only the shards that gained, lost or changed a value are rewritten."""
        if self.where is None:
            return
        changed = set(self._changed)
        if len(self.now) != len(self.kept) or self.now.keys() != self.kept.keys():
            for key in self.kept.keys() ^ self.now.keys():
                changed.add(shard_of(key, self.shards))
        if not changed:
            return
        by_shard: dict[int, dict] = {shard: {} for shard in changed}
        if len(changed) == self.shards:
            for key, value in self.now.items():
                by_shard[shard_of(key, self.shards)][key] = value
        else:  # a shard that changed: its kept keys still wanted, and every new key that falls in it
            for shard in changed:
                values = self._shard_values[shard]
                by_shard[shard] = {key: self.now[key] for key in values.keys() & self.now.keys()}
            for key in self.now.keys() - self.kept.keys():
                by_shard[shard_of(key, self.shards)][key] = self.now[key]
        for shard, values in sorted(by_shard.items()):
            try:
                keep_pickled(self._path(shard), (self.frame, values))
            except OSError:
                pass  # the store only saves time
        self._changed.clear()


_MISSING = object()
