"""Quotes: spans, partials, and who said them, from plain paragraphs."""

from __future__ import annotations

import datetime as dt

from briefing_gen.dates import PartialDate
from briefing_gen.ingest.attribution import speech_events
from briefing_gen.ingest.people import PeopleRegistry
from briefing_gen.ingest.quotes import find_spans, is_partial, parse_caption
from briefing_gen.ingest.speakers import find_quotes

PUBLISHED = dt.date(2024, 3, 7)  # a Thursday
EVENT = PartialDate(2024, 3, 4)


def quotes(*paragraphs: str):
    found, review = find_quotes(list(paragraphs), PUBLISHED, PeopleRegistry(), EVENT)
    return [(q.text, q.speaker, q.person.final().name if q.person else None, q.via,
             q.said_on.iso() if q.said_on else "unknown", q.partial) for q in found], review


def test_spans_curly_straight_and_reopened():
    assert [s.text for s in find_spans('He said "yes," and “no.”')] == ["yes,", "no."]
    spans = find_spans("“First part. “Second part.”")
    assert [s.text for s in spans] == ["First part.", "Second part."] and spans[1].reopened


def test_partial_quotes():
    paragraph = "Putin said there were “opportunities” and a “long road ahead” for talks."
    assert [is_partial(paragraph, s) for s in find_spans(paragraph)] == [True, True]
    full = "He added: “We will win this. Nobody doubts it.”"
    assert [is_partial(full, s) for s in find_spans(full)] == [False]


def test_caption():
    caption = parse_caption("<Ana Ruiz / Mayor of Selm (last month)> “Hello.”")
    assert (caption.name, caption.role, caption.when) == ("Ana Ruiz", "Mayor of Selm", "last month")
    assert parse_caption("<Ana Ruiz> “Hello.”").role is None


def test_caption_quotes_take_speaker_role_and_date():
    found, _ = quotes("<Ana Ruiz / Mayor of Selm (last month)> “We are ready. We have waited.” “Next.”")
    assert found == [("We are ready. We have waited.", "Ana Ruiz", "Ana Ruiz", None, "2024-02", False),
                     ("Next.", "Ana Ruiz", "Ana Ruiz", None, "2024-02", False)]


def test_split_quote_around_said_adding():
    found, _ = quotes("“There is a lot of interest,” Ana Ruiz said, adding: “They are trying hard.”")
    assert [(q[0], q[1]) for q in found] == [("There is a lot of interest,", "Ana Ruiz"), ("They are trying hard.", "Ana Ruiz")]


def test_inverted_attribution_with_role_is_undated_commentary():
    found, _ = quotes("“Supply is short,” said Ben Ode, an analyst at the Fjord Institute.")
    assert found == [("Supply is short,", "Ben Ode", "Ben Ode", None, "unknown", False)]


def test_told_an_agency_is_via():
    found, _ = quotes("“It is over,” Ben Ode, a former envoy, told AFP.")
    assert found[0][1:4] == ("Ben Ode", "Ben Ode", "AFP")


def test_media_quoted_him_as_saying():
    found, _ = quotes("According to the spokesman Ivo Brandt, the two sides talked.",
                      "“We talked about a board,” state radio quoted him as saying.")
    assert found == [("We talked about a board,", "Ivo Brandt", "Ivo Brandt", "state radio", "unknown", False)]


def test_according_to_before_a_quote():
    found, _ = quotes("According to Mira Holt, “the dam will not be finished this decade.”")
    assert found[0][1] == "Mira Holt" and found[0][5] is True


def test_pronoun_resolves_to_last_named_speaker_across_paragraphs():
    found, _ = quotes("Ana Ruiz told Ben Ode that she expected a “fair deal” soon.",
                      "Ode left the room early.",
                      "“We are confident,” she said at dinner.")
    assert found[1][1:3] == ("Ana Ruiz", "Ana Ruiz")


def test_pronoun_he_skips_places_and_organisations():
    found, _ = quotes("“The summit matters,” Pavel Sorn told Reuters.",
                      "An alliance of Norland, Estavia and the Lake Commission could follow.",
                      "“I think so,” he said.")
    assert found[1][1:4] == ("Pavel Sorn", "Pavel Sorn", None)  # "told Reuters" relays only its own quote


def test_quote_only_paragraph_continues_the_previous_speaker():
    found, _ = quotes("“The talks were good,” the Harbour News Agency reported.",
                      "“Both sides agreed to meet again.”")
    assert [q[1] for q in found] == ["Harbour News Agency", "Harbour News Agency"]
    assert [q[4] for q in found] == ["2024-03-07", "2024-03-07"]  # an agency's report: the day of publication


def test_organisation_as_speaker_from_a_study():
    found, _ = quotes("In a study published on Friday, the Lake Basin Commission concluded that “the basin is dry.”")
    assert found == [("the basin is dry.", "Lake Basin Commission", "Lake Basin Commission", None, "2024-03-01", True)]


def test_the_news_agency_resolves_to_the_agency_named_before():
    found, _ = quotes("The Korean Central News Agency (KCNA) carried the speech.",
                      "“The visit was a success,” the news agency reported.")
    assert found[0][1] == "the news agency"


def test_unattributed_quote_stays_unknown_and_is_flagged():
    found, review = quotes("Leaders enjoyed a “historic meeting” on Monday.")
    assert found == [("historic meeting", None, None, None, "unknown", True)]
    assert review[0]["kind"] == "attribution"


def test_words_inside_quotes_are_not_attributions():
    found, _ = quotes("“Kim said we should wait,” Ana Ruiz said.")
    assert found[0][1] == "Ana Ruiz"


