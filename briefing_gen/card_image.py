"""A share card drawn with Pillow: 1200x630 PNG, the same bytes for the same content.

The typeface is Noto Sans from the `fontpkg-noto-sans` package (OFL), found
among that package's files, so a card looks the same on every machine. Text
the font has no glyph for (CJK, emoji...) is never drawn as boxes: each run of
it becomes one "…". Text too long for the card is cut at a word boundary and
ends with "…"; a word is never cut.

Determinism: Pillow's basic layout (no libraqm, whose presence varies), a
grayscale drawing mapped onto a fixed two-colour palette, and a PNG written
with fixed settings and no metadata chunk (no time, no text, no dpi).
"""

from __future__ import annotations

import importlib.resources
import io
import re
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from .cards import CARD_HEIGHT as HEIGHT, CARD_WIDTH as WIDTH, ELLIPSIS, CardText, shorten_to_words

MARGIN = 72
TEXT_WIDTH = WIDTH - 2 * MARGIN
FONT_PACKAGE = "fontpkg_noto_sans"
FONT_FILE = "NotoSans[wdth,wght].ttf"

# The card is drawn in shades of one ink on one paper: level 0 is the background, 255 the text.
BACKGROUND = (0x17, 0x22, 0x2e)
FOREGROUND = (0xf6, 0xf2, 0xe8)
MUTED, RULE = 178, 96  # levels for secondary text and the rules

# The headline (a quote, a summit's title) takes the largest of these sizes at which it fits.
HEADLINE_SIZES = (64, 58, 52, 47, 42, 38)
HEADLINE_TOP, HEADLINE_BOTTOM = 84, 418
RULE_TOP = 540
LINE_SPACING = 1.24
# Longer text could never fit even at the smallest size: cut it before measuring.
HEADLINE_CHARACTERS = 420


def font_path() -> Path:
    """The variable Noto Sans file, among the files of its package."""
    return Path(str(importlib.resources.files(FONT_PACKAGE) / "files" / FONT_FILE))


@lru_cache(maxsize=1)
def covered_characters() -> frozenset[int]:
    """Every code point the font has a glyph for, read from its cmap with fontTools."""
    from fontTools.ttLib import TTFont

    with TTFont(str(font_path()), lazy=True) as font:
        return frozenset(font.getBestCmap())


# Characters that draw nothing, so need no glyph: they are dropped silently.
_INVISIBLE = re.compile("[\u200b-\u200f\u2060\ufe00-\ufe0f\U000e0000-\U000e007f]")


def drawable(text: str) -> str:
    """The text with white space folded and each run of characters the font lacks (with the
    spaces between them) replaced by one "…"; never two "…" in a row."""
    covered = covered_characters()
    text = _INVISIBLE.sub("", " ".join(text.split()))
    out: list[str] = []
    missing = False
    for character in text:
        if character == " ":
            if not missing:
                out.append(character)
            continue
        if ord(character) in covered:
            if missing and out and out[-1] != " " and character not in ".,;:!?)\u201d\u2019":
                out.append(" ")
            out.append(character)
            missing = False
        elif not missing:
            if out and out[-1] == ELLIPSIS:
                continue
            out.append(ELLIPSIS)
            missing = True
    result = "".join(out).strip()
    return re.sub(f"{ELLIPSIS}(?: ?{ELLIPSIS})+", ELLIPSIS, result)


@lru_cache(maxsize=32)
def _font(size: int, weight: int) -> ImageFont.FreeTypeFont:
    font = ImageFont.truetype(str(font_path()), size, layout_engine=ImageFont.Layout.BASIC)
    axes = {axis["name"]: axis for axis in font.get_variation_axes()}
    font.set_variation_by_axes([weight if name == b"Weight" else axis["default"] for name, axis in axes.items()])
    return font


def wrap(words: list[str], font: ImageFont.FreeTypeFont, width: int) -> list[str] | None:
    """Words in lines no wider than `width`, greedily; None if one word alone is wider."""
    lines: list[str] = []
    line = ""
    for word in words:
        candidate = f"{line} {word}" if line else word
        if font.getlength(candidate) <= width:
            line = candidate
            continue
        if not line or font.getlength(word) > width:
            return None
        lines.append(line)
        line = word
    if line:
        lines.append(line)
    return lines


