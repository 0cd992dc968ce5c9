"""JSON Schemas (draft 2020-12) made from the field definitions the loader checks with.

Each record kind's front matter, and `site.yaml`, get a schema built from the
converters of `records.py` (and `content.SETTINGS_CONVERTERS`): the loader and
the schema read the same definitions, so they cannot drift apart. A converter
with no schema here is an error, not a silent `{}` (a test makes every schema).
`briefing-gen schema` writes them to `schemas/`; an editor reads them through
the `# yaml-language-server: $schema=...` line `new` writes (README).

A schema is a little wider than the loader in two places, which JSON Schema
cannot say: an impossible day (`2023-02-30`) passes the schema, and text that
is only white space passes `text`. The loader still reports both.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import records
from .content import FieldSpec, Naming, kind_folders, record_fields  # noqa: F401  (the loader's own fields)
from .records import RECORD_TYPE_BY_KIND, Record

DRAFT = "https://json-schema.org/draft/2020-12/schema"
DEFAULT_NAMING = Naming()
SCHEMA_FOLDER = "schemas"
SITE_SCHEMA = "site"  # content/site.yaml
BRIEFING_SCHEMA = "briefing"  # site/briefing.json

_DATE_PATTERN = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
# PyYAML reads an unquoted 2019 as a number, which the loader takes as the year.
_YEAR = {"type": "integer", "minimum": 1000, "maximum": 9999}
_DATE = {"anyOf": [{"type": "string", "pattern": _DATE_PATTERN}, _YEAR],
         "description": "A date at the precision the source gives: 2023, 2023-09 or 2023-09-13 (quote it)."}
_PARAGRAPH = {"type": "integer", "minimum": 1, "description": "A paragraph of the source; 1 is the first."}
_SLUG = {"type": "string", "pattern": records.SLUG_PATTERN.pattern,
         "description": "A slug: lowercase a-z, 0-9 and single hyphens."}
_TEXT = {"type": ["string", "number"], "minLength": 1}


def _object(properties: dict[str, dict], required: tuple[str, ...], description: str) -> dict:
    return {"type": "object", "description": description, "properties": properties,
            "required": list(required), "additionalProperties": False}


_NOTE = _object({"kind": _TEXT, "text": _TEXT, "paragraph": {"type": "integer", "minimum": 0}},
                ("kind", "text", "paragraph"), "What ingest removed or flagged: its kind, its text, its paragraph (0: none).")
_CITATION = _object({"text": _TEXT, "source": _SLUG, "paragraph": _PARAGRAPH},
                    ("text", "source", "paragraph"), "A claim and the source paragraph that supports it.")

# The schema of each converter of records.py; list_of(...) is made from its item's.
CONVERTER_SCHEMAS: dict[Callable[[Any], Any], dict] = {
    records.text: _TEXT,
    records.slug: _SLUG,
    records.web_url: {"type": "string", "pattern": r"^[hH][tT][tT][pP][sS]?://[^\s]+$",
                      "description": "An http:// or https:// address."},
    records.date: _DATE,
    records.date_or_unknown: {"anyOf": [*_DATE["anyOf"], {"const": "unknown"}],
                              "description": "A date (2023, 2023-09 or 2023-09-13), or unknown."},
    records.integer: {"type": "integer"},
    records.paragraph_number: _PARAGRAPH,
    records.page_size: {"type": "integer", "minimum": 1},
    records.number: {"type": "number"},
    records.boolean: {"type": "boolean"},
    records.note: _NOTE,
    records.citation: _CITATION,
    records.window: _object({"from": _DATE, "to": _DATE}, ("from", "to"), "The dates that belong to the summit."),
    records.compare_table: {"type": "object", "propertyNames": {"minLength": 1}, "additionalProperties": _CITATION,
                            "description": "Dimension -> {text, source, paragraph}: a row of the side-by-side table."},
    records.person_kind: {"enum": ["person", "organization"]},
    records.also_in_paragraph: _object({"source": _SLUG, "paragraph": _PARAGRAPH}, ("source", "paragraph"),
                                       "Another source that reports it, and the paragraph where."),
    records.also_in_quote: _object({"source": _SLUG, "paragraph": _PARAGRAPH, "wording": _TEXT}, ("source", "paragraph"),
                                   "Another source that reports the quote, the paragraph where, and its wording "
                                   "when that source gives the words otherwise."),
    records.also_in_paragraphs: _object({"source": _SLUG, "paragraphs": {"type": "array", "items": _PARAGRAPH, "minItems": 1}},
                                        ("source", "paragraphs"), "Another source that reports it, and the paragraphs where."),
    records.timestamp: {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$",
                        "description": "A moment in UTC, to the second: 2026-12-07T13:05:09Z."},
    records.file_name: {"type": "string", "minLength": 1, "pattern": r"^[^./\\][^/\\]*$",
                        "description": "The name of a file beside the record."},
}

# What each key means, for an editor's hover; a kind's own note wins over the general one.
FIELD_NOTES: dict[str, str] = {
    "title": "The title as readers see it.",
    "summit": "The summit it belongs to: the slug of a file in content/summits/.",
    "source": "The source that reports it: the slug of a file in content/sources/.",
    "paragraph": "The paragraph of that source where it stands (1 is the first).",
    "tags": "Tags: slugs of files in content/tags/.",
    "draft": "true: left out of the site unless `build --drafts`.",
    "outlet": "The outlet that published it (the paper, agency or site).",
    "published": "Its publication date: 2023, 2023-09 or 2023-09-13 (keep the quotes).",
    "byline": "The authors, as the article names them.",
    "url": "Where the article was published: an http(s) address.",
    "language": "The article's language, as an HTML lang code.",
    "removed": "What ingest stripped from the article (spam, boilerplate, teasers).",
    "review": "What an editor should look at; delete an entry once seen to.",
    "also_in": "Other sources that report it: {source, paragraph} each (a takeaway: {source, paragraphs}; a quote may add its wording there).",
    "extracted_by": "How ingest found the article's body in the page (the extractor and its version).",
    "fetched_from": "The address ingest fetched the page from.",
    "final_url": "The address the page came from after redirects.",
    "redirects": "Every address the fetch was redirected through, in order.",
    "fetched_at": "When ingest fetched the page, in UTC.",
    "snapshot": "The file beside this record that keeps the fetched page byte for byte.",
    "date": "When it took place: 2023, 2023-09 or 2023-09-13 (keep the quotes).",
    "place": "Where: city, region or country.",
    "venue": "The building or site.",
    "window": "{from, to}: the dates that belong to the summit.",
    "compare": "One row of the side-by-side table per dimension: {text, source, paragraph}.",
    "order": "Its place in the list of takeaways: 1 comes first.",
    "paragraphs": "The paragraph numbers of the source that back it (1 is the first).",
    "people": "People it names: slugs of files in content/people/.",
    "speaker": "The speaker exactly as the source writes them.",
    "person": "Who that is: the slug of a file in content/people/.",
    "said_on": "When the words were said: 2023, 2023-09, 2023-09-13 (keep the quotes), or unknown.",
    "role": "Their title or role at the time.",
    "via": "The outlet or agency that relayed the words.",
    "partial": "true for a fragment of a longer sentence.",
    "verbatim": "false for a paraphrase: then it is not checked word for word.",
    "name": "The name as the briefing shows it.",
    "aliases": "Every spelling the sources use, so quotes find this record.",
    "person_kind": "person or organization.",
    "label": "What the number counts.",
    "value": "The number itself, without its unit.",
    "unit": "Its unit; figures with the same unit share a chart row.",
    "as_of": "The date the number holds for: 2023, 2023-09 or 2023-09-13 (keep the quotes).",
    # site.yaml
    "description": "One sentence on the briefing, for search engines and link previews.",
    "base_url": "Where the site is published: the feed, sitemap and cards link from here.",
    "author": "Who writes the briefing.",
    "headline": "The home page's heading.",
    "summary": "A paragraph on the home page, in markdown.",
    "pretty_urls": "true: links end in / instead of index.html.",
    "allow_html": "true: raw HTML in bodies, sanitised.",
    "page_size": "Takeaways or quotes per list page.",
    "cards": "false: no share cards (og:image); a build of thousands of quotes spends most of its time drawing them.",
    "data": "false: no briefing.json and schemas/ in the site; at 10,000 records it is 16 MB, made again after each edit.",
    "compares": "What the briefing sets side by side: {singular: summit, plural: summits}, or none.",
}
KIND_NOTES: dict[tuple[str, str], str] = {
    ("summits", "title"): "The summit's name as readers see it.",
    ("takeaways", "title"): "The point in one line.",
    ("events", "title"): "What happened, in one line.",
    ("events", "date"): "When: 2023, 2023-09 or 2023-09-13 (keep the quotes); the timeline shows that precision.",
    ("events", "summit"): "The summit it belongs to, if any: the slug of a file in content/summits/.",
    ("tags", "title"): "The topic's name as readers see it.",
    ("sources", "title"): "The headline of the article.",
    ("takeaways", "source"): "The source that backs it: the slug of a file in content/sources/.",
    ("takeaways", "summit"): "The summit it is about: the slug of a file in content/summits/.",
    ("people", "role"): "What they do.",
    ("site", "title"): "The site's name, in the title of every page.",
    ("site", "language"): "The language of the content, as an HTML lang code.",
}
KIND_DESCRIPTIONS = {
    "sources": "A news article, cleaned; paragraph N is addressable as #pN.",
    "summits": "A meeting the briefing compares with the others.",
    "takeaways": "One key point of the briefing, backed by paragraphs of one source.",
    "quotes": "Words someone said, as one source reports them; the body is the words, checked word for word.",
    "events": "Something that happened, for the timeline.",
    "people": "A person or organisation that speaks or is named in the briefing.",
    "figures": "A number for 'by the numbers' and its chart, from one source paragraph.",
    "tags": "A topic that groups takeaways, quotes, events and figures.",
    SITE_SCHEMA: "content/site.yaml: what every page of the briefing needs to know.",
}


class NoSchema(LookupError):
    """A converter that this module cannot describe: add it to CONVERTER_SCHEMAS."""


# site.yaml `compares`: a singular and a plural slug, or none (any case) or false.
_COMPARES = {"anyOf": [
    _object({"singular": _SLUG, "plural": _SLUG}, ("singular", "plural"), "What the briefing compares."),
    {"type": "string", "pattern": r"^\s*[nN][oO][nN][eE]\s*$"}, {"const": False}]}


def converter_schema(convert: Callable[[Any], Any]) -> dict:
    from .content import compares  # site.yaml's, beside the records' converters

    item = getattr(convert, "item", None)
    if item is not None:  # records.list_of(item)
        return {"type": "array", "items": converter_schema(item)}
    if convert is compares:
        return dict(_COMPARES)
    try:
        return dict(CONVERTER_SCHEMAS[convert])
    except (KeyError, TypeError):
        raise NoSchema(f"no JSON Schema for the converter {getattr(convert, '__qualname__', convert)!r}; "
                       f"add one to briefing_gen.schemas.CONVERTER_SCHEMAS") from None


def _with_note(schema: dict, kind: str, key: str, default: Any = dataclasses.MISSING) -> dict:
    note = KIND_NOTES.get((kind, key)) or FIELD_NOTES.get(key)
    if note:
        schema = {**schema, "description": note}
    if dataclasses.is_dataclass(default):  # site.yaml's compares
        default = dataclasses.asdict(default)
    if default is not dataclasses.MISSING and default is not None:
        schema["default"] = list(default) if isinstance(default, tuple) else default
    return schema


def front_matter_schema(kind: str, naming: Naming | None = DEFAULT_NAMING) -> dict:
    """The schema of a kind's front matter: every key the loader knows, the required ones, no other."""
    properties, required = {}, []
    for spec in record_fields(RECORD_TYPE_BY_KIND[kind], naming):
        properties[spec.key] = _with_note(converter_schema(spec.convert), kind, spec.attribute, spec.default)
        if spec.attribute == "summit" and naming is not None:
            properties[spec.key]["description"] = (f"The {naming.singular_label} it belongs to: the slug of a file "
                                                   f"in content/{naming.plural}/.")
        if spec.required:
            required.append(spec.key)
    folder = kind_folders(naming).get(kind, kind)
    description = KIND_DESCRIPTIONS[kind]
    if kind == "summits" and naming is not None:
        description = f"What the briefing compares ({naming.plural_label}): one of them."
    return {"$schema": DRAFT, "title": f"briefing-gen {folder} record", "description": description,
            "type": "object", "properties": properties, "required": required, "additionalProperties": False}


