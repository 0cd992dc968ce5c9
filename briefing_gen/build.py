"""The build, step by step: load, validate, model, render, write.

Reads like a table of contents; each step lives in its own module. Problems
are collected and printed together; the exit code says what happened.
"""

from __future__ import annotations

import dataclasses
import gc
import sys
import time
from functools import partial
from typing import Any, Callable, NamedTuple
from dataclasses import dataclass
from pathlib import Path

import jinja2

from .cache import BuildCache, Fingerprinter, KeptValues, TemplateHashes, code_digest, fingerprint
from .content import Content, load_content
from .dependencies import PAGES, KeptReads, Read, ReadValues, TrackedBriefing, frame_digest
from .markup import MarkdownRenderer, convert_texts
from .model import Briefing, make_briefing
from .problems import Problem, errors_in, warnings_in
from . import briefing_json, cards
from .model import RECORD_LISTS
from .render import PAGED_LISTS, Page, Recipe, card_recipes, feed_page, make_card, make_page, markdown_texts, page_recipes, robots_page, sitemap_page
from .search import INDEX_PATH, KeptEntries, search_index_script
from .terminal import Progress, print_build_summary, problem_line, wants_colour
from .templating import common_context, make_environment, paged_lists
from .validate import validate
from .publish import FolderCheck, Output, RenderFailed, publish
from .uptodate import InputStamp, input_stamp, up_to_date
from .workers import InBackground, WorkerDied
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
    """Every file of the site, not yet rendered; what each output read; what those reads gave;
    warnings about the templates (a long list shown whole: its template has no pager)."""

    outputs: list[Output]
    reads: dict[str, tuple[Read, ...]]
    read_values: ReadValues
    warnings: list[Problem]


