"""Attribution measured on the annotated set (bench/attribution/score.py): floors at the
levels reached on the real pages, so a regression fails, and the fictional articles of
tests/fixtures/attribution/articles/ exactly right."""

from __future__ import annotations

import gzip
import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("attribution_score", ROOT / "bench" / "attribution" / "score.py")
score = importlib.util.module_from_spec(_spec)
sys.modules["attribution_score"] = score  # its dataclasses look their module up
_spec.loader.exec_module(score)

# reached on the 13 pages as ingest reads them now, through trafilatura (README "How well
# ingest attributes quotes"): a development set, tuned on, so these sit close to the figures
PAGE_FLOORS = {"quote_f1": 0.99, "speaker_accuracy": 0.96, "said_on_accuracy": 0.99, "people_precision": 0.97,
               "people_recall": 0.91}
PAGE_CEILINGS = {"wrong_named_rate": 0.012}


@pytest.fixture(scope="module")
def pages():
    return score.score_set(score.SETS["pages"])


def assert_within(total, floors: dict[str, float], ceilings: dict[str, float]) -> None:
    figures = total.figures
    for key, floor in floors.items():
        assert figures[key] >= floor, (key, figures[key], total.misses)
    for key, ceiling in ceilings.items():
        assert figures[key] <= ceiling, (key, figures[key], total.misses)


def test_real_pages_stay_above_the_floors(pages):
    _, total = pages
    assert_within(total, PAGE_FLOORS, PAGE_CEILINGS)


def test_no_title_in_quote_marks_becomes_a_quote(pages):
    by_file, _ = pages
    for name in ("axios.com.future", "mercurynews.com.2023.01.16.letters-1119"):
        assert not [m for m in by_file[name].misses if m.startswith("not a quote")], by_file[name].misses


@pytest.mark.parametrize("article", sorted(p.stem for p in score.SETS["articles"].glob("*.yaml")))
def test_own_articles_exactly(article):
    """Every quote found, with its speaker and date, nothing else; the people and no others."""
    import yaml

    folder = score.SETS["articles"]
    annotation = yaml.safe_load((folder / f"{article}.yaml").read_text(encoding="utf-8"))
    tally = score.score_article(annotation, score.article_path(annotation, folder, folder))
    assert tally.misses == []
    assert (tally.gold, tally.found, tally.matched) == (len(annotation["quotes"]),) * 3


# The blind set (tests/fixtures/attribution/blind/): fictional articles in newsroom styles,
# written and annotated without reading the ingest code, so the honest figure for unseen text.
# First measured (17 articles, 229 required quotes): quote F1 1.00, speaker 0.52, said_on 0.51,
# wrong named speaker 0.17, people P 0.84 / R 0.83. The floors sit a little below the figures
# measured now, so a regression fails; raise them as attribution improves. With speakers by how
# newsrooms write and names read as written (accents, Mac/Mc, roles and places set aside, family
# names folded or left ambiguous) and dates from the speech event: speaker 0.83, said_on 0.75,
# wrong named 0.05, people P 0.99 / R 0.94. Worked on since (the said_on rule, organisations,
# pronoun chains, descriptions): speaker 0.97, said_on 1.00, wrong named 0.008, people 1.00 / 1.00.
BLIND_FLOORS = {"quote_f1": 0.98, "speaker_accuracy": 0.95, "said_on_accuracy": 0.97, "people_precision": 0.98,
                "people_recall": 0.98}
BLIND_CEILINGS = {"wrong_named_rate": 0.02}


def test_blind_set_stays_above_the_floors():
    by_file, total = score.score_set(score.SETS["blind"])
    assert len(by_file) >= 14 and total.gold >= 150
    assert_within(total, BLIND_FLOORS, BLIND_CEILINGS)


# The real set (tests/fixtures/attribution/real/): the English news pages among newspaper4k's
# test pages (AP, CNN, TIME, WIRED, FOX 13, ONE Esports, a Grayzone story), annotated blind to
# the code and never tuned on. The pages are a third party's copies, not stored here:
# score.fetched_pages("real") fetches the pinned sdist from PyPI. First measured (main at 1070d9d, 10
# pages, 212 required quotes): quote F1 0.97, speaker 0.78, said_on 0.67, wrong named speaker
# 0.12, people P 0.80 / R 0.79. Since worked on (so no longer held out): speaker 0.82, said_on
# 0.68, wrong named 0.04, people P 0.87 / R 0.83. Then (dated scenes, documents and exchanges,
# person records, the AP page read whole): speaker 0.91, said_on 0.92, wrong named 0.016, people
# P 0.97 / R 0.96. The floors sit a little below.
REAL_FLOORS = {"quote_f1": 0.97, "speaker_accuracy": 0.89, "said_on_accuracy": 0.90, "people_precision": 0.95,
               "people_recall": 0.94}
REAL_CEILINGS = {"wrong_named_rate": 0.03}


