"""Direct quotes in paragraphs, each with its speaker and the date it was said.

Quote marks are paired into spans (straight or curly; a quote reopened
before it closed is split there). Each span is attributed from its own
sentence with every quotation masked: a transcript caption
`<Name / Role (when)>`, "“…,” said X", "X said: “…”", "according to X",
"MEDIA quoted him as saying". Pronouns resolve to the last fitting named
speaker, across paragraphs; a paragraph that is only a quote continues the
previous speaker. A quote whose speaker is not found stays unknown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_OPENERS = {"“": "”", "«": "»", "„": "“"}
_CLOSERS = {"”", "»"}
_CAPTION = re.compile(r"^(?:<|&lt;|\[)\s*(?P<name>[^/<>()\[\]]+?)\s*(?:/\s*(?P<role>[^<>()\[\]]+?)\s*)?"
                      r"(?:\((?P<when>[^()<>]+)\)\s*)?(?:>|&gt;|\])\s*")


@dataclass(frozen=True)
class Span:
    """A quotation in a paragraph: the words between the marks, and where the marks stand."""

    start: int  # index of the opening mark
    end: int    # index just past the closing mark (or the paragraph's end)
    text: str
    reopened: bool = False  # a new opening mark cut the previous quote short
    open_ended: bool = False  # no closing mark: the quote runs on into the next paragraph


@dataclass(frozen=True)
class Caption:
    """A transcript caption `<Name / Role (when)>` and where the text after it starts."""

    name: str
    role: str | None
    when: str | None
    end: int


_LABELS = {"anchor", "reporter", "narration", "narrator", "correspondent", "host", "presenter", "interviewer",
           "voice", "voiceover", "sound", "music", "applause", "laughter", "crosstalk", "inaudible", "video", "photo"}


def parse_caption(paragraph: str) -> Caption | None:
    """A transcript caption at the start of a paragraph: `<Name / Role (when)>`, `<Name>`,
    or `[Name / Role]`; segment labels such as `<Anchor>` or `[Reporter]` are not speakers."""
    match = _CAPTION.match(paragraph)
    if not match:
        return None
    name = match["name"].split(":")[-1].strip()  # "<Interview: Ana Ruiz / Mayor>"
    if not name or len(name.split()) > 6 or name.lower() in _LABELS or not name[0].isupper():
        return None
    if paragraph.startswith("[") and not match["role"]:
        return None
    role = match["role"].strip() if match["role"] else None
    return Caption(name, role, match["when"], match.end())


def find_spans(paragraph: str) -> list[Span]:
    """Pair the quote marks of a paragraph into spans, in order."""
    spans: list[Span] = []
    open_at: int | None = None
    reopened = False
    for index, char in enumerate(paragraph):
        if char == '"':
            char = _straight_role(paragraph, index, open_at is not None)
        if open_at is None and char in _OPENERS or char == "opener" and open_at is None:
            open_at = index
        elif open_at is not None and (char in _CLOSERS or char == "closer" or (char == "“" and paragraph[open_at] == "„")):
            spans.append(_span(paragraph, open_at, index + 1, reopened))
            open_at, reopened = None, False
        elif open_at is not None and char == "“" and re.search(r"[.!?…]\s*$", paragraph[open_at + 1:index]):
            spans.append(_span(paragraph, open_at, index, reopened))
            open_at, reopened = index, True
    if open_at is not None:
        spans.append(_span(paragraph, open_at, len(paragraph), reopened))
    spans = sorted(spans + _single_spans(paragraph, spans), key=lambda span: span.start)
    return [span for span in spans if re.search(r"\w", span.text)]


def _single_spans(paragraph: str, taken: list[Span]) -> list[Span]:
    """British single quote marks, outside any double-quoted span: an opening mark after a
    space or bracket and before a letter, closed by the last closing mark before the next
    opening one (so "children's" or "Truss's 'toothless' plan" keep their apostrophes)."""
    if not re.search(r"[.!?…][”\"’')]*\s*$", paragraph):
        return []  # a headline ("Duchess says palace is 'perpetuating falsehoods'"): its quote marks mark no speech
    inside = lambda index: any(span.start <= index < span.end for span in taken)  # noqa: E731
    openers = [i for i, char in enumerate(paragraph) if char in "'‘" and not inside(i)
               and (i == 0 or paragraph[i - 1].isspace() or paragraph[i - 1] in "([—–-:")
               and i + 1 < len(paragraph) and (paragraph[i + 1].isalnum() or paragraph[i + 1] == "…")]
    closers = [i for i, char in enumerate(paragraph) if char in "'’" and not inside(i) and i > 0
               and not paragraph[i - 1].isspace() and (i + 1 == len(paragraph) or not paragraph[i + 1].isalnum())]
    spans = []
    for number, start in enumerate(openers):
        limit = openers[number + 1] if number + 1 < len(openers) else len(paragraph)
        ends = [i for i in closers if start < i < limit]
        if ends and (not spans or start > spans[-1].end):
            spans.append(Span(start, ends[-1] + 1, paragraph[start + 1: ends[-1]].strip()))
        elif not ends and number + 1 == len(openers) and re.search(r"(?:^|:\s*)$", paragraph[:start]):
            # "warns: 'If we … wiped out." with no closing mark: the quote runs on into the next paragraph
            spans.append(Span(start, len(paragraph), paragraph[start + 1:].strip(), open_ended=True))
    return spans


def _straight_role(paragraph: str, index: int, is_open: bool) -> str:
    if is_open:
        return "closer"
    before = paragraph[index - 1] if index else " "
    return "opener" if before.isspace() or before in "([—–-:" else "closer"


def _span(paragraph: str, start: int, end: int, reopened: bool) -> Span:
    inner_end = end - 1 if end <= len(paragraph) and paragraph[end - 1:end] in ("”", "»", '"', "“") and end - 1 > start else end
    open_ended = inner_end == end == len(paragraph)
    return Span(start, end, paragraph[start + 1:inner_end].strip(), reopened, open_ended)


def mask(paragraph: str, spans: list[Span]) -> str:
    """The paragraph with every quotation blanked out (same length), so that words
    inside quotes are never read as attributions or dates. A quote that ends a
    sentence keeps a full stop in place of its closing mark."""
    chars = list(paragraph)
    for span in spans:
        for index in range(span.start, min(span.end, len(chars))):
            chars[index] = "_"
        if re.search(r"[.!?…]$", span.text) and span.end <= len(chars):
            chars[span.end - 1] = "."
    return "".join(chars)


_ABBREVIATION = re.compile(r"(?:\b(?:Dr|Mr|Mrs|Ms|Prof|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|St|Jr|Sr|No|vs|Rev|Hon)|"
                           r"\b[A-Z](?:\.[A-Z])*)\.$")


_CLOCK = re.compile(r"\b[ap]\.m\.$")
_TIME_GOES_ON = re.compile(r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|"
                           r"July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|"
                           r"[A-Z]{1,2}[SD]?T|GMT|UTC|local)\b")


def sentences(masked: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a masked paragraph; "Dr.", "U.S." or "10 a.m. Tuesday" ends none."""
    from .attribution import SPEECH_VERBS

    attribution = re.compile(r"(?:[A-Z][\w’'.-]*\s+){1,4}(?:" + SPEECH_VERBS + r")\b")
    bounds, start = [], 0
    for match in re.finditer(r"(?<=[.!?…])\s+(?=[A-Z_“\"(<])", masked):
        if _ABBREVIATION.search(masked[max(0, match.start() - 6): match.start()]):
            continue
        if _CLOCK.search(masked[: match.start()]) and _TIME_GOES_ON.match(masked, match.end()):
            continue  # "at about 10:41 a.m. Tuesday.": the time runs on into its day
        if match.start() >= 2 and masked[match.start() - 2] == "_" and attribution.match(masked, match.end()):
            continue  # "“Why care?” Winfrey asked.": the attribution belongs to the quote before it
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(masked)))
    return bounds