def plan_outputs(briefing: Briefing, templates_dir: Path, renderer: MarkdownRenderer | None = None,
                 compiled_templates: Path | None = None, search_entries: KeptEntries | None = None,
                 kept: KeptReads | None = None) -> Plan:
    """Every file of the site with its fingerprint; nothing is rendered yet.

    With `kept` (the reads of an earlier build under the same frame), an output whose reads
    all give what they gave then keeps its fingerprint, and its context is only made if the
    file has to be written (see dependencies.py).
    """
    settings = briefing.settings
    renderer = renderer or MarkdownRenderer(allow_html=settings.allow_html)
    environment = make_environment(templates_dir, settings, renderer, compiled_templates)
    template_hashes = TemplateHashes(environment)
    fingerprinter = Fingerprinter()
    paged = paged_lists(environment)
    recipes = page_recipes(briefing, paged)
    sitemap_paths = [recipe.path for recipe in recipes if recipe.in_sitemap]
    read_values = ReadValues(briefing, sitemap_paths)
    unchanged = kept.unchanged(read_values) if kept is not None else {}
    outputs: list[Output] = []
    reads: dict[str, tuple[Read, ...]] = {}
    one_of_each: dict[Read, Read] = {}  # equal reads, of many pages, kept as one object
    templates: dict[str, jinja2.Template] = {}

    def template_of(name: str) -> jinja2.Template:
        if name not in templates:  # get_template stats the file on every call
            templates[name] = environment.get_template(name)
        return templates[name]

    def kept(path: str, produce: Callable[[], Any], is_page: bool, render_here: bool = False) -> bool:
        """Add the output with its kept fingerprint if none of its reads changed; False if some did."""
        if path not in unchanged:
            return False
        kept_fingerprint, reads[path] = unchanged[path]
        outputs.append(Output(path, kept_fingerprint, produce, is_page, render_here))
        return True

    def read_by(path: str, page_reads: set[Read]) -> None:
        reads[path] = tuple([one_of_each.setdefault(read, read) for read in page_reads])

    def add(path: str, make: Callable[[Any], Page], is_page: bool = True, known_reads: tuple[Read, ...] = ()) -> None:
        """An output whose page `make` makes from a briefing (tracked, when its reads are wanted)."""
        def produce_kept() -> str:
            page = make(briefing)
            return template_of(page.template).render(common_context(page, settings))
        if kept(path, produce_kept, is_page):
            return
        page_reads: set[Read] = set(known_reads)
        page = make(TrackedBriefing(briefing, page_reads))
        read_by(path, page_reads)
        context = common_context(page, settings)
        template = template_of(page.template)
        template_hash = template_hashes.of(page.template)
        outputs.append(Output(path, lambda: fingerprinter.of(template_hash, context),
                              lambda: template.render(context), is_page))

    def produce_kept_page(recipe: Recipe) -> str:
        page = make_page(briefing, recipe)
        return template_of(page.template).render(common_context(page, settings))

    for recipe in recipes:
        kept_page = unchanged.get(recipe.path)
        if kept_page is not None:  # most pages of an edit's build: the shortest way through
            reads[recipe.path] = kept_page[1]
            outputs.append(Output(recipe.path, kept_page[0], partial(produce_kept_page, recipe), True))
            continue
        about = () if recipe.record is None else (("record", recipe.record.kind, recipe.record.slug),)
        add(recipe.path, partial(make_page, recipe=recipe), known_reads=about)
    add("feed.xml", feed_page, is_page=False)
    add("sitemap.xml", lambda _: sitemap_page(sitemap_paths), is_page=False, known_reads=(PAGES,))
    add("robots.txt", robots_page, is_page=False)
    for card in card_recipes(briefing):  # fingerprinted by what each shows: drawn only when that changes
        if not kept(card.path, partial(cards.png_of, briefing, card), is_page=False):
            card_reads: set[Read] = set() if card.record is None else {("record", card.record.kind, card.record.slug)}
            shown = make_card(TrackedBriefing(briefing, card_reads), card)
            read_by(card.path, card_reads)
            outputs.append(Output(card.path, shown.digest, partial(cards.png, shown.text)))
    # The briefing as data: made from every record, so made again when one of them changed.
    produce_data = partial(briefing_json.briefing_json, briefing)
    if settings.data and not kept(briefing_json.EXPORT_PATH, produce_data, is_page=False):
        data_reads: set[Read] = set()
        every_list = [getattr(TrackedBriefing(briefing, data_reads), kind) for kind in RECORD_LISTS]
        read_by(briefing_json.EXPORT_PATH, data_reads)
        outputs.append(Output(briefing_json.EXPORT_PATH, lambda: fingerprinter.of("data", settings, *every_list), produce_data))
    for name, text in (briefing_json.published_schemas(settings) if settings.data else {}).items():
        outputs.append(Output(name, fingerprint(text), partial(str, text)))
    # The search index is made from every quote, takeaway, person and source: its fingerprint
    # comes from those records, so it is only rebuilt when one of them changed.
    produce_index = partial(search_index_script, briefing, search_entries)
    if not kept(INDEX_PATH, produce_index, is_page=False, render_here=True):
        index_reads: set[Read] = set()
        view = TrackedBriefing(briefing, index_reads)
        search_inputs = (settings, view.quotes, view.takeaways, view.people, view.sources)
        read_by(INDEX_PATH, index_reads)
        outputs.append(Output(INDEX_PATH, lambda: fingerprinter.of("search-index", *search_inputs), produce_index,
                              render_here=True))
    static = templates_dir / "static"
    if static.is_dir():
        for path in sorted(static.rglob("*")):
            relative = path.relative_to(static)
            if path.is_file() and not any(part.startswith(".") for part in relative.parts):
                data = path.read_bytes()
                outputs.append(Output(f"static/{relative.as_posix()}", fingerprint(data.hex()), lambda data=data: data))
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


def render_site(briefing: Briefing, templates_dir: Path, writer: Any) -> int:
    """Render every file of the site into a writer, without the cache; return the page count."""
    outputs = plan_outputs(briefing, templates_dir).outputs
    for output in outputs:
        data = output.produce()
        writer.write(output.path, b"".join(data) if isinstance(data, list) else data)
    return sum(output.is_page for output in outputs)