def score_fetched_set(name: str):
    """The tallies of a real set whose pages are fetched from PyPI; skipped only when PyPI is out
    of reach (a wrong archive, a ValueError, fails)."""
    try:
        pages = score.fetched_pages(name)
    except OSError as error:
        pytest.skip(f"the {name} set's pages could not be fetched from PyPI: {error}")
    return score.score_set(score.SETS[name], pages)


def test_real_set_stays_above_the_floors():
    by_file, total = score_fetched_set("real")
    assert len(by_file) >= 10 and total.gold >= 200
    assert_within(total, REAL_FLOORS, REAL_CEILINGS)


@pytest.mark.parametrize(("record", "right"), [
    (["Caledon Police"], True),              # the organisation the spokeswoman speaks for
    (["Halcyon"], False),                    # a name in the description, but not who spoke
    (["Caledon Police Federation"], False),  # words beyond the description
])
def test_scorer_takes_a_record_for_a_described_speaker_only_when_it_names_them(record, right):
    gold = {"speaker": "a spokeswoman for Caledon Police"}
    if record == ["Halcyon"]:
        gold = {"speaker": "a software engineer at Halcyon who asked not to be named"}
    found = score.Found("words", record[0], record, "unknown")
    assert score.speaker_right(gold, found, people=[]) is right


# The second blind set (tests/fixtures/attribution/blind2/): fictional articles in styles the
# first one does not cover (metro crime, Q&A, wire diplomacy, a merger with analysts' notes, a
# keynote, a hospital, an election night, an awards night, a transfer, a council meeting, an
# investigation of emails, a parliamentary sketch, an Indian daily, a social-media roundup, a
# family feature), written and annotated without reading the ingest code or the other sets, and
# not tuned on: the first set has been. First measured on main as it was (15 articles, 219
# required quotes): quote F1 0.99, speaker 0.71, said_on 0.59, wrong named speaker 0.11,
# people P 0.92 / R 0.87. After this session's rules, made without looking at it: speaker 0.75,
# said_on 0.66, wrong named 0.08, people P 0.92 / R 0.92. The next session's rules, also made
# without looking at it: speaker 0.76, said_on 0.67, wrong named 0.08, people P 0.93 / R 0.92.
# Then tuned on, pooled with real2 and real3 (pronouns after someone new, described speakers,
# the lede's occasion, person records): speaker 0.84, said_on 0.79, wrong named 0.022, people P 0.96
# / R 0.95. The floors sit a little below.
BLIND2_FLOORS = {"quote_f1": 0.97, "speaker_accuracy": 0.82, "said_on_accuracy": 0.77, "people_precision": 0.94,
                 "people_recall": 0.93}
BLIND2_CEILINGS = {"wrong_named_rate": 0.035}


def test_second_blind_set_stays_above_the_floors():
    by_file, total = score.score_set(score.SETS["blind2"])
    assert len(by_file) >= 15 and total.gold >= 210
    assert_within(total, BLIND2_FLOORS, BLIND2_CEILINGS)


# The second real set (tests/fixtures/attribution/real2/): 16 English pages of trafilatura's
# evaluation cache, fetched with its 0.9.3 sdist, annotated blind to the code and never tuned
# on. First measured on main at feda646 (71 required quotes): quote F1 0.94, speaker 0.76,
# said_on 0.85, wrong named speaker 0.10, people P 0.75 / R 0.88. After the session's rules (made
# without looking at it; its totals chose between two mends once): quote F1 0.96, speaker 0.76,
# said_on 0.85, wrong named 0.06, people P 0.79 / R 0.88. Then tuned on, pooled with blind2 and
# real3: quote F1 0.98, speaker 0.82, said_on 0.85, wrong named 0, people P 0.88 / R 0.89. The
# floors sit a little below.
REAL2_FLOORS = {"quote_f1": 0.96, "speaker_accuracy": 0.80, "said_on_accuracy": 0.83, "people_precision": 0.86,
                "people_recall": 0.87}
REAL2_CEILINGS = {"wrong_named_rate": 0.025}


def test_second_real_set_stays_above_the_floors():
    by_file, total = score_fetched_set("real2")
    assert len(by_file) >= 16 and total.gold >= 70
    assert_within(total, REAL2_FLOORS, REAL2_CEILINGS)


# The third real set (tests/fixtures/attribution/real3/): 18 English news pages of trafilatura's
# evaluation set, annotated blind to the code and never tuned on; no package ships those pages,
# so this runs only where bench/work/trafilatura is cloned (bench/extraction/README.md says how).
# First measured on main at ed391d9 (229 required quotes): quote F1 1.00, speaker 0.79, said_on
# 0.74, wrong named speaker 0.09, people P 0.78 / R 0.87. After the session's rules (made without
# looking at it): speaker 0.79, said_on 0.73, wrong named 0.085, people P 0.79 / R 0.89. Then
# tuned on, pooled with blind2 and real2: speaker 0.84, said_on 0.79, wrong named 0.026, people P
# 0.86 / R 0.90. The floors sit a little below.
REAL3_FLOORS = {"quote_f1": 0.97, "speaker_accuracy": 0.82, "said_on_accuracy": 0.77, "people_precision": 0.84,
                "people_recall": 0.88}
