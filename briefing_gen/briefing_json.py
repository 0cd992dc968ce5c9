"""`site/briefing.json`: the whole briefing as data, for a newsroom's other tools.

Every record of every kind the site shows (drafts only with `build --drafts`)
with its front-matter fields, its body, the address of its page, and each
reference resolved to the record it names (its kind, slug, title and page;
a cited paragraph to its `#pN` anchor); plus the briefing's settings. The
file names its schema with `$schema`: `schemas/briefing.schema.json` of the
published site, made by `export_schema()` from the same front-matter schemas
the editor's records are checked with.
"""

from __future__ import annotations

import dataclasses
import json
from functools import partial
from typing import Any

from . import __version__, records, schemas
from .content import Naming, SiteSettings
from .records import RECORD_TYPE_BY_KIND, REFERENCES, Citation, Note, Record, Window
from . import render  # as a module: render imports this one too
from .templating import absolute_url

EXPORT_PATH = "briefing.json"
SCHEMA_PATH = f"{schemas.SCHEMA_FOLDER}/{schemas.BRIEFING_SCHEMA}.schema.json"


def display_title(record: Record) -> str:
    """What a reader calls a record: its title, a person's name, a figure's label."""
    for attribute in ("title", "name", "label"):
        value = getattr(record, attribute, None)
        if isinstance(value, str):
            return value
    return record.slug


def json_value(value: Any) -> Any:
    """A record's field as JSON: tuples as lists, nested values as the mappings the editor wrote."""
    if isinstance(value, Window):
        return {"from": value.start, "to": value.end}
    if isinstance(value, (Citation, Note)):
        return dataclasses.asdict(value)
    if isinstance(value, tuple) and value and isinstance(value[0], tuple):  # a compare table
        return {dimension: json_value(cell) for dimension, cell in value}
    if isinstance(value, tuple):
        return [json_value(item) for item in value]
    return value


def also_in_entry(record: Record, cited: records.Cited) -> dict[str, Any]:
    """An `also_in` entry as the editor wrote it: a takeaway's paragraphs, any other record's
    paragraph, and a quote's own wording for that source where it has one."""
    entry: dict[str, Any] = {"source": cited.source}
    if isinstance(record, records.Takeaway):
        entry["paragraphs"] = list(cited.paragraphs)
    else:
        entry["paragraph"] = cited.paragraph
    if cited.wording is not None:
        entry["wording"] = cited.wording
    return entry


class Exporter:
    """Turns the briefing's records into the export's objects, resolving references. Kinds are
    named by their folder and fields by their key, as the briefing names them (`compares`)."""

    def __init__(self, briefing: Any) -> None:
        self.briefing = briefing
        settings = briefing.settings
        self.base_url, self.pretty, self.naming = settings.base_url, settings.pretty_urls, settings.compares
        self.folders = schemas.kind_folders(self.naming)

    def address(self, path: str) -> dict[str, str]:
        return {"path": path, "url": absolute_url(self.base_url, path, self.pretty)}

    def reference(self, kind: str, slug: str, paragraph: int | None = None) -> dict[str, Any]:
        target = self.briefing.record(kind, slug)
        found: dict[str, Any] = {"kind": self.folders[kind], "slug": slug}
        if target is None:  # left out of the site (a draft): named, with no page
            return found
        found["title"] = display_title(target)
        if paragraph is not None:
            found["paragraph"] = paragraph
            return {**found, **self.address(render.paragraph_path(slug, paragraph))}
        return {**found, **self.address(render.record_path(target))}

    def references(self, record: Record) -> dict[str, Any]:
        resolved: dict[str, Any] = {}
        for spec in schemas.record_fields(type(record), self.naming):
            value = getattr(record, spec.attribute)
            if spec.attribute in REFERENCES and value:
                kind = REFERENCES[spec.attribute]
                paragraph = getattr(record, "paragraph", None) if spec.attribute == "source" else None
                resolved[spec.key] = ([self.reference(kind, slug) for slug in value] if isinstance(value, tuple)
                                      else self.reference(kind, value, paragraph))
        if isinstance(record, records.Takeaway):
            resolved["paragraphs"] = [self.reference("sources", record.source, number) for number in record.paragraphs]
        if getattr(record, "also_in", ()):
            resolved["also_in"] = [self.reference("sources", cited.source, number)
                                   for cited in record.also_in for number in cited.paragraphs]
        if isinstance(record, records.Summit) and record.compare:
            resolved["compare"] = {dimension: self.reference("sources", cell.source, cell.paragraph)
                                   for dimension, cell in record.compare}
        return resolved

    def record(self, record: Record) -> dict[str, Any]:
        fields = {}
        for spec in schemas.record_fields(type(record), self.naming):
            value = getattr(record, spec.attribute)
            if spec.attribute == "also_in":
                fields[spec.key] = [also_in_entry(record, cited) for cited in value]
            elif value is not None:
                fields[spec.key] = json_value(value)
        return {"slug": record.slug, **self.address(render.record_path(record)), "fields": fields,
                "body": record.body, "references": self.references(record)}


def briefing_data(briefing: Any) -> dict[str, Any]:
    """The export as a JSON-ready dict, in the briefing's own orders."""
    exporter = Exporter(briefing)
    # Settings left empty (no author, no headline) are left out, as an editor leaves them out of site.yaml.
    settings = {key: value for key, value in dataclasses.asdict(briefing.settings).items() if value != ""}
    if briefing.settings.compares is None:
        settings["compares"] = "none"
    return {
        "$schema": absolute_url(briefing.settings.base_url, SCHEMA_PATH),
        "generator": f"briefing-gen {__version__}",
        "settings": settings,
        "records": {folder: [exporter.record(record) for record in getattr(briefing, kind)]
                    for kind, folder in exporter.folders.items()},
    }


