"""People: names found in text, spellings merged, never on a family name alone."""

from __future__ import annotations

from briefing_gen.ingest.names import name_keys, preferred_spelling, same_person
from briefing_gen.ingest.people import PeopleRegistry, find_person_names, is_person_name


def names(text: str) -> list[tuple[str, str | None]]:
    return [(m.name, m.title) for m in find_person_names(text)]


def test_hyphen_space_and_order_variants_are_one_person():
    assert same_person("Kim Jong-un", "Kim Jong Un")
    assert same_person("Lee Kyung-hee", "Kyung-hee Lee")
    assert same_person("Kim Jong-un’s", "Kim Jong Un")


def test_a_shared_family_name_is_not_enough():
    assert not same_person("Kim Jong-un", "Kim Jong-dae")
    assert not same_person("Kim", "Kim Jong-un")
    assert name_keys("Kim") == set()


def test_preferred_spelling_puts_a_korean_family_name_first_when_both_orders_are_seen():
    assert preferred_spelling(["Kyung-hee Lee", "Lee Kyung-hee"]) == "Lee Kyung-hee"
    assert preferred_spelling(["Kim Jong Un", "Kim Jong-un"]) == "Kim Jong Un"


def test_names_in_text_skip_titles_places_and_organisations():
    assert names("North Korean leader Kim Jong Un met Russian President Vladimir Putin in Vladivostok.") == [
        ("Kim Jong Un", None), ("Vladimir Putin", "President")]
    assert names("according to Kremlin spokesman Dmitry Peskov") == [("Dmitry Peskov", None)]
    assert names("the Yonsei Institute for North Korea Studies and the Far Eastern Federal University") == []
    assert names("Reflecting Chairman Kim’s preference") == [("Kim", "Chairman")]
    assert names("Prime Minister Varga arrived") == [("Varga", "Prime Minister")]


def test_is_person_name():
    assert is_person_name("Yohann Michel")
    assert not is_person_name("German Council on Foreign Relations")


def test_titles_become_aliases_only_when_the_family_name_is_unique():
    registry = PeopleRegistry()
    registry.resolve_name("Kim Jong-un")
    registry.resolve_name("Kim", title="Chairman")
    registry.resolve_name("Kim Jong-dae")
    registry.finish()
    assert [p.aliases for p in registry.people] == [["Kim Jong-un"], ["Kim Jong-dae"]]
    registry = PeopleRegistry()
    registry.resolve_name("Kim Jong-un")
    registry.resolve_name("Kim", title="Chairman")
    registry.resolve_name("Kim Jong Un")
    registry.finish()
    assert [p.aliases for p in registry.people] == [["Kim Jong-un", "Kim Jong Un", "Chairman Kim"]]


def test_a_bare_family_name_means_the_person_mentioned_so_far():
    registry = PeopleRegistry()
    first = registry.resolve_name("Kim Jong Un")
    assert registry.resolve_name("Kim") is first
    registry.resolve_name("Kim Jong-dae")
    later = registry.resolve_name("Kim")  # now ambiguous: a person known only as "Kim"
    assert later is not first


def test_a_title_before_the_full_name_comes_first():
    registry = PeopleRegistry()
    putin = registry.resolve_name("Putin", title="President")
    full = registry.resolve_name("Vladimir Putin")
    registry.finish()
    assert putin.final() is full
    assert full.aliases == ["Vladimir Putin", "President Putin"]


def test_organisations_and_groups_are_not_people():
    assert names("The Riverside Genomics Lab and the Kesmark Institute met the Harbour Council.") == []
    assert names("Kesmark Farmers protested, and Kesmark Growers joined them.") == []
    assert names("Tova Peters and Ian Rivers spoke.") == [("Tova Peters", None), ("Ian Rivers", None)]


def _speakers(*paragraphs):
    import datetime as dt

    from briefing_gen.ingest.speakers import find_quotes
    registry = PeopleRegistry()
    found, _ = find_quotes(list(paragraphs), dt.date(2024, 5, 17), registry, None)
    return [(q.speaker, q.role, q.person.kind if q.person else None) for q in found], registry


def test_an_organisation_speaking_is_an_organisation():
    found, _ = _speakers("“The samples are clean,” Riverside Genomics Lab said.")
    assert found == [("Riverside Genomics Lab", None, "organization")]
    found, _ = _speakers("“We lost the harvest,” Kesmark Farmers said.")
    assert found[0][2] != "person"