def build_into(content_dir: str | Path, templates: Path, out: Path, drafts: bool = False,
               clean: bool = False, show_progress: bool = False,
               inputs: InputStamp | None = None, cache: BuildCache | None = None) -> tuple[BuildResult | None, list[Problem]]:
    """The build without printing: what was written, or every problem that stopped it.

    `build` and `serve` share it; an unusable output folder raises OutputError or OSError.
    `inputs` is the stamp of the inputs when the caller already took it and found the
    site out of date (the command line does, before importing the renderer), and
    `cache` the build cache it read to find that.
    """
    if clean:
        cache = BuildCache(out)
    elif cache is None:
        cache = BuildCache.load(out)
    if inputs is None:
        inputs = input_stamp(Path(content_dir), templates, drafts)  # a clean build records it too
        if not clean and up_to_date(out, inputs, cache):
            return unchanged_result(cache), []
    folder_check = FolderCheck(out, None if clean else cache.current, cache.loaded_from)  # walks the old site meanwhile
    # Loading makes some hundred thousand objects that live to the end of the build: the
    # collector, run on them again and again, cost a tenth of a one-edit rebuild at 10,000
    # records. It is off while they are made, and they are then set aside (frozen) before
    # rendering, whose short-lived garbage is collected as usual.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _build_with(content_dir, templates, out, drafts, clean, show_progress, inputs, cache, folder_check)
    finally:
        folder_check.close()
        gc.unfreeze()  # a long-running caller (serve) must get this build's objects back to collect
        (gc.enable if collecting else gc.disable)()


def _build_with(content_dir: str | Path, templates: Path, out: Path, drafts: bool, clean: bool, show_progress: bool,
                inputs: InputStamp, cache: BuildCache, folder_check: FolderCheck) -> tuple[BuildResult | None, list[Problem]]:
    protected = [Path(content_dir), templates]
    converter = InBackground.waiting(convert_texts)  # forked before loading: see InBackground
    try:
        content, problems = load_content(content_dir, use_cache=not clean, listed=inputs.folders)
        renderer = MarkdownRenderer(allow_html=content.settings.allow_html,
                                    store=None if clean else markdown_store(out))
    except BaseException:
        converter.close()
        raise
    with renderer.converting(markdown_texts(content), converter) as finish_converting:  # while we go on
        verbatim = None if clean else KeptValues(kept_file(out, "verbatim"), (code_digest(),))
        problems = sorted(problems + validate(content, verbatim))
        if errors_in(problems):
            return None, problems
        briefing = make_briefing(content, include_drafts=drafts)
        frame = frame_digest(templates, briefing.settings, drafts)
        try:
            search_entries = KeptEntries(None if clean else kept_file(out, "search"), briefing.settings.pretty_urls)
            kept_reads = None if clean else KeptReads.load(kept_file(out, "reads"), frame)
            plan = plan_outputs(briefing, templates, renderer,
                                compiled_templates=None if clean else BuildCache.path_for(out).parent / "templates",
                                search_entries=search_entries,
                                kept=kept_reads)
        except jinja2.TemplateError as error:
            return None, [template_problem(error)]
        finish_converting()
    problems = sorted(problems + plan.warnings)
    outputs = plan.outputs
    gc.freeze()  # what was loaded and planned stays to the end: later collections need not walk it
    gc.enable()
    try:
        check_output_paths([output.path for output in outputs], passed=kept_reads.outputs if kept_reads else ())
        with output_lock(out):
            recover_interrupted_build(out)
            check_output_folder(out, protected)
            if not clean:
                cache = cache.reloaded()  # another build may have finished while this one waited
            progress = Progress(len(outputs), "rendering", enabled=show_progress)
            changed = publish(outputs, out, cache, clean, describe_error=template_problem, progress=progress,
                              folder_check=folder_check, made_from=(inputs, warnings_in(problems)),
                              while_waiting=partial(plan.read_values.work_out, plan.reads.values()))
            progress.close()
            renderer.save()
            search_entries.save()
            if verbatim is not None:
                verbatim.save()
            KeptReads.save(kept_file(out, "reads"), frame, {
                output.path: (output.fingerprint, plan.reads[output.path]) for output in outputs if output.path in plan.reads},
                plan.read_values, kept_reads)
    except jinja2.TemplateError as error:
        return None, [template_problem(error)]
    except RenderFailed as failure:
        return None, [failure.description]
    pages = sum(output.is_page for output in outputs)
    drafts_left_out = sum(t.draft for t in content.of_kind("takeaways").values()) if not drafts else 0
    return BuildResult(pages=pages, files=len(outputs), changed=changed, warnings=tuple(warnings_in(problems)),
                       drafts_left_out=drafts_left_out), []


