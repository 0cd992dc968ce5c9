"""The integrity rules of SPEC, checked across records.

References resolve (with a did-you-mean), paragraph numbers exist, verbatim
quotes stand word for word in their source paragraph. Returns problems; the
CLI decides what to do with them.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator

from .cache import KeptValues
from .content import Content
from .problems import Problem
from .records import Event, Figure, Person, Quote, Record, Source, Summit, Takeaway, normalise_for_quote_check

def validate(content: Content, verbatim: KeptValues | None = None) -> list[Problem]:
    """Every cross-record problem in the content, sorted by file and line.

    `verbatim` keeps, between builds, the quotes found word for word in their paragraph, by
    the digests of the quote's and the source's files: only a quote or source edited since
    is compared again (the comparison was most of the checking at 10,000 records).
    """
    problems: list[Problem] = []
    for record in _all_records(content):
        problems.extend(_check_references(content, record))
        problems.extend(_check_paragraphs(content, record))
    for quote in content.of_kind("quotes").values():
        problems.extend(_check_verbatim(content, quote, verbatim))
    for summit in content.of_kind("summits").values():
        problems.extend(_check_window(summit))
    for source in content.of_kind("sources").values():
        problems.extend(_check_notes(source))
        problems.extend(_review_warnings(source))

    problems.extend(_check_aliases(content))
    return sorted(problems)


def _all_records(content: Content) -> Iterator[Record]:
    for kind in sorted(content.by_kind):
        yield from content.by_kind[kind].values()


def _references(record: Record) -> Iterator[tuple[str, str, str]]:
    """(front-matter key, kind referred to, slug) for every reference a record makes."""
    for key, kind in (("summit", "summits"), ("source", "sources"), ("person", "people")):
        slug = getattr(record, key, None)
        if isinstance(slug, str):
            yield key, kind, slug
    for key, kind in (("tags", "tags"), ("people", "people")):
        for slug in getattr(record, key, ()) or ():
            if isinstance(slug, str):
                yield key, kind, slug
    if isinstance(record, Summit):
        for _, cell in record.compare:
            yield "compare", "sources", cell.source


def _check_references(content: Content, record: Record) -> Iterator[Problem]:
    for key, kind, slug in _references(record):
        known = content.of_kind(kind)
        if slug not in known and slug not in content.unloadable.get(kind, ()):
            yield Problem(record.origin.path, record.origin.line_of(key),
                          f"{key}: unknown {kind[:-1] if kind != 'people' else 'person'} '{slug}'{did_you_mean(slug, known)}",
                          "unknown-reference")


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


def _check_paragraphs(content: Content, record: Record) -> Iterator[Problem]:
    sources = content.of_kind("sources")
    for key, source_slug, number in _cited_paragraphs(record):
        source = sources.get(source_slug)
        if source is None:
            continue  # reported as an unknown reference
        count = len(source.paragraphs)
        if number > count:
            yield Problem(record.origin.path, record.origin.line_of(key),
                          f"{key}: source '{source_slug}' has no paragraph {number} (it has {count})",
                          "unknown-paragraph")


def _check_verbatim(content: Content, quote: Quote, kept: KeptValues | None) -> Iterator[Problem]:
    if not quote.body.strip():
        yield Problem(quote.origin.path, quote.origin.body_line, "the quote's body is empty: write the quoted words", "empty-quote")
        return
    if not quote.verbatim:
        return
    source = content.of_kind("sources").get(quote.source)
    if source is None or quote.paragraph > len(source.paragraphs):
        return
    key = (quote.origin.digest, source.origin.digest)
    if kept is not None and key in kept.kept:
        kept.used[key] = True
        return
    words = normalise_for_quote_check(quote.body)
    paragraph = source.paragraphs_for_quote_check[quote.paragraph - 1]
    if words in paragraph:
        if kept is not None:
            kept.used[key] = True
    else:
        yield Problem(quote.origin.path, quote.origin.body_line,
                      f"quote is not word for word in source '{quote.source}' paragraph {quote.paragraph}"
                      f"{_first_difference(words, paragraph)} (set verbatim: false for a paraphrase)",
                      "not-verbatim")


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
    for person in content.of_kind("people").values():
        for alias in {person.name, *person.aliases}:
            other = owner_by_alias.setdefault(alias.casefold(), person)
            if other is not person:
                yield Problem(person.origin.path, person.origin.line_of("aliases"),
                              f"aliases: '{alias}' also names '{other.slug}' ({other.origin.path}); an alias must name one person",
                              "duplicate-alias")
