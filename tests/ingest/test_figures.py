"""Figures: numbers with their unit and the date they hold for."""

from __future__ import annotations

import datetime as dt

from briefing_gen.dates import PartialDate
from briefing_gen.ingest.figures import find_figures

PUBLISHED = dt.date(2023, 9, 14)
FALLBACK = PartialDate(2023, 9, 13)


def figures(text: str):
    return [(f.value, f.unit, f.as_of.iso() if f.as_of else None) for f in find_figures(text, 1, PUBLISHED, FALLBACK)]


def test_from_to_pair_shares_the_unit_and_takes_each_year():
    text = "Output rose from 1.7 million in 2022 to an expected 2.5 million shells this year, AFP reports."
    assert figures(text) == [(1700000, "shells", "2022"), (2500000, "shells", "2023")]


def test_rates_ordinals_percent_and_money():
    assert figures("Forces fire up to 60,000 shots per day.") == [(60000, "shots per day", "2023-09-13")]
    assert figures("The war is now in its 19th month.") == [(19, "months", "2023-09-13")]
    assert figures("Turnout fell to 41.5% in 2021.") == [(41.5, "percent", "2021")]
    assert figures("The pier cost $3.5 billion last year.") == [(3500000000, "US dollars", "2022")]
    assert figures("The flow is 410 cubic metres per second.") == [(410, "cubic metres per second", "2023-09-13")]


def test_dates_years_headings_and_names_are_not_figures():
    assert figures("On April 25, 2019 they met in 2019.") == []
    assert figures("1) Military cooperation") == []
    assert figures("The Soyuz-2 rocket and the F-16 jet flew.") == []
    assert figures("Putin waited for 30 minutes.")[0][:2] == (30, "minutes")


def test_a_number_without_a_unit_is_left_out():
    assert figures("The vote was 52 to 48.") == []


def labels(text: str):
    return [f.label for f in find_figures(text, 1, PUBLISHED, FALLBACK)]


def test_labels_do_not_run_into_the_previous_figure_or_clause():
    assert labels("The new ferry will cost 12 euros and carry 3,000 passengers per day.") == [
        "New ferry will cost: euros", "New ferry will carry: passengers per day"]
    assert labels("The terminal took three years to build and cost 40 million euros.") == ["Terminal cost: euros"]
    assert labels("Fares rose 15% and the line now carries 40,000 people a day.") == ["Fares rose: percent", "Line now carries: people"]
    assert labels("Anna Kell said her members had lost 3 million euros and would need 500 tonnes of feed.") == [
        "Members had lost: euros", "Members would need: tonnes"]
    assert labels("A day ticket in the town centre will cost £6.50.") == ["Day ticket in the town centre will cost: pounds"]
    assert labels("said Edda Moray, who has run the lantern workshop for 30 years.") == ["Run the lantern workshop: years"]


def test_a_figure_needs_a_counted_noun_not_a_verb_adjective_or_modifier():
    """The numbers of real reporting that are not figures: "of whom 7,844 have died" counts
    nothing named; "21:00 local time", "a 50 slip marina", "Prop. 13" and "12 days earlier"
    are a clock, a modifier, a name and a time reference."""
    text = ("The state's confirmed caseload is nearly 162,000, of whom 7,844 have died. "
            "Sales stop at 21:00 local time. They plan a 50 slip marina. Prop. 13 proves costly. "
            "The fumes leaked from a pipe fitted 12 days earlier.")
    assert figures(text) == []


def test_a_percent_or_amount_without_what_it_is_of_is_left_out():
    assert figures("Only one in five (21 per cent) agreed.") == []
    assert figures("Officials said African Americans made up 70% of its deaths.") == []
    assert figures("The masks, worth ¥40,000, were kept in a machine room.") == []


def test_numbers_inside_a_quote_are_the_speakers_not_figures():
    assert figures("“We'll build 300 new homes,” the mayor said.") == []


def test_labels_say_what_is_counted_from_the_phrase_after_the_unit():
    assert labels("There are now more than 12,500 cameras in Broward County schools.") == [
        "Cameras in Broward County schools"]
    assert labels("A total of 6,000 surgical masks have been lost at a hospital in Kobe, police said.") == [
        "Surgical masks lost at a hospital in Kobe"]
    assert labels("About 4,000 staff will keep their jobs, the company says.") == ["Staff that will keep their jobs"]
    assert labels("The effort may have consumed about 2.8 gigawatt-hours of electricity.") == [
        "Gigawatt-hours of electricity"]


def test_the_ends_of_a_range_are_not_figures():
    assert find_figures("Data centres will use between 8 and 20 percent of the grid's power in Norway.", 1, None, None) == []
    assert find_figures("The port handled 300-400 containers a day in Westhaven last spring.", 1, None, None) == []


def test_a_share_whose_meaning_is_in_the_verb_after_it_is_left_out():
    """"6% of the top tracks are that short": a record "Percent of the top tracks" would state
    a share of nothing in particular."""
    assert find_figures("Today, slightly over 6% of the top tracks are that short.", 1, None, None) == []
    kept = find_figures("About 40 percent of voters in Ohio backed the plan.", 1, None, None)
    assert [(f.label, f.value, f.unit) for f in kept] == [("Percent of voters in Ohio", 40, "percent")]