def published_schemas(settings: SiteSettings) -> dict[str, str]:
    """Output path -> text of the schemas the site publishes beside briefing.json (schemas/), under
    the briefing's naming: the export's, which its `$schema` names, and each record kind's."""
    return {f"{schemas.SCHEMA_FOLDER}/{name}": schemas.schema_text(schema)
            for name, schema in schemas.all_schemas(settings.compares).items()}


def briefing_json(briefing: Any) -> str:
    """The text of briefing.json: the same for the same briefing. One record a line: a diff of the
    committed site shows which records changed, and each line is written by json's C encoder
    (indenting the whole file took the pure-Python one, ten times as long at 10,000 records)."""
    data = briefing_data(briefing)
    compact = partial(json.dumps, ensure_ascii=False, separators=(",", ":"))
    lines = ["{"]
    for key in ("$schema", "generator", "settings"):
        lines.append(f" {compact(key)}:{compact(data[key])},")
    lines.append(' "records":{')
    kinds = list(data["records"].items())
    for number, (kind, listed) in enumerate(kinds, 1):
        lines.append(f"  {compact(kind)}:[")
        lines.extend(f"   {compact(record)}{',' if index < len(listed) else ''}" for index, record in enumerate(listed, 1))
        lines.append(f"  ]{',' if number < len(kinds) else ''}")
    lines.append(" }")
    lines.append("}")
    return "\n".join(lines) + "\n"


# -- its schema -------------------------------------------------------------------

def _reference_schema(folders: list[str], with_paragraph: bool = False) -> dict:
    properties = {"kind": {"enum": folders}, "slug": schemas.converter_schema(records.slug),
                  "title": {"type": "string"}, "path": {"type": "string"}, "url": {"type": "string"}}
    if with_paragraph:
        properties["paragraph"] = {"type": "integer", "minimum": 1}
    return {"type": "object", "properties": properties, "required": ["kind", "slug"], "additionalProperties": False}


def _references_schema(kind: str, naming: Naming | None) -> dict:
    properties: dict[str, Any] = {}
    for spec in schemas.record_fields(RECORD_TYPE_BY_KIND[kind], naming):
        if spec.attribute in REFERENCES:
            one = {"$ref": "#/$defs/paragraph_reference" if spec.attribute == "source" else "#/$defs/reference"}
            properties[spec.key] = {"type": "array", "items": one} if getattr(spec.convert, "item", None) else one
    if kind == "takeaways":
        properties["paragraphs"] = {"type": "array", "items": {"$ref": "#/$defs/paragraph_reference"}}
    if any(spec.attribute == "also_in" for spec in schemas.record_fields(RECORD_TYPE_BY_KIND[kind], naming)):
        properties["also_in"] = {"type": "array", "items": {"$ref": "#/$defs/paragraph_reference"},
                                 "description": "Every paragraph of another source that reports it."}
    if kind == "summits":
        properties["compare"] = {"type": "object", "additionalProperties": {"$ref": "#/$defs/paragraph_reference"}}
    return {"type": "object", "properties": properties, "additionalProperties": False}


def _record_schema(kind: str, folder: str, naming: Naming | None) -> dict:
    return {"type": "object", "required": ["slug", "path", "url", "fields", "body", "references"],
            "additionalProperties": False, "properties": {
                "slug": schemas.converter_schema(records.slug),
                "path": {"type": "string", "description": "The record's page (or anchor), from the site's root."},
                "url": {"type": "string", "description": "The same, as an absolute address from base_url."},
                "fields": {"$ref": f"#/$defs/{folder}"},
                "body": {"type": "string", "description": "The markdown body."},
                "references": _references_schema(kind, naming)}}


def export_schema(naming: Naming | None = schemas.DEFAULT_NAMING) -> dict:
    """The schema of briefing.json under a briefing's naming; each kind's `fields` are its
    front-matter schema."""
    folders = schemas.kind_folders(naming)
    definitions: dict[str, Any] = {"reference": _reference_schema(list(folders.values())),
                                   "paragraph_reference": _reference_schema(list(folders.values()), True)}
    for kind, folder in folders.items():
        definitions[folder] = {key: value for key, value in schemas.front_matter_schema(kind, naming).items()
                               if key != "$schema"}
    site = {key: value for key, value in schemas.settings_schema().items() if key != "$schema"}
    # Every setting has a value but those left empty (see briefing_data).
    empty_by_default = {field.name for field in dataclasses.fields(SiteSettings) if field.default == ""}
    definitions["settings"] = {**site, "required": [key for key in site["properties"] if key not in empty_by_default]}
    return {
        "$schema": schemas.DRAFT,
        "title": "briefing-gen briefing export (briefing.json)",
        "description": "Every record of the briefing with its fields, resolved references and page, and its settings.",
        "type": "object",
        "required": ["$schema", "generator", "settings", "records"],
        "additionalProperties": False,
        "properties": {
            "$schema": {"type": "string"},
            "generator": {"type": "string"},
            "settings": {"$ref": "#/$defs/settings"},
            "records": {"type": "object", "required": list(folders.values()), "additionalProperties": False,
                        "properties": {folder: {"type": "array", "items": _record_schema(kind, folder, naming)}
                                       for kind, folder in folders.items()}},
        },
        "$defs": definitions,
    }
