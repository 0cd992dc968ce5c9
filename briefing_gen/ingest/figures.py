"""Numeric figures: a number with its unit and the date it holds for.

"from 1.7 million in 2022 to an expected 2.5 million shells this year" gives
two figures in shells, as of 2022 and of this year; "up to 60,000 shots per
day" gives shots per day; "in its 19th month" gives 19 months. Numbers that
are dates, years, list markers or parts of names are not figures.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..dates import PartialDate
from .dates import find_dates

_SCALE = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1_000_000_000_000,
          "bn": 1_000_000_000, "m": 1_000_000}
_CURRENCY = {"$": "US dollars", "€": "euros", "£": "pounds", "¥": "yen"}
_NUMBER = re.compile(
    r"(?<![\w.,/-])(?P<currency>[$€£¥])?(?P<number>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
    r"(?:\s*(?P<scale>thousand|million|billion|trillion|bn|m)\b)?(?P<percent>\s*(?:%|percent\b|per cent\b))?"
    r"(?P<ordinal>st|nd|rd|th)?(?![\w-]*\d)"
)
_UNIT_STOP = {"in", "to", "of", "from", "for", "and", "or", "the", "a", "an", "this", "that", "on", "at", "by", "with",
              "was", "is", "were", "are", "be", "been", "as", "than", "since", "until", "after", "before", "into",
              "over", "under", "more", "less", "each", "its", "his", "her", "their", "who", "which", "while", "when",
              "ago", "later", "earlier", "old", "long"}
_NOT_UNITS = {"am", "pm", "a", "p", "gmt", "utc", "o", "percentile", "th", "st", "nd", "rd"}
_MEASURE_WORDS = {"cubic", "square", "metric", "nautical", "light", "short", "long", "barrels", "kilowatt", "megawatt"}
_LEAD_STOP = {"from", "to", "up", "an", "a", "the", "expected", "of", "about", "nearly", "some", "around", "almost",
              "over", "more", "than", "by", "at", "has", "have", "had", "with", "for", "in", "its", "estimated", "roughly"}


@dataclass(frozen=True)
class FoundFigure:
    label: str
    value: float | int
    unit: str
    as_of: PartialDate | None
    paragraph: int
    sentence: str


def find_figures(paragraph: str, number: int, published: dt.date | None, fallback: PartialDate | None) -> list[FoundFigure]:
    """Every figure with a unit in a paragraph; a number without one borrows it from
    the number it is paired with ("from X … to Y shells")."""
    if re.match(r"\d{1,2}[).]\s", paragraph) or paragraph.startswith("#"):
        return []
    found: list[FoundFigure] = []
    for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z“\"])", paragraph):
        dates = find_dates(sentence, published)
        matches = [m for m in _NUMBER.finditer(sentence) if not any(d.start <= m.start() < d.end for d in dates)]
        units = [_unit(sentence, match) for match in matches]
        for index, match in enumerate(matches):
            unit = units[index] or _paired_unit(sentence, matches, units, index)
            if not unit:
                continue
            as_of = _as_of(match, matches[index + 1].start() if index + 1 < len(matches) else len(sentence), dates) or fallback
            floor = max([_unit_end(sentence, matches[index - 1], units[index - 1]) if index else 0]
                        + [d.end for d in dates if d.end <= match.start()])
            label = _label(sentence, match, unit, floor) or (found[-1].label if found and found[-1].sentence == sentence and found[-1].unit == unit else unit)
            label = label[0].upper() + label[1:]
            found.append(FoundFigure(label, _value(match), unit, as_of, number, sentence))
    return found


def _value(match: re.Match) -> float | int:
    value = float(match["number"].replace(",", ""))
    value *= _SCALE.get(match["scale"] or "", 1)
    return int(value) if value == int(value) else value


def _unit(sentence: str, match: re.Match) -> str:
    if match["percent"]:
        return "percent"
    if match["currency"]:
        return _CURRENCY[match["currency"]]
    words = []
    for word in re.findall(r"[A-Za-z’'-]+|\S", sentence[match.end():])[:4]:
        if word == "per" or (words and words[-1] == "per"):
            words.append(word)
            continue
        if not re.fullmatch(r"[a-z][a-z-]*", word) or word in _UNIT_STOP or (words and words[-1] not in _MEASURE_WORDS):
            break
        words.append(word)
    if words and words[-1] == "per":
        words.pop()
    unit = " ".join(words)
    if unit in _NOT_UNITS:
        return ""
    if match["ordinal"] and unit:
        unit = unit if unit.endswith("s") else unit + "s"
    return unit


def _unit_end(sentence: str, match: re.Match, unit: str) -> int:
    """Where a number's unit words end, so the next label does not start with them."""
    end = match.end()
    if unit and not match["currency"] and not match["percent"]:
        found = re.match(r"\s*" + r"\s+".join(map(re.escape, unit.split())), sentence[end:])
        if found:
            return end + found.end()
    return end


