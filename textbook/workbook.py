"""What a personal workbook adds to the textbook: the learner's name and progress.

`LearnerSummary` is filled by whoever knows the learner (the web app, from its records); the
textbook only prints it. Scores are fractions 0..1 per lesson id.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType


@dataclass(frozen=True, slots=True)
class LearnerSummary:
    """A learner's name, the ids of the lessons they finished, and a score per lesson."""

    name: str
    lessons_done: frozenset[str] = frozenset()
    scores: Mapping[str, float] = field(default_factory=lambda: MappingProxyType({}))
    date: datetime.date | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "lessons_done", frozenset(self.lessons_done))
        object.__setattr__(self, "scores", MappingProxyType(dict(self.scores)))
        for lesson_id, score in self.scores.items():
            if not 0.0 <= score <= 1.0:
                raise ValueError(f"score of lesson {lesson_id!r} must be in 0..1, got {score!r}")


@dataclass(frozen=True, slots=True)
class ProgressRow:
    number: int
    lesson_id: str
    title_th: str
    done: bool
    score: int | None  # percent


@dataclass(frozen=True, slots=True)
class Progress:
    done: int
    total: int
    rows: tuple[ProgressRow, ...]

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


def progress_of(course, learner: LearnerSummary) -> Progress:
    """The learner's progress through the course's lessons, in course order."""
    rows = []
    for number, lesson in enumerate(course.lessons, start=1):
        score = learner.scores.get(lesson.id)
        rows.append(
            ProgressRow(
                number=number,
                lesson_id=lesson.id,
                title_th=lesson.title.best("th"),
                done=lesson.id in learner.lessons_done,
                score=None if score is None else round(100 * score),
            )
        )
    return Progress(sum(row.done for row in rows), len(rows), tuple(rows))