def is_partial(paragraph: str, span: Span) -> bool:
    """A fragment inside a sentence, not a quoted sentence: it starts in lower case, or
    it has no closing punctuation and the sentence runs on after it."""
    text = span.text
    if not text:
        return True
    if text[0].islower():
        return True
    if re.search(r"[.!?…]$", text):
        return False  # a whole sentence, however short: "Not yet."
    if len(text.split()) < 3:
        return True
    before = paragraph[: span.start].rstrip()
    if re.search(r"[:,]$", before) or not before or before.endswith((".", "?", "!", ">")):
        return False
    if re.search(r"[.!?…,;:—-]$", text):
        return False
    after = paragraph[span.end: span.end + 2]
    return not re.match(r"\s*[.!?,]", after)


def is_heading(paragraph: str) -> bool:
    """Numbered or markdown headings and short title lines carry no quotes worth a record."""
    return bool(re.match(r"(#{1,6}\s|\d{1,2}[).]\s)", paragraph)) or (
        len(paragraph.split()) <= 8 and not re.search(r"[.!?,:;]$", paragraph.rstrip("”\"»")))


_WORK_NOUN = re.compile(r"\b(?:article|story|headline|column|op-ed|editorial|book|novel|memoir|film|movie|series|show|"
                        r"programme|program|documentary|album|song|single|track|play|poem|podcast|episode|work|titled|"
                        r"comedy|drama|thriller|sitcom|musical|opera|soap|franchise|exhibition|painting|slogan|hashtag|"
                        r"entitled|Re\.)[’']?s?[,:]?\s*$", re.IGNORECASE)


