"""When words were said: a date only from the attribution's own clause, else unknown.

"said on Thursday", "Last night, a spokesperson said:", "In late March, Dr Fauci estimated",
"in an interview on Wednesday, Putin said" date the saying. A date elsewhere in the sentence
does not: in the reported clause ("said a man came in on Tuesday"), in a relative clause
("who ran for the seat in 2012"), of another event ("the sky went dark yesterday"), a future
event ("before Thursday's vote"), or inside the quote (masked before this is called).
Everything here works on a masked sentence: quotes blanked out, same length.
"""

from __future__ import annotations

import datetime as dt
import re

from ..dates import PartialDate
from .dates import find_dates

# words that open another clause: a date past one of them belongs to that clause
_CLAUSE_WORD = re.compile(r"\b(?:that|who|whom|which|whose|when|where|because|after|before|since|until|while|if|"
                          r"how|what|whether|though|although|once|unless)\b|[;:_()—–]", re.IGNORECASE)
_RELATIVE = re.compile(r",\s*(?:who|which|whose|where)\b[^,]*,")  # ", who has led one rebellion,"
_APPOSITION = re.compile(r",\s*(?:an?|the|his|her|their)\s[^,]*,")  # ", a spokesperson for the council,"
_SPAN_WORD = re.compile(r"\b(?:since|until|till|from|before|by|for|after|ahead of)\s+$", re.IGNORECASE)
_MAX_AFTER = 4   # "said in a statement on Monday": a few words between the verb and its date
_MAX_BEFORE = 9  # "On Monday, the city's mayor Ana Ruiz said"


def usable_dates(masked: str, published: dt.date | None):
    """Date mentions of a masked sentence that can date a saying: resolved, not after
    publication (words are said before they are printed), not a span or deadline
    ("since 1998", "by October"), not an event named by its day ("Thursday's vote")."""
    for mention in find_dates(masked, published):
        if mention.date is None or (published is not None and mention.date.first_day() > published):
            continue
        if _SPAN_WORD.search(masked[: mention.start]) or re.match(r"(?:since|until|till|from|before|by|for)\b",
                                                                   mention.phrase, re.IGNORECASE):
            continue
        if re.match(r"[’']s\b", masked[mention.end:]):
            continue
        if mention.phrase in ("Today", "Tonight") and masked[: mention.start].strip():
            continue  # "NBC News' Today show": a programme's name
        if re.search(r"\b(?:was|were|been|is)\s+(?:learned|learnt|reported|revealed|disclosed)\s*$", masked[: mention.start]):
            continue  # "it was learned Tuesday": when the news came out, not when anyone spoke
        yield mention


def clause_date(masked: str, verb_start: int, verb_end: int, published: dt.date | None) -> PartialDate | None:
    """The date in the clause of the speech verb at [verb_start, verb_end), or None."""
    for mention in usable_dates(masked, published):
        if verb_start <= mention.start < verb_end:
            return mention.date  # inside the attribution: "according to a report published last month"
        if mention.start >= verb_end and _attached_after(masked[verb_end: mention.start]):
            return mention.date
        if mention.end <= verb_start and _attached_before(masked, mention.start, mention.end, verb_start):
            return mention.date
    return None


def _attached_after(between: str) -> bool:
    """"said on Monday", "told reporters on Monday", "said in a statement last night",
    "according to a report by the audit office published last month"."""
    if re.fullmatch(r"\s*(?:an?|the|its|their)\s[^,;:_()]*?\b(?:published|released|issued|posted|sent)\s*", between):
        return True
    return len(between.split()) <= _MAX_AFTER and not _CLAUSE_WORD.search(between) and "," not in between


