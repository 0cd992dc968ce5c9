"""card_image: the PNG a share card is, read back with Pillow and fontTools."""

from __future__ import annotations

import io
import struct
import subprocess
import sys

import pytest
from PIL import Image, ImageChops
from fontTools.ttLib import TTFont

from briefing_gen import card_image
from briefing_gen.card_image import draw_card, drawable, fit_lines, font_path, one_line
from briefing_gen.cards import ELLIPSIS, CardText

QUOTE = CardText("One old friend is better than two new ones.", True, "Vladimir Putin",
                 "Russian President \u00b7 13 September 2023", "Kim and Putin: two summits, four years apart")
LONG_WORDS = ("The comrade chairman said that the talks were extremely productive and that cooperation "
              "between the two countries would deepen in every field, from railways to space").split()


def png_chunks(data: bytes) -> list[str]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, at = [], 8
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        chunks.append(kind.decode("ascii"))
        at += 12 + length
    return chunks


def test_a_card_is_a_1200_by_630_png_without_metadata():
    data = draw_card(QUOTE)
    image = Image.open(io.BytesIO(data))
    assert image.format == "PNG" and image.size == (1200, 630)
    # No time, text or physical-size chunk: nothing that differs between two builds.
    assert png_chunks(data) == ["IHDR", "PLTE", "IDAT", "IEND"]


def test_same_content_same_bytes_in_another_process():
    script = ("import sys, hashlib; from briefing_gen.card_image import draw_card; from briefing_gen.cards import CardText; "
              f"sys.stdout.write(hashlib.sha256(draw_card(CardText(*{tuple(vars(QUOTE).values())!r}))).hexdigest())")
    import hashlib
    here = hashlib.sha256(draw_card(QUOTE)).hexdigest()
    other = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                           env={"PYTHONHASHSEED": "123", "PATH": "/usr/bin:/bin"}).stdout
    assert other == here


def test_different_content_different_bytes():
    assert draw_card(QUOTE) != draw_card(CardText(**{**vars(QUOTE), "detail": "Russian President \u00b7 April 2019"}))


def test_the_font_comes_from_its_package_and_is_licensed():
    path = font_path()
    assert path.is_file() and "fontpkg_noto_sans" in path.parts
    assert (path.parent.parent / "LICENSE").read_text(encoding="utf-8").count("SIL Open Font License") >= 1
    with TTFont(str(path), lazy=True) as font:
        assert font["name"].getDebugName(1) == "Noto Sans"


@pytest.mark.parametrize("limit", [30, 45, 60, 90, 140, 200])
def test_a_long_headline_is_cut_at_a_word_boundary(limit):
    # Narrow boxes force the cut: the words kept are the first words, each whole, then "…".
    size, lines = fit_lines(" ".join(LONG_WORDS), (40,), 600, limit * 8, 100)
    shown = " ".join(lines)
    assert shown.endswith(ELLIPSIS)
    kept = shown[: -len(ELLIPSIS)].split()
    assert kept, "at least one word fits"
    assert kept[:-1] == LONG_WORDS[: len(kept) - 1]
    # the last word kept lost at most the punctuation before the "…"
    assert LONG_WORDS[len(kept) - 1].rstrip(",") == kept[-1]


def test_a_word_too_wide_for_a_line_is_left_out_whole():
    size, lines = fit_lines("Short then Pneumonoultramicroscopicsilicovolcanoconiosis", (40,), 600, 400, 200)
    assert lines == ["Short then" + ELLIPSIS]


def test_one_line_cuts_between_words():
    text = "Chairman of the State Affairs Commission of the Democratic People's Republic of Korea"
    cut = one_line(text, 28, 400, width=500)
    assert cut.endswith(ELLIPSIS) and text.startswith(cut[:-1]) and text[len(cut) - 1] == " "


def test_fitting_text_is_not_cut():
    size, lines = fit_lines(QUOTE.headline, card_image.HEADLINE_SIZES, 600, card_image.TEXT_WIDTH, 334, "\u201c", "\u201d")
    assert " ".join(lines) == f"\u201c{QUOTE.headline}\u201d" and size == card_image.HEADLINE_SIZES[0]


# -- text the font cannot show -------------------------------------------------------

CJK, EMOJI = "\u91d1\u6b63\u6069", "\U0001f600"


def test_the_font_lacks_cjk_and_emoji_and_would_draw_them_as_boxes():
    """What the fallback is for: Noto Sans has no glyph for them, and Pillow would draw .notdef boxes."""
    covered = card_image.covered_characters()
    assert all(ord(character) not in covered for character in CJK + EMOJI)
    font = card_image._font(40, 400)
    assert font.getmask(CJK).getbbox() is not None  # ink: the boxes


def test_missing_glyphs_become_one_ellipsis():
    assert drawable(f"Kim {CJK} said {EMOJI}{EMOJI} hello, {CJK}!") == f"Kim {ELLIPSIS} said {ELLIPSIS} hello, {ELLIPSIS}!"
    assert drawable(f"{CJK} {EMOJI}") == ELLIPSIS
    assert drawable("plain \u201cwords\u201d stay") == "plain \u201cwords\u201d stay"
    assert all(ord(character) in card_image.covered_characters() for character in drawable(f"a {CJK} b {EMOJI} c"))


def test_a_card_with_cjk_and_emoji_draws_no_box():
    """The card with text the font lacks is, pixel for pixel, the card with "…" in its place."""
    foreign = CardText(f"We met {CJK} today {EMOJI}", True, f"Kim Jong-un {CJK}", "April 2019", f"Briefing {EMOJI}")
    replaced = CardText(f"We met {ELLIPSIS} today {ELLIPSIS}", True, f"Kim Jong-un {ELLIPSIS}", "April 2019",
                        f"Briefing {ELLIPSIS}")
    drawn = Image.open(io.BytesIO(draw_card(foreign))).convert("L")
    expected = Image.open(io.BytesIO(draw_card(replaced))).convert("L")
    assert ImageChops.difference(drawn, expected).getbbox() is None


def test_text_made_only_of_missing_glyphs_still_draws_a_card():
    image = Image.open(io.BytesIO(draw_card(CardText(CJK * 40, True, CJK, "", EMOJI))))
    assert image.size == (1200, 630)
