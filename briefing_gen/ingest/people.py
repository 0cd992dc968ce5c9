"""Find people in an article and merge their spellings into one record each.

A run of capitalised words is a personal name when two to four of them
remain after titles are set aside and none of them is a place, an
organisation word or a nationality. A title with a family name ("Chairman
Kim") becomes an alias only when that family name is unique in the article;
a bare family name ("Kim") is resolved to the person of that family name
mentioned so far, and never merged on.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from .names import (LETTER, LOWER, NAME_WORD, PARTICLES, UPPER, family_name, name_keys, name_tokens, preferred_spelling,
                    same_but_middle, ends_the_name)
from .quotes import find_spans, in_title_case

TITLES = {
    "president", "chairman", "chairwoman", "leader", "minister", "premier", "chancellor", "secretary",
    "spokesman", "spokeswoman", "spokesperson", "general", "gen", "mr", "mrs", "ms", "dr", "prof",
    "professor", "senator", "sen", "rep", "governor", "mayor", "king", "queen", "prince", "princess",
    "ambassador", "director", "chief", "commander", "colonel", "captain", "admiral", "marshal", "pope",
    "envoy", "judge", "justice", "sheikh", "sir", "lord", "dame", "reporter", "correspondent", "analyst",
    "researcher", "lawmaker", "deputy", "vice", "prime", "foreign", "defence", "defense", "supreme",
    "former", "acting", "mp", "ceo", "head", "officer", "official", "spokesperson", "coach", "host",
    "anchor", "editor", "professor", "scholar", "economist", "expert", "senior", "lieutenant", "sergeant",
    "councillor", "councilor", "councilwoman", "councilman", "alderman", "librarian", "curator", "teacher",
    "pastor", "bishop", "rabbi", "imam", "reverend", "detective", "inspector", "constable", "sheriff",
    "trustee", "chairperson", "founder", "superintendent", "principal", "headteacher", "headmaster",
    "headmistress", "coordinator", "organiser", "organizer", "historian", "architect", "engineer", "nurse",
    "attorney", "executive", "referee", "umpire", "manager", "striker", "midfielder", "defender", "goalkeeper",
    "presenter", "barrister", "solicitor", "prosecutor", "lawyer", "accountant", "chef", "pilot", "witness",
    "commissioner", "treasurer", "counsel", "councilmember", "assemblymember", "representative",
    "producer", "dean", "provost", "rector", "vicar", "canon",
    # roles written as a title before a name: "County Clerk Ngoc Pham", "Council Member Ana Ruiz", "House Speaker Jo Bell"
    "clerk", "member", "speaker", "chair", "congressman", "congresswoman", "assemblyman", "assemblywoman", "fellow",
    # short forms: "Cllr Owen Pritchard", "Sgt Ada Moss" (see _TITLE_FORMS)
    "cllr", "capt", "col", "lt", "sgt", "insp", "supt", "det", "adm", "cmdr", "rev", "amb",
}
FAMILY_TITLES = {"president", "chairman", "chairwoman", "leader", "minister", "premier", "chancellor",
                 "secretary", "general", "gen", "mr", "mrs", "ms", "dr", "prof", "professor", "senator",
                 "governor", "mayor", "king", "queen", "ambassador", "director", "commander", "colonel",
                 "captain", "admiral", "marshal", "judge", "justice", "sheikh", "sir", "lord", "dame", "prince",
                 "princess", "duke", "duchess", "gov", "rep", "sen",
                 "cllr", "councillor", "councilor", "congressman", "congresswoman"}  # "Cllr Pritchard", "Congressman Clyburn"
CLOSED_CLASS = set("""and but or so if as when while then after before though although because unless whether since until
what who why how where here there also even once only just meanwhile yet still now
by inside outside about above across against along among amid around behind below beneath beside between beyond
despite during except into near onto over past through throughout toward towards under unlike upon via within without
because unless whether since until though instead indeed perhaps later earlier today yesterday tonight tomorrow
where whose whom which from into like than both either neither each every all any some no not nor yes
of is are was were for with to
besides alongside amongst amidst whilst including excluding regarding concerning barring except plus
me him them you myself himself herself themselves
""".split())

# words of a longer name, never a person's, that stand before the rest of it: the capitals after one of them
# continue that name ("the Center for International Forestry Research", "the National Public Health Emergency Team",
# "West Cork Connect", "the Dursey Island Cable Car", "Southern California Edison"), they do not begin a person's
_NAME_CONTINUES = set("""
north south east west northern southern eastern western northeast northwest southeast southwest central middle
international national federal state states united global world european peoples democratic
sea ocean river mountain mountains island islands airport station street square palace house hall tower bridge
peninsula region province city county district valley road port harbour harbor
council institute university college school academy agency ministry department news tv times post journal press media
party army navy air force forces fleet federation republic union bank fund group company corporation inc ltd co
committee commission assembly parliament congress senate court office service services center centre foundation
association organization organisation network program programme project affairs security intelligence military space
studies relations
lab labs laboratory laboratories observatory airlines airways railways ferries holdings
farmers growers workers residents fishermen traders miners drivers nurses teachers doctors students builders
producers voters citizens owners veterans parents neighbours neighbors families volunteers unions
embassy consulate secretariat presidency cabinet charity regulator watchdog
monitor daily weekly library museum club society friends church hospital theatre gallery trust alliance league coalition
movement initiative campaign authority herald tribune gazette guardian telegraph broadcasting radio television channel
summit forum games olympics
""".split())

# words that end a run of capitalised words as a name: the words of a longer name above, and these
NOT_NAME_WORDS = set("""
the a an this that these those it its he she they we i in on at but and or so if as for with after before while when
although however here there what who why how first last his her their our my your speaking further reflecting whatever
meanwhile also then now yet still even once only just according asked far korea korean koreas russia russian russians
ukraine ukrainian china chinese japan japanese america american americans us u.s usa uk britain british england
english france french germany german europe asia asian pacific atlantic arctic africa african india indian iran
iranian israel israeli syria syrian iraq iraqi turkey turkish moscow kremlin pyongyang seoul beijing tokyo washington
kyiv kiev london paris berlin brussels vladivostok hanoi dprk nato soviet cold war cosmodrome people’s january
february march april may june july august september october november december monday tuesday wednesday thursday friday
saturday sunday god christmas easter reuters bloomberg yonhap kcna afp ap tass xinhua interfax thanksgiving halloween
hanukkah ramadan diwali passover eid happy merry republican republicans democrat democrats tory tories
""".split()) | _NAME_CONTINUES | CLOSED_CLASS


# a title's office before the run: "Secretary of State Ada Moss", "Speaker of the House Jo Bell", "Director of
# National Intelligence Ian Roe": the office's words are cut from the name as ever
_AN_OFFICE = re.compile(r"(?<![\w’'-])(?P<title>[\w-]+)\.?\s+(?:of|for)\s+(?:the\s+)?$")

# first words of places ("New York", "San Leandro", "Lake Berryessa"): never a given name
PLACE_HEADS = {"new", "san", "santa", "los", "las", "lake", "mount", "mt", "fort", "port", "saint", "st", "bay",
               "upper", "lower", "greater", "cape", "el", "rio", "puerto", "sao", "são", "costa", "hong", "sri", "camp",
               "big", "little", "old", "great", "more", "most", "top", "best", "first", "next", "last", "our", "your",
               "storm", "hurricane", "typhoon", "cyclone", "tropical",  # named weather: "Storm Idris"
               "high", "low", "tel", "wadi", "ras",  # "High Elves", "High Street", "Tel Rumeida", "Wadi Rum"
               "red", "blue", "green", "yellow", "purple", "orange", "golden", "silver",  # "Red Wolf", "Blue Origin"
               # first words of countries and cities that no given name shares: "Burkina Faso", "Kuala Lumpur"
               "saudi", "burkina", "papua", "equatorial", "kuala", "buenos", "addis", "phnom", "baton", "santo", "ciudad",
               "porto", "belo", "punta", "cabo", "real", "veteran", "night",
               "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "hundred"}
# countries and cities whose first word is a given name too ("Sierra", "Abu"): the whole name is a place
_PLACES = {"sierra leone", "abu dhabi", "la paz", "sao tome", "marshall islands", "solomon islands"}
# words that end the name of a place, an event or a thing, never a person's: "Kesmark Pier", "Lantern Festival"
_THING_TAILS = set("""pier piers festival terminal plaza stadium arena line lines route metro tram trams canal tunnel
highway motorway railway dock docks wharf avenue boulevard market markets prize award awards cup beach coast village
estate dam reservoir mall expo marathon parade carnival gala concert gardens week day act bill plan scheme treaty accord
agreement pact report review index fair show games centre center hotel restaurant cafe bakery brewery farm farms
foods motors systems industries partners technologies solutions products pharmaceuticals energy gas oil logistics
shipping construction engineering consulting capital ventures networks telecom electric electronics insurance
homes properties estates studios records books
gaming esports entertainment sports pictures bros bowl inquiry rangers rovers wanderers athletic athletics
amendment amendments system systems panel prison jail medal medallion identity galaxy takeover pack committee
commission fund
area areas resort resorts coliseum row canyon creek park hills heights springs falls island islands lifeline prevention
health change topics reading video image outlook database forecasts administration dynamics unified robots cube law
yorkers angeles francisco publishing music archive archives tech technology worldwide sentinel hotels hotel salon spa
llc inc corp plc ltd
terminals robotics insight wire analytics consortium brands retail logistics airport
drive crescent terrace mews quay bureau
""".split())
# last words of a street or a place that are family names too ("Mill Lane", "Nathan Lane"): a place after
# a preposition of place or address ("of Mill Lane", "at Marsh End", "on Cherry Grove")
_STREET_TAILS = {"lane", "grove", "close", "way", "walk", "end", "hill", "place", "row", "green", "gate", "side",
                 "road", "street", "court", "field", "fields", "wood", "woods", "common", "circle", "rise", "vale"}
_PLACE_PREPOSITION = re.compile(r"(?:(?:^|[^\w’'-])(?:on|in|at|along|off|near|down|up|into|onto|past|via|toward|towards)"
                                r"|,\s*(?:\d{1,3},\s*)?of)\s+$")  # "Bilal Qureshi, 52, of Mill Lane": an address
_TOKEN = NAME_WORD
# a possessive ends a run: "Halcyon's Brackenridge office" names no Halcyon Brackenridge
# a middle initial stands between two words of a name: "Brian M. Good", "George H.W. Bush"
# initials before a name: "J.D. Vance", "E. Jean Carroll" (never a country's or a city's: "U.S. Army", "D.C.";
# nor, past a full stop, what may end a sentence: "from Lena Voss. T. Marlow")
_INITIALS = r"(?:(?<![\w.’'-])(?<![.!?]\s)(?!(?:U\.[SKN]|E\.U|D\.C|N\.Y|L\.A|A\.M|P\.M)\.)(?:" + UPPER + r"\.\s?){1,2}\s*)?"
_RUN = re.compile(r"(?<![\w’'-])" + _INITIALS + _TOKEN + r"(?:\s+(?:(?:(?:" + "|".join(PARTICLES) + r")\s+){1,2}|(?:" + UPPER + r"\.){1,2}\s+)?"
                  + _TOKEN + r")*(?:[’']s)?")
_TITLED = re.compile(r"\b(?P<title>(?:(?:Prime|Foreign|Defen[cs]e|Vice|Deputy|Supreme|Finance|Interior|Attorney|Secretary)\s+)?(?:" + "|".join(sorted((t.capitalize() for t in FAMILY_TITLES), key=len, reverse=True))
                     + r"))\.?\s+(?P<family>" + NAME_WORD + r")(?:[’']s)?(?!" + LETTER + r")(?!\s+" + UPPER + LOWER + ")")


def is_title(word: str) -> bool:
    """A title or role word ("Minister", "mayor", "Dr."), singular or plural."""
    return _is_title(word)


_TITLE_AFFIXES = {"co", "vice", "ex", "then", "elect", "designate", "in", "at", "arms", "sub", "under", "former"}


def _is_title(word: str) -> bool:
    word = word.lower().rstrip(".")
    if "-" in word:  # "Co-founder", "Vice-Chancellor", "ex-Minister", "President-elect", "Editor-in-Chief": a title
        # with its prefix or suffix; never a double family name ("King-Smith") nor a name ("Spokesman-Review")
        parts = word.split("-")
        return any(part in TITLES for part in parts) and all(part in TITLES or part in _TITLE_AFFIXES for part in parts)
    return word in TITLES or (word.endswith("s") and word[:-1] in TITLES)


@dataclass(frozen=True)
class NameMention:
    """A personal name found in a text: where, the name as written, and a title before it."""

    start: int
    end: int
    name: str
    title: str | None = None
    nickname: str | None = None  # Lee “Faker” Sang-hyeok: the name in quote marks he also goes by


# a nickname in quote marks between a given and a family name: Lee “Faker” Sang-hyeok, Earvin "Magic" Johnson
_NICKNAMED = re.compile(r"(?<![\w’'-])(?P<given>" + NAME_WORD + r")\s+[“\"‘'](?P<nick>" + UPPER + r"[^“”\"‘’'\s]*(?:\s+" + UPPER
                        + r"[^“”\"‘’'\s]*){0,2})[”\"’']\s+(?P<family>" + NAME_WORD + r")(?:[’']s|(?![\w’'-]|\s+" + UPPER + r"))")
# the last part of a hyphenated adjective: "Spanish-speaking", "Kremlin-backed", "US-based" describe, never name
_ADJECTIVE_TAILS = {"speaking", "born", "based", "backed", "led", "made", "owned", "run", "funded", "language", "style",
                    "era", "bred", "raised", "trained", "educated", "linked", "aligned", "allied", "controlled",
                    "occupied", "held", "friendly", "minded", "centric", "themed", "like", "american", "british"}


# what opens a line of a page before a name, never a given name: a call to the reader, a greeting, a label
_OPENERS = {"watch", "meet", "read", "listen", "follow", "join", "ask", "tell", "see", "dear", "hi", "hello", "hey",
            "thanks", "thank", "congratulations", "welcome", "sorry", "goodbye", "says", "asks", "adds", "writes",
            "opinion", "exclusive", "related", "analysis", "video", "photos", "pictured", "update", "breaking"}


def _not_a_name_word(tokens: list[str], index: int) -> bool:
    token = tokens[index]
    if "-" in token and token.rsplit("-", 1)[1].lower() in _ADJECTIVE_TAILS:
        return True
    return token.lower() in NOT_NAME_WORDS and not _place_surname(tokens, index)


def find_person_names(text: str) -> list[NameMention]:
    """Full personal names (two to four words) and titled family names, in order."""
    mentions: list[NameMention] = _nicknamed(text)
    for match in _RUN.finditer(text):
        if any(m.start <= match.start() < m.end for m in mentions):
            continue
        tokens = name_tokens(match.group(0))
        offset = match.start()
        plural = _plural_of_a_name(text, match, tokens)
        if plural:  # the “Philip Agees of this world”: a kind of person named after one, that one
            mentions.append(NameMention(match.start(), match.start() + len(plural), plural))
            continue
        # the name is what follows the last title or non-name word: "Finance Minister Rolf Adair"
        cut = max((i + 1 for i, token in enumerate(tokens) if _is_title(token) and not _title_surname(tokens, i)
                   or _not_a_name_word(tokens, i)), default=0)
        titles, tokens = tokens[:cut], tokens[cut:]
        if len(tokens) >= 2 and titles and titles[-1].lower() in _NAME_CONTINUES and not _after_an_office(text, match.start()):
            if len(tokens) >= 3 and _is_person_noun(tokens[0]):
                titles, tokens = titles + tokens[:1], tokens[1:]  # "District Collector Ravi Nair": a role, then a name
            else:
                continue  # "International Pulsar Timing Array": the rest of an organisation's or a place's name
        if len(tokens) >= 3 and _role_shaped(tokens[0]):  # "Physiotherapist Ana Ruiz": a role glued before the name
            titles, tokens = titles + tokens[:1], tokens[1:]
        if tokens and _opens_sentence(text, match.start()) and _is_gerund(tokens[0]) and not titles:
            tokens = tokens[1:]  # "Taking Archie outside is his favourite": a verb, then a name
        elif tokens and _plainly_a_verb(tokens[0]) and not titles:
            continue  # "cast with Slicing Maelstrom", "a film, Breaking Harwick": a verb names a thing, not a person
        if len(tokens) > 1 and tokens[0].lower() in _OPENERS and not titles:
            tokens = tokens[1:]  # "Watch Biden's speech", "Meet Tomas Velde", "Dear Ann Lee": a verb or greeting, then a name
        if tokens and tokens[0].lower() in PLACE_HEADS or " ".join(tokens).lower() in _PLACES:
            continue
        tokens = _before_a_place(tokens)  # "Gary Sloane San Leandro": a letter's signature and town
        if _names_no_one(text, match, titles, tokens) or _names_a_thing(text, match, tokens, titles):
            continue
        titled = bool(titles) and _is_title(titles[-1])  # "Transport Minister Ji-ho Park": a person, whatever the last word
        words = [t for t in tokens if t not in PARTICLES]  # "Luiz Inácio Lula da Silva": four words of a name
        if 2 <= len(words) <= 4 and len(tokens) >= 2 and (titled or tokens[-1].lower() not in _THING_TAILS):
            name = " ".join(tokens)
            start = text.index(tokens[0], offset)
            title = titles[-1] if titles and titles[-1].lower() in FAMILY_TITLES else None
            dotted = _DOTTED_TITLE.search(text[:start]) if not titles else None  # "Mr. Hugo Brandt", "Gov. Rita Okafor"
            if dotted and dotted.group(1).lower() in FAMILY_TITLES:
                title = dotted.group(1)
            mentions.append(NameMention(start, start + len(name), name, title))
    for match in _TITLED.finditer(text):
        if match["family"].lower() in NOT_NAME_WORDS or any(m.start <= match.start("family") < m.end for m in mentions):
            continue
        mentions.append(NameMention(match.start("family"), match.end("family"), match["family"], match["title"]))
    return sorted(mentions, key=lambda mention: mention.start)


# "a High Elf", "the Riverwood Trader", "the states of Mato Grosso": a determiner or a place noun
# before a run of capitals makes it a thing or a place; a person's name takes neither
_DETERMINED = re.compile(r"(?:^|[^\w’'-])(?:[Tt]he|[Aa]n?|[Tt]heir|[Oo]ur|[Yy]our|[Ii]ts)\s+[“\"‘]?$")
_PLACE_OF = re.compile(r"\b(?:states?|city|cities|towns?|villages?|provinces?|regions?|count(?:y|ies)|districts?|islands?|"
                       r"republic|kingdom|port|capital|municipality|prefecture|borough|suburbs?)\s+of\s+$")


_PLACE_SURNAMES = {"washington", "london", "paris", "berlin", "jordan", "florence", "kent", "lincoln", "houston"}


# place words that are common family names too: one after a title and a given name is a name
# ("Patrol Chief James Hall", "Sen. Mara Wood"); "City Hall", "Central Park" have no title
_TITLED_SURNAMES = {"hall", "park", "wood", "church", "house", "hill", "green", "field", "banks", "brook", "brooks",
                    "castle", "ford", "bridge", "bridges", "street", "lane", "tower", "towers", "palace",
                    "west", "north", "south", "east"}  # "Prof Steve West"; "Leeds West", a seat, has no title


def _place_surname(tokens: list[str], index: int) -> bool:
    """"Darnell Washington", "Jack London": a capital's name after a given name is a family name;
    so is "Hall" or "Park" after a title and a given name."""
    if not (index == len(tokens) - 1 and index >= 1 and tokens[index - 1].lower() not in NOT_NAME_WORDS
            and not _is_title(tokens[index - 1])):
        return False
    word = tokens[index].lower()
    return word in _PLACE_SURNAMES or (word in _TITLED_SURNAMES and index >= 2 and _is_title(tokens[index - 2]))


# titles that are common family names too: after a given name, at a name's end, a family name ("Stephen King",
# "John Major", "Erik Prince"); a role word before them makes a title again ("Crown Prince", "Circuit Judge")
_TITLE_SURNAMES = {"king", "prince", "knight", "bishop", "dean", "major", "pope", "duke", "judge", "marshal", "abbot"}
_ROLE_MODIFIERS = {"crown", "grand", "circuit", "district", "appeals", "trial", "probate", "magistrate", "family", "drum",
                   "pipe", "regimental", "field", "rear", "young", "black", "fresh", "burger", "lion", "sun", "drag",
                   "sergeant", "assistant", "associate", "retired", "auxiliary", "titular", "hereditary"}


def _title_surname(tokens: list[str], index: int) -> bool:
    last = len(tokens) - (2 if tokens[-1].rstrip(".") in ("Jr", "Sr") else 1)
    if index != last or index < 1 or tokens[index].lower() not in _TITLE_SURNAMES:
        return False
    before = tokens[index - 1].lower()
    return not (_is_title(before) or before in NOT_NAME_WORDS or before in _ROLE_MODIFIERS or before in PARTICLES)


# what a person's name before it makes theirs: "the George W. Bush administration", "the Obama years"
_A_PERSONS = re.compile(r"(?:[’']s)?\s+(?:administration|presidency|government|cabinet|era|years|doctrine)\b")


def _names_no_one(text: str, match: re.Match, cut: list[str], tokens: list[str]) -> bool:
    """The run follows a determiner or "the state of": not a person's name, unless what follows
    the name is something a person has ("the George W. Bush administration")."""
    if cut:
        return cut[-1].lower() in ("the", "a", "an")  # "The Imperial Legion could": a determiner cut from the run
    start = match.start()
    before = text[max(0, start - 40): start]
    if len(tokens) >= 2 and _DETERMINED.search(before) and _A_PERSONS.match(text, match.end()):
        return False
    return bool(_DETERMINED.search(before) or _PLACE_OF.search(before))


def _is_person_noun(word: str) -> bool:
    from .descriptions import PERSON_NOUNS  # descriptions builds on this module

    return bool(PERSON_NOUNS.fullmatch(word.lower()))


def _after_an_office(text: str, start: int) -> bool:
    """"Secretary of State Ada Moss": the run begins with the office a title before it is of."""
    office = _AN_OFFICE.search(text[max(0, start - 40): start])
    return bool(office) and _is_title(office["title"])


def _role_shaped(word: str) -> bool:
    """"Referee", "Executive", "Physiotherapist": a long word of a role's shape, never a given name."""
    return len(word) >= 7 and word.lower().endswith(("ee", "ive", "ist")) and "-" not in word


