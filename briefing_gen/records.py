"""The content records of SPEC, one frozen dataclass per kind.

Each field carries the converter that checks the front-matter value, so the
loader can validate a record from its class alone. Every record keeps where
it came from (path, the line of each key) so later steps can point back at
the editor's file.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, ClassVar

from .dates import UNKNOWN, iso_string

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


# -- converters: front-matter value -> checked Python value, or ValueError ----

def text(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise ValueError(f"expected text, got {_describe(value)}")
    value = str(value).strip()
    if not value:
        raise ValueError("must not be empty")
    return value


def slug(value: Any) -> str:
    value = text(value)
    if not SLUG_PATTERN.match(value):
        raise ValueError(f"{value!r} is not a valid slug (lowercase a-z, 0-9 and single hyphens)")
    return value


def web_url(value: Any) -> str:
    """An http(s) address: anything else (javascript:, data:, a file path) could run or leak on the page."""
    value = text(value)
    if not value.lower().startswith(("http://", "https://")) or any(ch.isspace() or ord(ch) < 32 for ch in value):
        raise ValueError(f"expected an http:// or https:// address, got {value!r}")
    return value


def timestamp(value: Any) -> str:
    """A moment in UTC, to the second: `2026-12-07T13:05:09Z` (when a page was fetched)."""
    value = text(value)
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", value):
        raise ValueError(f"expected a UTC time like 2026-12-07T13:05:09Z, got {value!r}")
    return value


def file_name(value: Any) -> str:
    """The name of a file beside the record (a snapshot): no folder, no hidden file."""
    value = text(value)
    if "/" in value or "\\" in value or value.startswith(".") or any(ord(ch) < 32 for ch in value):
        raise ValueError(f"expected a file name beside the record, got {value!r}")
    return value


def date(value: Any) -> str:
    return iso_string_checked(value, allow_unknown=False)


def date_or_unknown(value: Any) -> str:
    return iso_string_checked(value, allow_unknown=True)


def iso_string_checked(value: Any, allow_unknown: bool) -> str:
    if value == UNKNOWN and not allow_unknown:
        raise ValueError("a date is required here; 'unknown' is allowed only for said_on")
    return iso_string(value)


def integer(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"expected a whole number, got {_describe(value)}")
    return value


def paragraph_number(value: Any) -> int:
    value = integer(value)
    if value < 1:
        raise ValueError(f"paragraph numbers start at 1, got {value}")
    return value


def page_size(value: Any) -> int:
    value = integer(value)
    if value < 1:
        raise ValueError(f"a page holds at least 1 item, got {value}")
    return value


def number(value: Any) -> float | int:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"expected a number, got {_describe(value)}")
    return value


def boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"expected true or false, got {_describe(value)}")
    return value


def list_of(convert: Callable[[Any], Any]) -> Callable[[Any], tuple]:
    def convert_list(value: Any) -> tuple:
        if not isinstance(value, list):
            raise ValueError(f"expected a list, got {_describe(value)}")
        items = []
        for index, item in enumerate(value, 1):
            try:
                items.append(convert(item))
            except ValueError as error:
                raise ValueError(f"item {index}: {error}") from None
        return tuple(items)
    convert_list.item = convert  # type: ignore[attr-defined]  -- what schemas.py describes
    return convert_list


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"{type(value).__name__} {value!r}"


def _mapping(value: Any, required: tuple[str, ...], optional: tuple[str, ...] = ()) -> dict:
    if not isinstance(value, dict):
        raise ValueError(f"expected a mapping with {', '.join(required)}, got {_describe(value)}")
    missing = [key for key in required if key not in value]
    if missing:
        raise ValueError(f"missing {', '.join(missing)}")
    unknown = sorted(str(key) for key in value if key not in required + optional)
    if unknown:
        raise ValueError(f"unknown key {', '.join(unknown)}")
    return value


# -- nested values ------------------------------------------------------------

@dataclass(frozen=True)
class Citation:
    """A claim and the source paragraph that supports it (a `compare` cell)."""

    text: str
    source: str
    paragraph: int


@dataclass(frozen=True)
class Note:
    """Something ingest removed from a source, or flagged for the editor."""

    kind: str
    text: str
    paragraph: int


@dataclass(frozen=True)
class Window:
    """The dates that belong to a summit."""

    start: str
    end: str


def citation(value: Any) -> Citation:
    value = _mapping(value, ("text", "source", "paragraph"))
    return Citation(text(value["text"]), slug(value["source"]), paragraph_number(value["paragraph"]))


@dataclass(frozen=True)
class Cited:
    """One source's report of a record: the source, the paragraphs that carry it, and for a quote
    the words as that source gives them when they differ from the record's body (`wording`)."""

    source: str
    paragraphs: tuple[int, ...]
    wording: str | None = None

    @property
    def paragraph(self) -> int:
        return self.paragraphs[0]


