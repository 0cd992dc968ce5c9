"""Builds alternating between two code trees: what one change buys, measured side by side.

    python bench/alternate_edits.py ROUNDS CODE_A CODE_B --site /dev/shm/briefing-gen-bench/n10000/briefing
    python bench/alternate_edits.py ROUNDS CODE_A CODE_B --site ... --builds cold,edit,unchanged

--builds says which builds are timed, each kind in rounds of its own (default: edit):
`edit`, a rebuild after one appended sentence; `cold`, a build with no output folder, shadow or
store; `unchanged`, a build with nothing changed since the last.

CODE_A and CODE_B are folders holding `briefing_gen/` and `templates/` (export a commit with
`git archive REF briefing_gen templates | tar -x -C DIR`, then `python -m compileall -q DIR/briefing_gen`).
Each gets its own copy of the site's content under --work; both are built and edited once to warm
their caches and make their shadow folder, then each round appends a sentence to the same takeaway in
both copies and times the rebuild, in alternating order. Prints the median and minimum wall time and the median CPU time (the process tree's)
of each side. The machine's speed drifts over minutes, so compare the two sides of one run, not runs.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rounds", type=int)
    parser.add_argument("code_a")
    parser.add_argument("code_b")
    parser.add_argument("--site", required=True, help="a folder with content/ (a benchmark site)")
    parser.add_argument("--work", default="/dev/shm/briefing-gen-alternate", help="where the two copies go")
    parser.add_argument("--builds", default="edit", help="comma-separated: cold, edit, unchanged")
    args = parser.parse_args()
    environment = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    work = Path(args.work)
    codes = {"A": Path(args.code_a).resolve(), "B": Path(args.code_b).resolve()}

    def build(side: str) -> tuple[float, float]:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "briefing_gen", "build", "--content", "content",
                        "--templates", str(codes[side] / "templates"), "--out", "out", "-q"],
                       cwd=work / side, env=dict(environment, PYTHONPATH=str(codes[side])), check=True)
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime

    def takeaway(side: str, number: int) -> Path:
        files = sorted((work / side / "content" / "takeaways").glob("*.md"))
        return files[number * 7 % len(files)]

    for side in codes:
        shutil.rmtree(work / side, ignore_errors=True)
        shutil.copytree(Path(args.site) / "content", work / side / "content")
        build(side)
        time.sleep(2.2)  # past the racy window: the next build trusts the files' stats
        build(side)
        with takeaway(side, 0).open("a", encoding="utf-8") as edited:
            edited.write(" Edited before the rounds.\n")  # the first rebuild after a cold one makes the shadow
        build(side)
        time.sleep(2.2)
        build(side)

    def cold(side: str) -> None:
        for left in (work / side / "out", work / side / ".out.shadow", work / side / ".briefing-gen-cache"):
            shutil.rmtree(left, ignore_errors=True)

    for kind in args.builds.split(","):
        timings: dict[str, list[tuple[float, float]]] = {"A": [], "B": []}
        if kind == "unchanged":
            time.sleep(2.2)  # past the racy window of the last edit: stats alone answer
        for number in range(1, args.rounds + 1):
            for side in ("AB" if number % 2 else "BA"):
                if kind == "edit":
                    with takeaway(side, number).open("a", encoding="utf-8") as edited:
                        edited.write(f" Edited in round {number}.\n")
                elif kind == "cold":
                    cold(side)
                timings[side].append(build(side))
        if kind == "cold":  # leave both as the other kinds expect: built twice, with a shadow
            for side in codes:
                build(side)
                with takeaway(side, 0).open("a", encoding="utf-8") as edited:
                    edited.write(" Edited after the cold rounds.\n")
                build(side)
            time.sleep(2.2)
        for side, runs in timings.items():
            walls = [wall for wall, _ in runs]
            print(f"{kind} {side} ({codes[side]}): wall median {statistics.median(walls):.3f} s, min {min(walls):.3f} s; "
                  f"CPU median {statistics.median(cpu for _, cpu in runs):.3f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