_QUOTE_OPEN = re.compile(r"[“\"‘']\s*$")
_QUOTE_CLOSE = re.compile(r"(?:[’']s)?[,.!?]?\s*[”\"’']")
# "the Journal of Circadian Medicine", "University of Kestrel": capitals after "<organisation word> of"
_OF_AN_ORGANISATION = re.compile(r"(?:^|[^\w’'-])(?P<word>[A-Z][\w’'-]*)\s+(?:of|for)\s+(?:the\s+)?$")


# a work and its title: "the documentary Killing Gaza", "books, including best-selling Republican Gomorrah"
_A_WORK = re.compile(r"\b(?:books?|novels?|films?|movies?|documentar(?:y|ies)|albums?|songs?|plays?|series|shows?|memoirs?|"
                     r"podcasts?|programmes?|musicals?|operas?|poems?|singles?|sitcoms?|dramas?)"
                     r"(?:,?\s+(?:including|titled|entitled|called|named)\s+|\s+)"
                     r"(?:(?:best-?selling|acclaimed|award-winning|hit|latest|new|debut|upcoming|forthcoming|classic|cult)\s+)?"
                     r"[“\"‘]?$")
# a name given to a thing: "software dubbed Blue Wolf", "an operation codenamed Iron Sting"
_NICKNAMING = re.compile(r"\b(?:dubbed|code-?named|nicknamed|branded)\s+[“\"‘]?$")
# "headquarters in Jerez de Frontera, Spain", "lives in Tel Rumeida, Hebron": a place, then its region or country
_AT_A_PLACE = re.compile(r"(?:^|[^\w’'-])(?:in|at|near|outside)\s+$")
_A_REGION_AFTER = re.compile(r",\s+" + UPPER + LOWER + r"+(?:\s+" + UPPER + LOWER + r"+)?(?=\s*[,.;:)]|\s+[a-z]|\s*$)")
# "the Philip Agees of this world": a kind of person named after one
_OF_THE_WORLD = re.compile(r"[”\"’]?\s+(?:of|in)\s+(?:the|this|our)\s+world\b")


