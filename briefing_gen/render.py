"""The briefing -> pages: one function per page kind, each giving a path and a context.

`site_pages()` lists every page of the site; `render_page()` turns one into
bytes with the templates. Templates get records and plain values; links
between pages are made relative by the `href` filter so the site works from
disk and from any sub-path.
"""

from __future__ import annotations

import heapq
import itertools
import operator
from collections.abc import Callable, Container, Iterator
from dataclasses import dataclass, field
from functools import lru_cache, partial
from itertools import repeat
from typing import Any, NamedTuple

from . import cards, charts
from .content import Content
from .dates import UNKNOWN, parse_date
from .model import Briefing, date_sort_key
from .records import Event, Figure, Person, Quote, Record, Source, Summit, Tag, Takeaway

LATEST_QUOTES_ON_HOME = 6
# The home page shows the first takeaways by order and links to the rest: a briefing of thousands
# of records made a home page of a megabyte, slow to load and to read.
TAKEAWAYS_ON_HOME = 12
FEED_ENTRIES = 50


@dataclass(frozen=True)
class Page:
    """One output file: where it goes, which template draws it, and with what."""

    path: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    title: str = ""
    in_sitemap: bool = True


def record_path(record: Record) -> str:
    """The output path of a record's own page; events live on the timeline."""
    if isinstance(record, Event):
        return f"timeline/index.html#{record.slug}"
    if isinstance(record, Figure):
        return f"index.html#figure-{record.slug}"
    if isinstance(record, Summit):
        return f"{record.folder}/{record.slug}/index.html"
    return f"{record.kind}/{record.slug}/index.html"


def record_paths(records: list[Record]) -> list[str]:
    """`record_path` of each record of one of the briefing's lists (all of one kind), in one pass:
    9,000 paths at 10,000 records, made for every build's list of pages."""
    if not records or isinstance(records[0], (Event, Figure)):
        return list(map(record_path, records))
    folder = records[0].folder if isinstance(records[0], Summit) else records[0].kind
    return [f"{folder}/{slug}/index.html" for slug in map(_SLUG, records)]


_SLUG = operator.attrgetter("slug")
_PERSON = operator.attrgetter("person")


def paragraph_path(source_slug: str, number: int) -> str:
    return f"sources/{source_slug}/index.html#p{number}"


def relative_link(from_path: str, to_path: str, pretty_urls: bool = False) -> str:
    """A link from one output file to another (with its #fragment), relative to the first.

    Every path is relative to the site root, so the link climbs to the root
    ("../" per folder of the page) and goes down to the target: no filesystem
    call, and the same link works from disk and from any sub-path.
    """
    target, _, fragment = to_path.partition("#")
    if not target or (target == from_path and fragment):
        return f"#{fragment}" if fragment else "#"
    if pretty_urls and (target == "index.html" or target.endswith("/index.html")):
        target = target[: -len("index.html")]
    link = "../" * from_path.count("/") + target or "./"
    return f"{link}#{fragment}" if fragment else link


def quoted_words(text: str) -> str:
    """Quoted words as shown on their own: the comma that led back into the
    article's sentence ("...technology," Putin said) is dropped. The record
    keeps it, so the verbatim check still compares the exact words."""
    return text.rstrip().rstrip(",").rstrip()


@lru_cache(maxsize=4096)
def display_date(iso: str | None) -> str:
    """'13 September 2023', 'April 2019': a briefing shows few distinct dates, many times."""
    if not iso or iso == UNKNOWN:
        return "date unknown"
    return parse_date(iso).display()


# -- the pages ------------------------------------------------------------------

TAKEAWAYS_INDEX = "takeaways/index.html"
QUOTES_INDEX = "quotes/index.html"


