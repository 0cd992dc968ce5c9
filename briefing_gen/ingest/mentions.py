"""Who a paragraph names, before any quote is attributed: every personal name with a role
written before it, a kinship word or an age after it, and the person a sentence opens with.

register_mentions fills the article's people registry; family_names and sentence_subject
find the people a sentence means by a family name alone ("Okafor recalled ...").
"""

from __future__ import annotations

import re

from .attribution import is_org_word
from .descriptions import PERSON_NOUNS
from .gender import note_gender, title_gender
from .names import LOWER, NAME_WORD, UPPER
from .people import NOT_NAME_WORDS, PeopleRegistry, Person, find_person_names, is_headline, is_title
from .quotes import find_spans, is_title_span


_MODIFIER = (r"(?:former|deputy|vice|acting|senior|chief|foreign|prime|interim|defen[cs]e|finance|state|top|then|"
             r"outgoing|incoming|new|assistant|associate|executive|managing|regional|local|city|party|government|"
             r"military|political|legal|security|economic|trade|health|education|transport|press)\s+")
# a role written before a name: capitalised words and modifiers only, so "Borland met President" is not one
_ROLE_BEFORE = re.compile(r"(?<![\w’'-])((?:[A-Z][\w’'-]+\s+){0,3}(?:" + _MODIFIER + r"){0,2}(?:correspondent|spokesperson|spokeswoman|researcher|ambassador|chancellor|Chancellor|Ambassador|spokesman|president|secretary|commander|professor|economist|President|Secretary|chairman|minister|reporter|director|official|lawmaker|governor|Chairman|Minister|Governor|Director|analyst|general|premier|Premier|General|leader|expert|Leader|envoy|chief|mayor|Mayor|MP|MEP|MSP|senator|Senator|councillor|Councillor|engineer|supervisor|Supervisor|superintendent|Superintendent|judge|Judge))\s+$")


def register_mentions(text: str, registry: PeopleRegistry) -> None:
    """Every personal name of a paragraph, with a role written before it ("Kremlin spokesman");
    none inside a title in quote marks (the film "Quay Lights")."""
    if is_headline(text) or re.match(r"#{1,6}\s", text):
        return  # "How SpotMini and Atlas Became the Internet's Favorite Robots", "## Reaching Riverwood"
    titles = [span for span in find_spans(text) if is_title_span(text, span, True)]
    register_kin_first_names(text, registry)
    for name in organization_names(text):
        if name not in registry.organizations_named:
            registry.organizations_named.append(name)
    for mention in find_person_names(text):
        if any(span.start <= mention.start < span.end for span in titles):
            continue
        role = _ROLE_BEFORE.search(text[: mention.start])
        person = registry.resolve_name(mention.name, mention.title, role.group(1) if role else _role_after(text[mention.end:]))
        if mention.nickname and person.kind == "person":
            registry.add_nickname(person, mention.nickname)
        kin = re.search(r"\b(brother|sister|son|daughter|husband|wife|father|mother|uncle|aunt|nephew|niece|widow|widower|"
                        r"grandfather|grandmother|boyfriend|girlfriend)(?:\s+of\s+\w+(?:\s+\w+)?)?(?:\s+|,\s*)$",
                        text[: mention.start])  # "her brother Peter Hallam", "Her father, Quang Tran,", "His wife of 61 years, Helen Obi"
        note_gender(person, title_gender(kin.group(1)) if kin else None)
        age = re.match(r",\s*(\d{1,3}),", text[mention.end:])  # "Karl Moss, 78, said"
        if age and person.kind == "person":
            person.age = person.age or int(age.group(1))
        note_gender(person, title_gender(mention.title) or title_gender(role.group(1).split()[-1] if role else None))


_KIN_WORDS = (r"(?:sons?|daughters?|children|kids|twins|grandsons?|granddaughters?|grandchildren|brothers?|sisters?|"
              r"husband|wife|partner|boyfriend|girlfriend|fianc[ée]e?|nephews?|nieces?|stepsons?|stepdaughters?)")