def _plural_of_a_name(text: str, match: re.Match, tokens: list[str]) -> str | None:
    """The person a plural of their full name stands for, in "the Philip Agees of this world"."""
    before = text[max(0, match.start() - 10): match.start()]
    if 2 <= len(tokens) <= 3 and re.search(r"\bthe\s+[“\"‘]?$", before) and tokens[-1].endswith("s") \
            and not tokens[-1].endswith("ss") and _OF_THE_WORLD.match(text, match.end()):
        return " ".join(tokens[:-1] + [tokens[-1][:-1]])
    return None


def _nicknamed(text: str) -> list[NameMention]:
    """Names with a nickname in quote marks between given and family name: Lee “Faker” Sang-hyeok."""
    found = []
    for match in _NICKNAMED.finditer(text):
        words = [match["given"]] + match["family"].split()
        if any(_is_title(word) or word.lower() in NOT_NAME_WORDS for word in words):
            continue
        name = " ".join(words)
        found.append(NameMention(match.start(), match.end("family"), name, nickname=match["nick"]))
    return found


def _names_a_thing(text: str, match: re.Match, tokens: list[str], titles: list[str]) -> bool:
    """Signals that a run of capitals names a place, a work or an organisation, not a person:
    a street word after a preposition of place ("of Mill Lane", "at Marsh End"), the whole run
    in quote marks (a title: 'Nine Winters'), or the run continuing an organisation's name
    ("Journal of Circadian Medicine")."""
    if not tokens or titles:
        return False
    before = text[max(0, match.start() - 40): match.start()]
    possessive = re.search(r"[’']s$", match.group(0))  # "at Nathan Lane's flat": an owner, so a person
    if tokens[-1].lower() in _STREET_TAILS and _PLACE_PREPOSITION.search(before) and not possessive:
        return True
    if _QUOTE_OPEN.search(before) and _QUOTE_CLOSE.match(text, match.end()) or _in_a_quoted_title(text, match):
        return True
    if _A_WORK.search(before) or _NICKNAMING.search(before):  # "documentaries, including Killing Gaza", "dubbed Red Wolf"
        return True
    if _AT_A_PLACE.search(before) and _A_REGION_AFTER.match(text, match.end()):  # "in Jerez de Frontera, Spain"
        return True
    organisation = _OF_AN_ORGANISATION.search(before)
    word = organisation["word"].lower() if organisation else ""
    return bool(word) and not _is_title(word) and (word in NOT_NAME_WORDS or word in _THING_TAILS)


