"""said_on.py on plain strings: a date dates the words only from the speech verb's own clause."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing_gen.ingest.attribution import speech_events
from briefing_gen.ingest.people import PeopleRegistry
from briefing_gen.ingest.said_on import clause_date, occasion_date, occasion_dates, reported_speech_day, unclaimed_date
from briefing_gen.ingest.speakers import find_quotes

WEDNESDAY = dt.date(2025, 4, 16)


def _dated(sentence: str) -> str | None:
    """The date of the sentence's last speech event, as ISO, or None."""
    event = speech_events(sentence)[-1]
    date = clause_date(sentence, event.start, event.end, WEDNESDAY)
    return date.iso() if date else None


@pytest.mark.parametrize("sentence, expected", [
    ("Ana Ruiz said on Monday that the plan was late.", "2025-04-14"),
    ("Last night, a council spokesperson said the plan was late.", "2025-04-15"),
    ("In late March, Dr Tom Hale estimated the cost at a million.", "2025-03"),
    ("Tom Hale told reporters on Monday the plan was late.", "2025-04-14"),
    ("Tom Hale, who ran for the seat in 2012, said the plan was late.", None),
    ("Tom Hale said a man came into the shop on Monday.", None),
    ("Tom Hale, speaking ahead of Thursday's vote, said the plan was late.", None),
    ("Tom Hale told NBC News' Today show the plan was late.", None),
    ("According to Tom Hale, the sky went dark yesterday.", None),
    ("Tom Hale earlier this week said the plan was late.", "2025-04"),
    ("Tom Hale said in a statement Friday that the plan was late.", "2025-04-11"),
    ("Tom Hale told reporters at the White House on Monday the plan was late.", "2025-04-14"),
    ("Tom Hale said at a campaign rally in Ohio on Monday the plan was late.", "2025-04-14"),
    ("Tom Hale said in televised remarks on Monday the plan was late.", "2025-04-14"),
    ("Tom Hale said the plant closed on Monday.", None),
    ("Tom Hale said he was attacked on Monday.", None),
    ("Tom Hale said the attack on Monday was cowardly.", None),
    ("Tom Hale recalled the drought of 2019.", None),
    ("Tom Hale said during Monday's council meeting that the plan was late.", "2025-04-14"),
    ("Tom Hale said ahead of Monday's council meeting that the plan was late.", None),
])
def test_only_the_verbs_own_clause_dates_the_words(sentence, expected):
    assert _dated(sentence) == expected


def test_a_clause_set_off_after_the_time_leaves_the_time_to_the_saying():
    assert _dated("In 2019, after the harbour bill passed, Tom Hale called it a gift to the shippers.") == "2019"
    assert _dated("After the harbour bill passed in 2019, Tom Hale called it a gift to the shippers.") is None


def test_a_date_inside_the_attribution_dates_it():
    sentence = "The delays were huge, according to a report by the National Audit Office published last month."
    assert _dated(sentence) == "2025-03"


def test_an_occasion_dated_earlier_dates_words_said_there():
    occasions = occasion_dates("Residents who spoke at Monday night's hearing were divided.", WEDNESDAY)
    assert occasion_date("said one resident at the hearing", occasions).iso() == "2025-04-14"
    assert occasion_date("said one resident at the market", occasions) is None


@pytest.mark.parametrize("sentence, expected", [
    ("Officials said on Monday that _______.", "2025-04-14"),
    ("But last night, the Government came out fighting by branding the letter _______.", "2025-04-15"),
    ("The Government came out fighting by branding the letter _______ yesterday.", "2025-04-15"),  # after its object
    ("Officials said on Monday that the _______ plan would be dropped on Tuesday, a minister said yesterday.", None),
    ("Critics have long called the scheme _______.", None),
])
def test_a_quote_no_attribution_claims_takes_the_date_of_the_sentences_speech(sentence, expected):
    date = unclaimed_date(sentence, speech_events(sentence), WEDNESDAY)
    assert (date.iso() if date else None) == expected


def _said_on(*paragraphs: str, published: dt.date = WEDNESDAY) -> list[str]:
    """The said_on of every quote of an article, as the ingest dates them (ISO or "unknown")."""
    found, _ = find_quotes(list(paragraphs), published, PeopleRegistry(), reported_speech_day(list(paragraphs), published))
    return [q.said_on.iso() if q.said_on else "unknown" for q in found]


