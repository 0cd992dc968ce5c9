"""A second article about the same events: its quotes, figures and events that another source
already gave become further citations (`also_in`) of the records written before, not duplicates.

A record is "the same" when:
- a quote: the same person, and words that match allowing for another translation
  (`same_words`: the share of content words in common, or their order; thresholds measured in
  the README's "Merging sources" table);
- a figure: the same quantity, unit and date (`comparison.figure_key`) and the same value; with
  another value both are kept and the conflict goes into the new source's `review` list;
- an event: the same date and a title or sentence that matches (`same_event`).

A record the editor has changed since ingest wrote it (its file's hash is not the manifest's) is
never touched: the citation ingest would add goes into the report and the new source's `review`
list as a suggestion instead.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..comparison import figure_key
from .clean import note
from .records import Draft, content_hash, parse_record

MERGED_KINDS = ("quotes", "figures", "events")

# Measured by bench/merge_pairs.py on the seed briefing and tests/fixtures/ingest/merge (README,
# "Merging a second article"): no two different quotes of one speaker score above 0.18, no two
# different events of one date above 0.40; the pairs that are the same score 0.67 to 1.0, but for
# one translation that shares too few words (0.25), which the editor adds by hand.
QUOTE_MATCH = 0.6
EVENT_MATCH = 0.5
MIN_SHARED_WORDS = 3

STOP_WORDS = frozenset("""a an and are as at be been but by for from had has have he her his i in is it its
of on or our she so that the their them there they this to was we were will with would you your not
all also can could do does just more than then very into about over""".split())


def content_words(text: str) -> list[str]:
    """The words that carry meaning, lowercased: what two translations of one sentence share."""
    text = re.sub(r"'s\b", "", text.casefold().replace("\u2019", "'"))  # Tessary's -> tessary
    words = re.findall(r"[a-z0-9]+", text.replace("'", ""))
    return [word for word in words if word not in STOP_WORDS]


def similarity(one: str, other: str) -> float:
    """How alike two passages are, 0 to 1: the greater of the share of content words in common
    (of the shorter: a translation may add or drop a word) and how far their words run in the
    same order."""
    first, second = content_words(one), content_words(other)
    if not first or not second:
        return 0.0
    ordered = difflib.SequenceMatcher(None, first, second, autojunk=False).ratio()
    shorter = min(len(set(first)), len(set(second)))
    if shorter < MIN_SHARED_WORDS:  # "opportunities" is in many sentences: a fragment must stand in the other
        one_words, other_words = _word_run(one), _word_run(other)
        inside = min(one_words, other_words, key=len) in max(one_words, other_words, key=len)
        return 1.0 if inside and shorter >= 2 else ordered
    return max(len(set(first) & set(second)) / shorter, ordered)


def _word_run(text: str) -> str:
    return " " + " ".join(re.findall(r"[a-z0-9]+", text.casefold())) + " "


def same_words(one: str, other: str) -> bool:
    return similarity(one, other) >= QUOTE_MATCH


def same_event(one: dict, one_body: str, other: dict, other_body: str) -> bool:
    if str(one.get("date")) != str(other.get("date")):
        return False
    return max(similarity(str(one.get("title", "")), str(other.get("title", ""))),
               similarity(one_body, other_body)) >= EVENT_MATCH


@dataclass
class Known:
    """A quote, figure or event on disk or drafted earlier in this run, that a new one may match."""

    draft: Draft
    editable: bool  # ingest's own file, unchanged since (or drafted in this run): may gain a citation

    @property
    def sources(self) -> set[str]:
        cited = {str(self.draft.front.get("source"))}
        return cited | {str(entry.get("source")) for entry in self.draft.front.get("also_in") or [] if isinstance(entry, dict)}


@dataclass
class Merger:
    """The records a run can merge into, and what it did: lines for the report."""

    known: dict[str, list[Known]] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)
    on_disk: dict[str, Draft] = field(default_factory=dict)  # by relative path, as the run found them

    @classmethod
    def load(cls, root: Path, manifest: dict[str, str]) -> "Merger":
        known: dict[str, list[Known]] = {kind: [] for kind in MERGED_KINDS}
        for kind in MERGED_KINDS:
            for path in sorted((root / kind).glob("*.md")):
                try:
                    text = path.read_text(encoding="utf-8")
                except (OSError, UnicodeDecodeError):
                    continue
                record = parse_record(text)
                if record is None:
                    continue
                front, body = record
                editable = manifest.get(f"{kind}/{path.name}") == content_hash(text)
                known[kind].append(Known(Draft(kind, path.stem, dict(front), body.strip()), editable))
        return cls(known, on_disk={item.draft.relative_path: item.draft for items in known.values() for item in items})

    def carry_citations(self, drafts: list[Draft]) -> None:
        """A record ingest writes again (its article ingested once more) keeps the further
        citations a later article gave it: they are in its file, not in the article."""
        for draft in drafts:
            if draft.kind not in MERGED_KINDS or "also_in" in draft.front:
                continue
            found = self.on_disk.get(draft.relative_path)
            if found is None or found.front.get("source") != draft.front.get("source"):
                continue
            also_in = found.front.get("also_in")
            if isinstance(also_in, list) and also_in:
                draft.front["also_in"] = also_in

    def merge(self, source: Draft, drafts: list[Draft]) -> list[Draft]:
        """An article's drafts with those another source already reported taken out; the records
        they match gain an `also_in` citation (returned, to be written) or, when the editor changed
        them, a suggestion. Figures that disagree are kept, and flagged in the source's review."""
        kept, changed = [], []
        review = source.front.setdefault("review", [])
        for draft in drafts:
            if draft.kind not in MERGED_KINDS:
                kept.append(draft)
                continue
            match = self._match(draft)
            if match is None:
                kept.append(draft)
                self._remember(draft)
                continue
            entry = _citation(draft, match.draft)
            where = f"{match.draft.kind}/{match.draft.slug}.md"
            if entry["source"] in match.sources:
                continue  # this article's citation is there already (ingested before)
            if match.editable:
                match.draft.front.setdefault("also_in", []).append(entry)
                self.lines.append(f"merged: {where} also reported by {entry['source']} paragraph {entry['paragraph']}")
                changed.append(match.draft)
            else:
                suggestion = f"also_in: [{_inline(entry)}]"
                self.lines.append(f"suggestion: {where}: add {suggestion} (not added: you edited the file)")
                review.append(note("also-in", f"{where} reports this too: add {suggestion}", draft.front["paragraph"]))
        for draft in kept:
            if draft.kind == "figures":
                self._flag_conflicts(draft, review)
        review.sort(key=lambda entry: entry["paragraph"])
        return kept + list({id(draft): draft for draft in changed}.values())

    def _match(self, draft: Draft) -> Known | None:
        for known in self.known[draft.kind]:
            if known.draft.front.get("source") == draft.front.get("source"):
                continue  # a record of the same article: not the same thing twice
            if _same(draft, known.draft):
                return known
        return None

    def _remember(self, draft: Draft) -> None:
        """A draft of this run, to be matched by later articles; it takes the place of the file it
        will be written over (whose hash says whether it may still change)."""
        records = self.known[draft.kind]
        for index, known in enumerate(records):
            if known.draft.slug == draft.slug:
                records[index] = Known(draft, known.editable)
                return
        records.append(Known(draft, True))

    def _flag_conflicts(self, figure: Draft, review: list[dict]) -> None:
        key = figure_key(str(figure.front["label"]), str(figure.front["unit"]), str(figure.front["as_of"]))
        for known in self.known["figures"]:
            other = known.draft
            if other is figure or other.front.get("source") == figure.front.get("source"):
                continue
            if figure_key(str(other.front.get("label")), str(other.front.get("unit")), str(other.front.get("as_of"))) != key:
                continue
            if _number(other.front.get("value")) == _number(figure.front.get("value")):
                continue
            text = (f"{figure.front['label']} ({figure.front['as_of']}) is {_shown(figure.front['value'])} "
                    f"{figure.front['unit']} in source '{figure.front['source']}' (figures/{figure.slug}.md) but "
                    f"{_shown(other.front.get('value'))} {other.front.get('unit')} in source '{other.front.get('source')}' "
                    f"(figures/{other.slug}.md): both kept")
            review.append(note("conflict", text, figure.front["paragraph"]))
            self.lines.append(f"conflict: {text}")


def _same(draft: Draft, other: Draft) -> bool:
    front, known = draft.front, other.front
    if draft.kind == "quotes":
        return bool(front.get("person")) and front.get("person") == known.get("person") and \
            same_words(draft.body, other.body)
    if draft.kind == "figures":
        return figure_key(str(front["label"]), str(front["unit"]), str(front["as_of"])) == \
            figure_key(str(known.get("label")), str(known.get("unit")), str(known.get("as_of"))) and \
            _number(front.get("value")) == _number(known.get("value"))
    return same_event(front, draft.body, known, other.body)


def _citation(draft: Draft, into: Draft) -> dict[str, Any]:
    entry: dict[str, Any] = {"source": draft.front["source"], "paragraph": draft.front["paragraph"]}
    if draft.kind == "quotes" and _plain(draft.body) != _plain(into.body):
        entry["wording"] = draft.body
    return entry


def _plain(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _number(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _shown(value: Any) -> str:
    number = _number(value)
    if number is None:
        return str(value)
    return f"{int(number):,}" if number == int(number) else f"{number:,}"


def _inline(entry: dict[str, Any]) -> str:
    return "{" + ", ".join(f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in entry.items()) + "}"
