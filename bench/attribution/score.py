"""How well `ingest` finds quotes, their speakers and dates, and the people of an article,
against hand annotations (tests/fixtures/attribution/, README.md there says how they are made).

    .venv/bin/python bench/attribution/score.py                  # the 13 real pages
    .venv/bin/python bench/attribution/score.py --set articles   # the fictional articles
    .venv/bin/python bench/attribution/score.py --set blind      # fictional articles written blind to the code
    .venv/bin/python bench/attribution/score.py --set real       # held-out real pages, fetched from PyPI
    .venv/bin/python bench/attribution/score.py --set blind2     # a second blind set, in other newsroom styles
    .venv/bin/python bench/attribution/score.py --set real2      # more held-out real pages, fetched from PyPI
    .venv/bin/python bench/attribution/score.py --set real3      # news pages of trafilatura's evaluation set
    .venv/bin/python bench/attribution/score.py --set real4      # news pages of Scrapinghub's extraction benchmark
    .venv/bin/python bench/attribution/score.py --set real5      # other news pages of that benchmark
    .venv/bin/python bench/attribution/score.py --details        # and every miss, by page

Each article is ingested into a fresh folder, as a user would (with the annotated
`--published`), through the same reading path as `briefing-gen ingest`. A quote record
matches an annotated quote when they share at least half the words of each (one to one,
best overlap first). Quote precision, recall and F1 count required quotes only (an
`optional` one, such as a scare quote, counts neither way). On the matched quotes:
speaker accuracy (the same person, or for an unnamed speaker no person and the same
description), said_on accuracy (the same date at the same precision, or both unknown),
and over every quote record written, the share naming a wrong person (a named speaker
on a quote annotated otherwise, or on something that is not a quote at all). People:
precision of the people records written (a record must be a person or organisation
the annotation lists; a second record for the same one counts against it) and recall
of the annotated people.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import frontmatter
import yaml

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
SETS = {"pages": FIXTURES / "attribution" / "pages", "articles": FIXTURES / "attribution" / "articles",
        "blind": FIXTURES / "attribution" / "blind", "real": FIXTURES / "attribution" / "real",
        "blind2": FIXTURES / "attribution" / "blind2", "real2": FIXTURES / "attribution" / "real2",
        "real3": FIXTURES / "attribution" / "real3", "real4": FIXTURES / "attribution" / "real4",
        "real5": FIXTURES / "attribution" / "real5"}


@dataclass(frozen=True)
class Sdist:
    """A package's source archive on PyPI, pinned by hash, whose test pages a set is annotated on."""

    name: str
    version: str
    sha256: str
    folder: str  # where the pages lie inside the archive


# The pages of the `real` sets are a third party's copies, not stored here; each set's sdist is
# fetched from PyPI on first use. `real`: the English news pages among newspaper4k's test pages.
# `real2`: English news pages of trafilatura's evaluation cache, as its 0.9.3 sdist ships them.
FETCHED_SETS = {
    "real": Sdist("newspaper4k", "0.9.6", "a3f2f0e017dddb6f1019ee77aaa8980e13e6ecea0b949abc7167aae4770d2d0e",
                  "tests/data/html/"),
    "real2": Sdist("trafilatura", "0.9.3", "26d1164d033a171ec1eea83cfc052b9c94a7ffb15a91b94c5ac391d61e201f36",
                   "tests/cache/"),
}
REAL_CACHE = ROOT / "bench" / "work" / "real-pages"
# `real3`: English news pages of trafilatura's evaluation set, which is on GitHub only (no
# package ships it): the clone bench/extraction/README.md describes, at the commit given there.
EVAL_PAGES = ROOT / "bench" / "work" / "trafilatura" / "tests" / "eval"
# `real4` and `real5`: news pages of Scrapinghub's article-extraction-benchmark, also on GitHub
# only, where they are gzipped (html/<sha256>.html.gz); they are unpacked beside the clone on first use.
BENCHMARK_SETS = ("real4", "real5")
BENCHMARK_CLONE = ROOT / "bench" / "work" / "article-extraction-benchmark"
BENCHMARK_COMMIT = "4a3bc979f76c0df73cb95fe272e2fc1b96f9f010"
BENCHMARK_PAGES = ROOT / "bench" / "work" / "benchmark-pages"
_STOP = {"the", "a", "an", "one", "of", "in", "at", "to", "who", "about", "her", "his", "their", "into", "on",
         "during", "someone", "another", "person", "and"}


