"""Problems found in the content: values first, printed by the CLI.

Every step that can find something wrong returns a list of Problem instead
of raising, so that one run reports everything at once.
"""

from __future__ import annotations

import json
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong, pointing at the editor's file and line."""

    path: str
    line: int
    message: str
    code: str = "content"
    column: int = 0
    severity: str = "error"  # or "warning": worth the editor's look, but the site still builds

    def text(self) -> str:
        where = f"{self.path}:{self.line}"
        if self.column:
            where += f":{self.column}"
        label = "warning: " if self.severity == "warning" else ""
        return f"{where}: {label}{self.message}"

    def json(self) -> str:
        return json.dumps(
            {"file": self.path, "line": self.line, "column": self.column,
             "code": self.code, "message": self.message, "severity": self.severity},
            ensure_ascii=False, sort_keys=True,
        )


def errors_in(problems: list[Problem]) -> list[Problem]:
    return [problem for problem in problems if problem.severity == "error"]


def warnings_in(problems: list[Problem]) -> list[Problem]:
    return [problem for problem in problems if problem.severity == "warning"]


class ContentError(Exception):
    """Raised at a step boundary when problems make going on pointless."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = sorted(problems)