def _attached_before(masked: str, start: int, end: int, verb_start: int) -> bool:
    """"On Monday, X said", "X on Monday said", "In late March, Dr Fauci estimated",
    "Last night, X, who chairs the committee, urged": nothing but the subject between."""
    between = _APPOSITION.sub(" ", _RELATIVE.sub(" ", masked[end:verb_start] + " "))
    if _CLAUSE_WORD.search(between) or len(between.split()) > _MAX_BEFORE:
        return False
    if between.count(",") > 1:
        return False
    clause_start = max((m.end() for m in re.finditer(r"[,;:.!?]|\b(?:but|and|while)\b", masked[:start])), default=0)
    prefix = masked[clause_start:start]
    return len(prefix.split()) <= 8 and not _CLAUSE_WORD.search(prefix)


# a person's speech act that dates the quotes after it: "Biden joined growing calls on Thursday"
SPEECH_ACT = re.compile(r"\b(?:said|says|told|spoke|speaking|announced|indicated|stressed|urged|called|joined\s+(?:\w+\s+)?calls|"
                        r"welcomed|praised|critici[sz]ed|condemned|hailed|defended|dismissed|rejected|accused|thanked|"
                        r"addressed|testified|appeared|wrote|tweeted|posted|insisted|argued|warned|estimated|predicted|"
                        r"declared|revealed|added|explained|noted|claimed|replied|responded)\b")


def reported_speech_day(paragraphs: list[str], published: dt.date | None) -> PartialDate | None:
    """The day of the occasion the article reports: the day its first sentence gives
    ("The council voted on Tuesday", "Lanterns lit up the harbour on Saturday"), or the
    first dated speech of the lede ("in an interview on Wednesday, Putin said"). Words
    said there, undated in their own sentence, were said that day. A date the first
    sentence reports someone saying ("the owner said a man came in on Tuesday") is not it."""
    from .attribution import speech_events
    from .quotes import find_spans, is_heading, mask, sentences

    body = [paragraph for paragraph in paragraphs if not is_heading(paragraph)]
    for number, paragraph in enumerate(body[:4]):
        masked = mask(paragraph, find_spans(paragraph))
        for index, (start, end) in enumerate(sentences(masked)):
            sentence = masked[start:end]
            events = speech_events(sentence)
            for event in events if "_" in sentence else ():  # a speech the lede quotes, not one it reports
                date = clause_date(sentence, event.start, event.end, published)
                if date is not None and date.precision == "day":
                    return date
            if number == 0 and index == 0:
                first = next(iter(usable_dates(sentence, published)), None)
                if first is not None and first.date.precision == "day" and not any(e.end <= first.start for e in events):
                    return first.date
    return None


_OCCASION_NOUN = (r"meeting|hearing|session|debate|conference|rally|briefing|interview|speech|ceremony|summit|forum|"
                  r"trial|inquiry|address|vigil|protest|town hall")


def occasion_dates(masked: str, published: dt.date | None) -> dict[str, PartialDate]:
    """Occasions the text dates: "at Tuesday night's meeting", "the hearing on Monday" -> {noun: date}."""
    found = {}
    for mention in find_dates(masked, published):
        if mention.date is None or (published is not None and mention.date.first_day() > published):
            continue
        after = re.match(r"(?:\s+(?:night|morning|afternoon|evening))?[’']s\s+(?:[\w-]+\s+){0,2}?(" + _OCCASION_NOUN + r")\b",
                         masked[mention.end:])
        before = re.search(r"\b(" + _OCCASION_NOUN + r")\s+(?:on|last|this|held)\s*$", masked[: mention.start])
        if after or before:
            found[(after or before).group(1)] = mention.date
    return found


def occasion_date(masked: str, occasions: dict[str, PartialDate]) -> PartialDate | None:
    """The date of an occasion a sentence refers back to ("said someone at the meeting")."""
    for match in re.finditer(r"\b(?:the|that|this)\s+(?:[\w-]+\s+){0,2}?(" + _OCCASION_NOUN + r")\b", masked):
        if match.group(1) in occasions:
            return occasions[match.group(1)]
    return None
