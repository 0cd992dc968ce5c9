"""The article pass over quotes: give each quote its speaker, relay and date.

Walks the paragraphs in order, keeping who spoke and when, so that "he said"
finds the last named speaker of that gender (even in an earlier paragraph;
the gender only as the text states it, see gender.py) and a paragraph that is
only a quote continues the previous speaker. A relay ("told Reuters") belongs
to its own quote. Names resolve through the article's people registry;
nothing is guessed: a quote with no attribution, or a "he" that could be
either of two recent speakers, stays `unknown` and is flagged.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..dates import PartialDate
from .attribution import (DOCUMENT_NOUNS, SUBORDINATOR, SpeechEvent, Speaker, has_any_speech_verb, is_media, is_org_word,
                          is_person_noun, speaker_phrase, speech_events, subject_before)
from .clean import note
from .dates import find_dates
from .gender import gender_of, note_gender, pronoun_gender, resolve_pronoun, sentence_gender, subject_gender, title_gender
from .mentions import (COMPANY_SUFFIX, family_names, organization_context, register_mentions, register_signatures,
                       sentence_subject)
from .names import LOWER, NAME_WORD, UPPER, name_tokens
from .people import PeopleRegistry, Person, find_person_names, is_headline
from .descriptions import DESCRIBED, described_subject, kin_subject, resolve_description
from .said_on import SPEECH_ACT, Dating, clause_date, occasion_dates
from .quotes import Span, find_spans, is_heading, is_title_span, is_partial, mask, parse_caption, sentences

_ANONYMOUS = {"resident", "residents", "citizen", "voter", "student", "worker", "official", "protester", "passer-by",
              "shopkeeper", "driver", "farmer", "interviewee", "merchant", "visitor", "tourist", "parent", "teacher",
              "nurse", "patient", "soldier", "villager", "fisherman", "employee", "customer", "fan", "witness",
              "local", "spectator", "participant", "attendee", "volunteer", "survivor", "man", "woman", "source"}
_CONTINUING_VERBS = {"added", "adds", "adding", "continued", "went on"}
_SPOKESPERSON = re.compile(r"\b(?:spokes\w+|representative)\b", re.IGNORECASE)
_SPOKESPERSON_FOR = re.compile(r"\b(?:[Aa]n?|[Tt]he)\s+(?:[a-z]+\s+)?(?:spokes\w+|representative)\s+(?:for|of|at|from)\s+[^,_]+$")
# how many paragraphs back an "it said" / "they said" still reaches the organisation last heard
_ORG_PRONOUN_REACH = 1


@dataclass
class FoundQuote:
    """A quote ready to become a record."""

    text: str
    paragraph: int
    partial: bool
    speaker: str | None = None
    person: Person | None = None
    role: str | None = None
    via: str | None = None
    said_on: PartialDate | None = None
    how: str = ""
    open_ended: bool = False
    flag: dict | None = None  # the review note saying the speaker is unknown
    between: "FoundQuote | None" = None  # an unattributed phrase after this quote of the paragraph before


@dataclass
class _State:
    registry: PeopleRegistry
    published: dt.date | None
    event_date: PartialDate | None
    last_person: FoundQuote | None = None  # the last quote (or attribution) by a person
    last_org: FoundQuote | None = None
    last_quote: FoundQuote | None = None
    last_quote_paragraph: int = 0
    recent: list[tuple[Person, int, bool]] = field(default_factory=list)  # who spoke (or, False: was a
    # sentence's subject, which counts only within its paragraph), in which paragraph, in order
    subject_dates: dict = field(default_factory=dict)  # person id -> (paragraph, date) of a dated speech act of theirs
    ambiguous: list[Person] = field(default_factory=list)  # who the last unresolved he/she could be
    said_here: tuple | None = None  # (paragraph, person, speaker text) of the last attribution without a quote
    occasions: dict = field(default_factory=dict)  # "meeting" -> the date the text gives it
    dating: Dating | None = None  # when the words were said, read alongside (said_on.py)
    spoke_here: int = 0  # the last paragraph with an attribution of no quote ("officials said.")
    kin: dict = field(default_factory=dict)  # "hadvar's uncle" -> the described person it stands for
    spokesperson: tuple | None = None  # (paragraph, organisation, len(recent) then, end of its verb) of the last "a spokesperson for X said"
    document: tuple | None = None  # (paragraph, described person) of the last sentence a document opened
    last_subject: tuple | None = None  # (paragraph, person) that the last sentence naming a subject opened with
    earlier_subject: tuple | None = None  # the same, as it stood before the current sentence
    paragraphs: list = field(default_factory=list)
    introduced: dict = field(default_factory=dict)  # person id -> the paragraph that first named them
    said_in: dict = field(default_factory=dict)  # paragraph -> its last attribution without a quote (see said_here)
    sentence_at: int = 0  # where in its paragraph the sentence being read starts
    said_last: set = field(default_factory=set)  # paragraphs with no quote whose last sentence is such an attribution
    quotes: list[FoundQuote] = field(default_factory=list)
    review: list[dict] = field(default_factory=list)


def find_quotes(paragraphs: list[str], published: dt.date | None, registry: PeopleRegistry,
                event_date: PartialDate | None) -> tuple[list[FoundQuote], list[dict]]:
    """Every quote of the article with speaker, role, relay and date; plus review notes."""
    state = _State(registry, published, event_date, paragraphs=paragraphs,
                   dating=Dating.for_article(paragraphs, published, event_date))
    pending_caption = None
    signatures = register_signatures(paragraphs, registry)
    for number, paragraph in enumerate(paragraphs, 1):
        known = len(registry.people)
        if number not in signatures:
            register_mentions(paragraph, registry)
        for person in registry.people[known:]:
            state.introduced.setdefault(id(person), number)
        caption = parse_caption(paragraph)
        if caption is not None:
            pending_caption = caption
        elif not paragraph.lstrip("> -*•").startswith(("“", '"', "«")):
            pending_caption = None
        if is_heading(paragraph):
            continue
        if pending_caption is not None:
            _caption_quotes(paragraph, number, pending_caption, caption is not None, state)
        else:
            _paragraph_quotes(paragraph, number, state)
    _signed_posts(state)
    _attribute_run_on_quotes(state)
    _settle_shared_family_names(state)
    return state.quotes, state.review


def _settle_shared_family_names(state: _State) -> None:
    """"Mensah" beside Kwame and Kofi Mensah is either, unless the writer calls all but one of
    them by the given name alone ("Kofi, who was booked, …"): then the family name alone is
    the one left, as newsrooms write of two relatives. Words inside quotes do not count."""
    narrative = "\n".join(mask(paragraph, find_spans(paragraph)) for paragraph in state.paragraphs)
    people = [p for p in state.registry.people if p.kind == "person" and not p.described and p.merged_into is None]
    for quote in state.quotes:
        single = quote.person
        if single is None or single.kind != "person" or len(single.spellings) != 1 or " " in single.spellings[0]:
            continue
        word = single.spellings[0]
        owners = [p for p in people if p is not single
                  and any(len(tokens) > 1 and tokens[-1] == word for tokens in map(name_tokens, p.spellings))]
        if len(owners) < 2:
            continue
        # the given name with no name after it: "Seddon Ray Abt" is not "Seddon" alone
        given_alone = [o for o in owners if re.search(r"(?<![\w’'-])" + re.escape(name_tokens(o.name)[0])
                                                      + r"(?![\w’'-])(?!\s+" + UPPER + r")", narrative)]
        left = [o for o in owners if o not in given_alone]
        if len(left) == 1 and len(given_alone) == len(owners) - 1:
            quote.person = left[0]


# the line an embedded post ends with: "— National Weather Bureau (@NatWeatherBureau) November 25, 2025"
_POST_SIGNATURE = re.compile(r"[>\s]*[—–-]\s*(?P<who>[^()@_]{2,80}?)\s*\(@\w{1,30}\)[^()@]{0,40}")


def _signed_posts(state: _State) -> None:
    """A quoted post whose embed is signed on the next line by its account is that account's
    ("It tweeted:" / "“…”" / "— Weather Bureau (@bureau) date"), when nothing else attributed it."""
    for number, paragraph in enumerate(state.paragraphs, 1):
        signature = _POST_SIGNATURE.fullmatch(paragraph.strip())
        speaker = speaker_phrase(signature["who"]) if signature else None
        if speaker is None or speaker.kind not in ("name", "single", "organization"):
            continue
        person = _resolve(SpeechEvent(0, 0, speaker, "signed"), number, state)
        for quote in state.quotes:
            if quote.paragraph == number - 1 and person is not None and (quote.speaker is None or quote.how.startswith("continued")):
                quote.speaker, quote.person, quote.how = speaker.text, person, "signed"
                quote.role = speaker.role or person.role
                if quote.flag in state.review:
                    state.review.remove(quote.flag)


def _attribute_run_on_quotes(state: _State) -> None:
    """A quote that runs over paragraphs is attributed once, usually at its end: an
    unattributed open-ended quote takes the speaker of the quote that continues it (past a
    caption or heading between the two); with none, the previous paragraph's, flagged."""
    for index in range(len(state.quotes) - 1, -1, -1):
        quote = state.quotes[index]
        if quote.speaker is not None or not quote.open_ended:
            continue
        following = [q for q in state.quotes[index + 1: index + 2] if q.paragraph <= quote.paragraph + 2]
        earlier = state.quotes[index - 1] if index else None
        if following and following[0].speaker is not None:
            _take_speaker(quote, following[0], "continued")
            quote.said_on = following[0].said_on
            if quote.flag in state.review:
                state.review.remove(quote.flag)
        elif earlier is not None and earlier.speaker is not None and earlier.paragraph == quote.paragraph - 1 \
                and quote.flag in state.review:
            _take_speaker(quote, earlier, "continued")
            quote.said_on = earlier.said_on
            quote.flag["text"] = f"“{quote.text}” taken as {earlier.speaker}'s, from the paragraph before"
        elif quote.paragraph - 1 in state.said_in and (earlier is None or earlier.paragraph < quote.paragraph - 1) \
                and not state.paragraphs[quote.paragraph - 1][: 1].isalpha():
            # "Then she tells the whole story in one go." / "“It was the winter of 2021. …": a long
            # quote a paragraph of its own introduces, with no attribution at its end
            _, quote.person, quote.speaker = state.said_in[quote.paragraph - 1]
            quote.role, quote.how = quote.person.role, "continued"
            if quote.flag in state.review:
                state.review.remove(quote.flag)
    for previous, quote in zip(state.quotes, state.quotes[1:]):
        if quote.speaker is None and previous.speaker is not None and previous.open_ended \
                and quote.paragraph == previous.paragraph + 1 \
                and state.paragraphs[quote.paragraph - 1].lstrip("> -*•")[:1] in _OPENING_MARKS:  # the run's later paragraphs
            _take_speaker(quote, previous, "continued")
            quote.said_on = previous.said_on
            if quote.flag in state.review:
                state.review.remove(quote.flag)


