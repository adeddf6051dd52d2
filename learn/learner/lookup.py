"""Finding the course, lesson and step a URL names, or answering 404."""

from __future__ import annotations

from flask import abort

from learn.catalog import catalog
from lessons import Course, Lesson, Step


def course_or_404(course_id: str) -> Course:
    course = catalog().get(course_id)
    if course is None:
        abort(404)
    return course


def lesson_or_404(course: Course, lesson_id: str) -> Lesson:
    if not course.has("lesson", lesson_id):
        abort(404)
    return course.lesson(lesson_id)


def step_or_404(lesson: Lesson, step_id: str, kind: type | None = None) -> Step:
    if step_id not in lesson.step_ids:
        abort(404)
    step = lesson.step(step_id)
    if kind is not None and not isinstance(step, kind):
        abort(404)
    return step