def test_a_lede_that_dates_an_event_dates_no_one_s_words():
    assert _said_on("The Dunmere bus depot flooded on Monday.",
                    "“We lost six buses,” said depot manager Oren Fask.") == ["unknown"]


def test_a_lede_that_dates_an_occasion_dates_what_was_said_there():
    assert _said_on("The Varrow council approved the new bridge on Monday after a long debate.",
                    "“It is a good day for the town,” said council leader Tilda Mohr.") == ["2025-04-14"]
    assert _said_on("The Kell tram line carried its first passengers on Monday.",  # an opening
                    "“Ten years of planning,” said Mayor Sven Adler.") == ["2025-04-14"]


def test_a_dateline_is_when_the_story_was_filed_not_an_occasion():
    assert _said_on("HALDEN, Norvia, April 14 (Coast Wire) - Bakers will strike next week, their union said on Monday.",
                    "“We cannot live on this,” said a baker, Per Lund.") == ["unknown"]


def test_someone_whose_first_words_were_undated_is_not_at_the_ledes_occasion():
    assert _said_on("Mayor Ilse Korvan signed the harbour deal on Monday in Tarrow.",
                    "“This keeps the boats here,” Korvan said.",
                    "“It comes ten years late,” Mr. Olu Brandvik, a fisherman, insisted.",
                    "“Still, it will help my sons,” Brandvik argued.") == ["2025-04-14", "unknown", "unknown"]


@pytest.mark.parametrize("sentence, expected", [
    ("Rolf Brenn recalled the first winter in January, when the pipes froze.", None),  # what is remembered
    ("The guild said in its formal complaint, lodged in March, that the fees were unfair.", "2025-03"),
    ("The league urged calm in a statement issued late on Friday.", "2025-04-11"),
    ("The league urged _____ in a statement issued late on Friday.", "2025-04-11"),  # the quote is the object
    ("Ona Fitch called the offer _____ in a statement Monday evening.", "2025-04-14"),
    ("Ona Fitch called it a _____ of pay talks on Monday.", None),  # the talks' day
    ("Coach Ada Rusk said after last weekend's win that the team was tired.", "2025-04"),
    ("Opening the case on Monday, Ivo Ness KC, for the council, told the jury the fees were unfair.", "2025-04-14"),
    ("Ilse Maro, who toured the plant on Monday, asked the workers about pay.", "2025-04-14"),
    ("Ilse Maro, who ran for the seat on Monday, asked the workers about pay.", None),  # not an occasion she spoke at
])
def test_more_ways_a_clause_dates_its_words(sentence, expected):
    assert _dated(sentence) == expected


def test_a_when_clause_is_at_the_date_it_follows():
    sentence = "The towns last fell out in 2019, when the then mayor, Ugo Brask, called the plan _____."
    assert unclaimed_date(sentence, speech_events(sentence), WEDNESDAY).iso() == "2019"
    sentence = "The towns last fell out in 2019, because Ugo Brask called the plan _____."
    assert unclaimed_date(sentence, speech_events(sentence), WEDNESDAY) is None


def test_a_standfirst_before_the_lede_is_skipped():
    assert _said_on("Tam Orr's first film takes the top prize; a local short wins the jury award",
                    "Tam Orr's film won the Silver Gull at the Brenn Film Festival on Monday night.",
                    "“We made it with six friends,” Orr said as he accepted the award.",
                    "“It was the only choice,” the jury president, Lise Hald, told reporters after the ceremony.") \
        == ["2025-04-14", "2025-04-14"]


def test_someone_reached_on_their_own_is_not_at_the_occasion():
    assert _said_on("Tam Orr's film won the Silver Gull at the Brenn Film Festival on Monday night.",
                    "The novelist Ana Vik, reached by phone in Oslo, said she had one condition.",
                    "“He must keep the ending,” Vik said.") == ["unknown"]


def test_someone_placed_at_a_dated_hearing_spoke_there():
    assert _said_on("A former clerk took money from the club, a court has heard.",
                    "The club's chair, Moira Dunn, who is no relation of the clerk, gave evidence on Monday afternoon.",
                    "“We trusted him,” she told the court.",
                    "Asked by the defence whether the club had audited its books, Ms Dunn replied: “Never.”") \
        == ["2025-04-14", "2025-04-14"]
    assert _said_on("Council member Pia Lund was less patient at Monday's hearing.",
                    "“We have waited long enough,” Lund said.") == ["2025-04-14"]


