"""What is wrong with a content pack: `Problem` (file, line, field, message) and the
`CourseError` raised when a pack with problems is loaded or imported."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One thing wrong in a pack, where a translator can find and fix it.

    `file` is relative to the pack's folder (with `/`), `line` is 1-based (0 when the
    problem is about the whole file or archive), `field` the dotted path of the field
    inside the file (`steps.2.media`), empty when the problem is the file itself.
    """

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field or '-'}: {self.message}"


class CourseError(Exception):
    """A content pack that cannot be used; `.problems` lists everything wrong with it."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        shown = "\n".join(str(p) for p in self.problems[:20])
        more = len(self.problems) - 20
        tail = f"\n... and {more} more" if more > 0 else ""
        super().__init__(f"{len(self.problems)} problem(s) in the course:\n{shown}{tail}")
