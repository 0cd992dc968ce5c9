"""What each output read from the briefing, so an edit makes again only what read a change.

While an output's context is made, its page function sees a `TrackedBriefing`,
which writes down every read: one of the briefing's lists (`quotes`), one record
(`person("kim")`, or the record the page is about), one entry of an index
(`quotes_by_person["kim"]`), a whole index, or the set of pages (the sitemap).
A build keeps, for every output, its fingerprint and its reads, with a digest of
what each read gave (`KeptReads`). The next build works those digests out again
from its own briefing: an output none of whose reads changed has the same context
as then, so it keeps that fingerprint and its context is not even made (it is made
on demand if the file has to be written again).

Settings, templates, options and code are not tracked reads: they make up the
build's `frame`, and when the frame differs from the kept one nothing is reused.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from .store import Shelf, code_digest
from .model import DERIVED_LISTS, RECORD_LISTS, Briefing
from .records import Record, digest_of
from .uptodate import input_files

INDEXES = ("quotes_by_person", "quotes_by_summit", "takeaways_by_summit", "events_by_summit", "records_by_tag",
           "takeaways_by_person", "citations")
PAGES = ("pages",)  # the read of the sitemap: the paths of the pages it lists

# A read is a tuple: ("list", name), ("record", kind, slug), ("entry", index, key), ("index", index) or PAGES.
Read = tuple


class UntrackedRead(AttributeError):
    """A page function asked the briefing for something reads are not tracked for."""


def _tracked_lookup(kind: str, name: str) -> Callable[["TrackedBriefing", str], Any]:
    """A TrackedBriefing's `person(slug)` and the like: the briefing's lookup, read as one record."""
    def lookup(self: "TrackedBriefing", slug: str) -> Any:
        self.reads.add(("record", kind, slug))
        return getattr(self._briefing, name)(slug)
    lookup.__name__ = name
    return lookup


class TrackedBriefing:
    """A briefing that writes down, into `reads`, what is read from it."""

    def __init__(self, briefing: Briefing, reads: set[Read]) -> None:
        self._briefing = briefing
        self.reads = reads
        self.settings = briefing.settings  # part of the frame, not a tracked read

    def __getattr__(self, name: str) -> Any:
        if name in RECORD_LISTS or name in DERIVED_LISTS:
            self.reads.add(("list", name))
            return getattr(self._briefing, name)
        if name in INDEXES:
            return TrackedIndex(name, getattr(self._briefing, name), self.reads)
        raise UntrackedRead(f"the briefing's {name!r} is not a tracked read: add it to dependencies.py "
                            "so an incremental build knows which pages use it")

    def record(self, kind: str, slug: str) -> Record | None:
        self.reads.add(("record", kind, slug))
        return self._briefing.record(kind, slug)

    source = _tracked_lookup("sources", "source")
    summit = _tracked_lookup("summits", "summit")
    person = _tracked_lookup("people", "person")
    tag = _tracked_lookup("tags", "tag")


class TrackedIndex(Mapping):
    """One of the briefing's indexes (slug -> records); a lookup reads one entry (`get` and `in`
    look up through `__getitem__`), a walk all."""

    def __init__(self, name: str, index: dict, reads: set[Read]) -> None:
        self._name, self._index, self._reads = name, index, reads

    def __getitem__(self, key: Any) -> Any:
        self._reads.add(("entry", self._name, key))
        return self._index[key]

    def __iter__(self) -> Iterator:
        self._reads.add(("index", self._name))
        return iter(self._index)

    def __len__(self) -> int:
        self._reads.add(("index", self._name))
        return len(self._index)

    def items(self) -> Any:
        self._reads.add(("index", self._name))
        return self._index.items()

    def values(self) -> Any:
        self._reads.add(("index", self._name))
        return self._index.values()


class ReadValues:
    """What each read gives in one briefing, as a digest; each worked out once.

    A record counts by the digest of its file; a list of records by the digests of its
    records, in order, looked up by identity: reading each one's digest through its
    attributes took twice as long, over the 50,000 places in lists of a 10,000-record site.
    The value of a list or an index entry starts with how many records it holds, and that of
    a whole index with its keys and places: `changed_since` needs them.
    """

    def __init__(self, briefing: Briefing, sitemap_paths: list[str]) -> None:
        self._briefing = briefing
        self._sitemap_paths = sitemap_paths
        self._values: dict[Read, str] = {}
        self._digest_by_id: dict[int, str] = {}
        self._record_digests: dict[str, dict[str, str]] | None = None

    def of(self, read: Read) -> str:
        if read[0] == "record":
            return self.record_digests()[read[1]].get(read[2], "-")
        value = self._values.get(read)
        if value is None:
            value = self._values[read] = self._work_out(read)
        return value

    def record_digests(self) -> dict[str, dict[str, str]]:
        """Every record the briefing shows, by kind and slug, with the digest of its file: the
        value of a read of one record ("-" for one the briefing does not show). Taken from the
        loader's where the briefing has them (a list that leaves no record out), else read from
        the records."""
        if self._record_digests is None:
            known = self._briefing.record_digests
            self._record_digests = {
                kind: known[kind] if kind in known else {record.slug: record.origin.digest for record in getattr(self._briefing, kind)}
                for kind in RECORD_LISTS}
        return self._record_digests

    def changed_since(self, kept_records: Mapping[str, Mapping[str, str]], kept: Mapping[Read, str]) -> set[Read]:
        """The reads that give another value than they did when these were kept: the records
        edited, added or removed since (`kept_records`, as `record_digests` gave them then), and
        every other read (`kept`) whose value differs.

        A list or index entry that holds as many records as then, none of them edited or added
        since, keeps its value without being digested again (that was two thirds of planning a
        one-edit rebuild at 10,000 records). It then holds the same records in the same order:
        which entries of an index hold a record, and where a list puts it, follow from that
        record's own fields (the indexes and orders of model.py, all made from the briefing's
        lists), so the records not edited keep their keys and their order among themselves, and
        one moved in would have to be an edited one. A record removed since shows in the count.
        Not so for a derived list (model.DERIVED_LISTS): the quotes by speaker follow the speakers'
        names, so renaming a person reorders them with no quote edited. Those are digested again.
        """
        now = self.record_digests()
        changed: set[Read] = set()
        edited: set[int] = set()
        for kind in RECORD_LISTS:
            now_of_kind, then = now[kind], kept_records.get(kind, {})
            if now_of_kind == then:
                continue
            for slug, _ in now_of_kind.items() - then.items():  # edited or added
                changed.add(("record", kind, slug))
                edited.add(id(self._briefing.record(kind, slug)))
            changed.update(("record", kind, slug) for slug in then.keys() - now_of_kind.keys())
        briefing = self._briefing

        def unedited(records: Any, count: str) -> bool:
            return records is not None and str(len(records)) == count and edited.isdisjoint(map(id, records))

        for read, value in kept.items():
            what = read[0]
            if what == "list":  # a derived list is ordered by other records' fields: digested again
                same = read[1] in RECORD_LISTS and unedited(getattr(briefing, read[1]), value.partition(":")[0])
            elif what == "entry":
                same = unedited(getattr(briefing, read[1]).get(read[2]), value.partition(":")[0])
            elif what == "index":
                index = getattr(briefing, read[1])
                counts = value.split(":", 2)[:2]
                same = (counts == [str(len(index)), str(sum(map(len, index.values())))]
                        and all(edited.isdisjoint(map(id, records)) for records in index.values()))
            else:
                same = False
            if same:
                self._values[read] = value
            elif self.of(read) != value:
                changed.add(read)
        return changed

    def work_out(self, reads_of_outputs: Iterable[tuple[Read, ...]]) -> None:
        """What every read of these outputs gives, worked out ahead (in a large build, while the
        render workers run: at 50,000 records it is 0.3 s that would otherwise follow them).
        Every list is digested here, so the records' digests are first indexed by identity."""
        if not self._digest_by_id:
            for kind in RECORD_LISTS:
                for record in getattr(self._briefing, kind):
                    self._digest_by_id[id(record)] = record.origin.digest
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
        try:  # by identity when work_out indexed them: half the time of reading each record's
            joined = "\n".join(map(self._digest_by_id.__getitem__, map(id, records)))
        except KeyError:  # not indexed (an edit digests few lists), or in no list of the briefing
            joined = "\n".join(map(digest_of, records))
        return f"{len(records)}:{hashlib.sha1(joined.encode()).hexdigest()}"


