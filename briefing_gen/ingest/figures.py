"""Numeric figures: a number, the thing it counts, what it counts, and the date it holds for.

"from 1.7 million in 2022 to an expected 2.5 million shells this year" gives two
figures in shells, as of 2022 and of this year; "more than 12,500 cameras in
Broward County schools" gives cameras, labelled "Cameras in Broward County
schools". A figure is written only when all three parts are there: a number
that is not a date, a list marker, a name part ("Prop. 13") or inside a quote;
a unit that names what is counted (a noun, a measure, a currency or a percent,
never a verb such as "have" or an adjective such as "local"); and a label that
says what the figure is about. Anything less is left out, not guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..dates import PartialDate
from .dates import find_dates
from .quotes import find_spans

_SCALE = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1_000_000_000_000,
          "bn": 1_000_000_000, "m": 1_000_000}
_CURRENCY = {"$": "US dollars", "€": "euros", "£": "pounds", "¥": "yen"}
_NUMBER = re.compile(
    r"(?<![\w.,/-])(?P<currency>[$€£¥])?(?P<number>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
    r"(?:\s*(?P<scale>thousand|million|billion|trillion|bn|m)\b)?(?P<percent>\s*(?:%|percent\b|per cent\b))?"
    r"(?P<ordinal>st|nd|rd|th)?(?![\w-]*\d)"
)
_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*")
_UNIT_STOP = {"in", "to", "of", "from", "for", "and", "or", "the", "a", "an", "this", "that", "on", "at", "by", "with",
              "was", "is", "were", "are", "be", "been", "as", "than", "since", "until", "after", "before", "into",
              "over", "under", "more", "less", "each", "its", "his", "her", "their", "who", "which", "while", "when",
              "ago", "later", "earlier", "old", "long", "have", "has", "had", "will", "would", "could", "can", "may",
              "might", "should", "must", "did", "do", "does", "per", "among", "across", "between", "about", "some"}
# Words a unit may be made of without the usual plural -s: irregular plurals and measures.
_COUNTED = {"people", "children", "men", "women", "staff", "police", "personnel", "cattle", "sheep", "fish", "feet",
            "teeth", "mice", "geese", "aircraft", "livestock", "data", "media", "crew", "troops", "euros"}
_MEASURES = {"km", "kilometre", "kilometer", "mile", "metre", "meter", "mm", "cm", "kg", "kilogram", "gram", "tonne",
             "ton", "acre", "hectare", "litre", "liter", "gallon", "barrel", "degree", "mph", "foot", "inch", "yard",
             "percent", "watt", "kilowatt", "megawatt", "gigawatt", "kilowatt-hour", "megawatt-hour",
             "gigawatt-hour", "terawatt-hour", "volt", "calorie", "ounce", "pound", "dollar", "euro", "yen", "yuan",
             "rupee", "won", "rouble", "ruble", "franc", "crown", "peso", "hour", "minute", "second", "day", "week",
             "month", "year", "decade", "century", "bps", "mw", "gw", "gwh", "mwh", "kwh"}
_MEASURE_ADJECTIVES = {"sq", "square", "cubic", "metric", "nautical", "light", "short", "long"}
_NOT_NOUNS = {"is", "was", "has", "does", "goes", "says", "makes", "takes", "gives", "proves", "shows", "means",
              "comes", "seems", "remains", "becomes", "includes", "looks", "needs", "wants", "gets", "keeps", "runs",
              "this", "its", "his", "hers", "ours", "yours", "theirs", "us", "as", "thus", "plus", "less", "unless",
              "across", "always", "perhaps", "towards", "afterwards", "sometimes", "whereas", "besides", "news",
              "series", "species", "basis", "crisis", "analysis", "bus", "gas", "status", "campus", "virus", "times"}
_LEAD_STOP = {"from", "to", "up", "an", "a", "the", "expected", "of", "about", "nearly", "some", "around", "almost",
              "over", "more", "than", "by", "at", "has", "have", "had", "with", "for", "in", "its", "estimated",
              "roughly", "just", "only", "now", "there", "are", "is", "were", "was", "be", "been", "another"}
_DETERMINERS = {"the", "a", "an", "its", "their", "this", "that", "these", "those", "he", "she", "it", "they", "we",
                "i", "you", "his", "her", "our", "my", "your", "some", "many", "most", "all", "each", "every",
                "whom", "which", "who", "what", "them", "him", "me", "us", "one"}
_MODAL = {"will", "would", "could", "can", "may", "might", "shall", "should", "must"}
_AUXILIARY = _MODAL | {"has", "have", "had", "is", "are", "was", "were", "be", "been", "being", "did", "does", "do",
                       "get", "got", "there", "now", "also", "already", "still", "just", "only", "then", "not"}
_CONJUNCTION = re.compile(r"\b(?:and|but|or|while|whereas|as|which|who|that|when|after|before|because|so|whom)\b")
_COORDINATION = {"and", "but", "or"}
_ARTICLES = {"the", "a", "an", "each", "every", "this", "that", "these", "those"}
_NUMBER_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozen", "hundreds",
                 "thousands", "millions", "half", "third", "quarter"}
_NOT_NAMING = {"no", "not", "any", "none", "inside", "outside", "worth", "longer", "total", "whole", "part", "number", "lot", "meantime", "meanwhile", "least", "most"}
_VERBISH = re.compile(r"^(?:will|would|could|can|may|might|shall|should|must|has|have|had|is|are|was|were|did|does|"
                      r"took|made|rose|fell|spent|cost|costs|grew|paid|sold|won|lost|got|gave|ran|runs|carries|"
                      r"needs|needed|wants|plans|expects|slid|hit|set|put|cut|saw|see|sees|bring|brings|reach|"
                      r"reached|reaches|\w+ed)$", re.IGNORECASE)
_SAYING = re.compile(r"\b(?:said|says|told\s+\w+|added|announced|reported|stated|estimated|estimates|reveals|"
                     r"revealed|shows|showed|found|finds|suggests|suggested|according\s+to\s+[^,]*)\b(?:\s+that\b)?")
_QUALIFIER_START = {"in", "at", "on", "across", "for", "of", "from", "among", "inside", "within", "worldwide",
                    "nationwide", "globally"}
_QUALIFIER_STOP = {"and", "or", "but", "which", "who", "that", "while", "when", "since", "because", "as", "than",
                   "after", "before", "by", "to", "with", "if", "where", "whereas", "although", "though", "including"}
_IRREGULAR_PARTICIPLES = ("lost|stolen|found|taken|seen|sold|made|built|given|held|kept|spent|paid|won|hit|hurt|shot|"
                          "born|done|left|set|put|cut|brought|bought|caught|sent|told|written|driven|known|shown|"
                          "grown|thrown|drawn|flown|chosen|broken|spoken|beaten|eaten|hidden|struck|sunk|shut|spread")
_PASSIVE = re.compile(r"\s+(?:have|has|had|were|was|are|is)\s+(?:been\s+)?(?:\w+ly\s+)?"
                      rf"(?P<verb>[a-z]+ed|{_IRREGULAR_PARTICIPLES})\b")
_TIME_UNITS = {"seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades", "centuries"}


@dataclass(frozen=True)
class FoundFigure:
    label: str
    value: float | int
    unit: str
    as_of: PartialDate | None
    paragraph: int
    sentence: str


def find_figures(paragraph: str, number: int, published: dt.date | None, fallback: PartialDate | None) -> list[FoundFigure]:
    """Every complete figure in a paragraph; a number without a unit borrows it from the
    number it is paired with ("from X … to Y shells")."""
    if re.match(r"\d{1,2}[).]\s", paragraph) or paragraph.startswith("#"):
        return []
    quoted = [(span.start, span.end) for span in find_spans(paragraph)]
    found: list[FoundFigure] = []
    offset = 0
    for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z“\"])", paragraph):
        offset = paragraph.index(sentence, offset)
        dates = find_dates(sentence, published)
        matches = [m for m in _NUMBER.finditer(sentence)
                   if not any(d.start <= m.start() < d.end for d in dates)
                   and not _is_name_part(sentence, m) and not _is_attributive(sentence, m)]
        units = [_unit(sentence, match) for match in matches]
        for index, match in enumerate(matches):
            if any(start <= offset + match.start() < end for start, end in quoted):
                continue  # a number in a quote is the speaker's, and its quote record carries it
            unit = units[index] or _paired_unit(sentence, matches, units, index)
            if not unit or _is_time_reference(sentence, match, unit) or _in_range(sentence, matches, index):
                continue
            as_of = _as_of(match, matches[index + 1].start() if index + 1 < len(matches) else len(sentence), dates) or fallback
            floor = max([_unit_end(sentence, matches[index - 1], units[index - 1]) if index else 0]
                        + [d.end for d in dates if d.end <= match.start()])
            label = _label(sentence, match, unit, floor)
            paired = index and (_listed_after(sentence, matches[index - 1], units[index - 1], match)
                                or _paired_unit(sentence, matches, units, index - 1) == unit)
            if not label and paired and found and found[-1].sentence == sentence:
                label = found[-1].label.split(": ")[0] + f": {unit}"  # "1.6 million cases and 97,000 deaths"
            if label:
                found.append(FoundFigure(label[0].upper() + label[1:], _value(match), unit, as_of, number, sentence))
    return found


def _in_range(sentence: str, matches: list[re.Match], index: int) -> bool:
    """Either end of a range ("between 8 and 20 percent", "8 to 20 percent of it"): neither
    number is the figure, and a record of one would state what the text does not."""
    match = matches[index]
    before, after = sentence[: match.start()], sentence[match.end():]
    if index + 1 < len(matches) and re.fullmatch(r"\s*(?:and|to|-|–)\s*", sentence[match.end(): matches[index + 1].start()]):
        return bool(re.search(r"\bbetween\s+$", before)) or bool(re.match(r"\s*(?:-|–)\s*$", sentence[match.end(): matches[index + 1].start()]))
    if index and re.fullmatch(r"\s*(?:and|-|–)\s*", sentence[matches[index - 1].end(): match.start()]):
        return bool(re.search(r"\bbetween\s+\S+\s*(?:and|-|–)\s*$", before)) or "and" not in sentence[matches[index - 1].end(): match.start()]
    return False


def _is_time_reference(sentence: str, match: re.Match, unit: str) -> bool:
    """"12 days earlier", "the last 15 years": a span of time that places something, not a figure."""
    if unit not in _TIME_UNITS:
        return False
    after = sentence[_unit_end(sentence, match, unit):]
    before = sentence[: match.start()]
    return bool(re.match(r"\s*(?:ago|earlier|later|before|after|on|since)\b", after)
                or re.search(r"\b(?:last|past|next|previous|first|recent|coming)\s+$", before))


def _listed_after(sentence: str, previous: re.Match, previous_unit: str, match: re.Match) -> bool:
    """True when only "and" (or a comma) stands between the previous figure and this one."""
    between = sentence[_unit_end(sentence, previous, previous_unit): match.start()]
    return bool(re.fullmatch(r"\s*(?:,|,?\s*and)\s+(?:about|some|nearly|around|almost|over)?\s*", between))


def _is_attributive(sentence: str, match: re.Match) -> bool:
    """"a 22mm gap", "the £2,000 job": a number inside a noun phrase it only describes."""
    if re.search(r"\b(?:a|an)\s+$", sentence[: match.start()], re.IGNORECASE):
        return True
    following = re.match(r"\s*([a-z]+)\b", sentence[match.end():])
    word = following.group(1) if following else ""
    return bool(match["currency"] and word and word not in _UNIT_STOP and not _is_counted(word, False)
                and word not in {"last", "next", "annually", "apiece", "ago", "now", "so", "yet", "then"}
                and not word.endswith("ly"))


def _is_name_part(sentence: str, match: re.Match) -> bool:
    """"Prop. 13", "Flight 370", "Route 66": a number right after a capitalised word
    (not the sentence's first) names something rather than counting it."""
    if match["currency"] or match["percent"]:
        return False
    before = sentence[: match.start()]
    previous = re.search(r"([A-Z][\w’'-]*)\.?\s+$", before)
    return bool(previous) and before.strip() != previous.group(0).strip() and previous.group(1).lower() not in _DETERMINERS


def _value(match: re.Match) -> float | int:
    value = float(match["number"].replace(",", ""))
    value *= _SCALE.get(match["scale"] or "", 1)
    return int(value) if value == int(value) else value


def _unit(sentence: str, match: re.Match) -> str:
    """The thing counted, from the words after the number, up to and including its
    head noun: "6,000 surgical masks" -> "surgical masks"; "" when no noun heads it."""
    if match["percent"]:
        return "percent"
    if match["currency"]:
        return _CURRENCY[match["currency"]]
    words = [word for word in re.findall(r"[A-Za-z’'-]+|\S", sentence[match.end():])[:6]]
    candidate: list[str] = []
    for word in words:
        if not re.fullmatch(r"[a-z][a-z-]*|[A-Z][a-z]+(?:ans|ers)", word) or word in _UNIT_STOP:
            break
        candidate.append(word)
        if len(candidate) == 3:
            break
    head = next((i for i, word in enumerate(candidate) if _is_counted(word, bool(match["ordinal"]))), -1)
    if head < 0:
        return ""
    while head + 1 < len(candidate) and candidate[head] in _MEASURE_ADJECTIVES | _MEASURES \
            and _is_counted(candidate[head + 1], False):
        head += 1  # "kilowatt hours"
    unit_words = candidate[: head + 1]
    rest = words[len(unit_words):]
    if rest[:1] == ["per"] and len(rest) > 1 and re.fullmatch(r"[a-z]+", rest[1]):
        unit_words += ["per", rest[1]]
    unit = " ".join(unit_words)
    if match["ordinal"] and not unit.endswith("s"):
        unit += "s"  # "in its 19th month": the 19th of them, so 19 months
    return unit


def _is_counted(word: str, ordinal: bool) -> bool:
    """A word that can name what a number counts: a plural noun, an irregular plural or a measure."""
    if word in _MEASURE_ADJECTIVES:
        return False
    if word[:1].isupper():
        return word.endswith(("ans", "ers", "ians")) and word not in _NOT_NOUNS  # "Americans", "New Yorkers"
    if word in _COUNTED or word in _MEASURES or word.rstrip("s") in _MEASURES:
        return True
    if ordinal:
        return bool(re.fullmatch(r"[a-z]{3,}", word)) and word not in _NOT_NOUNS
    return (len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ous"))
            and word not in _NOT_NOUNS)


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


def _label(sentence: str, match: re.Match, unit: str, floor: int) -> str:
    """What the figure counts. The unit with the phrase that narrows it ("cameras in
    Broward County schools", "surgical masks lost at a hospital in Kobe") when one
    follows; else the clause leading up to the number with its unit ("Coal
    generation slid: percent"), if that clause names something. Empty otherwise."""
    after = sentence[_unit_end(sentence, match, unit):]
    narrowing = _narrowing(after)
    if match["percent"] and narrowing.startswith("of ") and re.match(
            r"\s*(?:are|is|were|was|have|has|had|say|said|will|would|could|can|do|did)\b", after[after.find(narrowing) + len(narrowing):]):
        return ""  # "6% of the top tracks are that short": what the share is lies in the verb that follows
    if narrowing and not match["currency"] and not (match["percent"] and len(narrowing.split()) < 3):
        return f"{unit} {narrowing}"
    if match["percent"] and re.match(r"\s*of\b", after) and len(narrowing.split()) < 3:
        return ""  # a percent of something only the sentence around it names ("70% of its deaths")
    context = _leading_context(sentence, match, floor)
    if context and _names_something(context, sentence):
        while context[0].lower() in _ARTICLES:
            context = context[1:]
        return f"{' '.join(context)}: {unit}"
    if narrowing and match["currency"]:
        return f"{unit} {narrowing}"
    return ""


def _narrowing(after: str) -> str:
    """A prepositional phrase right after the unit ("in Broward County schools"), or a
    passive verb with its phrase ("have been lost at a hospital in Kobe" -> "lost at a
    hospital in Kobe"); at most seven words, stopping at a clause boundary."""
    passive = _PASSIVE.match(after)
    verb = ""
    if passive:
        verb, after = passive["verb"], after[passive.end():]
    else:
        modal = re.match(r"\s+(?P<modal>will|would|could|can|may|might|must|should)\s+(?P<verb>[a-z]+)\b", after)
        if modal and not _VERBISH.match(modal["verb"]) and modal["verb"] not in _UNIT_STOP:
            predicate = re.match(r"[\w’' -]+", after[modal.end():])
            rest = []
            for word in (predicate.group(0).split() if predicate else [])[:4]:
                if word.lower() in _QUALIFIER_STOP:
                    break
                rest.append(word)
            while rest and rest[-1].lower() in _LEAD_STOP | _DETERMINERS | _QUALIFIER_STOP:
                rest.pop()
            return " ".join(["that", modal["modal"], modal["verb"]] + rest)
    words: list[str] = []
    for token in re.findall(r"[\w’'-]+|[^\w\s]", after)[:12]:
        if not re.fullmatch(r"[\w’'-]+", token) or token.lower() in _QUALIFIER_STOP or len(words) == 7:
            break
        if not words and token.lower() not in _QUALIFIER_START:
            break
        if words and _VERBISH.match(token) and not token[0].isupper():
            break
        words.append(token)
    while words and words[-1].lower() in _LEAD_STOP | _DETERMINERS | _QUALIFIER_START:
        words.pop()
    if (len(words) < 2 or _vague(words)) and not (len(words) == 1 and words[0].lower() in {"worldwide", "nationwide", "globally"}):
        words = []
    if verb:
        return " ".join([verb] + words)
    return " ".join(words) if _names_something(words, "", introduced_by=_QUALIFIER_START) else ""


def _leading_context(sentence: str, match: re.Match, floor: int) -> list[str]:
    """The words of the clause leading up to the number, not past an earlier number,
    its unit or a date; a clause that starts at "and" borrows the subject of the one
    before ("The ferry will cost 12 euros and carry 3,000 passengers")."""
    lead = _SAYING.split(re.split(r"[,;:()–—]", sentence[floor: match.start()])[-1])[-1].lstrip("-*• ")
    lead = re.sub(r"\bas (?:a whole|well)\b", "", lead)
    pieces = _CONJUNCTION.split(lead)
    joined_by = (_CONJUNCTION.findall(lead) or [""])[-1]
    words = _content_words(pieces[-1], keep_articles=True)
    first = (re.findall(r"[\w’'-]+", pieces[-1]) or [""])[0]
    has_subject = any(_VERBISH.match(word) for word in words[1:]) and not _VERBISH.match(first)
    if joined_by in _COORDINATION and words and first.islower() and first not in _DETERMINERS and not has_subject:
        words = _subject(re.split(r"[,;:()–—]", sentence[: match.start()])[-1]) + words  # "… and carry 3,000"
    return words


def _names_something(words: list[str], sentence: str, introduced_by: set[str] = frozenset()) -> bool:
    """True when the words name a thing: a proper name (not merely the sentence's first
    word), a plural noun, or a word that a determiner introduces ("the boiler"); verbs,
    adverbs, pronouns and number words alone name nothing."""
    first = (re.findall(r"[\w’'-]+", sentence) or [""])[0]
    previous = ""
    for word in words:
        lower = word.lower()
        proper = word[0].isupper() and word != first or (len(word) > 1 and word.isupper())
        plain = proper or not (lower in _AUXILIARY or lower in _DETERMINERS or lower in _LEAD_STOP
                               or word.isdigit() or lower in _QUALIFIER_START or lower.endswith(("ly", "ing"))
                               or lower in _NOT_NAMING or lower in _NUMBER_WORDS
                               or (_VERBISH.match(word) and not word[0].isupper()))
        if plain and (proper or _is_counted(lower, False) or previous in _ARTICLES | introduced_by
                      or _precedes_verb(words, word)):
            return True
        previous = lower
    return False


def _precedes_verb(words: list[str], word: str) -> bool:
    """"coal generation slid": a word in subject position, before the clause's verb."""
    position = words.index(word)
    return any(_VERBISH.match(later) and not later[0].isupper() for later in words[position + 1:])


def _vague(words: list[str]) -> bool:
    """"of its deaths", "of the population", "from his parents": a phrase that needs the
    sentence around it, because a pronoun owns it or "the" points back at one common noun."""
    if len(words) > 1 and words[1].lower() in {"his", "her", "its", "their", "our", "my", "your", "them", "it"}:
        return True
    content = [w for w in words[1:] if w.lower() not in _DETERMINERS | _ARTICLES | _QUALIFIER_START]
    return len(content) < 2 and words[1].lower() in _ARTICLES and not any(w[0].isupper() for w in content)


def _content_words(text: str, keep_articles: bool = False) -> list[str]:
    """The last words of a clause, without the function words at either end (a leading
    article kept when asked, so a later check sees what it introduces)."""
    words = [word for word in re.findall(r"[\w’'-]+", text)[-8:] if not word.isdigit()]
    drop = _LEAD_STOP | _DETERMINERS | {"but", "and", "with", "while", "as"}
    def dropped(word: str) -> bool:
        return word.lower() in drop and not (len(word) > 1 and word.isupper())  # "US" is not "us"

    while words and dropped(words[0]) and not (keep_articles and words[0].lower() in _ARTICLES
                                               and len(words) > 1 and not dropped(words[1])):
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
