"""The with/without snippet metric of trafilatura's evaluation, written for this bench.

Per page, each `with` snippet found in an extractor's output (white space folded
on both sides) is a true positive, else a false negative; each `without`
snippet found is a false positive, else a true negative. Precision, recall and
F1 are taken over the counts of all pages together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


def fold(text: str) -> str:
    """White space folded to single spaces, ends stripped: how snippets and output compare."""
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class Counts:
    """True and false positives and negatives, summed over pages."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add_page(self, with_snippets: list[str], without_snippets: list[str], output: str | None) -> "Counts":
        """Count one page; no output (a crash, nothing found) finds no snippet."""
        text = fold(output or "")
        found_with = sum(1 for snippet in with_snippets if text and fold(snippet) in text)
        found_without = sum(1 for snippet in without_snippets if text and fold(snippet) in text)
        self.tp += found_with
        self.fn += len(with_snippets) - found_with
        self.fp += found_without
        self.tn += len(without_snippets) - found_without
        return self

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def accuracy(self) -> float:
        total = self.tp + self.fp + self.fn + self.tn
        return (self.tp + self.tn) / total if total else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp else 0.0