@functools.lru_cache(maxsize=4)
def _spans_in(text: str) -> tuple:
    """The quotations of a text, found once for all the runs of capitals in it (a long page has hundreds)."""
    return tuple(find_spans(text))


def _in_a_quoted_title(text: str, match: re.Match) -> bool:
    """The run lies inside words in quote marks that are all in Title Case: the name of a work, a
    programme, a feature or a nickname (“The Kestrel Quartet,”, “Free and Fair Harbours”), not a
    person the article introduces."""
    for span in _spans_in(text):
        if span.start < match.start() and match.end() <= span.end:
            return len(span.text.split()) <= 8 and in_title_case(span.text)
    return False


def _before_a_place(tokens: list[str]) -> list[str]:
    """A name ends before the first word of a place ("San", "Lake"): "Gary Sloane San Leandro"."""
    for index, token in enumerate(tokens[2:], 2):
        if token.lower() in PLACE_HEADS and index + 1 < len(tokens):
            return tokens[:index]
    return tokens


_DOTTED_TITLE = re.compile(r"(?<![\w.])([A-Z][a-z]{1,3})\.\s+$")


def is_headline(text: str) -> bool:
    """A line in Title Case without a full stop: a headline or a credit, where capitals mark no names."""
    words = re.findall(r"[A-Za-z][\w’'-]*", text)
    return len(words) >= 4 and not re.search(r"[.!?”\"’']$", text.strip()) and sum(w[0].isupper() for w in words) > 0.7 * len(words)


