"""`briefing-gen new` and `init`: records from archetypes that pass check, projects that build at once."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from briefing_gen.records import ATTRIBUTE_TO_KEY, RECORD_TYPE_BY_KIND
from conftest import ROOT
from sitecheck import broken_links

TEMPLATES = ROOT / "templates"
# What an editor fills in the minimal fixture site: the references `new` cannot choose alone, and
# a quote's words, taken from paragraph 1 of its only source.
FILLED = {"change-me": None, "summit: change-me": "summit: 2023-pier", "person: change-me": "person: anna-brandt",
          "Paste the quoted words here, exactly as in the source paragraph, without the quote marks.":
          "Mayor Anna Brandt met Mayor Tomas Okafor"}


def required_keys(kind: str) -> list[str]:
    fields = dataclasses.fields(RECORD_TYPE_BY_KIND[kind])
    return [ATTRIBUTE_TO_KEY.get(f.name, f.name) for f in fields if f.metadata.get("required")]


def new(cli, content: Path, kind: str, slug: str) -> int:
    return cli("new", kind, slug, "--content", str(content), "--templates", str(TEMPLATES))


def fill(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for placeholder, value in FILLED.items():
        if value is not None:
            text = text.replace(placeholder, value)
    path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("kind", list(RECORD_TYPE_BY_KIND))
def test_new_record_of_every_kind_passes_check_once_filled(kind, minimal_content, cli, capsys):
    assert new(cli, minimal_content, kind, f"new-{kind}") == 0
    record = minimal_content / kind / f"new-{kind}.md"
    text = record.read_text(encoding="utf-8")
    lines = text.split("\n")
    assert lines[0] == "---"
    for key in required_keys(kind):  # every required field, each with a comment just above it
        at = next(i for i, line in enumerate(lines) if line.startswith(f"{key}:"))
        assert lines[at - 1].startswith("# "), key
    fill(record)
    assert "change-me" not in record.read_text(encoding="utf-8")
    assert cli("check", "--content", str(minimal_content), "--templates", str(TEMPLATES)) == 0, capsys.readouterr()


def test_the_only_source_is_filled_in_and_placeholders_are_reported(minimal_content, cli, capsys):
    assert new(cli, minimal_content, "quotes", "fresh-quote") == 0
    text = (minimal_content / "quotes" / "fresh-quote.md").read_text(encoding="utf-8")
    assert "source: harbour-report" in text  # the site has one source: the only right answer
    assert "summit: change-me" in text  # two summits: the editor chooses
    capsys.readouterr()
    assert cli("check", "--content", str(minimal_content), "--templates", str(TEMPLATES)) == 1
    err = capsys.readouterr().err
    assert "fresh-quote.md:" in err and "unknown summit 'change-me'" in err and "2019-pier, 2023-pier" in err


def test_takeaway_order_follows_the_existing_ones(minimal_content, cli):
    assert new(cli, minimal_content, "takeaways", "second-point") == 0
    assert "\norder: 2\n" in (minimal_content / "takeaways" / "second-point.md").read_text(encoding="utf-8")


def test_new_refuses_to_overwrite(minimal_content, cli, capsys):
    record = minimal_content / "quotes" / "brandt-waited.md"
    before = record.read_text(encoding="utf-8")
    assert new(cli, minimal_content, "quotes", "brandt-waited") == 1
    assert "already exists; refusing to overwrite it" in capsys.readouterr().err
    assert record.read_text(encoding="utf-8") == before


def test_new_rejects_an_unknown_kind_with_a_suggestion(minimal_content, cli, capsys):
    assert new(cli, minimal_content, "quote", "x") == 2
    assert "unknown kind 'quote'; did you mean 'quotes'?" in capsys.readouterr().err


@pytest.mark.parametrize("slug", ["Bad Slug", "double--hyphen", "ünïcode", "../escape"])
def test_new_rejects_an_invalid_slug(slug, minimal_content, cli, capsys):
    assert new(cli, minimal_content, "tags", slug) == 2
    assert "is not a valid slug" in capsys.readouterr().err
    assert not any(path.name.startswith(slug[:3]) for path in (minimal_content / "tags").iterdir() if path.stem != "transport")


def test_init_makes_a_project_that_builds_at_once(tmp_path, cli, monkeypatch, capsys):
    project = tmp_path / "harbour-briefing"
    assert cli("init", str(project)) == 0
    assert (project / "content" / "site.yaml").is_file()
    assert sorted(p.name for p in (project / "content").iterdir() if p.is_dir()) == sorted(RECORD_TYPE_BY_KIND)
    assert (project / "templates" / "base.html").is_file() and (project / "templates" / "archetypes" / "quotes.md").is_file()
    monkeypatch.chdir(project)  # the defaults: content/, templates/, site/
    assert cli("build", "-q") == 0
    assert cli("check") == 0
    for page in ("index.html", "timeline/index.html", "quotes/index.html", "search/index.html", "feed.xml"):
        assert (project / "site" / page).is_file(), page
    assert "Nothing here yet" in (project / "site" / "index.html").read_text(encoding="utf-8")
    assert broken_links(project / "site") == []
    assert cli("new", "sources", "first-article") == 0 and cli("build", "-q") == 0
    assert (project / "site" / "sources" / "first-article" / "index.html").is_file()


def test_init_refuses_a_folder_that_is_not_empty(tmp_path, cli, capsys):
    folder = tmp_path / "busy"
    folder.mkdir()
    (folder / "notes.txt").write_text("keep me")
    assert cli("init", str(folder)) == 1
    assert "is not empty; refusing" in capsys.readouterr().err
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]


def test_the_default_templates_ship_in_the_wheel(tmp_path):
    """`init` from an installed package (not a checkout) still finds every default template."""
    import subprocess
    import sys
    import zipfile

    source = tmp_path / "source"  # a copy, so the build's own folders (build/, *.egg-info) stay out of the checkout
    shutil.copytree(ROOT, source, symlinks=True, ignore=shutil.ignore_patterns(
        ".git", ".venv", ".tools", "node_modules", "bench", "site", "artifacts", "build", "*.egg-info", "__pycache__",
        ".briefing-gen-cache", ".*.shadow"))
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(tmp_path / "dist"),
                            str(source)], capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    wheel = next((tmp_path / "dist").glob("briefing_gen-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(tmp_path / "installed")
    shipped = {path.relative_to(tmp_path / "installed" / "briefing_gen" / "default_templates").as_posix()
               for path in (tmp_path / "installed" / "briefing_gen" / "default_templates").rglob("*") if path.is_file()}
    in_repository = {path.relative_to(TEMPLATES).as_posix() for path in TEMPLATES.rglob("*")
                     if path.is_file() and "__pycache__" not in path.parts}
    assert shipped == in_repository
    project = tmp_path / "from-wheel"
    initialised = subprocess.run([sys.executable, "-c", "import sys, briefing_gen; print(briefing_gen.__file__); from briefing_gen.cli import main; main(sys.argv[1:])",
                                  "init", str(project)], cwd=tmp_path, capture_output=True, text=True,
                                 env={"PYTHONPATH": str(tmp_path / "installed"), "PATH": "/usr/bin:/bin"})
    assert initialised.returncode == 0, initialised.stderr
    assert initialised.stdout.startswith(str(tmp_path / "installed"))  # the unpacked wheel, not this checkout
    assert (project / "templates" / "base.html").read_bytes() == (TEMPLATES / "base.html").read_bytes()