@dataclass(frozen=True)
class Pager:
    """Where one page of a list split over pages stands: its number (from 1) and the path of
    every page, the first at the list's own path, the others at `page/N/` below it (as Hugo's)."""

    number: int
    paths: tuple[str, ...]

    @staticmethod
    def paths_of(first: str, items: int, size: int) -> tuple[str, ...]:
        folder = first[: -len("index.html")]
        return (first, *(f"{folder}page/{number}/index.html" for number in range(2, -(-items // size) + 1)))

    @property
    def previous(self) -> str | None:
        return self.paths[self.number - 2] if self.number > 1 else None

    @property
    def next(self) -> str | None:
        return self.paths[self.number] if self.number < len(self.paths) else None

    def title(self, title: str) -> str:
        """A page's title: the list's on its first page, with the page's number on the others."""
        return title if self.number == 1 else f"{title}, page {self.number} of {len(self.paths)}"

    def window(self, around: int = 2) -> list[tuple[int, str] | None]:
        """The pages a pager links to by number: the first, the last and those within `around`
        of this one, with None where numbers are left out."""
        shown: list[tuple[int, str] | None] = []
        for number, path in enumerate(self.paths, 1):
            if number in (1, len(self.paths)) or abs(number - self.number) <= around:
                shown.append((number, path))
            elif shown[-1] is not None:
                shown.append(None)
        return shown


class Recipe(NamedTuple):
    """How to make one page: its path, the function that makes it, and the record it shows.

    The path is known without making the page, so the set of pages (and the sitemap)
    comes cheap; an incremental build makes only the pages whose inputs changed.
    """

    path: str
    make: Callable[..., Page]
    record: Record | None = None
    in_sitemap: bool = True


# The lists split over pages of `page_size`, with the template that shows each. A template that
# does not use `pager` (a theme's own, made before lists had pages) gets its list whole on one page,
# as before, rather than a first page with no way to the others (build.py warns of it).
PAGED_LISTS = {"takeaways": "takeaways.html", "quotes": "quotes.html"}


def page_recipes(briefing: Briefing, paged: Container[str] = tuple(PAGED_LISTS)) -> list[Recipe]:
    """Every page of the site, in a fixed order, not yet made; the lists named in `paged` are split
    over pages."""
    def list_pages(first: str, make: Callable[..., Page], items: int, name: str) -> list[Recipe]:
        size = briefing.settings.page_size if name in paged else None
        return [Recipe(path, partial(make, number=number, size=size))
                for number, path in enumerate(Pager.paths_of(first, items, size or max(items, 1)), 1)]

    recipes = [Recipe("index.html", home_page), Recipe("timeline/index.html", timeline_page),
               *list_pages(QUOTES_INDEX, quotes_index_page, len(briefing.quotes_by_speaker), "quotes")]
    for index_recipes, record_page, records in (
            ((), quote_page, briefing.quotes),
            (list_pages(TAKEAWAYS_INDEX, takeaways_index_page, len(briefing.takeaways), "takeaways"),
             takeaway_page, briefing.takeaways),
            (summits_index_recipes(briefing), summit_page, briefing.summits),
            ([Recipe("people/index.html", people_index_page)], person_page, briefing.people),
            ([Recipe("sources/index.html", sources_index_page)], source_page, briefing.sources),
            ([Recipe("tags/index.html", tags_index_page)], tag_page, briefing.tags)):
        recipes.extend(index_recipes)
        recipes.extend(map(Recipe, record_paths(records), repeat(record_page), records))
    recipes.append(Recipe("search/index.html", search_page))
    recipes.append(Recipe("404.html", not_found_page, in_sitemap=False))
    return recipes


def make_page(briefing: Briefing, recipe: Recipe) -> Page:
    page = recipe.make(briefing) if recipe.record is None else recipe.make(briefing, recipe.record)
    if page.path != recipe.path:
        raise ValueError(f"{getattr(recipe.make, '__name__', recipe.make)!r} made {page.path}, its recipe says {recipe.path}")
    return page


class CardRecipe(NamedTuple):
    """How to make one share card: its path, and the function of `cards` that says what it shows
    (called with the briefing, and the record for a record's card)."""

    path: str
    make: Callable[..., "cards.Card"]
    record: Record | None = None


def card_recipes(briefing: Briefing) -> list[CardRecipe]:
    """The cards of the home page, each quote and each summit (none with `cards: false`): their
    PNGs sit beside the pages whose og:image they are."""
    if not briefing.settings.cards:
        return []
    return [CardRecipe(cards.CARD_FILE, cards.home_card),
            *(CardRecipe(cards.card_path(path), cards.quote_card, quote)
              for path, quote in zip(record_paths(briefing.quotes), briefing.quotes)),
            *(CardRecipe(cards.card_path(path), cards.summit_card, summit)
              for path, summit in zip(record_paths(briefing.summits), briefing.summits))]


def make_card(briefing: Briefing, recipe: CardRecipe) -> "cards.Card":
    return recipe.make(briefing) if recipe.record is None else recipe.make(briefing, recipe.record)


def site_pages(briefing: Briefing) -> Iterator[Page]:
    """Every page of the site, made, in a fixed order."""
    return (make_page(briefing, recipe) for recipe in page_recipes(briefing))


def markdown_texts(content: Content) -> list[str]:
    """The Markdown the stock templates show, so it can be converted ahead on every core.

    Taken from the loaded records, before the briefing is made, so conversion can
    start while the content is checked. Only a head start: a text left out here is
    converted when a template asks, one converted and not shown costs only time.
    """
    texts = [content.settings.summary] if content.settings.summary else []
    for kind in ("takeaways", "summits", "people", "tags", "events"):
        texts.extend(record.body for record in content.of_kind(kind).values() if record.body)
    for source in content.of_kind("sources").values():
        texts.extend(source.paragraphs)
    return texts


def home_page(briefing: Briefing) -> Page:
    summits = briefing.summits
    dimensions: list[str] = []
    for summit in summits:
        for dimension, _ in summit.compare:
            if dimension not in dimensions:
                dimensions.append(dimension)
    comparison = [
        (dimension, [dict(summit.compare).get(dimension) for summit in summits])
        for dimension in dimensions
    ]
    return Page("index.html", "home.html", {
        "summits": summits,
        "comparison": comparison,
        "takeaways": briefing.takeaways[:TAKEAWAYS_ON_HOME],
        "takeaway_count": len(briefing.takeaways),
        "figures": briefing.figures,
        "figures_chart": charts.figures_chart(charts.comparable_figures(briefing.figures)) if briefing.figures else "",
        "latest_quotes": briefing.quotes[:LATEST_QUOTES_ON_HOME],
        "quote_count": len(briefing.quotes),
        "card": cards.home_card(briefing) if briefing.settings.cards else None,
    }, title=briefing.settings.title)


def timeline_page(briefing: Briefing) -> Page:
    years: dict[int, list[Event]] = {}
    for event in briefing.events:
        years.setdefault(parse_date(event.date).year, []).append(event)
    return Page("timeline/index.html", "timeline.html", {
        "years": sorted(years.items()),
        "timeline_chart": charts.timeline_chart(briefing.events),
    }, title="Timeline")


def quotes_index_page(briefing: Briefing, number: int = 1, size: int | None = None) -> Page:
    """Page `number` of every quote by speaker (speakers by name, each one's newest first), `size`
    quotes to a page (all on one without it), and how many quotes each summit has (its page lists
    them). Counts, not lists: a page that showed every summit's quotes was made again after any
    quote's edit. On one page, for a theme made before, each summit's quotes too (`by_summit`)."""
    ordered = briefing.quotes_by_speaker
    pager, start, shown = _page_of(QUOTES_INDEX, ordered, number, size)
    by_speaker = [(briefing.person(slug), list(quotes)) for slug, quotes in itertools.groupby(shown, key=_PERSON)]
    quotes_by_person = briefing.quotes_by_person
    also = {} if size else {
        "by_summit": [(summit, briefing.quotes_by_summit.get(summit.slug, [])) for summit in briefing.summits]}
    return Page(pager.paths[number - 1], "quotes.html", {
        **also,
        "by_speaker": by_speaker,
        "quotes_per_summit": [(summit, len(briefing.quotes_by_summit.get(summit.slug, ()))) for summit in briefing.summits],
        "quote_count": len(ordered),
        # each speaker's quotes in all, and the one whose list began on the page before
        "speaker_totals": {person.slug: len(quotes_by_person[person.slug]) for person, _ in by_speaker},
        "continued": ordered[start - 1].person if start and shown and ordered[start - 1].person == shown[0].person else None,
        "first_number": start + 1,
        "last_number": start + len(shown),
        "pager": pager,
    }, title=pager.title("Quotes"))


def quote_page(briefing: Briefing, quote: Quote) -> Page:
    person = briefing.person(quote.person)
    return Page(record_path(quote), "quote.html", {
        "quote": quote,
        "person": person,
        "summit": briefing.summit(quote.summit) if quote.summit else None,
        "source": briefing.source(quote.source),
        "description": _shorten(" ".join(quoted_words(quote.body).split()), 200),
        "og_type": "article",
        "card": cards.quote_card(briefing, quote) if briefing.settings.cards else None,
    }, title=f"{person.name}: \u201c{_shorten(' '.join(quoted_words(quote.body).split()), 60)}\u201d")


def takeaways_index_page(briefing: Briefing, number: int = 1, size: int | None = None) -> Page:
    """Page `number` of the takeaways by order, `size` to a page (all on one without it)."""
    pager, start, shown = _page_of(TAKEAWAYS_INDEX, briefing.takeaways, number, size)
    return Page(pager.paths[number - 1], "takeaways.html", {
        "takeaways": shown,
        "takeaway_count": len(briefing.takeaways),
        "first_number": start + 1,
        "pager": pager,
    }, title=pager.title("Key takeaways"))


def _page_of(first: str, items: list, number: int, size: int | None) -> tuple["Pager", int, list]:
    """Page `number` of a list, `size` items to a page (all on one without a size): its pager, the
    place of its first item in the list, and its items."""
    size = size or max(len(items), 1)
    start = (number - 1) * size
    return Pager(number, Pager.paths_of(first, len(items), size)), start, items[start:start + size]


def takeaway_page(briefing: Briefing, takeaway: Takeaway) -> Page:
    source = briefing.source(takeaway.source)
    cited = [(number, source.paragraphs[number - 1]) for number in takeaway.paragraphs]
    return Page(record_path(takeaway), "takeaway.html", {
        "takeaway": takeaway,
        "summit": briefing.summit(takeaway.summit) if takeaway.summit else None,
        "source": source,
        "cited": cited,
        "people": [briefing.person(slug) for slug in takeaway.people],
        "tags": [briefing.tag(slug) for slug in takeaway.tags],
    }, title=takeaway.title)


def summits_index_recipes(briefing: Briefing) -> list[Recipe]:
    """The list of what the briefing compares, under the name it gives them; none for a
    briefing that compares nothing."""
    naming = briefing.settings.compares
    return [Recipe(f"{naming.plural}/index.html", summits_index_page)] if naming else []


def summits_index_page(briefing: Briefing) -> Page:
    naming = briefing.settings.compares
    return Page(f"{naming.plural}/index.html", "summits.html", {"summits": briefing.summits},
                title=naming.plural.replace("-", " ").capitalize())


def summit_page(briefing: Briefing, summit: Summit) -> Page:
    return Page(record_path(summit), "summit.html", {
        "summit": summit,
        "takeaways": briefing.takeaways_by_summit.get(summit.slug, []),
        "quotes": briefing.quotes_by_summit.get(summit.slug, []),
        "events": briefing.events_by_summit.get(summit.slug, []),
        "card": cards.summit_card(briefing, summit) if briefing.settings.cards else None,
    }, title=summit.title)


def people_index_page(briefing: Briefing) -> Page:
    return Page("people/index.html", "people.html", {
        "people": [(person, len(briefing.quotes_by_person.get(person.slug, []))) for person in briefing.people],
    }, title="People and organisations")


def person_page(briefing: Briefing, person: Person) -> Page:
    return Page(record_path(person), "person.html", {
        "person": person,
        "quotes": briefing.quotes_by_person.get(person.slug, []),
        "takeaways": briefing.takeaways_by_person.get(person.slug, []),
    }, title=person.name)


def sources_index_page(briefing: Briefing) -> Page:
    return Page("sources/index.html", "sources.html", {"sources": briefing.sources}, title="Sources")


def source_page(briefing: Briefing, source: Source) -> Page:
    paragraphs = [
        {"number": number, "text": text,
         "cited_by": briefing.citations.get((source.slug, number), [])}
        for number, text in enumerate(source.paragraphs, 1)
    ]
    return Page(record_path(source), "source.html", {
        "source": source, "paragraphs": paragraphs,
    }, title=source.title)


def tags_index_page(briefing: Briefing) -> Page:
    return Page("tags/index.html", "tags.html", {
        "tags": [(tag, len(briefing.records_by_tag.get(tag.slug, []))) for tag in briefing.tags],
    }, title="Tags")


def tag_page(briefing: Briefing, tag: Tag) -> Page:
    return Page(record_path(tag), "tag.html", {
        "tag": tag, "records": briefing.records_by_tag.get(tag.slug, []),
    }, title=tag.title)


def search_page(briefing: Briefing) -> Page:
    """The search form; its index is `search-index.js`, written beside the pages (see search.py)."""
    return Page("search/index.html", "search.html", {}, title="Search")


def not_found_page(briefing: Briefing) -> Page:
    """A server shows 404.html for a missing address at any depth, where relative links
    would point nowhere: its links are absolute, from base_url (as Hugo's and Zola's are)."""
    return Page("404.html", "404.html", {"absolute_links": True}, title="Page not found", in_sitemap=False)


# -- feeds and maps -------------------------------------------------------------

def feed_page(briefing: Briefing) -> Page:
    return Page("feed.xml", "feed.xml", {"entries": feed_entries(briefing)}, in_sitemap=False)


@dataclass(frozen=True, slots=True)
class SitemapEntry:
    """A page as the sitemap lists it: by its address alone."""

    path: str


def sitemap_page(paths: list[str]) -> Page:
    return Page("sitemap.xml", "sitemap.xml", {"pages": [SitemapEntry(path) for path in paths]}, in_sitemap=False)


def robots_page(briefing: Briefing) -> Page:
    return Page("robots.txt", "robots.txt", {}, in_sitemap=False)


def feed_entries(briefing: Briefing) -> list[dict[str, Any]]:
    """Quotes and takeaways, newest first, each dated from the content itself.

    The newest are picked by date first and only they are made into entries: making one
    for each of 8,000 records to keep 50 was most of the feed's cost on a large site.
    """
    dated = [(date_sort_key(when), when, quote)
             for quote in briefing.quotes
             for when in [quote.said_on if quote.said_on != UNKNOWN else briefing.source(quote.source).published]]
    dated += [(date_sort_key(when), when, takeaway)
              for takeaway in briefing.takeaways
              for when in [briefing.source(takeaway.source).published]]
    # Newest by date, ties by address: the address is made only for the records dated on or
    # after the newest FEED_ENTRIES' last date, which are all that can make the cut.
    newest = heapq.nlargest(FEED_ENTRIES, (item[0] for item in dated))
    candidates = [(key, record_path(record), when, record) for key, when, record in dated if newest and key >= newest[-1]]
    entries = []
    for _, path, when, record in heapq.nlargest(FEED_ENTRIES, candidates, key=lambda item: item[:2]):
        if isinstance(record, Quote):
            person = briefing.person(record.person)
            title = f"{person.name}: \u201c{_shorten(' '.join(quoted_words(record.body).split()), 80)}\u201d"
        else:
            title = record.title
        entries.append({"record": record, "title": title, "updated": when, "summary": record.body, "path": path})
    return entries


def atom_timestamp(iso: str) -> str:
    """An Atom date-time for a date at any precision: its first day, midnight UTC."""
    return parse_date(iso).first_day().isoformat() + "T00:00:00Z"


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"
