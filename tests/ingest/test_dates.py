"""Relative and absolute dates, resolved against the publication date at their precision."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing_gen.ingest.dates import find_dates, parse_published

THURSDAY = dt.date(2023, 9, 14)


def resolved(text: str, published=THURSDAY) -> list[str]:
    return [m.date.iso() if m.date else "unknown" for m in find_dates(text, published)]


@pytest.mark.parametrize("text, expected", [
    ("They met yesterday.", ["2023-09-13"]),
    ("Talks continue today.", ["2023-09-14"]),
    ("They met on Wednesday.", ["2023-09-13"]),
    ("They met on Thursday.", ["2023-09-14"]),  # the publication day itself
    ("They met last Thursday.", ["2023-09-07"]),
    ("A study published on Friday", ["2023-09-08"]),
    ("Prices rose last month.", ["2023-08"]),
    ("Output doubled this year.", ["2023"]),
    ("Output fell last year.", ["2022"]),
    ("The first visit, in April 2019, was short.", ["2019-04"]),
    ("Kim (April 2019) said", ["2019-04"]),
    ("the meeting four years ago", ["2019"]),
    ("three days ago", ["2023-09-11"]),
    ("two months ago", ["2023-07"]),
    ("on 25 April 2019", ["2019-04-25"]),
    ("on April 25, 2019", ["2019-04-25"]),
    ("on April 25", ["2023-04-25"]),
    ("on December 25", ["2022-12-25"]),  # the latest one on or before publication
    ("in October", ["2022-10"]),
    ("since 2019-04-25", ["2019-04-25"]),
    ("from 1.7 million in 2022 to more", ["2022"]),
    ("She spoke over the weekend.", ["2023-09"]),  # Saturday 9 and Sunday 10, one month
    ("He was there last weekend.", ["2023-09"]),
])
def test_resolves_at_precision(text, expected):
    assert resolved(text) == expected


@pytest.mark.parametrize("text", [
    "You may go now.", "Do not march on.", "2,019 people came", "It cost $2019.", "There are 2019.5 units",
    "a car, and they are here", "Soyuz-2 rockets", "up 20% on the week",
    "the estate of Mar-a-Vista", "talk of Jun-ho Park",  # a name that a month's letters begin
])
def test_no_false_dates(text):
    assert resolved(text) == []


def test_relative_dates_without_publication_are_unknown():
    assert resolved("They met yesterday and in April 2019.", None) == ["unknown", "2019-04"]


def test_parse_published():
    assert parse_published("2023-09-14") == THURSDAY
    assert parse_published(None) is None
    with pytest.raises(ValueError, match="--published"):
        parse_published("14/09/2023")


def test_future_sentences_take_the_next_weekday_or_month():
    assert resolved("Parliament will vote in January.") == ["2024-01"]
    assert resolved("The talks will resume on Monday.") == ["2023-09-18"]
    assert resolved("The talks resumed on Monday.") == ["2023-09-11"]


FRIDAY = dt.date(2024, 5, 17)


def test_future_reading_is_per_clause_and_never_for_a_saying_verb():
    text = "The operator will run two crossings from November, it said on Thursday."
    assert resolved(text, FRIDAY) == ["2024-11", "2024-05-16"]
    assert resolved("The line will reopen, the council announced on Monday.", FRIDAY) == ["2024-05-13"]
    assert resolved("Crews will start on Monday, Ana Ruiz told reporters on Tuesday.", FRIDAY) == ["2024-05-20", "2024-05-14"]
    assert resolved("The vote on Monday will decide it.", FRIDAY) == ["2024-05-20"]
    assert resolved("The line that closed on Monday will reopen in June.", FRIDAY) == ["2024-05-13", "2024-06"]
    assert resolved("The line will be closed on Monday.", FRIDAY) == ["2024-05-20"]
    assert resolved("The vote scheduled on Monday will decide it.", FRIDAY) == ["2024-05-20"]


def test_said_on_is_never_after_publication():
    from briefing_gen.ingest.people import PeopleRegistry
    from briefing_gen.ingest.speakers import find_quotes

    found, review = find_quotes(["“We will run two crossings from November,” Harbour Ferries said on Thursday.",
                                 "“We are ready,” Ana Ruiz said of the vote that will take place on Monday."],
                                FRIDAY, PeopleRegistry(), None)
    assert [q.said_on.iso() if q.said_on else "unknown" for q in found] == ["2024-05-16", "unknown"]


def test_a_caption_dated_after_publication_is_unknown_and_flagged():
    from briefing_gen.ingest.people import PeopleRegistry
    from briefing_gen.ingest.speakers import find_quotes

    found, review = find_quotes(["<Ana Ruiz / Mayor (next month)> “We will be ready.”"], FRIDAY, PeopleRegistry(), None)
    assert found[0].said_on is None and any(n["kind"] == "date" for n in review)


def test_a_deadline_or_span_in_the_sentence_is_not_when_it_was_said():
    from briefing_gen.ingest.people import PeopleRegistry
    from briefing_gen.ingest.speakers import find_quotes

    found, _ = find_quotes(["“We are ready,” said Marta Vell, adding that her crews would be ready by October."],
                           FRIDAY, PeopleRegistry(), None)
    assert found[0].said_on is None


def test_reported_future_with_would_reads_forward():
    assert resolved("Solberg said she would table a motion in March.", dt.date(2024, 11, 14)) == ["2025-03"]
    assert resolved("The ferry would sail in March, as it always had.", dt.date(2024, 11, 14)) == ["2024-03"]


def test_a_weekend_keeps_the_precision_its_two_days_share():
    assert resolved("said over the weekend", dt.date(2024, 6, 3)) == ["2024-06"]  # 1 and 2 June
    assert resolved("said over the weekend", dt.date(2024, 9, 2)) == ["2024"]  # 31 August and 1 September
    assert resolved("said at the weekend", dt.date(2024, 6, 1)) == ["2024-06-01"]  # a Saturday: only that day
    assert resolved("said last weekend", dt.date(2024, 6, 2)) == ["2024-05"]  # a Sunday: the weekend before
    assert resolved("will meet this weekend", dt.date(2024, 5, 29)) == ["2024-06-01"]  # said on a weekday: to come


def test_the_plan_to_someone_is_no_future():
    """"plans to" is a verb of the future; "the plan to MPs" is a noun, and its Tuesday is past."""
    assert find_dates("Vena Holt set out the plan to MPs on Tuesday.", THURSDAY)[0].date.iso() == "2023-09-12"
    assert find_dates("Vena Holt plans to meet MPs on Tuesday.", THURSDAY)[0].date.iso() == "2023-09-19"