def test_a_question_put_on_a_day_dates_the_answer():
    assert _said_on("When I asked the harbour master, Ines Roos, on Thursday whether the pier would open, she paused.",
                    "“Possibly,” she said at last.") == ["2025-04-10"]
    assert _said_on("Minister Ola Berg, who visited the school on Monday, asked a class: “Who reads at home?”",
                    "“Most of us,” replied a boy at the back.") == ["2025-04-14", "2025-04-14"]


def test_questions_at_a_dated_news_conference_and_a_question_for_comment():
    found = _said_on("The harbour police held a news conference on Monday about the stolen boats.",
                     "“All the boats are back,” Chief Lena Brandt told the news conference.",
                     "The thieves came at night. The insurers paid out in March.",
                     "Asked at the end of the news conference when the boats would sail, Brandt smiled. “Soon,” she said.",
                     "Asked for comment, the boat owners' spokesman, Per Alm, said: “We are glad.”")
    assert found == ["2025-04-14", "2025-04-14", "unknown"]


def test_at_the_time_and_then_point_back_to_the_sentences_date():
    assert _said_on("Dr Ruth Kale's team published a first study in 2022, which she described at the time as “a start.”") \
        == ["2022"]
    assert _said_on("When we first spoke in March, Sina Pell was blunter. “I want a new kitchen,” she told me then.") \
        == ["2025-03"]


def test_hearsay_and_unnamed_speakers_carry_no_release_date():
    assert _said_on("The pair announced their split last month.",
                    "The singer is said to have been “heartbroken” by it.",
                    "A friend of the singer told us: “He will be fine.”",
                    "A neighbour said: “They were always kind.”") == ["unknown", "unknown", "unknown"]


def test_words_to_the_outlet_are_not_the_earlier_occasions():
    assert _said_on("The shop's fortunes turned in May 2021, when the critic Ada Wren called it “the best in town”.",
                    "Wren, who has since retired, told me that she nearly stayed home. “I expected nothing,” she said.") \
        == ["2021-05", "unknown"]


def test_a_clock_time_runs_on_into_its_day():
    """"a.m. Tuesday" ends no sentence, so the day stays with the recording it dates."""
    from briefing_gen.ingest.quotes import sentences

    text = "Camera footage shows the van leaving at 6:10 a.m. Monday. Then it turned north. It left at 9 a.m. The gate shut."
    assert [text[start:end] for start, end in sentences(text)] == [
        "Camera footage shows the van leaving at 6:10 a.m. Monday.", "Then it turned north.", "It left at 9 a.m.",
        "The gate shut."]
    assert _said_on("Camera footage shows a driver leaving the depot at 6:10 a.m. Monday.",
                    "“Move your truck right now,” the driver could be heard saying.") == ["2025-04-14"]


def test_the_authors_words_are_in_the_paper_published_that_day():
    assert _said_on("Office workers may sleep better if they walk at lunch, according to a study published on Monday "
                    "in the Kell Journal of Sleep.",
                    "The study followed 80 clerks for a year.",
                    "The authors wrote that “a daily walk is a cheap and safe habit.”") == ["2025-04-14"]


def test_an_answer_now_is_not_the_remark_it_recalls():
    assert _said_on("The Rovers beat City 3-0 at Kell Park on Saturday.",
                    "Coach Ivo Lamm had called his side on Thursday “the best in the land”. "
                    "Asked whether that was rash, he replied: “One loss changes nothing.”") == ["2025-04-10", "2025-04-12"]


def test_a_paragraph_that_only_quotes_takes_the_date_that_introduced_it():
    assert _said_on("Here is Ana Pohl, who runs the bakery, speaking to our reporter a few minutes ago:",
                    "“The flour is all wet. We have nothing to sell.”") == ["2025-04-16"]
    assert _said_on("One reader, Edda Moll, lives by the works. She wrote to me last week.",
                    "“I want my road back.”") == ["2025-04"]
    assert _said_on("Kell Police have closed the coast road. They posted:",
                    "“Roads closed until noon. Stay away from the sea front.”",
                    "— Kell Police (@KellPolice) April 15, 2025") == ["2025-04-15"]


def test_words_that_run_on_after_a_dated_quote_were_said_with_it():
    assert _said_on("“He never sent a boy away,” his brother, Ivo Tamm, said in an interview on Tuesday. "
                    "“He kept the door open all night.”") == ["2025-04-15", "2025-04-15"]


