"""The figure records ingest writes for the real pages of the development set, scored against
bench/figures/gold.yaml by the scorer the README quotes: a figure record is a number, the thing
it counts and what it counts, or it is not written."""

from __future__ import annotations

import importlib.util
import sys

import yaml

from conftest import ROOT

SCORER = ROOT / "bench" / "figures" / "score.py"

# The figures of the README (bench/figures/score.py), as floors: precision is what matters
# (an invented figure is published as fact); recall may only rise.
PRECISION_FLOOR = 0.95
RECALL_FLOOR = 0.35


def load_scorer():
    spec = importlib.util.spec_from_file_location("figures_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks its module up
    spec.loader.exec_module(module)
    return module


def test_figure_records_of_the_real_pages_hold_their_precision_and_recall():
    scorer = load_scorer()
    gold = yaml.safe_load(scorer.GOLD.read_text(encoding="utf-8"))
    total, wrong = scorer.Score(), []
    for name, entries in gold.items():
        shown: list[str] = []
        total.add(scorer.score_page(scorer.written_figures(scorer.PAGES / name), entries or [], shown.append))
        wrong += [f"{name}: {line.strip()}" for line in shown if "WRONG" in line]
    assert total.written, "no figure record written for any page of the set"
    assert total.precision >= PRECISION_FLOOR, wrong
    assert total.recall >= RECALL_FLOOR, f"recall {total.recall:.2f}"


def test_the_scorer_counts_as_it_says():
    scorer = load_scorer()
    gold = [{"value": 7844, "unit": ["deaths"], "label": ["new york"]},
            {"value": 12, "unit": ["percent"], "label": ["jobless"], "optional": True}]
    records = [{"value": 7844, "unit": "deaths", "label": "Deaths in New York State"},
               {"value": 12, "unit": "percent", "label": "Jobless rate"},
               {"value": 3, "unit": "have", "label": "Whom: have"}]
    score = scorer.score_page(records, gold, lambda line: None)
    assert (score.written, score.matched, score.required, score.found) == (2, 1, 1, 1)
