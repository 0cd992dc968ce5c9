"""Spelling-insensitive keys for personal names, and which spelling to prefer.

Two spellings name the same person when they differ only in hyphenation or
spacing of the given name (Kim Jong-un / Kim Jong Un) or in name order
(Lee Kyung-hee / Kyung-hee Lee). A family name alone never matches a full
name: Kim Jong-un and Kim Jong-dae share a family name and nothing else.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from nameparser import HumanName


def _char_class(test) -> str:
    """A regex character class of the letters (below U+3000) for which test(char) holds, as ranges."""
    ranges: list[list[int]] = []
    for code in range(0x3000):
        if test(chr(code)):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    return "[" + "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges) + "]"


# One definition of the letters a name is written in, for every pattern that matches names:
# "Alcántara", "Ibáñez", "Łukasz", "Ørsted" are names as much as "Alcantara" is.
UPPER = _char_class(lambda c: c.isupper() or unicodedata.category(c) == "Lt")
LOWER = _char_class(lambda c: c.islower() or unicodedata.category(c) == "Mn")  # with combining accents (NFD text)
LETTER = r"[^\W\d_]"
# one capitalised word of a name: "Ibáñez", "Min-seo", "Obi-Hart", "MacLeod", "McAllister", "O'Leary", "N’Golo";
# never the first letters of a longer word ("Ma" of "MacLeod", "Alc" of "Alcántara")
NAME_WORD = (rf"(?:(?:Ma?c|{UPPER}[’']){UPPER}|{UPPER}){LOWER}+(?:-{UPPER}?{LOWER}+|[’']{UPPER}{LOWER}+)*(?!{LETTER})")


def name_tokens(name: str) -> list[str]:
    """The words of a name, possessive dropped: "Kim Jong-un’s" -> ["Kim", "Jong-un"]."""
    return list(_name_tokens(name))


@lru_cache(maxsize=4096)  # people lookups compare every name with every other: split each once
def _name_tokens(name: str) -> tuple[str, ...]:
    name = re.sub(r"[’']s\b", "", name.strip())
    return tuple(token for token in re.split(r"\s+", name) if token)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(char for char in text if char.isalnum()).casefold()


def name_keys(name: str) -> set[str]:
    """Keys that match across hyphenation, spacing and a family-name-first/last swap.

    Only names of two or more words get keys: one word is too little to merge on.
    """
    return set(_name_keys(name))


@lru_cache(maxsize=4096)
def _name_keys(name: str) -> frozenset[str]:
    tokens = name_tokens(name)
    if len(tokens) < 2:
        return frozenset()
    keys = {_fold("".join(tokens))}
    keys.add(_fold("".join(tokens[1:] + tokens[:1])))   # "Lee Kyung-hee" read as "Kyung-hee Lee"
    keys.add(_fold("".join(tokens[-1:] + tokens[:-1])))  # and the other way round
    return frozenset(keys)


def same_person(first: str, second: str) -> bool:
    """True when two full names are spellings of one name (never on a family name alone)."""
    return bool(name_keys(first) & name_keys(second))


# lower-case words that begin a family name: "Ludwig van der Berg", "Juan de la Cruz", "Ali bin Saleh"
PARTICLES = ("al", "bin", "ibn", "van", "von", "de", "da", "di", "del", "della", "der", "le", "la", "du", "dos", "das",
             "ter", "zu", "vom", "bint", "degli", "dei", "las", "los")


@lru_cache(maxsize=4096)
def family_name(name: str) -> str:
    """The family name of a full name, as nameparser reads its parts: past a suffix ("Harlan Voss Jr." ->
    "Voss") and with its particles ("Ludwig van der Berg" -> "van der Berg"); the last word if it finds none."""
    tokens = name_tokens(name)
    return HumanName(" ".join(tokens)).last or (tokens[-1] if tokens else "")


def same_but_middle(first: str, second: str) -> bool:
    """"Seddique Mir Mateen" and "Seddique Mateen", "Ada R. Moss" and "Ada Moss": the same given and
    family name, one spelling with a middle name or initial that the other leaves out."""
    a, b = [_fold(t) for t in name_tokens(first)], [_fold(t) for t in name_tokens(second)]
    short, long = sorted((a, b), key=len)
    if len(short) < 2 or len(short) == len(long) or short[0] != long[0] or short[-1] != long[-1]:
        return False
    middle = iter(long[1:-1])
    return all(word in middle for word in short[1:-1])  # the shorter's middle words, in order, among the longer's


def ends_the_name(short: str, full: str) -> bool:
    """"López Obrador" of "Andrés Manuel López Obrador": two words or more that end a longer name (a
    double family name, or a given name dropped before it)."""
    a, b = [_fold(t) for t in name_tokens(short)], [_fold(t) for t in name_tokens(full)]
    return 2 <= len(a) < len(b) and b[-len(a):] == a


def preferred_spelling(spellings: list[str]) -> str:
    """The spelling to use as a record's name: the first seen, except that for a
    hyphenated (Korean-style) given name the family-name-first order wins."""
    for spelling in spellings:
        tokens = name_tokens(spelling)
        if len(tokens) == 2 and "-" in tokens[1] and "-" not in tokens[0]:
            if any(name_tokens(other) == tokens[::-1] for other in spellings):
                return spelling
    return spellings[0]