def _close_sandwich(quote: FoundQuote, state: _State) -> None:
    """A phrase quoted in the writer's own paragraph, between one speaker's quotes in the
    paragraphs before and after, is that speaker's (paraphrase framed by their words)."""
    phrase = state.last_quote
    if phrase is not None and phrase.speaker is None and phrase.between is not None \
            and phrase.between.person is not None and quote.person is phrase.between.person \
            and quote.paragraph == phrase.paragraph + 1:
        _take_speaker(phrase, phrase.between, "continued")
        phrase.said_on = phrase.between.said_on
        if phrase.flag in state.review:
            state.review.remove(phrase.flag)


def _take_speaker(quote: FoundQuote, source: FoundQuote, how: str) -> None:
    """The quote is the same speaker's as `source` (it continues it, or runs on into it)."""
    quote.speaker, quote.person, quote.role, quote.via = source.speaker, source.person, source.role, source.via
    quote.how = how


def _caption_quotes(paragraph: str, number: int, caption, own: bool, state: _State) -> None:
    """A transcript caption gives speaker, role and date to every quote after it."""
    start = caption.end if own else 0
    body = paragraph[start:]
    bare_text = own and body.strip() and (caption.role or caption.when)  # "<Name / Role> Words said." without marks
    spans = find_spans(body) or ([Span(-1, len(body), body.strip())] if bare_text else [])
    anonymous = caption.name.split()[0].lower() in _ANONYMOUS
    person = None if anonymous else state.registry.resolve_name(caption.name, role=caption.role)
    if anonymous:
        state.review.append(note("attribution", f"anonymous speaker “{caption.name}”: no person record", number))
    said_on = _resolve_when(caption.when, state.published) if caption.when else state.event_date
    if caption.when and said_on is None:
        state.review.append(note("date", f"({caption.when})", number))
    for span in spans:
        _note_reopened(body, span, number, state)
        quote = FoundQuote(span.text, number, False, caption.name, person, caption.role or (person.role if person else None),
                           None, said_on, "caption")
        _keep(quote, state)


def _resolve_when(when: str, published: dt.date | None) -> PartialDate | None:
    mentions = [m for m in find_dates(when, published) if m.date is not None]
    return mentions[0].date if mentions else None


def _paragraph_quotes(paragraph: str, number: int, state: _State) -> None:
    spans = find_spans(paragraph)
    masked = mask(paragraph, spans)
    attributed_here = False
    state.occasions.update(occasion_dates(masked, state.published))
    for start, end in sentences(masked):
        sentence = masked[start:end]
        state.earlier_subject = state.last_subject  # whom the sentences before this one were about
        document = _DOCUMENT_SUBJECT.match(sentence)
        if document:  # "A leaked 2019 audit by an outside firm found …": what a later "it said" means
            text = document["doc"][0].lower() + document["doc"][1:]
            state.document = (number, state.kin.setdefault(text.casefold(), Person([text], kind="described", described=True)))
        _gender_from(sentence, number, state)
        events = speech_events(sentence)
        inner = [span for span in spans if start <= span.start < end
                 and not is_title_span(paragraph, span, bool(events)) and not _name_as_modifier(paragraph, span)]
        state.sentence_at = start
        resolved = _same_sentence_pronouns(sentence, [(event, _resolve(event, number, state)) for event in events], state)
        state.dating.read(number, sentence, resolved, bool(inner))
        for event, person in resolved:
            if event.speaker is not None and event.speaker.kind in ("name", "single"):
                subject_gender(sentence[event.end:], person)
                note_gender(person, title_gender(" ".join((event.speaker.role or "").split()[:3])))
        for span in inner:
            _note_reopened(paragraph, span, number, state)
            quote = _attribute(paragraph, span, start, sentence, resolved, number, state)
            attributed_here = attributed_here or quote.speaker is not None
            _keep(quote, state)
        if events and not inner:
            state.spoke_here = number  # someone spoke in this paragraph before its next quote
        for event, person in resolved:
            if person is not None and person.kind == "organization" and event.speaker is not None \
                    and (_SPOKESPERSON.search(event.speaker.role or "") or _SPOKESPERSON_FOR.search(sentence[: event.start])):
                state.spokesperson = (number, person, len(state.recent), state.sentence_at + event.end)  # "a spokesperson for the union said"
        for event, person in resolved if inner else ():
            if person is DESCRIBED and event.speaker is not None and event.speaker.kind in ("described", "description"):
                # "“…,” says a nurse from the ward." / "“…,” she says.": the unnamed speaker just
                # quoted is whom the next pronoun means, not someone named before her
                _remember_speaker(event, person, number, state, sentence)
        if not inner:
            for event, person in resolved:
                _remember_speaker(event, person, number, state, sentence)
                if person is not None and person.kind == "person" and event.speaker is not None:
                    state.said_here = (number, person, _speaker_text(event, person, state))
                    state.said_in[number] = state.said_here
                    if end >= len(masked.rstrip()) and not spans:
                        state.said_last.add(number)  # the paragraph, quoting no one, ends on it
                elif person is not None and person.kind == "organization" and event.speaker is not None \
                        and not is_media(person.name):  # "It tweeted:" after "The Weather Bureau has …"
                    state.said_in[number] = (number, person, _speaker_text(event, person, state))
                    if end >= len(masked.rstrip()) and not spans:
                        state.said_last.add(number)


