"""`briefing-gen ingest`: raw articles in, draft records out, the editor's edits kept.

The steps, each a module of pure functions tested with plain strings:
readers (file -> blocks), clean (spam, boilerplate, teasers, sign-offs, garble),
speakers/quotes/attribution (quotes and who said them), dates, people,
takeaways, figures, events; assemble turns the findings into record drafts and
records writes them, never over a file the editor changed. I/O happens here.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from .assemble import _Slugs, assemble
from .clean import clean_blocks
from .dates import parse_published
from .existing import PeopleIndex, load_summits
from ..content import load_settings
from .fetching import FetchError, Fetched, fetch, is_address
from .merge import Merger
from .readers import Article, InputError, read_article, read_bytes
from .records import Draft, decide, load_manifest, write_drafts
from .report import Report

__all__ = ["run_ingest"]


def run_ingest(files: list[str], published: str | None, outlet: str | None, content_dir: str,
               dry_run: bool = False, out=None, err=None) -> int:
    """Ingest every file into content_dir; print the report. Exit code: 0 ok, 1 an
    input could not be read, 2 a usage error (such as a malformed --published)."""
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        published_date = parse_published(published)
    except ValueError as error:
        print(f"briefing-gen ingest: error: {error}", file=err)
        return 2
    root = Path(content_dir)
    manifest = load_manifest(root)
    naming = load_settings(root, []).compares
    summits = load_summits(root, naming.plural if naming else None)
    people = PeopleIndex.load(root)
    slugs = _Slugs(root)
    planned: dict[str, Draft] = {}
    report = Report(root, dry_run)
    merger = Merger.load(root, manifest)  # what another article already reported: cited again, not duplicated
    code = 0
    snapshots: dict[str, tuple[Path, bytes]] = {}
    for path in files:
        try:
            article, fetched = _read(path)
        except (InputError, FetchError) as error:
            print(error, file=err)
            code = 1
            continue
        when = published_date or _article_date(article.published)
        if when is None:
            print(f"{path}: no publication date: the article states none; pass --published YYYY-MM-DD", file=err)
            code = 1
            continue
        cleaned = clean_blocks(article.blocks)
        assembled = assemble(article, cleaned, when, outlet, summits, people, slugs)
        add_provenance(assembled.source, article, fetched)
        if fetched is not None:
            source = assembled.source
            snapshots[source.relative_path] = (root / source.kind / source.front["snapshot"], fetched.body)
        merger.carry_citations(assembled.drafts)
        drafts = merger.merge(assembled.source, assembled.drafts)
        report.add_article(path, assembled.source)
        for draft in drafts:
            draft.front = named_as_the_briefing_says(draft.front, naming)
            planned[draft.relative_path] = draft  # a person met again later keeps its merged form
    decisions = [(draft, decide(root, draft, manifest)) for draft in planned.values()]
    report.merges = merger.lines
    for draft, action in decisions:
        report.add_decision(draft, action)
    # A fetched page's bytes go beside its source record, unless the editor changed or deleted it.
    kept_pages = [snapshots[draft.relative_path] for draft, action in decisions
                  if draft.relative_path in snapshots and action in ("new", "update", "same")]
    for snapshot_path, _ in kept_pages:
        report.add_snapshot(snapshot_path)
    if not dry_run:
        write_drafts(root, decisions, manifest)
        for snapshot_path, body in kept_pages:
            write_snapshot(snapshot_path, body)
    report.print(out)
    return code


def _read(path: str) -> tuple[Article, Fetched | None]:
    """An article from a file, or from the web when `path` is an address."""
    if not is_address(path):
        return read_article(path), None
    fetched = fetch(path)
    article = read_bytes(fetched.body, path, charset=fetched.charset, html=fetched.is_html)
    article.url_candidates = [*(article.url_candidates or [article.url]), fetched.final_url]
    return article, fetched


def write_snapshot(path: Path, body: bytes) -> None:
    """The fetched bytes, exactly, beside the source record (written whole or not at all)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_bytes(body)
    temporary.replace(path)


def add_provenance(source: Draft, article: Article, fetched: Fetched | None = None) -> None:
    """Say in the source record how its body was found and, for a fetched page, from where,
    when and in which file its bytes are kept (after `language`, before the lists)."""
    extra = {"extracted_by": article.extracted_by}
    if fetched is not None:
        extra.update(fetched_from=fetched.url, final_url=fetched.final_url, redirects=fetched.redirects or None,
                     fetched_at=fetched.fetched_at, snapshot=f"{source.slug}.snapshot{fetched.snapshot_suffix}")
    front = {}
    for key, value in source.front.items():
        if key in ("removed", "review"):
            front.update((k, v) for k, v in extra.items() if v is not None and k not in front)
        front[key] = value
    front.update((k, v) for k, v in extra.items() if v is not None and k not in front)
    source.front = front


def named_as_the_briefing_says(front: dict, naming) -> dict:
    """Front matter under the name the briefing gives what it compares (site.yaml `compares`):
    the reference to one in its place ("round:", none when nothing is compared), and the review
    entries about them ("no round window holds its date"), as the fields and pages say it."""
    if naming is not None and naming.singular == "summit":
        return front
    for entry in front.get("review") or ():
        if entry.get("kind") == "summit" and naming is not None:
            entry["kind"] = naming.singular
            entry["text"] = entry["text"].replace("no summit window", f"no {naming.singular_label} window")
    if "summit" not in front:
        return front
    return {(naming.singular if key == "summit" else key): value for key, value in front.items()
            if key != "summit" or naming is not None}


def _article_date(value: str | None) -> dt.date | None:
    """A publication date the page itself gives (HTML meta, markdown front matter)."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None

