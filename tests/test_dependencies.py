"""Read tracking: an incremental build makes again only the outputs that read something changed."""

from __future__ import annotations

import pytest

from briefing_gen.build import load_and_validate, plan_outputs
from briefing_gen.dependencies import KeptReads, TrackedBriefing, UntrackedRead, frame_digest
from briefing_gen.model import make_briefing

from conftest import ROOT

TEMPLATES = ROOT / "templates"


def planned(content_dir, kept=None):
    content, problems = load_and_validate(content_dir)
    assert not [problem for problem in problems if problem.severity == "error"]
    briefing = make_briefing(content)
    return plan_outputs(briefing, TEMPLATES, kept=kept), briefing


def kept_after(plan, briefing, tmp_path):
    """The reads of a plan as the next build loads them (through the store on disk)."""
    store = tmp_path / "reads"
    frame = frame_digest(TEMPLATES, briefing.settings, False)
    KeptReads(store, frame).save({output.path: (output.fingerprint, plan.reads[output.path])
                                  for output in plan.outputs if output.path in plan.reads}, plan.read_values)
    return KeptReads(store, frame)


def made_again(plan) -> set[str]:
    """Outputs whose context this plan made (their fingerprint is not one kept from before)."""
    return {output.path for output in plan.outputs
            if not output.knows_fingerprint() and not output.path.startswith("static/")}


def test_with_nothing_changed_no_context_is_made_and_every_fingerprint_is_kept(minimal_content, tmp_path):
    first, briefing = planned(minimal_content)
    second, _ = planned(minimal_content, kept_after(first, briefing, tmp_path))
    assert made_again(second) == set()
    assert [output.fingerprint for output in second.outputs] == [output.fingerprint for output in first.outputs]


def test_a_tag_edit_makes_again_only_what_reads_that_tag(minimal_content, tmp_path):
    first, briefing = planned(minimal_content)
    kept = kept_after(first, briefing, tmp_path)
    (minimal_content / "tags" / "transport.md").write_text("---\ntitle: Transport and ferries\n---\nBoats.\n")
    second, _ = planned(minimal_content, kept)
    assert made_again(second) == {"tags/transport/index.html", "tags/index.html", "takeaways/ferry-returns/index.html",
                                  "briefing.json"}  # the data export holds every record


def test_moving_a_quote_to_another_speaker_makes_both_speakers_pages_again(minimal_content, tmp_path):
    first, briefing = planned(minimal_content)
    kept = kept_after(first, briefing, tmp_path)
    quote = minimal_content / "quotes" / "brandt-waited.md"
    quote.write_text(quote.read_text().replace("person: anna-brandt", "person: tomas-okafor"))
    second, _ = planned(minimal_content, kept)
    again = made_again(second)
    assert {"quotes/brandt-waited/index.html", "people/anna-brandt/index.html",
            "people/tomas-okafor/index.html", "quotes/index.html", "people/index.html"} <= again
    assert "quotes/okafor-ferry/index.html" not in again  # reads neither the moved quote nor its speakers
    # what was made again has the fingerprint a plan without kept reads gives
    fresh, _ = planned(minimal_content)
    assert {output.path: output.fingerprint for output in second.outputs} == \
           {output.path: output.fingerprint for output in fresh.outputs}


def test_reads_kept_under_other_templates_or_settings_are_not_used(minimal_content, tmp_path):
    first, briefing = planned(minimal_content)
    kept_after(first, briefing, tmp_path)
    other_frame = frame_digest(TEMPLATES, briefing.settings, True)  # with drafts
    assert KeptReads(tmp_path / "reads", other_frame).outputs == {}
    for path in tmp_path.glob("reads-*.pickle"):
        path.write_bytes(b"not a pickle")
    assert KeptReads(tmp_path / "reads", frame_digest(TEMPLATES, briefing.settings, False)).outputs == {}