# a sentence whose subject is a document: "A confidential 2019 audit by an outside firm found …"
_DOCUMENT_SUBJECT = re.compile(r"\s*(?:[A-Z][^,_]{0,50},\s*)?(?P<doc>(?:[Aa]n?|[Tt]he)\s+(?:[\w’'-]+\s+){0,4}?" + DOCUMENT_NOUNS
                               + r"(?:\s+(?:by|from|of|for|into|on|against)\s+(?:[\w’'.-]+\s+){0,4}?[\w’'.-]+)?)\s+(?:[a-z]+ly\s+)?"
                               r"(?:has\s+|had\s+|have\s+)?(?:[a-z]+(?:ed|s)|found|showed|shown|said|told|gave|made|took|"
                               r"saw|set|put|laid|held|kept|drew|wrote|sent|brought|became|came|went)\b")


# a clause a sentence opens with, before its main clause: "When Varga was asked about it, he …"
_FRONTED_SUBORDINATE = re.compile(r"\s*(?:(?:But|And|Yet|So|Then|Later|Even)\s+)?" + SUBORDINATOR + r"\s+(?P<who>(?:" + UPPER + r"[\w’'.-]*\s+){0,3}" + UPPER + r"[\w’'-]*)"
                                  r"\s+(?P<rest>[^_;]*),\s*$")
# what joins a pronoun's clause to the attribution before it: "Ruiz had said as she closed her case"
_JOINED_CLAUSE = re.compile(r"\s*(?:[^_,.;]{0,40}?\s+)?(?:as|when|while|before|after|once|until)\s+")


def _same_sentence_pronouns(sentence: str, resolved: list, state: _State) -> list:
    """A he/she whose antecedent stands earlier in its own sentence: the subject of a clause the
    sentence opens with ("When Varga was asked whether it was true, he confirmed it"), or of
    the attribution the pronoun's clause hangs on ("Ruiz had said as she closed her case, “…”").
    Only one person, of a gender that fits, may be named there; else the reading stands."""
    out = []
    for index, (event, person) in enumerate(resolved):
        speaker = event.speaker
        gender = pronoun_gender(speaker.text) if speaker is not None and speaker.kind == "pronoun" else None
        antecedent = None
        at = _pronoun_start(sentence, speaker.text, event.start) if gender is not None else event.start
        if gender is not None and index and _JOINED_CLAUSE.fullmatch(sentence[resolved[index - 1][0].end: at]):
            antecedent = resolved[index - 1][1]
        elif gender is not None and index and resolved[index - 1][0].speaker is not None \
                and resolved[index - 1][0].speaker.text.lower() == speaker.text.lower() \
                and not find_person_names(sentence[resolved[index - 1][0].end: event.start]):
            antecedent = out[index - 1][1]  # "he confirmed it, stating …": the same "he" both times
        fronted = _FRONTED_SUBORDINATE.match(sentence[: at]) if gender is not None and antecedent is None else None
        if fronted and not find_person_names(fronted["rest"]) and not _names_a_known_person(fronted["rest"], state) \
                and not re.search(r"\b(?:he|she|him|her|they|them)\b", fronted["rest"], re.IGNORECASE):
            # "When Winfrey asked if he could …, he declined": the clause's own "he" is the one meant
            antecedent = _known_person(fronted["who"], state)
        if antecedent is not None and antecedent.final().kind == "person" and not antecedent.described \
                and gender_of(antecedent) in (None, gender):
            person = antecedent
            note_gender(person, gender)
        out.append((event, person))
    return out


def _pronoun_start(sentence: str, pronoun: str, verb_start: int) -> int:
    """Where the pronoun subject of the verb at `verb_start` stands ("she" of "she quickly added")."""
    found = [m.start() for m in re.finditer(r"\b" + re.escape(pronoun) + r"\b", sentence[:verb_start])]
    return found[-1] if found else verb_start


def _known_person(words: str, state: _State) -> Person | None:
    """The one person of the article that `words` name: a full name, or a name part only one
    person has."""
    mentions = find_person_names(words)
    if len(mentions) == 1 and mentions[0].start == 0 and mentions[0].end >= len(words.rstrip()):
        return state.registry.resolve_name(mentions[0].name, mentions[0].title).final()
    owners = {id(p.final()): p.final() for p in state.registry.people
              if p.kind == "person" and not p.described and (p.has_family_name(words) or words in p.spellings)}
    return next(iter(owners.values())) if len(owners) == 1 else None


def _names_a_known_person(text: str, state: _State) -> bool:
    """Whether a capitalised word of the text is a name part of someone of the article."""
    return any(_known_person(word, state) is not None for word in re.findall(UPPER + LOWER + r"[\w’'-]*", text))


# a participle clause a sentence opens with, however long, before its subject ("Asked … whether …, Eriksen")
_FRONTED_CLAUSE = re.compile(r"\s*(?:Asked|Pressed|Questioned|Challenged|Speaking|Interviewed|Reached|Writing)\b[^_;]*?,\s+(?="
                             + UPPER + ")")


def _gender_from(sentence: str, number: int, state: _State) -> None:
    """He/his or she/her after the only name of a sentence tells that person's gender; a
    person who opens a sentence ("Vell disagreed.") is who a "she" right after means, and
    a dated speech act of theirs ("Biden joined calls on Thursday") dates what follows."""
    mentions = [] if is_headline(sentence) else find_person_names(sentence)
    named = [(m.start, state.registry.resolve_name(m.name, m.title)) for m in mentions]
    sentence_gender(sentence, named + family_names(sentence, mentions, state.registry))
    subject = sentence_subject(sentence, mentions, named, state.registry)
    fronted = _FRONTED_CLAUSE.match(sentence) if subject is None else None
    if fronted:  # "Asked when the paintings would go back, Eriksen smiled.": the subject after the clause
        rest = sentence[fronted.end():]
        rest_mentions = find_person_names(rest)
        subject = sentence_subject(rest, rest_mentions, [(m.start, state.registry.resolve_name(m.name, m.title))
                                                         for m in rest_mentions], state.registry)
    act = SPEECH_ACT.search(sentence)
    if subject is None and act is not None and not mentions:
        subject = described_subject(sentence[: act.start()])  # "A spokesman for the port authority defended …"
        gender = title_gender(subject.name) if subject is not None else None
        subject = subject if gender else None  # only one a "he" or "she" can mean by the words alone
        note_gender(subject, gender)
    kin = kin_subject(sentence) if subject is None else None
    if kin is not None:  # "Hadvar's uncle slowly reaches for his mace": the same person each time
        subject = state.kin.setdefault(kin.casefold(), Person([kin], kind="person", described=True))
        note_gender(subject, title_gender(kin.split()[-1]))
    if subject is not None:
        state.last_subject = (number, subject)
        act = SPEECH_ACT.search(sentence)
        state.recent.append((subject, number, act is not None))  # "Biden joined calls for ...": a speaker
        date = clause_date(sentence, act.start(), act.end(), state.published) if act else None
        fronted = re.match(r"\s*[A-Z][^,_]{0,60},\s", sentence)  # "On Wednesday night, Voss said the cheques had come":
        if date is not None and not fronted:  # a report dated, not an act whose date carries to later quotes
            state.subject_dates[id(subject)] = (number, date)


