"""The build, step by step: load, validate, model, render, write.

Reads like a table of contents; each step lives in its own module. Problems
are collected and printed together; the exit code says what happened.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from pathlib import Path

import jinja2

from .content import Content, load_content
from .markup import MarkdownRenderer
from .model import Briefing, make_briefing
from .problems import Problem
from .render import Page, feed_entries, site_pages
from .templating import common_context, make_environment
from .validate import validate
from .write import OutputError, SiteWriter

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2


@dataclass(frozen=True)
class BuildResult:
    pages: int
    files: int
    seconds: float


def load_and_validate(content_dir: str | Path) -> tuple[Content, list[Problem]]:
    """Every problem in the content: per-file first, then across records."""
    content, problems = load_content(content_dir)
    return content, sorted(problems + validate(content))


def render_site(briefing: Briefing, templates_dir: Path, writer: SiteWriter) -> int:
    """Render every page, the feed, the sitemap and robots.txt into the writer; return the page count."""
    settings = briefing.settings
    renderer = MarkdownRenderer(allow_html=settings.allow_html)
    environment = make_environment(templates_dir, settings, renderer)
    pages: list[Page] = []
    for page in site_pages(briefing, renderer):
        html = environment.get_template(page.template).render(common_context(page, settings))
        writer.write(page.path, html)
        pages.append(page)
    sitemap_pages = [page for page in pages if page.in_sitemap]
    extras = {
        "feed.xml": ("feed.xml", {"entries": feed_entries(briefing)}),
        "sitemap.xml": ("sitemap.xml", {"pages": sitemap_pages}),
        "robots.txt": ("robots.txt", {}),
    }
    for path, (template, context) in extras.items():
        page = Page(path, template, context)
        writer.write(path, environment.get_template(template).render(common_context(page, settings)))
    static = templates_dir / "static"
    if static.is_dir():
        writer.copy_tree(static, "static")
    return len(pages)


def build_site(content_dir: str, templates_dir: str, out_dir: str, drafts: bool = False, quiet: bool = False) -> int:
    """`briefing-gen build`: the whole site or nothing."""
    started = time.perf_counter()
    content, problems = load_and_validate(content_dir)
    if problems:
        return report_problems(problems)
    briefing = make_briefing(content, include_drafts=drafts)
    templates = Path(templates_dir)
    if not templates.is_dir():
        print(f"{templates_dir}: no such templates folder", file=sys.stderr)
        return EXIT_USAGE
    try:
        writer = SiteWriter(out_dir, protected=[Path(content_dir), templates])
    except OutputError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_CONTENT
    try:
        with writer:
            page_count = render_site(briefing, templates, writer)
    except jinja2.TemplateSyntaxError as error:
        return report_problems([Problem(error.filename or error.name or "template", error.lineno, f"template syntax error: {error.message}", "template")])
    except jinja2.TemplateError as error:
        return report_problems([Problem(_template_location(error), _template_line(error), f"template error: {error}", "template")])
    except OutputError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_CONTENT
    except OSError as error:
        print(f"error: cannot write {out_dir}: {error.strerror or error}; the previous site is unchanged", file=sys.stderr)
        return EXIT_CONTENT
    if not quiet:
        seconds = time.perf_counter() - started
        print(f"Built {page_count} pages ({len(writer.written)} files) into {out_dir}/ in {seconds:.2f} s")
    return EXIT_OK


def _template_location(error: Exception) -> str:
    frame = _template_frame(error)
    return frame[0] if frame else "templates"


def _template_line(error: Exception) -> int:
    frame = _template_frame(error)
    return frame[1] if frame else 1


def _template_frame(error: Exception) -> tuple[str, int] | None:
    """The innermost template file and line in a Jinja traceback, for path:line reports."""
    tb = error.__traceback__
    found = None
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith((".html", ".xml", ".txt")):
            found = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return found


def report_problems(problems: list[Problem], output_format: str = "text") -> int:
    for problem in problems:
        print(problem.json() if output_format == "json" else problem.text(), file=sys.stderr if output_format == "text" else sys.stdout)
    if output_format == "text":
        print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found; nothing was written", file=sys.stderr)
    return EXIT_CONTENT if problems else EXIT_OK


def check_site(content_dir: str, templates_dir: str, output_format: str = "text") -> int:
    """`briefing-gen check`: every validation of the build, writing nothing."""
    _, problems = load_and_validate(content_dir)
    if problems:
        return report_problems(problems, output_format)
    if output_format == "text":
        print("No problems found.")
    return EXIT_OK