def test_roles_come_from_appositions_and_titles_not_from_words_before_a_verb():
    found, registry = _speakers("Borland met President Anna Kell on Monday.", "“We agreed,” Kell said.")
    assert found[0][1] in (None, "President")
    found, _ = _speakers("After the vote Edda Varga said: “We won.”")
    assert found[0][1] is None
    found, _ = _speakers("“We won,” Kesmark mayor Edda Varga said.")
    assert found[0][1] == "Kesmark mayor"
    found, _ = _speakers("“We won,” Dr. Edda Varga said.", "“We won,” Mrs Lisa Moor said.")
    assert [f[1] for f in found] == [None, None]  # an honorific is not a role
    found, _ = _speakers("“We won,” said Edda Varga, the mayor of Kesmark.")
    assert found[0][1] == "mayor of Kesmark"


def test_occupational_titles_are_not_part_of_the_name():
    # a councillor goes by "Cllr Solberg" as by "Mr Solberg": the title is kept for that alias, a librarian's is not
    assert names("Councillor Hanne Solberg and Librarian Otto Fenn spoke.") == [("Hanne Solberg", "Councillor"), ("Otto Fenn", None)]


def test_places_events_and_things_are_not_people():
    for text in ("The Blue Line opened.", "They met at Kesmark Pier.", "The Lantern Festival drew crowds.",
                 "The Old Town Market reopened.", "Eastgate Terminal opened.", "The Clean Water Act passed.",
                 "Blue River Foods and Kesmark Shipping signed."):
        assert names(text) == [], text
    assert names("Park Min-jun and Anna Hill came, and Line Moor too.") == [
        ("Park Min-jun", None), ("Anna Hill", None), ("Line Moor", None)]


def test_names_keep_every_letter_they_are_written_in():
    assert names("Josefina Alcántara and Sergio Ibáñez met Pablo Echeverría and Łukasz Wiśniewski.") == [
        ("Josefina Alcántara", None), ("Sergio Ibáñez", None), ("Pablo Echeverría", None), ("Łukasz Wiśniewski", None)]
    assert names("Eilidh MacLeod, Declan McAteer and Margaret O'Leary spoke.") == [
        ("Eilidh MacLeod", None), ("Declan McAteer", None), ("Margaret O'Leary", None)]
    assert names("Transport Minister Ji-ho Park said") == [("Ji-ho Park", "Minister")]  # "Park" after a title
    assert names("Princess Diana’s dresses") == [("Diana", "Princess")]  # the possessive is no part of the name


def test_a_role_glued_before_a_name_is_set_aside():
    assert names("Chief Executive Min-seo Kang told analysts") == [("Min-seo Kang", None)]
    assert names("Referee Tomasz Wolski pointed to the spot") == [("Tomasz Wolski", None)]
    assert names("Physiotherapist Ana Ruiz said") == [("Ana Ruiz", None)]


def test_places_works_and_organisations_are_not_people():
    assert names("Bilal Qureshi, 52, of Mill Lane, Eastfold, denies fraud.") == [("Bilal Qureshi", None)]
    assert names("her home on Cottonwood Drive") == []
    assert names('the painting "Evening at Marsh End"') == []
    assert names("live coverage of Storm Idris") == []
    assert names("Marco Bellini's 'Nine Winters' and the film 'Salt Orchard'") == [("Marco Bellini", None)]
    assert names("published in the Journal of Circadian Medicine") == []
    assert names("a software engineer at Halcyon's Brackenridge office") == []
    # the same words are a person's name where nothing marks a place
    assert names("actor Nathan Lane said") == [("Nathan Lane", None)]
    assert names("She met him at Nathan Lane's flat") == [("Nathan Lane", None)]


def test_a_family_name_alone_folds_into_the_one_person_it_can_mean():
    registry = PeopleRegistry()
    farid = registry.resolve_name("Farid Haddad")
    registry.resolve_name("Haddad Living")  # a firm named after him: its first word is no family name
    assert registry.resolve_name("Haddad", "Mr") is farid
    registry = PeopleRegistry()
    bilal = registry.resolve_name("Bilal Qureshi")
    assert registry.resolve_name("Qureshi") is bilal
    bilal.gender = "male"  # as the text said ("he")
    moira = registry.resolve_name("Moira Qureshi")
    assert registry.resolve_name("Qureshi", "Ms") is moira
    assert registry.resolve_name("Qureshi") is bilal  # she is "Ms Qureshi": the bare name still means him
    registry.finish()
    assert [p.name for p in registry.people] == ["Bilal Qureshi", "Moira Qureshi"]


