"""How well ingest tells that two reports give the same quote or event (briefing_gen/ingest/merge.py).

Scores every pair of quotes of one speaker, and every pair of events of one date, in the seed
briefing (content/) and in the two test articles (tests/fixtures/ingest/merge/, ingested into a
temporary folder), against the pairs annotated below as the same statement or event; prints each
positive and the highest-scoring negatives, and precision and recall at the thresholds ingest uses.

    .venv/bin/python bench/merge_pairs.py
"""

from __future__ import annotations

import io
import itertools
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing_gen.ingest import run_ingest  # noqa: E402
from briefing_gen.ingest.merge import EVENT_MATCH, QUOTE_MATCH, similarity  # noqa: E402
from briefing_gen.ingest.records import read_record  # noqa: E402

# The pairs that are one statement or one event, by file name (every other pair is not).
SAME = {
    frozenset({"kim-great-victory", "kim-toast-great-victory"}),  # a fragment of the toast, the same words
    frozenset({"putin-interest-in-missile-technology", "putin-vostochny-as-promised"}),  # two translations
    frozenset({"edda-kalvin-this-canal-belongs-to", "paper:edda-kalvin-today-we-open-this"}),  # two translations
    frozenset({"oren-vasko-trade-will-come-back", "paper:oren-vasko-trade-will-come-back"}),  # the same words
    frozenset({"marovia-and-tessary-signed-a-canal", "paper:marovias-president-and-tessarys-prime-minister"}),
}


def records(folder: Path, kind: str, prefix: str = "") -> list[tuple[str, dict, str]]:
    found = []
    for path in sorted((folder / kind).glob("*.md")):
        front, body = read_record(path)
        found.append((prefix + path.stem, front, body.strip()))
    return found


def articles_apart() -> Path:
    """The two test articles, each ingested alone (no merging), into one folder per article."""
    folder = Path(tempfile.mkdtemp(prefix="merge-pairs-"))
    for name, outlet in (("wire", "Wire Agency"), ("paper", "Aldane Courier")):
        (folder / name).mkdir()
        run_ingest([str(ROOT / "tests" / "fixtures" / "ingest" / "merge" / f"{name}_canal.txt")], "2031-05-14", outlet,
                   str(folder / name), out=io.StringIO(), err=io.StringIO())
    return folder


def score(pairs: list[tuple[str, str, float]], threshold: float) -> tuple[int, int, int, int]:
    tp = sum(1 for a, b, s in pairs if s >= threshold and frozenset({a, b}) in SAME)
    fp = sum(1 for a, b, s in pairs if s >= threshold and frozenset({a, b}) not in SAME)
    fn = sum(1 for a, b, s in pairs if s < threshold and frozenset({a, b}) in SAME)
    return tp, fp, fn, len(pairs)


def main() -> int:
    apart = articles_apart()
    quotes = records(ROOT / "content", "quotes") + records(apart / "wire", "quotes") + \
        records(apart / "paper", "quotes", "paper:")
    events = records(ROOT / "content", "events") + records(apart / "wire", "events") + \
        records(apart / "paper", "events", "paper:")
    quote_pairs = [(a, b, similarity(x, y)) for (a, fa, x), (b, fb, y) in itertools.combinations(quotes, 2)
                   if fa.get("person") and fa.get("person") == fb.get("person")]
    event_pairs = [(a, b, max(similarity(str(fa["title"]), str(fb["title"])), similarity(x, y)))
                   for (a, fa, x), (b, fb, y) in itertools.combinations(events, 2) if str(fa["date"]) == str(fb["date"])]
    print("| pairs | compared | same | threshold | found | wrongly merged | missed | precision | recall | highest other |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, pairs, threshold in (("quotes of one speaker", quote_pairs, QUOTE_MATCH),
                                   ("events of one date", event_pairs, EVENT_MATCH)):
        tp, fp, fn, total = score(pairs, threshold)
        highest = max((s for a, b, s in pairs if frozenset({a, b}) not in SAME), default=0.0)
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        print(f"| {name} | {total} | {tp + fn} | {threshold} | {tp} | {fp} | {fn} | {precision:.2f} | {recall:.2f} | {highest:.2f} |")
    print()
    for a, b, s in sorted(quote_pairs + event_pairs, key=lambda pair: -pair[2]):
        if frozenset({a, b}) in SAME:
            print(f"same:  {s:.2f}  {a} ~ {b}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
