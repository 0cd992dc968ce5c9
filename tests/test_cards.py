"""cards: what each page's share card shows, where it goes, how it is described, its digest."""

from __future__ import annotations

import dataclasses

import pytest

from briefing_gen import cards
from briefing_gen.build import load_and_validate
from briefing_gen.cards import Card, CardText, card_path, home_card, quote_card, shorten_to_words, summit_card
from briefing_gen.model import make_briefing
from conftest import ROOT


@pytest.fixture(scope="module")
def briefing():
    content, problems = load_and_validate(ROOT / "content")
    assert not [problem for problem in problems if problem.severity == "error"]
    return make_briefing(content)


def quote_with(briefing, **wanted):
    return next(quote for quote in briefing.quotes
                if all(getattr(quote, key) == value for key, value in wanted.items()))


def test_card_paths_sit_beside_their_pages():
    assert card_path("index.html") == "card.png"
    assert card_path("quotes/putin-one-old-friend/index.html") == "quotes/putin-one-old-friend/card.png"
    assert card_path("summits/2019-vladivostok/index.html") == "summits/2019-vladivostok/card.png"


def test_a_quote_card_shows_words_speaker_role_exact_date_and_briefing(briefing):
    quote = briefing.record("quotes", "putin-one-old-friend")
    card = quote_card(briefing, quote)
    assert card.path == "quotes/putin-one-old-friend/card.png"
    assert card.text == CardText("One old friend is better than two new ones.", True, "Vladimir Putin",
                                 "Russian President \u00b7 13 September 2023", briefing.settings.title)
    assert card.alt.startswith("Quote card: \u201cOne old friend is better than two new ones.\u201d \u2014 Vladimir Putin")
    assert "13 September 2023" in card.alt and briefing.settings.title in card.alt


def test_a_quote_known_to_the_month_shows_the_month(briefing):
    quote = quote_with(briefing, said_on="2019-04")
    assert quote_card(briefing, quote).text.detail.endswith("April 2019")


def test_a_quote_of_unknown_date_shows_when_it_was_reported(briefing):
    quote = quote_with(briefing, said_on="unknown")
    published = briefing.source(quote.source).published
    assert published == "2023-09-14"
    assert quote_card(briefing, quote).text.detail.endswith("reported 14 September 2023")


def test_a_partial_quote_is_shown_as_a_fragment(briefing):
    quote = dataclasses.replace(briefing.quotes[0], partial=True)
    assert quote_card(briefing, quote).text.headline.startswith("\u2026")


def test_the_quote_card_drops_the_comma_that_led_back_into_the_sentence(briefing):
    quote = briefing.record("quotes", "kcna-kim-invited-putin")
    assert quote.body.endswith(",") and not quote_card(briefing, quote).text.headline.endswith(",")


def test_a_summit_card(briefing):
    summit = briefing.summits[0]
    card = summit_card(briefing, summit)
    assert card.path == f"summits/{summit.slug}/card.png"
    assert card.text.headline == summit.title and summit.place in card.text.byline
    assert card.text.detail == "25 April 2019" and card.text.footer == briefing.settings.title


def test_the_home_card_shows_the_headline_and_the_summits(briefing):
    card = home_card(briefing)
    assert card.path == "card.png"
    assert card.text.headline == briefing.settings.headline
    assert card.text.byline == "Vladivostok, 25 April 2019 \u00b7 Amur region, 13 September 2023"
    assert card.text.footer == briefing.settings.title and card.alt.startswith(f"Briefing card: {briefing.settings.headline}.")


def test_the_home_card_of_a_briefing_without_headline_shows_its_title_and_description(briefing):
    settings = dataclasses.replace(briefing.settings, headline="")
    bare = dataclasses.replace(briefing, settings=settings)
    card = home_card(bare)
    assert card.text.headline == settings.title and card.text.footer == settings.description


def test_the_digest_follows_what_the_card_shows_and_nothing_else(briefing):
    quote = briefing.quotes[0]
    card = quote_card(briefing, quote)
    assert quote_card(briefing, quote).digest == card.digest
    # A field the card does not show (its tags, its paragraph) leaves the digest alone...
    assert quote_card(briefing, dataclasses.replace(quote, paragraph=quote.paragraph + 1, tags=("x",))).digest == card.digest
    # ...what it shows changes it.
    assert quote_card(briefing, dataclasses.replace(quote, role="Someone else")).digest != card.digest
    assert Card(card.path, dataclasses.replace(card.text, footer="Other"), card.alt).digest != card.digest


def test_the_digest_names_the_drawing_code_and_the_versions():
    identity = cards.drawing_identity()
    assert "pillow 13.0.0" in identity and "fontpkg-noto-sans 2.15" in identity


def test_shorten_to_words_never_cuts_a_word():
    text = "one two three four five six seven"
    for limit in range(1, len(text) + 2):
        short = shorten_to_words(text, limit)
        if short == text:
            assert limit >= len(text)
            continue
        kept = short.rstrip("\u2026").split()
        assert kept == text.split()[: len(kept)] and len(short) <= limit + 1
