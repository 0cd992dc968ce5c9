"""Strip what is not the article from its paragraphs, and flag what looks garbled.

Every removal is recorded with its reason and paragraph so an editor can see
it and undo a wrong one: injected spam, comment-form and sharing boilerplate,
empty "Source :" lines, related-story teasers, and sign-offs (which move into
the byline). Garble is only flagged for review, never changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .names import name_keys, preferred_spelling
from .people import find_person_names


@dataclass
class Cleaned:
    """The kept paragraphs and what was taken out or needs a look."""

    paragraphs: list[str] = field(default_factory=list)
    removed: list[dict] = field(default_factory=list)
    review: list[dict] = field(default_factory=list)
    byline: list[str] = field(default_factory=list)
    byline_spellings: list[str] = field(default_factory=list)  # every spelling, before merging
    outlet: str | None = None


def note(kind: str, text: str, paragraph: int) -> dict:
    """A `{kind, text, paragraph}` entry for a source's removed or review list."""
    return {"kind": kind, "text": text, "paragraph": paragraph}


_BOILERPLATE = re.compile(
    r"^(?:leave a (?:reply|comment)|post a comment|\d+ comments?|comments?|"
    r"your email address will not be published\.?|required fields are marked \*|"
    r"save my name, email,? and website.*|(?:name|email|website|comment) ?\*?|post comment|submit|"
    r"share(?: this| on| via| article| story)?.{0,40}|tweet|email|print|copy link|"
    r"(?:follow us|subscribe|sign up|click here|download (?:our|the) app|advertisement|sponsored|"
    r"read (?:the )?full (?:article|story)|all rights reserved|copyright|©|we use cookies|accept cookies).{0,120}|"
    r"source\s*:?|tags?\s*:.{0,120}|image (?:source|caption)\s*:.{0,80}|photo\s*:.{0,80})$",
    re.IGNORECASE,
)
_COMMENT_FORM = re.compile(r"^(?:leave a (?:reply|comment)|post a comment|\d+ comments?)\W*$", re.IGNORECASE)
_TEASER_MARKER = re.compile(
    r"^(?:#{1,6}\s*)?(?:more on (?:this|the) (?:topic|story|subject)|related(?: stories| articles| news| content| coverage| reading)?|"
    r"read (?:more|also|next)|also read|see also|you (?:may|might) also (?:like|be interested in)|recommended(?: for you| stories| reading)?|"
    r"more (?:stories|news|from \w+(?: \w+)?)|most (?:read|popular|viewed)|trending(?: now)?|further reading|don[’']t miss|"
    r"latest (?:news|stories)|top stories|what to read next|editor[’']s picks)\s*[:…\.]*$",
    re.IGNORECASE,
)
_INLINE_TEASER = re.compile(r"^(?:read (?:more|also)|also read|see also|related)\s*:\s*\S.{0,160}$", re.IGNORECASE)
_NAME = r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3}"
_SIGN_OFFS = [
    re.compile(r"^This is (?:(?:reporter|correspondent|\w+ correspondent)\s+)?(?P<name>" + _NAME + r")"
               r"(?:\s*(?:,|of|for|from)\s+(?P<outlet>[A-Z][^.]*?))?\s*\.?$"),
    re.compile(r"^(?:\w+ )?(?:reporting|reported|written|edited|editing) by (?P<names>[^.]+?)\s*\.?$", re.IGNORECASE),
]
_REPORTING = re.compile(r"^(?P<who>[A-Z][^.]*?),? reporting(?: (?:from|for) [A-Z][\w .’'-]*)?\.?$")
_BY_LINE = re.compile(r"^By (?P<names>" + _NAME + r"(?:(?:,| and) " + _NAME + r")*)(?:,? (?:for |in )?(?P<outlet>[A-Z][\w .&-]+))?\.?$")
_FOREIGN = re.compile(r"[\u0370-\u03ff\u0400-\u04ff\u0590-\u05ff\u0600-\u06ff\u0900-\u097f\u0e00-\u0e7f"
                      r"\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u4e00-\u9fff\uac00-\ud7af]+")
_STOP_STEMS = {"about", "after", "again", "their", "there", "these", "those", "which", "while", "would",
               "could", "should", "where", "other", "with", "from", "that", "this", "have", "were", "been"}


def is_teaser_marker(line: str) -> bool:
    """A line that opens a block of teasers for other stories ("More on this topic")."""
    return bool(_TEASER_MARKER.match(line))


