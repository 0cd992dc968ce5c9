"""A seeded synthetic briefing: N records in SPEC's format, as plain dicts.

The mix follows issue 6: about 60% quotes, 25% takeaways, 10% events and
the rest sources, people, tags, figures and summits. Every cross-reference
resolves, every paragraph number exists and every verbatim quote stands word
for word in its source paragraph, so `briefing-gen check` passes. The same
seed always gives the same records.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

FIRST_NAMES = """Anna Tomas Mira Lev Ines Kofi Yuki Omar Petra Ravi Lena Jonas Sofia Ilya Amara Chen Dara Elif
Farid Greta Hana Ivo Jae Katya Luis Maren Nadia Oskar Priya Quinn Rosa Sami Tariq Ulla Vera Wen Xavi Yara Zoran
Bela Cato Dmitri Erna Fumi Goran Hedda Ismail Jana Kasper Lidia Matteo Nia Ole Pia Rune Selma Teo Una Vidar""".split()
LAST_NAMES = """Brandt Okafor Castell Petrov Moreau Tanaka Haddad Novak Iyer Lindqvist Duarte Kowalski Mensah
Sato Rahimi Varga Oyelaran Bergstrom Chaudhry Delacroix Esposito Falk Gunnarsson Horvat Ivanova Jansen Kaur
Laurent Magnusson Nakamura Ortega Popescu Quispe Rossi Schultz Tavares Ueda Valdez Weber Xu Yilmaz Zeller
Abara Bianchi Cortez Dvorak Engel Fontaine Grieg Holm Ibsen Juarez Kovacs Lund Marsh Nilsen Orlov Pak Ruiz""".split()
ROLES = ["Minister of Transport", "Foreign Minister", "Mayor", "Deputy Premier", "Spokesperson",
         "Trade Envoy", "Harbour Master", "Chief Negotiator", "Analyst", "Governor", "Ambassador"]
OUTLETS = ["The Coastal Ledger", "Northern Wire", "The Morning Register", "Harbour Daily", "Pacific Dispatch",
           "The Continental", "Eastern Observer", "Global Desk"]
AGENCIES = ["AFP", "Reuters", "AP", "Yonhap", "TASS", "Kyodo"]
PLACES = ["Eastport", "Westhaven", "Northmoor", "Southbay", "Vostok Point", "Kelp Harbour", "Ironbridge",
          "Marlow Sound", "Pinecrest", "Saltmarsh", "Redcliff", "Gullhaven"]
VENUES = ["the old pier hall", "the cosmodrome guest house", "a naval academy", "the railway station",
          "the university campus", "a floating hotel"]
TOPICS = ["energy", "sanctions", "shipping", "space", "food-aid", "rail", "fisheries", "labour", "weapons",
          "tourism", "finance", "ports", "diplomacy", "satellites", "grain", "oil", "customs", "health",
          "education", "border", "aviation", "mining", "timber", "water", "power-grid", "telecom", "pensions",
          "housing", "media", "culture"]
REGIONS = ["north", "south", "east", "west", "coast", "inland", "arctic", "delta", "islands", "valley",
           "plateau", "strait", "gulf", "steppe", "lakes", "hills", "border", "capital", "ports", "rural"]
VERBS = ["rebuild", "reopen", "expand", "protect", "secure", "review", "double", "restore", "finance",
         "deliver", "strengthen", "modernise", "guarantee", "settle", "renew"]
OBJECTS = ["the ferry line", "the rail link", "our grain exports", "the fishing quota", "the power grid",
           "the harbour works", "the border crossing", "the launch programme", "the trade agreement",
           "the pension fund", "the satellite network", "the customs office", "the water supply"]
WHENS = ["by next spring", "within two years", "before the winter", "this year", "without delay",
         "step by step", "as soon as the talks allow", "in the coming months"]
CLAIMS = ["Nobody should doubt our commitment", "This is only the beginning", "We have waited long enough",
          "Our people expect results", "The door remains open", "We will not be rushed",
          "There is much work ahead", "History will judge this meeting", "Trust is built slowly",
          "We agreed on more than we expected"]
FILLERS = ["The talks lasted well into the evening, officials said.",
           "Delegations exchanged gifts before the formal session began.",
           "Security around the venue was tight, with roads closed for hours.",
           "Analysts cautioned that similar promises had gone unfulfilled before.",
           "The meeting was the first of its kind in several years.",
           "Neither side released a written agreement after the session.",
           "Local residents gathered near the entrance to watch the motorcade.",
           "The schedule was changed twice at short notice, according to organisers."]
SAY_VERBS = ["said", "told reporters", "said on arrival", "added", "said in a statement", "told the delegation"]
UNITS = [("jobs", 1, 5000), ("tonnes", 100, 900000), ("km", 5, 3000), ("million USD", 1, 9000),
         ("ships", 1, 400), ("percent", 1, 99), ("flights", 1, 300)]

MIX = {"quotes": 0.60, "takeaways": 0.25, "events": 0.10}
REST_MIX = {"sources": 0.40, "people": 0.30, "tags": 0.15, "figures": 0.10, "summits": 0.05}
QUOTES_PER_PARAGRAPH = 2


@dataclass
class Record:
    """One content record: its kind, slug, front matter (in order) and markdown body."""

    kind: str
    slug: str
    meta: dict
    body: str


@dataclass
class Briefing:
    records: dict[str, list[Record]] = field(default_factory=dict)
    settings: dict = field(default_factory=dict)

    def of_kind(self, kind: str) -> list[Record]:
        return self.records.setdefault(kind, [])

    def count(self) -> int:
        return sum(len(records) for records in self.records.values())


def counts_for(total: int) -> dict[str, int]:
    """How many records of each kind make a briefing of `total` records (at least one of each)."""
    counts = {kind: max(1, round(total * share)) for kind, share in MIX.items()}
    rest = max(len(REST_MIX) + 1, total - sum(counts.values()))
    for kind, share in REST_MIX.items():
        counts[kind] = max(2 if kind == "summits" else 1, round(rest * share))
    counts["quotes"] += total - sum(counts.values())  # rounding slack goes to the biggest kind
    return counts


def make_briefing(total: int, seed: int = 2026) -> Briefing:
    """Build a briefing of exactly `total` records (total >= 20)."""
    if total < 20:
        raise ValueError("a synthetic briefing needs at least 20 records")
    rng = random.Random(seed)
    counts = counts_for(total)
    briefing = Briefing(settings={
        "title": "Harbour Talks Desk", "description": f"A synthetic briefing of {total} records for benchmarks.",
        "language": "en", "base_url": "https://example.org/bench/", "author": "Benchmark Desk",
        "headline": "A year of harbour summits", "summary": "Every quote, takeaway and event of *the year*.",
        # Hugo and Pelican make no share cards and no data export: neither does the briefing measured
        # beside them (the README says what both cost at this size).
        "cards": False, "data": False,
    })
    tags = _tags(briefing, rng, counts["tags"])
    people = _people(briefing, rng, counts["people"])
    summits = _summits(briefing, rng, counts["summits"])
    sources = _sources_and_quotes(briefing, rng, counts["sources"], counts["quotes"], summits, people, tags)
    _summit_comparisons(summits, sources, rng)
    _takeaways(briefing, rng, counts["takeaways"], sources, people, tags)
    _events(briefing, rng, counts["events"], sources, tags)
    _figures(briefing, rng, counts["figures"], sources, tags)
    _use_every_tag(briefing, tags)
    assert briefing.count() == total, (briefing.count(), total)
    return briefing


def _tags(briefing: Briefing, rng: random.Random, count: int) -> list[Record]:
    combos = [(topic, region) for topic in TOPICS for region in REGIONS]
    rng.shuffle(combos)
    combos = combos[:count] + [(f"topic{i}", "misc") for i in range(max(0, count - len(combos)))]
    for topic, region in combos:
        slug = f"{topic}-{region}"
        title = f"{topic.replace('-', ' ').capitalize()} ({region})"
        body = f"Records about {topic.replace('-', ' ')} in the {region} region: promises, figures and what happened next."
        briefing.of_kind("tags").append(Record("tags", slug, {"title": title}, body))
    return briefing.of_kind("tags")


def _people(briefing: Briefing, rng: random.Random, count: int) -> list[Record]:
    pairs = [(first, last) for first in FIRST_NAMES for last in LAST_NAMES]
    rng.shuffle(pairs)
    for index in range(count):
        first, last = pairs[index % len(pairs)]
        suffix = "" if index < len(pairs) else f" {index // len(pairs) + 1}"
        name = f"{first} {last}{suffix}"
        slug = f"{first}-{last}{suffix.replace(' ', '-')}".lower()
        role = rng.choice(ROLES)
        meta = {"name": name, "aliases": [name, f"{last} {first}{suffix}"], "role": role,
                "kind": "organization" if index % 17 == 16 else "person"}
        body = (f"{name} has served as {role.lower()} since {rng.randint(2005, 2018)}. "
                f"Known for *{rng.choice(TOPICS).replace('-', ' ')}* policy, {first} often speaks for the delegation.")
        briefing.of_kind("people").append(Record("people", slug, meta, body))
    return briefing.of_kind("people")


def _summits(briefing: Briefing, rng: random.Random, count: int) -> list[Record]:
    for index in range(count):
        year = 2010 + index % 15
        month = 1 + (index * 5) % 12
        day = 1 + (index * 7) % 25
        place = PLACES[index % len(PLACES)]
        slug = f"{year}-{place.lower().replace(' ', '-')}-{index + 1}"
        meta = {"title": f"The {year} {place} summit", "date": f"{year}-{month:02d}-{day:02d}", "place": place,
                "venue": rng.choice(VENUES),
                "window": {"from": f"{year}-{month:02d}-01", "to": f"{year}-{month:02d}-28"}}
        body = (f"Leaders met in {place} in {year}. The summit followed months of preparation "
                f"and was watched closely for signs of a deal on **{rng.choice(OBJECTS)}**.")
        briefing.of_kind("summits").append(Record("summits", slug, meta, body))
    return briefing.of_kind("summits")


def _quote_words(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return f"We will {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(WHENS)},"
    return f"{rng.choice(CLAIMS)}, and we will {rng.choice(VERBS)} {rng.choice(OBJECTS)},"


def _sources_and_quotes(briefing: Briefing, rng: random.Random, source_count: int, quote_count: int,
                        summits: list[Record], people: list[Record], tags: list[Record]) -> list[Record]:
    """Write each source's paragraphs around the quotes it carries, so every quote is verbatim."""
    per_source = [quote_count // source_count + (1 if i < quote_count % source_count else 0) for i in range(source_count)]
    quote_index = 0
    for index in range(source_count):
        summit = summits[index % len(summits)]
        year, month = summit.meta["date"][:4], summit.meta["date"][5:7]
        published = f"{year}-{month}-{rng.randint(10, 28):02d}"
        outlet = rng.choice(OUTLETS)
        slug = f"{outlet.lower().replace('the ', '').replace(' ', '-')}-{summit.meta['place'].lower().replace(' ', '-')}-{index + 1}"
        paragraphs: list[str] = [f"Leaders met in {summit.meta['place']} on the first day of the summit. {rng.choice(FILLERS)}"]
        quotes_here = per_source[index]
        while quotes_here > 0:
            sentences = []
            for _ in range(min(QUOTES_PER_PARAGRAPH, quotes_here)):
                person = rng.choice(people)
                words = _quote_words(rng)
                speaker = person.meta["name"] if rng.random() < 0.7 else person.meta["aliases"][1]
                sentences.append(f"“{words}” {speaker} {rng.choice(SAY_VERBS)}.")
                quote_index += 1
                quotes_here -= 1
                _add_quote(briefing, rng, quote_index, person, speaker, words, summit, slug, len(paragraphs) + 1, published, tags)
            sentences.append(rng.choice(FILLERS))
            paragraphs.append(" ".join(sentences))
            if rng.random() < 0.25:
                paragraphs.append(f"{rng.choice(FILLERS)} {rng.choice(FILLERS)}")
        meta = {"title": f"{summit.meta['place']} talks: {rng.choice(CLAIMS).lower()}", "outlet": outlet,
                "published": published, "byline": [f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"],
                "url": f"https://news.example.org/{slug}", "language": "en"}
        if index % 5 == 0:
            meta["removed"] = [{"kind": "boilerplate", "text": "Leave a Reply", "paragraph": len(paragraphs)}]
            meta["review"] = [{"kind": "garble", "text": "between Eastport and Eastport", "paragraph": 1}]
        briefing.of_kind("sources").append(Record("sources", slug, meta, "\n\n".join(paragraphs)))
    return briefing.of_kind("sources")


def _add_quote(briefing: Briefing, rng: random.Random, number: int, person: Record, speaker: str, words: str,
               summit: Record, source_slug: str, paragraph: int, published: str, tags: list[Record]) -> None:
    body, partial, verbatim = words, False, True
    roll = rng.random()
    if roll < 0.10:
        body, partial = " ".join(words.split()[1:5]), True
    elif roll < 0.13:
        body, verbatim = f"In substance: {words.rstrip(',')} (paraphrased)", False
    said_on = "unknown" if rng.random() < 0.05 else published[:7] if rng.random() < 0.2 else published
    meta = {"speaker": speaker, "person": person.slug, "said_on": said_on, "summit": summit.slug,
            "source": source_slug, "paragraph": paragraph}
    if rng.random() < 0.5:
        meta["role"] = person.meta["role"]
    if rng.random() < 0.2:
        meta["via"] = rng.choice(AGENCIES)
    if partial:
        meta["partial"] = True
    if not verbatim:
        meta["verbatim"] = False
    picked = rng.sample(tags, k=min(len(tags), rng.choice((0, 1, 1, 2))))
    if picked:
        meta["tags"] = [tag.slug for tag in picked]
    slug = f"{person.slug.split('-')[1]}-{words.split()[2].lower().strip(',')}-{number:06d}"
    briefing.of_kind("quotes").append(Record("quotes", slug, meta, body))


def _summit_comparisons(summits: list[Record], sources: list[Record], rng: random.Random) -> None:
    for index, summit in enumerate(summits):
        source = sources[index % len(sources)]
        summit.meta["compare"] = {
            "Setting": {"text": f"Talks at {summit.meta['venue']}.", "source": source.slug, "paragraph": 1},
            "Outcome": {"text": f"A promise to {rng.choice(VERBS)} {rng.choice(OBJECTS)}.", "source": source.slug, "paragraph": 2},
        }


def _takeaways(briefing: Briefing, rng: random.Random, count: int, sources: list[Record],
               people: list[Record], tags: list[Record]) -> None:
    summit_of = {source.slug: summit for source, summit in _source_summits(briefing)}
    orders: dict[str, int] = {}
    for index in range(count):
        source = sources[index % len(sources)]
        paragraph_count = source.body.count("\n\n") + 1
        summit = summit_of[source.slug]
        orders[summit] = orders.get(summit, 0) + 1
        verb, obj = rng.choice(VERBS), rng.choice(OBJECTS)
        meta = {"title": f"A pledge to {verb} {obj}", "summit": summit, "order": orders[summit],
                "source": source.slug,
                "paragraphs": sorted(rng.sample(range(1, paragraph_count + 1), k=min(paragraph_count, rng.randint(1, 3)))),
                "tags": [tag.slug for tag in rng.sample(tags, k=min(len(tags), rng.randint(1, 3)))],
                "people": [person.slug for person in rng.sample(people, k=min(len(people), rng.randint(0, 2)))]}
        if not meta["people"]:
            del meta["people"]
        body = (f"Both sides said they would **{verb}** {obj} {rng.choice(WHENS)}. {rng.choice(FILLERS)}\n\n"
                f"{rng.choice(CLAIMS)}, one delegate noted; the *details* remain unpublished. {rng.choice(FILLERS)}")
        briefing.of_kind("takeaways").append(Record("takeaways", f"takeaway-{index + 1:06d}-{verb}", meta, body))


def _source_summits(briefing: Briefing) -> list[tuple[Record, str]]:
    summits = briefing.of_kind("summits")
    return [(source, summits[index % len(summits)].slug) for index, source in enumerate(briefing.of_kind("sources"))]


def _events(briefing: Briefing, rng: random.Random, count: int, sources: list[Record], tags: list[Record]) -> None:
    summit_of = dict((source.slug, summit) for source, summit in _source_summits(briefing))
    for index in range(count):
        source = sources[(index * 7) % len(sources)]
        paragraph_count = source.body.count("\n\n") + 1
        published = source.meta["published"]
        date = published if index % 3 else published[:7] if index % 2 else published[:4]
        meta = {"title": f"Delegations agree to {rng.choice(VERBS)} {rng.choice(OBJECTS)}", "date": date,
                "source": source.slug, "paragraph": rng.randint(1, paragraph_count)}
        if rng.random() < 0.8:
            meta["summit"] = summit_of[source.slug]
        if rng.random() < 0.5:
            meta["tags"] = [rng.choice(tags).slug]
        body = f"{rng.choice(FILLERS)} The announcement came after {rng.randint(2, 9)} hours of talks."
        briefing.of_kind("events").append(Record("events", f"event-{index + 1:06d}", meta, body))


def _figures(briefing: Briefing, rng: random.Random, count: int, sources: list[Record], tags: list[Record]) -> None:
    for index in range(count):
        source = sources[(index * 3) % len(sources)]
        unit, low, high = UNITS[index % len(UNITS)]
        meta = {"label": f"{unit.capitalize()} tied to {rng.choice(OBJECTS)}", "value": rng.randint(low, high),
                "unit": unit, "as_of": source.meta["published"][:7], "source": source.slug,
                "paragraph": rng.randint(1, source.body.count("\n\n") + 1)}
        if rng.random() < 0.5:
            meta["tags"] = [rng.choice(tags).slug]
        body = "Estimate given at the press conference." if index % 2 else ""
        briefing.of_kind("figures").append(Record("figures", f"figure-{index + 1:05d}", meta, body))


def _use_every_tag(briefing: Briefing, tags: list[Record]) -> None:
    """Give every tag at least one record, so each tool writes the same tag pages."""
    used = {slug for record in briefing.of_kind("takeaways") for slug in record.meta.get("tags", ())}
    used |= {slug for kind in ("quotes", "events") for record in briefing.of_kind(kind) for slug in record.meta.get("tags", ())}
    takeaways = briefing.of_kind("takeaways")
    for index, tag in enumerate(tag for tag in tags if tag.slug not in used):
        takeaways[index % len(takeaways)].meta["tags"].append(tag.slug)
