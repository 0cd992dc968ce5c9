"""Who a he/she means when the writer brings someone in between two quotes: the person the
prose just made its subject, and when that person is unnamed or the reference is open, no
earlier speaker (`unknown` beats a guess). Fictional pattern cases, one per rule."""

from __future__ import annotations

from .test_quotes import quotes


def _people(found):
    return [q[2] for q in found]


def _recorded(found):
    """Each quote's speaker, with the name of its person record (None: no record, as for a description)."""
    return [(q[1], None if q[2] in (None, "(described)") else q[2]) for q in found]


def test_a_subject_set_off_by_an_age_is_whom_the_next_pronoun_means():
    # "Larsen, 71, walked …": a family name, the age newsrooms set after it, then the verb
    found, _ = quotes("“The river is rising,” said Tomas Brandvold, adding that his crews were ready.",
                      "The boatyard below the bridge belongs to Piet Larsen.",
                      "Larsen, 71, walked the embankment at dawn with his dog.",
                      "“It will hold until Friday,” he said.")
    assert _people(found) == ["Tomas Brandvold", "Piet Larsen"]
    found, _ = quotes("“We have sandbags,” said Nora Osei, adding that her volunteers were tired.",
                      "Ingrid Falk took over the shelter from her mother.",
                      "Falk, now 58, has run it since 2011 and knows every family by her own count.",
                      "“We are full already,” she said.")
    assert _people(found) == ["Nora Osei", "Ingrid Falk"]


def test_it_said_paragraphs_after_the_organisation_last_heard_is_no_one():
    # the council spoke two paragraphs up; a club came in between: "they said" is not the council's
    found, review = quotes("Harrowgate Council said the pool would close. “We have no choice,” the council said.",
                           "The swimming club, which trains there four nights a week, was told on Friday.",
                           "Members held a meeting in the car park.",
                           "They said: “Forty children will have nowhere to swim.”")
    assert _people(found) == ["Harrowgate Council", None]
    assert any("Forty children" in note["text"] for note in review)
    # the paragraph right after still reaches it
    found, _ = quotes("Harrowgate Council said the pool would close. “We have no choice,” the council said.",
                      "“The roof is unsafe,” it added.")
    assert _people(found) == ["Harrowgate Council", "Harrowgate Council"]


def test_an_unnamed_speaker_described_by_a_relative_clause_takes_the_next_pronoun():
    # "A former … who …, and who …, said" brings in someone new: her "she said" is not the named
    # speaker's before her
    found, _ = quotes("“The pipes were replaced,” said Dana Whitlock, the plant manager.",
                      "A former night-shift operator who worked at the plant for a decade, and who spoke on condition "
                      "of anonymity because she still lives in the town, said the alarms were switched off.",
                      "“Nobody wanted to hear it,” she said.")
    assert [q[1] for q in found] == ["Dana Whitlock", "A former night-shift operator"]


def test_a_pronoun_after_a_definite_description_that_fits_no_one_is_not_an_earlier_speaker():
    # "the former senator argued" names no one the article has given that role: the "he" after
    # it is that unnamed person's, never the analyst quoted before
    found, _ = quotes("“He will struggle on defence,” said Marek Vollan, a pollster.",
                      "The campaign has spent the week explaining old speeches.",
                      "In a lecture in 2015, the former senator argued that the fleet was “a museum”.",
                      "“You could sell half the ships tomorrow,” he said.")
    assert [q[1] for q in found] == ["Marek Vollan", "the former senator", "the former senator"]


def test_a_spokesperson_for_an_organisation_goes_on_speaking_for_it():
    found, _ = quotes("“Staff are exhausted,” said Ruth Amadi, the union's general secretary.",
                      "But a spokesperson for the Northfield Hospitals Trust said rotas had improved.",
                      "“We have hired forty nurses this year,” he said.")
    assert _people(found) == ["Ruth Amadi", "Northfield Hospitals Trust"]


def test_the_one_person_a_paragraph_brings_in_is_whom_its_pronoun_means():
    # the paragraph names one person, new to the story, and then "she said": her words, not the
    # doctor's quoted before
    found, _ = quotes("“The ward is full,” said Dr Hana Keller, adding that she had not slept.",
                      "Among those who waited longest was 31-year-old Mira Sandoval, who had walked from the coast. "
                      "“We slept on the floor,” she said.")
    assert _people(found) == ["Hana Keller", "Mira Sandoval"]
    # a pronoun before the name leaves it open: the name may be whom she spoke to
    found, _ = quotes("“The ward is full,” said Dr Hana Keller, adding that she had not slept.",
                      "She later met Mira Sandoval, who had walked from the coast. “We need more beds,” she said.")
    assert _people(found)[1] != "Mira Sandoval"


def test_a_subject_after_but_is_whom_the_next_pronoun_means():
    found, _ = quotes("“Rents are too high,” said Owen Brask, adding that his flatmates agreed.",
                      "Adeyemi Cole heads the tenants' union.",
                      "“We will strike,” said Owen Brask.",
                      "But Cole is wary of what he calls a rush to strike. “Not yet,” he says.")
    assert _people(found) == ["Owen Brask", "Owen Brask", "Adeyemi Cole"]