def settings_schema() -> dict:
    """The schema of content/site.yaml, from the converters its loader uses."""
    from .content import SETTINGS_CONVERTERS, SiteSettings

    defaults = {field.name: field.default for field in dataclasses.fields(SiteSettings)}
    properties = {key: _with_note(converter_schema(convert), SITE_SCHEMA, key, defaults.get(key, dataclasses.MISSING))
                  for key, convert in SETTINGS_CONVERTERS.items()}
    return {"$schema": DRAFT, "title": "briefing-gen site settings",
            "description": KIND_DESCRIPTIONS[SITE_SCHEMA], "type": "object", "properties": properties,
            "required": ["title"], "additionalProperties": False}


def all_schemas(naming: Naming | None = DEFAULT_NAMING) -> dict[str, dict]:
    """File name -> schema: one per record kind (named after its folder), site.yaml's, and the
    export's (briefing_json.py), under a briefing's naming (site.yaml `compares`)."""
    from .briefing_json import export_schema

    schemas = {f"{folder}.schema.json": front_matter_schema(kind, naming) for kind, folder in kind_folders(naming).items()}
    schemas[f"{SITE_SCHEMA}.schema.json"] = settings_schema()
    schemas[f"{BRIEFING_SCHEMA}.schema.json"] = export_schema(naming)
    return schemas


def schema_text(schema: dict) -> str:
    """A schema as committed and published: the same bytes for the same schema."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write_schemas(folder: str | Path, naming: Naming | None = DEFAULT_NAMING) -> dict[Path, bool]:
    """Write every schema into `folder`, rewriting only those whose text changed; each schema's
    path, and whether it was written."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, schema in all_schemas(naming).items():
        path = folder / name
        text = schema_text(schema)
        written[path] = not path.is_file() or path.read_text(encoding="utf-8") != text
        if written[path]:
            path.write_text(text, encoding="utf-8")
    return written


def modeline(kind: str, schemas_from_record: str = "../../schemas") -> str:
    """The comment that points yaml-language-server at a kind's schema, from a record file."""
    return f"# yaml-language-server: $schema={schemas_from_record}/{kind}.schema.json"
