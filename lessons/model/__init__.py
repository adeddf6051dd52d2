"""The course model: immutable dataclasses for a loaded, checked content pack.

A `Course` holds its units, each unit its lessons, each lesson its ordered steps, its
vocabulary, its dialogue, its reading text and its exercises (the objects built by
`exercises.from_spec`). Everything is keyed by stable string ids: learners' progress is
stored against those ids, never against positions, so a new course version keeps it.

Nothing here reads files: `lessons.loader` builds these objects once the checker has
accepted the whole pack. The web layer and the textbook read them, never change them.
"""

from lessons.model.content import Dialogue, DialogueLine, Speaker, VocabularyItem
from lessons.model.course import Course, Lesson, Unit
from lessons.model.steps import (
    STEP_TYPES,
    ExercisesStep,
    MasteryRule,
    ReadingStep,
    ReviewStep,
    Step,
    VideoStep,
)
from lessons.model.text import LANGUAGES, TARGET_LANGUAGE, LocalizedText

__all__ = [
    "LANGUAGES",
    "STEP_TYPES",
    "TARGET_LANGUAGE",
    "Course",
    "Dialogue",
    "DialogueLine",
    "ExercisesStep",
    "Lesson",
    "LocalizedText",
    "MasteryRule",
    "ReadingStep",
    "ReviewStep",
    "Speaker",
    "Step",
    "Unit",
    "VideoStep",
    "VocabularyItem",
]