@dataclass
class Found:
    """A quote record ingest wrote: its words, speaker as written, the names of its person record, date."""

    text: str
    speaker: str
    person_names: list[str] | None  # None: no person record (unknown, or a description)
    said_on: str


@dataclass
class Tally:
    gold: int = 0
    found: int = 0
    matched: int = 0
    speaker_right: int = 0
    date_right: int = 0
    wrong_named: int = 0
    people_written: int = 0
    people_right: int = 0
    people_gold: int = 0
    people_found: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: "Tally") -> None:
        for name in ("gold", "found", "found_required", "matched", "speaker_right", "date_right", "wrong_named",
                     "people_written", "people_right", "people_gold", "people_found"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses.extend(other.misses)

    @property
    def figures(self) -> dict[str, float]:
        precision = self.matched / self.found_required if self.found_required else 1.0
        recall = self.matched / self.gold if self.gold else 1.0
        return {
            "quote_precision": precision, "quote_recall": recall,
            "quote_f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
            "speaker_accuracy": self.speaker_right / self.matched if self.matched else 1.0,
            "said_on_accuracy": self.date_right / self.matched if self.matched else 1.0,
            "wrong_named_rate": self.wrong_named / self.found if self.found else 0.0,
            "people_precision": self.people_right / self.people_written if self.people_written else 1.0,
            "people_recall": self.people_found / self.people_gold if self.people_gold else 1.0,
        }

    found_required: int = 0  # quote records written, less those matched to optional quotes


def fold(name: str) -> str:
    """A name compared without case, full stops, or the kind of apostrophe."""
    return re.sub(r"\s+", " ", name.replace("’", "'").replace(".", "")).strip().casefold()


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.replace("’", "'").casefold())


def overlap(first: str, second: str) -> float:
    """Shared words over the longer of the two: 1.0 for the same words in any order."""
    a, b = Counter(words(first)), Counter(words(second))
    longest = max(sum(a.values()), sum(b.values()))
    return sum((a & b).values()) / longest if longest else 0.0


def _same(first: str, second: str) -> bool:
    return fold(first).strip(" '\"“”‘’") == fold(second).strip(" '\"“”‘’")


def ingest_article(path: Path, published: str) -> tuple[list[Found], list[list[str]]]:
    """The quote records and the people records (their names) that ingesting one article writes."""
    from briefing_gen.ingest import run_ingest

    with tempfile.TemporaryDirectory() as content:
        run_ingest([str(path)], published, None, content, out=io.StringIO(), err=io.StringIO())
        people = {}
        for record in sorted(Path(content, "people").glob("*.md")):
            meta = frontmatter.load(record).metadata
            people[record.stem] = [str(meta.get("name", ""))] + [str(alias) for alias in meta.get("aliases") or []]
        found = []
        for record in sorted(Path(content, "quotes").glob("*.md")):
            post = frontmatter.load(record)
            slug = post.metadata.get("person")
            names = people.get(slug) if slug and slug != "unknown" else None
            found.append(Found(post.content.strip(), str(post.metadata.get("speaker", "unknown")), names,
                               str(post.metadata.get("said_on", "unknown"))))
        return found, [names for slug, names in people.items() if slug != "unknown"]


def _entry_for(name: str, entries: list[list[str]]) -> list[str] | None:
    return next((entry for entry in entries if fold(name) in {fold(n) for n in entry}), None)