def also_in_paragraph(value: Any) -> Cited:
    """An `also_in` entry of an event or figure: `{source, paragraph}`."""
    value = _mapping(value, ("source", "paragraph"))
    return Cited(slug(value["source"]), (paragraph_number(value["paragraph"]),))


def also_in_quote(value: Any) -> Cited:
    """An `also_in` entry of a quote: `{source, paragraph}`, and `wording` when that source gives
    the words otherwise (another translation)."""
    value = _mapping(value, ("source", "paragraph"), ("wording",))
    wording = text(value["wording"]) if "wording" in value else None
    return Cited(slug(value["source"]), (paragraph_number(value["paragraph"]),), wording)


def also_in_paragraphs(value: Any) -> Cited:
    """An `also_in` entry of a takeaway: `{source, paragraphs}`."""
    value = _mapping(value, ("source", "paragraphs"))
    paragraphs = list_of(paragraph_number)(value["paragraphs"])
    if not paragraphs:
        raise ValueError("paragraphs: name at least one paragraph")
    return Cited(slug(value["source"]), paragraphs)


def note(value: Any) -> Note:
    value = _mapping(value, ("kind", "text", "paragraph"))
    paragraph = integer(value["paragraph"])
    if paragraph < 0:
        raise ValueError(f"paragraph must be 0 or more, got {paragraph}")
    return Note(text(value["kind"]), text(value["text"]), paragraph)


def window(value: Any) -> Window:
    value = _mapping(value, ("from", "to"))
    start, end = date(value["from"]), date(value["to"])
    return Window(start, end)


def compare_table(value: Any) -> tuple[tuple[str, Citation], ...]:
    if not isinstance(value, dict):
        raise ValueError(f"expected a mapping of dimension -> {{text, source, paragraph}}, got {_describe(value)}")
    rows = []
    for dimension, cell in value.items():
        try:
            rows.append((text(dimension), citation(cell)))
        except ValueError as error:
            raise ValueError(f"dimension {dimension!r}: {error}") from None
    return tuple(rows)


def person_kind(value: Any) -> str:
    value = text(value)
    if value not in ("person", "organization"):
        raise ValueError(f"expected person or organization, got {value!r}")
    return value


# -- records ------------------------------------------------------------------

def spec(convert: Callable[[Any], Any], default: Any = None, required: bool = True) -> Any:
    """Declare a front-matter field: its converter and whether it is required."""
    metadata = {"convert": convert, "required": required}
    if required:
        return field(metadata=metadata)
    return field(default=default, metadata=metadata)


def optional(convert: Callable[[Any], Any], default: Any = None) -> Any:
    return spec(convert, default, required=False)


@dataclass(frozen=True, kw_only=True)
class Origin:
    """Where a record came from: its file and the line of each front-matter key."""

    path: str
    key_lines: Mapping[str, int]
    body_line: int
    digest: str = ""  # of the file's text: what incremental builds compare

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, 1)


@dataclass(frozen=True, kw_only=True)
class Record:
    kind: ClassVar[str] = ""
    slug: str
    body: str
    origin: Origin


# A record's digest (of its file), read in C: for passes over thousands of records.
digest_of = operator.attrgetter("origin.digest")


@dataclass(frozen=True, kw_only=True)
class Source(Record):
    kind: ClassVar[str] = "sources"
    title: str = spec(text)
    outlet: str = spec(text)
    published: str = spec(date)
    byline: tuple[str, ...] = optional(list_of(text), ())
    url: str | None = optional(web_url)
    language: str | None = optional(text)
    # How ingest found the body ("trafilatura 2.3.1"), and, for a page it fetched, from where,
    # through which redirects, when, and the file beside the record that keeps the bytes it got.
    extracted_by: str | None = optional(text)
    fetched_from: str | None = optional(web_url)
    final_url: str | None = optional(web_url)
    redirects: tuple[str, ...] = optional(list_of(web_url), ())
    fetched_at: str | None = optional(timestamp)
    snapshot: str | None = optional(file_name)
    removed: tuple[Note, ...] = optional(list_of(note), ())
    review: tuple[Note, ...] = optional(list_of(note), ())

    @cached_property
    def paragraphs(self) -> list[str]:
        return split_paragraphs(self.body)

    @cached_property
    def paragraphs_for_quote_check(self) -> list[str]:
        """Each paragraph with quote marks straightened and white space folded."""
        return [normalise_for_quote_check(paragraph) for paragraph in self.paragraphs]


@dataclass(frozen=True, kw_only=True)
class Summit(Record):
    kind: ClassVar[str] = "summits"
    title: str = spec(text)
    date: str = spec(date)
    place: str = spec(text)
    venue: str | None = optional(text)
    window: Window | None = optional(window)
    compare: tuple[tuple[str, Citation], ...] = optional(compare_table, ())
    # Not a front-matter field: the folder of these records and their pages, as the briefing names
    # what it compares (site.yaml `compares`).
    folder: str = "summits"


