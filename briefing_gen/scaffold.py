"""`briefing-gen new` and `init`: a new record from its kind's archetype, a new empty project.

An archetype is `templates/archetypes/<kind>.md`, a Jinja template that
writes every required field with a comment on each, as Hugo's archetypes
do. A reference (summit, source, person) is filled in when the site has
exactly one record of that kind, the only right answer; otherwise it is the
placeholder `change-me`, which `check` reports with the slugs to choose from,
so a record is never silently attached to the wrong summit.
"""

from __future__ import annotations

import datetime
import difflib
import os
import shutil
import sys
from pathlib import Path

import jinja2

from .content import Naming, kind_folders, load_settings
from .records import RECORD_TYPE_BY_KIND, SLUG_PATTERN
from .schemas import SCHEMA_FOLDER, modeline, write_schemas

PLACEHOLDER = "change-me"
# templates/ of the repository, shipped in the package (see pyproject.toml)
DEFAULT_TEMPLATES = Path(__file__).resolve().parent / "default_templates"
EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2

SITE_SETTINGS = """\
# yaml-language-server: $schema=../schemas/site.schema.json
# Site settings: what every page of the briefing needs to know.
# The site's name, in the title of every page.
title: "{title}"
# One sentence on what the briefing covers, for search engines and link previews.
description: "A news briefing."
# The language of the content, as an HTML lang code.
language: en
# Where the site will be published: the feed and the sitemap link from here.
base_url: https://example.org/
# Optional: author: "Desk name", headline: "The home page's heading", summary: "A paragraph, in markdown",
# pretty_urls: true (links end in / instead of index.html), allow_html: true (raw HTML in bodies, sanitised).
# What the briefing sets side by side, in the singular and the plural: the folder under content/,
# the field by which a quote, takeaway or event refers to one, the pages and their labels follow.
# Rename them (singular: election, plural: elections), or write `compares: none` to compare nothing.
compares: {{singular: summit, plural: summits}}
"""

GITIGNORE = ".briefing-gen-cache/\n.*.shadow/\n"


def archetype_values(content_dir: Path, kind: str, slug: str, naming: Naming | None = Naming()) -> dict[str, object]:
    """What an archetype can use: the slug, a title made from it, today, the reference defaults,
    and what the briefing compares (`compares`: singular, plural, or None)."""
    def only_slug(of_kind: str) -> str:
        slugs = sorted(path.stem for path in (content_dir / of_kind).glob("*.md")) if (content_dir / of_kind).is_dir() else []
        return slugs[0] if len(slugs) == 1 else PLACEHOLDER

    takeaways = content_dir / "takeaways"
    return {
        "kind": kind,
        "slug": slug,
        "title": slug.replace("-", " ").capitalize() if kind != "people" else slug.replace("-", " ").title(),
        "today": datetime.date.today().isoformat(),
        "summit": only_slug(naming.plural) if naming else PLACEHOLDER,
        "compares": naming,
        "source": only_slug("sources"),
        "person": only_slug("people"),
        "order": len(list(takeaways.glob("*.md"))) + 1 if takeaways.is_dir() else 1,
    }


def render_archetype(templates_dir: Path, kind: str, values: dict[str, object], folder_name: str | None = None) -> str:
    """The archetype of a kind, from the project's templates or else the defaults, filled in;
    the compared kind's may be named after its folder (archetypes/elections.md)."""
    names = [name for name in (folder_name, kind) if name]
    for folder, name in ((folder, name) for folder in (templates_dir, DEFAULT_TEMPLATES) for name in names):
        path = folder / "archetypes" / f"{name}.md"
        if path.is_file():
            environment = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
            return environment.from_string(path.read_text(encoding="utf-8")).render(values)
    raise FileNotFoundError(f"no archetype for {kind}: add {templates_dir / 'archetypes' / (kind + '.md')}")


