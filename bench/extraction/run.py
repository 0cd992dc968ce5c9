"""Body extraction, briefing-gen beside trafilatura, on trafilatura's own evaluation set.

    .venv/bin/python bench/extraction/run.py [--tests DIR] [--jobs N] [--limit N] [--write]

DIR is the `tests/` folder of a clone of trafilatura at the commit README.md
pins (default: bench/work/trafilatura/tests). Each page's bytes go through
both extractors in the same process: briefing-gen's ingest reader and cleaning
(the source record's title and paragraphs: what an editor gets) and
trafilatura's `extract` with the options of that repository's own benchmark
(`tests/eval_common.py`: no comments, tables kept, no formatting; fallbacks
on). Scores with the with/without snippet metric (score.py), over all pages and
over the English ones (`<html lang="en…">`). `--write` rewrites RESULTS.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from importlib.metadata import version
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from score import Counts  # noqa: E402

PINNED = "e90b0ef51ab026fdb905fb6c5b3c84dd3d784fd5"
_ENGLISH = re.compile(rb"<html\b[^>]*?\blang\s*=\s*[\"']?en\b", re.IGNORECASE)


def briefing_gen_body(raw: bytes, name: str) -> str:
    """What `briefing-gen ingest` keeps of a page: the cleaned paragraphs of its source record."""
    from briefing_gen.ingest.clean import clean_blocks
    from briefing_gen.ingest.readers import read_bytes

    article = read_bytes(raw, name, html=True)
    cleaned = clean_blocks(article.blocks)
    # The headline counts where it opened the article's text, as it does in trafilatura's output.
    text = "\n".join(([article.title] if article.title_in_body else []) + cleaned.paragraphs)
    return text.replace("&lt;", "<")  # as the source page shows it


def trafilatura_body(raw: bytes, name: str) -> str | None:
    from trafilatura import extract

    return extract(raw, fast=False, include_comments=False, include_tables=True, include_formatting=False)


EXTRACTORS = {"briefing-gen": briefing_gen_body, "trafilatura": trafilatura_body}


def run_page(job: tuple[str, str, str]) -> dict:
    """Both extractors on one page: their outputs (None on a crash) and times."""
    url, path, name = job
    raw = Path(path).read_bytes()
    result = {"url": url, "english": bool(_ENGLISH.search(raw[:100_000])), "outputs": {}, "seconds": {}, "errors": {}}
    for label, extractor in EXTRACTORS.items():
        started = time.perf_counter()
        try:
            result["outputs"][label] = extractor(raw, name)
        except Exception as error:  # a crash is a page with no output, as the metric counts it
            result["outputs"][label] = None
            result["errors"][label] = f"{type(error).__name__}: {error}"
        result["seconds"][label] = time.perf_counter() - started
    return result


def load_pages(tests: Path) -> list[tuple[str, str, str]]:
    """(url, path, file name) of every annotated page; the file is in cache/ or eval/."""
    evaldata = json.loads((tests / "evaldata.json").read_text(encoding="utf-8"))
    jobs = []
    for url in sorted(evaldata):
        name = evaldata[url]["file"]
        path = next((tests / sub / name for sub in ("cache", "eval") if (tests / sub / name).is_file()), None)
        if path is None:
            raise SystemExit(f"{tests}: page file not found for {url}: {name}")
        jobs.append((url, str(path), name))
    return jobs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tests", type=Path, default=ROOT / "bench" / "work" / "trafilatura" / "tests")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--limit", type=int, help="only the first N pages (a smoke run)")
    parser.add_argument("--write", action="store_true", help="rewrite bench/extraction/RESULTS.md")
    parser.add_argument("--report-only", action="store_true",
                        help="score the outputs of the last run (bench/work/extraction-pages.json) again")
    args = parser.parse_args(argv)
    if not (args.tests / "evaldata.json").is_file():
        raise SystemExit(f"{args.tests}: no evaldata.json here; see bench/extraction/README.md to get the set")
    evaldata = json.loads((args.tests / "evaldata.json").read_text(encoding="utf-8"))
    saved = ROOT / "bench" / "work" / "extraction-pages.json"
    if args.report_only:
        run = json.loads(saved.read_text(encoding="utf-8"))
        results, wall, when, commit = run["pages"], run["wall"], run["when"], run["commit"]
    else:
        jobs = load_pages(args.tests)[: args.limit]
        started = time.time()
        with ProcessPoolExecutor(max_workers=args.jobs) as pool:
            results = list(pool.map(run_page, jobs, chunksize=4))
        wall, when, commit = time.time() - started, f"{dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M}", _commit()
        saved.parent.mkdir(parents=True, exist_ok=True)
        saved.write_text(json.dumps({"wall": wall, "when": when, "commit": commit, "jobs": args.jobs, "pages": results},
                                    ensure_ascii=False), encoding="utf-8")
    table = score(results, evaldata)
    report = render(table, results, wall, when, commit, args.jobs)
    print(report)
    if args.write:
        (HERE / "RESULTS.md").write_text(report, encoding="utf-8")
    return 0


def score(results: list[dict], evaldata: dict) -> dict[tuple[str, str], Counts]:
    table: dict[tuple[str, str], Counts] = {}
    for result in results:
        item = evaldata[result["url"]]
        for label, output in result["outputs"].items():
            scopes = ["all pages"] + (["English pages"] if result["english"] else [])
            for scope in scopes:
                table.setdefault((label, scope), Counts()).add_page(item["with"], item["without"], output)
    return table


def _commit() -> str:
    try:
        return subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


# The hand-written extractor ingest had before issue 14, through this harness (commit ca72dbe).
BEFORE = ("Before issue 14, ingest's own hand-written extractor (commit ca72dbe), through this harness on the same"
          " day: English pages P 0.837, R 0.810, **F1 0.823**; all pages P 0.776, R 0.827, **F1 0.801**; 27 pages"
          " came out empty, refused as not UTF-8.")


def render(table: dict[tuple[str, str], Counts], results: list[dict], wall: float, when: str, commit: str,
           jobs: int) -> str:
    english = sum(result["english"] for result in results)
    lines = [
        "# Body extraction: briefing-gen beside trafilatura",
        "",
        "Generated by `bench/extraction/run.py --write` (see README.md). The set: trafilatura's",
        f"evaluation pages at commit `{PINNED[:12]}` ({len(results)} pages, {english} of them English by",
        "`<html lang=\"en…\">`), scored with its with/without snippet metric.",
        "",
        f"- run: {when} UTC, {wall:.0f} s wall with {jobs} workers (seconds below: CPU time in each extractor);"
        f" briefing-gen at commit {commit}",
        f"- Python {platform.python_version()}; trafilatura {version('trafilatura')}, lxml {version('lxml')},"
        f" charset-normalizer {version('charset-normalizer')}, htmldate {version('htmldate')}",
        "",
        "| extractor | pages | precision | recall | F1 | TP | FP | FN | TN | empty | crashed | seconds |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for scope in ("English pages", "all pages"):
        for label in EXTRACTORS:
            counts = table.get((label, scope))
            if counts is None:
                continue
            chosen = [r for r in results if scope == "all pages" or r["english"]]
            empty = sum(1 for r in chosen if not (r["outputs"][label] or "").strip())
            crashed = sum(1 for r in chosen if label in r["errors"])
            seconds = sum(r["seconds"][label] for r in chosen)
            lines.append(f"| {label}, {scope} | {len(chosen)} | {counts.precision:.3f} | {counts.recall:.3f} | "
                         f"**{counts.f1:.3f}** | {counts.tp} | {counts.fp} | {counts.fn} | {counts.tn} | {empty} | "
                         f"{crashed} | {seconds:.0f} |")
    lines += ["", "## Targets of issue 14", "", "| target | measured | result |", "| --- | --- | --- |"]
    for scope in ("English pages", "all pages"):
        ours, theirs = table.get(("briefing-gen", scope)), table.get(("trafilatura", scope))
        if ours is None or theirs is None:
            continue
        lines.append(f"| F1 at least 0.92, {scope} | {ours.f1:.3f} | {'pass' if ours.f1 >= 0.92 else 'FAIL'} |")
        lines.append(f"| F1 at or above trafilatura's, {scope} | {ours.f1:.3f} against {theirs.f1:.3f} | "
                     f"{'pass' if ours.f1 >= theirs.f1 else 'FAIL'} |")
    lines += ["", BEFORE]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
