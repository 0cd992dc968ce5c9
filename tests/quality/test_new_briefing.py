"""A new user's walk, end to end: `init`, `ingest` of real pages, `review`, `build`.

The pages are real news pages of the development corpus (tests/fixtures/pages), about
stories that compare nothing; the built site meets the same gates as the seed briefing:
the Nu HTML Checker, axe-core in Chromium, and both link checkers.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import AXE_JS, ROOT, Site, require
from .test_browser import AXE_RUN, _open
from .test_html import _assert_valid
from .test_links import test_every_internal_link_and_anchor_resolves_on_disk, test_linkinator_finds_no_broken_link

PAGES = ROOT / "tests" / "fixtures" / "pages"
WALKED = ("edition.cnn.com-royal.html", "bbc.com.52241221.html", "telegraph.co.uk.plumber.html")


def briefing_gen(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "briefing_gen", *args], cwd=cwd, capture_output=True, text=True)


@pytest.fixture(scope="module")
def new_briefing(tmp_path_factory) -> Site:
    folder = tmp_path_factory.mktemp("walk")
    made = briefing_gen("init", "royals-and-plumbers", cwd=folder)
    assert made.returncode == 0, made.stderr
    project = folder / "royals-and-plumbers"
    settings = project / "content" / "site.yaml"
    settings.write_text(settings.read_text(encoding="utf-8").replace(
        "compares: {singular: summit, plural: summits}", "compares: none"), encoding="utf-8")
    for page in WALKED:
        ingested = briefing_gen("ingest", str(PAGES / page), "--published", "2021-03-09", cwd=project)
        assert ingested.returncode == 0, f"{page}:\n{ingested.stdout}\n{ingested.stderr}"
    review = briefing_gen("review", cwd=project)
    assert review.returncode == 0 and " to review in 3 sources: " in review.stdout, review.stdout + review.stderr
    built = briefing_gen("build", cwd=project)
    assert built.returncode == 0, built.stdout + built.stderr
    return Site(project / "site", project / "content")


def test_the_walk_gives_a_site_of_every_article(new_briefing):
    sources = sorted(new_briefing.root.glob("sources/*/index.html"))
    assert len(sources) == len(WALKED)
    assert new_briefing.pages_of_kind("quotes"), "no quote pages: ingest found no quotes on three news pages"
    assert not (new_briefing.root / "summits").exists()


def test_the_new_briefing_is_valid_html(new_briefing):
    _assert_valid(new_briefing, new_briefing.html_pages(), [])


def test_the_new_briefings_links_resolve(new_briefing):
    test_every_internal_link_and_anchor_resolves_on_disk(new_briefing)
    test_linkinator_finds_no_broken_link(new_briefing)


@pytest.mark.parametrize("kind", ("home", "quotes", "quote", "person", "source"))
def test_axe_finds_no_violations_on_the_new_briefing(new_briefing, pages, kind):
    require(AXE_JS.is_file(), "axe-core (axe.min.js)")
    root = new_briefing.root
    path = {"home": root / "index.html", "quotes": root / "quotes" / "index.html"}.get(kind) \
        or new_briefing.richest({"quote": "quotes", "person": "people", "source": "sources"}[kind])
    page = pages[1280]
    _open(page, path)
    page.add_script_tag(path=str(AXE_JS))
    violations = page.evaluate(AXE_RUN)
    assert not violations, f"axe-core on {new_briefing.rel(path)}: {[(v['id'], v['help']) for v in violations]}"
