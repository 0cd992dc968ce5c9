"""The briefing -> pages: one function per page kind, each giving a path and a context.

`page_recipes()` lists every output of the site (pages, the feed, the sitemap...)
without making it; `make_page()` makes one, which the build renders with its
template (or its `draw` function). Templates get records and plain values; links
between pages are made relative by the `href` filter so the site works from
disk and from any sub-path.
"""

from __future__ import annotations

import heapq
import itertools
import operator
from collections.abc import Callable, Container
from dataclasses import dataclass, field
from functools import lru_cache, partial
from itertools import repeat
from typing import Any, NamedTuple

from . import briefing_json, cards, charts, comparison
from .content import Content
from .dates import UNKNOWN, parse_date
from .model import RECORD_LISTS, Briefing, date_sort_key
from .records import Event, Figure, Person, Quote, Record, Source, Summit, Tag, Takeaway

LATEST_QUOTES_ON_HOME = 6
# The home page shows the first takeaways by order and links to the rest: a briefing of thousands
# of records made a home page of a megabyte, slow to load and to read.
TAKEAWAYS_ON_HOME = 12
FEED_ENTRIES = 50


@dataclass(frozen=True)
class Page:
    """One output file: where it goes, which template draws it, and with what.

    An output that no template makes (an image, a JSON file) gives `draw` instead: a function
    of the context alone that returns its bytes or text, e.g.
    `Page("cards/kim.png", "", {"quote": quote}, in_sitemap=False, draw=draw_card)`."""

    path: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    title: str = ""
    in_sitemap: bool = True
    draw: Callable[[dict[str, Any]], bytes | str] | None = None


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
            ([Recipe("sources/index.html", sources_index_page), Recipe(COMPARED, compared_page)],
             source_page, briefing.sources),
            ([Recipe("tags/index.html", tags_index_page)], tag_page, briefing.tags)):
        recipes.extend(index_recipes)
        recipes.extend(map(Recipe, record_paths(records), repeat(record_page), records))
    recipes.append(Recipe("search/index.html", search_page))
    recipes.append(Recipe("404.html", not_found_page, in_sitemap=False))
    recipes.append(Recipe("feed.xml", feed_page, in_sitemap=False))
    recipes.append(Recipe("robots.txt", robots_page, in_sitemap=False))
    recipes.extend(share_recipes(briefing))
    paths = [recipe.path for recipe in recipes if recipe.in_sitemap]
    recipes.append(Recipe(SITEMAP_PATH, partial(sitemap_page, paths), in_sitemap=False))
    return recipes


def make_page(briefing: Briefing, recipe: Recipe) -> Page:
    page = recipe.make(briefing) if recipe.record is None else recipe.make(briefing, recipe.record)
    if page.path != recipe.path:
        raise ValueError(f"{getattr(recipe.make, '__name__', recipe.make)!r} made {page.path}, its recipe says {recipe.path}")
    return page


def share_recipes(briefing: Briefing) -> list[Recipe]:
    """What the site gives to share and reuse, drawn without a template: the cards of the home
    page, each quote and each summit (their PNGs beside those pages; none with `cards: false`),
    and briefing.json with the schemas it names (none with `data: false`)."""
    settings = briefing.settings
    recipes = []
    if settings.cards:
        recipes.append(Recipe(cards.CARD_FILE, card_page, in_sitemap=False))
        for records in (briefing.quotes, briefing.summits):
            recipes.extend(Recipe(cards.card_path(path), card_page, record, in_sitemap=False)
                           for path, record in zip(record_paths(records), records))
    if settings.data:
        recipes.append(Recipe(briefing_json.EXPORT_PATH, data_page, in_sitemap=False))
        recipes.extend(Recipe(path, partial(schema_page, path=path, text=text), in_sitemap=False)
                       for path, text in briefing_json.published_schemas(settings).items())
    return recipes


def card_page(briefing: Briefing, record: Quote | Summit | None = None) -> Page:
    """A share card: its fingerprint is made from what it shows (and the drawing's code and
    versions), so an incremental build draws it again only when that changed."""
    card = (cards.home_card(briefing) if record is None else
            cards.quote_card(briefing, record) if isinstance(record, Quote) else cards.summit_card(briefing, record))
    return Page(card.path, "", {"card": card, "drawing": cards.drawing_identity()}, in_sitemap=False, draw=draw_card)


def draw_card(context: dict[str, Any]) -> bytes:
    return cards.png(context["card"].text)


def data_page(briefing: Briefing) -> Page:
    """briefing.json: every record of every list, so it is made again when any of them changed."""
    lists = {kind: getattr(briefing, kind) for kind in RECORD_LISTS}
    return Page(briefing_json.EXPORT_PATH, "", {"settings": briefing.settings, **lists}, in_sitemap=False,
                draw=draw_data)


def draw_data(context: dict[str, Any]) -> str:
    return briefing_json.briefing_json(Briefing(**context))


def schema_page(briefing: Briefing, path: str, text: str) -> Page:
    return Page(path, "", {"text": text}, in_sitemap=False, draw=draw_text)


def draw_text(context: dict[str, Any]) -> str:
    return context["text"]


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