def speaker_right(gold: dict, found: Found, people: list[list[str]]) -> bool:
    """Whether the record's speaker is the annotated one (see the module's docstring)."""
    wanted = str(gold["speaker"])
    accepted = [wanted] + [str(a) for a in gold.get("accept") or []]
    entries = [e for e in (_entry_for(name, people) for name in accepted) if e]
    if found.person_names is not None:
        own = {fold(n) for n in found.person_names}
        if any(own & {fold(n) for n in entry} for entry in entries):
            return True
        # a record for the organisation a described spokesperson speaks for: its name must be
        # in the description and make up at least half of it ("a spokeswoman for Caledon
        # Police" is Caledon Police; "an engineer at Halcyon's Leeds office" is not Halcyon)
        described = {w for name in accepted for w in words(name)} - _STOP
        named = set(words(found.person_names[0])) if found.person_names else set()
        return bool(named) and named <= described and 2 * len(named) >= len(described)
    if wanted == "unknown" or fold(found.speaker) in {fold(name) for name in accepted}:
        return True
    if entries:  # a named speaker, written without a person record
        return any(fold(found.speaker) in {fold(n) for n in entry} for entry in entries)
    described = {w for name in accepted for w in words(name)} - _STOP
    return found.speaker != "unknown" and bool(described & set(words(found.speaker)))


def match(gold: list[dict], found: list[Found], people: list[list[str]] = ()) -> list[tuple[int, int]]:
    """One-to-one (gold index, found index) pairs sharing at least half of each other's words."""
    pairs = sorted(((overlap(g["text"], f.text), not g.get("optional"), _same(g["text"], f.text),
                     speaker_right(g, f, people), -i, -j)
                    for i, g in enumerate(gold) for j, f in enumerate(found)), reverse=True)
    # on a tie, a required quote first, then the same text with its punctuation (a question
    # "Done?" and its answer "Done," share their words), then the pair whose speakers agree (one
    # phrase quoted twice, from two speakers, pairs each record with its own speaker's quote)
    used_gold, used_found, matched = set(), set(), []
    for score, _, _, _, i, j in pairs:
        i, j = -i, -j
        if score < 0.5:
            break
        if i not in used_gold and j not in used_found:
            used_gold.add(i)
            used_found.add(j)
            matched.append((i, j))
    return matched


def score_article(annotation: dict, article: Path) -> Tally:
    """The tally for one annotated article."""
    found, written_people = ingest_article(article, str(annotation["published"]))
    gold = annotation.get("quotes") or []
    people = [list(map(str, entry)) for entry in annotation.get("people") or []]
    allowed = people + [[str(name)] for name in annotation.get("also_ok") or []]
    tally = Tally(gold=sum(not g.get("optional") for g in gold), found=len(found))
    pairs = match(gold, found, people)
    matched_found = {j for _, j in pairs}
    tally.found_required = len(found) - sum(1 for i, _ in pairs if gold[i].get("optional"))
    for i, j in pairs:
        g, f = gold[i], found[j]
        right = speaker_right(g, f, people)
        if f.person_names is not None and not right:
            tally.wrong_named += 1
            tally.misses.append(f"wrong person: “{_short(f.text)}” gave {f.speaker!r}, annotated {g['speaker']!r}")
        if g.get("optional"):
            continue
        tally.matched += 1
        tally.speaker_right += right
        if not right and f.person_names is None:
            tally.misses.append(f"speaker: “{_short(f.text)}” gave {f.speaker!r}, annotated {g['speaker']!r}")
        if str(g["said_on"]) == f.said_on:
            tally.date_right += 1
        else:
            tally.misses.append(f"said_on: “{_short(f.text)}” gave {f.said_on}, annotated {g['said_on']}")
    for j, f in enumerate(found):
        if j not in matched_found:
            tally.wrong_named += f.person_names is not None
            tally.misses.append(f"not a quote: “{_short(f.text)}” ({f.speaker})")
    for i, g in enumerate(gold):
        if not g.get("optional") and i not in {i for i, _ in pairs}:
            tally.misses.append(f"missed: “{_short(g['text'])}” ({g['speaker']})")
    _score_people(tally, written_people, people, allowed, annotation.get("people_precision", True))
    return tally


