"""Work spread over processes gives the same site, and the same caches, as work done in one.

Large sites parse their records, convert their Markdown and render their
pages on every core (issue 6). The thresholds are lowered here so that the
seed briefing takes those paths, and the result is compared byte for byte
with a build that does everything in one process.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from briefing_gen import content as content_module
from briefing_gen import markup, publish
from briefing_gen.cache import BuildCache
from briefing_gen.content import load_content
from conftest import ROOT, run_cli
from sitecheck import tree_bytes

TEMPLATES = ROOT / "templates"


def build(content: Path, out: Path, *extra: str) -> None:
    assert run_cli("build", "--content", str(content), "--templates", str(TEMPLATES), "--out", str(out), "-q", *extra) == 0


@pytest.fixture
def seed_content(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(ROOT / "content", target)
    return target


@pytest.fixture
def everything_in_workers(monkeypatch):
    monkeypatch.setattr(content_module, "PARALLEL_PARSE", 1)
    monkeypatch.setattr(markup, "PARALLEL_CONVERT", 1)
    monkeypatch.setattr(publish, "PARALLEL_THRESHOLD", 1)
    monkeypatch.setattr("os.cpu_count", lambda: 2)


def test_records_parsed_in_workers_equal_records_parsed_here(seed_content, monkeypatch):
    here, here_problems = load_content(seed_content)
    monkeypatch.setattr(content_module, "PARALLEL_PARSE", 1)
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    there, there_problems = load_content(seed_content)
    assert there.by_kind == here.by_kind
    assert there_problems == here_problems
    assert sum(len(records) for records in there.by_kind.values()) > 50


def test_problems_found_in_workers_are_all_reported(seed_content, monkeypatch, capsys):
    (seed_content / "quotes" / "zz-broken.md").write_text("---\nspeaker: [unclosed\n---\nText.\n", encoding="utf-8")
    (seed_content / "people" / "zz-nameless.md").write_text("---\nrole: nobody\n---\n", encoding="utf-8")
    monkeypatch.setattr(content_module, "PARALLEL_PARSE", 1)
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    assert run_cli("build", "--content", str(seed_content), "--templates", str(TEMPLATES),
                   "--out", str(seed_content.parent / "site"), "-q") == 1
    errors = capsys.readouterr().err
    assert "quotes/zz-broken.md:3:1: YAML syntax error" in errors
    assert "people/zz-nameless.md:1: missing required field" in errors


def test_a_site_built_in_workers_equals_one_built_here(seed_content, tmp_path, everything_in_workers):
    in_workers = tmp_path / "workers"
    build(seed_content, in_workers, "--clean")
    in_workers_cache = BuildCache.load(in_workers).current

    single = tmp_path / "single"
    publish.PARALLEL_THRESHOLD = 10**9
    content_module.PARALLEL_PARSE = 10**9
    markup.PARALLEL_CONVERT = 10**9
    build(seed_content, single, "--clean")

    assert tree_bytes(in_workers) == tree_bytes(single)
    single_cache = BuildCache.load(single).current
    # the fingerprints worked out in the workers are the ones worked out here
    assert {path: state.fingerprint for path, state in in_workers_cache.items()} == \
        {path: state.fingerprint for path, state in single_cache.items()}


def test_after_a_build_in_workers_an_edit_rerenders_only_its_pages(seed_content, tmp_path, everything_in_workers):
    out = tmp_path / "site"
    build(seed_content, out, "--clean")
    before = {path: (out / path).stat().st_ino for path in tree_bytes(out)}
    person = next(iter(sorted((seed_content / "people").glob("*.md"))))
    person.write_text(person.read_text(encoding="utf-8") + "\nOne more line about them.\n", encoding="utf-8")
    build(seed_content, out)
    changed = {path for path in tree_bytes(out) if (out / path).stat().st_ino != before.get(path)}
    assert f"people/{person.stem}/index.html" in changed
    assert len(changed) < len(before) / 4


def test_errors_found_while_workers_convert_stop_the_build_cleanly(seed_content, tmp_path, everything_in_workers, capsys):
    """Markdown is converted in the background while the content is checked: a content error
    or a template error must end the build with its message and leave no worker behind."""
    import multiprocessing

    quote = next(iter(sorted((seed_content / "quotes").glob("*.md"))))
    quote.write_text(quote.read_text(encoding="utf-8").replace("summit: ", "summit: no-such-", 1), encoding="utf-8")
    out = tmp_path / "site"
    assert run_cli("build", "--content", str(seed_content), "--templates", str(TEMPLATES), "--out", str(out), "-q") == 1
    assert "unknown summit" in capsys.readouterr().err
    assert not out.exists()

    quote.write_text(quote.read_text(encoding="utf-8").replace("summit: no-such-", "summit: ", 1), encoding="utf-8")
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    (templates / "quote.html").write_text("{% extends 'base.html' %}{% block main %}{{ quote.body|markdown }{% endblock %}")
    assert run_cli("build", "--content", str(seed_content), "--templates", str(templates), "--out", str(out), "-q") == 1
    assert "quote.html" in capsys.readouterr().err
    assert multiprocessing.active_children() == []


@pytest.mark.parametrize("in_workers", (False, True))
def test_a_body_markdown_cannot_convert_is_a_template_problem_not_a_traceback(seed_content, tmp_path, monkeypatch,
                                                                                capsys, in_workers):
    if in_workers:
        monkeypatch.setattr(markup, "PARALLEL_CONVERT", 1)
        monkeypatch.setattr("os.cpu_count", lambda: 2)
    import markdown

    deep = "- " * 2000 + "x"
    real_convert = markdown.Markdown.convert

    def convert(self, source):  # as Python-Markdown before 3.11 did with a list this deep
        if deep in source:
            raise RecursionError("maximum recursion depth exceeded")
        return real_convert(self, source)

    monkeypatch.setattr(markdown.Markdown, "convert", convert)
    takeaway = next(iter(sorted((seed_content / "takeaways").glob("*.md"))))
    text = takeaway.read_text(encoding="utf-8")
    takeaway.write_text(text.rstrip("\n") + "\n\n" + deep + "\n", encoding="utf-8")
    out = tmp_path / "site"
    assert run_cli("build", "--content", str(seed_content), "--templates", str(TEMPLATES), "--out", str(out), "-q") == 1
    err = capsys.readouterr().err
    assert "template error" in err and ".html:" in err
    assert not out.exists()


def _die(*job):  # a render worker killed half-way, as the out-of-memory killer would
    import os

    os._exit(9)


def test_a_worker_that_dies_stops_the_build_instead_of_hanging_it(seed_content, tmp_path, everything_in_workers,
                                                                   monkeypatch, capsys):
    out = tmp_path / "site"
    build(seed_content, out, "--clean")
    before = {path: data for path, data in tree_bytes(out).items()}
    takeaway = next(iter(sorted((seed_content / "takeaways").glob("*.md"))))
    takeaway.write_text(takeaway.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    monkeypatch.setattr(publish, "_render_in_worker", _die)
    assert run_cli("build", "--content", str(seed_content), "--templates", str(TEMPLATES), "--out", str(out),
                   "-q", "--clean") == 1
    assert "worker process died" in capsys.readouterr().err
    assert tree_bytes(out) == before


def test_a_build_rendered_in_workers_keeps_the_search_index_lines_for_the_next(seed_content, tmp_path,
                                                                                everything_in_workers):
    from briefing_gen.store import place
    from briefing_gen.search import KeptEntries

    out = tmp_path / "site"
    build(seed_content, out)
    lines = KeptEntries(place(out, "search"), pretty_urls=False).kept
    quotes = len(list((seed_content / "quotes").glob("*.md")))
    assert len(lines) >= quotes  # a group of lines per quote, takeaway, person and source


def test_work_in_background_gives_what_the_work_gives_here(seed_content):
    from briefing_gen.uptodate import input_stamp
    from briefing_gen.workers import InBackground

    here = input_stamp(seed_content, TEMPLATES, False)
    pending = InBackground(input_stamp, seed_content, TEMPLATES, False)
    assert pending._pid is not None  # it did fork: the answer came through the pipe
    answer = pending.result()
    assert answer.digest == here.digest and answer.folders == here.folders and answer.racy == here.racy


def test_work_that_fails_in_background_is_done_here(tmp_path):
    from briefing_gen.workers import InBackground

    flag = tmp_path / "in-the-child"

    def only_here() -> str:
        if not flag.exists():  # the first call, in the forked child, fails
            flag.write_text("tried")
            raise RuntimeError("failed in the child")
        return "done here"

    pending = InBackground(only_here)
    assert pending.result() == "done here"
    assert flag.read_text() == "tried"


def test_a_build_takes_the_input_stamp_in_the_background_and_records_it(seed_content, tmp_path, monkeypatch):
    from briefing_gen import workers
    from briefing_gen.uptodate import input_stamp

    forked = []
    real = workers.InBackground.__init__

    def counting(self, work, *arguments, **options):
        real(self, work, *arguments, **options)
        if work.__name__ == "input_stamp":
            forked.append((work.__name__, self._pid is not None))

    monkeypatch.setattr(workers.InBackground, "__init__", counting)
    out = tmp_path / "out"
    build(seed_content, out)
    assert forked == [("input_stamp", True)]
    recorded = BuildCache.load(out).inputs
    assert recorded[0] == input_stamp(seed_content, TEMPLATES, False).digest
    build(seed_content, out)  # nothing changed: the stamp from the background says so
    assert len(forked) == 2 and BuildCache.load(out).inputs == recorded


def test_an_edit_is_converted_in_a_rebuild_that_keeps_every_other_body(seed_content, tmp_path, monkeypatch):
    """A one-edit rebuild finds every other body's HTML kept, and converts the edited one."""
    import time

    out = tmp_path / "out"
    build(seed_content, out)
    time.sleep(2.1)  # past the racy window, so the next build reads only the edited file
    takeaway = sorted((seed_content / "takeaways").glob("*.md"))[0]
    takeaway.write_text(takeaway.read_text(encoding="utf-8") + "\nAn *added* sentence.\n", encoding="utf-8")
    converted = []
    real = markup.MarkdownRenderer._converter
    monkeypatch.setattr(markup.MarkdownRenderer, "_converter", lambda self: converted.append(1) or real(self))
    build(seed_content, out)
    assert len(converted) == 1  # the edited body only
    assert "An <em>added</em> sentence." in (out / "takeaways" / takeaway.stem / "index.html").read_text(encoding="utf-8")
