"""Events for the timeline: sentences that date what they report to a month or a day.

A year alone ("in 2022") dates a figure, not an event, so it is left out; words
inside quotes never date an event.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..dates import PartialDate
from .dates import find_dates
from .quotes import find_spans, is_heading, mask, sentences


_DEADLINE = re.compile(r"(?:by|until|till|before)\b", re.IGNORECASE)  # "ready by October" did not happen in October


@dataclass(frozen=True)
class FoundEvent:
    title: str
    date: PartialDate
    paragraph: int
    sentence: str


def find_events(paragraphs: list[str], published: dt.date | None) -> list[FoundEvent]:
    """One event per sentence that names a month or a day outside its quotes (not a deadline)."""
    events = []
    for number, paragraph in enumerate(paragraphs, 1):
        if is_heading(paragraph) or paragraph.startswith(("<", "&lt;")):
            continue
        masked = mask(paragraph, find_spans(paragraph))
        for start, end in sentences(masked):
            dates = [m.date for m in find_dates(masked[start:end], published)
                     if m.date is not None and m.date.precision != "year" and not _DEADLINE.match(m.phrase)]
            if dates:
                sentence = paragraph[start:end].strip()
                events.append(FoundEvent(_title(sentence), dates[0], number, sentence))
    return events


def _title(sentence: str, limit: int = 90) -> str:
    text = re.sub(r"\s+", " ", sentence).rstrip(".")
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"