def _opens_sentence(text: str, index: int) -> bool:
    return not text[:index].strip() or bool(re.search(r"[.!?:;“\"(—–-]\s*$", text[:index]))


def _is_gerund(word: str) -> bool:
    """"Taking", "Speaking": a verb opening a sentence, not a given name (most -ing names are family names)."""
    return len(word) > 5 and word.endswith("ing")


# given names that end like a verb's -ing form
_ING_NAMES = {"irving", "sterling", "channing", "manning", "fielding", "ewing", "browning", "golding", "harding", "henning",
               "fleming", "deming", "pershing", "cushing", "lansing", "hemming"}


def _plainly_a_verb(word: str) -> bool:
    """An -ing form no given name has: "Slicing", "Killing", "Making". A Chinese given name in Western
    order ends in a syllable of pinyin ("Xiaoming", "Jianping"): -ming, -ping, -ling, -qing and the like."""
    lower = word.lower()
    if not _is_gerund(word) or lower in _ING_NAMES:
        return False
    stem = lower[:-3]
    return stem[-1] not in "jqxmlnptdby" or stem[-1] == stem[-2]


def strip_leading_words(phrase: str) -> str:
    """A capitalised function word glued before a name is not part of it: "And Harry",
    "When Winfrey", "Inside Harry" -> "Harry"."""
    words = phrase.split()
    while len(words) > 1 and (words[0].lower() in CLOSED_CLASS or _is_gerund(words[0])):
        words = words[1:]
    return " ".join(words)