def test_an_ambiguous_family_name_is_no_one():
    registry = PeopleRegistry()
    registry.resolve_name("Bilal Qureshi")
    registry.resolve_name("Moira Qureshi")
    assert registry.resolve_name("Qureshi").spellings == ["Qureshi"]  # neither has been told apart by a title
    registry = PeopleRegistry()
    registry.resolve_name("Kwame Mensah")
    registry.resolve_name("Kofi Mensah")
    single = registry.resolve_name("Mensah")
    registry.finish()
    assert [p.name for p in registry.people] == ["Kwame Mensah", "Kofi Mensah"]
    assert single.described and single.final() is single  # its quotes stay unknown
    assert registry.ambiguous == [("Mensah", ["Kwame Mensah", "Kofi Mensah"])]


def test_a_middle_initial_is_part_of_the_name():
    names = [m.name for m in find_person_names("Corwin T. Ashby said the ferry left early, and Ada R.J. Moss agreed.")]
    assert names == ["Corwin T. Ashby", "Ada R.J. Moss"]
    # an initial at a sentence's end joins nothing
    assert [m.name for m in find_person_names("The plan came from Lena Voss. T. Marlow wrote it up.")] == ["Lena Voss"]


def test_a_place_word_after_a_title_and_a_given_name_is_a_family_name():
    assert [m.name for m in find_person_names("Deputy Chief Odile Hall said the road was shut.")] == ["Odile Hall"]
    assert [m.name for m in find_person_names("The vote is at Town Hall; Riverside Park stays shut.")] == []
    # a point of the compass too ("Prof Ada West"); after a place, no title before it, it names a seat
    assert names("Prof Ada West, the dean, and Mayor Tom North spoke.") == [("Ada West", "Prof"), ("Tom North", "Mayor")]
    assert names("She won Kesmark West from Ilse Brand.") == [("Ilse Brand", None)]


def test_function_words_and_institution_words_make_no_person():
    text = ("Why Harbour Board Is Wrong. The Fourth Amendment, the Tidewater Panel "
            "and Marsh Road Prison were named; the speech Of Ilsa Varga drew cheers.")
    assert [m.name for m in find_person_names(text)] == ["Ilsa Varga"]


def test_a_nickname_in_quote_marks_sits_inside_a_name_and_later_names_the_person_alone():
    text = "The derby went to Tomas “Ironfoot” Velde, and Ruari 'The Kite' Lindqvist came second. Ironfoot was delighted."
    assert [(m.name, m.nickname) for m in find_person_names(text)] == [
        ("Tomas Velde", "Ironfoot"), ("Ruari Lindqvist", "The Kite")]
    assert [(m.name, m.nickname) for m in find_person_names("Mara “Ace” Quill’s Golden Boot")] == [("Mara Quill", "Ace")]
    assert all(m.nickname is None for m in find_person_names("Voss “Stunned” Harbour Vote Looms"))  # a headline's words
    found, registry = _speakers("Tomas “Ironfoot” Velde won the derby for the third time.", "“I felt the wind,” Ironfoot said.")
    assert [p.aliases for p in registry.people] == [["Tomas Velde", "Ironfoot"]]
    assert found[0][0] == "Ironfoot" and found[0][2] == "person"


def test_a_plural_of_a_name_in_a_figure_of_speech_names_the_person_it_is_made_from():
    assert names("He warned against “the Odile Brenners of this world” in his speech.") == [("Odile Brenner", None)]
    assert names("She praised the Marta Quills of the world.") == [("Marta Quill", None)]


def test_words_that_open_a_sentence_or_describe_are_no_part_of_a_name():
    assert names("(Besides Okafor, the list named Ilse Varn as a witness.)") == [("Ilse Varn", None)]
    assert names("a letter to French-speaking Belgian officials") == []
    assert names("the Moscow-backed Ivan Tolmach said") == [("Ivan Tolmach", None)]
    assert names("“See you soon. Happy Hanukkah!” she wrote, and later “Ask Me Anything” trended.") == []


def test_works_places_and_named_things_are_not_people():
    assert names("She directed several films, including Drowning Harwick, and a series.") == []
    assert names("his books, including best-selling Republican Sodom and Greywater") == []
    assert names("The farm is in Villar de Campos, Portugal with its olive groves.") == []
    assert names("She lives in Ras Kelbia, Tunisia, the smallest village.") == []
    assert names("A tracking tool dubbed Grey Heron logs every car.") == []
    assert names("Green Falcon, Red Heron and Blue Lantern are apps; High Wardens start with a spell.") == []
    assert names("Pemberton Gaming beat Ostrava Esports in the final.") == []
    # the same shapes with a person in them
    assert names("The award went to Villar Campos, a teacher.") == [("Villar Campos", None)]
    assert names("the Mirela Santos administration and the film director Ana Brisk") == [
        ("Mirela Santos", None), ("Ana Brisk", None)]