# What stands before the name of a work: an owner's possessive ("NBC's", "the director's"),
# "on" a programme, "the" show, or what it is "called".
_TITLE_LEAD = re.compile(r"(?:\b[A-Z][\w&.-]*(?:[’']s|s[’'])|\b(?:on|the|called|dubbed|nicknamed|known as)(?:,? or,?)?)"
                         r"\s*$")


# the small words a name in Title Case leaves in lower case
_TITLE_SMALL_WORDS = {"a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "with", "by", "from", "de", "du",
                      "la", "le", "des", "von", "van", "der"}


def in_title_case(text: str) -> bool:
    """Every word capitalised but the small ones: "Free, Prior and Informed Consent", "Château de Versailles"."""
    words = re.findall(r"[^\W\d_][\w’'-]*", text)
    return bool(words) and all(word[0].isupper() or word in _TITLE_SMALL_WORDS for word in words)


def is_title_span(paragraph: str, span: Span, has_speech: bool) -> bool:
    """Quote marks around a title, not words said: after "the article", "album", "titled",
    before "(Page B1"; words in Title Case ("Meet the Press") after a possessive, "on", "the"
    or "called", whatever verb the sentence has; or, in a sentence no speech verb attributes,
    any words in Title Case ("Rearview Town", "DAMN")."""
    before = paragraph[max(0, span.start - 30): span.start]
    if _WORK_NOUN.search(before) or re.match(r"\s*[,(]\s*Page\b", paragraph[span.end: span.end + 10]):
        return True
    words = re.findall(r"[\w’'-]+", span.text)
    if not words or len(words) > 8:
        return False
    title_case = all(word[0].isupper() or len(word) < 4 for word in words) and any(word[0].isupper() for word in words)
    # three words or more in Title Case that end no sentence and keep a small word in lower case or an acronym: a
    # name ("Free, Prior and Informed Consent", "CBS This Morning", "Harbour Audit: Lessons at the Halfway Mark"),
    # whatever verb the sentence has; words a speaker stresses ("Dead On Arrival") capitalise every word
    named = len(words) >= 3 and in_title_case(span.text) and not re.search(r"[.!?…,]\W*$", span.text.strip()) \
        and (any(word in _TITLE_SMALL_WORDS for word in words)
             or any(len(word) > 1 and word.isupper() for word in words) and any(word[1:].islower() for word in words))
    return named or title_case and (not has_speech or bool(_TITLE_LEAD.search(before)))
