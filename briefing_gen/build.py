"""The build, step by step: load, validate, model, render, write.

Reads like a table of contents; each step lives in its own module. Problems
are collected and printed together; the exit code says what happened.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import jinja2

from .cache import BuildCache, TemplateHashes, fingerprint
from .content import Content, load_content
from .markup import MarkdownRenderer
from .model import Briefing, make_briefing
from .problems import Problem
from .render import Page, feed_entries, site_pages
from .search import INDEX_PATH, search_index_script
from .templating import common_context, make_environment
from .validate import validate
from .write import OutputError, SiteWriter, check_output_folder, output_lock, recover_interrupted_build

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2


@dataclass(frozen=True)
class BuildResult:
    pages: int
    files: int
    changed: int


def load_and_validate(content_dir: str | Path) -> tuple[Content, list[Problem]]:
    """Every problem in the content: per-file first, then across records."""
    content, problems = load_content(content_dir)
    return content, sorted(problems + validate(content))


@dataclass(frozen=True)
class Output:
    """One file of the site: its path, its fingerprint, and how to make its bytes."""

    path: str
    fingerprint: str
    produce: Callable[[], str | bytes]
    is_page: bool = False


def plan_outputs(briefing: Briefing, templates_dir: Path) -> list[Output]:
    """Every file of the site with its fingerprint; nothing is rendered yet."""
    settings = briefing.settings
    renderer = MarkdownRenderer(allow_html=settings.allow_html)
    environment = make_environment(templates_dir, settings, renderer)
    template_hashes = TemplateHashes(environment)
    outputs: list[Output] = []

    def add(page: Page, is_page: bool) -> None:
        context = common_context(page, settings)
        template = environment.get_template(page.template)
        outputs.append(Output(page.path, fingerprint(template_hashes.of(page.template), context),
                              lambda: template.render(context), is_page))

    pages = list(site_pages(briefing, renderer))
    for page in pages:
        add(page, is_page=True)
    add(Page("feed.xml", "feed.xml", {"entries": feed_entries(briefing)}), is_page=False)
    add(Page("sitemap.xml", "sitemap.xml", {"pages": [page for page in pages if page.in_sitemap]}), is_page=False)
    add(Page("robots.txt", "robots.txt", {}), is_page=False)
    search_index = search_index_script(briefing)
    outputs.append(Output(INDEX_PATH, fingerprint(search_index), lambda: search_index))
    static = templates_dir / "static"
    if static.is_dir():
        for path in sorted(static.rglob("*")):
            relative = path.relative_to(static)
            if path.is_file() and not any(part.startswith(".") for part in relative.parts):
                data = path.read_bytes()
                outputs.append(Output(f"static/{relative.as_posix()}", fingerprint(data.hex()), lambda data=data: data))
    return outputs


def render_site(briefing: Briefing, templates_dir: Path, writer: SiteWriter) -> int:
    """Render every file of the site into a writer, without the cache; return the page count."""
    outputs = plan_outputs(briefing, templates_dir)
    for output in outputs:
        writer.write(output.path, output.produce())
    return sum(output.is_page for output in outputs)


def write_outputs(outputs: list[Output], out_dir: Path, protected: list[Path], clean: bool) -> BuildResult:
    """Write the site through the cache: reuse unchanged files, render the rest, swap in."""
    cache = BuildCache(out_dir) if clean else BuildCache.load(out_dir)
    reusable = {output.path for output in outputs if cache.reusable(output.path, output.fingerprint)}
    pages = sum(output.is_page for output in outputs)
    everything_reused = len(reusable) == len(outputs) == len(cache.files)
    if everything_reused and not clean:
        return BuildResult(pages=pages, files=len(outputs), changed=0)
    changed = 0
    with SiteWriter(out_dir, protected) as writer:
        for output in outputs:
            if output.path in reusable:
                writer.reuse(output.path, out_dir / output.path)
            else:
                writer.write(output.path, output.produce())
                changed += 1
    BuildCache.save(out_dir, {output.path: output.fingerprint for output in outputs})
    return BuildResult(pages=pages, files=len(outputs), changed=changed)


def build_into(content_dir: str | Path, templates: Path, out: Path, drafts: bool = False,
               clean: bool = False) -> tuple[BuildResult | None, list[Problem]]:
    """The build without printing: what was written, or every problem that stopped it.

    `build` and `serve` share it; an unusable output folder raises OutputError or OSError.
    """
    content, problems = load_and_validate(content_dir)
    if problems:
        return None, problems
    briefing = make_briefing(content, include_drafts=drafts)
    protected = [Path(content_dir), templates]
    try:
        outputs = plan_outputs(briefing, templates)
        with output_lock(out):
            recover_interrupted_build(out)
            check_output_folder(out, protected)
            return write_outputs(outputs, out, protected, clean), []
    except jinja2.TemplateError as error:
        return None, [template_problem(error)]


def template_problem(error: jinja2.TemplateError) -> Problem:
    """A template error as a path:line problem naming the template."""
    if isinstance(error, jinja2.TemplateSyntaxError):
        return Problem(error.filename or error.name or "template", error.lineno, f"template syntax error: {error.message}", "template")
    return Problem(_template_location(error), _template_line(error), f"template error: {error}", "template")


def build_site(content_dir: str, templates_dir: str, out_dir: str, drafts: bool = False,
               quiet: bool = False, clean: bool = False) -> int:
    """`briefing-gen build`: the whole site or nothing."""
    started = time.perf_counter()
    templates, out = Path(templates_dir), Path(out_dir)
    if not templates.is_dir():
        print(f"{templates_dir}: no such templates folder", file=sys.stderr)
        return EXIT_USAGE
    try:
        result, problems = build_into(content_dir, templates, out, drafts, clean)
        if problems:
            return report_problems(problems)
    except OutputError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_CONTENT
    except OSError as error:
        print(f"error: cannot write {out_dir}: {error.strerror or error}; the previous site is unchanged", file=sys.stderr)
        return EXIT_CONTENT
    if not quiet:
        seconds = time.perf_counter() - started
        print(f"Built {result.pages} pages in {seconds:.2f} s, {result.changed} of {result.files} files changed ({out_dir}/)")
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
    """`briefing-gen check`: every validation of the build, then the rendered site's links; writes nothing."""
    templates = Path(templates_dir)
    if not templates.is_dir():
        print(f"{templates_dir}: no such templates folder", file=sys.stderr)
        return EXIT_USAGE
    content, problems = load_and_validate(content_dir)
    if not problems:
        problems = check_rendered_links(make_briefing(content), templates)
    if problems:
        return report_problems(problems, output_format)
    if output_format == "text":
        print("No problems found.")
    return EXIT_OK


def check_rendered_links(briefing: Briefing, templates: Path) -> list[Problem]:
    """Render the site in memory and report every internal link or anchor that does not resolve."""
    from .links import MemoryWriter, broken_links

    writer = MemoryWriter()
    try:
        render_site(briefing, templates, writer)  # type: ignore[arg-type]
    except jinja2.TemplateError as error:
        return [template_problem(error)]
    return broken_links(writer.files, shown_root="site/")
