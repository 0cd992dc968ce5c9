"""The report ingest prints: counts per kind, what was removed, what needs review,
and every file it wrote, kept or left unchanged, with its path."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from .records import MANIFEST, Draft

_ACTION_WORDS = {"new": "wrote", "update": "updated", "same": "unchanged", "kept": "kept your edit",
                 "deleted": "kept your deletion"}


class Report:
    def __init__(self, root: Path, dry_run: bool) -> None:
        self.root = root
        self.dry_run = dry_run
        self.sources: list[tuple[str, Draft]] = []
        self.decisions: list[tuple[Draft, str]] = []
        self.snapshots: list[Path] = []  # fetched pages' bytes, beside their source records
        self.merges: list[str] = []  # citations added to records another source gave, suggestions, conflicts

    def add_article(self, path: str, source: Draft) -> None:
        self.sources.append((path, source))

    def add_decision(self, draft: Draft, action: str) -> None:
        self.decisions.append((draft, action))

    def add_snapshot(self, path: Path) -> None:
        self.snapshots.append(path)

    def lines(self) -> list[str]:
        """The report, line by line: per article what was removed and what needs review,
        then counts per kind and per action, then every path written or kept."""
        lines = []
        for path, source in self.sources:
            shown = self.root / source.relative_path
            lines.append(f"{path} -> {shown}")
            for key, heading in (("removed", "removed"), ("review", "needs review")):
                notes = source.front.get(key) or []
                if notes:
                    lines.append(f"  {heading} ({len(notes)}):")
                    lines.extend(f"    p{n['paragraph']} {n['kind']}: {n['text']}" for n in notes)
        lines.extend(self.merges)
        counts = Counter(draft.kind for draft, _ in self.decisions)
        lines.append("records: " + ", ".join(f"{counts[kind]} {kind}" for kind in sorted(counts)))
        actions = Counter(action for _, action in self.decisions)
        lines.append("files: " + ", ".join(f"{actions[a]} {_ACTION_WORDS[a]}" for a in ("new", "update", "same", "kept", "deleted") if actions[a]))
        for draft, action in self.decisions:
            shown = self.root / draft.relative_path
            if action == "kept":
                lines.append(f"kept your edit: {shown}")
            elif action == "deleted":
                lines.append(f"kept your deletion: {shown} (remove its entry from {MANIFEST} to have it back)")
            elif action in ("new", "update"):
                verb = "would write" if self.dry_run else _ACTION_WORDS[action]
                lines.append(f"{verb}: {shown}")
        for path in self.snapshots:
            lines.append(f"{'would keep' if self.dry_run else 'kept'} the fetched page: {path}")
        if self.dry_run:
            lines.append("dry run: nothing written")
        return lines

    def print(self, out) -> None:
        for line in self.lines():
            print(line, file=out)
