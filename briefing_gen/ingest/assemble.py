"""One article's findings -> record drafts (sources, people, quotes, takeaways, events,
figures), each assigned to the summit whose window holds its date.

Records that need an editor's eye (no summit fits, no speaker found, a date that
cannot be resolved) are still drafted, and the reason goes into the source's
`review` list so nothing is silently guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..dates import PartialDate
from .clean import Cleaned, note
from .dates import find_dates
from .events import find_events
from .existing import KnownPerson, PeopleIndex, SummitWindow, summit_for
from .figures import find_figures
from .people import PeopleRegistry, is_person_name
from .quotes import find_spans, mask
from .readers import Article
from .records import Draft, read_record, slugify
from .said_on import reported_speech_day
from .speakers import FoundQuote, find_quotes
from .urls import first_source_url, source_url  # noqa: F401  (source_url: the rule itself, for callers and tests)
from .takeaways import find_takeaways


@dataclass
class Assembled:
    """Everything one article gives: drafts in write order, and notes for the report."""

    source: Draft
    drafts: list[Draft] = field(default_factory=list)


class _Slugs:
    """Unique slugs per kind, deterministic in the order asked. A slug whose file already
    holds another record (another source's quote, another article) is not reused."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = root
        self.used: dict[str, set[str]] = {}

    def claim(self, kind: str, base: str, owner: tuple[str, str] | None = None) -> str:
        """owner: (front-matter key, value) the existing file must have to be this record's."""
        used = self.used.setdefault(kind, set())
        slug, number = base, 2
        while slug in used or self._belongs_elsewhere(kind, slug, owner):
            slug, number = f"{base}-{number}", number + 1
        used.add(slug)
        return slug

    def _belongs_elsewhere(self, kind: str, slug: str, owner: tuple[str, str] | None) -> bool:
        if self.root is None or owner is None:
            return False
        path = self.root / kind / f"{slug}.md"
        if not path.exists():
            return False
        record = read_record(path)
        return record is None or str(record[0].get(owner[0])) != owner[1]


def event_date(paragraphs: list[str], published: dt.date | None) -> PartialDate | None:
    """The day the article reports on: the first day-precise date outside quotes, looked
    for in the lede first, then anywhere."""
    for window in (paragraphs[:3], paragraphs):
        for paragraph in window:
            for mention in find_dates(mask(paragraph, find_spans(paragraph)), published):
                if mention.date is not None and mention.date.precision == "day":
                    return mention.date
    return None


def assemble(article: Article, cleaned: Cleaned, published: dt.date | None, outlet: str | None,
             summits: list[SummitWindow], people: PeopleIndex, slugs: _Slugs) -> Assembled:
    """Draft every record one cleaned article gives."""
    paragraphs = cleaned.paragraphs
    review = list(cleaned.review)
    title = article.title or _title_from_lede(paragraphs) or Path(article.path).stem
    source_slug = slugs.claim("sources", slugify(title), ("title", title))
    registry = PeopleRegistry()
    for name in cleaned.byline_spellings + article.byline:
        if is_person_name(name):  # not "No Author" or "Letters To The Editor"
            registry.resolve_name(name, role="reporter")
    when = event_date(paragraphs, published) or (PartialDate(published.year, published.month, published.day) if published else None)
    quotes, quote_review = find_quotes(paragraphs, published, registry, reported_speech_day(paragraphs, published))
    review.extend(quote_review)
    registry.finish()
    for word, owners in registry.ambiguous:  # "Mensah" beside Kwame and Kofi Mensah: left unknown, said so
        heard = [q.paragraph for q in quotes if q.person is not None and q.person.described and q.person.spellings == [word]]
        if heard:
            review.append(note("attribution", f"“{word}” could be {' or '.join(owners)}: its quotes are left unknown", heard[0]))
    person_drafts, slug_of = _people_drafts(registry, quotes, people, title)
    drafts: list[Draft] = []
    if any(quote.person is None or quote.person.described for quote in quotes):
        person_drafts += _unknown_person(people)
    drafts += _quote_drafts(quotes, source_slug, slug_of, summits, slugs, review, when)
    drafts += _takeaway_drafts(paragraphs, source_slug, quotes, slug_of, when, published, summits, slugs, review)
    drafts += _event_drafts(paragraphs, source_slug, published, summits, slugs, review)
    drafts += _figure_drafts(paragraphs, source_slug, published, when, slugs)
    review.extend(_unresolved_dates(paragraphs, published))
    url, rejected = first_source_url(article.url_candidates or [article.url])
    review.extend(note("url", f"not an http(s) address, dropped: {bad[:120]}", 0) for bad in rejected)
    front = {"title": title, "outlet": outlet or cleaned.outlet or article.outlet or "unknown",
             "published": _published_iso(published, article), "byline": _bylines(cleaned, article),
             "url": url, "language": article.language or "en",
             "removed": cleaned.removed, "review": sorted(review, key=lambda n: n["paragraph"])}
    source = Draft("sources", source_slug, front, "\n\n".join(paragraphs))
    return Assembled(source, [source] + person_drafts + drafts)


def _title_from_lede(paragraphs: list[str]) -> str | None:
    for paragraph in paragraphs[:1]:
        sentence = re.split(r"(?<=[.!?])\s+", paragraph)[0].rstrip(".")
        return sentence if len(sentence) <= 100 else sentence[:100].rsplit(" ", 1)[0] + "…"
    return None


def _published_iso(published: dt.date | None, article: Article) -> str:
    if published is not None:
        return published.isoformat()
    return "unknown"


def _bylines(cleaned: Cleaned, article: Article) -> list[str]:
    names = []
    for name in article.byline + cleaned.byline:
        if name not in names:
            names.append(name)
    return names


UNKNOWN = "unknown"  # the people record a quote of unknown or unnamed speaker points to, so it validates


def _unknown_person(people: PeopleIndex) -> list[Draft]:
    """The placeholder people/unknown.md, unless the folder has it already (the editor's own stays)."""
    if UNKNOWN in people.known:
        return []
    front = {"name": "Unknown speaker", "aliases": [], "kind": "person"}
    body = "Quotes whose speaker the article does not name, or names only by a description, point here."
    people.known[UNKNOWN] = KnownPerson(UNKNOWN, front, body)
    return [Draft("people", UNKNOWN, front, body)]


def _people_drafts(registry: PeopleRegistry, quotes: list[FoundQuote], people: PeopleIndex, title: str):
    """People records for everyone named in full and every speaker; slugs by person."""
    speakers = {id(q.person.final()) for q in quotes if q.person is not None}
    speakers |= {id(partner) for q in quotes if q.person is not None for partner in q.person.final().partners}
    drafts, slug_of = [], {}
    for person in registry.people:
        full_name = person.kind == "person" and (any(" " in s for s in person.spellings) or bool(person.styled)
                                                 or person.first_named)
        if not full_name and id(person) not in speakers:
            continue
        draft, changed = people.place(person, title)
        slug_of[id(person)] = draft.slug
        if changed:
            drafts.append(draft)
    return drafts, slug_of


def _quote_drafts(quotes, source_slug, slug_of, summits, slugs, review, when) -> list[Draft]:
    """Quote records; a quote of unknown date belongs to the summit the article reports on."""
    drafts = []
    for quote in quotes:
        person = quote.person.final() if quote.person and not quote.person.described else None
        person_slug = slug_of.get(id(person)) if person else None
        said_on = quote.said_on.iso() if quote.said_on else "unknown"
        summit = summit_for(quote.said_on or when, summits)
        if summit is None and summits:
            review.append(note("summit", f"quote “{_short(quote.text)}” ({said_on}): no summit window holds its date", quote.paragraph))
        front = {"speaker": quote.speaker or "unknown", "person": person_slug or UNKNOWN, "said_on": said_on, "summit": summit,
                 "source": source_slug, "paragraph": quote.paragraph, "role": quote.role, "via": quote.via,
                 "partial": True if quote.partial else None}
        slug = slugs.claim("quotes", f"{slugify(person_slug or UNKNOWN, 3)}-{slugify(quote.text, 4)}", ("source", source_slug))
        drafts.append(Draft("quotes", slug, front, quote.text))
    return drafts


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


def _section_date(paragraphs, numbers, published, fallback, summits) -> PartialDate | None:
    """The date a takeaway is about: the summit most of its own dated sentences fall in,
    else the article's event date."""
    votes: dict[str, int] = {}
    dated: dict[str, PartialDate] = {}
    for number in numbers:
        paragraph = paragraphs[number - 1]
        for mention in find_dates(mask(paragraph, find_spans(paragraph)), published):
            if mention.date is not None and mention.date.precision != "year":
                summit = summit_for(mention.date, summits)
                if summit:
                    votes[summit] = votes.get(summit, 0) + 1
                    dated.setdefault(summit, mention.date)
    if votes:
        return dated[max(sorted(votes), key=lambda s: votes[s])]
    return fallback


def _takeaway_drafts(paragraphs, source_slug, quotes, slug_of, when, published, summits, slugs, review) -> list[Draft]:
    drafts = []
    for takeaway in find_takeaways(paragraphs):
        date = _section_date(paragraphs, takeaway.paragraphs, published, when, summits)
        summit = summit_for(date, summits)
        if summit is None and summits:
            review.append(note("summit", f"takeaway “{takeaway.title}”: no summit window holds its date", takeaway.paragraphs[0]))
        people = []
        for quote in quotes:
            slug = slug_of.get(id(quote.person.final())) if quote.person else None
            if quote.paragraph in takeaway.paragraphs and slug and slug not in people:
                people.append(slug)
        front = {"title": takeaway.title, "summit": summit, "order": takeaway.order, "source": source_slug,
                 "paragraphs": list(takeaway.paragraphs), "people": people or None,
                 "draft": True if takeaway.draft else None}
        slug = slugs.claim("takeaways", slugify(takeaway.title), ("source", source_slug))
        drafts.append(Draft("takeaways", slug, front, takeaway.summary))
    return drafts


def _event_drafts(paragraphs, source_slug, published, summits, slugs, review) -> list[Draft]:
    drafts = []
    for event in find_events(paragraphs, published):
        if summits and summit_for(event.date, summits) is None:
            review.append(note("summit", f"event “{_short(event.title)}” ({event.date.iso()}): no summit window holds its date", event.paragraph))
        front = {"title": event.title, "date": event.date.iso(), "source": source_slug,
                 "paragraph": event.paragraph, "summit": summit_for(event.date, summits)}
        slug = slugs.claim("events", slugify(event.title), ("source", source_slug))
        drafts.append(Draft("events", slug, front, event.sentence))
    return drafts


def _figure_drafts(paragraphs, source_slug, published, when, slugs) -> list[Draft]:
    drafts = []
    for number, paragraph in enumerate(paragraphs, 1):
        for figure in find_figures(paragraph, number, published, when):
            if figure.as_of is None:
                continue
            front = {"label": figure.label, "value": figure.value, "unit": figure.unit,
                     "as_of": figure.as_of.iso(), "source": source_slug, "paragraph": number}
            slug = slugs.claim("figures", slugify(f"{figure.label} {figure.as_of.year}", 8), ("source", source_slug))
            drafts.append(Draft("figures", slug, front, figure.sentence))
    return drafts


def _unresolved_dates(paragraphs: list[str], published: dt.date | None) -> list[dict]:
    found = []
    for number, paragraph in enumerate(paragraphs, 1):
        for mention in find_dates(paragraph, published):
            if mention.date is None:
                found.append(note("date", f"“{mention.phrase}” cannot be resolved without --published", number))
    return found
