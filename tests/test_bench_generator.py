"""The benchmark's generator makes a valid briefing, and the same records for Hugo and Pelican.

No timing here: speed lives in `make bench`. This only guards that the
synthetic content the benchmark measures is content briefing-gen accepts.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import generate  # noqa: E402

RECORDS = 60


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    out = tmp_path_factory.mktemp("bench")
    briefing = generate.generate(RECORDS, out, seed=7)
    return briefing, out


def test_generator_is_seeded_and_sized():
    first, second = generate.make_briefing(RECORDS, seed=7), generate.make_briefing(RECORDS, seed=7)
    assert first.count() == RECORDS
    assert [(r.slug, r.meta, r.body) for r in first.of_kind("quotes")] == [(r.slug, r.meta, r.body) for r in second.of_kind("quotes")]
    counts = generate.make_briefing(1000).records
    assert len(counts["quotes"]) == pytest.approx(600, abs=10)
    assert len(counts["takeaways"]) == 250 and len(counts["events"]) == 100


def test_content_passes_check_and_builds(generated, cli, tmp_path):
    briefing, out = generated
    content = out / "briefing" / "content"
    assert cli("check", "--content", str(content)) == 0
    site = tmp_path / "site"
    assert cli("build", "--content", str(content), "--templates", str(ROOT / "templates"), "--out", str(site), "-q") == 0
    for record in briefing.of_kind("quotes")[:5]:
        assert (site / "quotes" / record.slug / "index.html").is_file()
    assert (site / "people" / briefing.of_kind("people")[0].slug / "index.html").is_file()


def _slugs(paths: list[Path]) -> Counter:
    return Counter(path.parent.name if path.name == "_index.md" else path.stem for path in paths)


def test_hugo_and_pelican_hold_the_same_records(generated):
    briefing, out = generated
    expected = Counter(record.slug for records in briefing.records.values() for record in records)
    hugo_content = out / "hugo" / "content"
    hugo_records = [path for path in hugo_content.rglob("*.md") if len(path.relative_to(hugo_content).parts) > 2 or path.name != "_index.md"]
    pelican_content = out / "pelican" / "content"
    pelican_records = [path for path in pelican_content.rglob("*.md") if path.parent.name != "pages"]
    assert _slugs(hugo_records) == expected
    assert _slugs(pelican_records) == expected
    assert (out / "hugo" / "hugo.yaml").is_file() and (out / "hugo" / "layouts" / "quotes" / "page.html").is_file()
    assert (out / "pelican" / "pelicanconf.py").is_file() and (out / "pelican" / "theme" / "templates" / "quote.html").is_file()


def test_the_feed_holds_the_newest_entries_of_a_large_briefing(tmp_path):
    """With more records than the feed holds: the entries are those of sorting every quote and
    takeaway by date (then path), newest first, and keeping the first FEED_ENTRIES."""
    from briefing_gen.build import load_and_validate
    from briefing_gen.dates import UNKNOWN
    from briefing_gen.model import date_sort_key, make_briefing
    from briefing_gen.render import FEED_ENTRIES, feed_entries, record_path

    generate.generate(400, tmp_path, seed=11)
    content, _ = load_and_validate(tmp_path / "briefing" / "content")
    briefing = make_briefing(content)
    dated = [(quote.said_on if quote.said_on != UNKNOWN else briefing.source(quote.source).published, quote)
             for quote in briefing.quotes]
    dated += [(briefing.source(takeaway.source).published, takeaway) for takeaway in briefing.takeaways]
    dated.sort(key=lambda item: (date_sort_key(item[0]), record_path(item[1])), reverse=True)
    assert len(dated) > FEED_ENTRIES
    entries = feed_entries(briefing)
    assert [(entry["updated"], entry["record"]) for entry in entries] == dated[:FEED_ENTRIES]
    assert all(entry["path"] == record_path(entry["record"]) and entry["title"] for entry in entries)
