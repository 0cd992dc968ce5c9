"""The arithmetic of bench/extraction's scorer (the with/without snippet metric), on made-up pages."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench" / "extraction"))

from score import Counts  # noqa: E402


def test_counts_over_pages_and_the_scores():
    counts = Counts()
    # Page one: two of three wanted snippets found (white space folded), one of two unwanted.
    counts.add_page(["The mayor  said", "the bridge\nopens", "in May"], ["Sign up", "Most read"],
                    "The mayor said the bridge opens soon. Most read: a storm.")
    assert (counts.tp, counts.fn, counts.fp, counts.tn) == (2, 1, 1, 1)
    # Page two: no output at all (a crash): every wanted snippet missed, every unwanted one absent.
    counts.add_page(["Ferries run again"], ["Cookies"], None)
    assert (counts.tp, counts.fn, counts.fp, counts.tn) == (2, 2, 1, 2)
    assert counts.precision == pytest.approx(2 / 3)
    assert counts.recall == pytest.approx(2 / 4)
    assert counts.f1 == pytest.approx(2 * 2 / (2 * 2 + 1 + 2))
    assert counts.accuracy == pytest.approx(4 / 7)


def test_nothing_found_scores_zero_not_an_error():
    counts = Counts().add_page(["a"], ["b"], "")
    assert (counts.precision, counts.recall, counts.f1) == (0.0, 0.0, 0.0)