def _name_as_modifier(paragraph: str, span: Span) -> bool:
    """A name in Title Case, quoted before the lower-case noun it names ("the festival's “Next
    Wave” strand", "a server called “Harbour One” account"): a label, whoever speaks nearby."""
    words = re.findall(r"[\w’'-]+", span.text)
    if not words or len(words) > 5 or not all(word[0].isupper() for word in words) or span.text.rstrip()[-1:] in ",.!?":
        return False
    after = re.match(r"[”\"’']?\s+(?P<word>[a-z]{3,})\b", paragraph[span.end:])
    return bool(after) and after["word"] not in _NOT_NOUNS and not after["word"].endswith(("ed", "ly"))


# words after a quoted name that make it a subject or the end of a phrase, not a label of a noun
_NOT_NOUNS = {"was", "were", "are", "has", "had", "have", "will", "would", "can", "could", "may", "might", "must",
              "should", "and", "but", "for", "with", "from", "into", "that", "which", "who", "when", "where", "while",
              "became", "becomes", "remains", "means", "meant", "says", "said", "told", "added", "wrote", "the",
              "after", "before", "until", "because", "though", "than", "then", "also", "not", "did", "does",
              # prepositions end the phrase a word was said in: "called the budget “Shameful” during the debate"
              "during", "without", "within", "despite", "amid", "about", "over", "under", "through", "against",
              "since", "unless", "among", "across", "toward", "towards", "onto", "upon"}


def _note_reopened(text: str, span: Span, number: int, state: _State) -> None:
    if span.reopened:
        snippet = text[max(0, span.start - 15): span.start + 8].strip()
        state.review.append(note("punctuation", snippet, number))


def _attribute(paragraph: str, span: Span, offset: int, sentence: str,
               resolved: list[tuple[SpeechEvent, Person | None]], number: int, state: _State) -> FoundQuote:
    partial = is_partial(paragraph, span)
    quote = FoundQuote(span.text, number, partial, open_ended=span.open_ended)
    choice = _choose_event(span, offset, sentence, resolved)
    colon_subject = colon_text = colon_role = None
    if choice is None and not resolved:
        colon = _colon_speaker(sentence[: span.start - offset])
        if colon is not None:
            colon_subject = _resolve(SpeechEvent(0, 0, colon, ":"), number, state)
            if colon_subject is not None and colon_subject.kind not in ("person", "described"):
                colon_subject = None
            colon_text, colon_role = colon.text, colon.role
    if choice is not None:
        event, person = choice
        quote.speaker = _speaker_text(event, person, state)
        quote.person = person
        quote.via = event.via or _media_cited(resolved, event)
        quote.role = event.speaker.role if event.speaker and event.speaker.role else (person.role if person else None)
        quote.how = "continued" if event.verb in _CONTINUING_VERBS or (event.speaker and event.speaker.kind == "pronoun") else "attributed"
        if event.apposition or event.via:
            quote.how += "-relayed"
        if event.verb in ("reported", "reports") and person is not None and person.kind == "organization":
            quote.how = "report"
    elif _ambiguous_pronoun(resolved) or _unresolved_speaker(resolved):
        pass  # "he said" that could be either of two people, or "the ministry said": no guess, not the previous speaker
    elif (not _has_speech(sentence) and state.said_here and state.said_here[0] == number and not partial
          and not sentence[: span.start - offset].strip() and not _starts_paragraph(paragraph, span)):
        _, quote.person, quote.speaker = state.said_here  # "…, he said. “The highlight for me is …”"
        quote.role, quote.how = quote.person.role, "continued"
    elif span.open_ended and _starts_paragraph(paragraph, span) and not (state.last_quote and state.last_quote.open_ended):
        pass  # a new quote running on into the next paragraph: attributed where it ends (_attribute_run_on_quotes)
    elif (_starts_paragraph(paragraph, span) and number - 1 in state.said_in and not _has_speech(sentence)
          and (state.paragraphs[number - 2].rstrip().endswith(":") or number - 1 in state.said_last)):
        # "Eilidh MacLeod has been speaking in the Assembly. She said:" / "“Please, do not travel …”", and
        # "One of them, Ada Roe, lives by the stop. She wrote to me last week." / "“My street is a trench.”":
        # a quote paragraph right after a paragraph that ends on someone's words reported is theirs
        _, quote.person, quote.speaker = state.said_in[number - 1]
        quote.role, quote.how = quote.person.role, "attributed"
        if not state.paragraphs[number - 2].rstrip().endswith(":"):
            state.review.append(note("attribution", f"“{span.text}” taken as {quote.speaker}'s, whose words the paragraph "
                                                    "before reports", number))
    elif (_starts_paragraph(paragraph, span) and not _has_speech(sentence) and number > 1
          and (introduced := _introduced_by_colon(number - 1, state)) is not None):
        # "Here is Ada Roe, who runs the café, speaking to our reporter a few minutes ago:" / "“…”"
        quote.person, quote.speaker, quote.how = introduced, _known_as(introduced, state), "attributed"
        quote.role = introduced.role
        state.review.append(note("attribution", f"“{span.text}” taken as {quote.speaker}'s, whom the paragraph "
                                                "before introduces", number))
    elif colon_subject is not None:
        # "Her husband, Tomas, agreed: “It is hard.”", "The Labour MP was blunt: “…”": a quote a
        # colon opens after a clause about a person is that person's
        quote.person, quote.speaker, quote.how = colon_subject, colon_text, "attributed"
        quote.role = colon_role or colon_subject.role
    elif (not _has_speech(sentence) and not partial and not sentence[: span.start - offset].strip()
          and state.earlier_subject is not None and state.earlier_subject[0] == number
          and not (state.last_quote_paragraph == number and state.last_quote.person is state.earlier_subject[1])):
        # "Hadvar hacks the wolf down, then turns to me. “I'm glad you decided to join me.”": a quote
        # standing as its own sentence after one about a person is that person's (an action beat)
        subject = state.earlier_subject[1]
        quote.person, quote.speaker, quote.how = subject, _known_as(subject, state), "beat"
        quote.role = subject.role
        state.review.append(note("attribution", f"“{span.text}” taken as {quote.speaker}'s, who the sentence before is about", number))
    elif re.fullmatch(r"[\s>*•-]*" + UPPER + r"[\w’'.-]*(?:\s+" + UPPER + r"[\w’'.-]*){0,2}\s*:\s*", sentence[: span.start - offset]):
        pass  # "MacLeod: “Do not travel”" when the label names no one _colon_speaker knows: not the last speaker
    # with any speech verb in the sentence ("The audit … concluded that costs had been “underestimated”"),
    # someone, whoever the subject is, says the words: not the last speaker
    elif _starts_paragraph(paragraph, span) or (not _has_speech(sentence) and not has_any_speech_verb(sentence)
                                                and not _names_someone_else(sentence, state)
                                                and not (state.spoke_here == number and state.last_quote_paragraph != number)):
        _inherit(quote, state, number, paragraph)
    _close_sandwich(quote, state)
    quote.said_on = _said_on(quote, sentence, choice[0] if choice else None, state)
    if quote.speaker is None:
        could_be = " or ".join(p.name for p in state.ambiguous) if _ambiguous_pronoun(resolved) else ""
        quote.flag = note("attribution", f"“{span.text}”" + (f" (the pronoun could be {could_be})" if could_be else ""), number)
        state.review.append(quote.flag)
    return quote


def _introduced_by_colon(number: int, state: _State) -> Person | None:
    """The one person a paragraph that ends with a colon and quotes no one names, reporters
    aside ("Here is Ada Roe, who runs the café, speaking to our reporter Ben Tull:"): whose
    words the quote paragraph after it are."""
    paragraph = state.paragraphs[number - 1].rstrip()
    if not paragraph.endswith(":") or find_spans(paragraph):
        return None
    people = {}
    for mention in find_person_names(paragraph):
        person = state.registry.resolve_name(mention.name, mention.title).final()
        if person.kind == "person" and not re.search(r"\b(?:reporter|correspondent|editor)\b", person.role or ""):
            people[id(person)] = person
    return next(iter(people.values())) if len(people) == 1 else None


