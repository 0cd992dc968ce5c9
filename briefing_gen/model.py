"""Records -> the briefing: everything the pages need, ordered and cross-linked.

Built once from validated content; every ordering is explicit so the same
content always gives the same site.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from .content import Content, SiteSettings
from .dates import UNKNOWN, parse_date
from .records import Event, Figure, Person, Quote, Record, Source, Summit, Tag, Takeaway


@lru_cache(maxsize=65536)
def date_sort_key(iso: str | None) -> tuple[int, int, int]:
    """Chronological key for an ISO date at any precision; unknown sorts first. Kept per date:
    thousands of records share a few hundred dates, and the orders and the feed ask again."""
    if not iso or iso == UNKNOWN:
        return (0, 0, 0)
    return parse_date(iso).sort_key()


@dataclass
class Briefing:
    """The whole briefing, as the renderer sees it."""

    settings: SiteSettings
    sources: list[Source]
    summits: list[Summit]
    takeaways: list[Takeaway]
    quotes: list[Quote]
    events: list[Event]
    people: list[Person]
    figures: list[Figure]
    tags: list[Tag]
    quotes_by_person: dict[str, list[Quote]] = field(default_factory=dict)
    quotes_by_summit: dict[str, list[Quote]] = field(default_factory=dict)
    takeaways_by_summit: dict[str, list[Takeaway]] = field(default_factory=dict)
    events_by_summit: dict[str, list[Event]] = field(default_factory=dict)
    records_by_tag: dict[str, list[Record]] = field(default_factory=dict)
    takeaways_by_person: dict[str, list[Takeaway]] = field(default_factory=dict)
    citations: dict[tuple[str, int], list[Record]] = field(default_factory=dict)
    # every quote grouped by speaker (speakers in the order of `people`), each one's newest first
    quotes_by_speaker: list[Quote] = field(default_factory=list)
    # the digest of each record of the lists by kind and slug, when the loader gave them
    record_digests: dict[str, dict[str, str]] = field(default_factory=dict)

    def source(self, slug: str) -> Source:
        return self._sources_by_slug[slug]

    def summit(self, slug: str) -> Summit:
        return self._summits_by_slug[slug]

    def person(self, slug: str) -> Person:
        return self._people_by_slug[slug]

    def tag(self, slug: str) -> Tag:
        return self._tags_by_slug[slug]

    def record(self, kind: str, slug: str) -> Record | None:
        """The record of a kind (`quotes`, `people`...) with this slug, if the briefing shows it."""
        by_slug = self._by_kind.get(kind)
        if by_slug is None:
            if kind not in RECORD_LISTS:
                raise KeyError(kind)
            by_slug = self._by_kind[kind] = {record.slug: record for record in getattr(self, kind)}
        return by_slug.get(slug)

    def __post_init__(self) -> None:
        self._sources_by_slug = {source.slug: source for source in self.sources}
        self._summits_by_slug = {summit.slug: summit for summit in self.summits}
        self._people_by_slug = {person.slug: person for person in self.people}
        self._tags_by_slug = {tag.slug: tag for tag in self.tags}
        self._by_kind: dict[str, dict[str, Record]] = {}


# The briefing's lists of records, each named for the kind of record it holds.
RECORD_LISTS = ("sources", "summits", "takeaways", "quotes", "events", "people", "figures", "tags")
# Lists made from those, in another order.
DERIVED_LISTS = ("quotes_by_speaker",)


def make_briefing(content: Content, include_drafts: bool = False) -> Briefing:
    """Order the validated records and build the cross-references pages need."""
    def records(kind: str) -> list:
        """A kind's records; without include_drafts, those marked `draft: true` are left out."""
        return [record for record in content.of_kind(kind).values()
                if include_drafts or not getattr(record, "draft", False)]

    briefing = Briefing(
        settings=content.settings,
        sources=sorted(records("sources"), key=lambda s: (date_sort_key(s.published), s.slug)),
        summits=sorted(records("summits"), key=lambda s: (date_sort_key(s.date), s.slug)),
        takeaways=sorted(records("takeaways"), key=lambda t: (t.order, t.slug)),
        quotes=sorted(records("quotes"), key=_quote_order),
        events=sorted(records("events"), key=lambda e: (date_sort_key(e.date), e.slug)),
        people=sorted(records("people"), key=lambda p: (p.name.casefold(), p.slug)),
        figures=sorted(records("figures"), key=lambda f: (f.unit, date_sort_key(f.as_of), f.slug)),
        tags=sorted(records("tags"), key=lambda t: t.slug),
    )
    _link_records(briefing)
    briefing.record_digests = {kind: digests for kind in RECORD_LISTS
                               if len(digests := content.digests.get(kind, {})) == len(getattr(briefing, kind))}
    return briefing


