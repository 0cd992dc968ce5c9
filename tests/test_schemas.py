"""schemas: JSON Schemas made from the loader's own field definitions, checked with jsonschema."""

from __future__ import annotations

import dataclasses
import datetime
import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from briefing_gen import records, schemas
from briefing_gen.build import load_and_validate
from briefing_gen.content import load_content
from briefing_gen.records import RECORD_TYPE_BY_KIND
from conftest import ROOT

COMMITTED = ROOT / "schemas"


def validator(name: str) -> jsonschema.Draft202012Validator:
    schema = schemas.all_schemas()[f"{name}.schema.json"]
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def as_json(value):
    """Front matter as a YAML-aware editor sends it to a schema: dates as their text."""
    return json.loads(json.dumps(value, default=lambda v: v.isoformat() if isinstance(v, datetime.date) else str(v)))


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("\n---\n", 1)[0].removeprefix("---\n"))


def test_the_committed_schemas_are_the_ones_the_code_makes():
    """schemas/ is made by `briefing-gen schema`: when a field changes, run it and commit."""
    made = schemas.all_schemas()
    committed = {path.name for path in COMMITTED.glob("*.json")}
    assert committed == set(made), "run `briefing-gen schema` and commit schemas/"
    for name, schema in made.items():
        assert (COMMITTED / name).read_text(encoding="utf-8") == schemas.schema_text(schema), (
            f"schemas/{name} is out of date: run `briefing-gen schema` and commit it")


@pytest.mark.parametrize("name", sorted(schemas.all_schemas()))
def test_each_schema_is_valid_draft_2020_12(name):
    schema = schemas.all_schemas()[name]
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("kind", list(RECORD_TYPE_BY_KIND))
def test_every_field_the_loader_reads_is_in_the_schema_with_a_note(kind):
    schema = schemas.front_matter_schema(kind)
    fields = schemas.record_fields(RECORD_TYPE_BY_KIND[kind])
    assert list(schema["properties"]) == [spec.key for spec in fields]
    assert schema["required"] == [spec.key for spec in fields if spec.required]
    assert schema["additionalProperties"] is False
    assert all(property_schema.get("description") for property_schema in schema["properties"].values())


def test_a_converter_without_a_schema_is_an_error_not_an_empty_schema():
    with pytest.raises(schemas.NoSchema, match="add one to"):
        schemas.converter_schema(lambda value: value)
    assert schemas.converter_schema(records.list_of(records.slug)) == {"type": "array", "items": schemas._SLUG}


@pytest.mark.parametrize("path", sorted((ROOT / "content").glob("*/*.md")), ids=lambda path: f"{path.parent.name}/{path.name}")
def test_every_shipped_record_is_valid(path):
    errors = [error.message for error in validator(path.parent.name).iter_errors(as_json(front_matter(path)))]
    assert errors == []


def test_the_shipped_site_settings_are_valid():
    settings = yaml.safe_load((ROOT / "content" / "site.yaml").read_text(encoding="utf-8"))
    assert list(validator("site").iter_errors(as_json(settings))) == []


QUOTE = {"speaker": "Anna Brandt", "person": "anna-brandt", "said_on": "2023-09-13", "summit": "2023-pier",
         "source": "pier-report", "paragraph": 1}
# Front matter the loader and the schema must judge alike: (changes to QUOTE, valid?).
CASES = [
    ({}, True),
    ({"said_on": "unknown"}, True),
    ({"said_on": "2023-09"}, True),
    ({"said_on": 2023}, True),
    ({"said_on": "2023-13"}, False),
    ({"said_on": "13 September 2023"}, False),
    ({"person": "Anna Brandt"}, False),
    ({"person": "anna--brandt"}, False),
    ({"paragraph": 0}, False),
    ({"paragraph": "1"}, False),
    ({"paragraph": True}, False),
    ({"partial": "yes"}, False),
    ({"partial": True, "verbatim": False}, True),
    ({"role": ""}, False),
    ({"role": 42}, True),
    ({"tags": ["pier", "Bad Tag"]}, False),
    ({"tags": "pier"}, False),
    ({"spaeker": "x"}, False),
    ({"person": None}, False),
]


@pytest.mark.parametrize("changes, valid", CASES, ids=[json.dumps(case) for case, _ in CASES])
def test_the_loader_and_the_schema_agree(tmp_path, changes, valid):
    front = {**QUOTE, **changes}
    path = tmp_path / "content" / "quotes" / "a-quote.md"
    path.parent.mkdir(parents=True)
    (tmp_path / "content" / "site.yaml").write_text("title: T\nbase_url: https://example.org/\n", encoding="utf-8")
    path.write_text("---\n" + yaml.safe_dump(front, sort_keys=False) + "---\nWords.\n", encoding="utf-8")
    content, problems = load_content(tmp_path / "content")
    loads = "a-quote" in content.of_kind("quotes") and not problems
    schema_accepts = validator("quotes").is_valid(as_json(front))
    assert (loads, schema_accepts) == (valid, valid)


