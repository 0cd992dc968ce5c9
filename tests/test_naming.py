"""What a briefing compares is its own to name (site.yaml `compares`), or nothing at all.

The minimal fixture compares two harbour summits; here the same records are renamed to
"rounds" of talks (folder, field, addresses, labels), or the briefing compares nothing.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from briefing_gen.ingest import run_ingest
from conftest import ROOT
from sitecheck import broken_links

TEMPLATES = ROOT / "templates"


def rename_to_rounds(content: Path) -> None:
    """The minimal site, comparing "rounds" instead of summits."""
    with open(content / "site.yaml", "a", encoding="utf-8") as settings:
        settings.write("compares: {singular: round, plural: rounds}\n")
    (content / "summits").rename(content / "rounds")
    for path in content.glob("*/*.md"):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"(?m)^summit:", "round:", text), encoding="utf-8")


def compare_nothing(content: Path) -> None:
    with open(content / "site.yaml", "a", encoding="utf-8") as settings:
        settings.write("compares: none\n")
    shutil.rmtree(content / "summits")
    for path in content.glob("*/*.md"):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"(?m)^summit:.*\n", "", text), encoding="utf-8")


def build(cli, content: Path, out: Path) -> int:
    return cli("build", "--content", str(content), "--templates", str(TEMPLATES), "--out", str(out), "-q")


def page(out: Path, path: str) -> str:
    return (out / path).read_text(encoding="utf-8")


def test_a_briefing_names_what_it_compares(minimal_content, tmp_path, cli, capsys):
    rename_to_rounds(minimal_content)
    out = tmp_path / "site"
    assert build(cli, minimal_content, out) == 0, capsys.readouterr().err
    assert not (out / "summits").exists()
    assert (out / "rounds" / "index.html").is_file() and (out / "rounds" / "2023-pier" / "index.html").is_file()
    assert "<h1>Rounds</h1>" in page(out, "rounds/index.html")
    home = page(out, "index.html")
    assert 'href="rounds/index.html">Rounds</a>' in home and "Summit" not in home
    quote = page(out, "quotes/brandt-waited/index.html")
    assert '<dt>Round</dt><dd><a href="../../rounds/2023-pier/index.html">' in quote
    quotes = page(out, "quotes/index.html")
    assert 'id="by-round">By round</h2>' in quotes and "By summit" not in quotes and "summits/" not in quotes
    assert 'href="../rounds/' in page(out, "timeline/index.html") and "Round page" in page(out, "timeline/index.html")
    assert broken_links(out) == []


def test_the_reference_field_and_its_problems_use_the_briefings_name(minimal_content, tmp_path, cli, capsys):
    rename_to_rounds(minimal_content)
    quote = minimal_content / "quotes" / "brandt-waited.md"
    quote.write_text(quote.read_text(encoding="utf-8").replace("round: 2023-pier", "round: 2023-peer"), encoding="utf-8")
    other = minimal_content / "quotes" / "okafor-ferry.md"
    other.write_text(other.read_text(encoding="utf-8").replace("round: 2023-pier", "summit: 2023-pier"), encoding="utf-8")
    assert cli("check", "--content", str(minimal_content), "--templates", str(TEMPLATES)) == 1
    err = capsys.readouterr().err
    assert "brandt-waited.md:5: round: unknown round '2023-peer'; did you mean '2023-pier'?" in err
    assert "okafor-ferry.md:5: unknown field 'summit'" in err


def test_a_briefing_that_compares_nothing_builds_without_a_comparison(minimal_content, tmp_path, cli, capsys):
    compare_nothing(minimal_content)
    out = tmp_path / "site"
    assert build(cli, minimal_content, out) == 0, capsys.readouterr().err
    assert not (out / "summits").exists()
    home = page(out, "index.html")
    assert "side by side" not in home and "Summits" not in home
    assert "<dt>Summit</dt>" not in page(out, "quotes/brandt-waited/index.html")
    assert "By summit" not in page(out, "quotes/index.html")
    assert broken_links(out) == []
    # a reference to a summit is then an unknown field, at its line
    quote = minimal_content / "quotes" / "brandt-waited.md"
    quote.write_text(quote.read_text(encoding="utf-8").replace("source:", "summit: 2023-pier\nsource:"), encoding="utf-8")
    capsys.readouterr()
    assert cli("check", "--content", str(minimal_content), "--templates", str(TEMPLATES)) == 1
    assert "brandt-waited.md:5: unknown field 'summit'" in capsys.readouterr().err


def test_records_tied_to_no_summit_are_valid_where_summits_are_compared(minimal_content, tmp_path, cli, capsys):
    quote = minimal_content / "quotes" / "brandt-waited.md"
    quote.write_text(re.sub(r"(?m)^summit:.*\n", "", quote.read_text(encoding="utf-8")), encoding="utf-8")
    out = tmp_path / "site"
    assert build(cli, minimal_content, out) == 0, capsys.readouterr().err
    assert "<dt>Summit</dt>" not in page(out, "quotes/brandt-waited/index.html")
    assert "<dt>Summit</dt>" in page(out, "quotes/okafor-ferry/index.html")


@pytest.mark.parametrize("setting, message", [
    ("compares: {singular: source, plural: things}", "compares: 'source' is already a field of some records"),
    ("compares: {singular: quote, plural: quotes}", "compares: 'quotes' is already the folder of another kind"),
    ("compares: {singular: comparison, plural: compare}",  # the Sources compared page's folder
     "compares: 'compare' is already the folder of another kind or page"),
    ("compares: {singular: round}", "compares: missing plural"),
    ("compares: {singular: Round Two, plural: rounds}", "compares: 'Round Two' is not a valid slug"),
    ("compares: {singular: round, plural: round}", "compares: singular and plural must differ"),
])
def test_a_name_that_cannot_work_is_a_problem_at_its_line(minimal_content, cli, capsys, setting, message):
    settings = minimal_content / "site.yaml"
    lines = settings.read_text(encoding="utf-8").count("\n")
    with open(settings, "a", encoding="utf-8") as handle:
        handle.write(setting + "\n")
    assert cli("check", "--content", str(minimal_content), "--templates", str(TEMPLATES)) == 1
    assert f"site.yaml:{lines + 1}: {message}" in capsys.readouterr().err


def test_renaming_between_builds_reads_the_records_again(minimal_content, tmp_path, cli, capsys):
    """The kept records were read under the old names: an incremental build after the rename
    gives the clean build's site."""
    out = tmp_path / "site"
    assert build(cli, minimal_content, out) == 0
    rename_to_rounds(minimal_content)
    assert build(cli, minimal_content, out) == 0, capsys.readouterr().err
    clean = tmp_path / "clean"
    assert cli("build", "--content", str(minimal_content), "--templates", str(TEMPLATES), "--out", str(clean),
               "-q", "--clean") == 0
    made = {path.relative_to(out).as_posix(): path.read_bytes() for path in out.rglob("*") if path.is_file()}
    expected = {path.relative_to(clean).as_posix(): path.read_bytes() for path in clean.rglob("*") if path.is_file()}
    assert made == expected
    assert not (out / "summits").exists()


