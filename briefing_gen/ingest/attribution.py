"""Who said it: speech verbs, their subjects, and what relayed the words.

Works on one sentence at a time in which every quotation has been masked,
so words inside a quote never pass for an attribution. Returns the speaker
phrase as written with its kind (a name, a pronoun, an organisation, or a
description such as "the news agency"); the article pass resolves it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .names import NAME_WORD, UPPER
from .people import NOT_NAME_WORDS, find_person_names, is_person_name, is_title, strip_leading_words

SPEECH_VERBS = (
    "said|says|say|told|tells|added|adds|explained|explains|stated|states|wrote|writes|noted|notes|warned|"
    "indicated|estimated|estimates|"
    "warns|insisted|insists|argued|argues|declared|declares|announced|announces|concluded|concludes|replied|"
    "replies|remarked|commented|stressed|stresses|emphasi[sz]ed|continued|asked|asks|claimed|claims|reported|"
    "reports|recalled|acknowledged|admitted|observed|joked|urged|pledged|promised|vowed|predicted|suggested|"
    "tweeted|posted|quipped|conceded|cautioned|confirmed|assured|boasted|complained|responded|answered|"
    "reiterated|reiterates|repeated|repeats|admits|instructed|demanded|demands|urges|calls? on|branded|brands|branding|"
    "labell?ed|dubbed|admit|recalls|maintained|maintains|contended|contends|asserted|asserts|"
    "clarified|testified|exclaimed|mentioned|reminded|criticised|criticized|denounced|disputed|proclaimed|restated|"
    "countered|counters|retorted|interjected|shouted|yelled|whispered|muttered|screamed|laughed|laughs|sighed|"
    "mused|muses|fumed|raged|snapped|jokes|concedes|acknowledges|emailed|texted|wondered|wonders|puts? it|"
    "alleged|alleges|agrees|remembers|points? out|pointing out|(?:(?<=what he )|(?<=what she )|(?<=what they ))calls?|"
    "praised|hailed|called|described|dismissed|denied|welcomed|accused|thanked|quoted|pointed out|"
    "rejoined|interrupted|objected|protested|shot back|fired back|hit back|chimed in|cut in|"
    "adding|saying|noting|insisting|explaining|warning|arguing|stressing|telling|asking|claiming|concluding|"
    "posting|tweeting|writing|dismissing|calling|stating|declaring|admitting|recalling|replying|responding"
)
_VERB = re.compile(r"\b(?P<verb>" + SPEECH_VERBS + r")\b")


def has_any_speech_verb(masked: str) -> bool:
    """Any speech verb of SPEECH_VERBS stands in the sentence ("concluded", "posting"), whoever its subject."""
    return bool(_VERB.search(masked))


_PARTICIPLE = re.compile(r"ing$")
_PRONOUNS = {"he": "person", "she": "person", "him": "person", "her": "person", "they": "organization",
             "them": "organization", "it": "organization"}
_SKIP_WORDS = {"also", "then", "later", "once", "again", "further", "only", "just", "has", "had", "have",
               "was", "is", "were", "will", "would", "could", "may", "might", "had", "reportedly", "previously",
               "earlier", "recently", "repeatedly", "publicly", "personally", "separately", "quickly", "simply",
               "himself", "herself", "themselves", "itself",
               "finally", "now", "even", "already", "never", "always", "still", "had", "not", "did", "does"}
_CLAUSE_BREAK = re.compile(r"_+|[,;:()–—]|\b(?:that|but|and|while|as|when|because|after|before|if|then|what|where|"
                           r"which|who|even|so|since|though|although)\b")
_MEDIA = re.compile(r"^(?:[A-Z]{2,6}|[A-Z][a-z]*(?:[A-Z][a-z]+)*(?:News|Wire|Times|Post|Daily|Media|Press|Journal|Herald)(?:[A-Z][a-z]+)*|.*\b(?:News|Times|Post|Journal|Agency|Radio|TV|Television|Press|Reuters|Bloomberg|"
                    r"Guardian|Telegraph|Herald|Tribune|Gazette|Broadcasting|Network|Channel|Wire|Daily|Media|"
                    r"Yonhap|Kyodo|Xinhua|Interfax|Newspaper|Magazine)\b.*|.*\b(?:media|television|newspaper|"
                    r"agency|broadcaster|radio)\b.*)$")
_ORG_WORDS = re.compile(r"\b(?:Administration|Council|Institute|University|Agency|Ministry|Department|News|Party|Army|Navy|Forces|"
                        r"Federation|Union|Bank|Fund|Group|Company|Corporation|Committee|Commission|Assembly|"
                        r"Parliament|Congress|Senate|Court|Office|Service|Center|Centre|Foundation|Association|"
                        r"Organi[sz]ation|Network|Kremlin|Pentagon|White House|Government|Police|Authority|"
                        r"Board|Bureau|Command|Staff|Times|Post|Journal|Radio|TV|Library|Museum|Club|Society|Friends|Church|"
                        r"Hospital|Theatre|Gallery|School|Trust|Alliance|League|Coalition|Movement|Initiative|Campaign|Labs?|"
                        r"Laborator(?:y|ies)|Observatory|Airlines|Airways|Railways|Ferries|Holdings|Farmers|Growers|"
                        r"Workers|Residents|Fishermen|Traders|Miners|Drivers|Nurses|Teachers|Doctors|Students|Voters|"
                        r"Owners|Veterans|Parents|Unions|Embassy|Consulate|Secretariat|Presidency|Cabinet|Charity|Regulator|Watchdog)\b")


_GENERIC = {"officials", "analysts", "experts", "sources", "diplomats", "residents", "critics", "observers", "witnesses",
            "authorities", "police", "protesters", "lawmakers", "leaders", "organizers", "organisers", "scientists",
            "researchers", "economists", "reports", "media", "people", "many", "some", "others", "locals", "aides"}


def is_person_noun(word: str) -> bool:
    """"guard", "passenger", "fisherman", "organiser": a word for a person."""
    from .descriptions import PERSON_NOUNS

    return bool(PERSON_NOUNS.fullmatch(word.lower()))


def is_org_word(word: str) -> bool:
    """"ministry", "Government", "police": a word naming an organisation, in any case."""
    word = word.strip(".,;:")
    return bool(_ORG_WORDS.fullmatch(word[:1].upper() + word[1:].lower())) or is_media(word[:1].upper() + word[1:])


def is_media(phrase: str) -> bool:
    """An outlet or agency: an acronym, or a phrase naming news media."""
    return bool(_MEDIA.match(phrase.strip()))


@dataclass(frozen=True)
class Speaker:
    """A speaker phrase as written: `kind` is name, single, pronoun, organization or description."""

    text: str
    kind: str
    role: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class SpeechEvent:
    """An attribution in a sentence: where its verb stands and who spoke, with any relay."""

    start: int
    end: int
    speaker: Speaker | None
    verb: str
    via: str | None = None
    apposition: bool = False


def speech_events(masked: str) -> list[SpeechEvent]:
    """Every attribution in a masked sentence: "X said", "said X, ROLE", "according to X",
    "MEDIA quoted him as saying", "X told AFP" (via AFP)."""
    events: list[SpeechEvent] = []
    interview = re.search(r"\b[Ii]n an? (?:interview|conversation|statement) (?:with|to|on) (?P<via>[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,4}?)(?=\s+(?:on|in|at|last|this|yesterday|today)\b|[,.]|$)", masked)
    for match in re.finditer(r"\b[Aa]ccording to (?P<who>[^,;._]+)", masked):
        speaker = speaker_phrase(match["who"])
        relay = _strip_determiners(match["who"]) if is_media(match["who"]) else None
        if speaker or relay:
            events.append(SpeechEvent(match.start(), match.end(), speaker, "according to", via=relay))
    for match in re.finditer(r"(?P<via>[^,;_]+?)\s+quoted\s+(?P<who>him|her|them|(?:an?|the)\s+[\w\s’'-]+?|" + UPPER + r"[\w’'-]+(?:\s+" + UPPER + r"[\w’'-]+)*)\s+as\s+saying", masked):
        via = _strip_determiners(_last_clause(match["via"]))
        events.append(SpeechEvent(match.start(), match.end(), speaker_phrase(match["who"]), "quoted", via=via))
    for match in re.finditer(r"(?P<who>[^,;_]+?)\s+(?:was|were|is|are)\s+quoted\s+(?:as\s+saying\s+)?by\s+(?P<via>(?:the\s+)?[A-Z][\w’'&.-]*(?:\s+[A-Z][\w’'&.-]*)*)", masked):
        events.append(SpeechEvent(match.start(), match.end(), speaker_phrase(_last_clause(match["who"])), "quoted",
                                  via=_strip_determiners(match["via"]).rstrip(".")))
    dash = re.search(r"[_.]\s*[—–]\s*(?P<who>" + UPPER + r"[^,_—–]*?)(?:,\s*(?P<role>[^_—–]{2,120}?))?\s*\.?$", masked)
    if dash:  # a pull quote signed "— Jane Doe, mayor"
        speaker = speaker_phrase(dash["who"], _appositive_role(dash["role"]) if dash["role"] else None)
        if speaker is not None:
            events.append(SpeechEvent(dash.start() + 1, dash.end(), speaker, "signed"))
    for match in _INFINITIVE.finditer(masked):  # "prompted Engoron to quip", "Varga, who proceeded to tell them,"
        who = match["object"] or match["subject"]
        speaker = Speaker(who, "pronoun") if who.lower() in ("he", "she") else speaker_phrase(who)
        if speaker is not None and speaker.kind in ("name", "single", "pronoun"):
            events.append(SpeechEvent(match.start("verb"), match.end("verb"), speaker, match["verb"]))
    for match in _VERB.finditer(masked):
        if match["verb"] == "quoted" or any(e.start <= match.start() < e.end for e in events):
            continue
        event = _verb_event(masked, match)
        if event is not None:
            if interview and event.via is None and interview.start() < match.start():
                event = SpeechEvent(event.start, event.end, event.speaker, event.verb, interview["via"].strip(), event.apposition)
            events.append(event)
    return sorted(events, key=lambda event: event.start)


# who speaks in an infinitive: the one prompted to ("led Engoron to quip"), or who went on to
# ("Varga, who proceeded to tell the crew,", "she was quick to add")
_NAMED = UPPER + r"[\w’'-]+(?:\s+" + UPPER + r"[\w’'-]+){0,2}"
_INFINITIVE = re.compile(r"(?:\b(?:prompt(?:ed|ing|s)|led|leading|caus(?:ed|ing)|forc(?:ed|ing)|inspir(?:ed|ing)|spurr(?:ed|ing))\s+"
                         r"(?P<object>" + _NAMED + r")|(?P<subject>" + _NAMED + r"|\b[Hh]e|\b[Ss]he)(?:,\s*who)?\s+(?:then\s+)?"
                         r"(?:proceeded|went\s+on|paused|stopped|hastened|was\s+quick|took\s+(?:a\s+moment|the\s+time|the\s+opportunity)|"
                         r"used\s+the\s+(?:occasion|opportunity|moment)))\s+to\s+(?P<verb>say|quip|tell|ask|add|remark|joke|declare|note|"
                         r"warn|insist|comment|reply|respond|write|tweet|complain|argue|suggest|explain)\b")


def _verb_event(masked: str, match: re.Match) -> SpeechEvent | None:
    verb = match["verb"]
    before, after = masked[: match.start()], masked[match.end():]
    via = _told_via(after) if verb in ("told", "tells") else None
    noun = re.search(r"\b(?:its|their|his|her|our|a|an|the|this|that)\s+(?P<words>(?:[a-z]+\s+){0,3})$", before)
    if _PARTICIPLE.search(verb) and not after.strip(" .!?…") and noun and not re.search(
            r"\b(?:could|can|would|will|be|been|was|were|is|are|[a-z]+ed)\b", noun["words"]):
        return None  # "its amber wind warning.": a noun that ends the sentence, saying nothing
    if _PARTICIPLE.search(verb) and re.search(r"(?:\b(?:by|after|before|while|when|without|in)|_\s*,?\s*and|\band)\s*$", before):
        # "the Government came out fighting by branding the letter …": the participle's subject is
        # the clause's, never the words just before it
        subject = _clause_subject(before)
        return SpeechEvent(match.start(), match.end(), subject, verb, via) if subject is not None else None
    subject, apposition = subject_before(before)
    if subject is None and re.search(r"(?:_\.?|^|,)[\s,—–-]*$", before) and not _PARTICIPLE.search(verb):
        subject, apposition = subject_after(after)  # inverted: "…,” said Yohann Michel, "…?” asked Ann Roe
    if subject is None and not _PARTICIPLE.search(verb) and re.search(r"\b(?:and|then|but)\b[^,_]{0,30}$", before):
        subject = _clause_subject(before)  # "He suggests we head north, then for some reason adds,"
    if subject is None and not _PARTICIPLE.search(verb):
        return None
    if subject is None:  # "he declined, saying ...": the participle's subject is the clause's
        clause = re.search(r"(?:^|[.;]\s+|,\s+(?:and\s+|but\s+)?|\b(?:and|but)\s+)(?P<who>" + UPPER + r"[\w’'-]*(?:\s+" + UPPER + r"[\w’'-]*){0,3}|he|she)"
                           r"\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|s)\b[^,_]{0,40},\s*$", before)
        if clause and (_OWNER.search(clause["who"]) or _in_subordinate_clause(before, clause.start("who"))):
            clause = None  # "Dana Holt's rivals attacked …", "After Dana Holt resigned, …": not her saying
        subject = speaker_phrase(clause["who"]) if clause else _organisation_subject(before)
    if subject is None and re.search(r"[^_\s],\s*$", before) and "_" not in before and not _VERB.search(before):
        # "Wall referred to the loss in the two big cases last session, saying …", "A spokesman for
        # the yard issued a denial, dismissing it as …": the subject the sentence opens with,
        # however long its predicate
        subject = _clause_subject(before) or _described_clause_subject(before)
    return SpeechEvent(match.start(), match.end(), subject, verb, via, apposition)


_INTRODUCTION = r"(?:(?:[Bb]ut|[Aa]nd|[Yy]et|[Ss]o|[Tt]hen|[Mm]eanwhile|[Ll]ater)\s+)?(?:[^,_]{1,40},\s*)?"
_CLAUSE_SUBJECT = re.compile(r"\s*" + _INTRODUCTION + r"(?P<who>(?:[Tt]he\s+)?(?:" + UPPER + r"[\w’'.-]*\s+){0,3}" + UPPER + r"[\w’'-]*|[Hh]e|[Ss]he)"
                             r"\s+(?:[a-z]+ly\s+)?(?:has\s+|had\s+|have\s+)?[a-z]+(?:ed|s|ame|ent|old|aid|ook|ave|oke|rote)\b")


# a role, then the name set off after it, then the verb: "Our leader, Henrik Aas, walked into …"
_NAMED_AFTER_ROLE = re.compile(r"\s*(?P<lead>[^,_]{1,60}?\s)?(?:[Tt]he|[Oo]ur|[Mm]y|[Hh]is|[Hh]er|[Tt]heir|" + UPPER + r"[\w’'-]+[’']s)\s+"
                               r"(?:[a-z][\w’'-]*\s+){0,3}(?P<role>[a-z][\w’'-]*),\s+(?P<who>" + UPPER + r"[\w’'-]+(?:\s+" + UPPER
                               + r"[\w’'-]+){0,2}),\s+(?:[a-z]+ly\s+)?(?!(?:as|this|his|its|thus|plus|unless|whereas|perhaps|besides|towards)\b)"
                               r"[a-z]+(?:ed|s|ame|ent|old|aid|ook|ave|oke|rote)\b")
# who already opens the sentence before the role: "Ada Moss thanked the director, Emil Varga, as …" is Moss's sentence
_LEAD_SUBJECT = re.compile(r"\b(?:I|[Hh]e|[Ss]he|[Ww]e|[Tt]hey)\b")


def _clause_subject(before: str) -> Speaker | None:
    """The subject a sentence opens with, past an introduction such as "But last night,":
    a name or a proper noun ("the Government") followed by its verb, or a name set off after
    the role it opens with ("The professor, Emil Varga, stopped me and said")."""
    sentence = re.split(r"[.;!?]\s+", before)[-1]
    named = _NAMED_AFTER_ROLE.match(sentence)
    if named and is_person_noun(named["role"]) and not _in_subordinate_clause(sentence, named.start("who")) \
            and not (named["lead"] and (_LEAD_SUBJECT.search(named["lead"]) or find_person_names(named["lead"]))):
        speaker = speaker_phrase(named["who"])
        if speaker is not None and speaker.kind in ("name", "single"):
            return speaker
    match = _CLAUSE_SUBJECT.match(sentence)
    if match is None or _OWNER.search(match["who"]) or _in_subordinate_clause(sentence, match.start("who")):
        return None  # "Dana Holt's rivals attacked …", "After Dana Holt resigned, the board met …"
    return speaker_phrase(match["who"])


# a name in the possessive owns the subject, it is not it; a clause opened by a subordinating
# word is not the sentence's main clause
_OWNER = re.compile(r"[’']s?$")
# the words that open a clause before the main one: "When Varga was asked …, he", "After Holt resigned, the board"
SUBORDINATOR = r"(?:When|After|Before|As|While|Once|Although|Though|Because|Since|Until)"
_SUBORDINATE = re.compile(r"\s*" + SUBORDINATOR + r"\b")


def _in_subordinate_clause(sentence: str, at: int) -> bool:
    """Whether the words at `at` stand in the clause a subordinating word opens the sentence
    with ("After Dana Holt resigned, …"), before its comma."""
    return bool(_SUBORDINATE.match(sentence)) and "," not in sentence[:at]


# a sentence opening with someone described and a verb: "A spokesman for Orvale's yard issued …",
# "Next, Varga's attorney accused …"
_DESCRIBED_CLAUSE = re.compile(r"\s*" + _INTRODUCTION + r"(?P<who>(?:[Aa]n?|[Tt]he|" + UPPER + r"[\w’'-]*[’']s?)\s+(?:[\w’'-]+\s+){0,3}?"
                               r"(?P<head>[a-z][\w’'-]*)(?:\s+(?:for|of|at|from|with)\s+(?:[\w’'-]+\s+){0,3}?[\w’'-]+)?)"
                               r"\s+(?:[a-z]+ly\s+)?(?:has\s+|had\s+)?[a-z]+ed\b")


def _described_clause_subject(before: str) -> Speaker | None:
    """Someone described (not named) that a sentence opens with, before its verb: a person by a
    word for a person ("A spokesman for the yard"), or by whose they are ("Varga's attorney")."""
    match = _DESCRIBED_CLAUSE.match(re.split(r"[.;!?]\s+", before)[-1])
    if match is None or not is_person_noun(match["head"]):
        return None
    speaker = speaker_phrase(match["who"])
    return speaker if speaker is not None and speaker.kind in ("described", "description", "organization") else None


# a clause opening with "The" and lower-case words, up to a comma before the participle
_LOWER_CLAUSE = re.compile(r"(?:^|[.;]\s+)(?P<words>[Tt]he\s+[a-z][^_;.,]*),\s*$")


def _organisation_subject(before: str) -> Speaker | None:
    """The organisation described in lower case that a clause opens with, for the participle
    after it ("The governor's office kept up the pressure online, posting: …", "The city
    council met, saying …"); None when the clause opens with anything else."""
    clause = _LOWER_CLAUSE.search(before)
    words = clause["words"].split() if clause else []
    for index, word in enumerate(words[1:4], 1):
        if is_org_word(word) and index + 1 < len(words) and re.fullmatch(r"[a-z]+", words[index + 1]):
            return speaker_phrase(" ".join(words[: index + 1]))
    return None


def _told_via(after: str) -> str | None:
    match = re.match(r"\s+(?:the\s+)?(?P<who>[A-Z][\w’'&.-]*(?:\s+(?:of\s+)?(?:[A-Z][\w’'&.-]*|\d+))*)", after)
    who = match["who"].rstrip(".") if match else ""
    if who and is_media(who):
        return who
    return None


_TIME_AFTER_SUBJECT = re.compile(r"\s+(?:(?:on|last|this|earlier|late|early)\s+)?(?:(?:this|last|next)\s+(?:week|month|year)|"
                                 r"yesterday|today|tonight|last night|earlier this (?:week|month|year)|"
                                 r"(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\s*$")


# who was heard or seen speaking ("The court heard Hartley admit"), a name after a kin or role word
# ("Her husband, Tom,"), and an owner before one ("Hallam's lawyer"): a name's first letter is names.UPPER
_PERCEIVED = re.compile(r"\b(?:heard|hear|hears|saw|watched|listened to)\s+(?P<who>(?:" + UPPER + r"[a-z]{0,3}\.?\s+)?" + UPPER + r"[\w’'-]+"
                        r"(?:\s+" + UPPER + r"[\w’'-]+){0,3})$")
_KIN_NAMED = re.compile(r"(?:^|[,;]\s*|\b(?:and|but)\s+)(?P<role>(?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Oo]ur|" + UPPER + r"[\w’'-]+[’']s)\s+(?:[a-z-]+\s+)?"
                        r"[a-z-]+),\s*(?P<who>" + UPPER + r"[\w’'-]+(?:\s+" + UPPER + r"[\w’'-]+){0,2}),$")
_OWNED = re.compile(r"(?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Oo]ur|" + UPPER + r"[\w’'-]+(?:\s+" + UPPER + r"[\w’'-]+){0,2}[’']s)\s+(?P<head>[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*)?)")


# a US legislator's party and seat after the name: "Rep. Kwabena Asante, D-Port Ansel," ("R-Texas", "I-Vt.")
_PARTY_SEAT = re.compile(r",\s*[DRI]\.?-" + UPPER + r"[\w.’' ]{0,30}?(?:,\s*$|(?=,)|\s*$)")


# someone who gives a first name only: "…, who gave only her first name, Tasha,", "…, identified only as Bo,"
_FIRST_NAME_ONLY = re.compile(r",\s*(?:who\s+(?:gave|gives|would\s+(?:only\s+)?give|asked\s+to\s+be\s+identified\s+by)\s+"
                              r"(?:only\s+)?(?:his|her|their)\s+(?:first\s+|given\s+)?name(?:\s+only)?(?:\s+as)?|"
                              r"(?:who\s+was\s+)?identified\s+only\s+(?:as|by\s+(?:his|her|their)\s+(?:first\s+|given\s+)name))"
                              r"[,:]?\s*(?P<name>" + NAME_WORD + r"),\s*$")


# someone unnamed opening the clause, described further by relative clauses before the verb
_DESCRIBED_WHO = re.compile(r"(?:^|[.;!?]\s+)\s*(?:(?:In|At|On|During|After|Before|Outside|Inside|Near|Later|Earlier|Meanwhile|"
                            r"But|And|Yet)\b[^,_]{0,60},\s+)?(?P<who>(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w’'-]+\s+){0,4}?(?P<head>[a-z][\w’'-]*)"
                            r"(?:\s+(?:at|in|of|from|for|with|on)\s+[^,_]{1,60}?)?),?\s+who\s+(?P<clause>[^_;]*[^_;\s])\s*$")
# a name the verb follows that a conjunction brings in, past the relative clause: "A fisherman who mends nets
# nodded as Ada Moss said" is Moss's; not one set off by commas, which may be whom the clause names ("who mends nets
# for the harbourmaster, Ivo Lind, said" is the fisherman's)
_NEW_SUBJECT = re.compile(r"(?:\b(?:as|when|while|and|but|after|before|until|because|since|then|though|although|"
                          r"whereas|so|once|where)\b)\s*(?:" + UPPER + r"[\w’'.-]*\s+){0,2}$")


def _named_after_relative(clause: str) -> bool:
    """The relative clause runs into a new subject that a name opens just before the verb."""
    mentions = find_person_names(clause)
    if not mentions or mentions[-1].end < len(clause.rstrip(" ,")):
        return False
    return bool(_NEW_SUBJECT.search(clause[: mentions[-1].start]))


def subject_before(before: str) -> tuple[Speaker | None, bool]:
    """The speaker phrase right before a speech verb, with its apposition role if any."""
    before = re.sub(r",\s*\d{1,3},\s*$", " ", before)  # "Tom Hale, 45, said"
    before = re.sub(r"(?<=[A-Za-z]),\s*\d{1,3}(?=,\s*(?:an?|the)\s)", "", before)  # "Jane Doe, 45, a teacher …, said"
    before = re.sub(_TIME_AFTER_SUBJECT, " ", before)  # "Microsoft last week announced": the date is no part of who
    before = re.sub(r"\s*\([A-Z][A-Za-z]{1,9}\)", "", before)  # "The National Oceanic ... Administration (NOAA) stated"
    before = re.sub(r"\s*\([^()_]{1,30}\)(?=\s*,?\s*$)", "", before)  # "Rory MacLeod (no relation), said": an aside
    before = re.sub(r"\s+(?:could|can|would|was|were|is|are)\s+(?:be\s+)?(?:heard|seen|filmed|recorded|caught|overheard)\s*$",
                    " ", before)  # "the man could be heard saying"
    before = re.sub(r"\s+(?:used|likes?|liked|loved|went\s+on|is\s+fond\s+of|was\s+fond\s+of)\s+(?:to\s*)?$", " ",
                    before)  # "my grandmother used to say", "he likes to say"
    before = re.sub(r"\s[–—]\s[^–—_]*\s[–—]\s*$", " ", before)  # "The letter – an edited version of it – warns"
    first_name = _FIRST_NAME_ONLY.search(before)
    if first_name:  # "A volunteer, who gave only her first name, Tasha, said": the first name is who speaks
        return Speaker(first_name["name"], "single", _strip_determiners(_last_clause(before[: first_name.start()])) or None), True
    described = _DESCRIBED_WHO.search(before)
    if described and is_person_noun(described["head"]) and not _named_after_relative(described["clause"]) and not re.search(
            r"\b(?:be|been|being|was|were|is|are|had|has|have|to|not)\s*$", before):  # "who had been told": no saying of theirs
        # "A former lab technician who worked on the samples, and who asked not to be named, said": the
        # unnamed person the clause opens with, past the relative clauses that describe them
        return Speaker(described["who"].strip(), "described"), False
    before = re.sub(_PARTY_SEAT, "", before)  # "Rep. Kwabena Asante, D-Port Ansel, who …": party and seat
    relative_clause = re.search(r",\s*(?:who|which)\b[^,_]*,\s*$", before)  # "the trade ministry, which oversees it, said"
    if relative_clause:  # "Chi Ray, the MP for Hull, who backs it, said": the apposition before it stays one
        rest = before[: relative_clause.start()]
        appositive = re.search(r",\s+(?:the\s|an?\s|[a-z])[^,_]+$", rest)  # ", the MP for Hull", ", chief executive of X"
        named = appositive and find_person_names(rest[: appositive.start()])
        before = rest + ("," if named and named[-1].end >= len(rest[: appositive.start()].rstrip()) else " ")
    # "The city's own audit, “Title”, published in February, concluded": a title and a participle set off
    before = re.sub(r"(?:,\s*_+)?,\s*(?:published|released|issued|written|commissioned|leaked|filed|posted|signed|"
                    r"obtained|seen)\b[^,_]*,\s*$", " ", before)
    before = re.sub(_PARTY_SEAT, "", before)
    relative = re.search(r",\s*(?:which|who)\s+(?:(?:also|later|then|separately|previously)\s+)?$", before)
    if relative:  # "funded by the Norhaven Health Trust, which said": the relative pronoun's antecedent speaks
        antecedent = speaker_phrase(_last_clause(before[: relative.start()]))
        if antecedent is not None and antecedent.kind in ("name", "single", "organization"):
            return antecedent, False
    before = re.sub(_POSTNOMINALS + r"(?=,\s*$)", "", before)  # "The trust's lawyer, Anjali Mehta KC, said"
    before = re.sub(r"^\s*_+\.?\s+(?=\S)", ", ", before)  # "“…,” his daughter, Ngozi Obi-Hart, said": the masked comma
    words = before.rstrip().split(" ")
    while words and (words[-1].lower() in _SKIP_WORDS or re.fullmatch(r"[a-z]{2,}ly", words[-1])):
        words.pop()
    text = " ".join(words).rstrip()
    if not text or text.endswith("_"):
        return None, False
    perceived = _PERCEIVED.search(text)
    if perceived:  # "The court heard Hartley admit to …": who was heard speaks, not who heard
        return speaker_phrase(perceived["who"]), False
    kin_named = _KIN_NAMED.search(text)
    if kin_named and is_person_noun(kin_named["role"].split()[-1]):
        # "Her husband, Tom, agreed", "Hallam's lawyer, Tess Fenwick, said": the name is who speaks
        who = speaker_phrase(kin_named["who"], kin_named["role"])
        if who is not None and who.kind in ("name", "single"):
            return who, True
    named_last = re.search(r"(?:^|,)\s*(?P<role>[^,_]{3,80}),\s*(?P<who>" + UPPER + r"[\w’'.-]+(?:\s+" + UPPER
                           + r"[\w’'-]+){1,3}),$", text)
    titled = _titled_name(named_last["who"]) if named_last else None
    if titled and _names_a_role(named_last["role"]):
        # "Hallam's lawyer, Tess Fenwick, said", "the bureau's chief forecaster, Dr Anil Mehta, warned":
        # the name closes the subject, the role opens it
        return Speaker(titled.name, "name", _strip_determiners(named_last["role"]), titled.title), True
    long_apposition = re.search(r"(?:^|[.;:]\s+|\b(?:and|but)\s+)(?P<who>(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?" + UPPER + r"[\w’'-]+"
                                r"(?:\s+" + UPPER + r"[\w’'-]+){0,3}),\s+(?:(?:an?|the)\s|[a-z])[^_]*,$", text)
    if long_apposition and "," in text[long_apposition.end("who") + 1: -1]:
        # "Mr Parish, chairman of the environment, food and rural affairs committee, said"
        speaker = speaker_phrase(long_apposition["who"])
        if speaker is not None and speaker.kind in ("name", "single"):
            return speaker, True
    apposition = re.search(r"(?P<who>[^,_]+),\s*(?P<role>(?:a|an|the)\s[^,_]{3,160}?|[a-z][^,_]{3,160}?|"
                           r"" + UPPER + r"[\w’'. -]*?[’']s\s[a-z][^,_]{2,160}?),$", text)
    if apposition:
        role = _appositive_role(apposition["role"])
        speaker = speaker_phrase(_last_clause(apposition["who"]), role)
        if speaker and (speaker.kind in ("name", "single", "organization") or speaker.kind == "described" and role):
            return speaker, role is not None  # … or "One participant, a 46-year-old nurse, told"
    return speaker_phrase(_last_clause(text)), False


def _titled_name(words: str):
    """The personal name that is all of `words`, past any titles before it ("Dr Anil Mehta")."""
    mentions = find_person_names(words)
    if len(mentions) != 1 or mentions[0].end != len(words.rstrip()):
        return None
    return mentions[0] if all(is_title(word) for word in words[: mentions[0].start].split()) else None


def subject_after(after: str) -> tuple[Speaker | None, bool]:
    """The speaker after an inverted verb: "said Yohann Michel, an analyst at the IISS"."""
    after = re.split(r"\s+(?:who|which|whose)\s", after, maxsplit=1)[0]  # "said Leigh Sears who is the manager"
    # "said Martinez of the visit by the chief": what the words are about, not who says them
    after = re.split(r"\s+of\s+(?=(?:the|a|an|his|her|their|its|this|that)\s+[a-z])", after, maxsplit=1)[0]
    match = re.match(r"\s+(?P<who>(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}(?:(?:" + UPPER + r"[a-z]{0,3}|" + UPPER + r"\." + UPPER + r")\.\s+)?" + UPPER + r"[^,.;_]*?)(?:,\s*(?P<role>[^,_]{3,160}))?(?:,|\.|$|\s+(?:on|in|at|during)\b)", after)
    if not match:
        described = re.match(r"\s+(?P<who>(?:one|another|a|an|someone|somebody)\b[^,.;_]*)", after)
        return (speaker_phrase(described["who"]), False) if described else (None, False)
    role = _appositive_role(match["role"]) if match["role"] else None
    return speaker_phrase(match["who"], role), bool(role)


def _appositive_role(text: str) -> str | None:
    """", an analyst at X," is a role; ", who has run boats since 1998," is not."""
    text = text.strip().rstrip(" .")
    if re.match(r"(?:who|which|whose|where|when)\b", text) or re.match(r"[DRI]\.?-" + UPPER, text):
        return None  # a relative clause, or a party and seat ("R-Texas")
    return _strip_determiners(text)


def _last_clause(text: str) -> str:
    named = re.search(r"(?:" + UPPER + r"[\w’'-]+\s+)+(?:and|of|for)\s+(?:" + UPPER + r"[\w’'-]+\s*)+$", text)
    affiliation = named and re.search(r"\b(?:of|at|from|with)\s+(?:the\s+)?$", text[: named.start()])
    if named and _ORG_WORDS.search(named.group(0)) and not affiliation:
        return named.group(0).strip()  # "National Oceanic and Atmospheric Administration": one name
    pieces = _CLAUSE_BREAK.split(text)
    return (pieces[-1] if pieces else text).strip(" .!?…")


def _strip_determiners(text: str) -> str:
    return re.sub(r"^(?:a|an|the)\s+", "", text.strip(), flags=re.IGNORECASE).strip()


def _names_a_role(words: str) -> bool:
    """Words before a name are a role only when one of them is a title or office."""
    found = re.findall(r"[\w’'.-]+", words)
    if all(word.lower().rstrip(".") in _HONORIFICS for word in found):
        return False  # "Dr.", "Mrs": how to address someone, not what they do
    if any(is_title(word) or word.lower().rstrip(".") in _OFFICES for word in found):
        return True
    last = found[-1].lower() if found else ""  # "ferry operator", "budget consultant": an agent noun
    if last in ("critic", "attorney", "counsel", "envoy", "deputy", "aide", "clerk"):
        return True  # "the Clarion's critic, Hana Suleiman,": a calling that is no agent noun
    return len(last) >= 6 and bool(re.search(r"(?:or|er|ist|ian|ant|ent)$", last)) and last not in _NOT_AGENTS


_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
_LINKING_ADVERBS = {"next", "finally", "first", "firstly", "secondly", "lastly", "however", "moreover", "furthermore",
                    "nevertheless", "therefore", "thus", "afterwards", "again", "similarly", "likewise", "separately",
                    "ultimately", "eventually", "initially", "overall", "additionally", "still", "then", "later",
                    "meanwhile", "instead", "indeed", "now", "today", "yesterday"}
_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "mx", "madam", "lady", "lord"}
_NOT_AGENTS = {"summer", "winter", "number", "order", "border", "matter", "weather", "letter", "center", "centre",
               "water", "paper", "power", "quarter", "chapter", "corner", "dinner", "disaster", "theater", "october",
               "november", "december", "september", "moment", "event", "statement", "agreement", "government",
               "parliament", "announcement", "incident", "accident", "percent", "content", "comment", "present"}


