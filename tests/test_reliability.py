"""Reliability: hostile or broken content never crashes the loader, and killed builds lose nothing."""

from __future__ import annotations

import errno
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing_gen.build import load_and_validate
from briefing_gen.problems import errors_in
from conftest import MINIMAL_SITE, ROOT, run_cli
from sitecheck import tree_bytes

TEMPLATES = ROOT / "templates"

yaml_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                         st.text(max_size=30), st.dates().map(str))
yaml_values = st.recursive(yaml_scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=10), inner, max_size=4)), max_leaves=12)
field_names = st.sampled_from(["title", "speaker", "person", "said_on", "summit", "source", "paragraph",
                               "paragraphs", "date", "window", "compare", "aliases", "kind", "value",
                               "removed", "tags", "order", "as_of", "x"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from(["quotes", "summits", "sources", "people", "figures", "takeaways", "events", "tags"]),
       front=st.dictionaries(field_names, yaml_values, max_size=8), body=st.text(max_size=200))
def test_random_front_matter_never_raises(tmp_path_factory, kind, front, body):
    content = tmp_path_factory.mktemp("fuzz")
    shutil.copytree(MINIMAL_SITE, content, dirs_exist_ok=True)
    text = "---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n" + body
    (content / kind / "fuzzed.md").write_text(text, encoding="utf-8", errors="surrogatepass")
    _, problems = load_and_validate(content)
    for problem in problems:
        assert problem.line >= 1 and problem.message


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.binary(max_size=300) | st.text(max_size=300).map(lambda t: ("---\n" + t).encode("utf-8", "surrogatepass")))
def test_random_bytes_never_raise(tmp_path_factory, raw):
    content = tmp_path_factory.mktemp("bytes")
    shutil.copytree(MINIMAL_SITE, content, dirs_exist_ok=True)
    (content / "quotes" / "noise.md").write_bytes(raw)
    _, problems = load_and_validate(content)
    assert any("noise.md" in problem.path for problem in problems)


@pytest.mark.parametrize("name, text, message", [
    ("empty", "", "missing front matter"),
    ("front-matter-only", "---\ntitle: Only\n---\n", None),
    ("list-not-mapping", "---\n- a\n- b\n---\n", "front matter must be a mapping"),
    ("duplicate-key", "---\ntitle: A\ntitle: B\n---\n", "duplicate key 'title'"),
    ("tab-indent", "---\ntitle:\n\t- x\n---\n", "YAML syntax error"),
    ("dotdot-reference", "---\ntitle: T\n---\n", None),
])
def test_odd_files_get_a_message_not_a_traceback(minimal_content, capsys, name, text, message):
    (minimal_content / "tags" / f"{name}.md").write_text(text)
    code = run_cli("check", "--content", str(minimal_content))
    err = capsys.readouterr().err
    assert "Traceback" not in err
    if message:
        assert code == 1 and f"tags/{name}.md:" in err and message in err
    else:
        assert code == 0, err


@pytest.mark.parametrize("reference", ["../../etc/passwd", "/etc/passwd", "a\x00b", "bad\x07slug", "ｔｒａｎｓｐｏｒｔ", "Transport"])
def test_unsafe_references_are_rejected(minimal_content, capsys, reference):
    path = minimal_content / "takeaways" / "ferry-returns.md"
    path.write_text(path.read_text().replace("tags: [transport]", f"tags: [{reference!r}]".replace("'", '"')))
    assert run_cli("check", "--content", str(minimal_content)) == 1
    assert "is not a valid slug" in capsys.readouterr().err


def test_symlink_out_of_the_content_folder_is_refused(minimal_content, tmp_path, capsys):
    outside = tmp_path / "outside.md"
    outside.write_text("---\ntitle: Outside\n---\n")
    (minimal_content / "tags" / "linked.md").symlink_to(outside)
    assert run_cli("check", "--content", str(minimal_content)) == 1
    assert "points outside the content folder" in capsys.readouterr().err


def test_a_large_body_loads(minimal_content):
    body = ("A long paragraph of words. " * 40 + "\n\n") * 10_000  # about 10 MB
    (minimal_content / "tags" / "huge.md").write_text("---\ntitle: Huge\n---\n" + body)
    content, problems = load_and_validate(minimal_content)
    assert errors_in(problems) == [] and len(content.of_kind("tags")["huge"].body) > 10_000_000


def test_a_full_disk_keeps_the_old_site(minimal_content, tmp_path, monkeypatch, capsys):
    out = tmp_path / "site"
    assert run_cli("build", "--content", str(minimal_content), "--templates", str(TEMPLATES), "--out", str(out), "-q") == 0
    before = tree_bytes(out)
    (minimal_content / "tags" / "transport.md").write_text("---\ntitle: Changed\n---\n")

    real_open = open

    def no_space(path, mode="r", *args, **kwargs):  # every page written fails as on a full disk
        if "w" in mode and str(path).endswith((".html", ".xml", ".js", ".txt")):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_open(path, mode, *args, **kwargs)

    monkeypatch.setattr("builtins.open", no_space)
    assert run_cli("build", "--content", str(minimal_content), "--templates", str(TEMPLATES), "--out", str(out)) == 1
    monkeypatch.undo()
    assert "No space left on device" in capsys.readouterr().err
    assert tree_bytes(out) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site.") and p.name != ".site.shadow"] == []