def _known_as(person: Person, state: _State) -> str:
    """How the article last named a person as a speaker, else the person's name."""
    for earlier in reversed(state.quotes):
        if earlier.person is person and earlier.speaker:
            return earlier.speaker
    return person.name


_OPENING_MARKS = {"“", '"', "‘", "'", "«"}
_SPEAKER_LABEL = re.compile(r"[\s>*•-]*(?P<who>(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?" + NAME_WORD + r"(?:\s+" + NAME_WORD + r"){0,3})\s*:\s*")


def _colon_speaker(before: str) -> Speaker | None:
    """The subject of a clause that a colon ends, its verb set aside: "Her husband, Tomas, agreed:"."""
    label = _SPEAKER_LABEL.fullmatch(before)
    if label:  # "Prelogar: “…”", a transcript's or an exchange's speaker label
        speaker = speaker_phrase(label["who"])
        return speaker if speaker is not None and speaker.kind in ("name", "single") else None
    clause = re.search(r"(?:^|[.;]\s+)(?P<clause>[^.;_]+?)\s+(?:[a-z’'-]+\s+){0,2}[a-z’'-]+\s*:\s*$", before)
    if clause is None:
        return None
    speaker, _ = subject_before(clause["clause"])
    return speaker if speaker is not None and speaker.kind in ("name", "single", "description", "described") else None


def _unresolved_speaker(resolved) -> bool:
    """The sentence names a speaker ("the ministry said") that could not be resolved."""
    return any(e.speaker is not None and p is None and e.verb != "according to" for e, p in resolved)


def _ambiguous_pronoun(resolved) -> bool:
    return any(e.speaker is not None and pronoun_gender(e.speaker.text) and p is None for e, p in resolved)


def _choose_event(span: Span, offset: int, sentence: str, resolved):
    """The attribution a quote belongs to: right after a quote that ends in a comma
    ("“…,” said X"), else the last one before it, else the first after it."""
    local_start, local_end = span.start - offset, span.end - offset
    usable = [(event, person) for event, person in resolved if person is not None]
    after = [(e, p) for e, p in usable if e.start >= local_end]
    # "Kaveh writes: A “rural brain drain” has …": the colon opens the writer's own prose, and a
    # phrase quoted inside it is not the writer's words
    before = [(e, p) for e, p in usable if e.end <= local_start and not re.search(r":\s*[^\s_]", sentence[e.end: local_start])]
    nearest = [(e, p) for e, p in resolved if e.end <= local_start and e.verb != "according to" and e.speaker is not None]
    if before and nearest and nearest[-1][1] is None and nearest[-1][0].start > before[-1][0].start:
        before = []  # "Harry criticized the royals when lawmakers pointed out “…”": the nearer speaker's, unknown
    if after and re.search(r"[,?!—–-]$", span.text):
        gap = sentence[local_end: after[0][0].start]
        if len(gap.split()) <= 12 and "_" not in gap:
            return after[0]
    if before:
        return before[-1]
    if after and not re.search(r"[_;]", sentence[local_end: after[0][0].start]):
        return after[0]  # not across a semicolon: "… seized on her “plan to fix it”; he suggested …" is not his
    return None


def _media_cited(resolved, chosen: SpeechEvent) -> str | None:
    """A person's words "according to the KCNA news agency": the agency relayed them."""
    for event, _ in resolved:
        if event is not chosen and event.verb == "according to" and event.via:
            return event.via
    return None


def _starts_paragraph(paragraph: str, span: Span) -> bool:
    """The quote opens the paragraph (after any blockquote or list marker)."""
    return not paragraph[: span.start].strip().strip(">-*• ")


def _names_someone_else(sentence: str, state: _State) -> bool:
    """The sentence names a person other than the last speaker ("the court heard Hartley admit
    to “forgetting”"): its fragment is not the last speaker's to inherit."""
    previous = state.last_quote.person.final() if state.last_quote and state.last_quote.person else None
    for mention in find_person_names(sentence):
        if state.registry.resolve_name(mention.name, mention.title).final() is not previous:
            return True
    for word in re.findall(r"(?<![\w’'-])" + UPPER + LOWER + r"[\w’'-]*", sentence):  # "heard Hartley admit to"
        owners = [p.final() for p in state.registry.people if p.kind == "person" and p.has_family_name(word)]
        if owners and previous not in owners:
            return True
    return False


def _aside(paragraph: str, state: _State) -> bool:
    """A short paragraph with no quote, no heading, and no one in it: no name, and no word
    that names a person of the article."""
    if find_spans(paragraph) or is_heading(paragraph) or len(paragraph.split()) > 40 or find_person_names(paragraph):
        return False
    words = set(re.findall(UPPER + r"[\w’'-]+", paragraph))
    return not any(words & set(person.spellings + [t for s in person.spellings for t in s.split()])
                   for person in state.registry.people)


def _has_speech(sentence: str) -> bool:
    return bool(speech_events(sentence))


def _inherit(quote: FoundQuote, state: _State, number: int, paragraph: str) -> None:
    """A quote with no attribution of its own continues the speaker of the quote before it in
    its paragraph, or, when it opens its paragraph, of the quote that ended the paragraph
    before (the usual way quotes run over paragraphs), unless that quote was a question: an
    answer is someone else's. A phrase quoted inside the writer's own sentence after the
    paragraph before stays unknown (see _close_sandwich), and a term ("bought so-called
    “brick phones”", one word in quote marks) is no one's words."""
    previous = state.last_quote
    if previous is None or previous.speaker is None:
        return
    named = re.search(r"(?:so-called|dubbed|nicknamed|known as|the (?:words?|terms?|phrases?|label))\s*$",
                      paragraph[: max(0, paragraph.find(quote.text) - 1)])
    if quote.partial and (named or len(quote.text.split()) == 1):
        return  # a term ("so-called", or one word in quote marks in a sentence with no speech verb)
    if state.last_quote_paragraph == number - 2 and _starts_paragraph(paragraph, find_spans(paragraph)[0]) \
            and _aside(state.paragraphs[number - 2], state):
        # a reply after one paragraph of the writer's own aside that names no one ("Wow, dude.
        # There are nicer ways to say it."): the conversation goes on with the same speaker
        _take_speaker(quote, previous, "continued")
        state.review.append(note("attribution", f"“{quote.text}” taken as {previous.speaker}'s, across the paragraph before", number))
        return
    if state.last_quote_paragraph != number and previous.text.rstrip(" ,”\"'’").endswith("?"):
        answering = _answerer(previous, number, state)
        if answering is not None:  # "“…,” Kell said." / "“…?” Brandt asked." / "“…”": Kell answers
            _take_speaker(quote, answering, "continued")
            state.review.append(note("attribution", f"“{quote.text}” taken as {answering.speaker}'s, the answer to "
                                                    f"{previous.speaker}'s question in an exchange of the two", number))
        return  # a quote paragraph after a question is an answer: whose, the text has not said
    if state.last_quote_paragraph != number and (state.last_quote_paragraph != number - 1
                                                 or not _starts_paragraph(paragraph, find_spans(paragraph)[0])):
        # across paragraphs only a paragraph that opens with the quote goes on with the last
        # speaker; words quoted inside the writer's own sentence are often someone else's
        # (an official's phrase, a report's) and stay unknown, flagged, unless the same
        # speaker's quotes stand on both sides (_close_sandwich)
        if state.last_quote_paragraph == number - 1:
            quote.between = previous
        return
    if state.last_quote_paragraph == number - 1 and _ends_in_prose(state.paragraphs[number - 2]):
        # "… dismissing it as “a fairy tale.” Not long after, the deal fell through." / "“…”": the
        # paragraph before moved on in the writer's words; whose the quote is, it does not say
        return
    _take_speaker(quote, previous, "continued" + ("-relayed" if "relayed" in previous.how else ""))


