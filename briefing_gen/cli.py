"""The command line: parses arguments and calls one function per command.

Exit codes: 0 success, 1 content errors, 2 usage errors. Only this module
calls sys.exit; heavy modules are imported inside each command so that
`briefing-gen --help` answers at once.
"""

from __future__ import annotations

import argparse
import os
import sys

from . import __version__


def _add_content_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--content", default="content", metavar="DIR",
                        help="folder of content records (default: content)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing-gen",
        description="Turn raw news articles into records, and records into a static briefing site.",
    )
    parser.add_argument("--version", action="version", version=f"briefing-gen {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    ingest = commands.add_parser("ingest", help="turn raw articles into content records",
                                 description="Turn raw articles (text, markdown or HTML files, or web pages "
                                             "by their http(s) address) into content records.")
    ingest.add_argument("files", nargs="+", metavar="FILE|URL",
                        help="article files to ingest, or http(s) addresses to fetch (a copy is kept)")
    ingest.add_argument("--published", metavar="DATE",
                        help="publication date (YYYY-MM-DD) that relative dates resolve against; "
                             "needed when the article states none")
    ingest.add_argument("--outlet", metavar="NAME", help="the outlet that published the articles (default: the page's own)")
    _add_content_dir(ingest)
    ingest.add_argument("--dry-run", action="store_true", help="print the report, write nothing")

    build = commands.add_parser("build", help="render the site",
                                description="Validate the content and render the static site.")
    _add_content_dir(build)
    build.add_argument("--templates", default="templates", metavar="DIR",
                       help="folder of templates and static assets (default: templates)")
    build.add_argument("--out", default="site", metavar="DIR", help="output folder (default: site)")
    build.add_argument("--drafts", action="store_true", help="include records marked draft: true")
    build.add_argument("--clean", action="store_true", help="ignore the incremental-build cache and render every page")
    build.add_argument("-q", "--quiet", action="store_true", help="print only errors")

    check = commands.add_parser("check", help="validate the content without writing the site",
                                description="Validate every record and the integrity rules; write nothing.")
    _add_content_dir(check)
    check.add_argument("--templates", default="templates", metavar="DIR")
    check.add_argument("--format", choices=("text", "json"), default="text",
                       help="text for people, json (one object per line) for tools")
    review = commands.add_parser("review", help="list what ingest left for the editor to look at",
                                 description="List every review entry of the sources and every record marked "
                                             "draft: true, with path:line, grouped by source, and count them.")
    _add_content_dir(review)
    review.add_argument("--format", choices=("text", "json"), default="text",
                        help="text for people, json (one object per line) for tools")
    _add_editor_commands(commands)
    return parser