_OFFICES = {"correspondent", "spokesperson", "spokeswoman", "researcher", "scientist", "curator", "founder",
            "owner", "manager", "engineer", "lawyer", "doctor", "nurse", "teacher", "pilot", "captain", "farmer",
            "activist", "author", "writer", "historian", "architect", "campaigner", "councillor", "councilor",
            "chair", "chairperson", "president", "vice-president", "leader", "boss", "negotiator", "lecturer"}


# what a body finds or files, that can "conclude" or "say" in its place: "the city's own audit concluded"
_FINDINGS = {"audit", "report", "review", "study", "survey", "inquiry", "investigation", "analysis", "assessment",
             "ruling", "judgment", "verdict", "filing", "lawsuit", "letter", "memo", "paper", "findings", "poll", "forecast"}


# letters after a name: honours, a barrister's rank, a degree, a generation ("Fiona Gallagher KC")
_POSTNOMINALS = r"(?:,?\s+(?:KC|QC|SC|OBE|MBE|CBE|KBE|DBE|BEM|PhD|MD|Jr\.?|Sr\.?|III|II)\b)+"
_POSTNOMINAL = re.compile(_POSTNOMINALS + "$")


def speaker_phrase(phrase: str, role: str | None = None) -> Speaker | None:
    """Classify a subject phrase: a personal name (with any title words before it as
    role), a pronoun, an organisation or agency, or a description to look up."""
    phrase = strip_leading_words(re.sub(r"[’']s$", "", phrase.strip().strip(",")).strip())
    postnominal = _POSTNOMINAL.search(phrase)
    if postnominal and is_person_name(phrase[: postnominal.start()]):
        phrase = phrase[: postnominal.start()]  # "Fiona Gallagher KC", "Tom Hale, MBE": the name
    if not phrase or len(phrase.split()) > 12 or phrase.lower() in _DETERMINERS or phrase.lower() in _LINKING_ADVERBS:
        return None  # nothing, "The" cut from "The staffers protested", or "Next," opening a sentence: no one named
    if phrase.lower() in _PRONOUNS:
        return Speaker(phrase, "pronoun")
    if phrase.lower() in ("one", "another"):
        return Speaker(phrase, "described")  # "One, who asked not to be named, said": someone of those just named
    if re.fullmatch(r"(?:[Tt]he\s+)?(?:elder|younger|older)\s+" + UPPER + r"[\w’'-]+", phrase):
        return Speaker(phrase, "generic")  # "the elder Salgado": one of two who share the name, which one the text leaves to the reader
    if phrase.lower() in _GENERIC or re.fullmatch(r"(?:some|many|several|two|three|other)\s+[a-z]+s", phrase):
        return Speaker(phrase, "generic")  # "Officials said", "lawmakers pointed out": no one in particular
    phrase = re.sub(r"^(?:[Ii]n|[Vv]ia)\s+(?:an?|the|his|her|their|one)\s+(?:[\w’'-]+\s+){0,2}?" + _MESSAGES + r"\s+(?=" + UPPER + ")",
                    "", phrase)  # "In an email Varga wrote": the writer
    authored = _AUTHORED.fullmatch(phrase)
    if authored:  # "the March 3 email from Varga", "Varga's letter to the board": who wrote it speaks
        author = speaker_phrase(authored["who"] or authored["owner"])
        if author is not None and author.kind in ("name", "single"):
            return author
    outlet = _OUTLET.fullmatch(phrase)
    if outlet:  # "The Lisbon daily O Correio reported": the outlet by its name, described by its kind
        return Speaker(outlet["name"], "organization", role)
    affiliated = re.match(r"(?P<who>.+?)\s+(?:of|from|at|with)\s+(?P<org>(?:the\s+)?" + UPPER + r".*)$", phrase)
    if affiliated and not role:
        person = speaker_phrase(affiliated["who"])
        if person is not None and person.kind in ("name", "single"):
            return Speaker(person.text, person.kind, person.role or _strip_determiners(affiliated["org"]), person.title)
    names = [m for m in find_person_names(phrase) if m.end >= len(phrase) - 1]
    if names:
        name = names[-1]
        before = _strip_determiners(re.sub(r"^(?:[Aa]ccording to)\s+", "", phrase[: name.start].strip()))
        title_role = before.strip() if _names_a_role(before) else None  # "Kesmark mayor", not "the vote"
        return Speaker(name.name, "name" if " " in name.name else "single", role or title_role, name.title)
    spokesperson = re.match(r"(?:a|an|the)\s+(?P<role>(?:senior\s+|government\s+)?(?:spokes\w+|official|representative|source|aide))\s+"
                            r"(?:for|from|of|at|in|close to)\s+(?P<org>(?:the\s+)?\S.*)$", phrase, re.IGNORECASE)
    if spokesperson:
        org = speaker_phrase(spokesperson["org"], spokesperson["role"])
        if org is not None and org.kind in ("organization", "description"):
            return org
    by_org = re.search(r"\bby (?:the )?(?P<org>" + UPPER + r"[\w’'&-]*(?:\s+(?:(?:of|for|on|and|the|de)\s+)?" + UPPER + r"[\w’'&-]*)*)", phrase)
    if by_org:
        return speaker_phrase(by_org["org"], role)
    acronym = re.search(r"(?:^|\s)(?P<acr>[A-Z]{2,6})$", phrase)
    if acronym and is_title(acronym["acr"]):
        return Speaker(phrase, "description", role)  # "the Labour MP said": a role, not an organisation
    if acronym:
        prefix = _strip_determiners(phrase[: acronym.start("acr")]) or None
        return Speaker(acronym["acr"], "organization", role or prefix)
    bare = _strip_determiners(phrase)
    owned_org = re.fullmatch(r"(?:" + UPPER + r"[\w’'-]+[’']s|" + UPPER + r"[\w’'-]+)\s+(?:[a-z][\w-]*\s+){0,2}(?P<word>[a-z][\w-]+)"
                             r"(?:\s+(?:in|of|at|for)\s+.+)?", bare)
    if owned_org and is_org_word(owned_org["word"]) and not is_media(bare):
        # "Veland's interior ministry", "the Velandese embassy in Tavaria's capital": an organisation
        return Speaker(re.sub(r"\s+(?:in|of|at|for)\s+.+$", "", bare), "organization", role)
    if is_title(bare) and re.match(r"(?:an?|one|another)\s", phrase, re.IGNORECASE):
        return Speaker(phrase, "described", role)  # "a reporter asked": someone new, never the reporter named before
    if is_title(bare):
        return Speaker(phrase, "description", role)  # "Duchess of Sussex says", "the Prince said": a title, no name
    if _COMPOUND_BRAND.fullmatch(bare):  # "TechWireDaily", "BuzzFeed": a brand written as one word, no one's name
        return Speaker(bare, "organization", role)
    if re.fullmatch(NAME_WORD, bare):  # "Ibáñez", "MacLeod", "O'Leary"
        kind = "organization" if bare.lower() in NOT_NAME_WORDS or is_org_word(bare) else "single"
        return Speaker(bare, kind, role)
    if _ORG_WORDS.search(bare) and bare[:1].isupper():
        return Speaker(bare, "organization", role)
    if re.fullmatch(r"" + UPPER + r"[\w’'&-]*(?:\s+(?:(?:of|for|and|on|the|de)\s+)?" + UPPER + r"[\w’'&-]*)+", bare):
        return Speaker(bare, "organization", role)  # a proper name that is not a person's: "Friends of Ostrava Library"
    if re.fullmatch(r"(?:" + UPPER + r"[\w’'-]*\s+)+(?:state\s+)?(?:media|television|TV|radio|officials?|government|authorities)", bare):
        return Speaker(bare, "organization", role)
    role_owned = re.fullmatch(r"(?:[Tt]he\s+)?[a-z][\w-]*[’']s\s+(?:[a-z][\w-]*\s+){0,2}(?P<word>[a-z][\w-]+)", phrase)
    if role_owned and (is_org_word(role_owned["word"]) or role_owned["word"] in _FINDINGS):
        # "the governor's office", "the mayor's press office": an office described by whom it serves,
        # not named; the words are the speaker, with no record of their own
        return Speaker(phrase, "described", role)
    if re.match(r"(?:the|this|that)\s+[a-z0-9]", phrase, re.IGNORECASE) and len(phrase.split()) <= 4:
        return Speaker(phrase, "description", role)
    if _DOCUMENT.fullmatch(phrase.strip()) and not find_person_names(phrase):
        return Speaker(phrase.strip(), "described", role)  # "a leaked 2019 audit by an outside firm": the document speaks
    owned = _OWNED.fullmatch(phrase.strip())
    if owned and is_person_noun(owned["head"].split()[-1]):
        return Speaker(phrase.strip(), "described", role)  # "his wife", "Hallam's lawyer": someone described, not named
    described = re.fullmatch(r"(?:(?:[Aa]|[Aa]n|[Oo]ne|[Aa]nother)\s+(?:" + UPPER + r"[\w’'-]+\s+)?(?P<head>[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*){0,2}?)"
                             r"(?:\s+(?:in|at|on|from|of|for|with|who|during|close\s+to|near)\b.*)?|another|someone.*|somebody.*)", phrase.strip())
    if described and (not described["head"] or any(is_person_noun(word) for word in described["head"].split())):
        return Speaker(phrase.strip(), "described", role)  # "a party organiser in the county", "another person"
    modified = _MODIFIED_PERSON.fullmatch(phrase.strip())
    if modified and is_person_noun(modified["head"]):
        return Speaker(phrase.strip(), "described", role)  # "a former Halden Freight IT contractor": a firm's name as modifier
    return None