def test_an_unwritable_output_location_is_a_clear_error(minimal_content, capsys):
    assert run_cli("build", "--content", str(minimal_content), "--templates", str(TEMPLATES), "--out", "/proc/briefing-site") == 1
    err = capsys.readouterr().err
    assert "error:" in err and "Traceback" not in err


def test_builds_killed_at_random_moments_leave_old_or_new_site(tmp_path):
    """SIGKILL a build at random moments: the output is always one whole site, never a mix."""
    content, templates = tmp_path / "content", tmp_path / "templates"
    shutil.copytree(ROOT / "content", content)
    shutil.copytree(TEMPLATES, templates)
    out = tmp_path / "site"
    command = [sys.executable, "-m", "briefing_gen", "build", "--content", str(content),
               "--templates", str(templates), "--out", str(out), "-q"]
    site_yaml = content / "site.yaml"
    original = site_yaml.read_text()
    versions = {}
    for version in ("A", "B"):
        site_yaml.write_text(original.replace("author: Briefing desk", f"author: Desk {version}"))
        subprocess.run(command, check=True)
        versions[version] = tree_bytes(out)
    rng = random.Random(20231913)
    for attempt in range(12):
        version = "AB"[attempt % 2]
        site_yaml.write_text(original.replace("author: Briefing desk", f"author: Desk {version}"))
        process = subprocess.Popen(command)
        time.sleep(rng.uniform(0.05, 0.6))
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert out.is_dir(), f"attempt {attempt}: the site is missing"
        assert tree_bytes(out) in (versions["A"], versions["B"]), f"attempt {attempt}: a mixed site"
    subprocess.run(command, check=True)  # the next build recovers and cleans up
    assert tree_bytes(out) == versions["AB"[11 % 2]]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site.") and p.name != ".site.shadow"] == []


def test_a_hundred_thousand_records_in_one_folder(minimal_content, capsys):
    tags = minimal_content / "tags"
    for number in range(100_000):
        (tags / f"t{number:06d}.md").write_text(f"---\ntitle: Tag {number}\n---\n")
    (tags / "t050000.md").write_text("---\ntitle: [unclosed\n---\n")
    assert run_cli("check", "--content", str(minimal_content)) == 1
    err = capsys.readouterr().err
    assert "tags/t050000.md:" in err and "YAML syntax error" in err
    assert "1 problem found" in err and "Traceback" not in err


def test_a_read_only_output_location_keeps_the_old_site(minimal_content, tmp_path, monkeypatch, capsys):
    out = tmp_path / "site"
    assert run_cli("build", "--content", str(minimal_content), "--templates", str(TEMPLATES), "--out", str(out), "-q") == 0
    before = tree_bytes(out)
    (minimal_content / "tags" / "transport.md").write_text("---\ntitle: Changed\n---\n")

    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    # root ignores permission bits, so the file system's refusal is simulated where the build meets it
    monkeypatch.setattr("briefing_gen.publish.os.mkdir", read_only)
    monkeypatch.setattr("briefing_gen.publish.os.replace", read_only)
    monkeypatch.setattr(Path, "unlink", read_only)
    assert run_cli("build", "--content", str(minimal_content), "--templates", str(TEMPLATES), "--out", str(out), "--clean") == 1
    monkeypatch.undo()
    err = capsys.readouterr().err
    assert "Read-only file system" in err and "the previous site is unchanged" in err and "Traceback" not in err
    assert tree_bytes(out) == before


@pytest.mark.parametrize("path", ["../escape.html", "/etc/passwd", "a/../../b.html", "", ".", "./", "a\x00b.html",
                                  "quotes/../../x.html"])
def test_an_output_path_that_could_leave_the_output_folder_is_refused(path):
    from briefing_gen.write import OutputError, check_output_paths

    with pytest.raises(OutputError, match="outside the output folder"):
        check_output_paths(["index.html", path])


def test_two_outputs_on_one_path_are_refused_and_ordinary_paths_pass():
    from briefing_gen.write import OutputError, check_output_paths

    check_output_paths(["index.html", "quotes/a-b/index.html", "./static/style.css", "tags//x/index.html"])
    with pytest.raises(OutputError, match="same output file"):
        check_output_paths(["quotes/a/index.html", "quotes/a/index.html"])


def test_paths_checked_by_an_earlier_build_are_still_checked_for_being_written_twice():
    from briefing_gen.write import OutputError, check_output_paths

    passed = {"index.html", "quotes/a/index.html"}
    check_output_paths(["index.html", "quotes/a/index.html", "quotes/b/index.html"], passed=passed)
    with pytest.raises(OutputError, match="outside"):
        check_output_paths(["index.html", "../new.html"], passed=passed)  # a path not checked before
    with pytest.raises(OutputError, match="two pages"):
        check_output_paths(["quotes/a/index.html", "quotes/a/index.html"], passed=passed)
