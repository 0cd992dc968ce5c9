"""Incremental builds: what each output file was made from, to skip unchanged work.

Every output gets a fingerprint of everything that goes into its bytes: the
templates it uses (with their includes and parents) and its whole context,
where a record counts by the digest of its file. A file whose fingerprint
and on-disk state match the last build is reused instead of rendered. The
cache lives beside the output folder in `.briefing-gen-cache/` (git-ignored)
and is only ever an optimisation: a missing or corrupt cache means a full build.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import meta

from .records import Record

CACHE_FOLDER = ".briefing-gen-cache"
CACHE_VERSION = 1


def fingerprint(*parts: Any) -> str:
    """A stable digest of template hashes and a page context."""
    hasher = hashlib.sha1()
    for part in parts:
        _feed(hasher, part)
    return hasher.hexdigest()


def _feed(hasher: "hashlib._Hash", value: Any) -> None:
    if isinstance(value, Record):
        hasher.update(b"R" + value.origin.digest.encode())
    elif isinstance(value, str):
        hasher.update(b"S%d:" % len(value) + value.encode("utf-8", "surrogatepass"))
    elif isinstance(value, (list, tuple)):
        hasher.update(b"[")
        for item in value:
            _feed(hasher, item)
        hasher.update(b"]")
    elif isinstance(value, Mapping):
        hasher.update(b"{")
        for key, item in value.items():
            _feed(hasher, key)
            _feed(hasher, item)
        hasher.update(b"}")
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        hasher.update(type(value).__name__.encode())
        for field in dataclasses.fields(value):
            if field.name != "context":  # a page listed in the sitemap counts by its path, not its context
                _feed(hasher, getattr(value, field.name))
    else:
        hasher.update(repr(value).encode())


class TemplateHashes:
    """The digest of each template together with every template it extends or includes."""

    def __init__(self, environment: jinja2.Environment) -> None:
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
        source, _, _ = self._environment.loader.get_source(self._environment, name)
        return source

    def _dependencies(self, name: str, seen: set[str]) -> set[str]:
        if name in seen:
            return seen
        seen.add(name)
        tree = self._environment.parse(self._source(name))
        for referenced in meta.find_referenced_templates(tree):
            if referenced is not None:
                self._dependencies(referenced, seen)
        return seen


@dataclass(frozen=True)
class CachedFile:
    fingerprint: str
    size: int
    mtime_ns: int


class BuildCache:
    """Fingerprints of the files of the last build of one output folder."""

    def __init__(self, out_dir: Path, files: dict[str, CachedFile] | None = None) -> None:
        self.out_dir = out_dir
        self.files = files or {}

    @staticmethod
    def path_for(out_dir: Path) -> Path:
        key = hashlib.sha1(str(out_dir.resolve()).encode()).hexdigest()[:16]
        return out_dir.resolve().parent / CACHE_FOLDER / f"build-{key}.json"

    @classmethod
    def load(cls, out_dir: Path) -> "BuildCache":
        try:
            stored = json.loads(cls.path_for(out_dir).read_text(encoding="utf-8"))
            if stored.get("version") != CACHE_VERSION:
                return cls(out_dir)
            files = {path: CachedFile(**entry) for path, entry in stored["files"].items()}
        except (OSError, ValueError, KeyError, TypeError):
            return cls(out_dir)
        return cls(out_dir, files)

    def reusable(self, path: str, new_fingerprint: str) -> bool:
        """True when the file on disk is exactly what this fingerprint would produce."""
        entry = self.files.get(path)
        if entry is None or entry.fingerprint != new_fingerprint:
            return False
        try:
            status = os.stat(self.out_dir / path)
        except OSError:
            return False
        return status.st_size == entry.size and status.st_mtime_ns == entry.mtime_ns

    @classmethod
    def save(cls, out_dir: Path, fingerprints: dict[str, str]) -> None:
        """Record the fingerprints with the on-disk state of each file just built."""
        files = {}
        for path, file_fingerprint in sorted(fingerprints.items()):
            status = os.stat(out_dir / path)
            files[path] = {"fingerprint": file_fingerprint, "size": status.st_size, "mtime_ns": status.st_mtime_ns}
        target = cls.path_for(out_dir)
        try:
            target.parent.mkdir(exist_ok=True)
            temporary = target.with_suffix(".tmp")
            temporary.write_text(json.dumps({"version": CACHE_VERSION, "files": files}), encoding="utf-8")
            os.replace(temporary, target)
        except OSError:
            pass  # the cache only saves time; a build without it is still right