# what someone writes and sends: "the email from Varga" is Varga's words
_MESSAGES = r"(?:e-?mails?|memos?|letters?|messages?|texts?|notes?|tweets?|posts?|memorandum)"
_AUTHORED = re.compile(r"(?:(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat)\s+(?:[\w’'-]+\s+){0,3}?" + _MESSAGES + r"\s+(?:from|by)\s+(?P<who>" + UPPER
                       + r"[\w’'.-]*(?:\s+" + UPPER + r"[\w’'.-]*){0,3})|(?P<owner>" + UPPER + r"[\w’'.-]*(?:\s+" + UPPER
                       + r"[\w’'.-]*){0,3})[’'](?:s)?\s+(?:[a-z][\w-]*\s+){0,2}" + _MESSAGES + r")(?:\s+(?:to|of|on)\s+.*)?")
# an outlet introduced by its kind: "the Spanish daily El Diario", "the news site Lumen"
_OUTLET = re.compile(r"(?:[Tt]he\s+)?(?:" + UPPER + r"[\w-]*\s+)?(?:daily|newspaper|paper|weekly|tabloid|broadsheet|magazine|"
                     r"broadcaster|website|outlet|news\s+(?:agency|site|outlet|channel|website)|news\s+agency)\s+(?P<name>"
                     + UPPER + r"[\w’'&.-]*(?:\s+" + UPPER + r"[\w’'&.-]*){0,3})")
