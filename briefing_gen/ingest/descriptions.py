"""Speakers named by description: "the duchess said", "the mayor added", "a reporter asked".

A definite description ("the prince", "the council leader") stands for the one person
named earlier whose role or title it repeats; when none or two fit it stands for no one
in particular. An unnamed speaker ("the man", "a guard", "another person") keeps the
description as the speaker, with no person record made up for it (DESCRIBED).
"""

from __future__ import annotations

import re

from .names import UPPER
from .people import PeopleRegistry, Person

# the speaker is described, not named: a quote keeps the words, its person is unknown
DESCRIBED = Person(["(described)"], kind="described", described=True)

_DETERMINERS = {"the", "this", "that", "a", "an", "one", "another"}
PERSON_NOUNS = re.compile(r"(?:man|woman|boy|girl|person|guard|official|resident|spokesperson|spokesman|spokeswoman|"
                           r"minister|mp|senator|mayor|governor|president|prince|princess|duke|duchess|king|queen|judge|"
                           r"officer|owner|manager|director|chief|leader|chair|chairman|chairwoman|teacher|doctor|nurse|"
                           r"lawyer|reporter|witness|driver|pilot|captain|farmer|worker|student|fan|expert|analyst|"
                           r"researcher|scientist|professor|coach|player|star|singer|actor|actress|writer|author|uncle|"
                           r"aunt|mother|father|son|daughter|wife|husband|brother|sister|neighbour|neighbor|friend|"
                           r"\d+-year-old|pair|couple|youngster|pensioner|victim|survivor|organi[sz]er|campaigner|activist|host|master|"
                           r"pal|source|insider|aide|relative|colleague|classmate|member|mum|mom|dad|parent|child|guest|"
                           r"local|onlooker|bystander|eyewitness|staffer|employee|veteran|participant|attendee|fellow|attorney|counsel|"
                           r"advocate|plaintiff|defendant|deputy|envoy|clerk|diplomat|consultant|associate|tenant|client|critic|"
                           r"\w{3,}(?:er|or|ist|ian|man|woman|men|women))")  # agent nouns: "the organiser", "a fisherman"


def resolve_description(text: str, registry: PeopleRegistry) -> Person | None:
    """The person of the article a definite description stands for, DESCRIBED for a person
    not named, or None when it names no person (an organisation, "the report")."""
    words = [w for w in re.findall(r"[\w’'-]+", text.lower()) if w not in _DETERMINERS]
    if not words or not PERSON_NOUNS.fullmatch(words[-1]):
        return None
    if re.match(r"\s*(?:an?|one|another)\s", text, re.IGNORECASE):
        return DESCRIBED  # "a reporter asked": someone new, never the reporter of the byline
    head = words[-1]
    fitting = [person for person in registry.people if person.kind == "person" and head in _described_by(person)]
    if len(fitting) > 1:
        return None  # "the minister" when two ministers are named: either, so no one; flagged
    return fitting[0] if fitting else DESCRIBED


def _described_by(person: Person) -> set[str]:
    """The words an article can use to describe a person: their role and titles."""
    words = set(re.findall(r"[\w’'-]+", (person.role or "").lower()))
    if person.age:
        words.add(f"{person.age}-year-old")
    for titled in person.titled:
        words.update(re.findall(r"[\w’'-]+", titled.lower())[:-1])
    return words


_SUBJECT = re.compile(r"\s*(?P<desc>(?:An?|The)\s+(?:[a-z][\w’'-]*\s+){0,2}?(?P<noun>[a-z][\w’'-]*)"
                      r"(?:\s+(?:for|of|from|at|with)\s+(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,3}?)?)\s+(?:[a-z]+ly\s+)?$")


def described_subject(before_verb: str) -> Person | None:
    """An unnamed person opening a sentence before its verb ("A spokesman for the port authority
    defended the offer."): someone a "he" right after can mean, who has no record of their own."""
    match = _SUBJECT.fullmatch(before_verb)
    if not match or not PERSON_NOUNS.fullmatch(match["noun"]) or match["noun"].endswith("s"):
        return None
    return Person([match["desc"]], kind="person", described=True)


_KIN = r"(?:uncle|aunt|father|mother|brother|sister|son|daughter|wife|husband|grandfather|grandmother|grandson|" \
       r"granddaughter|nephew|niece|cousin|partner|boyfriend|girlfriend|fiancée?|widow|widower|mum|dad)"
_KIN_SUBJECT = re.compile(r"(?:^|[,;:]\s+|\b(?:and|but|then|when|as|before|after)\s+)(?P<desc>" + UPPER + r"[\w’'-]+[’']s\s+"
                          r"(?:(?:late|eldest|oldest|youngest|older|younger|elder|own)\s+)?" + _KIN + r")"
                          r"\s+(?:[a-z]+ly\s+)?(?!(?:who|that|which|is|was|has|had)\b)[a-z]+(?:s|ed)\b")


def kin_subject(sentence: str) -> str | None:
    """A person described by kinship to someone named, as the subject of a clause ("Hadvar's
    uncle slowly reaches for his mace"): whom a "he" or "she" after it can mean."""
    match = None
    for match in _KIN_SUBJECT.finditer(sentence):
        pass
    return match["desc"] if match else None
