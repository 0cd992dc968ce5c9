"""Cleaning: spam, boilerplate, teasers and sign-offs removed and recorded; garble flagged."""

from __future__ import annotations

from briefing_gen.ingest.clean import clean_blocks, find_garble, remove_spam, teaser_end


def test_spam_glued_to_an_english_word_is_removed():
    text, removed = remove_spam("This shows how desperate카지노사이트 the minister is for a deal with the union.")
    assert text == "This shows how desperate the minister is for a deal with the union."
    assert removed == ["카지노사이트"]


def test_foreign_script_in_a_quote_or_a_name_gloss_stays():
    text = "Kim Jong-un (김정은) arrived, and the crowd chanted “만세” at the station for an hour."
    assert remove_spam(text) == (text, [])


def test_a_foreign_language_paragraph_is_not_spam():
    text = "Москва заявила, что переговоры продолжатся."
    assert remove_spam(text) == (text, [])


def test_boilerplate_and_comment_form_are_removed_with_their_paragraph():
    cleaned = clean_blocks(["First paragraph.", "Share this article", "Second paragraph.", "Source :",
                            "Leave a Reply", "Your email address will not be published. Required fields are marked *",
                            "Reader comment that is not the article."])
    assert cleaned.paragraphs == ["First paragraph.", "Second paragraph."]
    assert [(n["kind"], n["paragraph"]) for n in cleaned.removed] == [
        ("boilerplate", 1), ("boilerplate", 2), ("boilerplate", 2), ("boilerplate", 2), ("boilerplate", 2)]


def test_teaser_block_ends_where_the_story_resumes():
    blocks = ["The talks between Norland and Estavia went well.", "Related stories",
              "Storm floods coastal villages in the south",
              "Heavy rain flooded several coastal villages overnight, officials said.",
              "Tax reform bill passes first reading",
              "In a statement on Friday, the Norland delegation said the talks would resume."]
    assert teaser_end(blocks, 1) == 5
    cleaned = clean_blocks(blocks)
    assert cleaned.paragraphs == [blocks[0], blocks[-1]]
    assert {n["kind"] for n in cleaned.removed} == {"teaser"}
    assert all(n["paragraph"] == 1 for n in cleaned.removed)


def test_teaser_marker_alone_takes_nothing_else():
    # a "Read more" button between the lede and the body: the body resumes at once
    cleaned = clean_blocks(["The Harbour Council approved the ferry budget.", "Read more",
                            "The vote in the Harbour Council came after a long debate."])
    assert cleaned.paragraphs == ["The Harbour Council approved the ferry budget.",
                                  "The vote in the Harbour Council came after a long debate."]


def test_sign_offs_move_into_the_byline():
    cleaned = clean_blocks(["By Ana Ruiz", "Story text.", "This is reporter Min-jun Park.", "More text.",
                            "This is Park Min-jun of Harbour TV."])
    assert cleaned.paragraphs == ["Story text.", "More text."]
    assert cleaned.byline == ["Ana Ruiz", "Park Min-jun"]
    assert cleaned.outlet == "Harbour TV"
    assert [n["kind"] for n in cleaned.removed] == ["byline", "sign-off", "sign-off"]


def test_garble_is_flagged_not_changed():
    paragraph = "He showed off[ed] the talks between Norland and Norland, “we will go.” [their presence in] Space."
    kinds = {kind for kind, _ in find_garble(paragraph)}
    assert {"garble", "dangling"} <= kinds
    texts = [text for _, text in find_garble(paragraph)]
    assert "off[ed]" in texts and "[their presence in]" in texts and "between Norland and Norland" in texts
    cleaned = clean_blocks([paragraph])
    assert cleaned.paragraphs == [paragraph]
    assert cleaned.review


def test_editorial_brackets_inside_quotes_and_references_are_not_garble():
    assert find_garble("She said “[the plan] was fine” on Monday.") == []
    assert find_garble("Numbers [1] and [2] are references.") == []
    assert find_garble("She show[ed] it “to every[one]”.") == [("garble", "show[ed]"), ("garble", "every[one]")]