def unchanged_result(cache: BuildCache) -> BuildResult:
    """What a build that found nothing to do reports: the last build's pages and warnings."""
    pages = sum(1 for path in cache.current if path.endswith(".html"))
    return BuildResult(pages=pages, files=len(cache.current), changed=0, warnings=tuple(cache.warnings))


def markdown_store(out: Path) -> Path:
    return kept_file(out, "markdown")


def kept_file(out: Path, what: str) -> Path:
    """Where a build of `out` keeps one kind of work for the next build, beside its build cache."""
    build_cache = BuildCache.path_for(out)
    return build_cache.with_name(build_cache.name.replace("build-", f"{what}-"))


def template_problem(error: Exception) -> Problem:
    """A template error as a path:line problem naming the template."""
    if isinstance(error, jinja2.TemplateSyntaxError):
        return Problem(error.filename or error.name or "template", error.lineno, f"template syntax error: {error.message}", "template")
    return Problem(_template_location(error), _template_line(error), f"template error: {error}", "template")


def build_site(content_dir: str, templates_dir: str, out_dir: str, drafts: bool = False,
               quiet: bool = False, clean: bool = False, inputs: InputStamp | None = None,
               cache: BuildCache | None = None) -> int:
    """`briefing-gen build`: the whole site or nothing."""
    started = time.perf_counter()
    templates, out = Path(templates_dir), Path(out_dir)
    if not templates.is_dir():
        print(f"{templates_dir}: no such templates folder", file=sys.stderr)
        return EXIT_USAGE
    try:
        result, problems = build_into(content_dir, templates, out, drafts, clean, show_progress=not quiet,
                                      inputs=inputs, cache=cache)
        if problems:
            return report_problems(problems)
    except OutputError as error:  # a wrong --out is a usage error: nothing in the content is at fault
        print(f"briefing-gen build: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except WorkerDied as error:
        print(f"error: {error}; the previous site is unchanged", file=sys.stderr)
        return EXIT_CONTENT
    except OSError as error:
        print(f"error: cannot write {out_dir}: {error.strerror or error}; the previous site is unchanged", file=sys.stderr)
        return EXIT_CONTENT
    if not quiet:
        print_build_summary(result.pages, result.files, result.changed, time.perf_counter() - started,
                            out_dir, result.drafts_left_out, result.warnings)
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
    """Print every problem; exit 1 when any is an error, 0 when all are warnings."""
    errors = errors_in(problems)
    if output_format == "json":
        for problem in problems:
            print(problem.json())
        return EXIT_CONTENT if errors else EXIT_OK
    colour = wants_colour(sys.stderr)
    for problem in problems:
        print(problem_line(problem, colour), file=sys.stderr)
    if errors:
        print(f"{len(errors)} problem{'s' if len(errors) != 1 else ''} found; nothing was written", file=sys.stderr)
    return EXIT_CONTENT if errors else EXIT_OK


def check_site(content_dir: str, templates_dir: str, output_format: str = "text") -> int:
    """`briefing-gen check`: every validation of the build, then the rendered site's links; writes nothing."""
    templates = Path(templates_dir)
    if not templates.is_dir():
        print(f"{templates_dir}: no such templates folder", file=sys.stderr)
        return EXIT_USAGE
    content, problems = load_and_validate(content_dir)
    if not errors_in(problems):
        problems += check_rendered_links(make_briefing(content), templates)
    if problems:
        code = report_problems(problems, output_format)
        if code == EXIT_OK and output_format == "text":
            print("No errors found.")
        return code
    if output_format == "text":
        print("No problems found.")
    return EXIT_OK


def check_rendered_links(briefing: Briefing, templates: Path) -> list[Problem]:
    """Render the site in memory and report every internal link or anchor that does not resolve."""
    from .links import MemoryWriter, broken_links

    # Links are all a check reads: the share cards and the data files hold none, so none is made
    # (drawing every card of a large briefing would take most of the check).
    briefing.settings = dataclasses.replace(briefing.settings, cards=False, data=False)
    writer = MemoryWriter()
    try:
        render_site(briefing, templates, writer)
    except jinja2.TemplateError as error:
        return [template_problem(error)]
    return broken_links(writer.files, shown_root="site/")
