"""Dates with their precision: `2019`, `2019-04` or `2019-04-25`.

Records keep dates as ISO strings at the precision the source gave; this
module is the one place that parses, orders and displays them.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from dataclasses import dataclass
from functools import lru_cache

UNKNOWN = "unknown"

MONTH_NAMES = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A calendar date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        return "year"

    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def display(self) -> str:
        """Human form at the date's own precision: '2019', 'April 2019', '13 September 2023'."""
        if self.month is None:
            return str(self.year)
        month = MONTH_NAMES[self.month - 1]
        if self.day is None:
            return f"{month} {self.year}"
        return f"{self.day} {month} {self.year}"

    def sort_key(self) -> tuple[int, int, int]:
        """Orders a bare year before its months and a month before its days."""
        return (self.year, self.month or 0, self.day or 0)

    def first_day(self) -> _dt.date:
        return _dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> _dt.date:
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return _dt.date(self.year, month, day)

    def __str__(self) -> str:
        return self.iso()


def parse_date(value: object) -> PartialDate:
    """Parse an ISO date string (or what PyYAML made of one) at its precision.

    PyYAML turns `2019-04-25` into a date and `2019` into an int; both are
    accepted here so that the loader does not depend on how a value was quoted.
    Raises ValueError with a message fit for an editor.
    """
    if isinstance(value, str):
        return _parse_iso_string(value)  # the common case, cached: a site repeats few dates
    return _parse_date(value)


@lru_cache(maxsize=8192)
def _parse_iso_string(value: str) -> PartialDate:
    return _parse_date(value)


def _parse_date(value: object) -> PartialDate:
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        return PartialDate(value.year, value.month, value.day)
    if isinstance(value, bool):
        raise ValueError(f"expected a date like 2019, 2019-04 or 2019-04-25, got {value!r}")
    if isinstance(value, int):
        value = str(value)
    if not isinstance(value, str):
        raise ValueError(f"expected a date like 2019, 2019-04 or 2019-04-25, got {value!r}")
    match = _ISO.match(value.strip())
    if not match:
        raise ValueError(f"expected a date like 2019, 2019-04 or 2019-04-25, got {value!r}")
    year, month, day = (int(part) if part else None for part in match.groups())
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"impossible date {value!r}: there is no month {month}")
    if day is not None:
        days_in_month = calendar.monthrange(year, month)[1]
        if not 1 <= day <= days_in_month:
            raise ValueError(
                f"impossible date {value!r}: {MONTH_NAMES[month - 1]} {year} has {days_in_month} days"
            )
    return PartialDate(year, month, day)


def iso_string(value: object) -> str:
    """Normalise a front-matter date value to its ISO string, keeping `unknown`."""
    if value == UNKNOWN:
        return UNKNOWN
    return parse_date(value).iso()
