"""Speakers of long investigative and court stories: documents that speak, unnamed sources
described by their firm, outlets by their kind, and who a pronoun can mean when several
people and papers are in play. Every article here is fictional."""

from __future__ import annotations

from .test_quotes import quotes


def _speakers(found):
    return [q[1] for q in found]


def test_a_source_described_with_a_firms_name_is_a_described_speaker():
    found, _ = quotes("“The server sat in the basement,” a former Halden Freight IT contractor recalled.",
                      "A former Orvale Logistics employee testified that the manager had proposed “every camera on the dock.”")
    assert _speakers(found) == ["a former Halden Freight IT contractor", "A former Orvale Logistics employee"]
    assert [q[2] for q in found] == ["(described)", "(described)"]  # no person record made up


def test_the_former_employee_is_someone_described_not_an_organisation():
    found, _ = quotes("Tomas Reyne ran the depot for a decade.",
                      "“It came from head office,” the former employee said.")
    assert found[0][1] == "the former employee" and found[0][2] == "(described)"


def test_a_message_from_someone_is_their_words():
    found, _ = quotes("Ilse Varga ran the night shift at the depot.",
                      "The March 3 email from Varga also called for attention to any “late trucks” at the gate.",
                      "In an email Varga sent to the crew, she wrote that the gate was “a sieve.”")
    assert _speakers(found) == ["Varga", "Varga"]


def test_an_outlet_introduced_by_its_kind_is_the_speaker():
    found, _ = quotes("The Lisbon daily O Correio reported that two men entered the archive and “took only the ledgers.”")
    assert _speakers(found) == ["O Correio"]


def test_it_after_a_sentence_about_a_document_means_the_document():
    found, _ = quotes("“They were paid late every month,” their lawyer complained.",
                      "A leaked 2019 audit by an outside accountant contracted by the port questioned the payments.",
                      "“Several invoices appear twice in the ledger,” it stated.")
    assert found[1][1] == "a leaked 2019 audit by an outside accountant"
    assert found[1][2] is None or found[1][2] != "their lawyer"  # never the person quoted before


def test_it_never_means_a_person_described_before():
    found, _ = quotes("“They were paid late every month,” their lawyer complained.",
                      "“Several invoices appear twice,” it stated.")
    assert found[1][1] is None  # no document or organisation in sight: unknown, not the lawyer


def test_a_participle_after_a_long_predicate_is_the_sentence_subjects():
    found, _ = quotes("Okafor referred to the two lost cases of the spring session at some length, saying that "
                      "“nobody thinks the advocacy decided them.”",
                      "Next, Varga's attorney accused the other side of bias, claiming the firm had pestered his client "
                      "with “rude questions about his family.”")
    assert _speakers(found) == ["Okafor", "Varga's attorney"]


def test_a_described_spokesman_dismissing_is_the_speaker():
    found, _ = quotes("A spokesman for the Orvale yard issued a flat denial of the report, dismissing it as “a fairy tale.”")
    assert found[0][1] is not None


def test_a_pronoun_after_a_clause_about_someone_means_that_person():
    found, _ = quotes("Piet Varga ran the depot until last year.",
                      "“We will appeal,” said Tomas Reyne, who says he was never paid.",
                      "When Varga was asked whether the rumour was true, he confirmed it, calling the sacking the "
                      "result of “a mess.”")
    assert _speakers(found) == ["Tomas Reyne", "Piet Varga"]


def test_a_quote_paragraph_after_one_that_moved_on_is_not_the_last_speakers():
    found, _ = quotes("A spokesman for the Orvale yard dismissed the report as “a fairy tale.” Not long after, "
                      "the yard changed hands.",
                      "“I think someone offered him a deal.”")
    assert found[1][1] is None  # a pull quote or someone new: unknown, never the yard


def test_an_answer_in_an_explicit_exchange_of_two_is_the_other_persons():
    found, review = quotes("Judge Ana Brandt pressed the port's counsel, Ines Ruiz, for an hour.",
                           "“That may be so,” Ruiz said, “but the ledger was never audited.”",
                           "“But there is a gap,” Brandt cut in. “Do you deny that?”",
                           "“There may be a small gap in one quarter, but nothing that touches the totals.”")
    assert _speakers(found)[-1] == "Ruiz"
    assert any("answer" in entry["text"] for entry in review)  # flagged for the editor


def test_an_answer_after_a_question_without_an_exchange_stays_unknown():
    found, _ = quotes("Judge Ana Brandt pressed the port's counsel, Ines Ruiz, for an hour.",
                      "The hearing then turned to the invoices.",
                      "“But there is a gap,” Brandt said. “Do you deny that?”",
                      "“There may be a small gap in one quarter.”")
    assert _speakers(found)[-1] is None


def test_a_phrase_before_a_semicolon_is_not_the_next_clauses_speakers():
    found, _ = quotes("“We will appeal,” said Tomas Reyne.",
                      "Brandt later seized on Ruiz's plea to look at “the port we want to be”; he said it rang hollow.")
    assert found[1][1] is None  # Ruiz's words as Brandt reports them: unknown, never Brandt


def test_who_is_prompted_or_goes_on_to_speak_is_the_speaker():
    found, _ = quotes("“The books balance,” said Tomas Reyne.",
                      "Reyne began another attack that prompted Judge Orla Finch to quip the hearing sounded like "
                      "“a stuck record.”",
                      "The files reached Piet Varga, who proceeded to tell his crew, “these people want it in English.”")
    assert _speakers(found) == ["Tomas Reyne", "Orla Finch", "Piet Varga"]


def test_an_outlet_written_as_one_word_is_the_source():
    found, _ = quotes("According to HarbourNewsDaily, under Varga's watch, “the crew used a decoy and their own divers.”")
    assert _speakers(found) == ["HarbourNewsDaily"]


def test_instructions_to_staff_are_the_instructors_words():
    found, _ = quotes("Piet Varga ran the night shift.",
                      "To keep the office in the dark, Varga instructed his crew, “Nobody logs in from the office.”")
    assert _speakers(found) == ["Varga"]


def test_her_as_an_object_gives_the_subject_no_gender():
    found, _ = quotes("Ines Ruiz said she had checked every invoice.",
                      "“Is that so?” asked Tomas Brandt, who said he had read the file.",
                      "Brandt cut her off: “We have heard enough.”",
                      "Brandt told Ruiz it appeared she wanted more time. “Is that right?” he asked.",
                      "“I was not finished,” she said.")
    assert [q[2] for q in found][-2:] == ["Tomas Brandt", "Ines Ruiz"]


def test_a_critic_named_after_her_paper_is_the_speaker():
    found, _ = quotes("“It gets louder every time you think about it,” the Clarion's critic, Hana Okoro, wrote in her review.")
    assert found[0][2] == "Hana Okoro"


def test_a_quoted_name_before_the_noun_it_labels_is_no_quote():
    found, _ = quotes("“It grows on you,” Hana Okoro wrote after the premiere in the festival's “Fresh Eyes” strand.",
                      "“Hydrate” was the boy's favourite word, his mother said.")
    assert [q[0] for q in found] == ["It grows on you,", "Hydrate"]
