"""Counts of a course that anyone can check: lessons, words, exercises by type, media, languages.

`course_stats(course)` walks the loaded course; `rianthai course stats PATH` prints it as JSON,
and a test asserts the bundled course's counts so that nothing silently shrinks.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import fields, is_dataclass
from typing import Any

from lessons.model import LANGUAGES, Course, LocalizedText, VideoStep

MEDIA_FIELDS = ("media", "audio", "image")


def _walk(value: Any) -> Iterator[Any]:
    """Every object reachable from a model object (dataclasses, tuples, mappings)."""
    yield value
    if isinstance(value, LocalizedText | str | bytes | int | float | bool) or value is None:
        return
    if is_dataclass(value) and not isinstance(value, type):
        for field in fields(value):
            if not field.name.startswith("_"):
                yield from _walk(getattr(value, field.name))
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _walk(item)
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _walk(item)


def _media_ids(course: Course) -> set[str]:
    ids = {step.media for _, step in course.iter_steps() if isinstance(step, VideoStep)}
    for obj in _walk(course):
        if is_dataclass(obj) and not isinstance(obj, type):
            for name in MEDIA_FIELDS:
                value = getattr(obj, name, None)
                if isinstance(value, str) and value:
                    ids.add(value)
    return ids


def _texts(course: Course) -> Iterator[Mapping[str, str]]:
    """Every learner-facing text: the course's and the exercises' localized mappings."""
    for obj in _walk(course):
        if isinstance(obj, LocalizedText):
            yield obj.as_dict()
        elif isinstance(obj, Mapping) and obj and set(obj) <= set(LANGUAGES):
            yield obj


def course_stats(course: Course) -> dict[str, Any]:
    """The counts, JSON-ready."""
    texts = list(_texts(course))
    complete = [
        lang for lang in LANGUAGES if lang != "th" and all(text.get(lang) for text in texts)
    ]
    return {
        "id": course.id,
        "version": course.version,
        "lessons": len(course.lessons),
        "vocabulary": sum(len(lesson.vocabulary) for lesson in course.lessons),
        "exercises": sum(len(lesson.exercises) for lesson in course.lessons),
        "exercises_by_type": dict(
            sorted(Counter(e.type for lesson in course.lessons for e in lesson.exercises).items())
        ),
        "media_items": len(_media_ids(course)),
        "learner_facing_texts": len(texts),
        "languages_complete": complete,
        "per_lesson": [
            {
                "id": lesson.id,
                "vocabulary": len(lesson.vocabulary),
                "exercises": len(lesson.exercises),
                "dialogue_lines": len(lesson.dialogue.lines) if lesson.dialogue else 0,
            }
            for lesson in course.lessons
        ],
    }
