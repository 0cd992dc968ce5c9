"""Pronoun back-references: he/she go to the last named speaker of a fitting gender, known
only from what the text says; when the text leaves it open, the quote stays unknown."""

from __future__ import annotations

from .test_quotes import quotes


def _speakers(found):
    return [q[1] for q in found]


def test_he_without_any_gender_in_the_text_is_ambiguous_not_a_guess():
    found, review = quotes("“Costs will rise,” said Tom Rask.",
                           "“We disagree,” said Lisa Moor.",
                           "He added: “Delay will cost more.”")
    assert _speakers(found) == ["Tom Rask", "Lisa Moor", None]
    assert any(n["kind"] == "attribution" and "Delay will cost more" in n["text"] for n in review)


def test_he_skips_a_speaker_the_text_made_a_woman():
    found, _ = quotes("“Costs will rise,” said Tom Rask.",
                      "“We disagree,” said Lisa Moor, adding that her team had checked the numbers.",
                      "He added: “Delay will cost more.”")
    assert _speakers(found) == ["Tom Rask", "Lisa Moor", "Tom Rask"]


def test_titles_give_the_gender():
    found, _ = quotes("Mrs Lisa Moor chairs the board and Mr Tom Rask runs the depot.",
                      "“Costs will rise,” said Tom Rask.",
                      "“We disagree,” said Lisa Moor.",
                      "“Delay will cost more,” he said.",
                      "“Not at all,” she replied.")
    assert _speakers(found) == ["Tom Rask", "Lisa Moor", "Tom Rask", "Lisa Moor"]


def test_a_pronoun_once_resolved_gives_the_gender():
    found, _ = quotes("“Costs will rise,” said Tom Rask.",
                      "“And soon,” he added.",
                      "“We disagree,” said Lisa Moor.",
                      "“Not at all,” she said.",
                      "“Delay will cost more,” he said.")
    # Tom Rask is "he" once the only speaker was; then "she" can only be Lisa Moor
    assert _speakers(found) == ["Tom Rask", "Tom Rask", "Lisa Moor", "Lisa Moor", "Tom Rask"]


def test_quote_after_an_ambiguous_pronoun_attribution_does_not_inherit():
    found, _ = quotes("“Costs will rise,” said Tom Rask.",
                      "“We disagree,” said Lisa Moor.",
                      "“Delay will cost more,” he said.")
    assert _speakers(found) == ["Tom Rask", "Lisa Moor", None]


def test_single_speaker_pronoun_still_resolves():
    found, _ = quotes("“Costs will rise,” said Tom Rask.", "“Delay will cost more,” she said.")
    assert _speakers(found) == ["Tom Rask", "Tom Rask"]


def test_told_an_agency_is_via_for_that_quote_only():
    found, _ = quotes("“Costs will rise,” Tom Rask told Reuters.",
                      "“Delay will cost more,” he said later.")
    assert [q[3] for q in found] == ["Reuters", None]
    assert _speakers(found) == ["Tom Rask", "Tom Rask"]


def test_role_words_and_reported_clauses_give_the_gender():
    found, _ = quotes("“Costs will rise,” said Tom Rask.",
                      "“We disagree,” said Lisa Moor, a spokeswoman for the depot.",
                      "“Delay will cost more,” he said.")
    assert _speakers(found) == ["Tom Rask", "Lisa Moor", "Tom Rask"]
    found, _ = quotes("“Costs will rise,” said Tom Rask.",
                      "Lisa Moor told Tom Rask that she would “wait and see”.",
                      "“Delay will cost more,” he said.")
    assert _speakers(found) == ["Tom Rask", "Lisa Moor", "Tom Rask"]


def test_a_speaker_introduced_after_the_others_fell_silent_takes_the_pronoun():
    found, _ = quotes("“Costs will rise,” said Tom Rask.",
                      "The depot opened in 1990.", "It has 40 trams.", "Repairs take weeks.",
                      "“We disagree,” said Lisa Moor, who runs a repair yard.",
                      "“Delay will cost more,” he said.")
    assert _speakers(found) == ["Tom Rask", "Lisa Moor", "Lisa Moor"]


def test_a_sentence_subject_is_who_the_next_pronoun_means_and_gives_the_date():
    found, _ = quotes("“Costs will rise,” said Tom Rask.",
                      "“We disagree,” said Lisa Moor, adding that her team had checked.",
                      "“They are wrong,” said Ruben Sall, an economist.",
                      "Moor spoke again on Monday. “The numbers say otherwise,” she said.")
    assert _speakers(found)[3] == "Lisa Moor"
    assert found[3][4] == "2024-03-04"


def test_a_newly_introduced_speaker_after_a_heading_takes_he():
    found, _ = quotes("“We cannot keep two branches,” Mayor Piotr Zell told the Herald.",
                      "“It was not an easy choice,” he added.",
                      "## Reactions",
                      "Librarian Otto Fenn, who has worked at Eastgate since 1998, said the staff had not been consulted.",
                      "“We read about it in the paper,” he said.")
    assert _speakers(found) == ["Piotr Zell", "Piotr Zell", "Otto Fenn"]


def test_a_possessive_in_an_apposition_is_someone_elses():
    found, _ = quotes("Tom Rask, the mayor, spoke first. He said: “We start now.”",
                      "Lisa Moor, his deputy, followed. She said: “We agree.”")
    assert _speakers(found) == ["Tom Rask", "Lisa Moor"]


def test_an_unresolved_organisation_does_not_pass_for_the_previous_speaker():
    found, review = quotes("“Costs will rise,” said Tom Rask.", "“We disagree,” the ministry said.")
    assert _speakers(found) == ["Tom Rask", None]
    assert review