def _add_editor_commands(commands) -> None:
    """serve, new and init: the editor's loop around build and check."""
    serve = commands.add_parser("serve", help="build, serve and rebuild on every edit",
                                description="Build into a temporary folder, serve it on 127.0.0.1, rebuild on each "
                                            "edit under the content and templates folders and reload open pages. "
                                            "Build errors show in the page; Ctrl-C stops and removes the build.")
    _add_content_dir(serve)
    serve.add_argument("--templates", default="templates", metavar="DIR",
                       help="folder of templates and static assets (default: templates)")
    serve.add_argument("--port", type=int, default=8000, metavar="N",
                       help="port to listen on (default: 8000; 0 picks any free port)")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    serve.add_argument("--drafts", action="store_true", help="include records marked draft: true")

    new = commands.add_parser("new", help="start a record from its kind's archetype",
                              description="Write content/KIND/SLUG.md from templates/archetypes/KIND.md: every "
                                          "required field, with a comment on each. Never overwrites a file.")
    new.add_argument("kind", metavar="KIND", help="sources, summits (or the plural site.yaml's compares gives), takeaways, quotes, events, people, figures or tags")
    new.add_argument("slug", metavar="SLUG", help="the file name: lowercase a-z, 0-9 and single hyphens")
    _add_content_dir(new)
    new.add_argument("--templates", default="templates", metavar="DIR",
                     help="folder holding archetypes/ (default: templates; falls back to the built-in ones)")

    init = commands.add_parser("init", help="make a new, empty briefing project",
                               description="Make DIR with content/site.yaml, one folder per kind and a copy of the "
                                           "default templates; `briefing-gen build` in DIR then works at once.")
    init.add_argument("directory", metavar="DIR", help="a new or empty folder")

    schema = commands.add_parser("schema", help="write the JSON Schemas of the records, site.yaml and briefing.json",
                                 description="Write a JSON Schema (draft 2020-12) for each record kind's front matter, "
                                             "for content/site.yaml and for the site's briefing.json, made from the "
                                             "definitions the loader checks with. Editors read them for completion "
                                             "and errors while typing (see the README).")
    schema.add_argument("--out", default="schemas", metavar="DIR", help="folder to write them to (default: schemas)")
    _add_content_dir(schema)  # its site.yaml says what the briefing compares, which names a kind and a field


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = {
        "ingest": _run_ingest,
        "build": _run_build,
        "check": _run_check,
        "review": _run_review,
        "serve": _run_serve,
        "new": _run_new,
        "init": _run_init,
        "schema": _run_schema,
    }[args.command]
    try:
        code = handler(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        code = 130
    except ModuleNotFoundError as error:  # a checkout updated since its venv was made
        print(f"briefing-gen: the package {error.name!r} is not installed here; run `make` to install what "
              "pyproject.toml lists", file=sys.stderr)
        code = 1
    if argv is None and args.command == "build":
        _exit_now(code)
    sys.exit(code)


def _exit_now(code: int) -> None:
    """End the process without freeing the build's records and pages one by one, which took a
    twentieth of a one-edit rebuild at 10,000 records: the operating system takes them back at
    once. Only the standard streams hold anything still to be written; files are closed."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(code)


def _run_ingest(args: argparse.Namespace) -> int:
    from .ingest import run_ingest

    return run_ingest(
        files=args.files,
        published=args.published,
        outlet=args.outlet,
        content_dir=args.content,
        dry_run=args.dry_run,
    )


def _run_build(args: argparse.Namespace) -> int:
    import gc

    # A build is one short process whose records live until it ends: the collector's
    # default of a pass every 700 new objects walked them again and again (a sixth of a
    # one-edit rebuild at 10,000 records). Collect rarely instead.
    gc.set_threshold(100_000, 50, 1000)
    inputs = cache = None
    if not args.clean:
        built, inputs, cache = _already_built(args)
        if built:
            return 0
    from .build import build_site

    return build_site(
        content_dir=args.content,
        templates_dir=args.templates,
        out_dir=args.out,
        drafts=args.drafts,
        quiet=args.quiet,
        clean=args.clean,
        inputs=inputs,
        cache=cache,
    )


def _already_built(args: argparse.Namespace) -> tuple[bool, object, object]:
    """Nothing changed since the last build: say so (issue 6: < 0.3 s).

    Returns whether that is so, and for the build: the stamp of the inputs to record and the
    record of the last build, read here. The stamp (a stat of every input file) is taken in a
    forked process while this one imports the renderer, which a build that finds a change
    needs next: at 10,000 records each is some 0.06 s, and they no longer add up.
    """
    import time
    from pathlib import Path

    from .cache import BuildCache
    from .terminal import print_build_summary
    from .uptodate import input_stamp, up_to_date
    from .workers import InBackground

    started = time.perf_counter()
    content, templates, out = Path(args.content), Path(args.templates), Path(args.out)
    if not (content.is_dir() and templates.is_dir()):
        return False, None, None
    stamp = InBackground(input_stamp, content, templates, args.drafts)
    from . import build  # noqa: F401 -- imported meanwhile, for the build that follows a change

    cache = BuildCache.load(out) if out.is_dir() else None
    inputs = stamp.result()
    if cache is None or not up_to_date(out, inputs, cache):
        return False, inputs, cache
    if not args.quiet:
        pages = sum(1 for path in cache.current if path.endswith(".html"))
        print_build_summary(pages, len(cache.current), 0, time.perf_counter() - started, args.out,
                            warnings=cache.warnings)
    return True, inputs, cache


def _run_check(args: argparse.Namespace) -> int:
    from .build import check_site

    return check_site(content_dir=args.content, templates_dir=args.templates, output_format=args.format)



def _run_review(args: argparse.Namespace) -> int:
    from .review import print_review, review_items

    if not os.path.isdir(args.content):
        print(f"{args.content}: no such content folder", file=sys.stderr)
        return 2
    return print_review(*review_items(args.content), output_format=args.format)


def _run_serve(args: argparse.Namespace) -> int:
    from .serve import run_serve

    return run_serve(content_dir=args.content, templates_dir=args.templates, host=args.host,
                     port=args.port, drafts=args.drafts)



def _run_new(args: argparse.Namespace) -> int:
    from .scaffold import new_record

    return new_record(args.kind, args.slug, content_dir=args.content, templates_dir=args.templates)


def _run_init(args: argparse.Namespace) -> int:
    from .scaffold import init_project

    return init_project(args.directory)


def _run_schema(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .content import load_settings
    from .problems import errors_in
    from .schemas import DEFAULT_NAMING, write_schemas

    naming = DEFAULT_NAMING
    if (Path(args.content) / "site.yaml").is_file():
        problems: list = []
        settings = load_settings(Path(args.content), problems)
        if errors_in(problems):
            for problem in errors_in(problems):
                print(problem.text(), file=sys.stderr)
            return 1
        naming = settings.compares
    try:
        schemas = write_schemas(args.out, naming)
    except OSError as error:
        print(f"{args.out}: cannot write the schemas: {error.strerror or error}", file=sys.stderr)
        return 1
    unchanged = list(schemas.values()).count(False)
    for path in (path for path, written in schemas.items() if written):
        print(f"Wrote {path}")
    if unchanged:
        print(f"{unchanged} schema{'s' if unchanged != 1 else ''} in {args.out}/ already up to date")
    return 0


if __name__ == "__main__":
    main()
