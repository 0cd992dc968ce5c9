"""Sources side by side: for each pair of sources, what both report, what only one reports, and
where they disagree (a figure given with another value, a quote in other words).

Pure functions over the briefing's lists, for the "Sources compared" page; ingest uses the same
keys to tell that two articles report the same figure.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from .records import Event, Figure, Quote, Record, Source, Takeaway, normalise_for_quote_check


def figure_key(label: str, unit: str, as_of: str) -> tuple[str, str, str]:
    """What makes two figures about the same quantity: the label and unit compared without case
    or punctuation, and the same date."""
    return (_plain(label), _plain(unit), str(as_of))


def wording_key(words: str) -> str:
    """Two wordings of a quote are the same when they differ only in quote marks, white space,
    case or the comma or full stop that ends them."""
    return normalise_for_quote_check(words).casefold().rstrip(",.;: ")


def _plain(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.casefold()))


@dataclass(frozen=True)
class FigureConflict:
    """Two figures for the same quantity and date with different values, one from each source."""

    first: Figure
    second: Figure


@dataclass(frozen=True)
class WordingDifference:
    """A quote both sources report, in other words in each."""

    quote: Quote
    first: str
    second: str


@dataclass
class SourcePair:
    """Two sources side by side (`first` the earlier in the briefing's order of sources)."""

    first: Source
    second: Source
    both: list[Record] = field(default_factory=list)
    only_first: list[Record] = field(default_factory=list)
    only_second: list[Record] = field(default_factory=list)
    figures_differ: list[FigureConflict] = field(default_factory=list)
    wordings_differ: list[WordingDifference] = field(default_factory=list)


def compare_sources(sources: list[Source], takeaways: list[Takeaway], quotes: list[Quote], events: list[Event],
                    figures: list[Figure]) -> tuple[list[SourcePair], int]:
    """The pairs of sources that report at least one record in common or disagree, in the order
    of `sources`, and how many other pairs there are (they share nothing: listing what only one of
    them reports, for every pair of a hundred sources, would be most of the site)."""
    place = {source.slug: index for index, source in enumerate(sources)}
    pairs: dict[tuple[str, str], SourcePair] = {}

    def pair_of(one: str, other: str) -> SourcePair | None:
        if one not in place or other not in place or one == other:
            return None
        first, second = sorted((one, other), key=place.__getitem__)
        if (first, second) not in pairs:
            pairs[(first, second)] = SourcePair(sources[place[first]], sources[place[second]])
        return pairs[(first, second)]

    records: list[Record] = [*takeaways, *quotes, *events, *figures]
    for record in (record for record in records if record.also_in):
        slugs = list(dict.fromkeys(cited.source for cited in record.citations))
        for one, other in itertools.combinations(slugs, 2):
            pair = pair_of(one, other)
            if pair is not None:
                pair.both.append(record)
    for quote in (quote for quote in quotes if quote.also_in):
        for one, other in itertools.combinations(quote.citations, 2):
            pair = pair_of(one.source, other.source)
            if pair is not None and wording_key(quote.wording_in(one)) != wording_key(quote.wording_in(other)):
                in_order = (one, other) if pair.first.slug == one.source else (other, one)
                pair.wordings_differ.append(WordingDifference(quote, *(quote.wording_in(c) for c in in_order)))
    for conflict_pair, first, second in figure_conflicts(figures, place):
        pair = pair_of(*conflict_pair)
        if pair is not None:
            pair.figures_differ.append(FigureConflict(first, second))
    ordered = [pairs[key] for key in sorted(pairs, key=lambda key: (place[key[0]], place[key[1]]))]
    _fill_only(ordered, records)
    total = len(sources) * (len(sources) - 1) // 2
    return ordered, total - len(ordered)


def figure_conflicts(figures: Iterable[Figure], place: dict[str, int]) -> list[tuple[tuple[str, str], Figure, Figure]]:
    """((source, other source), figure the first gives, figure the other gives) for every two
    figures of the same quantity and date whose values differ, from different sources."""
    by_key: dict[tuple, list[Figure]] = defaultdict(list)
    for figure in figures:
        by_key[figure_key(figure.label, figure.unit, figure.as_of)].append(figure)
    found = []
    for group in by_key.values():
        for one, other in itertools.combinations(group, 2):
            if one.value == other.value:
                continue
            for a, b in itertools.product(one.citations, other.citations):
                if a.source == b.source or a.source not in place or b.source not in place:
                    continue
                if place[a.source] < place[b.source]:
                    found.append(((a.source, b.source), one, other))
                else:
                    found.append(((b.source, a.source), other, one))
    return found


def _fill_only(pairs: list[SourcePair], records: list[Record]) -> None:
    """What only one source of each pair reports, in one pass over the records."""
    if not pairs:
        return
    wanted = {pair.first.slug for pair in pairs} | {pair.second.slug for pair in pairs}
    by_source: dict[str, list[tuple[Record, frozenset[str]]]] = defaultdict(list)
    for record in records:
        slugs = frozenset(cited.source for cited in record.citations) if record.also_in else frozenset((record.source,))
        for slug in slugs & wanted:
            by_source[slug].append((record, slugs))
    for pair in pairs:
        pair.only_first = [record for record, slugs in by_source[pair.first.slug] if pair.second.slug not in slugs]
        pair.only_second = [record for record, slugs in by_source[pair.second.slug] if pair.first.slug not in slugs]