def _ends_in_prose(paragraph: str) -> bool:
    """The paragraph's last sentence quotes no one and reports no one speaking."""
    masked = mask(paragraph, find_spans(paragraph))
    bounds = sentences(masked)
    if len(bounds) < 2:
        return False
    last = masked[bounds[-1][0]: bounds[-1][1]]
    return "_" not in last and not has_any_speech_verb(last) and not speech_events(last)


def _answerer(question: FoundQuote, number: int, state: _State) -> FoundQuote | None:
    """In an exchange of two people quoted paragraph by paragraph, the quote of the one who
    answers a question: the paragraph before the question's opens with a quote of the other
    person, the question's paragraph opens with the asker's, and no one else is quoted in
    either. None when the alternation is not that explicit."""
    asker = question.person.final() if question.person is not None else None
    if asker is None or asker.kind != "person" or asker.described or question.paragraph != number - 1 or number < 3:
        return None
    window = [q for q in state.quotes if q.paragraph in (number - 2, number - 1)]
    others = {id(q.person.final()): q for q in window if q.person is not None and q.person.final() is not asker}
    if len(others) != 1 or any(q.person is None for q in window):
        return None
    answer = next(iter(others.values()))
    if answer.person.final().kind != "person" or answer.person.final().described or answer.paragraph != number - 2:
        return None
    opens = [state.paragraphs[n - 1].lstrip("> -*•")[:1] in _OPENING_MARKS for n in (number - 2, number - 1)]
    return answer if all(opens) else None


def _speaker_text(event: SpeechEvent, person: Person | None, state: _State | None = None) -> str:
    """The speaker as the article wrote it; for "he" or "the agency", the name it points back to."""
    if event.speaker is not None and event.speaker.kind in ("description", "described") and (
            person is None or person is DESCRIBED or person.kind != "person"):
        return event.speaker.text
    if event.speaker is None or event.speaker.kind == "pronoun":
        earlier_ones = [state.last_person, state.last_org, *reversed(state.quotes)] if state else []
        for earlier in earlier_ones:
            if earlier is not None and earlier.person is person and earlier.speaker:
                return earlier.speaker
        return person.name if person else "unknown"
    return event.speaker.text


def _resolve(event: SpeechEvent, number: int, state: _State) -> Person | None:
    """The person or organisation an attribution names, or the one a pronoun points back to."""
    speaker = event.speaker
    if speaker is None:
        if event.verb == "according to":
            return None
        return state.last_quote.person if state.last_quote and state.last_quote_paragraph == number else None
    if speaker.kind == "pronoun":
        if pronoun_gender(speaker.text):
            voice = state.spokesperson
            if voice is not None and voice[0] >= number - 1 and voice[2] == len(state.recent) \
                    and _someone_described_since(voice, event, number, state):
                state.ambiguous = []
                return None  # "Later the mayor was less sure. “…,” she said.": not simply the spokesperson
            if voice is not None and voice[0] >= number - 1 and voice[2] == len(state.recent):
                # "A spokesperson for the union said …" / "“…,” he said.": the spokesperson goes on,
                # for the organisation, and no one named before them
                state.ambiguous = []
                return voice[1]
            only = _only_one_named_before(event, speaker.text, number, state)
            if only is not None:
                note_gender(only, pronoun_gender(speaker.text))
                state.ambiguous = []
                return only
            # who spoke, who opened a sentence of this paragraph, and who the paragraph before ended
            # on ("Mr Anderson … had taken the witness box." / "He told the jury …"): the subject
            # the reader still has in mind
            last = len(state.recent) - 1
            recent = [(p, n) for index, (p, n, spoke) in enumerate(state.recent)
                      if spoke or n == number or (index == last and n == number - 1 and _in_mind(p, n, speaker.text, state))]
            newcomer = state.recent[last] if state.recent else None
            if newcomer and newcomer[1] == number - 1 and gender_of(newcomer[0]) is None \
                    and state.introduced.get(id(newcomer[0])) == number - 1 and not _spoke_since(number - 1, state):
                # "Moira Quill, who chairs the trustees, gave evidence." / "“…,” she told the court.": a
                # person just introduced as a paragraph's subject is whom the next pronoun means
                note_gender(newcomer[0], pronoun_gender(speaker.text))
                state.ambiguous = []
                return newcomer[0]
            person, state.ambiguous = resolve_pronoun(speaker.text, recent, number,
                                                      continuing=event.verb in _CONTINUING_VERBS)
            here = state.said_here
            before = state.said_in.get(number - 1)
            if person is None and before and before[1] in state.ambiguous[:1] and state.last_quote_paragraph < number - 1:
                # "Okonkwo said on Wednesday the union would meet." / "“…,” she said.": who was just
                # reported speaking, the nearest fitting speaker, goes on in her own words
                person, state.ambiguous = before[1], []
            if person is None and here and here[0] == number and here[1] in state.ambiguous[:1]:
                # "Walden told reporters that … “…,” he said.": the attribution just before in the
                # paragraph, the nearest fitting speaker, is who goes on speaking
                person, state.ambiguous = here[1], []
            if person is None and state.ambiguous and _newest_in_mind(state.ambiguous, speaker.text, number, state):
                person, state.ambiguous = state.ambiguous[0], []
                note_gender(person, pronoun_gender(speaker.text))
            return person
        org = state.last_org
        if speaker.text.lower() == "it" and org is not None and org.person is DESCRIBED and _described_person(org.speaker):
            org = None  # "their lawyer complained": a person, whom "it" never means
        document = state.document
        if speaker.text.lower() == "it" and document and document[0] >= number - 1 and (org is None or org.paragraph < document[0]):
            return document[1]  # "A 2019 audit by an outside firm found gaps. “…,” it stated.": the document
        if org is None or org.paragraph < number - 1:
            subject = _organization_subject(number, state)
            if subject is not None:  # "The Weather Bureau has extended its warning. It tweeted:"
                return subject
        if org is not None and org.paragraph < number - _ORG_PRONOUN_REACH:
            return None  # "it"/"they" paragraphs after the organisation last heard: someone else may have come in since
        return org.person if org else None  # never an outlet: see _keep
    if speaker.kind == "generic":
        return None  # "officials said": someone spoke, no one in particular; the quote stays unknown
    if speaker.kind == "described":
        return DESCRIBED
    if speaker.kind == "description":
        head = speaker.text.split()[-1].lower()
        company = _named_organization(head, state) if head in _COMPANY_NOUNS else None
        if company is not None:  # "CalMar Ferries has cancelled all sailings. … the operator said": the company
            return state.registry.add_organization(company, None)
        described = resolve_description(speaker.text, state.registry)
        if described is DESCRIBED:
            described = _subject_described(speaker.text, number, state) or described
        if described is not None:
            return described
        words = speaker.text.split()
        head = words[-1].lower()
        if head in _DOCUMENTS and len(words) <= 3:  # "the statement said": whoever just issued one
            return _issuer(number, state)
        for person in reversed(state.registry.people):
            if person.kind == "organization" and head in f"{person.name} {person.role or ''}".lower():
                return person
        named = _named_organization(head, state)
        if named is not None:  # "Acme Inc. cut 200 jobs … the company said": the one company named
            return state.registry.add_organization(named, None)
        # "the transport ministry" names an organisation; "the ministry" alone does not, and
        # "the letter" or "the ministry" keep their words as the speaker, no one's record
        name = " ".join(words[1:])
        if len(words) > 2 and is_org_word(words[-1]):
            return state.registry.add_organization(name[0].upper() + name[1:], None)
        if len(words) > 2:
            return DESCRIBED  # "The Albert Quay spot said": a place or thing described, no organisation's record
        if not is_org_word(words[-1]):
            return DESCRIBED
        recent = state.last_org  # "The Weather Service said … “…,” the agency said.": the organisation just heard
        if recent is not None and recent.paragraph >= number - 1 and recent.person is not None:
            return recent.person
        return None  # "the ministry said" with no organisation just heard: which one? unknown
    if speaker.kind == "organization" and " " in speaker.text or speaker.kind == "organization" and not any(
            p.kind == "person" and p.has_family_name(speaker.text) for p in state.registry.people):
        return state.registry.add_organization(speaker.text, speaker.role)  # not "Washington" after Darnell Washington
    if speaker.kind == "single" and not speaker.title and _plural_of_a_person_noun(speaker.text, state):
        return None  # "Retailers have warned", "Economists said": people in general, no one in particular
    if speaker.kind == "single" and not speaker.title and _a_company(speaker.text, state):
        return state.registry.add_organization(speaker.text, speaker.role)  # "Microsoft said", with "Microsoft’s shares"
    return state.registry.resolve_name(speaker.text, speaker.title, speaker.role)