# Scenes (said_on.Scene): a dated occasion the story sets once, and the quotes that stay at it.

def test_an_exchange_at_a_dated_hearing_is_said_there_until_the_story_moves_on():
    assert _said_on("Port chief Lena Okafor has run the harbour for a decade. Senator Ivo Brandt wants her gone.",
                    "During a March 2024 hearing on the harbour bill, Brandt opened with a long complaint.",
                    "“Your cranes have stood idle for a year,” Brandt said. “Who pays for that?”",
                    "“The shippers do, and they are content,” Okafor replied.",
                    "“Content?” Brandt shot back.",
                    "“Every one of them renewed,” Okafor said.",
                    "“They had no choice.”",
                    "## The budget",
                    "“We will not raise the dues,” Okafor said.") == [
        "2024-03", "2024-03", "2024-03", "2024-03", "2024-03", "2024-03", "unknown"]


def test_a_speech_quoted_in_pieces_is_one_occasion():
    assert _said_on("Tess Adler has never been a patient mayor.",
                    "Adler's first speech as mayor, given at the Kell Civic Hall on 3 March 2025, was short.",
                    "Adler thanked the hall staff first.",
                    "“We have waited long enough,” she declared. “The bridge will be built.”",
                    "For a few minutes Adler named the families who had left. “They will come back,” she said.") == [
        "2025-03-03", "2025-03-03", "2025-03-03"]


def test_a_dated_writing_dates_what_its_author_writes_in_it():
    assert _said_on("The plan is disputed by Oren Fask, an engineer at Kell University, in a commentary published on Monday.",
                    "“The numbers do not add up,” Fask writes.",
                    "Fask adds that the budget is “a wish list.”",
                    "“It is a sound plan,” writes Ida Roe, a planner, over email.") == ["2025-04-14", "2025-04-14", "unknown"]


def test_taking_part_dated_in_a_participle_clause_opens_a_scene():
    assert _said_on("Speaking at a trade fair in Kell in February, Ada Brenn praised the new port, and its manager "
                    "Ivo Lamm agreed.",
                    "“It has changed the town,” Lamm said.",
                    "“We are full every week,” he said.") == ["2025-02", "2025-02"]


def test_a_scene_ends_where_the_text_places_words_elsewhere():
    opening = "During a January 2025 debate on the harbour bill, Senator Ivo Brandt spoke first."
    assert _said_on(opening, "“It is a bad bill,” Brandt said.",
                    "“I will vote no,” Brandt later told the Kell Gazette.") == ["2025-01", "unknown"]
    assert _said_on(opening, "“It is a bad bill,” Brandt said.",
                    "In 2019, after the first bill passed, he called it “a gift to the shippers.”") == ["2025-01", "2019"]
    assert _said_on(opening, "“It is a bad bill,” Brandt said.",
                    "“I was right then and I am right now,” Brandt says.") == ["2025-01", "unknown"]
    assert _said_on(opening, "“It is a bad bill,” Brandt said.",
                    "“I will vote no,” Brandt told The Kell Courier.") == ["2025-01", "unknown"]
    assert _said_on(opening, "“It is a bad bill,” Brandt said.",
                    "Dana Obi, a lawyer who has followed the bill, was not surprised. “He always says that,” she said.",
                    "“Brandt has never liked the port,” said Obi.") == ["2025-01", "unknown", "unknown"]


def test_a_participant_who_returns_after_an_outsider_is_still_at_the_scene():
    """As the chain of a speech at a named occasion always did (articles/speech-event-carry.txt)."""
    assert _said_on("During a January 2025 debate on the harbour bill, Senator Ivo Brandt spoke first.",
                    "“It is a bad bill,” Brandt said.",
                    "Dana Obi, a lawyer, was not surprised. “He always says that,” Obi said.",
                    "“I will vote no,” Brandt said.") == ["2025-01", "unknown", "2025-01"]


def test_a_titled_name_with_a_relative_clause_is_at_the_trial_day_the_lede_reports():
    assert _said_on("Ship owner Karel Voss took the witness stand on Monday in the harbour fraud trial in Kell.",
                    "Judge Ana Vell, who has led the trial since May, at first let him speak, telling his lawyer to "
                    "“keep it short.”",
                    "“This is a court, not a rally,” Vell said later that morning.") == ["2025-04-14", "2025-04-14"]