def fit_lines(text: str, sizes: tuple[int, ...], weight: int, width: int, height: int,
              opening: str = "", closing: str = "") -> tuple[int, list[str]]:
    """The largest size at which `opening + text + closing` fits the box, and its lines. Where it
    fits at no size, as many whole words as fit at the smallest, then "…"."""
    words = f"{opening}{text}{closing}".split()
    for size in sizes:
        lines = wrap(words, _font(size, weight), width)
        if lines is not None and len(lines) * round(size * LINE_SPACING) <= height:
            return size, lines
    size = sizes[-1]
    font = _font(size, weight)
    max_lines = max(1, height // round(size * LINE_SPACING))
    words = f"{opening}{text}".split()
    del words[_words_that_fit(words, font, width, max_lines):]
    while words:
        candidate = words[:-1] + [words[-1].rstrip(",;:-\u2013\u2014") + ELLIPSIS + closing]
        lines = wrap(candidate, font, width)
        if lines is not None and len(lines) <= max_lines:
            return size, lines
        words.pop()
    return size, [ELLIPSIS + closing]


def _words_that_fit(words: list[str], font: ImageFont.FreeTypeFont, width: int, max_lines: int) -> int:
    """How many of the words, from the first, a greedy wrap puts on `max_lines` lines."""
    lines, line = 1, ""
    for count, word in enumerate(words):
        candidate = f"{line} {word}" if line else word
        if font.getlength(candidate) <= width:
            line = candidate
            continue
        if font.getlength(word) > width or lines == max_lines:
            return count
        lines, line = lines + 1, word
    return len(words)


def one_line(text: str, size: int, weight: int, width: int = TEXT_WIDTH) -> str:
    """The text on one line, cut at a word boundary with "…" when it is too wide."""
    font = _font(size, weight)
    if font.getlength(text) <= width:
        return text
    words = text.split()
    while words:
        words.pop()
        candidate = " ".join(words).rstrip(" ,;:-\u2013\u2014\u00b7") + ELLIPSIS
        if words and font.getlength(candidate) <= width:
            return candidate
    return ELLIPSIS


def draw_card(card: CardText) -> bytes:
    """The card as PNG bytes."""
    canvas = Image.new("L", (WIDTH, HEIGHT), 0)
    pen = ImageDraw.Draw(canvas)
    pen.rectangle((0, 0, 11, HEIGHT), fill=255)  # the accent edge on the left
    headline = shorten_to_words(drawable(card.headline), HEADLINE_CHARACTERS) or ELLIPSIS
    opening, closing = ("\u201c", "\u201d") if card.is_quote else ("", "")
    size, lines = fit_lines(headline, HEADLINE_SIZES, 600 if card.is_quote else 700, TEXT_WIDTH,
                            HEADLINE_BOTTOM - HEADLINE_TOP, opening, closing)
    font, step = _font(size, 600 if card.is_quote else 700), round(size * LINE_SPACING)
    # The headline and the lines under it, centred in the space above the footer's rule.
    block = len(lines) * step + 18 + (48 if card.byline else 0) + (40 if card.detail else 0)
    y = max(HEADLINE_TOP - 24, (RULE_TOP - block) // 2)
    for line in lines:
        pen.text((MARGIN, y), line, font=font, fill=255)
        y += step
    y += 18
    byline = drawable(card.byline)
    if byline:
        text = ("\u2014 " if card.is_quote else "") + byline
        pen.text((MARGIN, y), one_line(text, 34, 700), font=_font(34, 700), fill=255)
        y += 48
    detail = drawable(card.detail)
    if detail:
        pen.text((MARGIN, y), one_line(detail, 28, 400), font=_font(28, 400), fill=MUTED)
    pen.rectangle((MARGIN, RULE_TOP, WIDTH - MARGIN, RULE_TOP + 1), fill=RULE)
    footer = drawable(card.footer)
    if footer:
        pen.text((MARGIN, 558), one_line(footer, 26, 500), font=_font(26, 500), fill=MUTED)
    return _png(canvas)


@lru_cache(maxsize=1)
def _palette() -> tuple[int, ...]:
    """256 shades from the background to the foreground colour."""
    return tuple(round(low + (high - low) * level / 255)
                 for level in range(256) for low, high in zip(BACKGROUND, FOREGROUND))


def _png(canvas: Image.Image) -> bytes:
    indexed = Image.frombytes("P", canvas.size, canvas.tobytes())
    indexed.putpalette(list(_palette()))
    buffer = io.BytesIO()
    indexed.save(buffer, format="PNG", optimize=False, compress_level=3)  # level 6 took 3x as long for a fifth less
    return buffer.getvalue()