def test_a_full_name_without_its_middle_name_is_the_same_person():
    registry = PeopleRegistry()
    first = registry.resolve_name("Anselm Quirin Falk")
    assert registry.resolve_name("Anselm Falk") is first
    assert registry.resolve_name("Anselm Q. Falk") is first
    assert registry.resolve_name("Bettina Falk") is not first  # another given name: another person
    registry.finish()
    assert [p.aliases for p in registry.people] == [["Anselm Quirin Falk", "Anselm Falk", "Anselm Q. Falk"], ["Bettina Falk"]]


def test_a_title_written_with_a_full_name_tells_apart_two_people_of_one_family_name():
    import datetime as dt

    from briefing_gen.ingest.speakers import find_quotes
    registry = PeopleRegistry()
    paragraphs = ["Felix Brandt, a ferryman, and his sister, Professor Ilse Brandt, inspected the slip.",
                  "“Paint is not steel,” Prof Brandt said."]
    found, _ = find_quotes(paragraphs, dt.date(2024, 5, 17), registry, None)
    registry.finish()
    assert [p.name for p in registry.people] == ["Felix Brandt", "Ilse Brandt"]
    assert [q.person.final().name for q in found] == ["Ilse Brandt"]


def test_a_role_in_lower_case_is_no_organisation_and_two_joined_organisations_are_two():
    registry = PeopleRegistry()
    assert registry.add_organization("Former caretaker").described  # "the former caretaker testified"
    assert registry.add_organization("Vellmouth Republican").described  # "the Vellmouth Republican said"
    assert registry.add_organization("Harbour Minister").described
    assert registry.people == []
    assert registry.add_organization("Harbour ministry").kind == "organization"  # an organisation word
    first = registry.add_organization("Greenhaven Rowing Club and the Anvil Street Traders Association")
    assert [p.name for p in registry.people] == ["Harbour ministry", "Greenhaven Rowing Club", "Anvil Street Traders Association"]
    assert first.name == "Greenhaven Rowing Club" and [p.name for p in first.partners] == ["Anvil Street Traders Association"]
    assert registry.add_organization("Procter and Gamble").name == "Procter and Gamble"  # one company


def test_a_family_name_is_found_past_a_suffix_and_with_its_particles():
    found, registry = _speakers("Harlan Voss Jr., who runs the mill, sued the trust.", "“They flooded my wheel,” Voss said.",
                                "Ludwig van der Berg, a hydrologist, disagreed.", "“It is fine,” Van der Berg said.")
    assert [p.name for p in registry.people] == ["Harlan Voss Jr", "Ludwig van der Berg"]
    assert [(speaker, kind) for speaker, _, kind in found] == [("Voss", "person"), ("Van der Berg", "person")]
    assert [m.name for m in find_person_names("Al Noor and Van Hale met Juan de la Cruz.")] == [
        "Al Noor", "Van Hale", "Juan de la Cruz"]  # a particle opening a name with nothing to own it: a given name


def test_countries_cities_teams_and_studios_are_not_people():
    text = ("After Burkina Faso and Sierra Leone signed in Kuala Lumpur, Real Ostrava and Harwick Rovers met at the "
            "Corran Bowl, filmed by Lantern Pictures for the Fenwick Inquiry.")
    assert names(text) == []
    assert names("Sierra Okonjo and Abu Karim Haddad signed.") == [("Sierra Okonjo", None), ("Abu Karim Haddad", None)]


def test_initials_before_a_name_are_part_of_it_but_a_country_s_are_not():
    assert names("Judge R.T. Oyelaran and E. Maren Solvik met the U.S. Navy and the U.K. Tobias Renn.") == [
        ("R.T. Oyelaran", "Judge"), ("E. Maren Solvik", None), ("Tobias Renn", None)]


def test_a_call_to_the_reader_or_a_greeting_before_a_name_is_no_part_of_it():
    assert names("Meet Tomas Velde. Dear Ruth Ambler, thank you. Watch Ilse Varn’s speech. Opinion Odile Brenner") == [
        ("Tomas Velde", None), ("Ruth Ambler", None), ("Ilse Varn", None), ("Odile Brenner", None)]
    assert names("Piers Quill Read wrote it.") == [("Piers Quill Read", None)]  # a family name that is a verb


def test_a_verb_in_ing_opening_a_run_inside_a_sentence_names_a_thing():
    assert names("She won with Shattering Tide and a film, Breaking Harwick, came next.") == []
    assert names("They met Jianping Voss, Sterling Ode and Channing Marsh.") == [
        ("Jianping Voss", None), ("Sterling Ode", None), ("Channing Marsh", None)]


