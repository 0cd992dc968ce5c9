import datetime

import pytest

from briefing_gen.dates import PartialDate, iso_string, parse_date


@pytest.mark.parametrize("text, precision, shown", [
    ("2019", "year", "2019"),
    ("2019-04", "month", "April 2019"),
    ("2023-09-13", "day", "13 September 2023"),
])
def test_dates_keep_their_precision(text, precision, shown):
    date = parse_date(text)
    assert date.precision == precision
    assert date.iso() == text
    assert date.display() == shown


def test_yaml_values_are_accepted_whatever_their_python_type():
    assert parse_date(2019) == PartialDate(2019)
    assert parse_date(datetime.date(2019, 4, 25)).iso() == "2019-04-25"
    assert iso_string("unknown") == "unknown"


@pytest.mark.parametrize("text, fragment", [
    ("2023-02-30", "February 2023 has 28 days"),
    ("2024-13", "no month 13"),
    ("April 2019", "expected a date"),
    ("2019-4-5", "expected a date"),
])
def test_impossible_or_malformed_dates_are_rejected(text, fragment):
    with pytest.raises(ValueError, match=fragment):
        parse_date(text)


def test_leap_day_is_a_real_date():
    assert parse_date("2024-02-29").display() == "29 February 2024"


def test_a_year_sorts_before_its_months_and_days():
    ordered = sorted(["2019-04-25", "2019", "2019-04"], key=lambda t: parse_date(t).sort_key())
    assert ordered == ["2019", "2019-04", "2019-04-25"]
