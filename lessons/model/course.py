"""Lessons, units and the course, with lookups by stable id."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from lessons.model.content import Dialogue, VocabularyItem
from lessons.model.steps import Step
from lessons.model.text import LocalizedText

if TYPE_CHECKING:  # the model only holds exercises; importing them is the loader's job
    from exercises import Exercise


@dataclass(frozen=True, slots=True)
class Lesson:
    """A lesson: what it teaches, what it needs first, and its ordered steps.

    `folder` is the lesson's folder name in the pack; `reading` is the Markdown text of
    its `reading.<lang>.md` files, if it has any.
    """

    id: str
    unit_id: str
    folder: str
    title: LocalizedText
    objectives: tuple[LocalizedText, ...]
    prerequisites: tuple[str, ...]
    notes: tuple[LocalizedText, ...]
    steps: tuple[Step, ...]
    vocabulary: tuple[VocabularyItem, ...] = ()
    exercises: tuple[Exercise, ...] = ()
    dialogue: Dialogue | None = None
    reading: LocalizedText | None = None

    def step(self, step_id: str) -> Step:
        for step in self.steps:
            if step.id == step_id:
                return step
        raise KeyError(f"lesson {self.id!r} has no step {step_id!r}")

    @property
    def step_ids(self) -> tuple[str, ...]:
        return tuple(step.id for step in self.steps)


@dataclass(frozen=True, slots=True)
class Unit:
    """A group of lessons in the course map."""

    id: str
    title: LocalizedText
    lessons: tuple[Lesson, ...]


@dataclass(frozen=True, slots=True)
class Course:
    """A whole course, as loaded from one checked content pack.

    `content_hash` is the sha256 of the pack's files (their paths and bytes), the same on
    every machine; `version` is the author's version string from course.yaml. `source` is
    the folder it was loaded from (informative only: not part of equality).
    """

    id: str
    version: str
    title: LocalizedText
    languages: tuple[str, ...]
    units: tuple[Unit, ...]
    content_hash: str
    description: LocalizedText | None = None
    source: str = field(default="", compare=False)
    _index: Mapping[str, Mapping[str, Any]] = field(
        init=False, repr=False, compare=False, default_factory=lambda: MappingProxyType({})
    )

    def __post_init__(self) -> None:
        lessons: dict[str, Lesson] = {}
        units: dict[str, Unit] = {}
        exercises: dict[str, Any] = {}
        vocabulary: dict[str, VocabularyItem] = {}
        owner: dict[str, Lesson] = {}
        for unit in self.units:
            units[unit.id] = unit
            for lesson in unit.lessons:
                lessons[lesson.id] = lesson
                for item in lesson.vocabulary:
                    vocabulary[item.id] = item
                    owner[item.id] = lesson
                for exercise in lesson.exercises:
                    exercises[exercise.id] = exercise
                    owner[exercise.id] = lesson
        index = {
            "lesson": lessons,
            "unit": units,
            "exercise": exercises,
            "vocabulary": vocabulary,
            "owner": owner,
        }
        object.__setattr__(
            self, "_index", MappingProxyType({k: MappingProxyType(v) for k, v in index.items()})
        )

    def _get(self, kind: str, item_id: str) -> Any:
        try:
            return self._index[kind][item_id]
        except KeyError:
            raise KeyError(f"course {self.id!r} has no {kind} {item_id!r}") from None

    @property
    def lessons(self) -> tuple[Lesson, ...]:
        """All lessons, in course order."""
        return tuple(lesson for unit in self.units for lesson in unit.lessons)

    def lesson(self, lesson_id: str) -> Lesson:
        return self._get("lesson", lesson_id)

    def unit(self, unit_id: str) -> Unit:
        return self._get("unit", unit_id)

    def unit_of(self, lesson_id: str) -> Unit:
        return self.unit(self.lesson(lesson_id).unit_id)

    def exercise(self, exercise_id: str) -> Exercise:
        return self._get("exercise", exercise_id)

    def vocabulary_item(self, item_id: str) -> VocabularyItem:
        return self._get("vocabulary", item_id)

    def lesson_of(self, item_id: str) -> Lesson:
        """The lesson that defines an exercise or a vocabulary item."""
        return self._get("owner", item_id)

    def has(self, kind: str, item_id: str) -> bool:
        """Whether the course has a `lesson`, `unit`, `exercise` or `vocabulary` id."""
        return item_id in self._index[kind]

    def iter_steps(self) -> Iterator[tuple[Lesson, Step]]:
        for lesson in self.lessons:
            for step in lesson.steps:
                yield lesson, step

    def ids(self) -> dict[str, frozenset[str]]:
        """Every stable id, by kind: `lesson`, `step`, `exercise`, `vocabulary`."""
        return {
            "lesson": frozenset(self._index["lesson"]),
            "step": frozenset(step.id for _, step in self.iter_steps()),
            "exercise": frozenset(self._index["exercise"]),
            "vocabulary": frozenset(self._index["vocabulary"]),
        }