def is_person_name(phrase: str) -> bool:
    """True for a phrase that is a full personal name and nothing else."""
    mentions = find_person_names(phrase)
    return len(mentions) == 1 and mentions[0].name == " ".join(name_tokens(phrase))


@dataclass
class Person:
    """One person or organisation as an article (or the content folder) knows it."""

    spellings: list[str]
    role: str | None = None
    kind: str = "person"
    titled: list[str] = field(default_factory=list)  # "Chairman Kim": aliases by title + family name
    slug: str | None = None  # set when the person matches an existing record
    merged_into: "Person | None" = None
    gender: str | None = None  # only as the text states it (see gender.py)
    age: int | None = None  # "Karl Moss, 78,": what "the 78-year-old" refers back to
    described: bool = False  # an unnamed speaker ("a spokesman for the port authority"): no record
    first_named: bool = False  # named by a first name alone after a kinship word ("her son Leo"): a record all the same
    nicknames: list[str] = field(default_factory=list)  # Lee “Faker” Sang-hyeok: "Faker" alone means him
    titles: set[str] = field(default_factory=set)  # titles written before the full name ("professor"), see title_key
    partners: list["Person"] = field(default_factory=list)  # organisations speaking with this one, in one statement

    @property
    def name(self) -> str:
        full = [spelling for spelling in self.spellings if len(name_tokens(spelling)) > 1]
        return preferred_spelling(full or self.styled or self.spellings)

    @property
    def styled(self) -> list[str]:
        """"Prince William", "Princess Diana": a given name with the title that goes with it."""
        return [titled for titled in self.titled if titled.split()[0].lower() in STYLE_TITLES]

    def final(self) -> "Person":
        """The person this one was merged into, if any."""
        return self.merged_into.final() if self.merged_into else self

    @property
    def aliases(self) -> list[str]:
        """Every spelling seen; a bare family name only when no full name is known."""
        full = [spelling for spelling in self.spellings if len(name_tokens(spelling)) > 1 or self.kind != "person"]
        seen: list[str] = []
        for alias in (full or self.spellings) + self.titled + self.nicknames:
            if alias not in seen:
                seen.append(alias)
        return seen

    def matches(self, spelling: str) -> bool:
        if self.kind == "organization":
            return any(spelling.casefold() == alias.casefold() for alias in self.aliases)
        keys = name_keys(spelling)
        return bool(keys) and any(keys & name_keys(own) for own in self.spellings) \
            or any(spelling.casefold() == alias.casefold() for alias in self.aliases)

    def has_family_name(self, word: str) -> bool:
        """Whether one word alone can name this person: a family name, or the nickname they go by."""
        return word in self.nicknames or any(
            word in (tokens[0], tokens[-1]) or _is_family_name(word, spelling)
            for spelling, tokens in ((spelling, name_tokens(spelling)) for spelling in self.spellings) if len(tokens) > 1)


