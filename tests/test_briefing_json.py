"""briefing_json: the briefing as data, validated with jsonschema against its published schema."""

from __future__ import annotations

import json

import jsonschema
import pytest

from briefing_gen import briefing_json, schemas
from briefing_gen.build import load_and_validate
from briefing_gen.model import RECORD_LISTS, make_briefing
from briefing_gen.records import RECORD_TYPE_BY_KIND
from briefing_gen.render import record_path
from conftest import ROOT


@pytest.fixture(scope="module")
def briefing():
    content, problems = load_and_validate(ROOT / "content")
    assert not [problem for problem in problems if problem.severity == "error"]
    return make_briefing(content)


@pytest.fixture(scope="module")
def exported(briefing):
    return json.loads(briefing_json.briefing_json(briefing))


def test_the_export_is_valid_against_its_schema(exported):
    schema = briefing_json.export_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    errors = [f"{list(error.path)}: {error.message}" for error in jsonschema.Draft202012Validator(schema).iter_errors(exported)]
    assert errors == []


def test_the_export_names_its_schema_published_in_the_site(exported, briefing):
    assert exported["$schema"] == briefing.settings.base_url + "schemas/briefing.schema.json"
    assert briefing_json.SCHEMA_PATH == "schemas/briefing.schema.json"


def test_every_record_of_every_kind_is_there_in_the_briefing_order(exported, briefing):
    assert list(exported["records"]) == list(RECORD_TYPE_BY_KIND) and set(RECORD_LISTS) == set(RECORD_TYPE_BY_KIND)
    for kind in RECORD_TYPE_BY_KIND:
        assert [record["slug"] for record in exported["records"][kind]] == [record.slug for record in getattr(briefing, kind)]


def test_a_quote_has_its_fields_body_page_and_resolved_references(exported, briefing):
    quote = next(record for record in exported["records"]["quotes"] if record["slug"] == "putin-one-old-friend")
    assert quote["path"] == "quotes/putin-one-old-friend/index.html"
    assert quote["url"] == briefing.settings.base_url + "quotes/putin-one-old-friend/index.html"
    assert quote["fields"]["said_on"] == "2023-09-13" and quote["fields"]["person"] == "vladimir-putin"
    assert quote["body"] == "One old friend is better than two new ones."
    assert quote["references"]["person"] == {
        "kind": "people", "slug": "vladimir-putin", "title": "Vladimir Putin", "path": "people/vladimir-putin/index.html",
        "url": briefing.settings.base_url + "people/vladimir-putin/index.html"}
    source = quote["references"]["source"]
    assert source["paragraph"] == quote["fields"]["paragraph"]
    assert source["path"] == f"sources/{quote['fields']['source']}/index.html#p{quote['fields']['paragraph']}"


def test_every_reference_names_a_record_that_is_exported(exported):
    pages = {(kind, record["slug"]): record["path"] for kind, listed in exported["records"].items() for record in listed}
    count = 0
    for listed in exported["records"].values():
        for record in listed:
            for value in record["references"].values():
                for reference in (value if isinstance(value, list) else value.values() if "kind" not in value else [value]):
                    count += 1
                    page = pages[(reference["kind"], reference["slug"])]
                    assert reference["path"].split("#")[0] == page.split("#")[0]
    assert count > 100


def test_nested_fields_read_as_the_editor_wrote_them(exported):
    summit = next(record for record in exported["records"]["summits"] if record["fields"].get("compare"))
    dimension, cell = next(iter(summit["fields"]["compare"].items()))
    assert set(cell) == {"text", "source", "paragraph"}
    assert summit["references"]["compare"][dimension]["path"].endswith(f"#p{cell['paragraph']}")
    person = exported["records"]["people"][0]
    assert person["fields"]["kind"] in ("person", "organization") and "person_kind" not in person["fields"]
    events = exported["records"]["events"]
    assert events[0]["path"] == f"timeline/index.html#{events[0]['slug']}"


def test_each_record_fields_are_valid_front_matter_of_its_kind(exported):
    for kind, listed in exported["records"].items():
        check = jsonschema.Draft202012Validator(schemas.front_matter_schema(kind))
        for record in listed:
            assert list(check.iter_errors(record["fields"])) == [], (kind, record["slug"])


def test_the_settings_are_there(exported, briefing):
    assert exported["settings"]["title"] == briefing.settings.title
    assert exported["settings"]["base_url"] == briefing.settings.base_url
    assert exported["settings"]["page_size"] == briefing.settings.page_size


def test_the_same_briefing_gives_the_same_text(briefing):
    assert briefing_json.briefing_json(briefing) == briefing_json.briefing_json(briefing)


def test_paths_are_the_pages_the_site_writes(exported, briefing):
    for kind in RECORD_TYPE_BY_KIND:
        assert [record["path"] for record in exported["records"][kind]] == [record_path(record) for record in getattr(briefing, kind)]


def test_an_invalid_export_is_caught(exported):
    """The schema is not a rubber stamp: a record without its page, or with a wrong field, fails."""
    validator = jsonschema.Draft202012Validator(briefing_json.export_schema())
    broken = json.loads(json.dumps(exported))
    del broken["records"]["quotes"][0]["url"]
    broken["records"]["people"][0]["fields"]["kind"] = "robot"
    assert len(list(validator.iter_errors(broken))) == 2