def frame_digest(templates: Path, settings: Any, drafts: bool) -> str:
    """Everything an output depends on besides its reads: the code, the options, the site's
    settings and every file of the templates folder (templates and static files), by its bytes."""
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
    """Every output of a build with its fingerprint and reads, and what each read gave then,
    under the build's frame: three shelves of the store (the outputs by path, the record digests
    by kind, the value of every other read), so an edit rewrites only the shards it changed."""

    def __init__(self, where: Path | None, frame: str, fresh: bool = False) -> None:
        def shelf(part: str, shards: int) -> Shelf:
            return Shelf(None if where is None else where.with_name(f"{where.name}-{part}"), (frame,), shards, fresh)

        self._outputs, self._records, self._values = shelf("outputs", 64), shelf("records", 16), shelf("values", 16)
        self.outputs: dict[str, tuple[str, tuple]] = self._outputs.kept
        self.records: dict[str, dict[str, str]] = self._records.kept  # ReadValues.record_digests then
        self.values: dict[Read, str] = self._values.kept  # the value of every other read then

    def unchanged(self, values_now: ReadValues) -> dict[str, tuple[str, tuple]]:
        """The outputs whose every read gives what it gave when they were kept: path -> (fingerprint, reads).
        A read of one record is always known (a record missing then gave "-"); any other read
        without a kept value counts as changed."""
        changed = values_now.changed_since(self.records, self.values)
        every_read = set().union(*[reads for _, reads in self.outputs.values()])
        changed.update(read for read in every_read - self.values.keys() if read[0] != "record")
        return {path: kept for path, kept in self.outputs.items() if changed.isdisjoint(kept[1])}

    def save(self, outputs: dict[str, tuple[str, tuple]], values_now: ReadValues) -> None:
        """Keep every output's fingerprint and reads, and what those reads give now. Equal reads of
        many pages are one object (plan_outputs makes them so), which pickle writes once a shard."""
        every_read = set().union(*[reads for _, reads in outputs.values()])
        self._outputs.put_all(outputs)
        self._records.put_all(values_now.record_digests())
        self._values.put_all({read: values_now.of(read) for read in every_read if read[0] != "record"})
        for shelf in (self._outputs, self._records, self._values):
            shelf.save()
