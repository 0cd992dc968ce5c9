"""Takeaways: the sections an article is built from, or its lede as drafts.

Numbered sections ("1) Military cooperation"), markdown headings (HTML h2-h6
arrive as markdown) and "key takeaways" lists each give one takeaway with the
paragraphs it spans. An article with none of these gets its lede paragraphs
as `draft: true` takeaways for the editor to rewrite.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUMBERED = re.compile(r"^(?P<number>\d{1,2})[).]\s+(?P<title>\S.{0,100})$")
_MARKDOWN = re.compile(r"^#{2,6}\s+(?P<title>\S.*)$")
_KEY_LIST = re.compile(r"\b(?:key (?:takeaways|points|facts)|takeaways|what we know|at a glance|in brief|the essentials|tl;?dr)\b[^.]{0,40}[:…]?$",
                       re.IGNORECASE)
_ITEM = re.compile(r"^(?:[-*•]|\d{1,2}[.)])\s+(?P<text>\S.*)$")


@dataclass(frozen=True)
class Takeaway:
    """One takeaway: its title, order, the source paragraphs it spans (1-based) and a summary."""

    title: str
    order: int
    paragraphs: tuple[int, ...]
    summary: str
    draft: bool = False


def find_takeaways(paragraphs: list[str]) -> list[Takeaway]:
    """The article's takeaways, by the first structure it has."""
    for finder in (_numbered_sections, _key_list, _markdown_sections):
        found = finder(paragraphs)
        if found:
            return found
    return lede_drafts(paragraphs)


def _clean_title(title: str) -> str:
    title = title.strip().strip("*_ ")
    if re.fullmatch(r"[“\"«].*[”\"»]", title):
        title = title[1:-1]
    return title.strip()


def _is_numbered_heading(paragraph: str) -> bool:
    match = _NUMBERED.match(paragraph)
    return bool(match) and len(match["title"].split()) <= 12 and not match["title"].rstrip().endswith(".")


def _is_boundary(paragraph: str) -> bool:
    """Where a section ends: another heading, or a short title-like line ("So what's the verdict?")."""
    if _is_numbered_heading(paragraph) or _MARKDOWN.match(paragraph):
        return True
    return len(paragraph.split()) <= 8 and not re.search(r"[.!,;:…]$", paragraph) and not paragraph.startswith(("“", '"', "-", "*"))


def _sections(paragraphs: list[str], starts: list[int], title_of) -> list[Takeaway]:
    found = []
    for order, start in enumerate(starts, 1):
        end = start + 1
        while end < len(paragraphs) and not _is_boundary(paragraphs[end]):
            end += 1
        if end == start + 1:
            continue
        span = tuple(range(start + 1, end + 1))
        found.append(Takeaway(title_of(paragraphs[start]), order, span, paragraphs[start + 1]))
    return found


def _numbered_sections(paragraphs: list[str]) -> list[Takeaway]:
    starts = [i for i, p in enumerate(paragraphs) if _is_numbered_heading(p)]
    numbers = [int(_NUMBERED.match(paragraphs[i])["number"]) for i in starts]
    if len(starts) < 2 or numbers != list(range(1, len(numbers) + 1)):
        return []
    # a title-like line after the last numbered section ("So what's the verdict?") is a section too
    tail = [i for i in range(starts[-1] + 1, len(paragraphs)) if _is_boundary(paragraphs[i]) and not _ITEM.match(paragraphs[i])]
    starts += tail
    return _sections(paragraphs, starts, lambda p: _clean_title(_NUMBERED.sub(r"\g<title>", p)))


def _markdown_sections(paragraphs: list[str]) -> list[Takeaway]:
    starts = [i for i, p in enumerate(paragraphs) if _MARKDOWN.match(p)]
    return _sections(paragraphs, starts, lambda p: _clean_title(re.sub(r"^\d{1,2}[).]\s+", "", _MARKDOWN.match(p)["title"])))


def _key_list(paragraphs: list[str]) -> list[Takeaway]:
    """A "Key takeaways:" line followed by list items: one takeaway per item."""
    for index, paragraph in enumerate(paragraphs):
        if not _KEY_LIST.search(paragraph.lstrip("# ")) or len(paragraph.split()) > 12:
            continue
        items = []
        for number in range(index + 1, len(paragraphs)):
            match = _ITEM.match(paragraphs[number])
            if not match:
                break
            items.append(Takeaway(_title_from(match["text"]), len(items) + 1, (number + 1,), match["text"]))
        if items:
            return items
    return []


def _title_from(text: str, limit: int = 80) -> str:
    """A title from running text: its first sentence, cut at a word boundary."""
    sentence = re.split(r"(?<=[.!?])\s+", text.strip(), maxsplit=1)[0].rstrip(".")
    if len(sentence) <= limit:
        return sentence
    return sentence[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def lede_drafts(paragraphs: list[str], count: int = 3) -> list[Takeaway]:
    """The first statement paragraphs (not quotes, not headings) as draft takeaways."""
    drafts = []
    for number, paragraph in enumerate(paragraphs, 1):
        if len(drafts) == count:
            break
        if len(paragraph.split()) < 8 or paragraph.startswith(("“", '"', "<", "&lt;", "#", "-", ">")):
            continue
        drafts.append(Takeaway(_title_from(paragraph), len(drafts) + 1, (number,), paragraph, draft=True))
    return drafts