def clean_blocks(blocks: list[str]) -> Cleaned:
    """Walk the blocks once, removing and recording, then flag garble in what is kept."""
    cleaned = Cleaned()
    index = 0
    while index < len(blocks):
        block = re.sub(r"[ \t\u00a0]+", " ", blocks[index]).strip()
        kept = len(cleaned.paragraphs)
        if _COMMENT_FORM.match(block):
            for rest in blocks[index:]:
                cleaned.removed.append(note("boilerplate", rest.strip(), kept))
            break
        if _TEASER_MARKER.match(block):
            end = teaser_end(blocks, index)
            for teaser in blocks[index:end]:
                cleaned.removed.append(note("teaser", teaser.strip(), kept))
            index = end
            continue
        if _INLINE_TEASER.match(block):
            cleaned.removed.append(note("teaser", block, kept))
        elif _BOILERPLATE.match(block):
            cleaned.removed.append(note("boilerplate", block, kept))
        elif _take_sign_off(block, cleaned, index, len(blocks)):
            cleaned.removed.append(note("byline" if block.startswith("By ") else "sign-off", block, kept))
        else:
            text, spam = remove_spam(block)
            cleaned.paragraphs.append(text)
            for token in spam:
                cleaned.removed.append(note("spam", token, kept + 1))
        index += 1
    cleaned.byline_spellings = list(cleaned.byline)
    cleaned.byline = _dedupe_names(cleaned.byline)
    for number, paragraph in enumerate(cleaned.paragraphs, 1):
        cleaned.review.extend(note(kind, text, number) for kind, text in find_garble(paragraph))
    return cleaned


def _take_sign_off(block: str, cleaned: Cleaned, index: int, count: int) -> bool:
    """A reporter line ("This is reporter NAME.", "By NAME") moves into the byline."""
    match = _SIGN_OFFS[0].match(block)
    if match:
        cleaned.byline.append(match["name"])
        if match["outlet"] and not cleaned.outlet:
            cleaned.outlet = match["outlet"].strip()
        return True
    match = _SIGN_OFFS[1].match(block.strip("()[] "))
    if match and len(block) < 200:
        cleaned.byline.extend(_split_names(match["names"]))
        return True
    match = _REPORTING.match(block)
    if match and len(block.split()) <= 10:
        names = find_person_names(match["who"])
        if names and names[-1].end == len(match["who"]):
            cleaned.byline.append(names[-1].name)
            outlet = match["who"][: names[-1].start].strip(" ,")
            if outlet and not cleaned.outlet:
                cleaned.outlet = outlet
            return True
    match = _BY_LINE.match(block)
    if match and (index < 3 or index >= count - 2):
        cleaned.byline.extend(_split_names(match["names"]))
        if match["outlet"] and not cleaned.outlet:
            cleaned.outlet = match["outlet"].strip()
        return True
    return False


def _split_names(names: str) -> list[str]:
    return [name.strip() for name in re.split(r",|;| and ", names) if re.match(_NAME + "$", name.strip())]


def _dedupe_names(names: list[str]) -> list[str]:
    """One entry per person: spellings that differ only in order or hyphens are merged."""
    groups: list[list[str]] = []
    for name in names:
        for group in groups:
            if name_keys(name) & name_keys(group[0]) or name == group[0]:
                group.append(name)
                break
        else:
            groups.append([name])
    return [preferred_spelling(group) for group in groups]


def _stems(text: str) -> set[str]:
    words = re.findall(r"[A-Za-z]{4,}", text.lower())
    return {word[:5] for word in words if word not in _STOP_STEMS}


def _is_headline(block: str) -> bool:
    return (len(block.split()) <= 20 and not re.search(r"[.!?:;,…]$", block)
            and not re.match(r"(\d{1,2}[).]\s|#|[“\"<>-])", block))


def teaser_end(blocks: list[str], marker: int) -> int:
    """Index of the first block after a teaser marker where the article resumes.

    Everything after "More on this topic" belongs to the teaser until a block
    clearly continues the article: a structural heading of the article
    ("2) ...", a markdown heading of a level the article used), or a paragraph
    that shares a named entity or several key terms with the text before the
    marker, not counting what it shares with the teaser's own headlines. A
    headline-like line never resumes, and a paragraph right under a teaser
    headline that repeats any of its words is its summary unless it names a
    person of the article: teaser stories often name the same places.
    """
    before = " ".join(blocks[:marker])
    article = (_names(before, initial=False), _stems(before), _person_words(before))
    levels = {_heading_level(block.strip()) for block in blocks[:marker]} - {None}
    teaser_names: set[str] = set()
    teaser_terms: set[str] = set()
    headline: set[str] | None = None
    index = marker + 1
    while index < len(blocks):
        block = blocks[index].strip()
        if _COMMENT_FORM.match(block) or _TEASER_MARKER.match(block) or _SIGN_OFFS[0].match(block):
            break  # the comment form, the next teaser or the reporter's sign-off: each handled on its own
        block = re.sub(r"^[-*•]\s+", "", block)  # a list of teaser links reads as headlines
        level = _heading_level(block)
        if level == 0 or level in levels:
            break
        if level is None and not _is_headline(block) and _resumes(block, article, teaser_names, teaser_terms, headline):
            break
        teaser_names |= _names(block)
        teaser_terms |= _stems(block)
        headline = _stems(block) if _is_headline(block) else None
        index += 1
    return index if index < len(blocks) else min(index, _body_run(blocks, marker))


def _resumes(block: str, article, teaser_names: set[str], teaser_terms: set[str], headline: set[str] | None) -> bool:
    """A prose block after a marker continues the article when it shares a name or three
    key terms with it that the teaser itself did not bring up. Right under a teaser
    headline, a block with any word of that headline is its summary unless it names
    one of the article's people."""
    names, terms, people = article
    if headline is not None and _person_words(block) & people:
        return True
    if headline is not None and headline & _stems(block):
        return False
    return bool((_names(block) & names) - teaser_names) or len((_stems(block) & terms) - teaser_terms) >= 3