def test_speech_events_find_subjects():
    [event] = speech_events("In return, Putin said: ___")
    assert event.speaker.text == "Putin"
    [event] = speech_events("___ North Korea’s central news agency KCNA reported.")
    assert (event.speaker.text, event.speaker.kind, event.speaker.role) == ("KCNA", "organization", "North Korea’s central news agency")


def test_a_quote_running_over_paragraphs_takes_the_speaker_at_its_end():
    found, review = quotes("“The first part of a long statement goes on here.",
                           "“And it ends here,” Ana Ruiz said.")
    assert [q[1] for q in found] == ["Ana Ruiz", "Ana Ruiz"]
    assert not [n for n in review if n["kind"] == "attribution"]


def test_segment_labels_are_not_captions():
    assert parse_caption("<Anchor> Good evening.") is None
    assert parse_caption("[Reporter] The talks went on.") is None
    assert parse_caption("[Ana Ruiz / Mayor] “Yes.”").name == "Ana Ruiz"
    assert parse_caption("<Interview: Ana Ruiz / Mayor> “Yes.”").name == "Ana Ruiz"


def test_caption_without_quote_marks_is_a_quote_when_it_has_a_role():
    found, _ = quotes("<Ana Ruiz / Mayor of Selm> We are ready for the tram.")
    assert found[0][:3] == ("We are ready for the tram.", "Ana Ruiz", "Ana Ruiz")


def test_a_spokesman_for_an_organisation():
    found, _ = quotes("“The line is closed,” a spokesman for the Harbour Rail Company said.")
    assert found[0][1:3] == ("Harbour Rail Company", "Harbour Rail Company")


def test_blockquoted_quote_continues_the_previous_speaker():
    found, _ = quotes("“We are ready,” Ana Ruiz said.", "> “And we are not afraid.”")
    assert [q[1] for q in found] == ["Ana Ruiz", "Ana Ruiz"]


def test_common_attribution_shapes():
    cases = {
        "Moon Jae-in, South Korea's president, told reporters: “The door is open.”": ("Moon Jae-in", "South Korea's president", None),
        "“This is a turning point,” said Dr. Sarah Lin of Tokyo University.": ("Sarah Lin", None, None),
        "“We are ready,” Kim Jong Un was quoted as saying by KCNA.": ("Kim Jong Un", None, "KCNA"),
        "Tom Hale, 45, said “the market is dead.”": ("Tom Hale", None, None),
        "“We expect progress,” U.S. Secretary of State Antony Blinken said in Seoul.": ("Antony Blinken", "U.S. Secretary of State", None),
        "“We want peace,” Kim Jong Un said on Tuesday, according to the KCNA news agency.": ("Kim Jong Un", None, "KCNA news agency"),
    }
    for paragraph, (speaker, role, via) in cases.items():
        [found] = find_quotes([paragraph], PUBLISHED, PeopleRegistry(), EVENT)[0]
        assert found.speaker == speaker, paragraph
        assert role is None or found.role == role, paragraph
        assert found.via == via, paragraph


def test_generic_plural_subjects_are_not_people():
    found, review = quotes("Officials said the deal was “close”.")
    assert found[0][1] is None and review


def test_short_full_sentence_is_not_partial():
    found, _ = quotes("Asked whether talks would resume, Kim Min-jun replied: “Not yet.”")
    assert found[0][1] == "Kim Min-jun" and found[0][5] is False


def test_pull_quote_signed_with_a_dash():
    found, _ = quotes("> “Every lantern is a thank-you.” — Edda Moray, lantern maker")
    assert found[0][1] == "Edda Moray"


def test_a_work_named_after_an_owner_a_programme_or_called_is_a_title_even_beside_a_speech_verb():
    found, _ = quotes(
        "“We never planned a sequel,” Ines Varga said in an interview on KTVX’s “Morning Table.”",
        "Varga said the studio had loved Tomas Brandt’s “Salt Road Winter” and hoped to match it.",
        "She said the crew spent a year on the Kestrel Valley set, known as “Little Harbour.”",
        "“It felt like home,” she said of the set.",
        "Brandt said Varga’s “we will be back” had become the crew’s motto.")
    texts = [text for text, *_ in found]
    assert "Morning Table." not in texts and "Salt Road Winter" not in texts and "Little Harbour." not in texts
    assert "We never planned a sequel," in texts and "It felt like home," in texts
    assert "we will be back" in texts  # words in a possessive that are no title stay a quote


def test_a_name_in_title_case_is_no_quote_even_where_someone_speaks():
    # three words or more in Title Case that end no sentence name a principle, a programme or a report
    found, _ = quotes("Tenants must give “Clear, Written and Prior Approval” to any works, the charter says.",
                      "Ruiz told “KTV Tonight Live” host Ben Ode, “We are ready.”",
                      "The council’s review, “Harbour Ferries: Lessons from the First Winter”, found the costs were "
                      "“badly underestimated”, Ode said.")
    assert [q[0] for q in found] == ["We are ready.", "badly underestimated"]
    # a comedy or a slogan named after its genre word, whatever the sentence says of it
    found, _ = quotes("Ode said the prize should have gone to the comedy “Tidewater.”")
    assert found == []
    # short words said in Title Case stay quotes: a vocative, a reply
    found, _ = quotes("“No, Judge Varga,” Ode replied.", "“Two Is Enough,” Ruiz said.")
    assert [q[0] for q in found] == ["No, Judge Varga,", "Two Is Enough,"]
