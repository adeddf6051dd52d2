"""Course content: the model, the content-pack loader and checker, and the course engine.

Plain Python (never Flask, never `learn`). The web layer and the textbook use:

- `load_course(path) -> Course` and `check_course(path, known_media=None) -> list[Problem]`;
- `unpack_pack(zip_path, dest) -> Course` and `compare_courses(old, new)`;
- `install_pack(folder_or_zip, courses_dir) -> Installed` (at `<id>/<version>/`);
- `lessons.engine` for lesson states, mastery, next steps and percentages.
"""

from lessons.checker import check_course
from lessons.engine import (
    AnswerRecord,
    CourseProgress,
    LessonRecord,
    LessonState,
    MasteryStatus,
    StepRecord,
    progress,
    progress_from_lessons,
    step_mastery,
    steps_done,
)
from lessons.install import Installed, install_pack, installed_versions
from lessons.loader import load_course
from lessons.model import (
    LANGUAGES,
    TARGET_LANGUAGE,
    Course,
    Dialogue,
    DialogueLine,
    ExercisesStep,
    Lesson,
    LocalizedText,
    MasteryRule,
    ReadingStep,
    ReviewStep,
    Speaker,
    Step,
    Unit,
    VideoStep,
    VocabularyItem,
)
from lessons.pack import CourseChanges, compare_courses, unpack_pack
from lessons.problems import CourseError, Problem

__all__ = [
    "AnswerRecord",
    "CourseChanges",
    "CourseError",
    "CourseProgress",
    "Installed",
    "LessonState",
    "MasteryStatus",
    "Problem",
    "StepRecord",
    "LessonRecord",
    "check_course",
    "compare_courses",
    "install_pack",
    "installed_versions",
    "load_course",
    "progress",
    "progress_from_lessons",
    "steps_done",
    "step_mastery",
    "unpack_pack",
    "LANGUAGES",
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
