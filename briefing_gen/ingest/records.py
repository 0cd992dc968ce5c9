"""Record drafts -> files: front matter in a stable key order, slugs, and the manifest
that keeps the editor's work safe.

Ingest remembers a hash of every file it wrote in `content/.ingest-manifest.json`
(git-trackable). A file whose bytes no longer match that hash was edited by
someone else and is never overwritten: ingest reports "kept your edit" instead.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

MANIFEST = ".ingest-manifest.json"


@dataclass
class Draft:
    """A record ingest wants on disk: `content/<kind>/<slug>.md`."""

    kind: str
    slug: str
    front: dict[str, Any]
    body: str

    @property
    def relative_path(self) -> str:
        return f"{self.kind}/{self.slug}.md"

    def text(self) -> str:
        body = self.body.strip()
        return "---\n" + dump_front_matter(self.front) + "---\n" + (body + "\n" if body else "")


def slugify(text: str, max_words: int = 6) -> str:
    """Lowercase a-z0-9 words joined by single hyphens, at most max_words of them."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", ascii_text.lower().replace("’", "").replace("'", ""))
    return "-".join(words[:max_words]) or "record"


# -- front matter -------------------------------------------------------------

def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    return json.dumps(str(value), ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def dump_front_matter(front: dict[str, Any]) -> str:
    """YAML for the front matter: keys in the given order, every string quoted (so a
    date stays the string "2019-04"), nested lists and mappings in block style."""
    lines: list[str] = []
    for key, value in front.items():
        if value is None:
            continue
        if isinstance(value, dict):
            lines.append(f"{key}:")
            lines.extend(f"  {inner}: {_scalar(item)}" for inner, item in value.items())
        elif isinstance(value, (list, tuple)):
            if not value:
                lines.append(f"{key}: []")
                continue
            lines.append(f"{key}:")
            for item in value:
                if isinstance(item, dict):
                    pairs = [f"{inner}: {_scalar(v)}" for inner, v in item.items()]
                    lines.append("  - " + pairs[0])
                    lines.extend("    " + pair for pair in pairs[1:])
                else:
                    lines.append(f"  - {_scalar(item)}")
        else:
            lines.append(f"{key}: {_scalar(value)}")
    return "\n".join(lines) + "\n"


def read_record(path: Path) -> tuple[dict[str, Any], str] | None:
    """Front matter and body of an existing record, or None if it cannot be read."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    return parse_record(text)


def parse_record(text: str) -> tuple[dict[str, Any], str] | None:
    """Front matter and body of a record's text, or None if it is not one."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    match = re.match(r"---\n(.*?)\n---\n?(.*)\Z", text, re.DOTALL)
    if not match:
        return None
    try:
        front = yaml.safe_load(match.group(1)) or {}
    except (yaml.YAMLError, ValueError):  # ValueError: a date that does not exist
        return None
    return (front, match.group(2)) if isinstance(front, dict) else None


# -- the manifest and the never-overwrite rule --------------------------------

def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def load_manifest(content_dir: Path) -> dict[str, str]:
    try:
        data = json.loads((content_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    files = data.get("files") if isinstance(data, dict) else None
    return {str(k): str(v) for k, v in files.items()} if isinstance(files, dict) else {}


def manifest_text(files: dict[str, str]) -> str:
    return json.dumps({"written_by": "briefing-gen ingest", "files": dict(sorted(files.items()))},
                      indent=2, ensure_ascii=False) + "\n"


def decide(content_dir: Path, draft: Draft, manifest: dict[str, str]) -> str:
    """What to do with a draft: 'new', 'update' (ingest's own unchanged file), 'same',
    'kept' (someone edited the file since ingest wrote it: leave it alone), or
    'deleted' (someone deleted a file ingest wrote: do not bring it back)."""
    path = content_dir / draft.relative_path
    if not path.exists():
        # Ingest wrote it before and it is gone: the editor deleted it, and that stands too.
        return "deleted" if draft.relative_path in manifest else "new"
    try:
        current = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return "kept"
    if current == draft.text():
        return "same"
    if manifest.get(draft.relative_path) == content_hash(current):
        return "update"
    return "kept"


def write_drafts(content_dir: Path, drafts: list[tuple[Draft, str]], manifest: dict[str, str]) -> None:
    """Write every new or updated draft and refresh the manifest (only when it changes)."""
    root = content_dir.resolve()
    for draft, action in drafts:
        if action not in ("new", "update", "same"):
            continue
        path = content_dir / draft.relative_path
        if not path.resolve().is_relative_to(root):
            raise ValueError(f"refusing to write outside the content folder: {path}")
        text = draft.text()
        if action != "same":
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_name(f".{path.name}.tmp")
            temporary.write_text(text, encoding="utf-8")
            temporary.replace(path)
        if action != "same" or draft.relative_path in manifest:
            manifest[draft.relative_path] = content_hash(text)
    new_text = manifest_text(manifest)
    manifest_path = content_dir / MANIFEST
    old_text = manifest_path.read_text(encoding="utf-8") if manifest_path.exists() else None
    if manifest and new_text != old_text:
        content_dir.mkdir(parents=True, exist_ok=True)
        manifest_path.write_text(new_text, encoding="utf-8")