def test_described_speakers_get_no_record_of_their_own():
    # "One, who …, said": one of a group just named, no person called "One"
    found, _ = quotes("Head teachers reacted with anger to the plan. One, who asked not to be named, said: "
                      "“We were never consulted.”")
    assert _recorded(found) == [("One", None)]
    # "The harbour café" is a place described, not an organisation's name
    found, _ = quotes("The Quayside Grill will close on Monday.",
                      "The Harbour Row spot said “there is no point opening for six people”.")
    assert _recorded(found) == [("The Harbour Row spot", None)]
    # "the elder Brandt" is one of two Brandts: which, the text leaves open
    found, _ = quotes("Kai Brandt signed for the club on Monday. His father, Jonas Brandt, played there in 1990.",
                      "“He cried when he heard,” the elder Brandt said.")
    assert [(q[1], q[2]) for q in found] == [(None, None)]


def test_an_apposition_before_a_relative_clause_stays_the_role():
    found, _ = quotes("Ada Voss, the Green MP for Harlow East, who backs the bill, said it ended “zero-hours misery”.")
    assert _recorded(found) == [("Ada Voss", "Ada Voss")]
    found, _ = quotes("Dr Lena Orum, chief executive of Fenwick Water, which runs the plant, said: “We got this wrong.”")
    assert _recorded(found) == [("Lena Orum", "Lena Orum")]
    # the role first, the name set off after it, then the verb: "and said," is the named one's
    found, _ = quotes("Our coach, Brenna Holt, walked into the dressing room and said, “Nobody leaves until it's fixed.”",
                      "My uncle, Tobiah, used to say, “The sea keeps what it takes.”")
    assert _recorded(found) == [("Brenna Holt", "Brenna Holt"), ("Tobiah", "Tobiah")]


def test_verbs_of_saying_beyond_said():
    # "alleged", "remembers" (inverted), "agrees that", "points out that", "what she calls": each
    # gives the quote to its subject
    found, _ = quotes("Councillor Ines Marlow alleged that the depot had “ignored four inspections”.",
                      "“The nets were full every morning,” remembers Pavel Orzech, a retired skipper.",
                      "Dr Joy Kimani agrees that the rules are “far too loose for a city this size”.",
                      "Tariq Sallow points out that the pool is “the only one for twenty miles”.",
                      "But Sallow is wary of what he calls the “quiet closure” of the baths.")
    assert _people(found) == ["Ines Marlow", "Pavel Orzech", "Joy Kimani", "Tariq Sallow", "Tariq Sallow"]


def test_a_name_that_takes_the_verb_past_a_relative_clause_is_the_speaker():
    # "A fisherman who …" opens the sentence, but a conjunction or a semicolon brings in the one who speaks
    found, _ = quotes("A fisherman who mends nets by the quay nodded as Mayor Ada Moss said: “The harbour is ours.”")
    assert _people(found) == ["Ada Moss"]
    found, _ = quotes("A fisherman who lives by the quay waved at the boats; Ada Moss said: “The harbour is ours.”")
    assert _people(found) == ["Ada Moss"]
    found, _ = quotes("A fisherman who mends nets stood by when Ada Moss told reporters: “The harbour is ours.”")
    assert _people(found) == ["Ada Moss"]
    # the name inside the relative clause is its object: the one described speaks
    found, _ = quotes("A fisherman who met Ada Moss last week said: “The harbour is ours.”")
    assert _recorded(found) == [("A fisherman", None)]
    found, _ = quotes("A fisherman who mends nets for the harbourmaster, Ivo Lind, said: “The harbour is ours.”")
    assert _recorded(found) == [("A fisherman", None)]


def test_a_role_and_name_after_the_sentence_subject_do_not_take_its_verb():
    # "Ada Moss thanked the director, Emil Varga, as …, and then added": Moss opened the sentence and goes on speaking
    found, _ = quotes("Ada Moss thanked the director, Emil Varga, as the crowd cheered, and then added: “The harbour is ours.”")
    assert _people(found) == ["Ada Moss"]
    found, _ = quotes("She thanked her coach, Emil Varga, as the crowd cheered, and then added: “The harbour is ours.”")
    assert "Emil Varga" not in _people(found)


def test_a_speaker_set_aside_between_dashes_is_not_whom_the_next_pronoun_means():
    # the aside's described writer is a digression; the sentence goes back to the singer
    found, _ = quotes("The singer Mara Quill woke from a minor operation with her head full of tunes.",
                      "“Everything turned into music,” Quill said.",
                      "Charming as that sounds — the late physician wrote about such cases in his memoir — Quill "
                      "was not amused. “I could not work,” she said.")
    assert _people(found) == ["Mara Quill", "Mara Quill"]


def test_a_person_described_after_a_spokesperson_stops_the_spokesperson_going_on():
    # "Later the mayor was less sure.": the he/she after may be the mayor's, never simply the union's
    found, _ = quotes("A spokesperson for the Varrow Dockers Union said talks would resume.",
                      "Later the mayor, who chairs the port board, was less sure. “We will see,” she said.")
    assert _people(found) == [None]
