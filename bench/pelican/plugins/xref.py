"""Cross-references for the benchmark's Pelican theme, built once per build.

Templates read `xref.quotes_by_person[slug]` and the like instead of
scanning every article on every page, as briefing-gen's model does.
"""

import json
from collections import defaultdict
from types import SimpleNamespace

from pelican import signals
from pelican.generators import ArticlesGenerator, PagesGenerator


def _numbers(value):
    return [int(item) for item in str(value).split(",") if item.strip()]


def _names(value):
    return [item.strip() for item in str(value or "").split(",") if item.strip()]


def build(generators):
    articles = [a for g in generators if isinstance(g, ArticlesGenerator) for a in g.articles]
    pages = [p for g in generators if isinstance(g, PagesGenerator) for p in g.pages + g.hidden_pages]
    by_category = defaultdict(list)
    for article in articles:
        by_category[article.category.slug].append(article)
    xref = SimpleNamespace(
        people={a.slug: a for a in by_category["people"]},
        summits={a.slug: a for a in by_category["summits"]},
        sources={a.slug: a for a in by_category["sources"]},
        summit_list=sorted(by_category["summits"], key=lambda a: (a.date, a.slug)),
        takeaways=sorted(by_category["takeaways"], key=lambda a: (int(a.order), a.slug)),
        quotes=sorted(by_category["quotes"], key=lambda a: (a.date, a.slug), reverse=True),
        figures=sorted((p for p in pages if getattr(p, "unit", None)), key=lambda p: (p.unit, p.date, p.slug)),
        tag_notes={p.slug: p for p in pages if p.relative_source_path.startswith("tagnotes")},
        settings=next((p for p in pages if p.slug == "home-settings"), None),
        quotes_by_person=defaultdict(list), quotes_by_summit=defaultdict(list),
        takeaways_by_person=defaultdict(list), takeaways_by_summit=defaultdict(list),
        events_by_summit=defaultdict(list), citations=defaultdict(list),
    )
    for summit in xref.summit_list:
        summit.compare_cells = json.loads(summit.compare)
    for quote in xref.quotes:
        xref.quotes_by_person[quote.person].append(quote)
        xref.quotes_by_summit[quote.summit].append(quote)
        xref.citations[(quote.source, int(quote.paragraph))].append(quote)
    for takeaway in xref.takeaways:
        takeaway.people_slugs = _names(getattr(takeaway, "people", ""))
        takeaway.paragraph_numbers = _numbers(takeaway.paragraphs)
        for person in takeaway.people_slugs:
            xref.takeaways_by_person[person].append(takeaway)
        xref.takeaways_by_summit[takeaway.summit].append(takeaway)
        for number in takeaway.paragraph_numbers:
            xref.citations[(takeaway.source, number)].append(takeaway)
    for event in sorted(by_category["timeline"], key=lambda a: (a.date, a.slug)):
        if getattr(event, "summit", None):
            xref.events_by_summit[event.summit].append(event)
        xref.citations[(event.source, int(event.paragraph))].append(event)
    for figure in xref.figures:
        xref.citations[(figure.source, int(figure.paragraph))].append(figure)
    for source in xref.sources.values():
        source.removed_notes = json.loads(getattr(source, "removed", "[]"))
        source.review_notes = json.loads(getattr(source, "review", "[]"))
    generators[0].context["xref"] = xref


def register():
    signals.all_generators_finalized.connect(build)