@dataclass(frozen=True, kw_only=True)
class Takeaway(Record):
    kind: ClassVar[str] = "takeaways"
    title: str = spec(text)
    summit: str | None = optional(slug)
    order: int = spec(integer)
    source: str = spec(slug)
    paragraphs: tuple[int, ...] = spec(list_of(paragraph_number))
    tags: tuple[str, ...] = optional(list_of(slug), ())
    people: tuple[str, ...] = optional(list_of(slug), ())
    draft: bool = optional(boolean, False)
    also_in: tuple[Cited, ...] = optional(list_of(also_in_paragraphs), ())

    @property
    def citations(self) -> tuple[Cited, ...]:
        """Every source that reports the takeaway: the first (`source`), then `also_in`."""
        return (Cited(self.source, self.paragraphs), *self.also_in)


@dataclass(frozen=True, kw_only=True)
class Quote(Record):
    kind: ClassVar[str] = "quotes"
    speaker: str = spec(text)
    person: str = spec(slug)
    said_on: str = spec(date_or_unknown)
    summit: str | None = optional(slug)
    source: str = spec(slug)
    paragraph: int = spec(paragraph_number)
    role: str | None = optional(text)
    via: str | None = optional(text)
    partial: bool = optional(boolean, False)
    verbatim: bool = optional(boolean, True)
    tags: tuple[str, ...] = optional(list_of(slug), ())
    draft: bool = optional(boolean, False)
    also_in: tuple[Cited, ...] = optional(list_of(also_in_quote), ())

    @property
    def citations(self) -> tuple[Cited, ...]:
        """Every source that reports the quote, each with the words it gives (the body for the first)."""
        return (Cited(self.source, (self.paragraph,), self.body), *self.also_in)

    def wording_in(self, cited: Cited) -> str:
        """The words as one citing source gives them."""
        return cited.wording if cited.wording is not None else self.body


@dataclass(frozen=True, kw_only=True)
class Event(Record):
    kind: ClassVar[str] = "events"
    title: str = spec(text)
    date: str = spec(date)
    source: str = spec(slug)
    paragraph: int = spec(paragraph_number)
    summit: str | None = optional(slug)
    tags: tuple[str, ...] = optional(list_of(slug), ())
    draft: bool = optional(boolean, False)
    also_in: tuple[Cited, ...] = optional(list_of(also_in_paragraph), ())

    @property
    def citations(self) -> tuple[Cited, ...]:
        return (Cited(self.source, (self.paragraph,)), *self.also_in)


@dataclass(frozen=True, kw_only=True)
class Person(Record):
    kind: ClassVar[str] = "people"
    name: str = spec(text)
    aliases: tuple[str, ...] = spec(list_of(text))
    role: str | None = optional(text)
    person_kind: str = optional(person_kind, "person")


@dataclass(frozen=True, kw_only=True)
class Figure(Record):
    kind: ClassVar[str] = "figures"
    label: str = spec(text)
    value: float | int = spec(number)
    unit: str = spec(text)
    as_of: str = spec(date)
    source: str = spec(slug)
    paragraph: int = spec(paragraph_number)
    tags: tuple[str, ...] = optional(list_of(slug), ())
    draft: bool = optional(boolean, False)
    also_in: tuple[Cited, ...] = optional(list_of(also_in_paragraph), ())

    @property
    def citations(self) -> tuple[Cited, ...]:
        return (Cited(self.source, (self.paragraph,)), *self.also_in)


@dataclass(frozen=True, kw_only=True)
class Tag(Record):
    kind: ClassVar[str] = "tags"
    title: str = spec(text)


RECORD_TYPES: tuple[type[Record], ...] = (Source, Summit, Takeaway, Quote, Event, Person, Figure, Tag)
RECORD_TYPE_BY_KIND: dict[str, type[Record]] = {record_type.kind: record_type for record_type in RECORD_TYPES}

# The fields by which a record refers to others, and the kind each refers to.
REFERENCES = {"summit": "summits", "source": "sources", "person": "people", "people": "people", "tags": "tags"}

# Front-matter keys whose Python attribute has another name.
KEY_TO_ATTRIBUTE = {"kind": "person_kind"}
ATTRIBUTE_TO_KEY = {attribute: key for key, attribute in KEY_TO_ATTRIBUTE.items()}



QUOTE_MARKS = str.maketrans({
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2033": '"', "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
})


def normalise_for_quote_check(text: str) -> str:
    """Straighten quote marks and fold white space, as SPEC's verbatim rule says."""
    return " ".join(text.translate(QUOTE_MARKS).split())


def split_paragraphs(body: str) -> list[str]:
    """A body's paragraphs: blocks separated by blank lines, stripped."""
    blocks = re.split(r"\n[ \t]*\n", body.replace("\r\n", "\n").strip())
    return [block.strip() for block in blocks if block.strip()]