# heads of a description that are anyone, not a particular person's calling
_ANYONE = {"man", "woman", "person", "boy", "girl", "source", "official", "spokesperson", "spokesman", "spokeswoman",
           "insider", "pal", "friend", "aide", "witness", "resident", "local", "member", "guest"}


# heads naming the one who runs something: "the Rovers manager" may well be someone not yet named
_OFFICE_HOLDERS = {"manager", "leader", "president", "chairman", "chairwoman", "chair", "chief", "director", "head", "boss",
                   "coach", "governor", "mayor", "minister", "secretary", "commissioner", "executive", "owner", "founder",
                   "captain", "editor", "judge", "principal", "headteacher", "superintendent"}


def _subject_described(text: str, number: int, state: _State) -> Person | None:
    """The person a definite description refers back to when it fits no one's stated role:
    one naming a team, show or place ("the Rovers defender", "The Morning Brew presenter") or
    an age ("the 36-year-old"), right after a sentence about a named person. A writer varies
    how they name the one they are writing about; someone new would be named or come with
    "a". The reading is flagged, and the description becomes that person's role."""
    words = text.split()
    age = re.search(r"\b(\d{1,3})-year-old\b", text)
    if words[0].lower() != "the" or words[-1].lower() in _ANYONE | _OFFICE_HOLDERS or state.last_subject is None:
        return None
    if not age and not any(word[:1].isupper() for word in words[1:-1]):
        return None
    paragraph, person = state.last_subject
    person = person.final()
    if paragraph < number - 1 or person.kind != "person" or person.described:
        return None
    if age and person.age and str(person.age) != age.group(1):
        return None
    if not age and person.role and words[-1].lower() not in person.role.lower():
        return None  # "Johnson, the prime minister, …" / "the Labour leader": someone else
    if not age and not person.role:
        person.role = " ".join(words[1:])
    state.review.append(note("attribution", f"“{text}” taken as {person.name}, whom the sentence before is about", number))
    return person


def _organization_subject(number: int, state: _State) -> Person | None:
    """The organisation an earlier sentence of the paragraph opens with ("The National Weather
    Bureau has just extended its warning."), that an "it" right after means; None when that
    sentence opens with anything else, or the organisation is an outlet."""
    paragraph = state.paragraphs[number - 1]
    masked = mask(paragraph, find_spans(paragraph))
    earlier = [masked[start:end] for start, end in sentences(masked) if end <= state.sentence_at]
    if not earlier:
        return None
    opening = re.match(r"\s*(?:The\s+)?(?P<name>[A-Z][\w&’'.-]*(?:\s+(?:(?:of|for|and|the|on)\s+)?[A-Z][\w&’'.-]*)*)\s+"
                       r"(?:has|have|had|is|was|will|[a-z]+ed|[a-z]+s)\b", earlier[-1])
    if opening is None or opening["name"] not in state.registry.organizations_named or is_media(opening["name"]):
        return None
    return state.registry.add_organization(opening["name"], None)


def _someone_described_since(voice: tuple, event: SpeechEvent, number: int, state: _State) -> bool:
    """The writer's words between the spokesperson's verb and this he/she bring in a person by
    description ("Later the mayor was less sure."): whom the pronoun may mean, so the spokesperson
    does not simply go on."""
    between = []
    for n in range(voice[0], number + 1):
        paragraph = state.paragraphs[n - 1]
        masked = mask(paragraph, find_spans(paragraph))
        between.append(masked[voice[3] if n == voice[0] else 0: state.sentence_at + event.start if n == number else len(masked)])
    return any(is_person_noun(word) and not _SPOKESPERSON.fullmatch(word)
               for opening in _DESCRIBED_OPENING.finditer(" ".join(between)) for word in opening["words"].split())


# a sentence that opens on someone described: "Later the mayor, who …", "A nurse on the ward"
_DESCRIBED_OPENING = re.compile(r"(?:^|[.!?]\s+)\s*(?:[A-Z]\w*,?\s+)?(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Hh]is|[Hh]er|[Tt]heir)\s+"
                                r"(?P<words>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})")


def _only_one_named_before(event: SpeechEvent, pronoun: str, number: int, state: _State) -> Person | None:
    """The one person the paragraph names in the writer's words before a he/she, when the paragraph
    brings them in ("…, one of those who fled was 25-year-old Ada Roe, who … “…,” she said."): the
    person it introduces is whom its pronoun means. None when it names anyone else, or a pronoun
    comes before the name (the name may be who "she" spoke to), or the person is named first as
    someone's ("Roe's doctor")."""
    paragraph = state.paragraphs[number - 1]
    prefix = mask(paragraph, find_spans(paragraph))[: state.sentence_at + event.start]
    mentions = find_person_names(prefix)
    named = [(m.start, state.registry.resolve_name(m.name, m.title)) for m in mentions]
    named += family_names(prefix, mentions, state.registry)
    people = {id(p.final()): p.final() for _, p in named}
    if len(people) != 1:
        return None
    person = next(iter(people.values()))
    first = min(start for start, _ in named)
    if person.kind != "person" or person.described or state.introduced.get(id(person)) != number \
            or gender_of(person) not in (None, pronoun_gender(pronoun)) \
            or re.search(r"\b(?:[Hh]e|[Ss]he|[Hh]im|[Hh]er|[Hh]is)\b", prefix[:first]) \
            or re.match(r"(?:" + UPPER + r"[\w.-]*\s+){0,3}" + UPPER + r"[\w-]*[’']s\b", prefix[first:]):
        return None
    return person


def _someone_called(word: str, state: _State) -> bool:
    """Whether a person of the article goes by the word, as family name or as a spelling of their own."""
    return any(p.kind == "person" and (p.has_family_name(word) or word in p.spellings) for p in state.registry.people)


def _plural_of_a_person_noun(word: str, state: _State) -> bool:
    """"Retailers", "Economists": a plural of a word for a person, that no one of the article is called."""
    lowered = word.lower()
    if not lowered.endswith("s") or _someone_called(word, state):
        return False
    return is_person_noun(lowered[:-1]) or lowered.endswith("ies") and is_person_noun(lowered[:-3] + "y")


_DOCUMENTS = {"statement", "release", "announcement", "communique", "communiqué", "notice", "post", "tweet"}


def _issuer(number: int, state: _State) -> Person | None:
    """Who a document speaks for ("… the release said"): the organisation or person who spoke in
    this paragraph or the one before, the later of them; no one when both spoke in one paragraph."""
    heard = [m for m in (state.last_org, state.last_person) if m and m.person and m.paragraph >= number - 1]
    if len(heard) == 2 and heard[0].paragraph == heard[1].paragraph:
        return None
    if heard and state.spoke_here > max(marker.paragraph for marker in heard):
        return None  # "The council said in a statement …": someone unnamed spoke since
    return max(heard, key=lambda marker: marker.paragraph).person if heard else None


def _a_company(word: str, state: _State) -> bool:
    """A one-word speaker no person of the article is known by, that the article writes as an
    organisation's name (with Inc., "its shares", "a spokesperson for")."""
    if _someone_called(word, state):
        return False
    named = any(name.split()[0] == word for name in state.registry.organizations_named)
    return named or organization_context(word, state.paragraphs)


