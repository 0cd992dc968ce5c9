"""`briefing-gen check`: content rules, then the rendered site's links and anchors, writing nothing."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from briefing_gen.links import broken_links
from conftest import ROOT

TEMPLATES = ROOT / "templates"


def test_a_valid_site_passes_and_nothing_is_written(minimal_content, tmp_path, cli, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    before = sorted(path.relative_to(tmp_path) for path in tmp_path.rglob("*"))
    assert cli("check", "--content", str(minimal_content), "--templates", str(TEMPLATES)) == 0
    output = capsys.readouterr()
    # the fixture's passage flagged at ingest is worth a warning, not an error
    assert output.out.strip() == "No errors found."
    assert "sources/harbour-report.md:9: warning: 1 passage flagged for review" in output.err
    assert sorted(path.relative_to(tmp_path) for path in tmp_path.rglob("*")) == before


def test_broken_links_and_anchors_are_problems_with_page_and_line(minimal_content, tmp_path, cli, capsys):
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    tag = templates / "tag.html"
    tag.write_text(tag.read_text().replace("{% block main %}", "{% block main %}\n<a href=\"#nowhere\">a</a>"
                                           " <a href=\"{{ 'quotes/gone/index.html'|href }}\">b</a>", 1))
    assert cli("check", "--content", str(minimal_content), "--templates", str(templates), "--format", "json") == 1
    problems = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {p["code"] for p in problems if p["severity"] == "warning"} == {"needs-review"}
    problems = [p for p in problems if p["severity"] == "error"]
    assert {p["code"] for p in problems} == {"broken-link"}
    assert {p["file"] for p in problems} == {"site/tags/transport/index.html"}
    messages = sorted(p["message"] for p in problems)
    assert messages == ["broken link '#nowhere': no element with id 'nowhere' in 'tags/transport/index.html'",
                        "broken link '../../quotes/gone/index.html': no such file 'quotes/gone/index.html'"]
    assert all(p["line"] > 1 for p in problems)


def test_content_problems_come_first_as_json_lines(minimal_content, cli, capsys):
    (minimal_content / "quotes" / "brandt-waited.md").write_text(
        (minimal_content / "quotes" / "brandt-waited.md").read_text().replace("source: harbour-report", "source: harbor-report"))
    assert cli("check", "--content", str(minimal_content), "--templates", str(TEMPLATES), "--format", "json") == 1
    (problem,) = [p for p in map(json.loads, capsys.readouterr().out.splitlines()) if p["severity"] == "error"]
    assert problem["code"] == "unknown-reference" and problem["file"].endswith("brandt-waited.md")
    assert set(problem) >= {"file", "line", "code", "message"}


def test_a_template_error_is_a_problem_not_a_crash(minimal_content, tmp_path, cli, capsys):
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    (templates / "tag.html").write_text("{% extends 'base.html' %}{% block main %}{{ tag.no_such }}{% endblock %}")
    assert cli("check", "--content", str(minimal_content), "--templates", str(templates)) == 1
    assert "tag.html:1: template error" in capsys.readouterr().err


def test_a_missing_templates_folder_is_a_usage_error(minimal_content, tmp_path, cli, capsys):
    assert cli("check", "--content", str(minimal_content), "--templates", str(tmp_path / "none")) == 2
    assert "no such templates folder" in capsys.readouterr().err


def test_link_resolution_in_memory():
    files = {"index.html": b'<a href="a/">x</a><a href="a/index.html#top">y</a>\n<img src="../out.png">',
             "a/index.html": b'<h1 id="top">t</h1><a href="..">up</a><a href="https://example.org/#x">e</a>'}
    problems = broken_links(files)
    assert [(p.path, p.line, p.message) for p in problems] == [
        ("index.html", 2, "broken link '../out.png': points outside the site")]