def _paired_unit(sentence: str, matches: list[re.Match], units: list[str], index: int) -> str:
    """'from 1.7 million … to 2.5 million shells': the first number takes the second's unit."""
    if index + 1 < len(matches) and units[index + 1]:
        between = sentence[matches[index].end(): matches[index + 1].start()]
        if re.search(r"\bto\b", between) and re.search(r"\bfrom\b", sentence[: matches[index].start()][-40:]) \
                and (matches[index]["scale"] == matches[index + 1]["scale"]):
            return units[index + 1]
    return ""


def _as_of(match: re.Match, limit: int, dates) -> PartialDate | None:
    """The date written between this number and the next one, else the last one before it."""
    after = [d for d in dates if match.end() <= d.start < limit and d.date is not None]
    if after:
        return after[0].date
    before = [d for d in dates if d.end <= match.start() and d.date is not None]
    return before[-1].date if before else None


_CONJUNCTION = re.compile(r"\b(?:and|but|while|whereas|as|which|who|that|when|after|before|because|so)\b")
_VERBISH = re.compile(r"^(?:will|would|could|can|may|might|shall|should|must|has|have|had|is|are|was|were|did|does|"
                      r"took|made|rose|fell|spent|cost|costs|grew|paid|sold|won|lost|got|gave|ran|runs|carries|"
                      r"needs|needed|wants|plans|expects|\w+ed)$", re.IGNORECASE)
_SAYING = re.compile(r"\b(?:said|says|told\s+\w+|added|announced|reported|stated|estimated|estimates)\b(?:\s+that\b)?")
_DETERMINERS = {"the", "a", "an", "its", "their", "this", "that", "these", "those", "he", "she", "it", "they", "we",
                "i", "you", "his", "her", "our", "my", "your", "some", "many", "most", "all", "each", "every"}
_MODAL = {"will", "would", "could", "can", "may", "might", "shall", "should", "must"}


def _label(sentence: str, match: re.Match, unit: str, floor: int) -> str:
    """A short label: the words of the clause leading up to the number (not past an
    earlier number, its unit or a date), with its unit; a clause that starts at "and"
    borrows the subject of the one before ("The ferry will cost 12 euros and carry
    3,000 passengers" labels the second "ferry will carry"). Empty when nothing leads up."""
    lead = _SAYING.split(re.split(r"[,;:()–—]", sentence[floor: match.start()])[-1])[-1].lstrip("-*• ")
    pieces = _CONJUNCTION.split(lead)
    words = _content_words(pieces[-1])
    first = (re.findall(r"[\w’'-]+", pieces[-1]) or [""])[0]
    if len(pieces) > 1 and words and first.islower() and first not in _DETERMINERS:  # "… and carry 3,000"
        words = _subject(re.split(r"[,;:()–—]", sentence[: match.start()])[-1]) + words
    context = " ".join(words)
    return f"{context}: {unit}" if context else ""


def _content_words(text: str) -> list[str]:
    words = [word for word in re.findall(r"[\w’'-]+", text)[-8:] if not word.isdigit()]
    while words and words[0].lower() in _LEAD_STOP | _DETERMINERS | {"but", "and", "with", "while", "as"}:
        words.pop(0)
    while words and words[-1].lower() in _LEAD_STOP:
        words.pop()
    return words


def _subject(clause: str) -> list[str]:
    """The words before a clause's first verb (with a modal kept): "The new ferry will"."""
    words = re.findall(r"[\w’'-]+", _SAYING.split(clause)[-1])
    if words and words[0].lower() in ("who", "which", "that", "whose", "where"):
        return []  # a relative clause has its subject outside it
    while words and words[0].lower() in _DETERMINERS:
        words.pop(0)
    subject = []
    for word in words[:5]:
        if _VERBISH.match(word):
            return subject + [word] if subject and word.lower() in _MODAL else subject
        subject.append(word)
    return []
