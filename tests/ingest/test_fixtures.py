"""Whole-article tests: each fixture article in tests/fixtures/ingest/ is ingested and
compared with its `.expected.yaml`. Quotes are compared as a set, so a quote taken
from a teaser or boilerplate fails as surely as a missed one."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from .helpers import FIXTURES, ingest, normalise, read_records

CASES = sorted(FIXTURES.glob("*.expected.yaml"))


def _article_for(expected: Path) -> Path:
    stem = expected.name[: -len(".expected.yaml")]
    [article] = [p for p in FIXTURES.iterdir() if p.stem == stem and not p.name.endswith(".yaml")]
    return article


@pytest.fixture(scope="module", params=CASES, ids=lambda p: p.name.split(".")[0])
def case(request, tmp_path_factory):
    expected = yaml.safe_load(request.param.read_text(encoding="utf-8"))
    content = tmp_path_factory.mktemp("content")
    code, out, err = ingest([_article_for(request.param)], content, expected.get("published"), expected.get("outlet_arg"))
    assert code == 0, err
    return expected, content, out


def test_source_record(case):
    expected, content, _ = case
    [(front, body)] = read_records(content, "sources").values()
    wanted = expected["source"]
    for key in ("title", "outlet", "byline", "url", "published"):
        if key in wanted:
            assert front[key] == wanted[key], key
    if "removed" in wanted:
        assert front.get("removed", []) == wanted["removed"]
    if "review_kinds" in wanted:
        assert set(wanted["review_kinds"]) <= {note["kind"] for note in front.get("review", [])}
    for words in wanted.get("body_excludes", []):
        assert words not in body
    for words in wanted.get("body_includes", []):
        assert words in body


def test_quotes_exactly(case):
    expected, content, _ = case
    found = {normalise(body): front for front, body in read_records(content, "quotes").values()}
    wanted = {normalise(quote["text"]): quote for quote in expected["quotes"]}
    assert sorted(found) == sorted(wanted)
    for text, quote in wanted.items():
        front = found[text]
        for key in ("speaker", "person", "said_on", "via", "role"):
            if key in quote:
                assert front.get(key) == quote[key], f"{key} of “{text}”"
        assert bool(front.get("partial")) == bool(quote.get("partial")), f"partial of “{text}”"


def test_people(case):
    expected, content, _ = case
    people = read_records(content, "people")
    for person in expected.get("people", []):
        assert person["slug"] in people, sorted(people)
        assert set(person["aliases"]) <= set(people[person["slug"]][0]["aliases"])


def test_takeaways(case):
    expected, content, _ = case
    takeaways = sorted((front for front, _ in read_records(content, "takeaways").values()), key=lambda f: f["order"])
    if "takeaways" not in expected:
        pytest.skip("no takeaways listed for this article")
    wanted = expected["takeaways"]
    assert len(takeaways) == len(wanted)
    for front, takeaway in zip(takeaways, wanted):
        assert front["title"].rstrip("…") == takeaway["title"].rstrip("…") or front["title"].startswith(takeaway["title"].rstrip("…"))
        assert front["paragraphs"] == takeaway["paragraphs"]
        assert bool(front.get("draft")) == bool(takeaway.get("draft"))


def test_figures(case):
    expected, content, _ = case
    figures = [front for front, _ in read_records(content, "figures").values()]
    for figure in expected.get("figures", []):
        matches = [f for f in figures if f["value"] == figure["value"] and f["unit"] == figure["unit"]
                   and f["as_of"] == figure.get("as_of", f["as_of"])]
        assert matches, f"{figure} not in {[(f['value'], f['unit'], f['as_of']) for f in figures]}"


def test_events(case):
    expected, content, _ = case
    events = {(front["date"], front["paragraph"]) for front, _ in read_records(content, "events").values()}
    for event in expected.get("events", []):
        assert (event["date"], event["paragraph"]) in events


def test_nothing_comes_from_what_was_removed(case):
    """No quote, person or event from a teaser or boilerplate: their names appear nowhere."""
    expected, content, _ = case
    for name in expected.get("source", {}).get("body_excludes", []):
        for kind in ("quotes", "people", "events", "figures", "takeaways"):
            for front, body in read_records(content, kind).values():
                assert name not in body and name not in str(front), f"{name} in a {kind} record"