def test_a_page_function_cannot_read_the_briefing_behind_the_trackers_back(minimal_content):
    content, _ = load_and_validate(minimal_content)
    reads: set = set()
    tracked = TrackedBriefing(make_briefing(content), reads)
    tracked.quotes_by_person.get("anna-brandt")
    tracked.person("anna-brandt")
    assert reads == {("entry", "quotes_by_person", "anna-brandt"), ("record", "people", "anna-brandt")}
    with pytest.raises(UntrackedRead):
        tracked._people_by_slug  # a private index: reads through it would go unseen


def test_an_output_whose_read_has_no_kept_value_is_made_again(minimal_content, tmp_path):
    first, briefing = planned(minimal_content)
    kept = kept_after(first, briefing, tmp_path)
    kept.values.pop(("entry", "records_by_tag", "transport"))
    second, _ = planned(minimal_content, kept)
    assert made_again(second) == {"tags/transport/index.html", "tags/index.html"}  # the two that read the entry


def test_a_record_missing_from_the_kept_records_counts_as_added(minimal_content, tmp_path):
    first, briefing = planned(minimal_content)
    kept = kept_after(first, briefing, tmp_path)
    kept.records["tags"].pop("transport")
    second, _ = planned(minimal_content, kept)
    # the two that read the record; the list of tags is digested again and found the same
    assert made_again(second) == {"tags/transport/index.html", "takeaways/ferry-returns/index.html"}


def test_after_an_edit_only_the_changes_are_written_and_read_back_whole(minimal_content, tmp_path):
    store = tmp_path / "reads"
    first, briefing = planned(minimal_content)
    frame = frame_digest(TEMPLATES, briefing.settings, False)

    def save(plan, kept):
        kept.save({output.path: (output.fingerprint, plan.reads[output.path])
                   for output in plan.outputs if output.path in plan.reads}, plan.read_values)

    save(first, KeptReads(store, frame))
    whole = {path: path.stat().st_ino for path in tmp_path.glob("reads-*.pickle")}
    kept = KeptReads(store, frame)
    (minimal_content / "tags" / "transport.md").write_text("---\ntitle: Transport and ferries\n---\nBoats.\n")
    second, _ = planned(minimal_content, kept)
    save(second, kept)
    rewritten = [path for path, inode in whole.items() if path.stat().st_ino != inode]
    assert 0 < len(rewritten) < len(whole) // 4
    again = KeptReads(store, frame)
    (tmp_path / "fresh").mkdir()
    fresh = kept_after(second, briefing, tmp_path / "fresh")
    assert (again.outputs, again.records, again.values) == (fresh.outputs, fresh.records, fresh.values)
    third, _ = planned(minimal_content, again)
    assert made_again(third) == set()

    damaged = sorted(whole)[0]
    damaged.write_bytes(b"not a pickle")  # a damaged file loses its own entries only
    assert KeptReads(store, frame).outputs.items() < again.outputs.items()


def test_many_changes_write_the_whole_file_again(minimal_content, tmp_path):
    store = tmp_path / "reads"
    first, briefing = planned(minimal_content)
    frame = frame_digest(TEMPLATES, briefing.settings, False)
    outputs = {output.path: (output.fingerprint, first.reads[output.path]) for output in first.outputs
               if output.path in first.reads}
    KeptReads(store, frame).save(outputs, first.read_values)
    kept = KeptReads(store, frame)
    entry = next(iter(outputs.values()))
    moved = {f"page-{number}.html": entry for number in range(120)}  # every output changed, and more
    kept.save(moved, first.read_values)
    assert KeptReads(store, frame).outputs == moved


def test_a_takeaway_or_event_edit_makes_again_only_its_own_summits_page(tmp_path):
    """A summit page reads its own entries of the summit indexes, not every takeaway and event."""
    import shutil

    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    first, briefing = planned(content)
    kept = kept_after(first, briefing, tmp_path)
    summit_pages = {f"summits/{summit.slug}/index.html" for summit in briefing.summits}
    assert len(summit_pages) == 2
    takeaway = briefing.takeaways[0]
    event = next(event for event in briefing.events if event.summit == takeaway.summit)
    for record in (takeaway, event):
        path = content / record.kind / f"{record.slug}.md"
        path.write_text(path.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    second, _ = planned(content, kept)
    assert made_again(second) & summit_pages == {f"summits/{takeaway.summit}/index.html"}
