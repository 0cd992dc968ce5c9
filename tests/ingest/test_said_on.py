"""said_on.py on plain strings: a date dates the words only from the speech verb's own clause."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing_gen.ingest.attribution import speech_events
from briefing_gen.ingest.people import PeopleRegistry
from briefing_gen.ingest.said_on import clause_date, occasion_date, occasion_dates, reported_speech_day, unclaimed_date
from briefing_gen.ingest.speakers import find_quotes

WEDNESDAY = dt.date(2025, 4, 16)


def _dated(sentence: str) -> str | None:
    """The date of the sentence's last speech event, as ISO, or None."""
    event = speech_events(sentence)[-1]
    date = clause_date(sentence, event.start, event.end, WEDNESDAY)
    return date.iso() if date else None


@pytest.mark.parametrize("sentence, expected", [
    ("Ana Ruiz said on Monday that the plan was late.", "2025-04-14"),
    ("Last night, a council spokesperson said the plan was late.", "2025-04-15"),
    ("In late March, Dr Tom Hale estimated the cost at a million.", "2025-03"),
    ("Tom Hale told reporters on Monday the plan was late.", "2025-04-14"),
    ("Tom Hale, who ran for the seat in 2012, said the plan was late.", None),
    ("Tom Hale said a man came into the shop on Monday.", None),
    ("Tom Hale, speaking ahead of Thursday's vote, said the plan was late.", None),
    ("Tom Hale told NBC News' Today show the plan was late.", None),
    ("According to Tom Hale, the sky went dark yesterday.", None),
    ("Tom Hale earlier this week said the plan was late.", "2025-04"),
    ("Tom Hale said in a statement Friday that the plan was late.", "2025-04-11"),
    ("Tom Hale told reporters at the White House on Monday the plan was late.", "2025-04-14"),
    ("Tom Hale said at a campaign rally in Ohio on Monday the plan was late.", "2025-04-14"),
    ("Tom Hale said in televised remarks on Monday the plan was late.", "2025-04-14"),
    ("Tom Hale said the plant closed on Monday.", None),
    ("Tom Hale said he was attacked on Monday.", None),
    ("Tom Hale said the attack on Monday was cowardly.", None),
    ("Tom Hale recalled the drought of 2019.", None),
    ("Tom Hale said during Monday's council meeting that the plan was late.", "2025-04-14"),
    ("Tom Hale said ahead of Monday's council meeting that the plan was late.", None),
])
def test_only_the_verbs_own_clause_dates_the_words(sentence, expected):
    assert _dated(sentence) == expected


def test_a_date_inside_the_attribution_dates_it():
    sentence = "The delays were huge, according to a report by the National Audit Office published last month."
    assert _dated(sentence) == "2025-03"


def test_an_occasion_dated_earlier_dates_words_said_there():
    occasions = occasion_dates("Residents who spoke at Monday night's hearing were divided.", WEDNESDAY)
    assert occasion_date("said one resident at the hearing", occasions).iso() == "2025-04-14"
    assert occasion_date("said one resident at the market", occasions) is None


@pytest.mark.parametrize("sentence, expected", [
    ("Officials said on Monday that _______.", "2025-04-14"),
    ("But last night, the Government came out fighting by branding the letter _______.", "2025-04-15"),
    ("The Government came out fighting by branding the letter _______ yesterday.", None),  # no time opens it
    ("Officials said on Monday that the _______ plan would be dropped on Tuesday, a minister said yesterday.", None),
    ("Critics have long called the scheme _______.", None),
])
def test_a_quote_no_attribution_claims_takes_the_date_of_the_sentences_speech(sentence, expected):
    date = unclaimed_date(sentence, speech_events(sentence), WEDNESDAY)
    assert (date.iso() if date else None) == expected


def _said_on(*paragraphs: str, published: dt.date = WEDNESDAY) -> list[str]:
    """The said_on of every quote of an article, as the ingest dates them (ISO or "unknown")."""
    found, _ = find_quotes(list(paragraphs), published, PeopleRegistry(), reported_speech_day(list(paragraphs), published))
    return [q.said_on.iso() if q.said_on else "unknown" for q in found]


def test_a_lede_that_dates_an_event_dates_no_one_s_words():
    assert _said_on("The Dunmere bus depot flooded on Monday.",
                    "“We lost six buses,” said depot manager Oren Fask.") == ["unknown"]


def test_a_lede_that_dates_an_occasion_dates_what_was_said_there():
    assert _said_on("The Varrow council approved the new bridge on Monday after a long debate.",
                    "“It is a good day for the town,” said council leader Tilda Mohr.") == ["2025-04-14"]
    assert _said_on("The Kell tram line carried its first passengers on Monday.",  # an opening
                    "“Ten years of planning,” said Mayor Sven Adler.") == ["2025-04-14"]


def test_a_dateline_is_when_the_story_was_filed_not_an_occasion():
    assert _said_on("HALDEN, Norvia, April 14 (Coast Wire) - Bakers will strike next week, their union said on Monday.",
                    "“We cannot live on this,” said a baker, Per Lund.") == ["unknown"]


def test_someone_whose_first_words_were_undated_is_not_at_the_ledes_occasion():
    assert _said_on("Mayor Ilse Korvan signed the harbour deal on Monday in Tarrow.",
                    "“This keeps the boats here,” Korvan said.",
                    "“It comes ten years late,” Mr. Olu Brandvik, a fisherman, insisted.",
                    "“Still, it will help my sons,” Brandvik argued.") == ["2025-04-14", "unknown", "unknown"]
