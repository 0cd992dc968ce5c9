"""What a person reads: warnings after the summary, colour and progress only on a terminal."""

from __future__ import annotations

import io

from briefing_gen.problems import Problem
from briefing_gen.terminal import Progress, problem_line, wants_colour
from conftest import ROOT


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_build_prints_the_summary_then_the_warnings(minimal_content, tmp_path, cli, capsys):
    assert cli("build", "--content", str(minimal_content), "--templates", str(ROOT / "templates"),
               "--out", str(tmp_path / "site")) == 0
    output = capsys.readouterr()
    assert output.out.startswith("Built ") and "files changed" in output.out
    assert output.err.splitlines()[-1] == "1 warning: the site was built"
    assert "harbour-report.md:9: warning: 1 passage flagged for review" in output.err
    assert "\033[" not in output.err  # not a terminal: no colour codes


def test_quiet_build_prints_nothing(minimal_content, tmp_path, cli, capsys):
    assert cli("build", "--content", str(minimal_content), "--templates", str(ROOT / "templates"),
               "--out", str(tmp_path / "site"), "-q") == 0
    assert capsys.readouterr() == ("", "")


def test_colour_only_on_a_terminal_and_never_with_no_color(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert wants_colour(FakeTerminal()) and not wants_colour(io.StringIO())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not wants_colour(FakeTerminal())


def test_problem_lines_mark_errors_and_warnings():
    error = Problem("content/quotes/a.md", 3, "unknown summit 'x'")
    warning = Problem("content/sources/b.md", 9, "1 passage flagged", severity="warning")
    assert problem_line(error, colour=False) == "content/quotes/a.md:3: unknown summit 'x'"
    assert problem_line(warning, colour=False) == "content/sources/b.md:9: warning: 1 passage flagged"
    assert "\033[31m" in problem_line(error, colour=True) and "\033[33m" in problem_line(warning, colour=True)


def test_progress_bar_draws_on_a_terminal_for_long_work(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    terminal = FakeTerminal()
    progress = Progress(1000, "rendering", stream=terminal)
    for _ in range(1000):
        progress.advance()
    progress.close()
    drawn = terminal.getvalue()
    assert "rendering [" in drawn and "1,000/1,000" in drawn and drawn.endswith("\r\033[K")
    short, piped = FakeTerminal(), io.StringIO()
    for stream, total in ((short, 10), (piped, 1000)):
        bar = Progress(total, "rendering", stream=stream)
        bar.advance(total)
        bar.close()
    assert short.getvalue() == "" and piped.getvalue() == ""
