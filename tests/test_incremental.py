"""Incremental builds: only what changed is rendered, and the result equals a clean build."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import MINIMAL_SITE, ROOT, run_cli
from sitecheck import tree_bytes

TEMPLATES = ROOT / "templates"


def build(content: Path, templates: Path, out: Path, *extra: str) -> None:
    assert run_cli("build", "--content", str(content), "--templates", str(templates), "--out", str(out), "-q", *extra) == 0


def test_one_quote_edit_rerenders_only_what_shows_it(minimal_content, tmp_path, capsys):
    out = tmp_path / "site"
    build(minimal_content, TEMPLATES, out)
    before = {path: (out / path).stat().st_ino for path in tree_bytes(out)}
    quote = minimal_content / "quotes" / "okafor-ferry.md"
    quote.write_text(quote.read_text().replace("via: The Coastal Ledger", "via: Harbour Radio"))
    build(minimal_content, TEMPLATES, out)
    changed = sorted(path for path in tree_bytes(out) if (out / path).stat().st_ino != before.get(path) and path != ".briefing-gen")
    assert "quotes/okafor-ferry/index.html" in changed
    assert "people/tomas-okafor/index.html" in changed  # the person page lists the quote
    assert "summits/2023-pier/index.html" in changed
    assert "sources/harbour-report/index.html" in changed  # cites the paragraph
    assert "quotes/brandt-waited/index.html" not in changed
    assert "people/anna-brandt/index.html" not in changed
    assert "static/style.css" not in changed


def test_an_unchanged_build_writes_nothing(minimal_content, tmp_path, capsys):
    out = tmp_path / "site"
    build(minimal_content, TEMPLATES, out)
    stamps = {path: (out / path).stat().st_mtime_ns for path in tree_bytes(out)}
    inode = out.stat().st_ino
    assert run_cli("build", "--content", str(minimal_content), "--templates", str(TEMPLATES), "--out", str(out)) == 0
    assert re.search(r", 0 of \d+ files changed", capsys.readouterr().out)
    assert out.stat().st_ino == inode  # not even swapped
    assert {path: (out / path).stat().st_mtime_ns for path in tree_bytes(out)} == stamps


def test_a_template_change_rerenders_the_pages_using_it(minimal_content, tmp_path):
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    out = tmp_path / "site"
    build(minimal_content, templates, out)
    before = {path: (out / path).stat().st_ino for path in tree_bytes(out)}
    with (templates / "tag.html").open("a") as template:
        template.write("{# a comment changes the template, not the page #}\n")
    build(minimal_content, templates, out)
    changed = sorted(path for path in tree_bytes(out) if (out / path).stat().st_ino != before.get(path) and path != ".briefing-gen")
    assert changed == ["tags/transport/index.html"]


# -- property: any sequence of edits gives the same bytes as a clean build ----------

def edit_tag_body(content: Path, templates: Path, word: str) -> None:
    (content / "tags" / "transport.md").write_text(f"---\ntitle: Transport\n---\nFerries and {word}.\n")


def edit_person_role(content: Path, templates: Path, word: str) -> None:
    path = content / "people" / "anna-brandt.md"
    path.write_text(path.read_text().replace("role: Mayor of Eastport", f"role: Mayor of {word.title()}"))


def add_tag(content: Path, templates: Path, word: str) -> None:
    (content / "tags" / f"extra-{word}.md").write_text(f"---\ntitle: Extra {word}\n---\nAbout {word}.\n")


def delete_extra_tags(content: Path, templates: Path, word: str) -> None:
    for path in (content / "tags").glob("extra-*.md"):
        path.unlink()


def add_event(content: Path, templates: Path, word: str) -> None:
    (content / "events" / f"event-{word}.md").write_text(
        f'---\ntitle: The {word} event\ndate: "2021-0{len(word) % 9 + 1}"\nsource: harbour-report\nparagraph: 1\n---\nSomething about {word}.\n')


def delete_first_meeting(content: Path, templates: Path, word: str) -> None:
    (content / "events" / "first-meeting.md").unlink(missing_ok=True)


def edit_source_paragraph(content: Path, templates: Path, word: str) -> None:
    path = content / "sources" / "harbour-report.md"
    path.write_text(path.read_text().replace("at the old pier.", f"at the old pier. It was {word}.", 1))


def edit_settings(content: Path, templates: Path, word: str) -> None:
    with (content / "site.yaml").open("a") as settings_file:
        settings_file.write(f"# {word}\n")
    path = content / "site.yaml"
    path.write_text(path.read_text().replace("met twice.", f"met twice, {word}."))


def edit_template(content: Path, templates: Path, word: str) -> None:
    path = templates / "quote.html"
    path.write_text(path.read_text().replace("<dt>Speaker</dt>", f"<dt>Speaker {word}</dt>", 1))


def _toggle(path: Path, one: str, other: str) -> None:
    """Swap between two versions of a line: edits that move a record between lists and back."""
    text = path.read_text()
    path.write_text(text.replace(other, one, 1) if other in text else text.replace(one, other, 1))


def move_quote_to_other_speaker(content: Path, templates: Path, word: str) -> None:
    _toggle(content / "quotes" / "brandt-waited.md", "person: anna-brandt", "person: tomas-okafor")


def move_quote_to_other_summit(content: Path, templates: Path, word: str) -> None:
    _toggle(content / "quotes" / "brandt-waited.md", "summit: 2023-pier", "summit: 2019-pier")


def redate_quote(content: Path, templates: Path, word: str) -> None:
    _toggle(content / "quotes" / "okafor-ferry.md", "said_on: unknown", f'said_on: "2019-0{len(word)}-02"')


def untag_takeaway(content: Path, templates: Path, word: str) -> None:
    _toggle(content / "takeaways" / "ferry-returns.md", "tags: [transport]", "tags: []")


def draft_takeaway(content: Path, templates: Path, word: str) -> None:
    _toggle(content / "takeaways" / "ferry-returns.md", "order: 1\n", "order: 1\ndraft: true\n")


def rename_person(content: Path, templates: Path, word: str) -> None:
    _toggle(content / "people" / "anna-brandt.md", "name: Anna Brandt", f"name: Zelda {word.title()}")


def redate_source(content: Path, templates: Path, word: str) -> None:
    _toggle(content / "sources" / "harbour-report.md", 'published: "2023-05-12"', 'published: "2023-06-30"')


def add_takeaway(content: Path, templates: Path, word: str) -> None:
    text = (content / "takeaways" / "ferry-returns.md").read_text()
    (content / "takeaways" / f"extra-{word}.md").write_text(
        text.replace("title: The ferry returns", f"title: About {word}").replace("order: 1", f"order: {len(word)}"))


def delete_extra_takeaways(content: Path, templates: Path, word: str) -> None:
    for path in (content / "takeaways").glob("extra-*.md"):
        path.unlink()


def split_takeaways_over_pages(content: Path, templates: Path, word: str) -> None:
    """One takeaway to a page, and back: pages of the list come and go."""
    path = content / "site.yaml"
    text = path.read_text()
    path.write_text(text.replace("page_size: 1\n", "") if "page_size: 1\n" in text else text + "page_size: 1\n")


# Several citations per record: the second report of the pier summit (tests/fixtures/citations) is
# in the content from the start; these edits make records cite it and stop, and change what it says.
SECOND_REPORT = MINIMAL_SITE.parent.parent / "citations"


def _toggle_front(path: Path, lines: str) -> None:
    """Add front-matter lines before the closing `---`, or take them out again."""
    text = path.read_text()
    if lines in text:
        path.write_text(text.replace(lines, "", 1))
    else:
        head, _, body = text[4:].partition("\n---\n")
        path.write_text(f"---\n{head}\n{lines}---\n{body}")


def cite_quote_twice(content: Path, templates: Path, word: str) -> None:
    _toggle_front(content / "quotes" / "brandt-waited.md", "also_in:\n  - source: pier-radio\n    paragraph: 2\n"
                  "    wording: \"Four years we have waited for this,\"\n")


def cite_event_twice(content: Path, templates: Path, word: str) -> None:
    _toggle_front(content / "events" / "second-meeting.md", "also_in: [{source: pier-radio, paragraph: 1}]\n")


def cite_figure_twice(content: Path, templates: Path, word: str) -> None:
    _toggle_front(content / "figures" / "ferry-jobs.md", "also_in: [{source: pier-radio, paragraph: 3}]\n")


def cite_takeaway_twice(content: Path, templates: Path, word: str) -> None:
    _toggle_front(content / "takeaways" / "ferry-returns.md", "also_in: [{source: pier-radio, paragraphs: [1, 3]}]\n")


def rename_second_outlet(content: Path, templates: Path, word: str) -> None:
    _toggle(content / "sources" / "pier-radio.md", "outlet: Harbour Radio", f"outlet: {word.title()} FM")


def toggle_conflicting_figure(content: Path, templates: Path, word: str) -> None:
    """A figure of the second source for the same quantity with another value comes and goes."""
    path = content / "figures" / "ferry-jobs-radio.md"
    if path.exists():
        path.unlink()
    else:
        shutil.copy(SECOND_REPORT / "figures" / "ferry-jobs-radio.md", path)


EDITS = [edit_tag_body, edit_person_role, add_tag, delete_extra_tags, add_event, delete_first_meeting,
         edit_source_paragraph, edit_settings, edit_template, move_quote_to_other_speaker, move_quote_to_other_summit,
         redate_quote, untag_takeaway, draft_takeaway, rename_person, redate_source, add_takeaway,
         delete_extra_takeaways, split_takeaways_over_pages, cite_quote_twice, cite_event_twice, cite_figure_twice,
         cite_takeaway_twice, rename_second_outlet, toggle_conflicting_figure]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@example(edits=[(split_takeaways_over_pages, "north"), (rename_person, "north")])  # quotes by speaker reordered
@example(edits=[(cite_quote_twice, "north"), (rename_second_outlet, "rain"), (cite_figure_twice, "eel"),
                (toggle_conflicting_figure, "north"), (cite_quote_twice, "cobalt")])  # who reports it, and back
@given(st.lists(st.tuples(st.sampled_from(EDITS), st.sampled_from(["north", "rain", "eel", "cobalt"])),
                min_size=1, max_size=5))
def test_incremental_equals_clean_after_any_edits(tmp_path_factory, edits):
    root = tmp_path_factory.mktemp("incremental")
    content, templates = root / "content", root / "templates"
    shutil.copytree(MINIMAL_SITE, content)
    shutil.copy(SECOND_REPORT / "sources" / "pier-radio.md", content / "sources")
    shutil.copytree(TEMPLATES, templates)
    incremental, clean = root / "incremental", root / "clean"
    build(content, templates, incremental)
    for edit, word in edits:
        edit(content, templates, word)
        build(content, templates, incremental)
        build(content, templates, clean, "--clean")
        assert tree_bytes(incremental) == tree_bytes(clean), f"after {edit.__name__}({word})"


def test_an_edit_in_the_same_clock_tick_is_not_missed(minimal_content, tmp_path):
    """Two edits of the same size within one tick of a coarse file clock: the second still shows."""
    import os
    import time

    out = tmp_path / "site"
    tag = minimal_content / "tags" / "transport.md"
    build(minimal_content, TEMPLATES, out)
    stamp = time.time_ns() // 1_000_000_000 * 1_000_000_000  # a clock that counts whole seconds
    tag.write_text("---\ntitle: Transport\n---\nFerries: AAA.\n")
    os.utime(tag, ns=(stamp, stamp))  # as a clock with a coarse tick would leave it
    build(minimal_content, TEMPLATES, out)
    tag.write_text("---\ntitle: Transport\n---\nFerries: BBB.\n")  # same size, same tick
    os.utime(tag, ns=(stamp, stamp))
    build(minimal_content, TEMPLATES, out)
    assert "Ferries: BBB." in (out / "tags/transport/index.html").read_text()


def test_right_after_an_edit_an_unchanged_build_still_takes_the_fast_path(minimal_content, tmp_path):
    """A file edited a moment ago counts by its bytes, so the next build can still see that nothing changed."""
    import os

    from briefing_gen.uptodate import input_stamp, up_to_date

    out = tmp_path / "site"
    build(minimal_content, TEMPLATES, out)
    tag = minimal_content / "tags" / "transport.md"
    tag.write_text("---\ntitle: Transport\n---\nFerries: AAA.\n")
    build(minimal_content, TEMPLATES, out)  # the edit is still within the racy window
    assert up_to_date(out, input_stamp(minimal_content, TEMPLATES, False))
    stats = tag.stat()
    tag.write_text("---\ntitle: Transport\n---\nFerries: BBB.\n")  # same size, same time: only the bytes differ
    os.utime(tag, ns=(stats.st_atime_ns, stats.st_mtime_ns))
    assert not up_to_date(out, input_stamp(minimal_content, TEMPLATES, False))


def test_a_clean_build_is_remembered_for_the_next_one(minimal_content, tmp_path):
    from briefing_gen.uptodate import input_stamp, up_to_date

    out = tmp_path / "site"
    build(minimal_content, TEMPLATES, out, "--clean")
    assert up_to_date(out, input_stamp(minimal_content, TEMPLATES, False))


def test_the_input_stamp_is_the_same_in_every_process(minimal_content):
    """The stamp is compared with one taken by another process (the last build): its digest
    must not depend on anything but the files, such as the order of a process's hashing."""
    import subprocess
    import sys

    from briefing_gen.uptodate import input_stamp

    (minimal_content / "people" / "anna-brandt-link.md").symlink_to(minimal_content / "people" / "anna-brandt.md")
    script = ("import sys; from pathlib import Path; from briefing_gen.uptodate import input_stamp; "
              "print(input_stamp(Path(sys.argv[1]), Path(sys.argv[2]), False).digest)")
    digests = {subprocess.run([sys.executable, "-c", script, str(minimal_content), str(TEMPLATES)], check=True,
                              capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONHASHSEED": seed}).stdout.strip()
               for seed in ("1", "2", "3")}
    assert digests == {input_stamp(minimal_content, TEMPLATES, False).digest}


def test_the_search_index_follows_a_renamed_speaker(minimal_content, tmp_path):
    """Each record's index lines are kept between builds; a quote's line names its speaker, so
    renaming the person must change it although the quote's own file did not change."""
    incremental, clean = tmp_path / "incremental", tmp_path / "clean"
    build(minimal_content, TEMPLATES, incremental)
    person = minimal_content / "people" / "tomas-okafor.md"
    person.write_text(person.read_text().replace("name: Tomas Okafor", "name: Tomás Okafor-Reyes"))
    build(minimal_content, TEMPLATES, incremental)
    build(minimal_content, TEMPLATES, clean, "--clean")
    index = (incremental / "search-index.js").read_text(encoding="utf-8")
    assert "Tomás Okafor-Reyes: \u201c" in index
    assert index == (clean / "search-index.js").read_text(encoding="utf-8")


def test_edits_that_keep_size_and_mtime_or_sit_behind_a_folder_link_are_seen(minimal_content, tmp_path):
    """A copy that keeps the old mtime (cp -p, rsync -t) and an edit in a linked folder both show."""
    import os

    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    elsewhere = tmp_path / "partials-elsewhere"
    shutil.move(templates / "partials", elsewhere)
    (templates / "partials").symlink_to(elsewhere, target_is_directory=True)
    (elsewhere / "loop").symlink_to(templates, target_is_directory=True)  # a link back up must not loop
    out = tmp_path / "site"
    build(minimal_content, templates, out)

    old = 1_600_000_000_000_000_000  # long ago: not a racy file
    tag = minimal_content / "tags" / "transport.md"
    tag.write_text("---\ntitle: Transport\n---\nFerries: AAA.\n")
    os.utime(tag, ns=(old, old))
    build(minimal_content, templates, out)
    tag.write_text("---\ntitle: Transport\n---\nFerries: BBB.\n")  # same size; mtime put back as cp -p does
    os.utime(tag, ns=(old, old))
    build(minimal_content, templates, out)
    assert "Ferries: BBB." in (out / "tags/transport/index.html").read_text()

    card = elsewhere / "quote_card.html"
    card.write_text(card.read_text().replace('<figure class="quote-card">', '<figure class="quote-card linked">'))
    build(minimal_content, templates, out)
    assert 'class="quote-card linked"' in (out / "people/anna-brandt/index.html").read_text()


@pytest.mark.parametrize("with_an_edit", [False, True])
def test_files_changed_added_or_removed_by_hand_in_the_site_are_put_right(minimal_content, tmp_path, with_an_edit):
    out, clean = tmp_path / "site", tmp_path / "clean"
    build(minimal_content, TEMPLATES, out)
    (out / "index.html").write_text("edited by hand")
    (out / "stray.html").write_text("left here")
    (out / "tags" / "index.html").unlink()
    if with_an_edit:  # the build then has a page to write as well
        edit_tag_body(minimal_content, TEMPLATES, "rain")
    build(minimal_content, TEMPLATES, out)
    build(minimal_content, TEMPLATES, clean, "--clean")
    assert tree_bytes(out) == tree_bytes(clean)


def test_a_folder_check_begun_ahead_walks_again_for_other_states(minimal_content, tmp_path):
    from briefing_gen.cache import BuildCache, FileState
    from briefing_gen.publish import FolderCheck

    out = tmp_path / "site"
    build(minimal_content, TEMPLATES, out)
    states = BuildCache.load(out).current
    assert FolderCheck(out, states).result(states) == states  # the same states: the forked walk's verdict
    other = dict(states, **{"index.html": FileState.of("0" * 40, 1, 1)})
    check = FolderCheck(out, states)
    assert check.result(other) is None  # walked again, here, for the states asked about
    check.close()


@pytest.mark.parametrize("setting", ["pretty_urls: true", "base_url: https://elsewhere.example.org/"])
def test_a_changed_setting_does_not_reuse_templates_compiled_with_the_old_one(minimal_content, tmp_path, setting):
    """Jinja folds `{{ 'index.html'|absolute }}` into the compiled template: kept compiled
    templates must belong to the settings they were compiled with."""
    out, clean = tmp_path / "site", tmp_path / "clean"
    build(minimal_content, TEMPLATES, out)
    settings = minimal_content / "site.yaml"
    key = setting.split(":")[0]
    settings.write_text("".join(line for line in settings.read_text().splitlines(keepends=True)
                                if not line.startswith(key + ":")) + setting + "\n")
    build(minimal_content, TEMPLATES, out)
    build(minimal_content, TEMPLATES, clean, "--clean")
    assert tree_bytes(out) == tree_bytes(clean)


def test_a_site_swapped_by_another_build_while_this_one_waited_is_walked_again(minimal_content, tmp_path, monkeypatch):
    """Another build that swaps in its site while this one waits for the lock (and is killed before
    its last save) must not be trusted: the old site is walked under the lock."""
    import os
    import time

    from briefing_gen import build as build_module
    from briefing_gen.build import build_into
    from briefing_gen.cache import BuildCache

    out, clean = tmp_path / "site", tmp_path / "clean"
    assert build_into(minimal_content, TEMPLATES, out)[1] == []
    edit_tag_body(minimal_content, TEMPLATES, "rain")
    original = build_module.recover_interrupted_build

    def another_build_meanwhile(out_dir: Path) -> None:
        time.sleep(0.3)
        BuildCache.load(out_dir).save()  # its first save, made before it touches the site
        other = out_dir.with_name("other")
        shutil.copytree(out_dir, other)
        (other / "index.html").write_text("the other build's page\n")
        os.rename(out_dir, out_dir.with_name("before"))
        os.rename(other, out_dir)  # swapped in; killed before recording it
        original(out_dir)

    monkeypatch.setattr(build_module, "recover_interrupted_build", another_build_meanwhile)
    assert build_into(minimal_content, TEMPLATES, out)[1] == []
    monkeypatch.setattr(build_module, "recover_interrupted_build", original)
    assert build_into(minimal_content, TEMPLATES, clean, clean=True)[1] == []
    assert tree_bytes(out) == tree_bytes(clean)


def test_a_build_stopped_while_it_updates_the_shadow_leaves_a_shadow_no_build_trusts(minimal_content, tmp_path,
                                                                                  monkeypatch, capsys):
    """The shadow is brought up to date without a walk, from its record; a build that stops half way
    (here after changing a file it was not asked to, as a removal would) must not leave that record
    trusted: the next build publishes afresh and equals a clean one."""
    from briefing_gen import publish

    out, clean = tmp_path / "site", tmp_path / "clean"
    build(minimal_content, TEMPLATES, out)
    edit_tag_body(minimal_content, TEMPLATES, "rain")
    build(minimal_content, TEMPLATES, out)  # the first site is now the shadow
    assert (publish.shadow_folder(out) / ".briefing-gen").is_file()
    edit_tag_body(minimal_content, TEMPLATES, "fog")

    def stopped_half_way(folder, outputs, *args, **kwargs):
        (Path(folder) / "static" / "style.css").write_text("half written\n")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(publish, "render_into", stopped_half_way)
    assert run_cli("build", "--content", str(minimal_content), "--templates", str(TEMPLATES), "--out", str(out), "-q") == 1
    monkeypatch.undo()
    build(minimal_content, TEMPLATES, out)
    build(minimal_content, TEMPLATES, clean, "--clean")
    assert tree_bytes(out) == tree_bytes(clean)


def test_kept_values_rewrite_only_the_files_whose_keys_changed(tmp_path):
    from briefing_gen.store import Shelf

    store = tmp_path / "values"
    first = Shelf(store, ("v1",))
    for number in range(200):
        first.put(f"text {number}", number)
    first.save()
    files = sorted(tmp_path.glob("values-*.pickle"))
    assert len(files) == first.shards
    inodes = {path: path.stat().st_ino for path in files}
    second = Shelf(store, ("v1",))
    assert second.kept == first.now
    second.keep([key for key in second.kept if key != "text 7"])  # one dropped
    second.put("text 200", 200)  # one added
    second.save()
    rewritten = [path for path in files if path.stat().st_ino != inodes[path]]
    assert 1 <= len(rewritten) <= 2
    third = Shelf(store, ("v1",))
    assert third.kept == second.now
    assert Shelf(store, ("v2",)).kept == {}  # another version keeps nothing
    files[0].write_bytes(b"damaged")
    fourth = Shelf(store, ("v1",))
    assert 0 < len(fourth.kept) < len(third.kept)  # a damaged file loses only its own values
    assert fourth.kept.items() <= third.kept.items()


def test_the_build_record_keeps_the_shadow_as_it_differs_from_the_live_site(tmp_path):
    from briefing_gen.cache import BuildCache, FileState

    out = tmp_path / "site"
    out.mkdir()
    live = {"a.html": FileState.of("1" * 40, 1, 1), "b.html": FileState.of("2" * 40, 2, 2),
            "only-live.html": FileState.of("3" * 40, 3, 3)}
    shadow = {"a.html": live["a.html"], "b.html": FileState.of("9" * 40, 9, 9),
              "only-shadow.html": FileState.of("4" * 40, 4, 4)}
    for current, kept_shadow in ((live, shadow), (None, shadow), (live, None), (live, {})):
        cache = BuildCache(out, current, kept_shadow)
        cache.save()
        loaded = BuildCache.load(out)
        assert (loaded.current, loaded.shadow) == (current, kept_shadow)
        assert all(type(state) is FileState for state in (loaded.shadow or {}).values())


def test_a_shadow_being_changed_is_trusted_by_no_record_until_the_next_save(minimal_content, tmp_path, monkeypatch,
                                                                         capsys):
    """The shadow is trusted without a walk while it holds the file saying its record describes it:
    removed before the shadow changes (the record is not rewritten for it), and written back only
    once the record of the swapped site is saved."""
    from briefing_gen import publish
    from briefing_gen.cache import BuildCache

    out, clean = tmp_path / "site", tmp_path / "clean"
    for word in ("ash", "birch"):
        edit_tag_body(minimal_content, TEMPLATES, word)
        build(minimal_content, TEMPLATES, out)
    shadow_dir = publish.shadow_folder(out)
    recorded, kept = shadow_dir / publish.RECORDED, BuildCache.load(out).shadow
    assert recorded.is_file() and kept
    assert {path.relative_to(shadow_dir).as_posix() for path in shadow_dir.rglob("*") if path.is_file()} == \
        set(kept) | {".briefing-gen", publish.RECORDED}
    record = BuildCache.path_for(out).read_bytes()
    seen = []

    def stopped_half_way(folder, outputs, *args):
        seen.append((recorded.exists(), BuildCache.path_for(out).read_bytes() == record))
        raise OSError(28, "No space left on device")

    edit_tag_body(minimal_content, TEMPLATES, "cedar")
    real_render = publish.render_into
    monkeypatch.setattr(publish, "render_into", stopped_half_way)
    assert run_cli("build", "--content", str(minimal_content), "--templates", str(TEMPLATES), "--out", str(out), "-q") == 1
    assert seen == [(False, True)]  # trusted by no build from before it changed, the record as it was
    monkeypatch.setattr(publish, "render_into", real_render)
    monkeypatch.setattr(BuildCache, "save", lambda self: False)  # the build ends, but its record cannot be saved
    build(minimal_content, TEMPLATES, out)
    assert not recorded.exists()
    monkeypatch.undo()
    edit_tag_body(minimal_content, TEMPLATES, "ash")
    build(minimal_content, TEMPLATES, out)
    build(minimal_content, TEMPLATES, clean, "--clean")
    assert tree_bytes(out) == tree_bytes(clean)


def test_a_swap_that_failed_leaves_a_shadow_no_build_trusts(minimal_content, tmp_path, monkeypatch, capsys):
    """A swap that fails (or a build killed before it) must not leave the old record of the shadow
    trusted over the new files in it."""
    from briefing_gen import publish

    out, clean = tmp_path / "site", tmp_path / "clean"
    for word in ("ash", "birch"):
        edit_tag_body(minimal_content, TEMPLATES, word)
        build(minimal_content, TEMPLATES, out)
    edit_tag_body(minimal_content, TEMPLATES, "cedar")

    def failed_swap(new, out_dir):
        raise OSError("could not swap the new site into place")

    monkeypatch.setattr(publish, "replace_folder", failed_swap)
    assert run_cli("build", "--content", str(minimal_content), "--templates", str(TEMPLATES), "--out", str(out), "-q") == 1
    monkeypatch.undo()
    assert "Ferries and birch." in (out / "tags" / "transport" / "index.html").read_text()  # the site before stays
    edit_tag_body(minimal_content, TEMPLATES, "ash")
    build(minimal_content, TEMPLATES, out)
    build(minimal_content, TEMPLATES, clean, "--clean")
    assert tree_bytes(out) == tree_bytes(clean)


def test_where_folders_cannot_be_exchanged_every_build_swaps_by_two_renames(minimal_content, tmp_path, monkeypatch):
    """Off Linux there is no one-step exchange: the shadow goes in place, and the old site becomes
    the shadow, by two renames, on every build (the shadow in use or not)."""
    from briefing_gen import publish, write

    monkeypatch.setattr(write, "exchange_folders", lambda first, second: False)
    out, clean = tmp_path / "site", tmp_path / "clean"
    for word in ("ash", "birch", "cedar", "deodar"):
        edit_tag_body(minimal_content, TEMPLATES, word)
        build(minimal_content, TEMPLATES, out)
        assert f"Ferries and {word}." in (out / "tags" / "transport" / "index.html").read_text()
    assert (publish.shadow_folder(out) / publish.RECORDED).is_file()  # the last builds went through the shadow
    build(minimal_content, TEMPLATES, clean, "--clean")
    assert tree_bytes(out) == tree_bytes(clean)
    assert [path.name for path in tmp_path.iterdir() if path.name.startswith(".site.")] == [".site.shadow"]


@pytest.mark.parametrize("harm", ["deleted", "damaged"])
def test_a_store_deleted_or_damaged_between_builds_costs_only_time(minimal_content, tmp_path, harm):
    from briefing_gen.store import CACHE_FOLDER

    out, clean = tmp_path / "site", tmp_path / "clean"
    build(minimal_content, TEMPLATES, out)
    edit_tag_body(minimal_content, TEMPLATES, "rain")
    build(minimal_content, TEMPLATES, out)  # every kind of kept work is in the store now
    store = tmp_path / CACHE_FOLDER
    kept = [path for path in store.rglob("*") if path.is_file() and path.suffix == ".pickle"]
    assert {path.name.split("-")[0] for path in kept} >= {"records", "markdown", "verbatim", "search", "reads", "build"}
    if harm == "deleted":
        shutil.rmtree(store)
    else:
        for path in kept:
            path.write_bytes(b"not what was kept")
    edit_tag_body(minimal_content, TEMPLATES, "fog")
    build(minimal_content, TEMPLATES, out)
    build(minimal_content, TEMPLATES, clean, "--clean")
    assert tree_bytes(out) == tree_bytes(clean)
