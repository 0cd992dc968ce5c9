"""Find date expressions in text and resolve them against the publication date.

Reports describe the past, so a bare weekday or month means the latest one on
or before publication. Every date keeps the precision the words give it:
"April 2019" is a month, "four years ago" a year, "yesterday" a day. Stdlib
only: the phrases news copy uses are few, and a general parser finds dates in
words like "are" or "Do" (see INGEST-NOTES).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..dates import MONTH_NAMES, PartialDate

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTH_ALIASES = {name.lower(): index for index, name in enumerate(MONTH_NAMES, 1)}
_MONTH_ALIASES.update({name[:3].lower(): index for index, name in enumerate(MONTH_NAMES, 1)})
_MONTH_ALIASES["sept"] = 9
_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
}
_COUNT = r"(?P<count>\d{1,3}|" + "|".join(_NUMBER_WORDS) + r")"
_YEAR = r"(?P<year>(?:1[89]|20)\d{2})"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"


@dataclass(frozen=True)
class DateMention:
    """A date phrase found in a text: where it stands and what it means (None: unresolvable)."""

    start: int
    end: int
    phrase: str
    date: PartialDate | None


def _iso(match: re.Match, published: dt.date | None) -> PartialDate | None:
    return PartialDate(int(match["year"]), int(match["month"]), int(match["day"]))


def _month_number(match: re.Match) -> int:
    return _MONTH_ALIASES[match["month"].lower().rstrip(".")]


def _day_month_year(match: re.Match, published: dt.date | None) -> PartialDate | None:
    return _checked(int(match["year"]), _month_number(match), int(match["day"]))


def _month_year(match: re.Match, published: dt.date | None) -> PartialDate | None:
    return PartialDate(int(match["year"]), _month_number(match))


def _day_month(match: re.Match, published: dt.date | None) -> PartialDate | None:
    """'April 25' without a year: the latest such day on or before publication."""
    if published is None:
        return None
    month, day = _month_number(match), int(match["day"])
    year = published.year if (month, day) <= (published.month, published.day) else published.year - 1
    return _checked(year, month, day)


def _day_month_last_year(match: re.Match, published: dt.date | None) -> PartialDate | None:
    """'June 3 last year', '3 June last year': that day of the year before publication."""
    if published is None:
        return None
    month = _MONTH_ALIASES[(match["month"] or match["month2"]).lower().rstrip(".")]
    return _checked(published.year - 1, month, int(match["day"] or match["day2"]))


def _month_only(match: re.Match, published: dt.date | None, future: bool = False) -> PartialDate | None:
    """'in April': the latest April on or before publication (the next one in a sentence about the future)."""
    if published is None:
        return None
    month = _month_number(match)
    if future:
        return PartialDate(published.year if month > published.month else published.year + 1, month)
    return PartialDate(published.year if month <= published.month else published.year - 1, month)


def _year(match: re.Match, published: dt.date | None) -> PartialDate | None:
    return PartialDate(int(match["year"]))


def _checked(year: int, month: int, day: int) -> PartialDate | None:
    try:
        dt.date(year, month, day)
    except ValueError:
        return None
    return PartialDate(year, month, day)


def _day_word(match: re.Match, published: dt.date | None) -> PartialDate | None:
    if published is None:
        return None
    word = match["word"].lower()
    offset = {"yesterday": -1, "tomorrow": 1, "last night": -1}.get(word, 0)
    return _from_date(published + dt.timedelta(days=offset))


def _weekday(match: re.Match, published: dt.date | None, future: bool = False) -> PartialDate | None:
    """The latest such weekday on or before publication; 'last X' and 'next X' shift it."""
    if published is None:
        return None
    wanted = WEEKDAYS.index(match["weekday"])
    back = (published.weekday() - wanted) % 7
    modifier = (match["modifier"] or "").lower()
    if modifier == "last" and back == 0:
        back = 7
    if modifier == "next" or (future and modifier != "last" and back != 0):
        back = -((wanted - published.weekday()) % 7 or 7)
    return _from_date(published - dt.timedelta(days=back))


def _relative_period(match: re.Match, published: dt.date | None) -> PartialDate | None:
    """'last month', 'this year', 'next year': at month or year precision."""
    if published is None:
        return None
    shift = {"last": -1, "past": -1, "this": 0, "next": 1}[match["which"].lower()]
    if match["unit"].lower() == "year":
        return PartialDate(published.year + shift)
    months = published.year * 12 + published.month - 1 + shift
    return PartialDate(months // 12, months % 12 + 1)


def _week(match: re.Match, published: dt.date | None) -> PartialDate | None:
    """'earlier this week', 'last week': the days of that week up to publication, at the
    precision they share (a month, or only a year when the week spans two months)."""
    if published is None:
        return None
    monday = published - dt.timedelta(days=published.weekday())
    if match["which"].lower() in ("last", "past"):
        first, last = monday - dt.timedelta(days=7), monday - dt.timedelta(days=1)
    else:
        first, last = monday, published
    if (first.year, first.month) == (last.year, last.month):
        return PartialDate(first.year, first.month)
    return PartialDate(first.year) if first.year == last.year else None


def _weekend(match: re.Match, published: dt.date | None) -> PartialDate | None:
    """'over the weekend', 'last weekend': the latest Saturday and Sunday up to publication
    (the pair before this week's for 'last'; 'this weekend' said on a weekday is the next
    one), at the precision the two days share."""
    if published is None:
        return None
    which = (match["which"] or "").lower()
    saturday = published - dt.timedelta(days=(published.weekday() - 5) % 7)
    if which in ("last", "past") and published.weekday() >= 5:
        saturday -= dt.timedelta(days=7)
    if which == "this" and published.weekday() < 5:
        saturday += dt.timedelta(days=7)  # "this weekend", on a weekday: the one to come
        return _from_date(saturday)
    days = [day for day in (saturday, saturday + dt.timedelta(days=1)) if day <= published]
    if len(days) == 1:
        return _from_date(days[0])
    first, last = days
    if (first.year, first.month) == (last.year, last.month):
        return PartialDate(first.year, first.month)
    return PartialDate(first.year) if first.year == last.year else None


def _ago(match: re.Match, published: dt.date | None) -> PartialDate | None:
    """'four years ago' is a year, 'two months ago' a month, '3 days ago' a day."""
    if published is None:
        return None
    count = match["count"].lower()
    number = int(count) if count.isdigit() else _NUMBER_WORDS[count]
    unit = match["unit"].lower()
    if unit == "year":
        return PartialDate(published.year - number)
    if unit == "month":
        months = published.year * 12 + published.month - 1 - number
        return PartialDate(months // 12, months % 12 + 1)
    days = number * (7 if unit == "week" else 1)
    return _from_date(published - dt.timedelta(days=days))


def _from_date(day: dt.date) -> PartialDate:
    return PartialDate(day.year, day.month, day.day)


# Most specific first: a later pattern never takes text an earlier one matched.
_PATTERNS = [
    (re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b"), _iso),
    (re.compile(r"\b" + _DAY + r"\s+" + _MONTH + r",?\s+" + _YEAR + r"\b"), _day_month_year),
    (re.compile(r"\b" + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + r"\b"), _day_month_year),
    (re.compile(r"\b" + _MONTH + r",?\s+(?:of\s+)?" + _YEAR + r"\b"), _month_year),
    (re.compile(r"\b(?:" + _MONTH + r"\s+" + _DAY + r"|" + _DAY.replace("day>", "day2>") + r"\s+(?:of\s+)?"
                + _MONTH.replace("month>", "month2>") + r")\s+last\s+year\b"), _day_month_last_year),
    (re.compile(r"\b" + _MONTH + r"\s+" + _DAY + r"\b(?![,.]?\d)"), _day_month),
    (re.compile(r"\b" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r"\b"), _day_month),
    # not a name a month's letters begin: "of Mar-a-Lago"
    (re.compile(r"\b(?i:in|since|until|by|last|early|late|mid-|this|during|from|of)\s*" + _MONTH + r"\b(?!-\w)"), _month_only),
    (re.compile(r"\b(?P<word>[Yy]esterday|[Tt]oday|[Tt]onight|[Tt]omorrow|[Ll]ast night|[Tt]his morning|[Tt]his afternoon|[Tt]his evening|"
                r"[Tt]his lunchtime|(?:a few|several|\d{1,2}|two|three|four|five|ten|twenty|thirty|forty)\s+(?:minutes|hours)\s+ago|"
                r"an hour ago|(?:just\s+)?moments? ago)\b"), _day_word),
    (re.compile(r"(?:\b(?P<modifier>[Ll]ast|[Nn]ext|[Tt]his|[Oo]n)\s+)?\b(?P<weekday>" + "|".join(WEEKDAYS) + r")\b"), _weekday),
    (re.compile(r"\b(?P<which>[Ll]ast|[Pp]ast|[Tt]his|[Nn]ext)\s+(?P<unit>year|month)\b"), _relative_period),
    (re.compile(r"\b(?:(?:[Ee]arlier|[Ll]ater)\s+)?(?P<which>[Ll]ast|[Pp]ast|[Tt]his)\s+week\b"), _week),
    (re.compile(r"\b(?:(?P<which>[Ll]ast|[Pp]ast|[Tt]his)|(?:[Oo]ver|[Aa]t|[Dd]uring|[Oo]n)\s+the)\s+weekend\b"), _weekend),
    (re.compile(r"\b" + _COUNT + r"\s+(?P<unit>year|month|week|day)s?\s+ago\b", re.IGNORECASE), _ago),
    (re.compile(r"(?<![\d,.$€£¥-])\b" + _YEAR + r"\b(?![\d%]|[.,]\d|-\d|\s*(?:percent|per cent))"), _year),
]


# "plans to" as a verb, not "the plan to MPs" (a noun): "set out the plan to MPs on Tuesday" is past
_FUTURE = re.compile(r"\b(?:will|shall|is (?:due|expected|set|scheduled|going) to|are (?:due|expected|set|scheduled|going) to|"
                     r"(?<!\bthe )(?<!\ba )(?<!\bits )(?<!\bhis )(?<!\bher )(?<!\btheir )plans? to)\b")
_CLAUSE_END = re.compile(r"[,;:()—–]|[.!?](?:\s|$)")
_SAYING = re.compile(r"\b(?:said|says|told|tells|announced|announces|stated|declared|reported|confirmed|added|wrote|"
                     r"noted|explained|warned|tweeted|posted|revealed|disclosed|insisted|argued|claimed)"
                     r"(?:\s+[\w’'-]+){0,3}\s*$")


# "the line that closed on Monday will reopen": a past verb right before the date keeps it past
_PAST_VERB = re.compile(r"\b(?:\w{3,}ed|began|came|met|went|took|made|rose|fell|spoke|held|left|won|lost|broke|"
                        r"shut|set|ran|saw|gave|began|was|were)(?:\s+(?:[a-z]+ly|again|first|last|late|early))?\s*$")


# "said she would table a motion in March": a future as seen from the saying, which is recent
_REPORTED_FUTURE = re.compile(r"\b(?:said|says|told|announced|promised|pledged|vowed|warned|hoped|expects?|expected|"
                              r"added|insisted|confirmed)\b.*\bwould\b")


def _clause(text: str, start: int, end: int) -> str:
    """The clause a date phrase stands in: between the nearest commas, colons,
    dashes, brackets or sentence ends around it."""
    left = max((m.end() for m in _CLAUSE_END.finditer(text, 0, start)), default=0)
    right = _CLAUSE_END.search(text, end)
    return text[left: right.start() if right else len(text)]


def _is_future(text: str, start: int, end: int) -> bool:
    """A weekday or month reads forward only in a clause about the future, and never
    as the day of a saying ("…will run, it said on Thursday": Thursday is past)."""
    past = _PAST_VERB.search(text[:start])
    if past and (re.search(r"\b(?:be|been|being|will|would|to|shall)\s+$", text[: past.start()])
                 or re.match(r"(?:scheduled|planned|expected|slated|timed|booked|fixed)\b", past.group(0))):
        past = None  # "will be closed on Monday" is a future passive
    if _SAYING.search(text[:start]) or past:
        return False
    clause = _clause(text, start, end)
    return bool(_FUTURE.search(clause) or _REPORTED_FUTURE.search(clause))


def find_dates(text: str, published: dt.date | None) -> list[DateMention]:
    """Every date phrase in the text, in order, resolved against the publication date.
    A bare weekday or month in a clause about the future ("will vote in January") is the next one."""
    taken: list[tuple[int, int]] = []
    mentions: list[DateMention] = []
    for pattern, resolve in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < other_end and other_start < end for other_start, other_end in taken):
                continue
            taken.append((start, end))
            if resolve in (_month_only, _weekday):
                date = resolve(match, published, _is_future(text, start, end))
            else:
                date = resolve(match, published)
            mentions.append(DateMention(start, end, match.group(0), date))
    return sorted(mentions, key=lambda mention: mention.start)


def parse_published(value: str | None) -> dt.date | None:
    """The --published value as a date; ValueError names what was expected."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"--published: expected a date like 2023-09-14, got {value!r}") from None