def cited_sources(briefing: Briefing, *record_lists: list[Record]) -> dict[str, Source]:
    """The sources that report the records shown on a page, by slug: what `partials/reported_by.html`
    names them by. Each is read as one record, so editing another source leaves the page alone."""
    slugs = dict.fromkeys(cited.source for records in record_lists for record in records
                          for cited in record.citations)
    return {slug: briefing.source(slug) for slug in slugs}


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
    takeaways, latest_quotes = briefing.takeaways[:TAKEAWAYS_ON_HOME], briefing.quotes[:LATEST_QUOTES_ON_HOME]
    return Page("index.html", "home.html", {
        "summits": summits,
        "comparison": comparison,
        "outlets": cited_sources(briefing, takeaways, briefing.figures, latest_quotes),
        "takeaways": takeaways,
        "takeaway_count": len(briefing.takeaways),
        "figures": briefing.figures,
        "figures_chart": charts.figures_chart(charts.comparable_figures(briefing.figures)) if briefing.figures else "",
        "latest_quotes": latest_quotes,
        "quote_count": len(briefing.quotes),
        "card": cards.home_card(briefing) if briefing.settings.cards else None,
    }, title=briefing.settings.title)


def timeline_page(briefing: Briefing) -> Page:
    years: dict[int, list[Event]] = {}
    for event in briefing.events:
        years.setdefault(parse_date(event.date).year, []).append(event)
    return Page("timeline/index.html", "timeline.html", {
        "years": sorted(years.items()),
        "outlets": cited_sources(briefing, briefing.events),
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
    """A quote, and every source that reports it with the words each gives (`reports`); the
    wordings side by side when the sources word it differently."""
    person = briefing.person(quote.person)
    reports = [{"source": briefing.source(cited.source), "paragraph": cited.paragraph, "wording": quote.wording_in(cited)}
               for cited in quote.citations]
    return Page(record_path(quote), "quote.html", {
        "quote": quote,
        "person": person,
        "summit": briefing.summit(quote.summit) if quote.summit else None,
        "source": reports[0]["source"],
        "reports": reports,
        "wordings_differ": len({comparison.wording_key(report["wording"]) for report in reports}) > 1,
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
    """A takeaway with the paragraphs that back it, from each source that reports it (`reports`;
    `source` and `cited` are the first one's, for a theme made before)."""
    reports = []
    for cited_by in takeaway.citations:
        source = briefing.source(cited_by.source)
        reports.append({"source": source, "cited": [(number, source.paragraphs[number - 1]) for number in cited_by.paragraphs]})
    return Page(record_path(takeaway), "takeaway.html", {
        "takeaway": takeaway,
        "summit": briefing.summit(takeaway.summit) if takeaway.summit else None,
        "source": reports[0]["source"],
        "cited": reports[0]["cited"],
        "reports": reports,
        "outlets": {report["source"].slug: report["source"] for report in reports},
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
                title=naming.plural_label.capitalize())


def summit_page(briefing: Briefing, summit: Summit) -> Page:
    quotes = briefing.quotes_by_summit.get(summit.slug, [])
    return Page(record_path(summit), "summit.html", {
        "summit": summit,
        "takeaways": briefing.takeaways_by_summit.get(summit.slug, []),
        "quotes": quotes,
        "outlets": cited_sources(briefing, quotes),
        "events": briefing.events_by_summit.get(summit.slug, []),
        "card": cards.summit_card(briefing, summit) if briefing.settings.cards else None,
    }, title=summit.title)


def people_index_page(briefing: Briefing) -> Page:
    return Page("people/index.html", "people.html", {
        "people": [(person, len(briefing.quotes_by_person.get(person.slug, []))) for person in briefing.people],
    }, title="People and organisations")


def person_page(briefing: Briefing, person: Person) -> Page:
    quotes = briefing.quotes_by_person.get(person.slug, [])
    return Page(record_path(person), "person.html", {
        "person": person,
        "quotes": quotes,
        "outlets": cited_sources(briefing, quotes),
        "takeaways": briefing.takeaways_by_person.get(person.slug, []),
    }, title=person.name)


def sources_index_page(briefing: Briefing) -> Page:
    return Page("sources/index.html", "sources.html", {"sources": briefing.sources, "compared_path": COMPARED},
                title="Sources")


COMPARED = "compare/index.html"


def compared_page(briefing: Briefing) -> Page:
    """Sources compared: for each pair of sources that report something in common (or disagree),
    what both report, what only one reports, and where they differ (comparison.py)."""
    pairs, apart = comparison.compare_sources(briefing.sources, briefing.takeaways, briefing.quotes,
                                              briefing.events, briefing.figures)
    return Page(COMPARED, "compared.html", {
        "pairs": pairs, "pairs_apart": apart, "source_count": len(briefing.sources),
        "outlets": {source.slug: source for source in briefing.sources},
    }, title="Sources compared")


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


SITEMAP_PATH = "sitemap.xml"


def sitemap_page(paths: list[str], briefing: Briefing) -> Page:
    """The sitemap: every page listed in it (it reads the set of pages, not the briefing)."""
    return Page(SITEMAP_PATH, "sitemap.xml", {"pages": [SitemapEntry(path) for path in paths]}, in_sitemap=False)


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
