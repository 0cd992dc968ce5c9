"""descriptions.py and the people rules of issue 19 on plain strings."""

from __future__ import annotations

from briefing_gen.ingest.descriptions import DESCRIBED, resolve_description
from briefing_gen.ingest.people import PeopleRegistry, find_person_names, strip_leading_words


def _registry(*people: tuple[str, str | None]) -> PeopleRegistry:
    registry = PeopleRegistry()
    for name, role in people:
        registry.resolve_name(name, role=role)
    return registry


def test_a_description_stands_for_the_one_person_with_that_role():
    registry = _registry(("Olga Brandt", "Energy minister"), ("Simon Vey", "Labour MP"))
    assert resolve_description("the minister", registry).name == "Olga Brandt"
    assert resolve_description("the Labour MP", registry).name == "Simon Vey"


def test_two_who_fit_leave_it_unknown_and_none_who_fit_keep_the_words():
    registry = _registry(("Olga Brandt", "Energy minister"), ("Ada Lind", "Health minister"))
    assert resolve_description("the minister", registry) is None
    assert resolve_description("the man", registry) is DESCRIBED
    assert resolve_description("the report", registry) is None  # no person at all


def test_an_age_stands_for_the_person_of_that_age():
    registry = _registry(("Karl Moss", None))
    registry.people[0].age = 78
    assert resolve_description("the 78-year-old", registry).name == "Karl Moss"


def test_no_person_from_a_word_glued_before_a_name_a_place_or_a_fragment():
    text = ("Inside Harry and Meghan's life. Taking Archie outside is fun. New York and San Leandro agreed. "
            "WhiTim Napa LLC will build it. Will Knight wrote it.")
    assert [m.name for m in find_person_names(text)] == ["Will Knight"]
    assert strip_leading_words("When Winfrey") == "Winfrey"
    assert strip_leading_words("council leader Amira Sethi") == "council leader Amira Sethi"


def test_people_sharing_a_family_name_stay_apart_and_a_title_picks_one():
    registry = _registry(("Grace Hallam", None), ("Peter Hallam", None))
    registry.people[1].gender = "male"
    assert registry.resolve_name("Hallam", "Mr") is registry.people[1]
    assert registry.resolve_name("Hallam", "Ms") is registry.people[0]
    registry.finish()
    assert len(registry.people) == 2
    assert registry.people[1].aliases == ["Peter Hallam", "Mr Hallam"]