def _one_letter_off(first: str, second: str) -> bool:
    """Two words of five letters or more that differ by one substituted letter."""
    return len(first) == len(second) >= 5 and first[0] == second[0] and sum(a != b for a, b in zip(first, second)) == 1


STYLE_TITLES = {"prince", "princess", "king", "queen", "duke", "duchess", "lord", "lady", "sir", "dame", "pope", "sheikh"}
_GENDERED_TITLES = {"mr": "male", "sir": "male", "lord": "male", "prince": "male", "duke": "male", "king": "male",
                    "mrs": "female", "ms": "female", "miss": "female", "dame": "female", "lady": "female",
                    "princess": "female", "duchess": "female", "queen": "female"}


def _fits_title(person: Person, title: str) -> bool:
    """Whether a gendered title can name this person: only when the text gave them the other
    gender can it not. A title with no gender fits no one in particular."""
    wanted = _GENDERED_TITLES.get(title.lower().rstrip("."))
    if wanted is None:
        return False
    if person.gender in (None, wanted):
        return True
    return False


# short forms of titles: "Prof Brandt" is the "Professor Ilse Brandt" named before
_TITLE_FORMS = {"prof": "professor", "gen": "general", "sen": "senator", "rep": "representative", "gov": "governor",
                "dr": "doctor", "capt": "captain", "col": "colonel", "lt": "lieutenant", "sgt": "sergeant", "insp": "inspector",
                "supt": "superintendent", "det": "detective", "cllr": "councillor", "adm": "admiral", "cmdr": "commander",
                "rev": "reverend", "fr": "father", "amb": "ambassador", "pres": "president", "sec": "secretary"}


def title_key(title: str) -> str:
    """A title in one spelling: "Prof." and "Professor" -> "professor"."""
    word = title.split()[-1].lower().rstrip(".")
    return _TITLE_FORMS.get(word, word)


def _by_title(candidates: list[Person], title: str) -> list[Person]:
    """The people a title can name: the one the text gave that title with a full name, if only one;
    else those a gendered title fits, and the one the text gave that gender, if only one."""
    same = [p for p in candidates if title_key(title) in p.titles]
    if len(same) == 1:
        return same
    fitting = [p for p in candidates if _fits_title(p, title)]
    stated = [p for p in fitting if p.gender == _GENDERED_TITLES.get(title.lower().rstrip("."))]
    return stated if len(stated) == 1 else fitting


def _family_owners(people: list[Person], word: str) -> list[Person]:
    """The people a family name alone can mean: those whose name ends with it ("Farid Haddad"),
    or, when none does, those whose name opens with it ("Nguyen Van Long", "Park Min-jun")."""
    owners = [p for p in people if p.has_family_name(word)]
    last = [p for p in owners if any(len(name_tokens(s)) > 1 and (name_tokens(s)[-1] == word or _is_family_name(word, s))
                                     for s in p.spellings)]
    return last or owners


def _is_family_name(word: str, spelling: str) -> bool:
    """"Voss" of "Harlan Voss Jr.", "van der Berg" or "Van der Berg" of "Ludwig van der Berg"."""
    family = family_name(spelling)
    return word == family.split()[-1] or word.casefold() == family.casefold()


# a member of a party, as a description names one: "the California Republican", "the Labour backbencher"
_PARTY_MEMBERS = {"republican", "democrat", "tory", "conservative", "liberal", "socialist", "communist", "independent",
                  "nationalist", "unionist", "loyalist", "separatist", "libertarian", "progressive", "backbencher"}