_AGE = r"(?:,\s*(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)(?=[,.;\s]))?"
_FIRST_NAME = r"(?P<name>" + NAME_WORD + r")(?![\w’'-]|\s+" + UPPER + r")" + _AGE
# "her son Leo", "daughters Sofia, eight, and Ines, five": kin named by a first name alone, who are people too
_KIN_FIRST_NAMES = re.compile(r"\b" + _KIN_WORDS + r",?\s+(?=" + UPPER + r")")
_NEXT_FIRST_NAME = re.compile(r"(?:,?\s*(?:and|&)\s+|,\s*)?" + _FIRST_NAME)


def register_kin_first_names(text: str, registry: PeopleRegistry) -> None:
    """Relatives the text names by a first name only, after a kinship word: each is a person of
    the article (the same person as a full name that opens with it, if there is one)."""
    for kin in _KIN_FIRST_NAMES.finditer(text):
        position, first = kin.end(), True
        while True:
            match = _NEXT_FIRST_NAME.match(text, position)
            if match is None or (first and match.start("name") != position):
                break
            name = match["name"]
            if name.lower() in NOT_NAME_WORDS or is_org_word(name) or is_title(name) or re.match(r"\.", text[match.end("name"):]):
                break  # "his wife, son and daughter, Dr. Obi is …": a title, not a first name
            if "," in kin.group(0) and not re.match(r"\s*(?:,|and\b|&)", text[match.end():]):
                break  # "Her husband, Tomas, agreed": after a comma, only a first name set off by one
            person = registry.resolve_single(name)
            if person.spellings == [name]:
                person.first_named = True
            position, first = match.end(), False


_APPOSITION = re.compile(r"[’']?s?,\s*(?:\d{1,3},\s*)?(?:the|a|an)\s+(?P<role>[^,.;:()“”\"_]{3,80}?)(?=\s*(?:[,.;:)]|$))")


def _role_after(after: str) -> str | None:
    """A role in apposition after a name ("Jane Doe, the Labour MP for Selby,", "Karl Moss, 78,
    a retired pilot,"): what "the MP" or "the pilot" later refers back to."""
    match = _APPOSITION.match(after)
    if not match:
        return None
    head = re.split(r"\s(?:of|for|at|in|from|with|on|to|who|whose|and)\s", match["role"])[0].split()
    return match["role"] if head and PERSON_NOUNS.fullmatch(head[-1].lower()) else None


def family_names(sentence: str, mentions, registry: PeopleRegistry) -> list[tuple[int, Person]]:
    """A family name alone ("Okafor recalled …") standing for the one person of the article who has it."""
    found = []
    for match in re.finditer(r"(?<![\w’'-])" + UPPER + LOWER + r"[\w’'-]*", sentence):
        if any(m.start <= match.start() < m.end for m in mentions):
            continue
        word = match.group(0)
        owners = [p for p in registry.people if p.kind == "person" and (p.has_family_name(word) or word in p.spellings)]
        if len(owners) == 1:
            found.append((match.start(), owners[0]))
    return found


def sentence_subject(sentence: str, mentions, named, registry: PeopleRegistry) -> Person | None:
    """The person a sentence opens with: a name after at most a few title words, or the
    family name of the one person of the article who has it ("Vell disagreed.")."""
    if mentions and re.fullmatch(r"\s*(?:[A-Z][^,_]{0,60},\s*)?(?:[\w’'.-]+\s+){0,6}", sentence[: mentions[0].start]) \
            and named[0][1].kind == "person" \
            and not re.search(r"\b(?:[Hh]e|[Ss]he|[Tt]hey)\b", sentence[: mentions[0].start]):
        # "Back at the school, Ms Nwachukwu has …", "His daughter, Nguyen Thi Mai, was"; not "She met
        # Ada Roe", though the writer's "When I asked Ada Roe" still is
        return named[0][1]
    # "Ortiz was generous", "Reached at his home, Ortiz was generous": past an opening phrase, and
    # past the age newsrooms set after a name ("Ortiz, 71, won", "Ortiz, now 54, took over")
    first = re.match(r"\s*(?:[A-Z][^,_]{0,60},\s*)?(?:(?:But|And|Yet|So|Still|Now)\s+)?(" + UPPER + r"[\w’'-]+)(?:,\s+(?:now\s+|aged\s+)?\d{1,3},)?"
                     r"(?:\s+[a-z]|,\s+(?:who|whose)\b)", sentence)
    if first is None:
        return None
    word = first.group(1)
    owners = [p for p in registry.people if p.kind == "person" and p.has_family_name(word)]
    if not owners:  # "Hadvar hacks the wolf down": someone the article knows by one name only
        owners = [p for p in registry.people if p.kind == "person" and p.spellings == [word]]
    # several ("Tran" in a profile of Linh Tran that names her father Quang Tran too): a writer calls
    # the others by given or full names, so the subject the family name opens with is the first one
    return owners[0] if owners else None


