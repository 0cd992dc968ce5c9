"""The integrity rules of SPEC, checked across records.

References resolve (with a did-you-mean), paragraph numbers exist, verbatim
quotes stand word for word in their source paragraph. Returns problems; the
CLI decides what to do with them.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import itertools
import operator
from collections.abc import Iterable, Iterator

from .store import Shelf
from .content import Content
from .problems import Problem
from .records import REFERENCES, Cited, Event, Figure, Person, Quote, Record, Source, Summit, Takeaway, normalise_for_quote_check

def validate(content: Content, verbatim: Shelf | None = None) -> list[Problem]:
    """Every cross-record problem in the content, sorted by file and line.

    `verbatim` keeps, between builds, the quotes found word for word in their paragraph, by
    the digests of the quote's and the source's files: only a quote or source edited since
    is compared again (the comparison was most of the checking at 10,000 records).
    """
    problems: list[Problem] = []
    for kind in sorted(content.by_kind):
        for record in _records_to_check(content, list(content.by_kind[kind].values())):
            problems += _check_references(content, record)
            problems += _check_paragraphs(content, record)
    problems += _check_quotes(content, verbatim)
    for summit in content.of_kind("summits").values():
        problems.extend(_check_window(summit))
    for source in content.of_kind("sources").values():
        problems.extend(_check_notes(source))
        problems.extend(_review_warnings(source))

    problems.extend(_check_aliases(content))
    return sorted(problems)


def _records_to_check(content: Content, records: list[Record]) -> list[Record]:
    """The records of one kind to check one by one for references and cited paragraphs: none
    if one look over the whole kind finds every slug it refers to and every paragraph it cites
    (at 10,000 records that look is a fifth of the checks one by one), else all of them."""
    if not records or isinstance(records[0], Summit):
        return records  # few, and their comparison cells are checked one by one anyway
    record_type = type(records[0])
    for key, kind, is_list in _reference_fields(record_type):
        values = list(map(operator.attrgetter(key), records))
        referenced = set(itertools.chain.from_iterable(filter(None, values))) if is_list else set(values)
        referenced.discard(None)
        if not referenced <= content.of_kind(kind).keys():
            return records
    if record_type is Takeaway:
        cited = {(takeaway.source, number) for takeaway in records for number in takeaway.paragraphs}
    elif "paragraph" in {field.name for field in dataclasses.fields(record_type)}:
        cited = set(zip(map(operator.attrgetter("source"), records), map(operator.attrgetter("paragraph"), records)))
    else:
        cited = set()
    sources = content.of_kind("sources")
    if hasattr(record_type, "also_in"):  # the further citations (few records have any)
        also = [cited_by for record in records if record.also_in for cited_by in record.also_in]
        if not {cited_by.source for cited_by in also} <= sources.keys():
            return records
        cited.update((cited_by.source, number) for cited_by in also for number in cited_by.paragraphs)
        if any(_repeated_sources(record) for record in records if record.also_in):
            return records
    for source_slug, number in cited:
        source = sources.get(source_slug)
        if source is not None and number > len(source.paragraphs):
            return records
    return []


def _references(record: Record) -> Iterator[tuple[str, str, str]]:
    """(front-matter key, kind referred to, slug) for every reference a record makes."""
    for key, kind, is_list in _reference_fields(type(record)):
        value = getattr(record, key)
        for slug in (value or ()) if is_list else (value,):
            if isinstance(slug, str):
                yield key, kind, slug
    if isinstance(record, Summit):
        for _, cell in record.compare:
            yield "compare", "sources", cell.source
    for cited in getattr(record, "also_in", ()):
        yield "also_in", "sources", cited.source


@functools.cache
def _reference_fields(record_type: type) -> tuple[tuple[str, str, bool], ...]:
    """(key, kind referred to, holds a list) of each field by which records of a type refer to others."""
    return tuple((field.name, REFERENCES[field.name], isinstance(field.default, tuple))
                 for field in dataclasses.fields(record_type) if field.name in REFERENCES)


def _check_references(content: Content, record: Record) -> list[Problem]:
    by_kind = content.by_kind
    if all(slug in by_kind.get(kind, ()) for _, kind, slug in _references(record)):
        return []  # every record but a broken one: no problem to make
    problems = []
    naming = content.settings.compares
    for key, kind, slug in _references(record):
        known = content.of_kind(kind)
        if slug not in known and slug not in content.unloadable.get(kind, ()):
            # the compared kind under the name the briefing gives it (site.yaml `compares`)
            key = naming.key_of.get(key, key) if naming else key
            what = naming.singular_label if kind == "summits" and naming else \
                kind[:-1] if kind != "people" else "person"
            problems.append(Problem(
                record.origin.path, record.origin.line_of(key),
                f"{key}: unknown {what} '{slug}'{did_you_mean(slug, known)}",
                "unknown-reference"))
    return problems


def did_you_mean(wanted: str, known: Iterable[str]) -> str:
    """'; did you mean X?' naming the closest existing slug, or the choices when few."""
    known = sorted(known)
    close = difflib.get_close_matches(wanted, known, n=1, cutoff=0.4)
    if close:
        return f"; did you mean '{close[0]}'?"
    if not known:
        return " (there are none yet)"
    if len(known) <= 5:
        return f" (known: {', '.join(known)})"
    return ""


def _cited_paragraphs(record: Record) -> Iterator[tuple[str, str, int]]:
    """(key, source slug, paragraph number) for every paragraph a record cites."""
    if isinstance(record, (Quote, Event, Figure)):
        yield "paragraph", record.source, record.paragraph
    elif isinstance(record, Takeaway):
        for number in record.paragraphs:
            yield "paragraphs", record.source, number
    elif isinstance(record, Summit):
        for _, cell in record.compare:
            yield "compare", cell.source, cell.paragraph
    for cited in getattr(record, "also_in", ()):
        for number in cited.paragraphs:
            yield "also_in", cited.source, number


def _repeated_sources(record: Record) -> list[str]:
    """The sources a record cites more than once (a source reports a record once: put every
    paragraph of it in one citation)."""
    seen = [cited.source for cited in record.citations]
    return sorted({slug for slug in seen if seen.count(slug) > 1})


def _check_paragraphs(content: Content, record: Record) -> list[Problem]:
    problems = []
    if getattr(record, "also_in", ()):
        for slug in _repeated_sources(record):
            problems.append(Problem(record.origin.path, record.origin.line_of("also_in"),
                                    f"also_in: source '{slug}' is cited twice; list each source once",
                                    "repeated-citation"))
    sources = content.of_kind("sources")
    for key, source_slug, number in _cited_paragraphs(record):
        source = sources.get(source_slug)
        if source is None:
            continue  # reported as an unknown reference
        count = len(source.paragraphs)
        if number > count:
            problems.append(Problem(record.origin.path, record.origin.line_of(key),
                                    f"{key}: source '{source_slug}' has no paragraph {number} (it has {count})",
                                    "unknown-paragraph"))
    return problems


def _check_quotes(content: Content, kept: Shelf | None) -> list[Problem]:
    """Every quote has words, and a verbatim one stands word for word in each paragraph it cites
    (its `wording` for a source that gives the words otherwise, else its body).

    A quote found word for word before (in `kept`, by its file's and its sources' digests) is not
    compared again; the thousands of those are picked out in bulk, the others checked one by one."""
    problems = []
    sources = content.of_kind("sources")
    quotes = list(content.of_kind("quotes").values())
    for quote in [quote for quote in quotes if not quote.body or quote.body.isspace()]:
        problems.append(Problem(quote.origin.path, quote.origin.body_line,
                                "the quote's body is empty: write the quoted words", "empty-quote"))
    source_digests = {slug: source.origin.digest for slug, source in sources.items()}
    verbatim = [quote for quote in quotes if quote.verbatim and quote.body and not quote.body.isspace()]
    keys = [(quote.origin.digest, source_digests.get(quote.source),
             *(source_digests.get(cited.source) for cited in quote.also_in)) if quote.also_in else
            (quote.origin.digest, source_digests.get(quote.source)) for quote in verbatim]
    known = kept.kept.keys() & keys if kept is not None else set()
    if kept is not None:
        kept.keep(known)
    for quote, key in zip(verbatim, keys):
        if key in known:
            continue
        found = [_check_wording(quote, cited, index == 0, sources) for index, cited in enumerate(quote.citations)]
        problems.extend(problem for problem in found if problem is not None)
        if kept is not None and not any(found):
            kept.put(key, True)
    return problems


def _check_wording(quote: Quote, cited: Cited, first: bool, sources: dict) -> Problem | None:
    """A problem if the words one source is cited for do not stand in its paragraph."""
    source = sources.get(cited.source)
    if source is None or cited.paragraph > len(source.paragraphs):
        return None  # reported as an unknown reference or paragraph
    words = normalise_for_quote_check(quote.wording_in(cited))
    paragraph = source.paragraphs_for_quote_check[cited.paragraph - 1]
    if words in paragraph:
        return None
    line = quote.origin.body_line if first else quote.origin.line_of("also_in")
    what = "wording" if cited.wording is not None and not first else "quote"
    return Problem(quote.origin.path, line,
                   f"{what} is not word for word in source '{cited.source}' paragraph {cited.paragraph}"
                   f"{_first_difference(words, paragraph)} (set verbatim: false for a paraphrase)", "not-verbatim")


def _first_difference(words: str, paragraph: str) -> str:
    """Say how far the quote matches the paragraph, to help the editor find the slip."""
    low, high = 0, len(words)
    while low < high:  # the longest prefix of the quote found in the paragraph
        middle = (low + high + 1) // 2
        if words[:middle] in paragraph:
            low = middle
        else:
            high = middle - 1
    if low < 10:
        return ""
    return f": the words match up to '...{words[max(0, low - 30):low]}'"


def _check_window(summit: Summit) -> Iterator[Problem]:
    window = summit.window
    if window and window.start > window.end:
        yield Problem(summit.origin.path, summit.origin.line_of("window"),
                      f"window: 'from' {window.start} is after 'to' {window.end}", "invalid-field")


def _check_notes(source: Source) -> Iterator[Problem]:
    count = len(source.paragraphs)
    for key in ("removed", "review"):
        for note in getattr(source, key):
            if note.paragraph > count:
                yield Problem(source.origin.path, source.origin.line_of(key),
                              f"{key}: paragraph {note.paragraph} does not exist (the source has {count})",
                              "unknown-paragraph")


def _review_warnings(source: Source) -> Iterator[Problem]:
    if source.review:
        count = len(source.review)
        yield Problem(source.origin.path, source.origin.line_of("review"),
                      f"{count} passage{'s' if count != 1 else ''} flagged for review at ingest: "
                      "check each against the original article", "needs-review", severity="warning")


def _check_aliases(content: Content) -> Iterator[Problem]:
    owner_by_alias: dict[str, Person] = {}
    for _, person in sorted(content.of_kind("people").items()):  # by slug: the records come in no set order
        for alias in sorted({person.name, *person.aliases}):
            other = owner_by_alias.setdefault(alias.casefold(), person)
            if other is not person:
                yield Problem(person.origin.path, person.origin.line_of("aliases"),
                              f"aliases: '{alias}' also names '{other.slug}' ({other.origin.path}); an alias must name one person",
                              "duplicate-alias")