_COMPANY_NOUNS = {"company", "firm", "business", "retailer", "airline", "carrier", "bank", "chain", "maker", "manufacturer",
                  "startup", "start-up", "giant", "group", "operator", "insurer", "lender", "supplier", "developer", "publisher"}


_TRADES = r"Airlines|Airways|Railways?|Ferries|Shipping|Terminals|Motors|Foods|Energy|Robotics|Systems|Industries|Bank|Labs"
_PUBLIC_BODY = (r"\b(?:Ministry|Department|Council|Government|Police|Parliament|Court|Agency|Office|Bureau|Commission|"
                r"Committee|Assembly|Senate|Congress|University|School|Hospital|Union|Party|Army|Navy|Service|Institute)\b")


def _named_organization(head: str, state: _State) -> str | None:
    """The one organisation the text named that "the <head>" can mean: one with the word in its
    name ("the ministry": the Ministry of Defence), or for "the company", the one with a company
    suffix; None when none or several fit."""
    names = state.registry.organizations_named
    if head in _COMPANY_NOUNS:  # a company by its suffix or its trade, or one that spoke and is no public body
        fitting = {re.sub(r",?\s+" + COMPANY_SUFFIX + r"\.?$", "", n) for n in names
                   if re.search(r"\b(?:" + COMPANY_SUFFIX + r"|" + _TRADES + r")\.?$", n)}
        fitting |= {p.name for p in state.registry.people if p.kind == "organization" and not is_media(p.name)
                    and not re.search(_PUBLIC_BODY, p.name) and " " in p.name}
    else:
        fitting = {n for n in names if head in n.lower().split()}
    return fitting.pop() if len(fitting) == 1 else None


def _spoke_since(paragraph: int, state: _State) -> bool:
    """Whether a quote or a quoteless attribution came in or after that paragraph."""
    return state.last_quote_paragraph >= paragraph or state.spoke_here >= paragraph


def _in_mind(person: Person, paragraph: int, pronoun: str, state: _State) -> bool:
    """Whether the subject the paragraph before ended on is someone a he/she can mean: of the
    pronoun's gender as the text states it, or newly introduced there ("Reached at his home,
    Ortiz was generous about her." / "“…,” he said."), whom the next pronoun usually means."""
    gender = gender_of(person)
    if gender is not None:
        return gender == pronoun_gender(pronoun)
    return state.introduced.get(id(person)) == paragraph


def _newest_in_mind(candidates: list[Person], pronoun: str, number: int, state: _State) -> bool:
    """Whether the nearest person a he/she can mean (the first candidate) is the one a writer
    just brought in, so that the earlier ones are no rivals: the only fitting person this
    paragraph names as a subject or speaker, first named here or when the text made the
    earlier ones of the pronoun's gender ("Bellini took defeat in good spirit. “…,” he
    wrote."); or someone first named in the paragraph before who was the last one heard
    there, in the writer's prose or when the others are of the pronoun's gender ("Kerr …
    said the committee had ‘rushed’." / "‘…,’ she said."). Two people of unstated gender,
    neither new, or both brought in by quotes ("“…,” said Lisa Moor."), stay open."""
    gender = pronoun_gender(pronoun)
    person, rivals = candidates[0], candidates[1:]
    final = person.final()
    stated = all(gender_of(rival) == gender for rival in rivals)
    paragraph = state.paragraphs[number - 1]
    named = [state.registry.resolve_name(m.name, m.title) for m in find_person_names(mask(paragraph, find_spans(paragraph)))]
    here = {id(p.final()) for p, n in [(p, n) for p, n, _ in state.recent] + [(p, number) for p in named]
            if n == number and p.final().kind == "person" and gender_of(p) in (None, gender)}
    if here:
        new = person.described or number in (state.introduced.get(id(person)), state.introduced.get(id(final)))
        return here == {id(final)} and (stated or new)
    heard = state.last_person
    in_prose = not re.match(r"[\s>*•-]*[“\"‘']", state.paragraphs[number - 2])  # introduced in the writer's prose
    return ((stated or in_prose) and heard is not None and heard.person is not None and heard.person.final() is final
            and heard.paragraph == number - 1 and state.last_quote_paragraph <= number - 1
            and number - 1 in (state.introduced.get(id(person)), state.introduced.get(id(final))))


def _remember_speaker(event: SpeechEvent, person: Person | None, number: int, state: _State, sentence: str = "") -> None:
    """An attribution without a quote ("according to X, …") still makes X the last speaker, unless
    the writer sets it aside between dashes or brackets ("Odd as it sounds — the late physician
    wrote of such cases — Quill was not amused."): the sentence goes on about someone else."""
    if person is None or event.speaker is None or event.speaker.kind == "pronoun" or _in_aside(sentence, event):
        return
    if person is DESCRIBED and event.speaker.kind in ("described", "description") and _described_person(event.speaker.text):
        # "A nurse at the clinic, who asked not to be named, said …" / "“…,” she said.": the unnamed
        # person is who the pronoun after means, never someone named earlier; no record of their own
        person = state.kin.setdefault(event.speaker.text.casefold(), Person([event.speaker.text], kind="person", described=True))
        after = sentence[sentence.find(event.speaker.text) + len(event.speaker.text):] if event.speaker.text in sentence else ""
        pronouns = {word.lower() for word in re.findall(r"\b(?:[Hh]e|[Ss]he)\b", after)}  # "…, who asked not to be named because she …"
        by_pronoun = pronoun_gender(pronouns.pop()) if len(pronouns) == 1 and not find_person_names(sentence) else None
        note_gender(person, title_gender(event.speaker.text) or by_pronoun)
    marker = FoundQuote("", number, False, _speaker_text(event, person, state), person, how="mention")
    if person.kind == "person":
        state.last_person = marker
        state.recent.append((person, number, True))
    elif not is_media(person.name):  # "it said" never means a newspaper cited in between
        state.last_org = marker


def _in_aside(sentence: str, event: SpeechEvent) -> bool:
    """Whether the speech event sits inside a dash pair or brackets of its sentence."""
    before, after = sentence[: event.start], sentence[event.end:]
    dashes = len(_ASIDE_DASH.findall(before))
    return (dashes % 2 == 1 and bool(_ASIDE_DASH.search(after))) or (before.count("(") > before.count(")") and ")" in after)


_ASIDE_DASH = re.compile(r"—|\s–\s")  # an em dash, or an en dash set off by spaces


def _described_person(text: str) -> bool:
    """"A software engineer at X", "one participant": a person described, not an office or a thing,
    nor two people ("the pair", "the couple") whom no he or she means."""
    head = re.split(r"\s+(?:at|in|of|from|for|with|who|on|near|close)\b", text)[0].split()
    return bool(head) and is_person_noun(head[-1]) and head[-1].lower() not in ("pair", "couple")


def _said_on(quote: FoundQuote, sentence: str, event: SpeechEvent | None, state: _State) -> PartialDate | None:
    """From the attribution's own clause, else the speech event the quote belongs to (said_on.Dating)."""
    return state.dating.quote_date(quote, sentence, event, state)


def _keep(quote: FoundQuote, state: _State) -> None:
    """Add a quote and make it the latest; a said_on after publication (a caption or the
    article's event read forward) cannot be right, so it becomes unknown and is flagged."""
    if quote.said_on is not None and state.published is not None and quote.said_on.first_day() > state.published:
        state.review.append(note("date", f"“{quote.text[:60]}” dated {quote.said_on.iso()}, after publication", quote.paragraph))
        quote.said_on = None
    state.quotes.append(quote)
    state.last_quote, state.last_quote_paragraph = quote, quote.paragraph
    if quote.person is not None:
        if quote.person.kind == "person":
            state.last_person = quote
            state.recent.append((quote.person, quote.paragraph, True))
        elif not is_media(quote.person.name):
            state.last_org = quote