_SIGNATURE = re.compile(r"(?P<name>" + NAME_WORD + r"\s+(?:" + UPPER + r"\.?\s+)?" + UPPER + r"[\w’'-]+)(?:\s+" + UPPER + r"[\w’'.-]*){1,3}")


def register_signatures(paragraphs: list[str], registry: PeopleRegistry) -> set[int]:
    """A letter to the editor ends with its writer's name and town on a line of their own,
    before the next letter's heading or the page's end ("Dennis Carlisle Newark"): the
    first two words (and a middle initial) are the writer. Returns those paragraphs' numbers."""
    found = set()
    for number, paragraph in enumerate(paragraphs, 1):
        following = paragraphs[number] if number < len(paragraphs) else "#"
        previous = paragraphs[number - 2] if number > 1 else ""
        signature = _SIGNATURE.fullmatch(paragraph.strip())
        if signature and following.startswith("#") and re.search(r"[.!?”\"]$", previous.strip()):
            registry.resolve_name(signature["name"])
            found.add(number)
    return found


COMPANY_SUFFIX = r"(?:Inc|Corp|Corporation|Ltd|Limited|plc|PLC|LLC|Co|AG|SA|GmbH|NV|Group|Holdings)"
_ORGANIZATION = re.compile(r"(?<![\w’'-])(?P<name>" + UPPER + r"[\w&’'.-]*(?:\s+(?:(?:of|for|and|the|on|de)\s+)?" + UPPER
                           + r"[\w&’'.-]*){0,5})")
_COMPANY = re.compile(r"(?<![\w’'-])(?P<name>(?:" + UPPER + r"[\w&’'-]*\s+){0,3}" + UPPER + r"[\w&’'-]*),?\s+" + COMPANY_SUFFIX
                      + r"\b\.?")


_DAY_OR_MONTH = (r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
                 r"August|September|October|November|December)\b")


def organization_names(text: str) -> list[str]:
    """Organisations a paragraph names: a company with its suffix ("Acme Inc."), or a proper
    name ending in an organisation word ("the Ministry of Defence", "Harris County Sheriff's Office")."""
    found = [re.sub(r",(?=\s)", "", match.group(0)).strip().rstrip(".") for match in _COMPANY.finditer(text)]
    for match in _ORGANIZATION.finditer(text):
        name = re.split(r"\s+on\s+(?=" + _DAY_OR_MONTH + ")", match["name"])[0]  # "… Museum of Print on Tuesday"
        words = re.sub(r"\.$", "", name).split()
        while words and words[0] in ("The", "A", "An"):
            words = words[1:]
        # the organisation word ends the name ("Harris County Sheriff's Office") or comes before its
        # "of" ("Vellmouth Museum of Art", "University of Kestrel", "Ministry of Defence")
        head = words[words.index("of") - 1] if "of" in words[1:] else words[-1] if words else ""
        if len(words) >= 2 and is_org_word(head) and words[0].lower() not in ("according",):
            found.append(" ".join(words))
    return found


def organization_context(word: str, paragraphs: list[str]) -> bool:
    """Whether the article writes a one-word name as a company's: with a company suffix, or
    with what only organisations have ("Acme’s shares", "a Microsoft spokesperson", "Acme employees")."""
    name = re.escape(word)
    return any(re.search(r"(?<![\w’'-])" + name + r"(?:[’']s)?,?\s+(?:" + COMPANY_SUFFIX + r"\b|spokes(?:man|woman|person)|"
                         r"chief executive|CEO|shares|stock|employees|staff|headquarters|subsidiary|board|investors|"
                         r"customers|executives)\b|\bshares (?:of|in) " + name + r"\b|\b(?:at|for|with|from|joined|left) " + name
                         + r"(?:[’']s)?\s+(?:headquarters|offices?)\b", paragraph) for paragraph in paragraphs)
