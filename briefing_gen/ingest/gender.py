"""A person's grammatical gender as the article states it, and he/she resolution.

"He said" must go to the last named speaker the pronoun can stand for. The
gender is taken only from the text itself: a gendered title ("Mr", "Mrs",
"spokeswoman"), a he/his or she/her after the only name of a sentence, or a
pronoun already resolved to that person. Names are never guessed at: when
the nearest speaker's gender is unknown and an earlier speaker fits as well,
the reference is ambiguous and the caller leaves the quote unknown.
"""

from __future__ import annotations

import re

from .people import Person

MALE, FEMALE, MIXED = "male", "female", "mixed"
_PRONOUN_GENDER = {"he": MALE, "him": MALE, "his": MALE, "himself": MALE,
                   "she": FEMALE, "her": FEMALE, "hers": FEMALE, "herself": FEMALE}
_TITLE_GENDER = {"mr": MALE, "sir": MALE, "lord": MALE, "king": MALE, "prince": MALE, "duke": MALE, "father": MALE,
                 "man": MALE, "boy": MALE, "son": MALE, "husband": MALE, "brother": MALE, "uncle": MALE,
                 "woman": FEMALE, "girl": FEMALE, "daughter": FEMALE, "wife": FEMALE, "mother": FEMALE, "aunt": FEMALE,
                 "mrs": FEMALE, "ms": FEMALE, "miss": FEMALE, "madam": FEMALE, "dame": FEMALE, "lady": FEMALE,
                 "queen": FEMALE, "princess": FEMALE, "duchess": FEMALE, "sister": FEMALE,
                 "grandfather": MALE, "grandson": MALE, "nephew": MALE, "boyfriend": MALE, "widower": MALE, "dad": MALE,
                 "fiancé": MALE, "grandmother": FEMALE, "granddaughter": FEMALE, "niece": FEMALE, "girlfriend": FEMALE,
                 "widow": FEMALE, "mum": FEMALE, "mom": FEMALE, "fiancée": FEMALE}
_MAN_ROLES = {"spokesman", "chairman", "congressman", "councilman", "businessman", "assemblyman", "alderman",
              "statesman", "anchorman", "cameraman", "fisherman", "policeman", "fireman", "salesman",
              "sportsman", "nobleman", "clergyman", "frontman", "foreman", "ombudsman", "weatherman"}
_PRONOUN_WORD = re.compile(r"\b(?:he|him|his|himself|she|her|hers|herself)\b", re.IGNORECASE)
# subject and possessive uses only: "told him" or "thanked her" is usually someone else
_OWN_PRONOUN = re.compile(r"\b(?:he|his|himself|she|herself|her(?=\s+(?!(?:that|to|the|a|an|about|on|in|at|for|with|of|"
                          r"and|as|if|why|how|what|whether|not|again|too|so|off|up|out|down|back|away|over|around|through|from|by|"
                          r"when|after|before|during|because|while|until|into|onto|alone|once|there|here|home|now|then|"
                          r"later|soon|well|hard)\b)[a-z]))\b", re.IGNORECASE)  # "cut her off": an object, not "her team"


def pronoun_gender(word: str) -> str | None:
    """MALE for he/him/his, FEMALE for she/her/hers, None for anything else."""
    return _PRONOUN_GENDER.get(word.lower())


def title_gender(title: str | None) -> str | None:
    """The gender a title or a role word gives: "Mr", "Mrs", "spokeswoman", "chairwoman"."""
    if not title:
        return None
    words = title.lower().replace(".", "").split()
    for word in words:
        if word in _TITLE_GENDER:
            return _TITLE_GENDER[word]
        if word.endswith("woman") or word.endswith("women"):
            return FEMALE
        if word in _MAN_ROLES:
            return MALE
    return None


def note_gender(person: Person | None, gender: str | None) -> None:
    """Record what the text says; two contradicting statements leave it MIXED (unknown)."""
    if person is None or gender is None or person.kind != "person":
        return
    person = person.final()
    current = person.gender
    person.gender = gender if current in (None, gender) else MIXED


def gender_of(person: Person) -> str | None:
    """The gender the text gave this person, or None when it gave none or contradicted itself."""
    gender = person.final().gender
    return None if gender == MIXED else gender


def sentence_gender(masked_sentence: str, people: list[tuple[int, Person]]) -> None:
    """A he/his or she/her after the only person named in a sentence (outside quotes)
    is that person's: "Lisa Moor said her team had checked"."""
    distinct = {id(person.final()): person for _, person in people}
    if len(distinct) != 1:
        return
    first = min(start for start, _ in people)
    # ", his deputy," describes the named person by someone else's pronoun
    masked_sentence = re.sub(r",\s*(?:his|her)\s+[^,;:]{1,60},", lambda m: " " * len(m.group(0)), masked_sentence)
    if _PRONOUN_WORD.search(masked_sentence[:first]):
        return  # "He told Lisa Moor his plan": the pronouns are someone else's
    genders = {pronoun_gender(m.group(0)) for m in _OWN_PRONOUN.finditer(masked_sentence, first)}
    if len(genders) == 1:
        note_gender(next(iter(distinct.values())), genders.pop())


def subject_gender(after_verb: str, person: Person | None) -> None:
    """"Dace told Okonkwo that she …", "Rask said he …": a pronoun opening the reported
    clause right after a speech verb is its subject's, by the usual reading."""
    match = re.match(r"\s*(?:[\w’'-]+\s+){0,3}?(?:that\s+)?(?P<pronoun>he|she)\b", after_verb)
    # "told Ruiz it appeared she …": a clause of its own in between, whose "she" is anyone's
    if match and not re.search(r"[,;:_]|\b(?:it|there|this)\s", match.group(0)):
        note_gender(person, pronoun_gender(match["pronoun"]))


def resolve_pronoun(word: str, recent: list[tuple[Person, int]], paragraph: int,
                    window: int = 2, continuing: bool = False) -> tuple[Person | None, list[Person]]:
    """The person a he/she in `paragraph` stands for among the speakers so far
    ((person, paragraph) pairs, most recent last), and, when it is ambiguous, the
    people it could be. The nearest fitting speaker is taken when the text gives
    them the pronoun's gender, or when no other fitting speaker spoke in the last
    `window` paragraphs (a writer alternating two speakers of unstated gender leaves
    "he" open; one who introduced a new speaker at length means that one).
    A pronoun resolved for sure gives its person the gender. `continuing` (he added, she
    went on): the one person of this paragraph who spoke is meant."""
    gender = pronoun_gender(word)
    last_turn: dict[int, tuple[Person, int]] = {}
    for person, number in recent:
        person = person.final()
        if person.kind == "person":
            last_turn.pop(id(person), None)
            last_turn[id(person)] = (person, number)
    seen = list(reversed(last_turn.values()))
    fitting = [(p, n) for p, n in seen if gender_of(p) in (None, gender)]
    if not fitting:
        return None, []
    nearest = fitting[0][0]
    if gender is None or gender_of(nearest) == gender:
        return nearest, []
    rivals = [p for p, n in fitting[1:] if n >= paragraph - window]
    here = [p for p, n in fitting if n == paragraph]
    if continuing and len(here) == 1 and here[0] is nearest:
        rivals = []  # "Sparks says … “…,” he adds.": the one speaker of the paragraph goes on
    if not rivals:
        note_gender(nearest, gender)
        return nearest, []
    return None, [nearest, *rivals[:2]]
