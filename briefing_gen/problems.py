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

    def text(self) -> str:
        where = f"{self.path}:{self.line}"
        if self.column:
            where += f":{self.column}"
        return f"{where}: {self.message}"

    def json(self) -> str:
        return json.dumps(
            {"file": self.path, "line": self.line, "column": self.column,
             "code": self.code, "message": self.message},
            ensure_ascii=False, sort_keys=True,
        )


class ContentError(Exception):
    """Raised at a step boundary when problems make going on pointless."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = sorted(problems)
