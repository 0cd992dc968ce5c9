"""The briefing -> a search index as a script, for search that works offline and from file://.

Browsers refuse `fetch()` of a local file, so the index is not JSON to load
but a script that assigns `window.BRIEFING_SEARCH`; the search page includes
it with a plain `<script src>`, which file:// allows. Each entry names what
it is and links to the exact page, and for source text, the exact paragraph.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .store import Shelf
from .model import Briefing
from .records import Person, Quote, Source, Takeaway
from .render import paragraph_path, record_path, relative_link

INDEX_PATH = "search-index.js"
TITLE_WORDS = 12

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"[*_`]+")
_LINE_MARKERS = re.compile(r"^\s*(?:#+|>+|[-+*]|\d+\.)\s+", re.MULTILINE)
_TAG = re.compile(r"<[^>]+>")
_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True)  # json.dumps would make one per entry


def plain_text(markdown_text: str) -> str:
    """Markdown reduced to the words a reader sees: link text kept, markup and white space folded."""
    text = _LINE_MARKERS.sub("", _LINK.sub(r"\1", markdown_text))
    return " ".join(_EMPHASIS.sub("", _TAG.sub(" ", text)).split())


def _entry_groups(briefing: Briefing) -> list[tuple[list[tuple], Callable[..., list[dict[str, Any]]], list[tuple]]]:
    """One entry per quote, takeaway, person, source and source paragraph, in a fixed order,
    grouped by the record they come from. For each kind: the key of each group (naming every
    record it is made from), the function that makes a group's entries, and each group's
    arguments to it (called only for a group not kept)."""
    link = _linker(briefing.settings.pretty_urls)

    def quote_entries(quote: Quote, person: Person) -> list[dict[str, Any]]:
        return [_entry("quote", f"{person.name}: \u201c{_words(quote.body)}\u201d",
                       f"{quote.body} \u2014 {quote.speaker}", link(record_path(quote)),
                       link(paragraph_path(quote.source, quote.paragraph)))]

    def takeaway_entries(takeaway: Takeaway) -> list[dict[str, Any]]:
        return [_entry("takeaway", takeaway.title, plain_text(takeaway.body), link(record_path(takeaway)),
                       link(paragraph_path(takeaway.source, takeaway.paragraphs[0])) if takeaway.paragraphs else "")]

    def person_entries(person: Person) -> list[dict[str, Any]]:
        about = " ".join(filter(None, [person.role or "", ", ".join(person.aliases), plain_text(person.body)]))
        return [_entry("person", person.name, about, link(record_path(person)))]

    def source_entries(source: Source) -> list[dict[str, Any]]:
        entries = [_entry("source", source.title, f"{source.outlet}, {source.published}", link(record_path(source)))]
        for number, paragraph in enumerate(source.paragraphs, 1):
            entries.append(_entry("paragraph", f"{source.title}, paragraph {number}", plain_text(paragraph),
                                  link(paragraph_path(source.slug, number))))
        return entries

    quotes = briefing.quotes
    speakers = list(map(briefing.person, [quote.person for quote in quotes]))
    groups = [([(quote.origin.digest, speaker.origin.digest) for quote, speaker in zip(quotes, speakers)],
               quote_entries, list(zip(quotes, speakers)))]
    for records, make in ((briefing.takeaways, takeaway_entries), (briefing.people, person_entries),
                          (briefing.sources, source_entries)):
        groups.append(([(record.origin.digest,) for record in records], make, [(record,) for record in records]))
    return groups


def search_index_script(briefing: Briefing, kept: "KeptEntries | None" = None) -> list[bytes]:
    """The `search-index.js` file, as UTF-8 pieces to write one after the other: one assignment,
    one entry per line so diffs stay readable. Not joined: at 10,000 records the joined text and
    its bytes were 9 MB held at once while the render workers ran. A record's lines come as one
    piece, encoded once and kept from the last build while its record is unchanged."""
    kept = kept or KeptEntries(None, briefing.settings.pretty_urls)
    pieces = [b"window.BRIEFING_SEARCH = [\n"]
    for keys, make, arguments in _entry_groups(briefing):
        pieces += [piece for text in kept.lines(keys, make, arguments) if text for piece in (text, b",\n")]
    if len(pieces) > 1:
        pieces[-1] = b"\n"
    else:
        pieces.append(b"\n")
    pieces.append(b"];\n")
    return pieces


class KeptEntries(Shelf):
    """Each record's lines of the index from the last build (in `.briefing-gen-cache/`), keyed by
    the digests of the records they are made from, so an edit encodes only what changed."""

    def __init__(self, store: Path | None, pretty_urls: bool) -> None:
        super().__init__(store, (pretty_urls, "utf-8 groups"))

    def lines(self, keys: list[tuple], make: Callable[..., list[dict[str, Any]]], arguments: list[tuple]) -> list[bytes]:
        """Each group's entries, one per line, joined by ',\\n', in UTF-8 (empty if it has none)."""
        found = list(map(self.kept.get, keys))
        for index in [index for index, text in enumerate(found) if text is None]:
            entries = make(*arguments[index])
            found[index] = ",\n".join([_ENCODER.encode(entry) for entry in entries]).encode("utf-8", "surrogatepass")
        self.now.update(zip(keys, found))
        return found


def _entry(kind: str, title: str, text: str, url: str, source_url: str = "") -> dict[str, Any]:
    entry = {"kind": kind, "title": title, "text": text, "url": url}
    if source_url:
        entry["source"] = source_url
    return entry


def _linker(pretty_urls: bool):
    """Paths relative to the site root, folder-style when the site uses pretty URLs."""
    return lambda path: relative_link("index.html", path, pretty_urls)


def _words(text: str) -> str:
    words = text.split()
    return " ".join(words[:TITLE_WORDS]) + ("\u2026" if len(words) > TITLE_WORDS else "")