class PeopleRegistry:
    """The people of one article, in order of first mention."""

    def __init__(self) -> None:
        self.people: list[Person] = []
        self.bare: dict[str, Person] = {}  # a family name alone -> the one person it named when first used alone
        self.ambiguous: list[tuple[str, list[str]]] = []  # family names that could mean several people
        self.organizations_named: list[str] = []  # every organisation the text names, speaking or not

    def add_full_name(self, name: str, role: str | None = None) -> Person:
        """Record a full name (or an organisation) and return its person, merging spellings."""
        for person in self.people:
            if person.kind == "person" and person.matches(name):
                if name not in person.spellings:
                    person.spellings.append(name)
                person.role = person.role or role
                return person
        # "Seddique Mateen" after "Seddique Mir Mateen": the one person with that given and family name;
        # else "López Obrador" after "Andrés Manuel López Obrador": the one person whose name it ends
        near = self._near(name, same_but_middle) or self._near(name, lambda a, b: ends_the_name(a, b) or ends_the_name(b, a))
        if len(near) == 1:
            near[0].spellings.append(name)
            near[0].role = near[0].role or role
            return near[0]
        person = Person([name], role=role)
        self.people.append(person)
        return person

    def _near(self, name: str, same) -> list[Person]:
        return [p for p in self.people if p.kind == "person" and any(same(name, spelling) for spelling in p.spellings)]

    def add_organization(self, name: str, role: str | None = None) -> Person:
        """Record an organisation and return it. A name in lower case past its first word names an
        organisation only by an organisation word ("Transport ministry"); "Former employee" is a
        person described, with no record, and so is one whose last word is a title or a party's
        member ("the California Republican said", "the Harbour Minister")."""
        from .attribution import is_org_word

        words = name.split()
        office = re.split(r"\s+(?:of|for)\s+", name, maxsplit=1)[0].split()  # "Labour MP for Kesmark North"
        if len(words) > 1 and (all(w[:1].islower() for w in words[1:]) and not is_org_word(words[-1])
                               or _is_title(words[-1]) or words[-1].lower() in _PARTY_MEMBERS or _is_title(office[-1])):
            return Person([name], role=role, described=True)
        parts = re.split(r"\s+(?:and|&)\s+(?:[Tt]he\s+)?", name)
        if len(parts) == 2 and all(len(part.split()) >= 2 and part[:1].isupper() and is_org_word(part.split()[-1])
                                   for part in parts):
            # "Greenhaven Rowing Club and Anvil Street Traders Association said": two organisations, one voice
            first, second = self.add_organization(parts[0], role), self.add_organization(parts[1])
            if second not in first.partners:
                first.partners.append(second)
            return first
        for person in self.people:
            if person.kind == "organization" and person.matches(name):
                person.role = person.role or role
                return person
        person = Person([name], role=role, kind="organization")
        self.people.append(person)
        return person

    def resolve_single(self, word: str, title: str | None = None, role: str | None = None) -> Person:
        """A one-word name: the person with that family name mentioned so far, if only one;
        otherwise a person known by that word alone."""
        candidates = _family_owners([p for p in self.people if p.kind == "person"], word)
        if len(candidates) > 1 and title:  # "Mr Hallam" beside Grace and Peter Hallam: the title tells which
            candidates = _by_title(candidates, title)
        bound = self.bare.get(word)
        if len(candidates) > 1 and not title and bound in candidates \
                and all(other.titled for other in candidates if other is not bound):
            # "Qureshi" named Bilal Qureshi before Moira Qureshi came, and she is "Ms Qureshi" since:
            # the bare name still means him; without that distinction it is ambiguous
            candidates = [bound]
        if len(candidates) == 1:
            person = candidates[0]
            if not title:
                self.bare.setdefault(word, person)
        else:
            person = next((p for p in self.people if p.kind == "person" and word in p.spellings), None)
            if person is None:
                person = Person([word], role=role)
                self.people.append(person)
        if title:
            titled = f"{title} {word}"
            if titled not in person.titled and titled not in person.spellings:
                person.titled.append(titled)
        person.role = person.role or role
        return person

    def resolve_name(self, name: str, title: str | None = None, role: str | None = None) -> Person:
        tokens = name_tokens(name)
        # "Van der Berg said" after "Ludwig van der Berg": a family name alone ("Al Gore" is a full name)
        family = tokens[0].lower() in PARTICLES and any(p.kind == "person" and any(_is_family_name(name, s) for s in p.spellings)
                                                        for p in self.people)
        if len(tokens) > 1 and not family:
            person = self.add_full_name(name, role)
            if title:  # "Professor Ilse Brandt": what a later "Prof Brandt" means among the Brandts
                person.titles.add(title_key(title))
            return person
        return self.resolve_single(name, title, role)

    def add_nickname(self, person: Person, nickname: str) -> None:
        """A nickname the text gives a person in quote marks: theirs, unless another has it already."""
        if nickname not in person.nicknames and not any(nickname in p.nicknames for p in self.people if p is not person):
            person.nicknames.append(nickname)

    def finish(self) -> None:
        """Merge one-word names into the only full name with that family name, then drop
        titled aliases whose family name is shared by several people of the article."""
        for single in [p for p in self.people if p.kind == "person" and len(p.spellings) == 1 and " " not in p.spellings[0]]:
            owners = _family_owners([p for p in self.people if p is not single and p.kind == "person"], single.spellings[0])
            if len(owners) > 1 and single.titled:
                owners = _by_title(owners, single.titled[0].split()[0])
            if not owners:  # "Hauser" in an article about Trevor Houser: one letter off the only such family name
                owners = [p for p in self.people if p is not single and p.kind == "person" and " " in p.name
                          and _one_letter_off(single.spellings[0], name_tokens(p.name)[-1])]
            if len(owners) == 1:
                owner = owners[0]
                owner.titled.extend(t for t in single.titled if t not in owner.titled)
                owner.role = owner.role or single.role
                if single.gender and owner.gender != single.gender:
                    owner.gender = single.gender if owner.gender is None else "mixed"
                single.merged_into = owner
            elif len(owners) > 1:  # "Mensah" beside Kwame and Kofi Mensah: either, so no one, and no record
                single.described = True
                self.ambiguous.append((single.spellings[0], [owner.name for owner in owners]))
        self.people = [p for p in self.people if p.merged_into is None and not p.described]
        for person in self.people:
            kept = []
            for titled in person.titled:
                family = titled.split()[-1]
                owners = [p for p in self.people if p.kind == "person" and (p.has_family_name(family) or family in p.spellings)]
                if len(owners) > 1:
                    owners = _by_title(owners, titled.split()[0])
                if len(owners) == 1:
                    kept.append(titled)
            person.titled = kept
