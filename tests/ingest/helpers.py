"""Shared helpers for the ingest tests: run ingest into a folder and read back what it wrote."""

from __future__ import annotations

import io
import re
from pathlib import Path

import yaml

from briefing_gen.ingest import run_ingest

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ingest"


def ingest(files, content: Path, published=None, outlet=None, dry_run=False) -> tuple[int, str, str]:
    """Run ingest in-process; return (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    code = run_ingest(files=[str(f) for f in files], published=published, outlet=outlet,
                      content_dir=str(content), dry_run=dry_run, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def read_records(content: Path, kind: str) -> dict[str, tuple[dict, str]]:
    """slug -> (front matter, body) for every record of a kind."""
    records = {}
    for path in sorted((content / kind).glob("*.md")):
        text = path.read_text(encoding="utf-8")
        match = re.match(r"---\n(.*?)\n---\n?(.*)\Z", text, re.DOTALL)
        assert match, f"{path} has no front matter"
        records[path.stem] = (yaml.safe_load(match.group(1)), match.group(2).strip())
    return records


def normalise(text: str) -> str:
    """Quote marks straightened, white space folded, trailing comma dropped: how quotes compare."""
    text = text.translate(str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"}))
    return re.sub(r"\s+", " ", text).strip().rstrip(",").strip()