def test_words_a_participant_is_saying_in_the_scene_are_dated_when_no_speaker_was_found():
    assert _said_on("Speaking at a trade fair in Kell in February, Ivo Lamm praised the new port. "
                    "“It has changed the town,” he said.",
                    "Lamm referred to the long dispute over the Kell and Varrow harbour dues last season, "
                    "saying that “no one blames the port.”") == ["2025-02", "2025-02"]


def test_the_day_of_that_month_is_a_day_of_the_month_the_text_last_named():
    assert _said_on("Ines Varga took over the Kell depot in March 2024 and rewrote its rota.",
                    "On the 14th of that month, Varga wrote to the drivers: “Nobody works a double shift again.”",
                    "On the 30th of the same month she wrote again: “The rota holds.”") == ["2024-03-14", "2024-03-30"]


def test_emails_sent_on_a_day_date_the_words_of_their_sender_quoted_after():
    assert _said_on("In May 2024, Ines Varga flew to Kell for talks with the owners. On the 10th of that month, she sent "
                    "a series of emails to her managers.",
                    "“Nobody can know where I am,” Varga wrote. “Not even the drivers.”",
                    "Her managers were puzzled. An organisation she called “the partners” paid for the trip.") == [
        "2024-05-10", "2024-05-10", "unknown"]


def test_a_dated_writing_act_dates_what_its_author_writes_after_not_what_they_say():
    assert _said_on("Ines Varga runs the Kell depot.",
                    "On 10 December 2024 Varga wrote to the drivers about the rota.",
                    "The drivers had asked for weekends off.",
                    "“Nobody works a double shift again,” Varga wrote. “The rota holds.”",
                    "“It was a hard winter,” Varga said.") == ["2024-12-10", "2024-12-10", "unknown"]


def test_a_story_that_moves_on_in_time_leaves_the_dated_occasion_behind():
    assert _said_on("Ana Roe left Kell after the flood.",
                    "During a 2019 interview with the Kell Courier, Roe said she would never return.",
                    "Now she runs the harbour cafe. “I was wrong,” Roe said.") == ["unknown"]
    assert _said_on("At a news conference on Monday, Mayor Ana Roe said the harbour would reopen.",
                    "“We are ready,” Roe said.",
                    "## The cafe",
                    "“I missed the boats,” Roe said.") == ["2025-04-14", "unknown"]


def test_another_occasion_named_without_a_date_is_not_the_hearing_named_before():
    assert _said_on("Auditor Moira Ince gave evidence at Tuesday's hearing on the harbour accounts.",
                    "More can be learned from an undated letter Ince wrote to the harbour board.",
                    "Typed on board paper, Ince stated that she had “never seen the accounts.”") == ["unknown"]


def test_a_voice_asked_for_comment_is_not_dated_by_the_occasion_the_lede_dates():
    assert _said_on("The Varrow council approved the new bridge on Monday after a long debate.",
                    "“It will carry the town for a century,” council leader Ruth Amsel told the meeting.",
                    "Tobias Lenk, who teaches urban planning at Kell University, said the vote was a gamble.",
                    "“Bridges age faster than councils think,” Lenk said.",
                    "Harbour Road resident Edda Sorn said the works would block her street for a year.",
                    "“Nobody asked us,” Sorn said.") == ["2025-04-14", "unknown", "unknown"]
    # where the introduction puts the resident at the occasion, the occasion dates her words
    assert _said_on("The Varrow council approved the new bridge on Monday after a long debate.",
                    "Edda Sorn, a Harbour Road resident, addressed the meeting before the vote.",
                    "“Nobody asked us,” Sorn said.") == ["2025-04-14"]


def test_words_at_the_occasion_the_lede_names_take_its_day():
    assert _said_on("The Varrow council approved the harbour plan on Monday night, after a four-hour meeting.",
                    "The chair, Cllr Nia Brand, told the meeting the decision had been “finely balanced”.",
                    "“We cannot refuse it,” she said.") == ["2025-04-14", "2025-04-14"]


def test_a_lede_whose_source_speaks_after_its_events_dates_no_one_s_words():
    # "…, authorities said.": the source of the lede's facts, not an occasion on the day of the events
    assert _said_on("A man was robbed outside a bakery in Tarn late Monday, and police arrested a suspect Tuesday "
                    "after a short chase, authorities said.",
                    "“We are not saying anyone else was involved,” police spokeswoman Ada Ray said.") == ["unknown"]


