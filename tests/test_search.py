"""Search: the index written at build time, and the page that reads it offline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing_gen.search import plain_text
from conftest import ROOT
from sitecheck import broken_links, parse_page

TEMPLATES = ROOT / "templates"
PREFIX = "window.BRIEFING_SEARCH = "


@pytest.fixture
def built(minimal_content, tmp_path, cli):
    out = tmp_path / "site"
    assert cli("build", "--content", str(minimal_content), "--templates", str(TEMPLATES), "--out", str(out), "-q") == 0
    return out


def read_index(site: Path) -> list[dict]:
    script = (site / "search-index.js").read_text(encoding="utf-8")
    assert script.startswith(PREFIX) and script.rstrip().endswith(";")
    return json.loads(script[len(PREFIX):].rstrip().rstrip(";"))


def resolves(site: Path, url: str) -> bool:
    path, _, fragment = url.partition("#")
    target = site / path
    return target.is_file() and (not fragment or fragment in parse_page(target).ids)


def test_index_holds_a_known_quote_whose_links_resolve(built):
    entries = read_index(built)
    quote = next(entry for entry in entries if entry["kind"] == "quote" and "waited four years" in entry["text"])
    assert quote["url"] == "quotes/brandt-waited/index.html"
    assert quote["source"] == "sources/harbour-report/index.html#p2"
    assert resolves(built, quote["url"]) and resolves(built, quote["source"])


def test_index_covers_takeaways_people_and_every_source_paragraph(built):
    entries = read_index(built)
    kinds = {entry["kind"] for entry in entries}
    assert kinds == {"quote", "takeaway", "person", "source", "paragraph"}
    person = next(entry for entry in entries if entry["title"] == "Anna Brandt")
    assert "Mayor Brandt" in person["text"]
    paragraphs = [entry["url"] for entry in entries if entry["kind"] == "paragraph"]
    assert paragraphs == [f"sources/harbour-report/index.html#p{n}" for n in (1, 2, 3)]
    assert all(resolves(built, entry["url"]) for entry in entries)


def test_search_page_is_an_accessible_form_that_works_without_fetch(built):
    html = (built / "search/index.html").read_text(encoding="utf-8")
    assert 'role="search"' in html and 'type="search"' in html and '<label for="search-input">' in html
    assert '<script src="../search-index.js"></script>' in html  # a script, not fetch(): file:// allows it
    assert "fetch(" not in (built / "static/search.js").read_text(encoding="utf-8")
    assert "browse the" in html  # what to do without JavaScript
    assert broken_links(built) == []


def test_every_page_links_to_search(built):
    assert 'href="../../search/index.html"' in (built / "quotes/brandt-waited/index.html").read_text(encoding="utf-8")


def test_pretty_urls_index_links_to_folders(minimal_content, tmp_path, cli):
    with (minimal_content / "site.yaml").open("a") as settings:
        settings.write("pretty_urls: true\n")
    out = tmp_path / "pretty"
    assert cli("build", "--content", str(minimal_content), "--templates", str(TEMPLATES), "--out", str(out), "-q") == 0
    quote = next(entry for entry in read_index(out) if entry["kind"] == "quote")
    assert quote["url"].endswith("/") and quote["source"] == "sources/harbour-report/#p2"


def test_plain_text_keeps_the_words_of_markdown():
    assert plain_text("The *ferry* [returns](https://x.org) to `Eastport`.\n\n> soon") == "The ferry returns to Eastport. soon"