def test_other_sign_off_shapes():
    cleaned = clean_blocks(["Story text.", "Harbour News TV Kim Min-ji reporting.", "(Reporting by Ana Ruiz; Editing by Ben Ode)"])
    assert cleaned.paragraphs == ["Story text."]
    assert cleaned.byline == ["Kim Min-ji", "Ana Ruiz"]  # an editor is not an author
    assert cleaned.outlet == "Harbour News TV"


ARTICLE = ["Mayor Edda Varga opened the new Kesmark ferry terminal on Monday.",
           "The terminal cost the city of Kesmark 40 million euros and took three years to build."]


def test_teaser_summary_that_does_not_echo_its_headline_is_still_dropped():
    blocks = ARTICLE + ["More on this topic",
                        "Orchard growers count losses after hail",
                        "A late storm ruined half of this year's cherry crop, growers' union leader Piet Olsen said.",
                        "Museum night draws record crowds",
                        "Visitors queued past midnight for the free exhibitions.",
                        "Varga said the ferry would start with six crossings a day."]
    cleaned = clean_blocks(blocks)
    assert cleaned.paragraphs == ARTICLE + ["Varga said the ferry would start with six crossings a day."]
    assert [n["kind"] for n in cleaned.removed] == ["teaser"] * 5  # the marker and four teaser blocks
    assert all(n["paragraph"] == 2 for n in cleaned.removed)


def test_teaser_ends_at_the_articles_next_numbered_heading():
    blocks = ["1) The terminal", *ARTICLE, "Related", "Hail hits orchards in the north",
              "Growers want help from the state.", "2) What it costs", "Tickets will cost four euros."]
    cleaned = clean_blocks(blocks)
    assert cleaned.paragraphs == ["1) The terminal", *ARTICLE, "2) What it costs", "Tickets will cost four euros."]


def test_a_teaser_sharing_only_its_own_headlines_names_does_not_resume():
    blocks = ARTICLE + ["Read more", "Storm closes Kesmark airport",
                        "Flights from Kesmark airport were cancelled as the storm hit the coast, the operator said.",
                        "The ferry terminal also has a cafe run by Edda Varga's former deputy."]
    cleaned = clean_blocks(blocks)
    assert cleaned.paragraphs == ARTICLE + [blocks[-1]]


def test_a_list_of_teaser_links_after_the_marker_is_dropped():
    blocks = ARTICLE + ["Read more:", "- Kesmark airport closes for a week", "* Storm damages Kesmark pier",
                        "Varga said the ferry would start with six crossings a day."]
    cleaned = clean_blocks(blocks)
    assert cleaned.paragraphs == ARTICLE + [blocks[-1]]


def test_a_teaser_that_never_clearly_ends_does_not_swallow_the_article():
    body = ["Spending on schools rises by five percent.", "Roads get a smaller share than last year.",
            "Parks and pools keep the same money.", "The next vote is in spring."]
    cleaned = clean_blocks(["The council approved the budget on Monday.", "Read more", *body])
    assert cleaned.paragraphs == ["The council approved the budget on Monday.", *body]
    assert [n["kind"] for n in cleaned.removed] == ["teaser"]


def test_a_trailing_teaser_list_is_dropped_to_the_end():
    blocks = ARTICLE + ["More on this topic", "Hail hits orchards", "Growers want help.",
                        "Museum night draws crowds", "Visitors queued past midnight.", "Share this article"]
    cleaned = clean_blocks(blocks)
    assert cleaned.paragraphs == ARTICLE


def test_a_country_shared_with_the_article_does_not_resume_it():
    article = ["Norland and Estavia signed a river treaty in Kesmark on Monday.",
               "Norland's minister Edda Varga called it a fair deal for both countries."]
    blocks = article + ["Related", "Drone strikes factory", "Estavia's army said a drone hit a Norland plant overnight.",
                        "Varga will present the treaty to parliament next week."]
    cleaned = clean_blocks(blocks)
    assert cleaned.paragraphs == article + [blocks[-1]]


def test_a_sign_off_after_a_teaser_still_reaches_the_byline():
    cleaned = clean_blocks(ARTICLE + ["More on this topic", "Hail hits orchards", "Growers want help.",
                                      "This is Tove Lind of Harbour TV."])
    assert cleaned.byline == ["Tove Lind"] and cleaned.paragraphs == ARTICLE
