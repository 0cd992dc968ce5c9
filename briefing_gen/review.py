"""`briefing-gen review`: what ingest left for the editor to look at, in one list.

Ingest says where it is unsure in two ways: a `review` entry in a source record
(a quote it could not attribute, a date it could not resolve, garbled text) and a
record marked `draft: true`, which the site leaves out until the editor clears
it. After ten articles these are spread over hundreds of files; this lists them
all with `path:line`, grouped by the source they come from, and counts them.
An entry is done when the editor deletes it from `review`, or removes `draft`.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from .content import split_front_matter
from .problems import Problem
from .records import RECORD_TYPE_BY_KIND

NO_SOURCE = ""


@dataclass(frozen=True, order=True)
class ReviewItem:
    """One thing to look at: where it is, which source it belongs to, and what it is."""

    source: str  # the source's slug, or NO_SOURCE
    path: str
    line: int
    kind: str  # a review entry's kind ("attribution", "garbled"...), or "draft"
    text: str

    def json(self) -> str:
        return json.dumps({"file": self.path, "line": self.line, "source": self.source or None,
                           "kind": self.kind, "text": self.text}, ensure_ascii=False, sort_keys=True)


def review_items(content_dir: str | Path) -> tuple[list[ReviewItem], list[Problem]]:
    """Every review entry and draft record under content_dir, in order; files that cannot
    be read are returned as problems (`briefing-gen check` says more about them)."""
    root = Path(content_dir)
    items: list[ReviewItem] = []
    problems: list[Problem] = []
    for kind in RECORD_TYPE_BY_KIND:
        for path in sorted((root / kind).glob("*.md")):
            shown = _shown(path)
            text = _read(path, shown, problems)
            front = split_front_matter(text, shown, problems) if text is not None else None
            if front is None:
                continue
            values, lines = front.values, front.key_lines
            if kind == "sources":
                items += _review_entries(path.stem, shown, text, values, lines)
            if values.get("draft") is True:
                record_name = RECORD_TYPE_BY_KIND[kind].__name__.lower()
                items.append(ReviewItem(str(values.get("source") or NO_SOURCE), shown, lines.get("draft", 1),
                                        "draft", f"{record_name}: {_record_title(values, front.body)}"))
    return sorted(items), problems


def _shown(path: Path) -> str:
    """The path as the editor typed it from here, as every other message shows it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _read(path: Path, shown: str, problems: list[Problem]) -> str | None:
    try:
        return path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    except (OSError, UnicodeDecodeError) as error:
        problems.append(Problem(shown, 1, f"cannot read: {error}", "unreadable"))
        return None


def _review_entries(slug: str, shown: str, text: str, values: dict, lines: dict) -> list[ReviewItem]:
    entries = values.get("review")
    if not isinstance(entries, list):
        return []
    entry_lines = _item_lines(text, lines.get("review", 1), len(entries))
    found = []
    for entry, line in zip(entries, entry_lines):
        if isinstance(entry, dict):
            paragraph = entry.get("paragraph")
            where = f" (paragraph {paragraph})" if paragraph else ""
            found.append(ReviewItem(slug, shown, line, str(entry.get("kind", "review")),
                                    f"{entry.get('text', '')}{where}"))
    return found


def _item_lines(text: str, key_line: int, count: int) -> list[int]:
    """The file line of each item of the list whose key stands on key_line: the lines
    below it that open a list item (`- `), as a YAML block list writes them."""
    lines = text.split("\n")
    starts = [number for number in range(key_line + 1, len(lines) + 1)
              if lines[number - 1].lstrip().startswith("- ")
              and len(lines[number - 1]) - len(lines[number - 1].lstrip()) <= 2]
    return (starts + [key_line] * count)[:count]


def _record_title(values: dict, body: str) -> str:
    title = values.get("title") or values.get("label") or values.get("name") or body.split("\n")[0]
    title = " ".join(str(title).split())
    return title if len(title) <= 90 else title[:89] + "…"


def print_review(items: list[ReviewItem], problems: list[Problem], output_format: str = "text", out=None) -> int:
    """Print the list grouped by source, then the count. Exit 1 when a file could not be read."""
    out = out or sys.stdout
    if output_format == "json":
        for item in items:
            print(item.json(), file=out)
    else:
        _print_grouped(items, out)
    for problem in problems:
        print(problem.text(), file=sys.stderr)
    return 1 if problems else 0


def _print_grouped(items: list[ReviewItem], out) -> None:
    sources = sorted({item.source for item in items}, key=lambda slug: (slug == NO_SOURCE, slug))
    for source in sources:
        group = [item for item in items if item.source == source]
        heading = f"source {source}" if source else "not tied to a source"
        print(f"{heading}: {len(group)} to review", file=out)
        for item in group:
            print(f"  {item.path}:{item.line}: {item.kind}: {item.text}", file=out)
    flags = sum(1 for item in items if item.kind != "draft")
    drafts = len(items) - flags
    if not items:
        print("Nothing to review.", file=out)
        return
    print(f"{len(items)} to review in {len(sources)} source{'s' if len(sources) != 1 else ''}: "
          f"{flags} review entr{'ies' if flags != 1 else 'y'}, {drafts} draft record{'s' if drafts != 1 else ''}. "
          "Delete an entry from `review` once seen; drafts stay off the site until `draft: true` goes.", file=out)
