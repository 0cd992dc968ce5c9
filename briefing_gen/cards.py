"""What the share cards show: one per quote page, the home page and each summit page.

A card is plain text (`CardText`) with the path of its PNG beside its page,
its alt text, and a digest of everything that decides its bytes: the text,
the drawing code and the versions of Pillow and the font. A build keeps drawn
cards by that digest, so a card is drawn again only when what it shows
changes. This module never imports Pillow: pages are planned without it;
`card_image.draw_card` draws.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import render  # as a module: render imports this one too
from .dates import UNKNOWN
from .records import Quote, Summit

CARD_WIDTH, CARD_HEIGHT = 1200, 630
CARD_FILE = "card.png"
ELLIPSIS = "\u2026"
# Summits named on the home page's card, earliest first.
SUMMITS_ON_HOME_CARD = 3


@dataclass(frozen=True)
class CardText:
    """What a card shows, as plain text: the drawing is made from these fields alone."""

    headline: str  # the quote's words (without quote marks), or a title
    is_quote: bool = False
    byline: str = ""  # the speaker, or a place
    detail: str = ""  # role and date, or a date
    footer: str = ""  # the briefing's title


@dataclass(frozen=True)
class Card:
    """A page's card: where its PNG goes, what it shows, and how it is described."""

    path: str
    text: CardText
    alt: str
    width: int = CARD_WIDTH
    height: int = CARD_HEIGHT

    @property
    def digest(self) -> str:
        """Of what decides the card's bytes: equal digests, equal PNGs."""
        return hashlib.sha1(f"{drawing_identity()}\0{self.text!r}".encode("utf-8", "surrogatepass")).hexdigest()


def card_path(page_path: str) -> str:
    """The card of `quotes/x/index.html` is `quotes/x/card.png`; the home page's, `card.png`."""
    folder = page_path.rpartition("/")[0]
    return f"{folder}/{CARD_FILE}" if folder else CARD_FILE


@lru_cache(maxsize=1)
def drawing_identity() -> str:
    """The drawing code (card_image.py, read as text) and the versions of Pillow and the font:
    when any changes, every kept card is drawn again."""
    from importlib.metadata import PackageNotFoundError, version

    source = (Path(__file__).parent / "card_image.py").read_bytes()
    versions = []
    for package in ("pillow", "fontpkg-noto-sans"):
        try:
            versions.append(f"{package} {version(package)}")
        except PackageNotFoundError:
            versions.append(f"{package} missing")
    return f"{hashlib.sha1(source).hexdigest()} {' '.join(versions)}"


def shorten_to_words(text: str, limit: int) -> str:
    """At most `limit` characters (and "…"), cut at the last word boundary before it."""
    if len(text) <= limit:
        return text
    head = text[: limit + 1]
    cut = head.rsplit(" ", 1)[0] if " " in head else ""
    return cut.rstrip(" ,;:-\u2013\u2014") + ELLIPSIS


def quote_words(quote: Quote) -> str:
    """The quote's words as its page shows them, on one line ("…" around a fragment)."""
    words = " ".join(render.quoted_words(quote.body).split())
    return f"{ELLIPSIS}{words}{ELLIPSIS}" if quote.partial else words


def quote_card(briefing, quote: Quote) -> Card:
    """The speaker's name and role, the words, when they were said (or, unknown, when the source
    reported them), and the briefing's title."""
    person = briefing.person(quote.person)
    if quote.said_on != UNKNOWN:
        when = render.display_date(quote.said_on)
    else:
        when = f"reported {render.display_date(briefing.source(quote.source).published)}"
    role = quote.role or person.role
    text = CardText(quote_words(quote), True, person.name, " \u00b7 ".join(filter(None, (role, when))),
                    briefing.settings.title)
    alt = (f"Quote card: \u201c{shorten_to_words(text.headline, 240)}\u201d \u2014 {person.name}"
           f"{f', {role}' if role else ''}, {when}. {briefing.settings.title}")
    return Card(card_path(render.record_path(quote)), text, alt)


def summit_card(briefing, summit: Summit) -> Card:
    """The summit's title, place (and venue), date, and the briefing's title."""
    place = ", ".join(filter(None, (summit.venue, summit.place)))
    when = render.display_date(summit.date)
    text = CardText(summit.title, False, place, when, briefing.settings.title)
    return Card(card_path(render.record_path(summit)), text,
                f"Summit card: {summit.title}, {place}, {when}. {briefing.settings.title}")


def home_card(briefing) -> Card:
    """The briefing's headline (its title without one), its first summits (the first part of
    their place) with their dates,
    who wrote it, and its title (its description when the headline is the title)."""
    settings = briefing.settings
    headline = settings.headline or settings.title
    summits = " \u00b7 ".join(f"{summit.place.split(',')[0]}, {render.display_date(summit.date)}"
                              for summit in briefing.summits[:SUMMITS_ON_HOME_CARD])
    footer = settings.title if settings.headline else settings.description
    text = CardText(headline, False, summits, settings.author, footer)
    parts = [part for part in (summits, settings.author, footer) if part]
    return Card(CARD_FILE, text, f"Briefing card: {headline}. {'. '.join(parts)}".rstrip(". ") + ".")


def png(text: CardText) -> bytes:
    """The card drawn: Pillow is imported only when a card has to be drawn."""
    from .card_image import draw_card

    return draw_card(text)

