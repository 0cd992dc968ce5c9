"""Loading and validation: each kind of bad content gives its path:line message and exit 1."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_gen.content import load_content
from briefing_gen.problems import errors_in
from briefing_gen.validate import normalise_for_quote_check, validate


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture no longer contains {old!r}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_the_minimal_fixture_is_valid(minimal_content):
    content, problems = load_content(minimal_content)
    assert problems == []
    assert errors_in(validate(content)) == []
    quote = content.of_kind("quotes")["brandt-waited"]
    assert quote.origin.line_of("paragraph") == 7
    assert content.of_kind("summits")["2019-pier"].date == "2019-06"


# Each case: file to change, text to replace, replacement, expected "file:line: message" fragment.
BROKEN = [
    ("yaml-syntax", "quotes/okafor-ferry.md", "via: The Coastal Ledger", "via: [unclosed",
     "quotes/okafor-ferry.md:9:", "YAML syntax error"),
    ("missing-field", "quotes/okafor-ferry.md", "speaker: Okafor\n", "",
     "quotes/okafor-ferry.md:1:", "missing required field 'speaker'"),
    ("impossible-date", "events/second-meeting.md", '"2023-05-11"', '"2023-02-30"',
     "events/second-meeting.md:3:", "February 2023 has 28 days"),
    # Unquoted, YAML itself reads these as dates, and PyYAML raises on one that does not exist.
    ("impossible-date-unquoted", "quotes/brandt-waited.md", 'said_on: "2023-05-11"', "said_on: 2023-02-30",
     "quotes/brandt-waited.md:4:", "impossible date '2023-02-30': February 2023 has 28 days"),
    ("impossible-month-unquoted", "events/second-meeting.md", 'date: "2023-05-11"', "date: 2023-13-01",
     "events/second-meeting.md:3:", "impossible date '2023-13-01': there is no month 13"),
    ("unknown-summit", "quotes/brandt-waited.md", "summit: 2023-pier", "summit: 2023-peir",
     "quotes/brandt-waited.md:5:", "unknown summit '2023-peir'; did you mean '2023-pier'?"),
    ("unknown-person", "quotes/okafor-ferry.md", "person: tomas-okafor", "person: tomas-okafo",
     "quotes/okafor-ferry.md:3:", "did you mean 'tomas-okafor'?"),
    ("unknown-tag", "takeaways/ferry-returns.md", "tags: [transport]", "tags: [transprot]",
     "takeaways/ferry-returns.md:7:", "unknown tag 'transprot'; did you mean 'transport'?"),
    ("not-verbatim", "quotes/brandt-waited.md", "We have waited four years", "We waited four years",
     "quotes/brandt-waited.md:10:", "not word for word in source 'harbour-report' paragraph 2"),
    ("missing-paragraph", "events/first-meeting.md", "paragraph: 2", "paragraph: 9",
     "events/first-meeting.md:5:", "source 'harbour-report' has no paragraph 9 (it has 3)"),
    ("wrong-type", "takeaways/ferry-returns.md", "order: 1", "order: first",
     "takeaways/ferry-returns.md:4:", "order: expected a whole number"),
    ("unknown-field", "people/anna-brandt.md", "role: Mayor", "rol: Mayor",
     "people/anna-brandt.md:4:", "unknown field 'rol'; did you mean 'role'?"),
    ("bad-person-kind", "people/anna-brandt.md", "kind: person", "kind: robot",
     "people/anna-brandt.md:5:", "expected person or organization"),
    ("takeaway-paragraph", "takeaways/ferry-returns.md", "paragraphs: [3]", "paragraphs: [3, 7]",
     "takeaways/ferry-returns.md:6:", "paragraphs: source 'harbour-report' has no paragraph 7 (it has 3)"),
    ("takeaway-person", "takeaways/ferry-returns.md", "people: [tomas-okafor]", "people: [tomas-okafor, nobody-here]",
     "takeaways/ferry-returns.md:8:", "unknown person 'nobody-here'"),
    ("figure-source", "figures/ferry-jobs.md", "source: harbour-report", "source: harbour-reprot",
     "figures/ferry-jobs.md:6:", "unknown source 'harbour-reprot'; did you mean 'harbour-report'?"),
    ("figure-paragraph", "figures/ferry-jobs.md", "paragraph: 3", "paragraph: 4",
     "figures/ferry-jobs.md:7:", "source 'harbour-report' has no paragraph 4 (it has 3)"),
    ("event-summit", "events/second-meeting.md", "summit: 2023-pier", "summit: 2023-piers",
     "events/second-meeting.md:6:", "unknown summit '2023-piers'"),
    ("compare-source", "summits/2019-pier.md", "source: harbour-report", "source: harbor-report",
     "summits/2019-pier.md:6:", "unknown source 'harbor-report'"),
]


@pytest.mark.parametrize("name, file, old, new, where, message", BROKEN, ids=[case[0] for case in BROKEN])
def test_broken_content_names_file_and_line(minimal_content, cli, capsys, name, file, old, new, where, message):
    replace_in(minimal_content / file, old, new)
    assert cli("check", "--content", str(minimal_content)) == 1
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if where in line]
    assert lines, f"no problem reported at {where}; got:\n{err}"
    assert any(message in line for line in lines), err
    assert "Traceback" not in err


def test_build_reports_an_unquoted_impossible_date_with_its_line(minimal_content, cli, capsys, tmp_path):
    replace_in(minimal_content / "events/second-meeting.md", 'date: "2023-05-11"', "date: 2023-13-01")
    templates = Path(__file__).parent.parent / "templates"
    assert cli("build", "--content", str(minimal_content), "--templates", str(templates),
               "--out", str(tmp_path / "out")) == 1
    err = capsys.readouterr().err
    assert "events/second-meeting.md:3: date: impossible date '2023-13-01'" in err
    assert "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_all_problems_are_reported_together(minimal_content, cli, capsys):
    replace_in(minimal_content / "quotes/brandt-waited.md", "summit: 2023-pier", "summit: nowhere")
    replace_in(minimal_content / "events/first-meeting.md", '"2019-06"', '"2019-13"')
    (minimal_content / "figures" / "Bad_Slug.md").write_text((minimal_content / "figures/ferry-jobs.md").read_text())
    assert cli("check", "--content", str(minimal_content)) == 1
    err = capsys.readouterr().err
    assert "unknown summit 'nowhere'" in err
    assert "no month 13" in err
    assert "Bad_Slug.md' is not a valid slug" in err
    assert "3 problems found" in err


def test_non_utf8_bytes_are_a_content_error(minimal_content, cli, capsys):
    (minimal_content / "tags" / "broken.md").write_bytes(b"---\ntitle: Caf\xe9\n---\n")
    assert cli("check", "--content", str(minimal_content)) == 1
    assert "tags/broken.md:2: not valid UTF-8" in capsys.readouterr().err


def test_front_matter_is_required(minimal_content, cli, capsys):
    (minimal_content / "tags" / "plain.md").write_text("Just a body.\n")
    assert cli("check", "--content", str(minimal_content)) == 1
    assert "tags/plain.md:1: missing front matter" in capsys.readouterr().err


def test_bom_and_crlf_are_accepted(minimal_content, cli):
    path = minimal_content / "tags" / "transport.md"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    assert cli("check", "--content", str(minimal_content)) == 0


def test_json_output_has_file_line_code_message(minimal_content, cli, capsys):
    replace_in(minimal_content / "quotes/brandt-waited.md", "paragraph: 2", "paragraph: 0")
    assert cli("check", "--content", str(minimal_content), "--format", "json") == 1
    import json
    problem = json.loads(capsys.readouterr().out.splitlines()[0])
    assert problem["file"].endswith("quotes/brandt-waited.md")
    assert problem["line"] == 7
    assert problem["code"] == "invalid-field"


def test_quote_check_normalises_marks_and_space_only():
    assert normalise_for_quote_check("“It’s  here,”\nshe said") == "\"It's here,\" she said"


def test_hostile_yaml_aliases_are_problems_not_hangs_or_tracebacks(minimal_content, cli, capsys):
    """Aliases build one shared value (as PyYAML does), so aliases of aliases stay small, and a
    list that contains itself is reported like any unknown key, not a RecursionError."""
    laughs = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    laughs += [f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 10) + "]" for level in range(1, 8)]
    tag = minimal_content / "tags" / "transport.md"
    tag.write_text("---\ntitle: Transport\nextra:\n" + "".join(f"  {line}\n" for line in laughs) + "---\nBody.\n")
    (minimal_content / "tags" / "loop.md").write_text("---\ntitle: Loop\nextra: &a [*a]\n---\nBody.\n")
    (minimal_content / "tags" / "listkey.md").write_text("---\ntitle: Keys\n? [a, b]\n: c\n---\nBody.\n")
    assert cli("check", "--content", str(minimal_content)) == 1
    err = capsys.readouterr().err
    assert "tags/transport.md:3: unknown field 'extra'" in err
    assert "tags/loop.md:3: unknown field 'extra'" in err
    assert "tags/listkey.md:3: a key must be a plain word" in err
    assert "Traceback" not in err


def test_kept_records_read_only_what_changed_and_refuse_an_outside_link_every_time(minimal_content, tmp_path,
                                                                                    monkeypatch):
    from briefing_gen import content as content_module
    from briefing_gen.uptodate import input_stamp

    read: list[str] = []
    parse = content_module.parse_record_files
    monkeypatch.setattr(content_module, "parse_record_files",
                        lambda jobs: read.extend(shown for _, shown, *_ in jobs) or parse(jobs))
    outside = tmp_path / "outside.md"
    outside.write_text("---\ntitle: Outside\n---\n")
    (minimal_content / "tags" / "linked.md").symlink_to(outside)
    (minimal_content / "tags" / "notes.txt").write_text("not a record\n")
    from briefing_gen import uptodate

    monkeypatch.setattr(uptodate, "changed_lately", lambda status, now: False)  # trust every file's stats

    def load():
        read.clear()
        stamp = input_stamp(minimal_content, tmp_path, False)
        return load_content(minimal_content, use_cache=True, listed=stamp.folders)

    first, first_problems = load()
    assert len(read) == sum(1 for path in minimal_content.glob("*/*.md") if not path.is_symlink())
    second, second_problems = load()
    assert read == []
    assert sorted(second_problems) == sorted(first_problems)
    assert any("points outside the content folder" in problem.message for problem in second_problems)
    assert {kind: set(records) for kind, records in second.by_kind.items()} == \
        {kind: set(records) for kind, records in first.by_kind.items()}

    (minimal_content / "events" / "first-meeting.md").unlink()
    quote = minimal_content / "quotes" / "okafor-ferry.md"
    quote.write_text(quote.read_text().replace("via: The Coastal Ledger", "via: Harbour Radio"))
    third, _ = load()
    assert [Path(shown).name for shown in read] == ["okafor-ferry.md"]
    assert "first-meeting" not in third.of_kind("events") and "first-meeting" in first.of_kind("events")
    assert third.of_kind("quotes")["okafor-ferry"].via == "Harbour Radio"
    assert load_content(minimal_content)[0].of_kind("quotes")["okafor-ferry"] == third.of_kind("quotes")["okafor-ferry"]


def test_where_a_link_leads_is_looked_at_again_even_when_the_file_it_led_to_is_unchanged(minimal_content, tmp_path,
                                                                                          monkeypatch):
    """Moving a folder changes no file's stats: a kept verdict on a link (read, or refused) would
    outlive the move. Both ways: a link that now leads outside, and a folder that came back inside."""
    from briefing_gen import uptodate
    from briefing_gen.uptodate import input_stamp

    monkeypatch.setattr(uptodate, "changed_lately", lambda status, now: False)  # trust every file's stats

    def load():
        stamp = input_stamp(minimal_content, tmp_path / "no-templates", False)
        content, problems = load_content(minimal_content, use_cache=True, listed=stamp.folders)
        return content, [problem.message for problem in problems]

    shared = minimal_content / "shared"
    shared.mkdir()
    (shared / "extra.md").write_text("---\ntitle: Extra\n---\nAn extra tag.\n")
    link = minimal_content / "tags" / "extra.md"
    link.symlink_to("../shared/extra.md")
    content, problems = load()
    assert "extra" in content.of_kind("tags") and not any("outside" in message for message in problems)
    shared.rename(tmp_path / "shared")  # the same file, now outside; the link follows it
    link.unlink()
    link.symlink_to("../../shared/extra.md")
    content, problems = load()
    assert "extra" not in content.of_kind("tags")
    assert any("points outside the content folder" in message for message in problems)

    link.unlink()
    tags = minimal_content / "tags"
    tags.rename(tmp_path / "tags-outside")
    tags.symlink_to(tmp_path / "tags-outside")  # the whole kind folder outside
    content, problems = load()
    assert "transport" not in content.of_kind("tags") and any("outside" in message for message in problems)
    tags.unlink()
    (tmp_path / "tags-outside").rename(tags)  # back inside, the same files
    content, problems = load()
    assert "transport" in content.of_kind("tags") and not any("outside" in message for message in problems)


def test_a_kind_folder_that_cannot_be_read_is_a_problem_not_a_silence(minimal_content, monkeypatch):
    from briefing_gen import content as content_module

    real = content_module.folder_files
    monkeypatch.setattr(content_module, "folder_files",
                        lambda directory: None if directory.endswith("quotes") else real(directory))
    content, problems = load_content(minimal_content)
    assert any(problem.message.startswith("cannot read this folder") and problem.path.endswith("quotes")
               for problem in problems)
    assert errors_in(problems)