def test_a_title_word_at_the_end_of_a_name_is_a_family_name():
    assert names("Novelist Ottilie King met Bram Prince; the Crown Prince stayed away.") == [
        ("Ottilie King", None), ("Bram Prince", None)]
    assert names("Circuit Judge Ines Marlow ruled.") == [("Ines Marlow", "Judge")]


def test_long_names_with_particles_and_a_double_family_name_used_alone():
    assert names("Mayor Joana Inês Duarte da Costa met Emilio José Ortega de la Vega.") == [
        ("Joana Inês Duarte da Costa", "Mayor"), ("Emilio José Ortega de la Vega", None)]
    registry = PeopleRegistry()
    full = registry.resolve_name("Rosa María Ferrán Olmedo")
    assert registry.resolve_name("Ferrán Olmedo") is full
    assert registry.resolve_name("Tomás Olmedo") is not full  # only the family name in common: another person


def test_capitals_after_a_place_or_organisation_word_continue_that_name():
    # the rest of a longer name once its first words are cut: an organisation, a service, a place; no person
    for text in ("A grant from the Institute for International Tidal Mapping Research came through.",
                 "The National Coastal Rescue Team was called out.", "West Fenmoor Shuttle will run as normal.",
                 "Use of the Dunmere Island Ferry Link is restricted.", "Bills from Southern Varrow Gaslight rose."):
        assert names(text) == [], text
    # an office after a title and "of" is cut from the name as before; a role after a place word is a title
    assert names("Secretary of State Mira Okonjo met Speaker of the House Tomas Reyl.") == [
        ("Mira Okonjo", None), ("Tomas Reyl", None)]
    assert names("District Collector Ravi Anand Menon visited.") == [("Ravi Anand Menon", None)]


def test_roles_written_as_titles_are_no_part_of_the_name():
    assert names("County Clerk Anh Vo Tran said the count was done.") == [("Anh Vo Tran", None)]
    assert names("City Council Member Dorota Lisk and House Speaker Ruth Mabry spoke.") == [
        ("Dorota Lisk", None), ("Ruth Mabry", None)]
    assert names("Co-founder Ilse Brand and Editor-in-Chief Paul Dray left.") == [("Ilse Brand", None), ("Paul Dray", None)]
    assert names("Carolina Congressman Abel Trent spoke.") == [("Abel Trent", "Congressman")]
    # a hyphen joins no title to a family name or a newspaper's name
    assert names("Jo King-Smith wrote in the Kesmark Spokesman-Review.") == [("Jo King-Smith", None)]


def test_a_short_title_joins_the_full_name_it_goes_with():
    _, registry = _speakers("Owen Tarrow, the Independent councillor for Ashby, voted against.",
                            "“The drains never follow,” Cllr Tarrow said.")
    assert [(p.name, p.aliases) for p in registry.people] == [("Owen Tarrow", ["Owen Tarrow", "Cllr Tarrow"])]


def test_words_in_quote_marks_in_title_case_name_a_thing_or_a_nickname():
    assert names("It lost to the drama “Harbour Lights,” and the comedy “Tin Roof.”") == []
    assert names("Towns backed the “Velvet Lantern Strategy for Coastal Towns” last year.") == []
    assert names("The rival he calls “Tiny Tomas.” On Friday he tweeted again.") == []
    # a sentence in quote marks names people as any sentence does
    assert names("“I met Ada Ferrow at the dock,” he said.") == [("Ada Ferrow", None)]


def test_an_office_in_title_case_is_a_person_described_not_an_organisation():
    registry = PeopleRegistry()
    for office in ("Labour MP for Kesmark North", "Commissioner for Harbour Safety"):
        assert registry.add_organization(office).described, office
    assert not registry.add_organization("Friends of Kesmark Harbour").described
    assert [p.name for p in registry.people] == ["Friends of Kesmark Harbour"]


def test_a_long_page_finds_its_quotations_once_not_once_a_name(monkeypatch):
    # a name in quote marks may be a work's title; the quotations of the text are found once for
    # all its runs of capitals, so a long page costs no more than its length
    from briefing_gen.ingest import people

    calls = []
    real = people.find_spans
    monkeypatch.setattr(people, "find_spans", lambda text: calls.append(1) or real(text))
    text = "Wren Halloway met Odo Strand and Ilse Varnum at the pier, where “the ferries ran late,” Cas Delmore said. " * 40
    assert len(people.find_person_names(text)) >= 160
    assert len(calls) <= 2
