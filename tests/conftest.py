"""Shared helpers: run the CLI in-process and copy fixture sites to a temp folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefing_gen.cli import main

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MINIMAL_SITE = FIXTURES / "sites" / "minimal"


def run_cli(*args: str) -> int:
    """Run briefing-gen with these arguments; return its exit code."""
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    return exit_info.value.code


@pytest.fixture
def minimal_content(tmp_path: Path) -> Path:
    """A writable copy of the minimal fixture site's content folder."""
    target = tmp_path / "content"
    shutil.copytree(MINIMAL_SITE, target)
    return target


@pytest.fixture
def cli():
    return run_cli