def new_record(kind: str, slug: str, content_dir: str, templates_dir: str) -> int:
    """`briefing-gen new KIND SLUG`: write content/<kind>/<slug>.md, never over an existing file.
    The compared kind goes by the plural the briefing gives it (site.yaml `compares`)."""
    content = Path(content_dir)
    naming = load_settings(content, []).compares if content.is_dir() else Naming()
    folders = {folder: kind_name for kind_name, folder in kind_folders(naming).items()}
    if kind not in folders:
        close = difflib.get_close_matches(kind, list(folders), n=1, cutoff=0.5)
        hint = f"did you mean '{close[0]}'? " if close else ""
        why = " (site.yaml says `compares: none`)" if kind == "summits" and naming is None else ""
        print(f"unknown kind '{kind}'{why}; {hint}kinds: {', '.join(folders)}", file=sys.stderr)
        return EXIT_USAGE
    folder_name, kind = kind, folders[kind]
    if not SLUG_PATTERN.match(slug):
        suggestion = "-".join("".join(c if c.isalnum() and c.isascii() else " " for c in slug.lower()).split())
        hint = f"; try '{suggestion}'" if suggestion and SLUG_PATTERN.match(suggestion) else ""
        print(f"'{slug}' is not a valid slug: use lowercase a-z, 0-9 and single hyphens{hint}", file=sys.stderr)
        return EXIT_USAGE
    if not content.is_dir():
        print(f"{content_dir}: no such content folder (make a project with `briefing-gen init DIR`)", file=sys.stderr)
        return EXIT_USAGE
    target = content / folder_name / f"{slug}.md"
    if target.exists():
        print(f"{target}: already exists; refusing to overwrite it (edit it, or choose another slug)", file=sys.stderr)
        return EXIT_REFUSED
    try:
        text = render_archetype(Path(templates_dir), kind, archetype_values(content, kind, slug, naming), folder_name)
    except (FileNotFoundError, jinja2.TemplateError) as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    schemas_folder = content.resolve().parent / SCHEMA_FOLDER
    text = with_schema_line(text, folder_name, os.path.relpath(schemas_folder, target.parent.resolve()))
    target.parent.mkdir(exist_ok=True)
    with open(target, "x", encoding="utf-8") as record:  # "x": never overwrite, even in a race
        record.write(text)
    print(f"Wrote {target}")
    if PLACEHOLDER in text:
        print(f"Replace each '{PLACEHOLDER}' with the slug of an existing record; `briefing-gen check` lists them.")
    if "yaml-language-server:" in text and not (schemas_folder / f"{folder_name}.schema.json").is_file():
        print(f"Its first comment points your editor at {SCHEMA_FOLDER}/{folder_name}.schema.json, not there yet: "
              f"`briefing-gen schema` writes it.")
    return EXIT_OK


def with_schema_line(text: str, folder_name: str, schemas_from_record: str) -> str:
    """The record with yaml-language-server's `$schema` comment as the first line of its front
    matter (just after the opening `---`, which must stay the file's first line), so an editor
    completes and checks its fields while typing. An archetype that has one keeps its own."""
    if "yaml-language-server:" in text or not text.startswith("---\n"):
        return text
    return f"---\n{modeline(folder_name, Path(schemas_from_record).as_posix())}\n{text[4:]}"


def init_project(directory: str, templates_source: Path = DEFAULT_TEMPLATES) -> int:
    """`briefing-gen init DIR`: site.yaml, one folder per kind, a copy of the default templates."""
    root = Path(directory)
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        print(f"{directory}: exists and is not empty; refusing to write into it (choose a new folder)", file=sys.stderr)
        return EXIT_REFUSED
    if not templates_source.is_dir():
        print(f"error: the default templates are missing ({templates_source})", file=sys.stderr)
        return EXIT_USAGE
    content = root / "content"
    for kind in RECORD_TYPE_BY_KIND:
        (content / kind).mkdir(parents=True)
        (content / kind / ".gitkeep").touch()  # git keeps no empty folder
    title = root.resolve().name.replace("-", " ").replace("_", " ").strip().capitalize() or "Briefing"
    (content / "site.yaml").write_text(SITE_SETTINGS.format(title=title.replace('"', "'")), encoding="utf-8")
    shutil.copytree(templates_source, root / "templates", ignore=shutil.ignore_patterns(".*", "__pycache__"))
    (root / ".gitignore").write_text(GITIGNORE, encoding="utf-8")
    write_schemas(root / SCHEMA_FOLDER)
    print(f"Made a new briefing in {directory}/. Next:\n"
          f"  cd {directory}\n"
          f"  briefing-gen new sources my-first-article   (or: briefing-gen ingest article.html)\n"
          f"  briefing-gen serve")
    return EXIT_OK