# a document that speaks in its own words: "the lawsuit says", "a confidential 2019 report by an auditor stated"
DOCUMENT_NOUNS = (r"(?:report|lawsuit|suit|complaint|filing|indictment|affidavit|memo|memorandum|e-?mail|letter|document|"
                  r"study|audit|ruling|judgment|opinion|motion|petition|dossier|file|cable|transcript|deposition|"
                  r"charge\s+sheet|court\s+papers?|court\s+documents?)")
_DOCUMENT = re.compile(r"(?:[Aa]n?|[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+(?:[\w’'-]+\s+){0,4}?" + DOCUMENT_NOUNS
                       + r"(?:\s+(?:by|from|of|for|to|on|into|against|in|filed|obtained|seen|sent|written)\b.*)?")


# a one-word name of several capitalised parts, not a family name's prefix ("MacLeod", "DeSantis")
_COMPOUND_BRAND = re.compile(r"(?!(?:Ma?c|Fitz|Van|Vand[ae]n?r?|Von|De|Del|Della|Des|Den|Di|Du|La|Le|San|Ter|Ten)[A-Z])[A-Z][a-z]{2,}(?:[A-Z][a-z]{2,})+")


# someone described by words that may name a firm or a place before the noun for them
_MODIFIED_PERSON = re.compile(r"(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w’'.&-]+\s+){1,5}?(?P<head>[a-z][\w’'-]*)"
                              r"(?:\s+(?:in|at|on|from|of|for|with|who|during|close\s+to|near)\b.*)?")