REAL3_CEILINGS = {"wrong_named_rate": 0.04}


def test_third_real_set_stays_above_the_floors():
    if not score.EVAL_PAGES.is_dir():
        pytest.skip(f"{score.EVAL_PAGES} is not cloned (see bench/extraction/README.md)")
    by_file, total = score.score_set(score.SETS["real3"], score.EVAL_PAGES)
    assert len(by_file) >= 18 and total.gold >= 220
    assert_within(total, REAL3_FLOORS, REAL3_CEILINGS)


def score_benchmark_set(name: str):
    """The tallies of a set read from the article-extraction-benchmark's clone; skipped where it is missing."""
    try:
        pages = score.benchmark_pages()
    except FileNotFoundError as error:
        pytest.skip(str(error))
    return score.score_set(score.SETS[name], pages)


# The fourth real set (tests/fixtures/attribution/real4/): 25 English news pages of Scrapinghub's
# article-extraction-benchmark, annotated blind to the code when the sets above had started to be
# tuned on, and never tuned on itself; it runs only where the benchmark is cloned (the fixtures'
# README says how). First measured on main at e5fd87a (365 required quotes): quote F1 0.99, speaker
# 0.82 (298/364), said_on 0.67 (245/364), wrong named speaker 0.05 (20/400), people P 0.90 / R 0.90.
# Then used to choose between changes (it found two regressions, each mended by a general rule):
# after the rules tuned on blind2, real2 and real3, speaker 0.83 (302/364), said_on 0.67 (243/364), wrong
# named 0.048 (19/400), people P 0.92 / R 0.91. The floors sit a little below.
REAL4_FLOORS = {"quote_f1": 0.97, "speaker_accuracy": 0.80, "said_on_accuracy": 0.65, "people_precision": 0.88,
                "people_recall": 0.88}
REAL4_CEILINGS = {"wrong_named_rate": 0.065}


def test_fourth_real_set_stays_above_the_floors():
    by_file, total = score_benchmark_set("real4")
    assert len(by_file) >= 25 and total.gold >= 360
    assert_within(total, REAL4_FLOORS, REAL4_CEILINGS)


# The fifth real set (tests/fixtures/attribution/real5/): 24 other news pages of the same benchmark,
# annotated blind to the code once real4 had become the set that chooses between changes; never
# tuned on, never used to choose. First measured on main at e054542 (163 required quotes): quote F1
# 0.98, speaker 0.83 (133/160), said_on 0.54 (86/160), wrong named 0.056 (10/179), people P 0.88 / R
# 0.92. The floors sit a little below.
REAL5_FLOORS = {"quote_f1": 0.96, "speaker_accuracy": 0.81, "said_on_accuracy": 0.52, "people_precision": 0.86,
                "people_recall": 0.90}
REAL5_CEILINGS = {"wrong_named_rate": 0.07}


def test_fifth_real_set_stays_above_the_floors():
    by_file, total = score_benchmark_set("real5")
    assert len(by_file) >= 24 and total.gold >= 160
    assert_within(total, REAL5_FLOORS, REAL5_CEILINGS)


def test_scorer_pairs_one_phrase_quoted_twice_with_each_speakers_own_quote():
    # "a fair deal" is the union's term first, then words of the board's spokesman: ingest
    # writes one record for each, in its own order; each must meet the quote of its own speaker
    gold = [{"text": "a fair deal", "speaker": "unknown", "optional": True},
            {"text": "a fair deal", "speaker": "Dana Okoro", "optional": True}]
    found = [score.Found("a fair deal", "Dana Okoro", ["Dana Okoro"], "unknown"),
             score.Found("a fair deal", "unknown", None, "unknown")]
    assert sorted(score.match(gold, found, [["Dana Okoro", "Okoro"]])) == [(0, 1), (1, 0)]


def test_benchmark_pages_are_unpacked_once_from_the_clone(tmp_path):
    clone, pages = tmp_path / "clone", tmp_path / "work" / "benchmark-pages"
    with pytest.raises(FileNotFoundError, match="git clone"):
        score.benchmark_pages(clone, pages)
    (clone / "html").mkdir(parents=True)
    page = "<html><body><p>“We open on Monday,” Dana Okoro said.</p></body></html>".encode()
    (clone / "html" / "ab12.html.gz").write_bytes(gzip.compress(page))
    assert score.benchmark_pages(clone, pages) == pages
    assert (pages / "ab12.html").read_bytes() == page
    (clone / "html" / "ab12.html.gz").unlink()  # unpacked already: the clone is not read again
    assert score.benchmark_pages(clone, pages) == pages
