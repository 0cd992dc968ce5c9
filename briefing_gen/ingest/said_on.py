"""When words were said: from the attribution's own clause or the speech event the quote
belongs to (Dating), else unknown.

"said on Thursday", "Last night, a spokesperson said:", "In late March, Dr Fauci estimated",
"in an interview on Wednesday, Putin said" date the saying. A date elsewhere in the sentence
does not: in the reported clause ("said a man came in on Tuesday"), in a relative clause
("who ran for the seat in 2012"), of another event ("the sky went dark yesterday"), a future
event ("before Thursday's vote"), or inside the quote (masked before this is called).
Everything here works on a masked sentence: quotes blanked out, same length.

Dating carries a date past its sentence only as journalists do: to the quotes of a speech
event the story names (a news conference, an intervention, a meeting where residents spoke,
a recording, a released report), never the publication date to an undated interview. The
lede's date reaches only an occasion people speak at ("approved the plan on Tuesday after a
debate"), never the words of someone the outlet spoke to about an event ("The ferry ran
late on Friday"), and not of anyone whose words were already left undated (the rule:
tests/fixtures/attribution/README.md).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..dates import MONTH_NAMES, PartialDate
from .attribution import SPEECH_VERBS, is_media, speech_events
from .dates import find_dates

# words that open another clause: a date past one of them belongs to that clause
_CLAUSE_WORD = re.compile(r"\b(?:that|who|whom|which|whose|when|where|because|after|before|since|until|while|if|"
                          r"how|what|whether|though|although|once|unless)\b|[;:_()—–]", re.IGNORECASE)
_RELATIVE = re.compile(r",\s*(?:who|which|whose|where)\b[^,]*,")  # ", who has led one rebellion,"
_APPOSITION = re.compile(r",\s*(?:(?:then|now|later|formerly)\s+)?(?:an?|the|his|her|their|for)\s[^,]*,")  # ", a spokesperson for the council,", ", for the defence,"
_NAME_APPOSITION = re.compile(r",\s*[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3}\s*,")  # ", Yusuf Demir,"
_SPAN_WORD = re.compile(r"\b(?:since|until|till|from|before|by|for|after|ahead of)\s+(?:at least\s+|as early as\s+)?$", re.IGNORECASE)
_AT_OCCASION = re.compile(r"\b(?:at|during|in|after|following)\s+(?:last\s+|this\s+)?$")  # "said at Tuesday's meeting",
# "said after last weekend's win": the day of the occasion spoken at (or right after)
_BULLET = re.compile(r"\s*[-*•]\s")  # a standfirst's bullet points: a summary, not the lede
_MAX_AFTER = 8   # "told reporters at the White House on Monday": a few words between the verb and its date
_MAX_BEFORE = 9  # "On Monday, the city's mayor Ana Ruiz said"


def usable_dates(masked: str, published: dt.date | None):
    """Date mentions of a masked sentence that can date a saying: resolved, not after
    publication (words are said before they are printed), not a span or deadline
    ("since 1998", "by October"), not an event named by its day ("Thursday's vote")."""
    for mention in find_dates(masked, published):
        if mention.date is None or (published is not None and mention.date.first_day() > published):
            continue
        if (_SPAN_WORD.search(masked[: mention.start]) or re.match(r"(?:since|until|till|from|before|by|for)\b",
                                                                    mention.phrase, re.IGNORECASE)) \
                and not _spoken_at(masked, mention.start, mention.end):
            continue  # "since 1998", "by October"; but "said after last weekend's win" is the day spoken at
        if re.match(r"[’']s\b", masked[mention.end:]) and not _spoken_at(masked, mention.start, mention.end):
            continue  # "Thursday's vote": an event named by its day, not when anyone spoke
        if mention.phrase in ("Today", "Tonight") and masked[: mention.start].strip():
            continue  # "NBC News' Today show": a programme's name
        if re.search(r"\b(?:was|were|been|is)\s+(?:learned|learnt|reported|revealed|disclosed)\s*$", masked[: mention.start]):
            continue  # "it was learned Tuesday": when the news came out, not when anyone spoke
        yield mention


def _spoken_at(masked: str, start: int, end: int) -> bool:
    """"said at Tuesday's meeting", "during Monday's briefing": the day of the occasion spoken at."""
    return bool(_AT_OCCASION.search(masked[:start]) and _OCCASION_OWNED.match(masked, end))


def clause_date(masked: str, verb_start: int, verb_end: int, published: dt.date | None) -> PartialDate | None:
    """The date in the clause of the speech verb at [verb_start, verb_end), or None."""
    recall = _RECALL.search(masked[verb_start:verb_end])
    for mention in usable_dates(masked, published):
        if verb_start <= mention.start < verb_end:
            return mention.date  # inside the attribution: "according to a report published last month"
        between = masked[verb_end: mention.start]
        if mention.start >= verb_end and re.fullmatch(r"\s*(?:at|during|after|following)\s+(?:last\s+|this\s+)?", between) \
                and _spoken_at(masked, mention.start, mention.end):
            return mention.date  # "said after last weekend's win"
        if recall and re.match(r"\s*(?:the|a|an|his|her|their|its|that|those)\s", between):
            continue  # "recalled the first week in January": the date of what is remembered
        if mention.start >= verb_end and _attached_after(between, masked[mention.end:]):
            return mention.date
        if mention.end <= verb_start and _attached_before(masked, mention.start, mention.end, verb_start):
            return mention.date
    return None


_RECALL = re.compile(r"\b(?:recalled|recalls|remembered|remembers|recounted|recounts|relived|reminisced)\b")


def _attached_after(between: str, rest: str = "") -> bool:
    """"said on Monday", "told reporters at the White House on Monday", "said in a statement
    last night", "according to a report by the audit office published last month". Not a date
    of the reported clause: "said a man came in on Tuesday", "said the attack on Monday was …"."""
    if re.fullmatch(r"\s*(?:an?|the|its|their)\s[^,;:_()]*?\b(?:published|released|issued|posted|sent)\s*", between):
        return True
    if re.fullmatch(r"\s*(?:[\w_]+\s+){0,3}?(?:in|by)\s+(?:an?|the|its|their|his|her)\s[^;:_()]*?,?\s*\b(?:published|released|issued|"
                    r"posted|sent|lodged|filed|submitted|dated)\s+(?:late\s+|early\s+)?", between):
        return True  # "said in its formal objection, lodged in July,", "urged … in a statement issued late on Friday"
    if re.search(r"\bof\s*$", between):
        return False  # "recalled the drought of 2019": the date of what was spoken about
    quoted = re.search(r"_+", between)  # "called the threat “…” in a statement Wednesday": the quote is the object,
    if quoted and not re.fullmatch(r"\s*(?:(?:in|at|on|during|to|via)\s[^_]*)?", between[quoted.end():]):
        return False  # but not "what aides called a “…” of water talks on Monday": the talks' day
    between = re.sub(r"_+", "Q", between)
    if _CLAUSE_WORD.search(between) or "," in between or len(between.split()) > _MAX_AFTER:
        return False
    words = between.split()
    if any(_is_verb(word, words[index - 1] if index else "") for index, word in enumerate(words)):
        return False  # "said the plant closed on Monday": a clause of its own
    subject = between.strip() and not re.match(r"\s*(?:in|at|on|to|during|before|after|with|from|for|by|via|outside|inside)\b", between)
    # "said the attack on Monday was …": the date closes the subject of the reported clause
    return not (subject and re.match(r"\s+(?:was|were|is|are|had|has|have|will|would|could|did|killed|left|became|saw|marked)\b", rest))


_FINITE = {"was", "were", "is", "are", "am", "be", "been", "had", "has", "have", "will", "would", "could", "should",
           "can", "may", "might", "must", "did", "does", "do", "came", "went", "got", "made", "took", "left", "ran",
           "fell", "rose", "met", "saw", "won", "lost", "shut", "broke", "began", "hit", "struck", "died", "sent",
           "he", "she", "they", "we", "i", "you", "it"}
_ADJECTIVE_ED = {"televised", "prepared", "recorded", "pre-recorded", "written", "emailed", "videotaped", "taped",
                 "published", "released", "scheduled", "unscheduled", "signed", "leaked", "jointly", "heated",
                 "closed-door", "crowded", "packed", "united", "detailed", "lengthy", "extended", "animated"}


def _is_verb(word: str, before: str) -> bool:
    """A finite verb or a subject pronoun: the words after a speech verb begin a clause."""
    word, before = word.lower().strip(".!?"), before.lower()
    if word in _FINITE:
        return True
    return word.endswith("ed") and len(word) > 4 and word not in _ADJECTIVE_ED and before not in ("a", "an", "the", "his", "her", "their", "its")


def _attached_before(masked: str, start: int, end: int, verb_start: int) -> bool:
    """"On Monday, X said", "X on Monday said", "In late March, Dr Fauci estimated",
    "Last night, X, who chairs the committee, urged": nothing but the subject between."""
    between = masked[end:verb_start] + " "
    when = re.match(r"\s*,\s*when\s", between)
    if when:  # "in 2018, when Tavaria's then foreign minister, Yusuf Demir, called": the when-clause is at that date
        between = _NAME_APPOSITION.sub(" ", between[when.end():])
    # "In 2015, after the accord was adopted, he labeled it": a clause set off between the time and its subject
    between = re.sub(r"^\s*,\s*(?:after|before|following|once)\s[^,;:_]{1,80},(?=\s*\S)", " ", between)
    between = _APPOSITION.sub(" ", _RELATIVE.sub(" ", between))
    if _CLAUSE_WORD.search(between) or len(between.split()) > _MAX_BEFORE:
        return False
    if between.count(",") > 1:
        return False
    clause_start = max((m.end() for m in re.finditer(r"[,;:.!?]|\b(?:but|and|while)\b", masked[:start])), default=0)
    prefix = masked[clause_start:start]
    if _VISITED.fullmatch(prefix) and re.fullmatch(r"\s*,\s*", between):
        return True  # "Ferris, who visited the school on Monday, asked a class": the occasion he spoke at
    return len(prefix.split()) <= 10 and not _CLAUSE_WORD.search(prefix)


# a relative clause that names the occasion its subject speaks at
_VISITED = re.compile(r"\s*who\s+(?:visited|attended|toured|addressed|opened|hosted|chaired|joined)\s+(?:[\w’'-]+\s+){0,5}?")


# a person's speech act that dates the quotes after it: "Biden joined growing calls on Thursday"
SPEECH_ACT = re.compile(r"\b(?:said|says|told|spoke|speaking|announced|indicated|stressed|urged|called|joined\s+(?:\w+\s+)?calls|"
                        r"welcomed|praised|critici[sz]ed|condemned|hailed|defended|dismissed|rejected|accused|thanked|"
                        r"addressed|testified|appeared|wrote|tweeted|posted|insisted|argued|warned|estimated|predicted|"
                        r"declared|revealed|added|explained|noted|claimed|replied|responded|"
                        r"gave\s+(?:an?\s+|his\s+|her\s+)?(?:\w+\s+)?(?:interview|speech|address|statement|testimony|evidence)|"
                        r"held\s+an?\s+(?:news|press)\s+conference|sat\s+down\s+with|pressed|questioned|grilled|quizzed|"
                        r"challenged|promised|pledged|vowed|"  # and "made a strong claim on the radio that …"
                        r"made\s+(?:an?|the|his|her|its|their)\s+(?:\w+\s+)?(?:claim|remarks?|comments?|statement|announcement|appeal|plea))\b")


def _story_body(paragraphs: list[str]) -> list[str]:
    """The story's paragraphs, without headings or a standfirst's bullet points: where its lede is."""
    from .quotes import is_heading

    return [paragraph for paragraph in paragraphs if not is_heading(paragraph) and not _BULLET.match(paragraph)]


def reported_speech_day(paragraphs: list[str], published: dt.date | None) -> PartialDate | None:
    """The day of the occasion the article reports: the day its first sentence gives
    ("The council voted on Tuesday", "The mayor opened the bridge on Saturday") when it is an
    occasion people speak at (_spoken_at_lede; not "Lanterns lit up the harbour on Saturday").
    Words said there, undated in their own sentence, were said that day. A standfirst's bullet points
    are a summary, not the lede; an undated opening sentence ("At its annual keynote the company
    showed …") leaves the lede to the next paragraph's first sentence. A date the first sentence reports someone saying ("the
    owner said a man came in on Tuesday") is not it, and neither is a dated speech the lede
    quotes or reports ("in an interview on Wednesday, Putin said", "Gov. Alvarez promised
    Wednesday to veto"): that dates its speaker's quotes (Dating), not everyone's."""
    from .quotes import find_spans, mask, sentences

    body = _story_body(paragraphs)
    if len(body) > 1 and not re.search(r"[.!?…][”\"’')]*$", body[0].rstrip()):
        body = body[1:]  # a standfirst ("X's debut takes the top prize; Y wins the jury prize"): the lede follows
    for paragraph in body[:2]:
        masked = mask(paragraph, find_spans(paragraph))
        for start, end in sentences(masked)[:1]:
            sentence = masked[start:end]
            dateline = _DATELINE.match(sentence)
            first = next((m for m in usable_dates(sentence, published) if not dateline or m.start >= dateline.end()), None)
            if first is None:
                break  # an undated opening ("At its annual keynote the company showed …"): the next paragraph dates it
            events = speech_events(sentence)
            reported = any(e.end <= first.start and e.verb in _REPORTING_VERBS for e in events)
            # "Gov. Alvarez promised Wednesday to veto …": one person's dated speech, not an occasion for all
            acts = [(e.start, e.end) for e in events] + [act.span() for act in SPEECH_ACT.finditer(sentence)]
            reported = reported or any(clause_date(sentence, start, end, published) == first.date for start, end in acts)
            if not reported and first.date.precision == "day" and _spoken_at_lede(sentence, first, published):
                return first.date  # not "the owner said a man came in on Tuesday"; "what aides called" is no report
            return None
    return None


def _spoken_at_lede(sentence: str, first, published: dt.date | None) -> bool:
    """The lede reports an occasion people speak at, not only an event: "The council approved the
    plan on Tuesday after a debate", not "The ferry ran late on Friday" or "X died on Jan. 30". A
    speech act makes it one before the date, dated by it ("today urges") or going on from the lede's
    own clause (", saying …"), not as the source of the facts after them ("… arrested a man on
    Tuesday, authorities said.")."""
    if _SPOKEN_OCCASION.search(sentence):
        return True
    return any(act.start() < first.start or clause_date(sentence, act.start(), act.end(), published) == first.date
               or (act.group().endswith("ing") and sentence[: act.start()].rstrip().endswith(","))
               for act in _DATING_ACT.finditer(sentence))


_OCCASION_NOUN = (r"meeting|hearing|session|debate|conference|rally|briefing|interview|speech|ceremony|summit|forum|keynote|"
                  r"trial|inquiry|address|vigil|protest|town hall|call")
# the occasion a date owns: "Tuesday's meeting", "last weekend's win" (after the date)
_OCCASION_OWNED = re.compile(r"[’']s\s+(?:[\w-]+\s+){0,2}?(?:" + _OCCASION_NOUN
                             + r"|match|game|win|victory|defeat|draw|loss|race|final|vote)\b")
# a document dated once ("said in a statement on Monday") is the one "the statement said" quotes
_DATED_DOCUMENT = r"statement|letter|report|release|note|notice|readout|post|video|tweet|memo|filing|outlook|study"
_DATED_NOUNS = _OCCASION_NOUN + "|" + _DATED_DOCUMENT
# "Tuesday night's meeting" (after the date), "the hearing on Monday" (before it), "the meeting" (referred back to)
_NOUN_AFTER_DATE = re.compile(r"(?:\s+(?:night|morning|afternoon|evening))?[’']s\s+(?:[\w-]+\s+){0,2}?(" + _DATED_NOUNS + r")\b")
_NOUN_BEFORE_DATE = re.compile(r"\b(" + _DATED_NOUNS + r")\s+(?:(?:with|to|for|at|in|before|by|from|on)\s+(?:the\s+)?[\w’'-]+"
                               r"(?:\s+[\w’'-]+){0,3}?\s+)?(?:(?:issued|released|posted|published|sent)\s+)?(?:late\s+|early\s+)?"
                               r"(?:on|last|this|held(?:\s+on)?)?\s*$")
_NOUN_REFERRED = re.compile(r"\b(?:the|that|this)\s+(?:[\w-]+\s+){0,2}?(" + _DATED_NOUNS + r")\b")
# "told the meeting", "at the company’s annual keynote": an occasion people speak at, referred back to
_OCCASION_REFERRED = re.compile(r"\b(?:the|that|this)\s+(?:[\w’'-]+\s+){0,2}?(" + _OCCASION_NOUN + r")\b")


# "PORT KESTREL, Varnland, March 12 (Meridian Wire) - ": where and when the story was filed, not an occasion
_DATELINE = re.compile(r"(?=[A-Z]{2,}\b|[^()]*\()[A-Z][\w’'.-]*(?:[ ,]+[A-Z0-9][\w’'.-]*)*(?:\s*\([^()]{1,40}\))?\s*[-—–]{1,2}\s")
# what a lede reports that words are said at: a speech act ("today urges"), an occasion named ("after a
# debate", "at the festival"), or one done by its verb ("signed the bill", "beat the visitors 2-0")
_SPOKEN_OCCASION = re.compile(r"\b(?:(?:" + _OCCASION_NOUN + r"|vote|match|game|final|derby|festival|awards?|premiere|"
                              r"funeral|memorial|launch|court|jury)s?|signed|voted|approved|passed|adopted|beat|"
                              r"defeated|drew|debated|met|testified|sentenced|ruled|unveiled|launched|inaugurated|"
                              r"agreed|decided|announced|confirmed|(?:re)?opened|maiden|inaugural)\b|\bfirst\s+(?:[\w-]+\s+)?(?:passengers|visitors|customers|"
                              r"pupils|patients|crossing|voyage|flight|sailing|service)\b", re.IGNORECASE)  # an opening: officials speak at it


def occasion_dates(masked: str, published: dt.date | None) -> dict[str, PartialDate]:
    """Occasions the text dates: "at Tuesday night's meeting", "the hearing on Monday" -> {noun: date}."""
    found = {}
    for mention in find_dates(masked, published):
        if mention.date is None or (published is not None and mention.date.first_day() > published):
            continue
        if re.match(r"(?:since|until|till|by|before|from)\b", mention.phrase, re.IGNORECASE):
            continue  # "who has led the trial since May": how long, not the day of an occasion
        after = _NOUN_AFTER_DATE.match(masked[mention.end:])
        before = _NOUN_BEFORE_DATE.search(masked[: mention.start])
        if after or before:
            found[(after or before).group(1)] = mention.date
    return found


def occasion_date(masked: str, occasions: dict[str, PartialDate]) -> PartialDate | None:
    """The date of an occasion a sentence refers back to ("said someone at the meeting")."""
    for match in _NOUN_REFERRED.finditer(masked):
        if match.group(1) in occasions:
            return occasions[match.group(1)]
    return None


# the words of a speech act, for dating only: "branding the letter “…”", "came out fighting by insisting"
_DATING_ACT = re.compile(SPEECH_ACT.pattern[:-3] + r"|says|adds|insists|warns|urges|calls|tells|branded|branding|dubbed|"
                         r"dubbing|labell?ed|labell?ing|describ(?:ed|ing)|calling|insisting|saying|adding|telling|"
                         r"asked|asking|answered|replied|promised|pledged|vowed)\b")
# "the letter warns", "the report says": words that stand in a document
_DOCUMENT = (r"letter|report|statement|manifesto|study|survey|document|memo|memorandum|petition|filing|complaint|"
             r"lawsuit|ruling|judgment|post|tweet|bill|motion|proposal|guidance|outlook|review|paper|editorial|"
             r"op-ed|essay|column|book|blog|website|notice|leaflet|brochure|press release|release|announcement")
_IN_DOCUMENT = re.compile(r"\b(?:[Ii]n|[Oo]f)\s+(?:a|an|the|their|its|his|her)\s+(?:[\w-]+\s+){0,3}?(" + _DOCUMENT + r")\b")
_DOCUMENT_SPEAKER = re.compile(r"(?:the|this|that|its|their|his|her|a|an)\s+(?:[\w’'-]+\s+){0,3}?(?:" + _DOCUMENT + r")s?$",
                               re.IGNORECASE)
# "Video … shows the man entering … Tuesday", "In the footage, he says": a recording of a dated moment
_RECORDING = re.compile(r"\b(?:video|footage|recording|clip|audio|camera|livestream|bodycam|dashcam|CCTV|tape)\b", re.IGNORECASE)
_RECORDED_SPEECH = re.compile(r"\b(?:heard|seen|filmed|recorded|captured|caught|shown)\s+(?:on\s+(?:camera|video|tape|film)\s+)?$")
# "Community members who spoke at Tuesday night's meeting": people, not named, who spoke at an occasion
_GROUP_SPOKE = re.compile(r"\b(?:[A-Za-z][a-z]+s|people|public|crowd|audience)\s+(?:who\s+|that\s+)?(?:spoke|testified|commented|"
                          r"addressed|turned out|lined up|gathered|packed|called in(?:to)?)\b|\b(?:speakers|callers|"
                          r"commenters|witnesses|attendees|participants)\s+(?:at|during|in)\b|\bpublic comment\b")
# "announced in New York state on Friday", "released its Winter Outlook": news that was made public
_RELEASE = re.compile(r"\b(?:announced|released|published|issued|unveiled|posted|revealed|disclosed|"
                      r"put out|made public)\b")
# "has previously called on", "have long argued", "had said": a saying of no particular day
_PERFECT = re.compile(r"\b(?:has|have|had|’s|'s)\s+(?:(?:\w+ly|also|long|often|since|already|ever|never|once|"
                      r"previously|repeatedly|consistently|frequently|publicly)\s+)*$")
_PERFECT_ACT = re.compile(_PERFECT.pattern[:-1] + r"(?:" + SPEECH_VERBS + r")\b")
# a speech event with a name: "at a news conference", "speaking to reporters", "in an interview"
_SPEECH_OCCASION = re.compile(r"\b(?:" + _OCCASION_NOUN + r"|press conference|news conference|statement|podcast|"
                              r"appearance|testimony|remarks|sermon|lecture|keynote)s?\b|\b(?:speaking|addressing)\b|"
                              r"\btold\s+(?:reporters|journalists|the\s+(?:BBC|committee|court|house|senate|assembly|"
                              r"parliament|jury|conference|meeting|hearing|rally|crowd|audience))\b", re.IGNORECASE)
# an occasion a quote's own sentence names afresh: "speaking ahead of the vote", "in an interview"
_NEW_OCCASION = re.compile(r"\b(?:speaking|addressing)\b|\b(?:in|at|during|on)\s+an?\s+(?:[\w-]+\s+){0,2}?(?:"
                           + _OCCASION_NOUN + r"|press conference|news conference|statement|podcast|appearance)\b")
# where questions are asked and answered: "Thursday's news conference", "a conference call on Wednesday"
_GATHERING = r"conference|briefing|call|hearing|meeting|session|debate|trial|inquiry|town hall|forum"
_QUESTION_ANSWER = re.compile(r"\b(?:asked|replied|answered|interjected|responded|retorted|wanted to know|pressed)\b|\bAsked\b")
_TO_THE_OUTLET = re.compile(r"\s+(?:me|us|this (?:newspaper|paper|reporter|website)|the [A-Z][\w’']+)\b")
_ASKED = re.compile(r"\s*Asked\b")  # "Asked whether that had been premature, he replied:": a question put now
_FOR_COMMENT = re.compile(r"\b[Aa]sked\s+(?:for|to)\s+(?:comment|a comment|a response|respond|a reaction)\b")  # the outlet asked
_ANSWER = re.compile(r"\b(?:replied|answered|responded|retorted|shot back)\b")
# taking part in a hearing, a debate or a visit: "gave evidence on Thursday", "set out the plan to MPs on Tuesday"
_APPEARANCE = re.compile(r"\b(?:(?:gave|giving)\s+(?:\w+\s+)?(?:evidence|testimony)|testified|took the (?:stand|witness box)|"
                         r"set out|laid out|outlined|presented|spoke|appeared)\b")
# "said after the match", "told reporters after the ceremony", "said afterwards"
_AFTER_EVENT = re.compile(r"\b(?:after|following|at the end of)\s+the\s+(?:[\w-]+\s+){0,2}?(match|game|vote|ceremony|meeting|"
                          r"hearing|debate|race|verdict|session|concert|show|service|funeral|conference|briefing|call|"
                          r"final whistle|premiere|signing)\b|\b(?:afterwards|post-match|post-game)\b()")
_SAME_OCCASION = re.compile(r"\b(?:the|that)\s+same\s+(?:[\w-]+\s+){0,2}?(?:interview|conference|briefing|call|hearing|"
                            r"meeting|statement|session|debate|speech|appearance|podcast|programme|program|show)\b")
# "“…,” she said", "She added:": not a relative clause's "an organisation he described as “…”"
_PRONOUN_SAID = re.compile(r"(?:^|[,_;:]|[.!?]\s)\s*(?:[Hh]e|[Ss]he|[Tt]hey)\s+(?:\w+ly\s+)?(?:" + SPEECH_VERBS + r"|went on|continued)\b")
# an occasion named by its verb: "The planning committee voted … on Monday evening" is "the vote"
_OCCASION_VERBS = {"voted": "vote", "met": "meeting", "debated": "debate", "beat": "match", "played": "match",
                   "drew": "match", "signed": "signing", "premiered": "premiere"}
_OCCASION_VERB = re.compile(r"\b(" + "|".join(_OCCASION_VERBS) + r")\b")
# a speech act or a question asked and answered: "When I asked Commissioner Bello on Thursday …"
_ACT_OR_ANSWER = re.compile(SPEECH_ACT.pattern + "|" + _QUESTION_ANSWER.pattern)


def _verb_occasions(sentence: str, published: dt.date | None) -> dict[str, PartialDate]:
    found = {}
    for match in _OCCASION_VERB.finditer(sentence):
        date = clause_date(sentence, match.start(), match.end(), published)
        if date is not None:
            noun = _OCCASION_VERBS[match.group(1)]
            found[noun] = date
            if noun == "match":
                found["game"] = found["final whistle"] = date
    return found


# words that came by a channel of their own, not at the event the story reports
_OWN_CHANNEL = re.compile(r"\b(?:in|during|via|by)\s+(?:an?|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:interview|statement|e-?mail|"
                          r"letter|podcast|post|phone call|text message|video|op-ed|column)\b|\bspeaking to\b|"
                          r"\breached\s+(?:by\s+(?:phone|telephone|e-?mail)|at\s+(?:his|her|their)\s+home)\b")
_SAID, _INTERVENTION, _OCCASION = 0, 1, 2
_REPORTING_VERBS = {"said", "says", "say", "told", "tells", "added", "adds", "stated", "states", "noted", "notes",
                    "explained", "explains", "wrote", "writes", "reported", "reports", "indicated", "estimated",
                    "recalled", "acknowledged", "admitted", "observed", "confirmed", "claimed", "claims", "suggested"}


def _reach(sentence: str, verb: str) -> int:
    """How far a dated speech reaches (Dating._chain_reaches): a named occasion, an intervention, or a report."""
    if _SPEECH_OCCASION.search(sentence):
        return _OCCASION
    return _SAID if verb in _REPORTING_VERBS else _INTERVENTION


# who comments on an occasion from outside it: the roles the outlet asks for comment, the people it meets in the street
_OUTSIDE_VOICE = re.compile(r"\b(?i:analysts?|professor|economist|expert|researcher|scholar|lecturer|consultant|strategist|"
                            r"pollster|historian|residents?|neighbou?rs?|voters?|founder|campaigners?|activists?|advocates?|"
                            r"organi[sz]er|union)\b|\bwho\s+(?:studies|teaches|researches|tracks|follows|lives)\b|"
                            r"\b(?:University|Institute|think tank)\b")
# the verb an outside voice's introduction goes on to: what follows it is what they said, not who they are
_OUTSIDE_VERB = re.compile(r"\b(?:said|says|told|tells|added|adds|argued|argues|warned|warns|wrote|writes|noted|notes|"
                           r"explained|explains|believes|thinks|called|calls)\b")
# a reaction to the news the story reports, made when it broke: "welcomed the deal", "condemned the decision"
_REACTION = re.compile(r"\b(?:welcomed|praised|hailed|applauded|condemned|denounced|critici[sz]ed|slammed|blasted)\b")
# a sentence set at a time of its own, which it does not date: "When that model went on sale, its maker promised"
_WHEN_OPENING = re.compile(r"\s*When\s(?!(?:asked|pressed|questioned|challenged)\b)[^,;:_]{3,80},")  # "When asked …,": now
# "described at the time as", "she told me then": the time the sentence gives before the verb
_AT_THE_TIME = re.compile(r"(?:\s+[\w’'-]+){0,2}?\s+(?:at the time\b|then(?=\s*[.,;:_]|\s*$))")
_HEARSAY = re.compile(r"\b(?:is|are|was|were)\s+(?:said|understood|reported|believed|thought|rumou?red)\s+to\b|\breportedly\b")
_SIGNATURE = re.compile(r"\s*[—–-]\s*[^()]{1,80}\(@\w+\)\s*(.{4,40})$")  # an embedded post's signature line
_PAPER = re.compile(r"\b(?:study|trial|paper|report|review|survey|analysis)\b", re.IGNORECASE)
_AUTHORS = re.compile(r"(?:(?:the|its|their)\s+)?(?:researchers|scientists|authors|forecasters|compilers)", re.IGNORECASE)
# a reaction that points back at the news: "took solace from this fact", "welcomed the figures"
_POINTS_BACK = re.compile(r"\b(?:this|these|that|those)\s+(?:[a-z-]+\s+)?(?:fact|figures?|news|numbers?|announcement|"
                          r"decision|data|results?|move|ruling|verdict|report|statistics)\b|\bthe\s+(?:news|announcement|"
                          r"figures|decision|move|ruling|verdict|statistics)\b", re.IGNORECASE)


# where a story sets a scene: an occasion people speak at, or a writing dated once ("in an email on 10 May")
_SCENE_NOUN = (_OCCASION_NOUN + r"|press conference|news conference|arguments?|webinar|testimony|deposition|lecture|"
               r"keynote|podcast|statement|e-?mails?|letter|memo|bulletin|commentary|op-ed|essay|column")
# the date as the occasion's adjective: "During a January 2022 argument", "The December 12 email"
_SCENE_DATE_FIRST_BEFORE = re.compile(r"(?:\b(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)|[’']s)\s+(?:[\w-]+\s+)?$")
_SCENE_DATE_FIRST_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(" + _SCENE_NOUN + r")\b")
# the occasion, then its date: "in a webinar introducing his paper on Nov. 2", "a speech, hosted at …, on April 13"
_SCENE_NOUN_FIRST = re.compile(r"(?:\b(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)|[’']s)\s+(?:[\w-]+\s+){0,3}?("
                               + _SCENE_NOUN + r")\b(?P<between>(?:(?!\b(?:" + _SCENE_NOUN + r")\b)[^.!?;:_])*?)$")
_BACK_AT = re.compile(r"\b(?:in|at|during)\s+(?:the|that)\s+(?:same\s+)?(" + _SCENE_NOUN + r")\b")
# the narrative moves on in time: "Now she runs the club.", "Years later, …", "Since then, …"
_TIME_SHIFT = re.compile(r"^\W*Now\b|\b(?:these days|nowadays|since then|ever since|afterwards|"
                         r"(?:days|weeks|months|years|decades)\s+later)\b", re.IGNORECASE)
_SCENE_GAP = 4  # paragraphs without a quote of the scene after which the story has left it
# another occasion named: "The affirmative action arguments offered …", not "Hansen's arguments for …"
_OTHER_OCCASION = re.compile(r"\b(?:[Aa]n?|[Tt]he|[Aa]nother|[Tt]hat|[Tt]his)\s+(?:[\w-]+\s+){0,2}?(" + _SCENE_NOUN + r")\b")
_ANOTHER_OCCASION = re.compile(r"\b(?:[Aa]n?|[Aa]nother)\s+(?:[\w-]+\s+){0,2}?(?:" + _SCENE_NOUN + r")\b")
# a date that names an event, not a time the story moves to: "after the November 2016 election"
_NAMING_DATE_BEFORE = re.compile(r"\b(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+$")
_NAMING_DATE_AFTER = re.compile(r"\s+(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*")
_SENT_WRITING = re.compile(r"\b(?:sent|wrote|e-?mailed|mailed|posted|circulated|issued)\s+(?:[\w-]+\s+){0,4}?("
                           r"e-?mails?|letters?|memos?|bulletins?|messages?|texts?)\b")
_WROTE = re.compile(r"\b(?:wrote|e-?mailed|texted|messaged)\b")
# taking part, dated in its own clause: "Speaking at a law review in August, Ward said", "testifying on Monday"
_SCENE_TAKING_PART = re.compile(r"\b(?:[Ss]peaking|[Tt]estifying|[Aa]ddressing|[Aa]ppearing)\b")
# words the text places at another time or place than the scene it follows
_ELSEWHERE = re.compile(r"\blater\b(?!\s+(?:that|the\s+same|in\s+the|during\s+the|on\s+in\s+the)\b)|\bsince\b|\bpreviously\b|\b(?:has|have|had)\s+(?:\w+ly\s+|long\s+|often\s+)?"
                        r"(?:said|told|written|wrote|argued|called|described)\b|\b(?:told|telling)\s+(?:me|us|this\s)")
# "told CNN", "told The Grayzone", "told the Kell Gazette": words given to an outlet, not said at the scene
_TOLD = re.compile(r"\b(?:told|telling)\s+(?P<whom>(?:[Tt]he\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})")
# writings, whose author writes in the present ("Fask writes", "she calls the plan"); at a spoken occasion
# the present ("he says") is the outlet's own interview
_WRITING_NOUN = {"statement", "email", "emails", "e-mail", "e-mails", "letter", "letters", "memo", "memos", "bulletin",
                 "bulletins", "messages", "message", "texts", "text", "commentary", "op-ed", "essay", "column", "writing"}
_SPOKEN_VERBS = {"said", "says", "told", "tells"}  # "Roe said", after her dated email: spoken, so not in it
_PRESENT_SPEECH = re.compile(r"[a-z]+(?<!s)s")
# "Ward referred to the ruling, saying that “…”": the words of the sentence's subject, whoever the speakers found
_SAYING = re.compile(r"\b(?:saying|adding|noting|arguing|insisting|stating|declaring|explaining)\s+(?:that\s+)?_")
_SUBJECT_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey)\s+[a-z]")
_OF_THAT_MONTH = re.compile(r"\bthe\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)\s+of\s+(?:that|the\s+same)\s+month\b")
# a reply: who answers someone in the scene takes part in it
_REPLY_VERBS = {"replied", "responded", "answered", "interjected", "countered", "retorted", "rejoined", "shot back",
                "cut in", "interrupted", "asked", "pressed"}


@dataclass
class Scene:
    """A dated occasion the story stays at while its quotes follow: "During a January 2022 argument
    over the rule, Justice Vale pressed the lawyer." and the exchange quoted after it, a speech
    quoted in pieces, the emails of "On 10 May, Roe wrote to her team". Its words are said on its
    date (Dating._in_scene) while the text stays there: the participants (named in it, or
    answering each other), no new date, no other occasion, no heading between."""

    date: PartialDate
    paragraph: int  # where it opens
    sentence: int  # the sentence index that opens it (its own words are dated by their clause)
    noun: str | None  # "argument", "speech", "email": what a later "the speech" refers back to
    text: str  # the masked sentences read since it opened, before the one being read: who is named in it
    pending: str = ""  # the sentence being read, joining `text` when the next is read
    people: set = field(default_factory=set)  # ids of the participants who spoke in it
    last: int = 0  # the last paragraph a quote of it stands in
    interrupted: bool = False  # someone not part of it spoke since: only who already spoke in it returns to it

    def names(self, person, before: list[str]) -> bool:
        """`person` takes part: named in the scene, and, if not where it opens, already in the story
        before it (someone introduced inside the scene is more likely a commentator than a participant)."""
        if person is None or getattr(person, "kind", None) != "person" or getattr(person, "described", False):
            return False
        if id(person) in self.people:
            return True
        if self.interrupted:
            return False
        spellings = list(person.spellings)
        names = set(spellings) | {spelling.split()[-1] for spelling in spellings}
        if not any(_names_in(name, spellings, self.text) for name in names):
            return False
        opening = self.text.split("\n", 1)[0]
        return any(_names_in(name, spellings, opening) for name in names) \
            or any(_names_in(name, spellings, paragraph) for paragraph in before for name in names)


def scene_opening(sentence: str, published: dt.date | None) -> tuple[PartialDate, str | None] | None:
    """The dated occasion a masked sentence sets, with its noun: "During a January 2022 argument over
    the rule", "in a webinar on Nov. 2", "Pompeo's first speech, hosted at the institute on April 13,
    2017", "Speaking at a law review in August". Not a span ("since 2019"), not a future day."""
    for mention in find_dates(sentence, published):
        if mention.date is None or (published is not None and mention.date.first_day() > published) \
                or re.match(r"(?:since|until|till|by|before|after|from)\b", mention.phrase, re.IGNORECASE) \
                or _SPAN_WORD.search(sentence[: mention.start]):
            continue
        before = sentence[: mention.start]
        after = _SCENE_DATE_FIRST_AFTER.match(sentence, mention.end)
        if after and _SCENE_DATE_FIRST_BEFORE.search(before):
            return mention.date, after.group(1).lower()
        noun_first = _SCENE_NOUN_FIRST.search(before)
        if noun_first and _occasion_to_date(noun_first.group("between")):
            return mention.date, noun_first.group(1).lower()
    for sent in _SENT_WRITING.finditer(sentence):  # "On 10 May, she sent a series of emails to her team"
        date = clause_date(sentence, sent.start(), sent.end(), published)
        if date is not None:
            return date, sent.group(1).lower()
    for wrote in _WROTE.finditer(sentence):  # "On 10 December 2017 Morales wrote to his team"
        date = clause_date(sentence, wrote.start(), wrote.end(), published)
        if date is not None:
            return date, "writing"
    for taking_part in _SCENE_TAKING_PART.finditer(sentence):
        date = clause_date(sentence, taking_part.start(), taking_part.end(), published)
        if date is not None:
            return date, None
    return None


def _occasion_to_date(between: str) -> bool:
    """The words between an occasion and its date qualify the occasion ("introducing his paper on",
    ", hosted at the institute on"): few, no clause of their own."""
    words = between.split()
    if len(words) > 20 or _CLAUSE_WORD.search(between):
        return False
    return not any(word.lower().strip(",") in _FINITE for word in words)


@dataclass
class Dating:
    """When the words of an article were said, read in order alongside its attributions.

    Beyond a quote's own clause (clause_date), a date reaches a quote from the speech event
    it belongs to: the same speaker's dated speech earlier in the story ("At a news conference
    on Tuesday, the governor said …" and the quotes of the governor after it, until someone
    else speaks or the story moves to another day), the scene of a dated occasion the story
    sets ("During a January 2022 argument over …", "a speech, hosted at … on April 13", an
    email "on 10 December"; Scene) and the quotes of its participants that follow while the
    text stays there, an occasion at which unnamed people spoke
    ("Residents who spoke at Monday's hearing …" and the quotes of "one resident", "another"),
    a dated recording ("Video shows him entering on Tuesday" and what he "could be heard
    saying"), a dated release of the words ("Last October, NOAA released its outlook.
    Researchers predicted …"), and news made public on the day of publication, which anyone
    quoted reacting to it right after must have said that day."""

    published: dt.date | None
    event_date: PartialDate | None
    lede: str = ""  # the first paragraphs, masked: what the story reports
    paragraphs: list = field(default_factory=list)  # the article's paragraphs, as find_quotes numbers them (from 1)
    publication: tuple | None = None  # (paragraph, date): a paper or report the story dates the publication of
    introduced: tuple | None = None  # (paragraph, date): "Here is X, speaking to our reporter a few minutes ago:"
    recalled: object = None  # the last quote dated by a recalled remark ("had described his side on Thursday as")
    sentence_index: int = 0
    chain: tuple | None = None  # (person, date, paragraph, reach): the last dated speech and who made it
    group: tuple | None = None  # (paragraph, date): an occasion where unnamed people spoke
    recording: tuple | None = None  # (paragraph, date): a dated video or recording
    release: tuple | None = None  # (sentence index, paragraph, date, sentence): words made public on a day
    quoted_paragraphs: set = field(default_factory=set)
    occasions: dict = field(default_factory=dict)  # "conference" -> its date, from every sentence so far
    gathering: tuple | None = None  # (paragraph, date): the last dated occasion where questions are asked
    scene: Scene | None = None  # the dated occasion the story is at, while its quotes follow (Scene)
    masked: list | None = None  # the paragraphs, quotes masked (_narrative)
    settings: dict = field(default_factory=dict)  # "webinar" -> the date of the scene set there
    month: PartialDate | None = None  # the month the text last named, that "the 10th of that month" is in
    month_read: tuple = ("", "")  # (sentence, as _in_month rewrote it): the last one taken in
    last_speech: tuple | None = None  # (paragraph, date) of the last dated speech of anyone
    spoke_again: set = field(default_factory=set)  # ids of people speaking anew, undated, since their last quote
    current: tuple | None = None  # (paragraph, masked sentence) being read
    before: tuple | None = None  # the sentence before it
    undated: set = field(default_factory=set)  # ids of people whose last quote had no date: not at the lede's occasion
    appearances: list = field(default_factory=list)  # (paragraph, date, sentence): someone named speaking at a dated occasion
    asked_in: int = 0  # the last paragraph where a question was put ("Another reporter wanted to know whether …")
    referred: tuple | None = None  # (paragraph, date): a sentence that points back to a dated occasion ("the news conference")

    @classmethod
    def for_article(cls, paragraphs: list[str], published: dt.date | None, event_date: PartialDate | None) -> "Dating":
        from .quotes import find_spans, mask

        body = _story_body(paragraphs)
        lede = " ".join(mask(paragraph, find_spans(paragraph)) for paragraph in body[:2])
        return cls(published, event_date, lede, paragraphs=list(paragraphs))

    def read(self, number: int, sentence: str, resolved, quoted: bool) -> None:
        """Take in one masked sentence of paragraph `number`, before its quotes are dated;
        `resolved` is its attributions with the person each names (or None)."""
        sentence = self._in_month(sentence)
        self.before, self.current = self.current, (number, sentence)
        self.sentence_index += 1
        self._set_scene(number, sentence)
        if quoted:
            self.quoted_paragraphs.add(number)
        if self.group and number > self.group[0] and number - 1 not in self.quoted_paragraphs | {self.group[0]}:
            self.group = None  # the run of quotes after the occasion has ended
        dates = list(usable_dates(sentence, self.published))
        day_dates = [m.date for m in dates if m.date.precision == "day"]
        occasions = occasion_dates(sentence, self.published) | _verb_occasions(sentence, self.published)
        self.occasions.update(occasions)
        gatherings = [date for noun, date in occasions.items() if re.fullmatch(_GATHERING, noun)]
        if gatherings:
            self.gathering = (number, gatherings[0])
        if occasions and _GROUP_SPOKE.search(sentence):
            self.group = (number, next(iter(occasions.values())))
        elif self.group and any(date != self.group[1] for date in day_dates):
            self.group = None
        if day_dates and _RECORDING.search(sentence):  # "Video shows him entering at about 10:41 a.m. Tuesday."
            self.recording = (number, day_dates[0])
        release = _RELEASE.search(sentence)
        if release:
            date = clause_date(sentence, release.start(), release.end(), self.published)
            if date is None and dates and dates[0].start < release.start() and re.match(r"\s*(?:[A-Z][\w ]*)?,", sentence[dates[0].end:]):
                date = dates[0].date  # "Last October, this same NOAA released its U.S. Winter Outlook."
            if date is not None:
                self.release = (self.sentence_index, number, date, sentence)
                if _PAPER.search(sentence):
                    self.publication = (number, date)  # "according to a trial published on Monday in the Journal of …"
        if _QUESTION_ANSWER.search(sentence):
            self.asked_in = number
        referred = occasion_date(sentence, self.occasions)
        if referred is not None:
            self.referred = (number, referred)
        if quoted:
            return
        acts = [clause_date(sentence, act.start(), act.end(), self.published)
                for act in _ACT_OR_ANSWER.finditer(sentence)]
        # "Here is X, speaking to our reporter a few minutes ago:", "She wrote to me last week.": what the next
        # paragraph quotes, if it only quotes; a later sentence of the paragraph takes the place of it
        self.introduced = (number, next(date for date in acts if date)) if any(acts) else None
        # a question put on a day, a hearing or a visit taken part in, an occasion named: not a report of
        # what someone said ("On Wednesday night, Hasib said the sheriff's office took a report")
        named = occasion_dates(sentence, self.published)  # "at Tuesday's hearing", not "said they met in 1961"
        appearing = [clause_date(sentence, act.start(), act.end(), self.published)
                     for act in (*_QUESTION_ANSWER.finditer(sentence), *_APPEARANCE.finditer(sentence))]
        appeared = next((date for date in appearing if date), None) or next(iter(named.values()), None)
        if appeared is not None:  # "Moira Ince gave evidence on Thursday.", "When I asked Ana Bell on Monday whether …"
            self.appearances.append((number, appeared, sentence))
        for event, person in resolved:
            if _individual(person) and _OWN_CHANNEL.search(sentence) \
                    and clause_date(sentence, event.start, event.end, self.published) is None:
                self.undated.add(id(person))  # "Belkacem, reached by phone, said she had one condition."
        if any(acts):  # "When I asked Commissioner Bello on Thursday whether …": a dated speech, whoever spoke
            self.last_speech = (number, next(date for date in acts if date))
        dated = False
        for event, person in resolved:
            date = clause_date(sentence, event.start, event.end, self.published)
            if date is None and _SPEECH_OCCASION.search(sentence):
                date = occasion_date(sentence, self.occasions)  # "told the same news conference that …"
            if _individual(person) and date is not None:
                self.chain, dated = (person, date, number, _reach(sentence, event.verb)), True
                self._spoke(person, date, number, self.chain[3])
            elif person is not None and self.chain and person is not self.chain[0]:
                self.chain = None  # someone else speaks: the last speaker's occasion is over
            elif person is not None and self.chain and _TO_THE_OUTLET.match(sentence[event.end:]):
                self.chain = None  # "Ashdown told me that …": the outlet's own conversation, not the occasion dated before
            if person is not None and date is None and _TO_THE_OUTLET.match(sentence[event.end:]):
                self.spoke_again.add(id(person))  # not the words of the quote before hers, which were dated
        if not dated and self.chain and any(date != self.chain[1] for date in day_dates):
            self.chain = None  # the story has moved to another day

    def quote_date(self, quote, sentence: str, event, state) -> PartialDate | None:
        """The said_on of a quote in `sentence` (masked), attributed through `event` (or none)."""
        sentence = self._in_month(sentence)
        date = self._quote_date(quote, sentence, event, state)
        person = quote.person
        if date is not None and event is not None and re.search(r"\bhad\s+(?:\w+ly\s+)?$", sentence[: event.start]):
            self.recalled = quote  # "had described his side on Thursday as “…”": an earlier remark, recalled
            return date
        self.spoke_again.discard(id(person))
        if _individual(person):
            (self.undated.discard if date is not None else self.undated.add)(id(person))
        if _individual(person):  # unnamed speakers share one record: no chain of their own
            if date is not None:
                reach = _reach(sentence, "said")
                if self.chain is not None and self.chain[0] is person and self.chain[1] == date:
                    reach = max(reach, self.chain[3])
                self.chain = (person, date, quote.paragraph, reach)
                self._spoke(person, date, quote.paragraph, reach)
            elif self.chain and self.chain[0] is not person:
                self.chain = None
        elif date is not None:
            self.last_speech = (quote.paragraph, date)
        return date

    def _spoke(self, person, date: PartialDate, paragraph: int, reach: int) -> None:
        """Someone's dated speech: at a named occasion ("said at a news conference on Tuesday") they
        take part in the scene of that day, opening it if the story was at none."""
        self.last_speech = (paragraph, date)
        if self.scene is not None and self.scene.date != date:
            self.scene = None
        if reach == _OCCASION:
            if self.scene is None:
                sentence = self.current[1] if self.current else ""
                self.scene = Scene(date, paragraph, self.sentence_index, None, sentence, last=paragraph)
            self.scene.people.add(id(person))
            self.scene.last = max(self.scene.last, paragraph)

    def _quote_date(self, quote, sentence: str, event, state) -> PartialDate | None:
        if event is not None:
            date = clause_date(sentence, event.start, event.end, self.published)
            if date is not None:
                return date
        else:
            own = unclaimed_date(sentence, speech_events(sentence), self.published)
            if own is not None:
                return own
        if event is not None and _AT_THE_TIME.match(sentence[event.end:]):
            earlier = [m for m in usable_dates(sentence, self.published) if m.end <= event.start]
            if not earlier and self.before is not None and self.before[0] == quote.paragraph:
                earlier = list(usable_dates(self.before[1], self.published))  # "When we first spoke in February, … “…,” she told me then."
            if earlier:  # "published a pilot study in 2022, which she described at the time as", "she told me then"
                return earlier[-1].date
        if _PERFECT.search(sentence[: event.start]) if event is not None else _PERFECT_ACT.search(sentence):
            return None  # "has previously called on Mr Johnson to be …", "have long argued": no day
        if _WHEN_OPENING.match(sentence):
            return None  # "When she took over, she told staff in a memo that …": that time, not the day dated before
        if event is not None and self._recorded(sentence, event, quote.paragraph):
            return self.recording[1]
        released = self._released(quote, sentence, event)
        if released is not None:
            return released
        placed = self._placed(quote, sentence, event, state)
        if placed is not None:
            return placed
        introduced = self._introduced(quote, sentence, event)
        if introduced is not None:
            return introduced
        if self._left_scene(sentence, event):
            return None  # "Brandt later told the Gazette": no date of the scene it follows reaches it
        scene = self._in_scene(quote, sentence, event, state)
        if scene is not None:
            return scene
        if quote.speaker is None:
            previous = state.last_quote
            if event is None and previous is not None and previous.paragraph == quote.paragraph and previous.said_on is not None \
                    and not sentence[: sentence.find("_")].strip():
                return previous.said_on  # "“…,” she said. “…”": her words run on, said when the ones before were
            # (not words in a sentence of the narrative: "After proposing “…”, she told …")
            return self.event_date if self._from_reported_document(sentence) else None
        previous = state.last_quote
        # "Asked whether that had been premature, he replied:" after a remark he "had" made on another day: asked now
        answered_now = previous is not None and previous is self.recalled and _ASKED.match(sentence)
        if quote.how.startswith("continued") and previous is not None and previous.person is quote.person \
                and id(quote.person) not in self.spoke_again and not answered_now:
            if previous.said_on is not None and _another_day(sentence, previous.said_on, self.published):
                return None  # "In 2015, he called the deal “…”": not when the words before were said
            return previous.said_on
        occasion = occasion_date(sentence, state.occasions) or self._lede_occasion(sentence)
        if occasion is not None:
            return occasion  # "said someone at the meeting", the meeting dated earlier
        if self.chain and quote.person is not None and self.chain[0] is quote.person and self._chain_reaches(quote):
            if _another_day(sentence, self.chain[1], self.published):
                return None
            if not (self.chain[3] == _OCCASION and event is not None and _NEW_OCCASION.search(sentence)):
                return self.chain[1]  # "At a news conference on Tuesday, Crane said …" and Crane's quotes after it
            return None  # "Pike, speaking ahead of Thursday's vote, said": another occasion than the one dated
        appeared = self._appeared(quote, sentence, event)
        if appeared is not None:
            return appeared
        if quote.person is not None and id(quote.person) in state.subject_dates and not answered_now:
            paragraph, date = state.subject_dates[id(quote.person)]
            if paragraph in (quote.paragraph, quote.paragraph - 1):
                return date  # "Tark spoke on Wednesday. “…,” he said."
        if self.group and getattr(quote.person, "described", False) and quote.paragraph > self.group[0]:
            return self.group[1]  # "said another person", after "those who spoke at Tuesday's meeting"
        if self.publication and _AUTHORS.fullmatch(quote.speaker.strip()) and quote.paragraph - self.publication[0] <= 6:
            return self.publication[1]  # "The authors wrote that “…”": in the paper, published that day
        if quote.how == "report":
            return _day(self.published)
        if _relayed(quote, sentence, event) or (quote.person is not None and quote.person.kind == "organization"):
            return None
        if _DOCUMENT_SPEAKER.fullmatch(quote.speaker.strip()):
            noun = quote.speaker.split()[-1].lower()
            return self.event_date if self._in_lede(noun) else None
        if _OWN_CHANNEL.search(sentence):
            return None  # "said in an interview with Radio Kelby": not at the event the lede reports
        if quote.person is not None and id(quote.person) in self.undated:
            return None  # "Mr Brandt, a farmer, insisted" undated, then "Brandt argued": a comment, not the occasion's
        if self.event_date is not None and self._outside_voice(quote.person, quote.paragraph):
            return None  # "said Ana Ruiz, who studies trade at Kell University": asked for comment, on no stated day
        return self.event_date

    def _lede_occasion(self, sentence: str) -> PartialDate | None:
        """The lede's date, for a sentence that refers back to the occasion the lede names: "told the
        meeting" after "approved the plan on Monday night, after a four-hour meeting"."""
        if self.event_date is None:
            return None
        referred = _OCCASION_REFERRED.search(sentence)
        # the lede names it as a noun ("after a four-hour meeting", "at its annual keynote"); "calls for a
        # second crossing grew", "met to address the flooding" name no call and no address
        return self.event_date if referred and re.search(
            r"\b(?:an?|the|its|their|his|her|this|that|[\w’'-]+[’']s)\s+(?:[\w’'-]+\s+){0,2}?" + re.escape(referred.group(1))
            + r"s?\b", self.lede, re.IGNORECASE) else None

    def _outside_voice(self, person, paragraph: int) -> bool:
        """`person` is introduced as a voice from outside the occasion the lede dates: an analyst, an
        academic, a resident, a campaigner ("Liam Obi, who teaches politics at Kell University, said
        …", "Tarn resident Ada Moss said …"). The outlet asked them for comment on no stated day,
        unless where they are introduced puts them at an occasion ("a resident, told the meeting")."""
        if person is None or getattr(person, "kind", None) != "person" or getattr(person, "described", False):
            return False  # "Another resident" after "Residents who spoke at the meeting": the group's (Dating.group)
        from .quotes import sentences

        names = _names_of(person)
        for text in self._narrative()[:paragraph]:
            for start, end in sentences(text):
                introduction = text[start:end]
                found = [m for name in names for m in re.finditer(r"\b" + re.escape(name) + r"\b", introduction)]
                if not found:
                    continue
                first = min(found, key=lambda m: m.start())
                # the words that describe them: a role before the name ("Harbour Road resident Edda Sorn", "One
                # campaigner, Priya Roe,"), and what is set after it up to their verb (", who teaches politics at Kell University,
                # said"); not what they said ("Mayor Ada Moss said the bridge would serve residents")
                before = re.split(r"[;:”\"]", introduction[max(0, first.start() - 60): first.start()])[-1]
                after = _OUTSIDE_VERB.split(introduction[first.end(): first.end() + 100], maxsplit=1)[0]
                near = before + introduction[first.start(): first.end()] + after
                return bool(_OUTSIDE_VOICE.search(near)) and not _SPEECH_OCCASION.search(introduction) \
                    and not _REACTION.search(introduction)  # "Union leader Ada Vos welcomed the deal": the deal's day
        return False

    def _in_month(self, sentence: str) -> str:
        """`sentence` with "the 27th of the same month", "the 10th of that month" written as the day of
        the month the text last named ("in June 2017"), in the same room, so every position stays; and
        that month noted for the next sentence."""
        def day_of(match: re.Match) -> str:
            month = self.month
            if month is None or month.month is None:
                return match.group(0)
            try:
                day = dt.date(month.year, month.month, int(match["day"]))
            except ValueError:
                return match.group(0)
            if self.published is not None and day > self.published:
                return match.group(0)
            written = f"{MONTH_NAMES[day.month - 1]} {day.day}, {day.year}"
            return written.ljust(len(match.group(0))) if len(written) <= len(match.group(0)) else match.group(0)

        if self.month_read[0] == sentence:  # quote_date after read(): the same sentence, already taken in
            return self.month_read[1]
        rewritten = _OF_THAT_MONTH.sub(day_of, sentence)
        months = [m.date for m in find_dates(rewritten, self.published) if m.date is not None and m.date.month is not None]
        if months:
            self.month = months[-1]
        self.month_read = (sentence, rewritten)
        return rewritten

    def _narrative(self) -> list[str]:
        """The article's paragraphs with their quotes masked (computed once)."""
        if self.masked is None:
            from .quotes import find_spans, mask

            self.masked = [mask(paragraph, find_spans(paragraph)) for paragraph in self.paragraphs]
        return self.masked

    def _set_scene(self, number: int, sentence: str) -> None:
        """A sentence that sets a dated occasion opens its scene; one that moves the story elsewhere
        (another date, another occasion, a heading passed) closes the scene it was at."""
        from .quotes import is_heading

        previous = self.before[0] if self.before is not None else number
        if _TIME_SHIFT.search(sentence) or any(is_heading(paragraph) for paragraph in self.paragraphs[previous: number - 1]):
            # "Now she runs the cafe.", a new section: the occasions dated before are behind the story
            self.chain, self.scene, self.appearances = None, None, []
        if _ANOTHER_OCCASION.search(sentence) and not any(m.date for m in find_dates(sentence, self.published)):
            self.appearances = []  # "… can be found in an undated letter Lahav wrote": not the hearing he was named at
        scene = self.scene
        if scene is not None and number - max(scene.last, scene.paragraph) > _SCENE_GAP:
            scene = None
        opening = scene_opening(sentence, self.published)
        if opening is not None and not (scene is not None and opening[0] == scene.date
                                        and opening[1] in (None, scene.noun)):
            date, noun = opening
            text = sentence
            if _SUBJECT_PRONOUN.search(sentence) and self.before is not None and self.before[0] == number:
                text = self.before[1] + " " + sentence  # "In May, Roe flew to Kell. On the 10th, she sent …": Roe
            scene = Scene(date, number, self.sentence_index, noun, text, last=number)
            if noun is not None:
                self.settings[noun] = date  # "said in the webinar", a few paragraphs on
        elif scene is not None:
            dates = {m.date for m in find_dates(sentence, self.published) if m.date is not None
                     and not (_NAMING_DATE_BEFORE.search(sentence[: m.start]) and _NAMING_DATE_AFTER.match(sentence, m.end))}
            nouns = {match.group(1).lower() for match in _OTHER_OCCASION.finditer(sentence)}
            if dates - {scene.date} or nouns - {scene.noun} or _TIME_SHIFT.search(sentence):
                scene = None  # "In 2015, he called the deal …", "The affirmative action arguments offered …", "Now …"
            else:
                scene.text += "\n" + scene.pending
                scene.pending = sentence  # a speaker named only in their own attribution is not named in the scene
        self.scene = scene

    def _left_scene(self, sentence: str, event) -> bool:
        """The quote's own sentence places it away from the scene the story was at: "later told",
        "told CNN", "said in an interview", "has long argued", or "he says" after a spoken occasion
        (the outlet's own interview). That ends the scene."""
        scene = self.scene
        if scene is None or event is None or self.sentence_index == scene.sentence:
            return False
        told = _TOLD.search(sentence)
        present = scene.noun not in _WRITING_NOUN and _PRESENT_SPEECH.fullmatch(event.verb)
        if _ELSEWHERE.search(sentence) or _NEW_OCCASION.search(sentence) or _OWN_CHANNEL.search(sentence) \
                or _PERFECT.search(sentence[: event.start]) or present \
                or told and (told["whom"].startswith("The ") or is_media(told["whom"])):
            self.scene = None
            return True
        return False

    def _in_scene(self, quote, sentence: str, event, state) -> PartialDate | None:
        """The scene's date, for a quote that continues it: a participant's words (named in the
        scene, or answering the one who just spoke in it), or words no one is named for right after
        one of its quotes ("he quipped", an answer with no attribution). A speaker not part of it
        ends it (or, once its participants have spoken, interrupts it: only they return to it)."""
        back = _BACK_AT.search(sentence) if event is not None else None
        if back and back.group(1).lower() in self.settings:
            return self.settings[back.group(1).lower()]  # "Hansen said in the webinar": back at the scene named before
        scene = self.scene
        if scene is None or self.sentence_index == scene.sentence and event is None:
            return None
        person = quote.person
        if event is not None and event.verb in _SPOKEN_VERBS and scene.noun in _WRITING_NOUN - {"statement"} \
                and event.speaker is not None and event.speaker.kind != "pronoun":
            return None
        before = self._narrative()[: scene.paragraph - 1]
        previous = state.last_quote
        follows = quote.paragraph - max(scene.last, scene.paragraph) <= 1
        if person is None or getattr(person, "described", False) and quote.speaker is None:
            # "“From now on,” he quipped", or a paragraph that is only an answer: not words inside a narrative
            # sentence that no verb gives anyone ("After proposing “…”, Roe told …")
            unnamed = event is not None and (event.speaker is None or event.speaker.kind == "pronoun") \
                or event is None and (not sentence[: sentence.find("_")].strip(" >-*•") or _SAYING.search(sentence))
            if unnamed and follows and quote.speaker is None and not scene.interrupted:
                scene.last = quote.paragraph
                return scene.date
            return None
        replying = event is not None and event.verb in _REPLY_VERBS and follows and previous is not None \
            and scene.names(previous.person, before)
        if scene.names(person, before) or (replying and _individual(person)):
            scene.people.add(id(person))
            scene.last = quote.paragraph
            return scene.date
        if _individual(person):  # someone not part of it speaks: "Opposition leader Karel Voss was unconvinced."
            if scene.people:
                scene.interrupted = True  # the governor's next words can still be the news conference's
            else:
                self.scene = None
        return None

    def _placed(self, quote, sentence: str, event, state) -> PartialDate | None:
        """The occasion a quote's own sentence places it at: "said after the match", "in the same
        interview", a question and answer at the dated news conference, or "she said" right
        after a dated speech when the pronoun could not be resolved."""
        after = _AFTER_EVENT.search(sentence)
        if after:
            noun = after.group(1)
            return self.occasions.get(noun, self.event_date) if noun else self.event_date
        if _SAME_OCCASION.search(sentence) and self.last_speech and quote.paragraph - self.last_speech[0] <= 4:
            return self.last_speech[1]
        asked = (_QUESTION_ANSWER.search(sentence) or self.asked_in == quote.paragraph) and not _FOR_COMMENT.search(sentence)
        if asked and self.referred and self.referred[0] == quote.paragraph and not _NEW_OCCASION.search(sentence):
            return self.referred[1]  # "Asked at the end of the news conference when …, Eriksen smiled. “…,” he said."
        if asked and self.gathering and quote.paragraph - self.gathering[0] <= 8 and not _NEW_OCCASION.search(sentence):
            return self.gathering[1]
        previous = state.last_quote
        if _ANSWER.search(sentence) and previous is not None and previous.said_on is not None \
                and previous.text.rstrip().endswith("?") and quote.paragraph - previous.paragraph <= 1:
            return previous.said_on  # “Who has read a book this term?” … “Most of us,” replied a girl: the same visit
        if quote.speaker is None and _PRONOUN_SAID.search(sentence) and self.last_speech \
                and quote.paragraph - self.last_speech[0] <= 1:
            return self.last_speech[1]
        return None

    def _introduced(self, quote, sentence: str, event) -> PartialDate | None:
        """A paragraph that only quotes, after a paragraph ending in a dated speech ("Here is Dalia Mansour,
        speaking to our reporter a few minutes ago:", "She wrote to me last week."), or before a post's signature line
        ("— Weather Bureau (@Bureau) November 25, 2025")."""
        if event is not None or not sentence.lstrip().startswith("_"):
            return None
        from .quotes import find_spans

        spans = find_spans(self.paragraphs[quote.paragraph - 1]) if quote.paragraph <= len(self.paragraphs) else []
        if not spans or spans[0].text != quote.text:
            return None  # not the paragraph's opening words: "“…,” he added. “…”" is dated by its attribution
        if self.introduced and quote.paragraph == self.introduced[0] + 1:
            return self.introduced[1]
        following = self.paragraphs[quote.paragraph] if quote.paragraph < len(self.paragraphs) else ""
        signature = _SIGNATURE.match(following)
        if signature:
            dates = [m.date for m in find_dates(signature.group(1), self.published) if m.date is not None]
            return dates[0] if dates else None
        return None

    def _appeared(self, quote, sentence: str, event) -> PartialDate | None:
        """A person the story placed at a dated occasion a few paragraphs before ("Moira Ince gave
        evidence on Thursday", "Zhou was less diplomatic at Tuesday's hearing") said their next
        undated words there, unless the quote's own sentence names another occasion."""
        person = quote.person.final() if quote.person is not None else None
        if person is None or person.kind != "person" or (event is not None and _NEW_OCCASION.search(sentence)):
            return None
        names = _names_of(person)
        for paragraph, date, text in reversed(self.appearances):
            if quote.paragraph - paragraph > 3:
                break
            if any(_names_in(name, person.spellings, text) for name in names):
                return date
        return None

    def _chain_reaches(self, quote) -> bool:
        """A named occasion ("at a news conference on Tuesday") dates its speaker's quotes for a
        few paragraphs; an intervention ("Last night, Neil Parish urged the Government to
        compromise.") the quotes of the paragraph after it, which give its words; a dated
        report of what someone said ("On Wednesday night, Hasib said the sheriff's office took
        a report") only its own paragraph and a "he said" right after it."""
        person, date, paragraph, reach = self.chain
        if reach == _OCCASION:
            return quote.paragraph - paragraph <= 6
        if reach == _INTERVENTION:
            return quote.paragraph - paragraph <= 1
        return quote.paragraph == paragraph or (quote.paragraph == paragraph + 1 and quote.how.startswith("continued"))

    def _from_reported_document(self, sentence: str) -> bool:
        """"In a heartfelt open letter, stars … call on the Prime Minister not to “…”": words of
        the document the lede reports, said when it reports them."""
        named = _IN_DOCUMENT.search(sentence)
        return bool(named) and self._in_lede(named.group(1).lower())

    def _in_lede(self, noun: str) -> bool:
        """The lede names `noun` (or its plural): the document a quote comes from is what the story reports."""
        return bool(re.search(r"\b" + re.escape(noun) + r"s?\b", self.lede, re.IGNORECASE))

    def _recorded(self, sentence: str, event, paragraph: int) -> bool:
        """"the man could be heard saying", "In the video, he says": words of a dated recording."""
        if self.recording is None or paragraph - self.recording[0] > 2:
            return False
        before = re.sub(r"\s+(?:could|can|would|was|were|is|are)\s+(?:be\s+)?(?=\w+\s*$)", " ", sentence[: event.start])
        return bool(_RECORDED_SPEECH.search(before)) or bool(re.search(r"\b[Ii]n the (?:video|footage|clip|recording)\b", before))

    def _released(self, quote, sentence: str, event) -> PartialDate | None:
        """The date of words made public just before this quote, in the next sentence: words of
        what was released ("The outlook warned", "it said", "Researchers predicted", the body
        that released it), or anyone's reaction that points back to news made public on the
        day of publication ("said she took “solace” from the figures": it cannot be earlier)."""
        if self.release is None or _HEARSAY.search(sentence):
            return None  # "is said to have been “devastated”": hearsay, not words of what was released
        index, paragraph, date, released = self.release
        if self.sentence_index - index != 1 or quote.paragraph - paragraph > 1:
            return None
        speakers = [event.speaker] if event is not None else [e.speaker for e in speech_events(sentence)]
        if all(speaker is None or _of_the_release(speaker, released) for speaker in speakers):
            return date
        same_day = self.published is not None and date == _day(self.published)
        return date if same_day and _POINTS_BACK.search(sentence) else None


def _of_the_release(speaker, released: str) -> bool:
    """The words are the release's own: the document, its authors, "it", or the body named releasing it."""
    text = speaker.text.strip()
    if text.lower() in ("it", "they") or _DOCUMENT_SPEAKER.fullmatch(text) or _AUTHORS.fullmatch(text):
        return True
    return speaker.kind == "organization" and text.lower() in released.lower()


def _names_of(person) -> set[str]:
    """Every spelling of a person and each one's last word, the family name a story goes on with ("Ferris set out …")."""
    return set(person.spellings) | {spelling.split()[-1] for spelling in person.spellings}


def _names_in(name: str, spellings: list[str], text: str) -> bool:
    """`name` stands in `text` as this person's: a full name, or a family name alone or after a
    title, not as part of someone else's ("Qureshi" in "Bilal Qureshi" is not Moira Qureshi's)."""
    for match in re.finditer(r"\b" + re.escape(name) + r"\b", text):
        before = re.search(r"([A-Z][\w’'-]*)\s+$", text[: match.start()])
        if len(name.split()) > 1 or before is None or before.group(1) in _TITLES \
                or any(f"{before.group(1)} {name}" in spelling for spelling in spellings):
            return True
    return False


_TITLES = {"Mr", "Mrs", "Ms", "Miss", "Dr", "Prof", "Professor", "Sir", "Dame", "Judge", "Justice", "Secretary", "Minister",
           "Commissioner", "Inspector", "Chief", "Senator", "Sen", "Rep", "Gov", "Governor", "Mayor", "Councillor", "President"}


def _individual(person) -> bool:
    """A named person or organisation: unnamed speakers ("a pal", "a source") share one record and no occasion."""
    return person is not None and getattr(person, "kind", None) in ("person", "organization") \
        and not getattr(person, "described", False)


def unclaimed_date(sentence: str, events, published: dt.date | None) -> PartialDate | None:
    """The date of a quote no attribution claims, in a sentence whose speech is dated: "Officials
    said on Monday that “…”", "But last night, the Government came out fighting by branding the
    letter “…”" (a time that opens the sentence, before its speech act). `events`: the
    sentence's speech_events. None when two dates compete."""
    dates = {clause_date(sentence, e.start, e.end, published) for e in events} - {None}
    if not dates:  # an attribution whose speaker could not be read: "Veland's interior ministry said on Thursday"
        dates = {clause_date(sentence, act.start(), act.end(), published) for act in SPEECH_ACT.finditer(sentence)} - {None}
    if not dates:
        dates = {m.date for act in _DATING_ACT.finditer(sentence) for m in usable_dates(sentence, published)
                 if m.end <= act.start() and _attached_before(sentence, m.start, m.end, act.start())}
    return dates.pop() if len(dates) == 1 else None


def _relayed(quote, sentence: str, event) -> bool:
    """Words that came through someone else (a medium, "according to the agency") or from someone the
    story sets off by a role ("Mr Brandt, a farmer, insisted"): not the occasion's. A titled name with a
    relative clause ("Judge Ana Vell, who has led the trial since May, told …") is who is there, no relay."""
    if "relayed" not in quote.how:
        return False
    if quote.via is not None or event is None or event.speaker is None or not event.speaker.title:
        return True
    return not re.search(re.escape(event.speaker.text) + r",\s+who\s", sentence)


def _another_day(sentence: str, date: PartialDate | None, published: dt.date | None) -> bool:
    """The sentence dates something on a day other than `date`: "In 2015, he called the deal “…”" is
    no continuation of words dated before. A date naming an event ("the 2016 election") is none."""
    return any(m.date != date for m in usable_dates(sentence, published)
               if not (_NAMING_DATE_BEFORE.search(sentence[: m.start]) and _NAMING_DATE_AFTER.match(sentence, m.end)))


def _day(day: dt.date | None) -> PartialDate | None:
    return PartialDate(day.year, day.month, day.day) if day else None
