"""The shipped briefing: the committed site/ is exactly what a fresh build of content/ gives."""

from __future__ import annotations

import feedparser
import pytest

from briefing_gen.content import load_content
from briefing_gen.problems import errors_in
from briefing_gen.validate import validate
from conftest import ROOT, run_cli
from sitecheck import broken_links, tree_bytes


@pytest.fixture(scope="module")
def fresh_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("fresh") / "site"
    assert run_cli("build", "--content", str(ROOT / "content"), "--templates", str(ROOT / "templates"),
                   "--out", str(out), "--clean", "-q") == 0
    return out


def test_committed_site_equals_a_fresh_build(fresh_site):
    committed = tree_bytes(ROOT / "site")
    fresh = tree_bytes(fresh_site)
    assert sorted(committed) == sorted(fresh), "site/ lists other files than a fresh build: run `make site` and commit"
    differing = [path for path in fresh if committed[path] != fresh[path]]
    assert differing == [], f"site/ is stale in {differing[:5]}: run `make site` and commit"


def test_shipped_content_is_valid_and_complete():
    content, problems = load_content(ROOT / "content")
    assert problems == [] and errors_in(validate(content)) == []
    assert len(content.of_kind("quotes")) > 15
    assert len(content.of_kind("sources")) == 2
    for summit in content.of_kind("summits").values():
        assert len(summit.compare) >= 8, summit.slug
    for source in content.of_kind("sources").values():
        assert source.removed, f"{source.slug} lists nothing removed at ingest"
        assert source.byline or source.outlet


def test_shipped_people_merge_every_spelling():
    people = load_content(ROOT / "content")[0].of_kind("people")
    aliases = {alias for person in people.values() for alias in person.aliases}
    for spelling in ("Kim Jong-un", "Kim Jong Un", "Chairman Kim", "Lee Kyung-hee", "Kyung-hee Lee"):
        assert spelling in aliases
    kim = next(p for p in people.values() if "Kim Jong-un" in p.aliases)
    assert "Kim Jong Un" in kim.aliases and "Kim Jong-dae" not in kim.aliases


def test_shipped_site_links_resolve_and_feed_parses(fresh_site):
    assert broken_links(fresh_site) == []
    feed = feedparser.parse((fresh_site / "feed.xml").read_bytes())
    assert feed.bozo == 0 and len(feed.entries) > 15