def _person_words(text: str) -> set[str]:
    """The family names of the people a text names, in full or before "said": "Varga"."""
    words = {mention.name.split()[-1] for mention in find_person_names(text)}
    return words | set(re.findall(r"\b([A-Z][a-z]+)\s+(?:said|says|told|added)\b", text))


def _body_run(blocks: list[str], marker: int) -> int:
    """When nothing after a marker clearly resumes the article, the teaser still ends where
    three paragraphs follow one another without a headline between them: a teaser is a
    list of headlines with a line or two each, a run of prose is the article's body."""
    run = 0
    for index in range(marker + 1, len(blocks)):
        run = 0 if _is_headline(re.sub(r"^[-*•]\s+", "", blocks[index].strip())) else run + 1
        if run == 3:
            return index - 2
    return len(blocks)


def _heading_level(block: str) -> int | None:
    """0 for a numbered section heading ("2) Costs"), 1-6 for a markdown heading, else None."""
    if re.match(r"\d{1,2}[).]\s+\S", block) and len(block.split()) <= 14:
        return 0
    match = re.match(r"(#{1,6})\s", block)
    return len(match.group(1)) if match else None


def _names(text: str, initial: bool = True) -> set[str]:
    """Capitalised words as 5-letter stems ("Russia" and "Russian" meet); with
    `initial` False, only those inside a sentence, where a capital means a name."""
    found = set()
    for match in re.finditer(r"[A-Z][\w’'-]+", text):
        lead = text[: match.start()].rstrip()
        if not initial and (not lead or lead[-1] in ".!?:;“\"…)#>-*"):
            continue
        found.add(match.group(0).lower()[:5])
    return found


def _quoted_ranges(text: str) -> list[tuple[int, int]]:
    return [match.span() for match in re.finditer(r"“[^”]*”|\"[^\"]*\"|«[^»]*»|\([^)]*\)", text)]


def remove_spam(paragraph: str) -> tuple[str, list[str]]:
    """Drop foreign-script tokens from a Latin-script paragraph, unless quoted or in brackets
    (a name given in its own script, "Kim Jong-un (김정은)", is not spam)."""
    latin = len(re.findall(r"[A-Za-z]", paragraph))
    foreign = sum(len(token) for token in _FOREIGN.findall(paragraph))
    if latin < 20 or foreign * 4 > latin:
        return paragraph, []
    protected = _quoted_ranges(paragraph)
    removed: list[str] = []
    pieces: list[str] = []
    last = 0
    for match in _FOREIGN.finditer(paragraph):
        start, end = match.span()
        if any(low <= start and end <= high for low, high in protected):
            continue
        removed.append(match.group(0))
        pieces.append(paragraph[last:start])
        last = end
    pieces.append(paragraph[last:])
    text = "".join(pieces)
    return re.sub(r"  +", " ", text).replace(" ,", ",").strip(), removed


_GARBLE = [
    ("garble", re.compile(r"\w+\[\w+\]|\[[a-z][^\]\n]{0,60}\]")),
    ("garble", re.compile(r"\bbetween ((?:the )?[A-Z][\w’'-]*(?: [A-Z][\w’'-]*)*) and \1\b")),
    ("punctuation", re.compile(r"\S\s+[.,]\s*[.,](?=\s|$)|[.,]\s+\.(?=\s|$)")),
    ("missing-media", re.compile(r"\b(?:looks like this|pictured (?:above|below)|(?:seen|shown) (?:here|above|below)|"
                                 r"in the (?:photo|video|image|picture) (?:above|below)|watch the video)\b", re.IGNORECASE)),
]
_DANGLING = re.compile(r"[.!?]”\s+([^“”\"]{1,60})$")
_ATTRIBUTION_WORD = re.compile(r"\b(?:said|says|told|added|asked|wrote|reported|according)\b", re.IGNORECASE)


def find_garble(paragraph: str) -> list[tuple[str, str]]:
    """(kind, text) for every stretch that looks garbled: stray bracketed fragments,
    a repeated entity ("between X and X"), doubled punctuation, a picture the text
    refers to but does not have, and words dangling after a closing quote."""
    found = []
    quoted = [span for span in _quoted_ranges(paragraph) if paragraph[span[0]] != "("]
    for kind, pattern in _GARBLE:
        for match in pattern.finditer(paragraph):
            inside_quote = any(low < match.start() and match.end() < high for low, high in quoted)
            if inside_quote and match.group(0).startswith("["):
                continue  # "[the plan]" inside a quote is an editor's insertion, not garble
            found.append((kind, match.group(0).strip()))
    dangling = _DANGLING.search(paragraph)
    if dangling and not _ATTRIBUTION_WORD.search(dangling.group(1)) and len(dangling.group(1).split()) <= 6:
        found.append(("dangling", dangling.group(1).strip()))
    return found