def _score_people(tally: Tally, written: list[list[str]], people: list[list[str]], allowed: list[list[str]],
                  with_precision: bool) -> None:
    claimed: set[int] = set()
    for names in written:
        own = {fold(n) for n in names}
        index = next((k for k, entry in enumerate(allowed) if own & {fold(n) for n in entry}), None)
        if index is not None and index not in claimed:
            claimed.add(index)
            tally.people_right += with_precision
        elif with_precision:
            tally.misses.append(f"person record: {names[0]!r}" + (" (a second record)" if index is not None else ""))
        tally.people_written += with_precision
    tally.people_gold += len(people)
    tally.people_found += sum(1 for k in range(len(people)) if k in claimed)
    tally.misses.extend(f"person missing: {entry[0]!r}" for k, entry in enumerate(people) if k not in claimed)


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def article_path(annotation: dict, folder: Path, pages: Path) -> Path:
    """A page is a copy in tests/fixtures/pages/ (or, in another `pages` folder, the same name or
    that name + .txt: another reading of it); an article of our own sits beside its annotation."""
    if "page" not in annotation:
        return folder / annotation["article"]
    page = pages / annotation["page"]
    return page if page.exists() else page.with_name(page.name + ".txt")


def fetched_pages(set_name: str = "real", cache: Path = REAL_CACHE) -> Path:
    """The folder of a `real` set's pages, fetched (pip download) and unpacked on first use.

    Raises OSError when PyPI cannot be reached, ValueError when the archive is not the pinned one."""
    sdist = FETCHED_SETS[set_name]
    name, version, sha256 = sdist.name, sdist.version, sdist.sha256
    pages = cache / f"{name}-{version}"
    if pages.is_dir():
        return pages
    cache.mkdir(parents=True, exist_ok=True)
    archive = cache / f"{name}-{version}.tar.gz"
    if not archive.exists():
        with tempfile.TemporaryDirectory(dir=cache) as download:
            run = subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary",
                                  ":all:", f"{name}=={version}", "-d", download], capture_output=True, text=True)
            fetched = Path(download, archive.name)
            if run.returncode or not fetched.exists():
                errors = [line for line in run.stderr.splitlines() if line.startswith("ERROR")] or [run.stderr]
                raise OSError(f"pip download {name}=={version} failed: {' '.join(errors).strip()[-500:]}")
            fetched.replace(archive)
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    if digest != sha256:
        raise ValueError(f"{archive}: sha256 {digest}, expected {sha256} (delete it to fetch it again)")
    inside = f"{name}-{version}/{sdist.folder}"
    unpack = Path(tempfile.mkdtemp(dir=cache))
    with tarfile.open(archive) as tar:
        for member in tar.getmembers():
            if member.isfile() and member.name.startswith(inside) and member.name.endswith(".html"):
                (unpack / Path(member.name).name).write_bytes(tar.extractfile(member).read())
    return _move_into_place(unpack, pages)


def _move_into_place(unpack: Path, pages: Path) -> Path:
    """Renames a folder just unpacked to where the pages live, giving way to another process that got there first."""
    try:
        unpack.rename(pages)
    except OSError:
        shutil.rmtree(unpack)
        if not pages.is_dir():
            raise
    return pages


