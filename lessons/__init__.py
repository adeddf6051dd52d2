"""Course content: the model, the content-pack loader and checker, and the course engine.

Plain Python (never Flask, never `learn`). The web layer and the textbook use:

- `load_course(path) -> Course` and `check_course(path, known_media=None) -> list[Problem]`;
- `unpack_pack(zip_path, dest) -> Course` and `compare_courses(old, new)`;
- `lessons.engine` for lesson states, mastery, next steps and percentages.
"""

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

__all__ = [
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