def _quote_order(quote: Quote) -> tuple:
    """Newest first; within a day, in the order of the source text."""
    year, month, day = date_sort_key(quote.said_on)
    return (-year, -month, -day, quote.source, quote.paragraph, quote.slug)


def _link_records(briefing: Briefing) -> None:
    quotes_by_person: dict[str, list[Quote]] = defaultdict(list)
    quotes_by_summit: dict[str, list[Quote]] = defaultdict(list)
    for quote in briefing.quotes:
        quotes_by_person[quote.person].append(quote)
        if quote.summit is not None:
            quotes_by_summit[quote.summit].append(quote)
    takeaways_by_person: dict[str, list[Takeaway]] = defaultdict(list)
    takeaways_by_summit: dict[str, list[Takeaway]] = defaultdict(list)
    for takeaway in briefing.takeaways:
        if takeaway.summit is not None:
            takeaways_by_summit[takeaway.summit].append(takeaway)
        for person in takeaway.people:
            takeaways_by_person[person].append(takeaway)
    events_by_summit: dict[str, list[Event]] = defaultdict(list)
    for event in briefing.events:
        if event.summit is not None:
            events_by_summit[event.summit].append(event)
    records_by_tag: dict[str, list[Record]] = defaultdict(list)
    citations: dict[tuple[str, int], list[Record]] = defaultdict(list)
    # Each record is listed once under each paragraph it cites (a takeaway or summit may cite one
    # twice), where it first cites it.
    for takeaway in briefing.takeaways:
        for tag in takeaway.tags:
            records_by_tag[tag].append(takeaway)
        for number in dict.fromkeys(takeaway.paragraphs):
            citations[(takeaway.source, number)].append(takeaway)
    for records in (briefing.quotes, briefing.events, briefing.figures):
        for record in records:
            for tag in record.tags:
                records_by_tag[tag].append(record)
            citations[(record.source, record.paragraph)].append(record)
    # The further sources that report a record (`also_in`): listed under their paragraphs too.
    for records in (briefing.takeaways, briefing.quotes, briefing.events, briefing.figures):
        for record in records:
            for cited in record.also_in:
                for number in dict.fromkeys(cited.paragraphs):
                    if not any(other is record for other in citations[(cited.source, number)]):
                        citations[(cited.source, number)].append(record)
    for summit in briefing.summits:
        for cited in dict.fromkeys((cell.source, cell.paragraph) for _, cell in summit.compare):
            citations[cited].append(summit)
    briefing.quotes_by_person = dict(quotes_by_person)
    briefing.quotes_by_speaker = [quote for person in briefing.people for quote in quotes_by_person.get(person.slug, ())]
    briefing.quotes_by_summit = dict(quotes_by_summit)
    briefing.takeaways_by_summit = dict(takeaways_by_summit)
    briefing.events_by_summit = dict(events_by_summit)
    briefing.takeaways_by_person = dict(takeaways_by_person)
    briefing.records_by_tag = dict(records_by_tag)
    briefing.citations = dict(citations)
