"""Precision and recall of the figure records `ingest` writes, against bench/figures/gold.yaml.

    .venv/bin/python bench/figures/score.py            # every page of the gold file
    .venv/bin/python bench/figures/score.py --verbose  # and every record, matched or not

Each page of tests/fixtures/pages/ named in the gold file is ingested into a fresh
folder, as a user would; each figure record written is matched against the page's
annotated figures (gold.yaml says how). Precision: matched records over records
written (optional entries left out of both counts); recall: required entries matched
over required entries.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import frontmatter
import yaml

ROOT = Path(__file__).resolve().parents[2]
PAGES = ROOT / "tests" / "fixtures" / "pages"
GOLD = Path(__file__).with_name("gold.yaml")
PUBLISHED = "2020-04-10"  # figures are scored on value, unit and label; their date is not


@dataclass
class Score:
    written: int = 0
    matched: int = 0
    required: int = 0
    found: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.written if self.written else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.required if self.required else 1.0

    def add(self, other: "Score") -> None:
        self.written += other.written
        self.matched += other.matched
        self.required += other.required
        self.found += other.found


def written_figures(page: Path) -> list[dict]:
    """The front matter of every figure record that ingesting the page writes."""
    from briefing_gen.ingest import run_ingest

    with tempfile.TemporaryDirectory() as content:
        run_ingest([str(page)], PUBLISHED, None, content, out=io.StringIO(), err=io.StringIO())
        return [frontmatter.load(path).metadata for path in sorted(Path(content, "figures").glob("*.md"))]


def matches(record: dict, entry: dict) -> bool:
    label = str(record.get("label", "")).lower()
    return (abs(float(record.get("value", 0)) - float(entry["value"])) < 1e-9
            and record.get("unit") in entry["unit"]
            and all(word.lower() in label for word in entry["label"]))


def score_page(records: list[dict], gold: list[dict], show) -> Score:
    score = Score(required=sum(1 for entry in gold if not entry.get("optional")))
    hit: set[int] = set()
    for record in records:
        index = next((i for i, entry in enumerate(gold) if i not in hit and matches(record, entry)), None)
        if index is not None:
            hit.add(index)
            if gold[index].get("optional"):
                show(f"    optional  {record['value']} {record['unit']} | {record['label']}")
                continue
            score.matched += 1
            show(f"    right     {record['value']} {record['unit']} | {record['label']}")
        else:
            show(f"    WRONG     {record['value']} {record['unit']} | {record['label']}")
        score.written += 1
    score.found = sum(1 for index in hit if not gold[index].get("optional"))
    for index, entry in enumerate(gold):
        if index not in hit and not entry.get("optional"):
            show(f"    missed    {entry['value']} {entry['unit'][0]} ({' '.join(entry['label'])})")
    return score


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list every record and every missed figure")
    args = parser.parse_args()
    show = print if args.verbose else (lambda line: None)
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    total = Score()
    for name, entries in gold.items():
        records = written_figures(PAGES / name)
        page = score_page(records, entries or [], show)
        print(f"{name:48} written {page.written:3}  right {page.matched:3}  required {page.required:3}  found {page.found:3}")
        total.add(page)
    print(f"figure records: precision {total.precision:.2f} ({total.matched}/{total.written}), "
          f"recall {total.recall:.2f} ({total.found}/{total.required})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
