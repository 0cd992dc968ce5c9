"""What the content folder already holds that ingest must fit into: summits (their
date windows) and people (so a later article adds aliases instead of a duplicate)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..dates import PartialDate, parse_date
from .names import name_keys
from .people import Person
from .records import Draft, read_record, slugify


@dataclass(frozen=True)
class SummitWindow:
    slug: str
    start: PartialDate
    end: PartialDate

    def holds(self, date: PartialDate) -> bool:
        return self.start.first_day() <= date.first_day() and date.last_day() <= self.end.last_day()


def load_summits(content_dir: Path, folder: str | None = "summits") -> list[SummitWindow]:
    """Summit windows, from `window: {from, to}` or, without one, the summit's own date; from
    the folder the briefing gives what it compares (none when it compares nothing)."""
    windows = []
    for path in sorted((content_dir / folder).glob("*.md")) if folder else ():
        record = read_record(path)
        if record is None:
            continue
        front = record[0]
        window = front.get("window") if isinstance(front.get("window"), dict) else {}
        try:
            start = parse_date(window.get("from", front.get("date")))
            end = parse_date(window.get("to", front.get("date")))
        except ValueError:
            continue
        windows.append(SummitWindow(path.stem, start, end))
    return windows


def summit_for(date: PartialDate | None, summits: list[SummitWindow]) -> str | None:
    for summit in summits:
        if date is not None and summit.holds(date):
            return summit.slug
    return None


@dataclass
class KnownPerson:
    """A people record on disk (or written earlier in this run)."""

    slug: str
    front: dict[str, Any]
    body: str
    added: list[str] = field(default_factory=list)

    @property
    def spellings(self) -> list[str]:
        aliases = self.front.get("aliases") or []
        return [str(self.front.get("name", ""))] + [str(alias) for alias in aliases if alias is not None]

    def matches(self, person: Person) -> bool:
        own = {spelling.casefold() for spelling in self.spellings}
        if person.kind == "organization" or self.front.get("kind") == "organization":
            return person.kind == self.front.get("kind", "person") and any(a.casefold() in own for a in person.aliases + person.spellings)
        if any(name_keys(mine) & name_keys(theirs) for mine in self.spellings for theirs in person.spellings):
            return True
        return any(alias.casefold() in own for alias in person.titled) or (
            all(" " not in s for s in person.spellings) and any(s.casefold() in own for s in person.spellings))


class PeopleIndex:
    """The people records a run knows of, by slug; matches an article's people to them."""

    def __init__(self, known: list[KnownPerson]) -> None:
        self.known = {person.slug: person for person in known}
        self.drafted: set[str] = set()  # slugs this run changed (new, or with aliases added)

    @classmethod
    def load(cls, content_dir: Path) -> "PeopleIndex":
        known = []
        for path in sorted((content_dir / "people").glob("*.md")):
            record = read_record(path)
            if record is not None:
                known.append(KnownPerson(path.stem, record[0], record[1]))
        return cls(known)

    def place(self, person: Person, source_title: str) -> tuple[Draft, bool]:
        """The people record for an article's person: the existing one with new aliases
        added, or a new record with a slug no one else holds; and whether it needs writing
        (an existing record that gains nothing is left alone)."""
        matches = [known for known in self.known.values() if known.matches(person)]
        if len(matches) == 1 or (matches and person.kind == "person" and any(" " in s for s in person.spellings)):
            known = matches[0]
            taken = self._aliases_of_others(known.slug)
            aliases = list(known.front.get("aliases") or [])
            for alias in person.aliases:
                if alias.casefold() not in {str(a).casefold() for a in aliases} and alias.casefold() not in taken:
                    aliases.append(alias)
            front = dict(known.front)
            front["aliases"] = aliases
            if person.role and not front.get("role"):
                front["role"] = person.role
            changed = front != known.front or known.slug in self.drafted
            known.front = front
            if changed:
                self.drafted.add(known.slug)
            return Draft("people", known.slug, front, known.body), changed
        slug = self._free_slug(slugify(person.name))
        taken = self._aliases_of_others(slug)
        front = {"name": person.name, "aliases": [a for a in person.aliases if a.casefold() not in taken],
                 "role": person.role, "kind": person.kind}
        body = f"Named in “{source_title}”." if source_title else ""
        self.known[slug] = KnownPerson(slug, front, body)
        self.drafted.add(slug)
        return Draft("people", slug, front, body), True

    def _aliases_of_others(self, slug: str) -> set[str]:
        return {spelling.casefold() for other in self.known.values() if other.slug != slug for spelling in other.spellings}

    def _free_slug(self, base: str) -> str:
        slug, number = base, 2
        while slug in self.known:
            slug, number = f"{base}-{number}", number + 1
        return slug
