"""`briefing-gen review`: every review entry and draft record, with path:line, by source; drafts stay off the site."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import ROOT

TEMPLATES = ROOT / "templates"


def _mark_draft(path: Path) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace("---\n", "---\ndraft: true\n", 1), encoding="utf-8")


def _line(path: str, number: int) -> str:
    return Path(path).read_text(encoding="utf-8").split("\n")[number - 1]


def test_entries_and_drafts_are_listed_at_their_line_grouped_by_source(minimal_content, cli, capsys):
    _mark_draft(minimal_content / "quotes" / "okafor-ferry.md")
    _mark_draft(minimal_content / "takeaways" / "ferry-returns.md")
    assert cli("review", "--content", str(minimal_content), "--format", "json") == 0
    items = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(Path(i["file"]).name, i["kind"], i["source"]) for i in items] == [
        ("okafor-ferry.md", "draft", "harbour-report"),
        ("harbour-report.md", "garble", "harbour-report"),
        ("ferry-returns.md", "draft", "harbour-report"),
    ]
    lines = {Path(i["file"]).name: _line(i["file"], i["line"]) for i in items}
    assert lines["harbour-report.md"] == '  - {kind: garble, text: "between Eastport and Eastport", paragraph: 2}'
    assert lines["okafor-ferry.md"] == lines["ferry-returns.md"] == "draft: true"
    assert items[1]["text"] == "between Eastport and Eastport (paragraph 2)"


def test_the_text_report_counts_what_remains(minimal_content, cli, capsys):
    _mark_draft(minimal_content / "takeaways" / "ferry-returns.md")
    assert cli("review", "--content", str(minimal_content)) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "source harbour-report: 2 to review"
    assert out[1].endswith("harbour-report.md:10: garble: between Eastport and Eastport (paragraph 2)")
    assert out[2].endswith("ferry-returns.md:2: draft: takeaway: The ferry returns")
    assert out[-1].startswith("2 to review in 1 source: 1 review entry, 1 draft record.")
    source = minimal_content / "sources" / "harbour-report.md"
    source.write_text(source.read_text(encoding="utf-8").replace(
        'review:\n  - {kind: garble, text: "between Eastport and Eastport", paragraph: 2}\n', ""), encoding="utf-8")
    (minimal_content / "takeaways" / "ferry-returns.md").write_text(
        (minimal_content / "takeaways" / "ferry-returns.md").read_text(encoding="utf-8").replace("draft: true\n", ""))
    assert cli("review", "--content", str(minimal_content)) == 0
    assert capsys.readouterr().out.strip() == "Nothing to review."


def test_a_draft_quote_figure_or_event_is_left_out_of_the_site(minimal_content, tmp_path, cli, capsys):
    for kind, slug in (("quotes", "okafor-ferry"), ("figures", "ferry-jobs"), ("events", "second-meeting")):
        _mark_draft(minimal_content / kind / f"{slug}.md")
    out = tmp_path / "site"
    assert cli("build", "--content", str(minimal_content), "--templates", str(TEMPLATES), "--out", str(out), "-q") == 0
    assert not (out / "quotes" / "okafor-ferry").exists()
    pages = "".join(path.read_text(encoding="utf-8") for path in out.rglob("*.html"))
    assert "quotes/okafor-ferry/" not in pages  # no link to the draft quote from any page
    timeline = (out / "timeline" / "index.html").read_text(encoding="utf-8")
    assert "The mayors meet at the pier" not in timeline and "First pier summit" in timeline
    home = (out / "index.html").read_text(encoding="utf-8")
    assert "Jobs that depend on the ferry" not in home
    assert cli("build", "--content", str(minimal_content), "--templates", str(TEMPLATES), "--out", str(out), "-q",
               "--drafts") == 0
    assert (out / "quotes" / "okafor-ferry" / "index.html").is_file()


def test_an_unreadable_record_is_reported_and_the_rest_still_listed(minimal_content, cli, capsys):
    (minimal_content / "quotes" / "broken.md").write_text("no front matter here\n", encoding="utf-8")
    assert cli("review", "--content", str(minimal_content)) == 1
    captured = capsys.readouterr()
    assert "broken.md:1: missing front matter" in captured.err
    assert "garble: between Eastport and Eastport" in captured.out


def test_a_missing_content_folder_is_a_usage_error(tmp_path, cli, capsys):
    assert cli("review", "--content", str(tmp_path / "nowhere")) == 2
    assert "no such content folder" in capsys.readouterr().err
