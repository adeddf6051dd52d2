"""The four kinds of lesson step, and the mastery rule of exercise sets."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar, Literal

from lessons.model.text import LocalizedText


@dataclass(frozen=True, slots=True)
class MasteryRule:
    """When an exercise set counts as mastered.

    - `m_of_n`: at least `m` of the last `n` answers to the set are correct;
    - `all_correct`: the latest answer to every exercise of the set is correct;
    - `streak`: the last `n` answers to the set are all correct (`m == n`).
    """

    kind: Literal["m_of_n", "all_correct", "streak"]
    m: int = 0
    n: int = 0

    @classmethod
    def all_correct(cls) -> MasteryRule:
        return cls("all_correct")

    @classmethod
    def m_of_n(cls, m: int, n: int) -> MasteryRule:
        return cls("m_of_n", m, n)

    @classmethod
    def streak(cls, n: int) -> MasteryRule:
        return cls("streak", n, n)


@dataclass(frozen=True, slots=True)
class VideoStep:
    """Watch a media item, or the clip `start`..`end` seconds of it.

    `checkpoints` are ids of video-checkpoint exercises shown while it plays.
    """

    id: str
    media: str
    start: float | None = None
    end: float | None = None
    checkpoints: tuple[str, ...] = ()
    title: LocalizedText | None = None
    kind: ClassVar[str] = "video"


@dataclass(frozen=True, slots=True)
class ExercisesStep:
    """Practise a set of exercises of the course until the mastery rule is met."""

    id: str
    exercises: tuple[str, ...]
    mastery: MasteryRule
    title: LocalizedText | None = None
    kind: ClassVar[str] = "exercises"


@dataclass(frozen=True, slots=True)
class ReadingStep:
    """Read something of the lesson: its `dialogue`, its `text` (reading.<lang>.md) or
    its `notes`."""

    id: str
    content: Literal["dialogue", "text", "notes"]
    title: LocalizedText | None = None
    kind: ClassVar[str] = "reading"


@dataclass(frozen=True, slots=True)
class ReviewStep:
    """Go back over vocabulary and exercises (of this or earlier lessons).

    With exercises it is done when `mastery` is met; without, when the learner finishes it.
    """

    id: str
    vocabulary: tuple[str, ...] = ()
    exercises: tuple[str, ...] = ()
    mastery: MasteryRule = field(default_factory=MasteryRule.all_correct)
    title: LocalizedText | None = None
    kind: ClassVar[str] = "review"


Step = VideoStep | ExercisesStep | ReadingStep | ReviewStep
STEP_TYPES: dict[str, type] = {
    cls.kind: cls for cls in (VideoStep, ExercisesStep, ReadingStep, ReviewStep)
}