def test_new_writes_the_compared_kind_under_its_name(minimal_content, cli, capsys):
    rename_to_rounds(minimal_content)
    assert cli("new", "rounds", "2027-pier", "--content", str(minimal_content), "--templates", str(TEMPLATES)) == 0
    assert (minimal_content / "rounds" / "2027-pier.md").is_file()
    assert cli("new", "quotes", "fresh", "--content", str(minimal_content), "--templates", str(TEMPLATES)) == 0
    text = (minimal_content / "quotes" / "fresh.md").read_text(encoding="utf-8")
    assert "\nround: change-me\n" in text and "content/rounds/" in text and "summit" not in text
    assert cli("new", "summits", "x", "--content", str(minimal_content), "--templates", str(TEMPLATES)) == 2
    assert "unknown kind 'summits'" in capsys.readouterr().err


def test_new_in_a_briefing_that_compares_nothing(minimal_content, cli, capsys):
    compare_nothing(minimal_content)
    assert cli("new", "takeaways", "fresh", "--content", str(minimal_content), "--templates", str(TEMPLATES)) == 0
    assert "summit" not in (minimal_content / "takeaways" / "fresh.md").read_text(encoding="utf-8")
    assert cli("new", "summits", "x", "--content", str(minimal_content), "--templates", str(TEMPLATES)) == 2
    assert "site.yaml says `compares: none`" in capsys.readouterr().err


ARTICLE = """Harbour ferry talks resume

Mayor Anna Brandt met Mayor Tomas Okafor on the pier on 11 May 2023.

"This pier has seen better days," Brandt said on Thursday.
"""
# (Words of its own: Brandt's words in the fixture's source would be merged into her quote there,
# as a second source's citation, and no quote written.)


@pytest.mark.parametrize("naming", ["rounds", "none"])
def test_ingest_writes_the_reference_under_the_briefings_name(minimal_content, tmp_path, cli, capsys, naming):
    (rename_to_rounds if naming == "rounds" else compare_nothing)(minimal_content)
    article = tmp_path / "harbour.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert run_ingest([str(article)], "2023-05-12", "Harbour Times", str(minimal_content)) == 0
    written = [path.read_text(encoding="utf-8") for path in (minimal_content / "quotes").glob("*.md")
               if path.stem not in ("brandt-waited", "okafor-ferry")]
    assert written and all(not re.search(r"(?m)^summit:", text) for text in written)
    if naming == "rounds":
        assert any(re.search(r"(?m)^round: \"?2023-pier\"?$", text) for text in written), written
    capsys.readouterr()
    assert cli("check", "--content", str(minimal_content), "--templates", str(TEMPLATES)) == 0, capsys.readouterr().err


def test_ingests_review_entries_use_the_briefings_name(minimal_content, tmp_path, capsys):
    rename_to_rounds(minimal_content)
    article = tmp_path / "later.txt"
    article.write_text("Ferry talks stall\n\nMayor Anna Brandt spoke on the pier on 3 June 2025.\n\n"
                       "\u201cWe will wait no longer,\u201d Brandt said on 3 June 2025.\n", encoding="utf-8")
    assert run_ingest([str(article)], "2025-06-04", "Harbour Times", str(minimal_content)) == 0
    source = next(path for path in (minimal_content / "sources").glob("*.md") if path.stem != "harbour-report")
    text = source.read_text(encoding="utf-8")
    assert "no round window holds its date" in text and "summit" not in text
