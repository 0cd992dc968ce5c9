"""The build, step by step: load, validate, model, render, write.

Reads like a table of contents; each step lives in its own module. Problems
are collected and printed together; the exit code says what happened.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import gc
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Callable, NamedTuple

import jinja2

from .cache import BuildCache, Fingerprinter, TemplateHashes
from .content import Content, load_content
from .dependencies import PAGES, KeptReads, Read, ReadValues, TrackedBriefing, frame_digest
from .markup import MarkdownRenderer
from .model import Briefing, make_briefing
from .problems import Problem, errors_in, warnings_in
from .render import PAGED_LISTS, SITEMAP_PATH, Recipe, make_page, markdown_texts, page_recipes
from .search import INDEX_PATH, KeptEntries, search_index_script
from .terminal import Progress, print_build_summary, problem_line, wants_colour
from .templating import common_context, make_environment, paged_lists
from .validate import validate
from .publish import FolderCheck, Output, RenderFailed, publish
from .store import Shelf, place
from .uptodate import InputStamp, input_stamp, up_to_date
from .workers import WorkerDied
from .write import OutputError, check_output_folder, check_output_paths, output_lock, recover_interrupted_build

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2


@dataclass(frozen=True)
class BuildResult:
    pages: int
    files: int
    changed: int
    warnings: tuple[Problem, ...] = ()
    drafts_left_out: int = 0


def load_and_validate(content_dir: str | Path, use_cache: bool = False) -> tuple[Content, list[Problem]]:
    """Every problem in the content: per-file first, then across records."""
    content, problems = load_content(content_dir, use_cache=use_cache)
    return content, sorted(problems + validate(content))


class Plan(NamedTuple):
    """Every file of the site, not yet rendered; what each output read, and what those reads give;
    warnings about the templates."""

    outputs: list[Output]
    reads: dict[str, tuple[Read, ...]]
    read_values: ReadValues
    warnings: list[Problem]


def plan_outputs(briefing: Briefing, templates_dir: Path, renderer: MarkdownRenderer | None = None,
                 kept_for: Path | None = None, search_entries: KeptEntries | None = None,
                 kept: KeptReads | None = None) -> Plan:
    """Every file of the site with its fingerprint; nothing is rendered yet. With `kept` (an earlier
    build's reads under the same frame), an output whose reads all give what they gave then keeps its
    fingerprint, and its context is made only if the file is written (see dependencies.py)."""
    settings = briefing.settings
    environment = make_environment(templates_dir, settings, renderer or MarkdownRenderer(allow_html=settings.allow_html),
                                   kept_for)
    template_hashes, fingerprinter = TemplateHashes(environment), Fingerprinter()
    template_of = functools.cache(environment.get_template)  # which stats the file on every call
    paged = paged_lists(environment)
    recipes = page_recipes(briefing, paged)
    read_values = ReadValues(briefing, [recipe.path for recipe in recipes if recipe.in_sitemap])
    unchanged = kept.unchanged(read_values) if kept is not None else {}
    outputs: list[Output] = []
    reads: dict[str, tuple[Read, ...]] = {}
    one_of_each: dict[Read, Read] = {}  # equal reads, of many pages, kept as one object

    def produce_kept(recipe: Recipe) -> str | bytes:
        page = make_page(briefing, recipe)
        return page.draw(page.context) if page.draw else template_of(page.template).render(common_context(page, settings))

    for recipe in recipes:
        is_page = recipe.path.endswith(".html")
        if recipe.path in unchanged:  # most outputs of an edit's build: the shortest way through
            fingerprint, reads[recipe.path] = unchanged[recipe.path]
            outputs.append(Output(recipe.path, fingerprint, partial(produce_kept, recipe), is_page))
            continue
        page_reads: set[Read] = {PAGES} if recipe.path == SITEMAP_PATH else set()
        if recipe.record is not None:
            page_reads.add(("record", recipe.record.kind, recipe.record.slug))
        page = make_page(TrackedBriefing(briefing, page_reads), recipe)
        reads[recipe.path] = tuple([one_of_each.setdefault(read, read) for read in page_reads])
        if page.draw is not None:
            drawn_by = f"{page.draw.__module__}.{page.draw.__qualname__}"
            outputs.append(Output(recipe.path, partial(fingerprinter.of, drawn_by, page.context),
                                  partial(page.draw, page.context), is_page))
        else:
            context = common_context(page, settings)
            outputs.append(Output(recipe.path, partial(fingerprinter.of, template_hashes.of(page.template), context),
                                  partial(template_of(page.template).render, context), is_page))
    # The search index reads every quote, takeaway, person and source: made again only when one changed.
    if INDEX_PATH in unchanged:
        index_fingerprint, reads[INDEX_PATH] = unchanged[INDEX_PATH]
    else:
        index_reads: set[Read] = set()
        view = TrackedBriefing(briefing, index_reads)
        index_fingerprint = partial(fingerprinter.of, "search-index", settings, view.quotes, view.takeaways,
                                    view.people, view.sources)
        reads[INDEX_PATH] = tuple(index_reads)
    outputs.append(Output(INDEX_PATH, index_fingerprint, partial(search_index_script, briefing, search_entries),
                          render_here=True))
    static = templates_dir / "static"
    for path in sorted(static.rglob("*")) if static.is_dir() else ():
        relative = path.relative_to(static)
        if path.is_file() and not any(part.startswith(".") for part in relative.parts):
            data = path.read_bytes()
            outputs.append(Output(f"static/{relative.as_posix()}", fingerprinter.of(data.hex()), lambda data=data: data))
    return Plan(outputs, reads, read_values, _unpaged_warnings(briefing, templates_dir, paged))


def _unpaged_warnings(briefing: Briefing, templates_dir: Path, paged: tuple[str, ...]) -> list[Problem]:
    """A list longer than a page whose template has no pager (a theme made before lists had pages)
    is shown whole: say how to split it."""
    size = briefing.settings.page_size
    return [Problem(str(templates_dir / template), 1,
                    f"{template} does not use `pager`, so all {len(getattr(briefing, name))} {name} are on one "
                    f"page; to show {size} to a page, add the pager as the default {template} does "
                    "(`partials/pager.html`)", "unpaged-list", severity="warning")
            for name, template in PAGED_LISTS.items() if name not in paged and len(getattr(briefing, name)) > size]


def build_into(content_dir: str | Path, templates: Path, out: Path, drafts: bool = False,
               clean: bool = False, show_progress: bool = False,
               inputs: InputStamp | None = None, cache: BuildCache | None = None) -> tuple[BuildResult | None, list[Problem]]:
    """The build without printing (`build` and `serve` share it): what was written, or every problem
    that stopped it; an unusable output folder raises OutputError or OSError. `inputs` and `cache`:
    the input stamp and build record a caller read and found the site out of date with."""
    build = Build(Path(content_dir), templates, out, drafts, clean, show_progress, inputs, cache)
    if build.up_to_date():  # the last build's pages and warnings
        current = build.record.current
        return BuildResult(sum(path.endswith(".html") for path in current), len(current), 0, tuple(build.record.warnings)), []
    try:
        with build.running():
            build.load()
            build.validate()
            build.model()
            build.plan()
            build.publish()
    except Stopped as stopped:
        return None, stopped.args[0]
    except jinja2.TemplateError as error:
        return None, [template_problem(error)]
    except RenderFailed as failure:
        return None, [failure.description]
    return build.result(), []


class Stopped(Exception):
    """A step found problems that stop the build: `Stopped(problems)`."""


@dataclass
class Build:
    """One build's state: its options, then what each step adds. What is kept for the next build
    comes from the store (store.py) and goes back at the end; a clean build reads nothing kept."""

    content_dir: Path
    templates: Path
    out: Path
    drafts: bool
    clean: bool
    show_progress: bool
    inputs: InputStamp | None
    record: BuildCache | None  # the build record of the output folder
    problems: list[Problem] = field(default_factory=list)
    content: Content | None = None
    renderer: MarkdownRenderer | None = None
    verbatim: Shelf | None = None
    briefing: Briefing | None = None
    kept_reads: KeptReads | None = None
    search_entries: KeptEntries | None = None
    planned: Plan | None = None
    changed: int = 0
    # what runs beside the steps (see `running`)
    folder_check: FolderCheck | None = None
    converting: contextlib.ExitStack = field(default_factory=contextlib.ExitStack)
    finish_converting: Callable[[], None] | None = None

    def kept(self, what: str) -> Path | None:
        """Where the store keeps `what` for this output folder; None in a clean build."""
        return None if self.clean else place(self.out, what)

    def up_to_date(self) -> bool:
        """Nothing to do: the inputs are as the last build found them, and so is its output."""
        self.record = BuildCache(self.out) if self.clean else self.record or BuildCache.load(self.out)
        if self.inputs is not None:  # the caller took the stamp, and found the site out of date
            return False
        self.inputs = input_stamp(self.content_dir, self.templates, self.drafts)  # a clean build records it too
        return not self.clean and up_to_date(self.out, self.inputs, self.record)

    @contextlib.contextmanager
    def running(self) -> Iterator[None]:
        """Around the steps: the old site checked and Markdown converted meanwhile, and the collector
        off while loading, whose hundred thousand objects live to the end (collecting them again and
        again cost a tenth of a one-edit rebuild at 10,000 records); `plan` freezes them."""
        self.folder_check = FolderCheck(self.out, None if self.clean else self.record.current)
        collecting = gc.isenabled()
        gc.disable()
        try:
            yield
        finally:
            self.converting.close()
            self.folder_check.close()
            gc.unfreeze()  # a long-running caller (serve) must get this build's objects back to collect
            (gc.enable if collecting else gc.disable)()

    def load(self) -> None:
        self.content, self.problems = load_content(self.content_dir, use_cache=not self.clean, listed=self.inputs.folders)
        self.renderer = MarkdownRenderer(allow_html=self.content.settings.allow_html, store=self.kept("markdown"))

    def validate(self) -> None:
        self.finish_converting = self.converting.enter_context(
            self.renderer.converting(markdown_texts(self.content)))
        self.verbatim = None if self.clean else Shelf(self.kept("verbatim"))
        self.problems = sorted(self.problems + validate(self.content, self.verbatim))
        if errors_in(self.problems):
            raise Stopped(self.problems)

    def model(self) -> None:
        self.briefing = make_briefing(self.content, include_drafts=self.drafts)

    def plan(self) -> None:
        settings = self.briefing.settings
        with self.converting:
            self.search_entries = KeptEntries(self.kept("search"), settings.pretty_urls)
            self.kept_reads = KeptReads(place(self.out, "reads"), frame_digest(self.templates, settings, self.drafts),
                                        fresh=self.clean)
            self.planned = plan_outputs(self.briefing, self.templates, self.renderer,
                                        kept_for=None if self.clean else self.out, search_entries=self.search_entries,
                                        kept=None if self.clean else self.kept_reads)
            self.finish_converting()
        self.problems = sorted(self.problems + self.planned.warnings)
        gc.freeze()  # what was loaded and planned stays to the end: later collections need not walk it
        gc.enable()

    def publish(self) -> None:
        """Write what changed, swap the new site in, and keep this build's work for the next."""
        plan = self.planned
        check_output_paths([output.path for output in plan.outputs], passed=self.kept_reads.outputs)
        with output_lock(self.out):
            recover_interrupted_build(self.out)
            check_output_folder(self.out, [self.content_dir, self.templates])
            if not self.clean:
                self.record = self.record.reloaded()  # another build may have finished while this one waited
            progress = Progress(len(plan.outputs), "rendering", enabled=self.show_progress)
            self.changed = publish(plan.outputs, self.out, self.record, self.clean, describe_error=template_problem,
                                   progress=progress, folder_check=self.folder_check,
                                   made_from=(self.inputs, warnings_in(self.problems)),
                                   while_waiting=partial(plan.read_values.work_out, plan.reads.values()))
            progress.close()
            for kept in (self.renderer, self.search_entries, self.verbatim):
                if kept is not None:
                    kept.save()
            self.kept_reads.save({output.path: (output.fingerprint, plan.reads[output.path])
                                  for output in plan.outputs if output.path in plan.reads}, plan.read_values)

    def result(self) -> BuildResult:
        outputs, takeaways = self.planned.outputs, self.content.of_kind("takeaways").values()
        return BuildResult(pages=sum(output.is_page for output in outputs), files=len(outputs), changed=self.changed,
                           warnings=tuple(warnings_in(self.problems)),
                           drafts_left_out=0 if self.drafts else sum(takeaway.draft for takeaway in takeaways))


def template_problem(error: Exception) -> Problem:
    """A template error as a path:line problem: for a syntax error where Jinja says, else the
    innermost template file and line of its traceback."""
    if isinstance(error, jinja2.TemplateSyntaxError):
        return Problem(error.filename or error.name or "template", error.lineno, f"template syntax error: {error.message}", "template")
    where, line, tb = "templates", 1, error.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.endswith((".html", ".xml", ".txt")):
            where, line = tb.tb_frame.f_code.co_filename, tb.tb_lineno
        tb = tb.tb_next
    return Problem(where, line, f"template error: {error}", "template")


def build_site(content_dir: str, templates_dir: str, out_dir: str, drafts: bool = False,
               quiet: bool = False, clean: bool = False, inputs: InputStamp | None = None,
               cache: BuildCache | None = None) -> int:
    """`briefing-gen build`: the whole site or nothing."""
    started = time.perf_counter()
    if not Path(templates_dir).is_dir():
        print(f"{templates_dir}: no such templates folder", file=sys.stderr)
        return EXIT_USAGE
    try:
        result, problems = build_into(content_dir, Path(templates_dir), Path(out_dir), drafts, clean,
                                      show_progress=not quiet, inputs=inputs, cache=cache)
    except OutputError as error:  # a wrong --out is a usage error: nothing in the content is at fault
        print(f"briefing-gen build: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except WorkerDied as error:
        print(f"error: {error}; the previous site is unchanged", file=sys.stderr)
        return EXIT_CONTENT
    except OSError as error:
        print(f"error: cannot write {out_dir}: {error.strerror or error}; the previous site is unchanged", file=sys.stderr)
        return EXIT_CONTENT
    if problems:
        return report_problems(problems)
    if not quiet:
        print_build_summary(result.pages, result.files, result.changed, time.perf_counter() - started,
                            out_dir, result.drafts_left_out, result.warnings)
    return EXIT_OK


def report_problems(problems: list[Problem], output_format: str = "text") -> int:
    """Print every problem; exit 1 when any is an error, 0 when all are warnings."""
    errors, colour = errors_in(problems), wants_colour(sys.stderr)
    for problem in problems:
        if output_format == "json":
            print(problem.json())
        else:
            print(problem_line(problem, colour), file=sys.stderr)
    if errors and output_format == "text":
        print(f"{len(errors)} problem{'s' if len(errors) != 1 else ''} found; nothing was written", file=sys.stderr)
    return EXIT_CONTENT if errors else EXIT_OK


def check_site(content_dir: str, templates_dir: str, output_format: str = "text") -> int:
    """`briefing-gen check`: every validation of the build, then the rendered site's links; writes nothing."""
    if not Path(templates_dir).is_dir():
        print(f"{templates_dir}: no such templates folder", file=sys.stderr)
        return EXIT_USAGE
    content, problems = load_and_validate(content_dir)
    if not errors_in(problems):
        problems += check_rendered_links(make_briefing(content), Path(templates_dir))
    code = report_problems(problems, output_format)
    if code == EXIT_OK and output_format == "text":
        print("No errors found." if problems else "No problems found.")
    return code


def check_rendered_links(briefing: Briefing, templates: Path) -> list[Problem]:
    """Render the site in memory, without the store, and report every internal link or anchor that
    does not resolve. The share cards and data files hold no link, so none is made (drawing every
    card of a large briefing would take most of the check)."""
    from .links import MemoryWriter, broken_links

    briefing.settings = dataclasses.replace(briefing.settings, cards=False, data=False)
    writer = MemoryWriter()
    try:
        for output in plan_outputs(briefing, templates).outputs:
            data = output.produce()
            writer.write(output.path, b"".join(data) if isinstance(data, list) else data)
    except jinja2.TemplateError as error:
        return [template_problem(error)]
    return broken_links(writer.files, shown_root="site/")
