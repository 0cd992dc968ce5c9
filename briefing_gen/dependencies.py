"""What each output read from the briefing, so an edit makes again only what read a change.

While an output's context is made, its page function sees a `TrackedBriefing`, which writes
down every read: a list (`quotes`), a record (`person("kim")`), an entry of an index
(`quotes_by_person["kim"]`), a whole index, or the set of pages (the sitemap). A build keeps
every output's fingerprint and reads, with a digest of what each read gave (`KeptReads`);
the next works those out again from its briefing, and an output none of whose reads changed
keeps its fingerprint without its context being made. Settings, templates, options and code
are not reads: they make the build's `frame`, and another frame reuses nothing.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterable, Iterator, Mapping
from functools import partial
from pathlib import Path
from typing import Any

from .store import Shelf, code_digest
from .model import DERIVED_LISTS, RECORD_LISTS, Briefing
from .records import Record, digest_of
from .uptodate import input_files

INDEXES = ("quotes_by_person", "quotes_by_summit", "takeaways_by_summit", "events_by_summit", "records_by_tag",
           "takeaways_by_person", "citations")
LOOKUPS = {"source": "sources", "summit": "summits", "person": "people", "tag": "tags"}  # lookup -> kind
PAGES = ("pages",)  # the read of the sitemap: the paths of the pages it lists

# A read is a tuple: ("list", name), ("record", kind, slug), ("entry", index, key), ("index", index) or PAGES.
Read = tuple


class UntrackedRead(AttributeError):
    """A page function asked the briefing for something reads are not tracked for."""


class TrackedBriefing:
    """A briefing that writes down, into `reads`, what is read from it."""

    def __init__(self, briefing: Briefing, reads: set[Read]) -> None:
        self._briefing, self.reads = briefing, reads
        self.settings = briefing.settings  # part of the frame, not a tracked read

    def __getattr__(self, name: str) -> Any:
        if name in RECORD_LISTS or name in DERIVED_LISTS:
            self.reads.add(("list", name))
            return getattr(self._briefing, name)
        if name in INDEXES:
            return TrackedIndex(name, getattr(self._briefing, name), self.reads)
        if name in LOOKUPS:
            return partial(self._lookup, name)
        raise UntrackedRead(f"the briefing's {name!r} is not a tracked read: add it to dependencies.py "
                            "so an incremental build knows which pages use it")

    def _lookup(self, name: str, slug: str) -> Record:
        self.reads.add(("record", LOOKUPS[name], slug))
        return getattr(self._briefing, name)(slug)

    def record(self, kind: str, slug: str) -> Record | None:
        self.reads.add(("record", kind, slug))
        return self._briefing.record(kind, slug)


class TrackedIndex(Mapping):
    """One of the briefing's indexes (slug -> records): a lookup (also `get` and `in`) reads one
    entry, a walk the whole index."""

    def __init__(self, name: str, index: dict, reads: set[Read]) -> None:
        self._name, self._index, self._reads = name, index, reads

    def __getitem__(self, key: Any) -> Any:
        self._reads.add(("entry", self._name, key))
        return self._index[key]

    def _whole(self) -> dict:
        self._reads.add(("index", self._name))
        return self._index

    def __iter__(self) -> Iterator:
        return iter(self._whole())

    def __len__(self) -> int:
        return len(self._whole())

    def items(self) -> Any:
        return self._whole().items()

    def values(self) -> Any:
        return self._whole().values()


class ReadValues:
    """What each read gives in one briefing, as a digest, each worked out once: a record by its
    file's digest, a list by its records'. The value of a list or an entry starts with how many
    records it holds, that of a whole index with its keys and places (`changed_since` needs them)."""

    def __init__(self, briefing: Briefing, sitemap_paths: list[str]) -> None:
        self._briefing, self._sitemap_paths = briefing, sitemap_paths
        self._values: dict[Read, str] = {}
        # every record shown, by kind and slug, with its file's digest (the loader's where it has them all)
        known = briefing.record_digests
        self.record_digests = {kind: known[kind] if kind in known else
                               {record.slug: record.origin.digest for record in getattr(briefing, kind)}
                               for kind in RECORD_LISTS}

    def of(self, read: Read) -> str:
        if read[0] == "record":  # "-": a record the briefing does not show
            return self.record_digests[read[1]].get(read[2], "-")
        if read not in self._values:
            self._values[read] = self._work_out(read)
        return self._values[read]

    def changed_since(self, kept_records: Mapping[str, Mapping[str, str]], kept: Mapping[Read, str]) -> set[Read]:
        """The reads that give another value than when these were kept: the records edited, added or
        removed since (`kept_records`, the `record_digests` then), and the other reads (`kept`).

        A list or index entry holding as many records as then, none edited or added since, keeps its
        value undigested (that was two thirds of planning a one-edit rebuild at 10,000 records): where
        a record sits follows from its own fields, so one moved in would be an edited one, and one
        removed shows in the count. Not so in a derived list, ordered by other records' fields
        (renaming a person reorders the quotes by speaker): those are digested again."""
        now, briefing = self.record_digests, self._briefing
        changed: set[Read] = set()
        edited: set[int] = set()
        for kind in RECORD_LISTS:
            now_of_kind, then = now[kind], kept_records.get(kind, {})
            if now_of_kind == then:
                continue
            for slug, _ in now_of_kind.items() - then.items():  # edited or added
                changed.add(("record", kind, slug))
                edited.add(id(briefing.record(kind, slug)))
            changed.update(("record", kind, slug) for slug in then.keys() - now_of_kind.keys())

        def unedited(records: Any, count: str) -> bool:
            return records is not None and str(len(records)) == count and edited.isdisjoint(map(id, records))

        for read, value in kept.items():
            what = read[0]
            if what == "list":
                same = read[1] in RECORD_LISTS and unedited(getattr(briefing, read[1]), value.partition(":")[0])
            elif what == "entry":
                same = unedited(getattr(briefing, read[1]).get(read[2]), value.partition(":")[0])
            elif what == "index":
                index = getattr(briefing, read[1])
                same = (value.split(":", 2)[:2] == [str(len(index)), str(sum(map(len, index.values())))]
                        and all(edited.isdisjoint(map(id, records)) for records in index.values()))
            else:
                same = False
            if same:
                self._values[read] = value
            elif self.of(read) != value:
                changed.add(read)
        return changed

    def work_out(self, reads_of_outputs: Iterable[tuple[Read, ...]]) -> None:
        """What every read of these outputs gives, worked out ahead (while render workers run)."""
        for reads in reads_of_outputs:
            for read in reads:
                self.of(read)

    def _work_out(self, read: Read) -> str:
        what = read[0]
        if what == "list":
            return self._records_digest(getattr(self._briefing, read[1]))
        if what == "entry":
            records = getattr(self._briefing, read[1]).get(read[2])
            return self._records_digest(records) if records is not None else "-"
        if what == "index":
            index = getattr(self._briefing, read[1])
            hasher = hashlib.sha1()
            for key, records in index.items():
                hasher.update(f"{key!r}\0{self._records_digest(records)}\n".encode("utf-8", "surrogatepass"))
            return f"{len(index)}:{sum(map(len, index.values()))}:{hasher.hexdigest()}"
        if read == PAGES:
            return hashlib.sha1("\n".join(self._sitemap_paths).encode("utf-8", "surrogatepass")).hexdigest()
        raise ValueError(f"unknown read {read!r}")

    def _records_digest(self, records: list[Record]) -> str:
        joined = "\n".join(map(digest_of, records))
        return f"{len(records)}:{hashlib.sha1(joined.encode()).hexdigest()}"


def frame_digest(templates: Path, settings: Any, drafts: bool) -> str:
    """Everything an output depends on besides its reads: the code, the options, the settings and
    every file of the templates folder, by its bytes."""
    hasher = hashlib.sha1(f"{code_digest()}\0{drafts}\0{settings!r}\0".encode("utf-8", "surrogatepass"))
    for directory, name in input_files(templates):
        path = os.path.join(directory, name)
        hasher.update(f"{os.path.relpath(path, templates)}\0".encode("utf-8", "surrogatepass"))
        try:
            if stat.S_ISREG(os.stat(path).st_mode):  # a pipe or device there is never read
                with open(path, "rb") as template_file:
                    hasher.update(hashlib.sha1(template_file.read()).digest())
        except OSError:
            hasher.update(b"unreadable")  # a template that is used reports it where it is loaded
    return hasher.hexdigest()


class KeptReads:
    """Every output of a build with its fingerprint and reads, and what each read gave, under the
    build's frame: three shelves (outputs by path, record digests by kind, other reads' values)."""

    def __init__(self, where: Path | None, frame: str, fresh: bool = False) -> None:
        def shelf(part: str, shards: int) -> Shelf:
            return Shelf(None if where is None else where.with_name(f"{where.name}-{part}"), (frame,), shards, fresh)

        self._outputs, self._records, self._values = shelf("outputs", 64), shelf("records", 16), shelf("values", 16)
        self.outputs: dict[str, tuple[str, tuple]] = self._outputs.kept
        self.records: dict[str, dict[str, str]] = self._records.kept  # ReadValues.record_digests then
        self.values: dict[Read, str] = self._values.kept

    def unchanged(self, values_now: ReadValues) -> dict[str, tuple[str, tuple]]:
        """The outputs whose every read gives what it gave then: path -> (fingerprint, reads). A read
        of a record is always known ("-" if missing then); any other without a kept value changed."""
        changed = values_now.changed_since(self.records, self.values)
        every_read = set().union(*[reads for _, reads in self.outputs.values()])
        changed.update(read for read in every_read - self.values.keys() if read[0] != "record")
        return {path: kept for path, kept in self.outputs.items() if changed.isdisjoint(kept[1])}

    def save(self, outputs: dict[str, tuple[str, tuple]], values_now: ReadValues) -> None:
        """Keep every output's fingerprint and reads, and what those reads give now."""
        every_read = set().union(*[reads for _, reads in outputs.values()])
        self._outputs.put_all(outputs)
        self._records.put_all(values_now.record_digests)
        self._values.put_all({read: values_now.of(read) for read in every_read if read[0] != "record"})
        for shelf in (self._outputs, self._records, self._values):
            shelf.save()