def test_an_undated_opening_leaves_the_lede_to_the_next_paragraph():
    assert _said_on("At its yearly showcase the company showed a folding bicycle that finally folds.",
                    "Velora unveiled the third version of its Fold bicycle on Monday, cutting its weight by a third.",
                    "“We spent two years taking parts out,” chief executive Ines Moura told the audience.") == ["2025-04-14"]


def test_a_time_since_when_something_holds_is_no_day_of_saying():
    assert reported_speech_day(["The virus, dubbed Tarnworm, has been spreading since at least April 2, when "
                                "researchers announced it.", "“It spreads by text message,” said Ana Ruiz."],
                               WEDNESDAY) is None


def test_a_sentence_set_at_an_undated_time_of_its_own_is_not_the_lede_s_occasion():
    assert _said_on("Velora unveiled the third version of its Fold bicycle on Monday at its yearly showcase.",
                    "“We spent two years taking parts out,” chief executive Ines Moura told the audience.",
                    "When the first Fold went on sale, then-chief executive Bo Lind promised “a bike for every "
                    "hallway,” a line reviewers mocked.") == ["2025-04-14", "unknown"]


def test_a_claim_made_on_a_day_dates_the_words_of_it_quoted_next():
    assert _said_on("Ministers and their advisers disagree about the lockdown.",
                    "Last night deputy leader Aine Roche made a strong claim on the radio that the advisers had no answers.",
                    "She said: “We asked them what we should tell the workers. They had nothing.”") == ["2025-04-15"]


def test_when_asked_is_a_question_put_at_the_occasion_not_another_time():
    assert _said_on("At a news conference on Monday, Mayor Ana Roe said the harbour would reopen.",
                    "When asked whether the date could slip, Roe said: “It will not.”") == ["2025-04-14"]


def test_a_lede_whose_subject_goes_on_saying_is_an_occasion_they_spoke_at():
    # ", saying …" continues the lede's own clause: its subject spoke that day, unlike the
    # closing "…, officials said." that only sources the facts before it
    assert _said_on("Hours before the Harbour Hawks' comeback Monday, coach Dana Brill voiced faith in her "
                    "young goalkeeper, saying he always finds his form.",
                    "“He is sharp again,” Brill said after the 3-1 win.") == ["2025-04-14"]


def test_a_voice_from_outside_with_the_role_written_as_a_title_is_not_dated_by_the_occasion():
    # "Economist Tobias Lenk said" is the same outside voice as "Tobias Lenk, an economist, said"
    for introduction in ("Economist Tobias Lenk said the vote was a gamble.",
                         "Professor Tobias Lenk said the vote was a gamble.",
                         "Tobias Lenk, an economist, said the vote was a gamble."):
        assert _said_on("The Varrow council approved the new bridge on Monday after a long debate.",
                        "“It will carry the town for a century,” council leader Ruth Amsel told the meeting.",
                        introduction,
                        "“Bridges age faster than councils think,” Lenk said.") == ["2025-04-14", "unknown"]


def test_an_occasion_word_the_lede_uses_as_a_verb_or_plural_is_no_occasion_it_names():
    # "calls for a second crossing grew": no call the lede dates, so "said of the call" is no word at it
    assert _said_on("The Varrow council approved the new bridge on Monday after a long debate, and calls for a second "
                    "crossing grew.",
                    "“It will carry the town for a century,” council leader Ruth Amsel told the meeting.",
                    "Tobias Lenk, who teaches urban planning at Kell University, doubts a second crossing will come.",
                    "“Bridges age faster than councils think,” Lenk said of the call for one.") == ["2025-04-14", "unknown"]


def test_what_a_speaker_is_reported_saying_does_not_make_them_an_outside_voice():
    # "residents", "voters" in the mayor's own words are whom she spoke of, not what she is
    lede = "The Varrow council approved the new bridge on Monday after a long debate."
    assert _said_on(lede, "Mayor Ada Moss said the bridge would serve residents for decades.",
                    "“It will carry the town,” Moss said.") == ["2025-04-14"]
    assert _said_on(lede, "Council leader Ada Moss told reporters the union had not been consulted.",
                    "“It will carry the town,” Moss said.") == ["2025-04-14"]