def benchmark_pages(clone: Path = BENCHMARK_CLONE, pages: Path = BENCHMARK_PAGES) -> Path:
    """The folder of the `real4` and `real5` sets' pages, unpacked from the benchmark's clone on first use.

    Raises FileNotFoundError when the clone is missing."""
    if pages.is_dir():
        return pages
    archives = sorted((clone / "html").glob("*.html.gz"))
    if not archives:
        raise FileNotFoundError(f"{clone} is missing: git clone"
                                " https://github.com/scrapinghub/article-extraction-benchmark there and check out"
                                f" {BENCHMARK_COMMIT}")
    pages.parent.mkdir(parents=True, exist_ok=True)
    unpack = Path(tempfile.mkdtemp(dir=pages.parent))
    for archive in archives:
        (unpack / archive.name.removesuffix(".gz")).write_bytes(gzip.decompress(archive.read_bytes()))
    return _move_into_place(unpack, pages)


def score_set(folder: Path, pages: Path = FIXTURES / "pages") -> tuple[dict[str, Tally], Tally]:
    """Tallies by annotation file, and their sum."""
    by_file, total = {}, Tally()
    for path in sorted(folder.glob("*.yaml")):
        annotation = yaml.safe_load(path.read_text(encoding="utf-8"))
        article = article_path(annotation, folder, pages)
        if not article.exists():
            missing = f"{annotation['page']} is not in {pages}" if "page" in annotation else f"no {article}"
            raise FileNotFoundError(f"{path}: {missing}")
        tally = score_article(annotation, article)
        by_file[path.stem] = tally
        total.add(tally)
    return by_file, total


_COLUMNS = [("quote_f1", "F1"), ("quote_precision", "P"), ("quote_recall", "R"), ("speaker_accuracy", "speaker"),
            ("said_on_accuracy", "said_on"), ("wrong_named_rate", "wrong"), ("people_precision", "people P"),
            ("people_recall", "people R")]


def table(by_file: dict[str, Tally], total: Tally) -> str:
    head = f"{'article':42} {'gold':>4} {'found':>5} " + " ".join(f"{label:>8}" for _, label in _COLUMNS)
    lines = [head, "-" * len(head)]
    for name, tally in [*by_file.items(), ("TOTAL", total)]:
        figures = tally.figures
        lines.append(f"{name[:42]:42} {tally.gold:>4} {tally.found:>5} "
                     + " ".join(f"{figures[key]:>8.2f}" for key, _ in _COLUMNS))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", choices=sorted(SETS), default="pages", help="which annotated set (default: pages)")
    parser.add_argument("--details", action="store_true", help="list every miss under the table")
    parser.add_argument("--pages", type=Path, default=None,
                        help="the folder of the pages (default tests/fixtures/pages; for real and real2 the pages"
                             f" fetched into {REAL_CACHE.relative_to(ROOT)}; for real3"
                             f" {EVAL_PAGES.relative_to(ROOT)}; for real4 and real5 {BENCHMARK_PAGES.relative_to(ROOT)});"
                             " PAGE.txt stands for PAGE")
    args = parser.parse_args(argv)
    pages = args.pages
    if pages is None and args.set == "real3":
        pages = EVAL_PAGES
        if not pages.is_dir():
            print(f"score.py: {pages.relative_to(ROOT)} is missing: clone trafilatura's evaluation set there as"
                  " bench/extraction/README.md says", file=sys.stderr)
            return 1
    if pages is None and args.set in BENCHMARK_SETS:
        try:
            pages = benchmark_pages()
        except FileNotFoundError as error:
            print(f"score.py: {error}", file=sys.stderr)
            return 1
    if pages is None:
        try:
            pages = fetched_pages(args.set) if args.set in FETCHED_SETS else FIXTURES / "pages"
        except (OSError, ValueError) as error:
            print(f"score.py: the real pages: {error}", file=sys.stderr)
            return 1
    try:
        by_file, total = score_set(SETS[args.set], pages)
    except FileNotFoundError as error:
        print(f"score.py: {error}", file=sys.stderr)
        return 1
    print(table(by_file, total))
    if args.details:
        for name, tally in by_file.items():
            for miss in tally.misses:
                print(f"{name}: {miss}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