def test_a_missing_required_field_fails_both(tmp_path):
    front = {key: value for key, value in QUOTE.items() if key != "person"}
    errors = list(validator("quotes").iter_errors(front))
    assert [error.message for error in errors] == ["'person' is a required property"]


def test_optional_fields_carry_their_defaults():
    properties = schemas.front_matter_schema("quotes")["properties"]
    assert properties["verbatim"]["default"] is True and properties["partial"]["default"] is False
    assert schemas.front_matter_schema("people")["properties"]["kind"] == {
        "enum": ["person", "organization"], "description": "person or organization.", "default": "person"}


def test_the_schema_command_writes_them_and_then_has_nothing_to_do(cli, tmp_path, capsys):
    out = tmp_path / "schemas"
    assert cli("schema", "--out", str(out)) == 0
    assert sorted(path.name for path in out.iterdir()) == sorted(schemas.all_schemas())
    assert (out / "quotes.schema.json").read_text(encoding="utf-8") == (COMMITTED / "quotes.schema.json").read_text(encoding="utf-8")
    capsys.readouterr()
    assert cli("schema", "--out", str(out)) == 0
    assert "10 schemas in" in capsys.readouterr().out


def test_the_schemas_follow_what_the_briefing_compares(cli, tmp_path):
    """site.yaml `compares` renames the compared kind's folder and the field that refers to it:
    the schemas say the same as the loader, as `briefing-gen schema --content` writes them."""
    content = tmp_path / "content"
    (content / "quotes").mkdir(parents=True)
    (content / "site.yaml").write_text("title: T\nbase_url: https://example.org/\n"
                                       "compares: {singular: election, plural: elections}\n", encoding="utf-8")
    out = tmp_path / "schemas"
    assert cli("schema", "--content", str(content), "--out", str(out)) == 0
    assert (out / "elections.schema.json").is_file() and not (out / "summits.schema.json").exists()
    quotes = json.loads((out / "quotes.schema.json").read_text(encoding="utf-8"))
    assert "election" in quotes["properties"] and "summit" not in quotes["properties"]
    check = jsonschema.Draft202012Validator(quotes)
    for front, valid in (({**QUOTE, "election": "first-round"}, True), (QUOTE, False)):
        front = {key: value for key, value in front.items() if not (key == "summit" and valid)}
        path = content / "quotes" / "a-quote.md"
        path.write_text("---\n" + yaml.safe_dump(front, sort_keys=False) + "---\nWords.\n", encoding="utf-8")
        loaded, problems = load_content(content)
        assert (not problems, check.is_valid(front)) == (valid, valid)


def test_a_briefing_that_compares_nothing_has_no_compared_kind():
    made = schemas.all_schemas(None)
    assert "summits.schema.json" not in made
    assert "summit" not in made["quotes.schema.json"]["properties"]
    assert validator("site").is_valid({"title": "T", "compares": "none"})
    assert not validator("site").is_valid({"title": "T", "compares": "nothing"})


def test_the_schema_command_reports_a_folder_it_cannot_write(cli, tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert cli("schema", "--out", str(blocker / "schemas")) == 1
    assert "cannot write the schemas" in capsys.readouterr().err


# -- the editor's side: `new` and `init` -----------------------------------------------

def test_new_writes_the_schema_comment_and_line_numbers_stay_right(cli, tmp_path, capsys):
    assert cli("init", str(tmp_path / "project")) == 0
    project = tmp_path / "project"
    content = project / "content"
    assert cli("new", "quotes", "a-quote", "--content", str(content), "--templates", str(project / "templates")) == 0
    path = content / "quotes" / "a-quote.md"
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "---"
    assert lines[1] == "# yaml-language-server: $schema=../../schemas/quotes.schema.json"
    # The comment points at a schema that is there, from the record's folder.
    assert (path.parent / "../../schemas/quotes.schema.json").resolve().is_file()
    # The loader reads past the comment, and a problem's line is the file's own line.
    _, problems = load_and_validate(content)
    person = next(problem for problem in problems if problem.path.endswith("a-quote.md") and "person" in problem.message)
    assert lines[person.line - 1].startswith("person:")
    lines.insert(lines.index("---", 1), "spaeker: misspelt")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _, problems = load_and_validate(content)
    unknown = [problem for problem in problems if problem.path.endswith("a-quote.md") and "spaeker" in problem.message]
    assert [problem.line for problem in unknown] == [lines.index("spaeker: misspelt") + 1]


def test_init_writes_the_schemas_and_site_yaml_points_at_its_schema(cli, tmp_path):
    assert cli("init", str(tmp_path / "project")) == 0
    project = tmp_path / "project"
    assert sorted(path.name for path in (project / "schemas").iterdir()) == sorted(schemas.all_schemas())
    site = (project / "content" / "site.yaml").read_text(encoding="utf-8")
    assert site.splitlines()[0] == "# yaml-language-server: $schema=../schemas/site.schema.json"
    assert validator("site").is_valid(yaml.safe_load(site))
