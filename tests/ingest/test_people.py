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
