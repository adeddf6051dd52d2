"""Learner records: storing steps and answers exactly once, and where a learner stands.

Services take the session, add and flush, and never commit. The course engine
(`lessons.engine`) does the reasoning; this module only feeds it the learner's rows.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from learn.models import AttemptLog, LessonSummary, StepLog
from lessons import AnswerRecord, Course, CourseProgress, StepRecord, progress

# Time between two records of a lesson counts as time spent, up to this: a learner who put
# the phone away for an hour did not study for an hour.
MAX_GAP_SECONDS = 300


def insert_once(
    session: Session, model, values: Mapping | list[Mapping], unique: list[str] | None = None
) -> int:
    """Insert rows, skipping those whose `unique` columns (default: the UUID) are stored
    already, atomically even under concurrent requests; returns how many were new.

    Counted with RETURNING: drivers disagree on the row count of ON CONFLICT DO NOTHING
    (psycopg reports -1 here).
    """
    rows = [values] if isinstance(values, Mapping) else list(values)
    if not rows:
        return 0
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = (
        insert(model)
        .on_conflict_do_nothing(index_elements=unique or ["uuid"])
        .returning(*sa_inspect(model).primary_key)
    )
    # The rows as parameters, not in .values(): the statement is then compiled once and
    # cached; a many-row .values() was compiled anew on every call (about 10 ms for the
    # 20 words of a lesson, on every answer).
    return len(session.execute(statement, rows).all())


def record_step(
    session: Session,
    user_id: int,
    course: Course,
    lesson_id: str,
    step_id: str,
    record_uuid: uuid.UUID,
) -> bool:
    """Store that the learner finished a step; a replayed UUID changes nothing."""
    course.lesson(lesson_id).step(step_id)  # KeyError for ids the course does not have
    new = insert_once(
        session,
        StepLog,
        dict(
            uuid=record_uuid,
            user_id=user_id,
            course_id=course.id,
            lesson_id=lesson_id,
            step_id=step_id,
        ),
    )
    if new:
        update_summary(session, user_id, course, lesson_id, step_id)
    return new


def record_answer(
    session: Session,
    user_id: int,
    course: Course,
    lesson_id: str,
    step_id: str | None,
    exercise_id: str,
    answer: object,
    result,
    record_uuid: uuid.UUID,
    hinted: bool = False,
) -> bool:
    """Store a graded answer; a replayed UUID changes nothing."""
    new = insert_once(
        session,
        AttemptLog,
        dict(
            uuid=record_uuid,
            user_id=user_id,
            course_id=course.id,
            lesson_id=lesson_id,
            step_id=step_id,
            exercise_id=exercise_id,
            correct=bool(result.correct),
            score=float(result.score),
            answer=answer,
            feedback=[{"code": f.code, "data": dict(f.data)} for f in result.feedback],
            hinted=hinted,
        ),
    )
    if new:
        update_summary(session, user_id, course, lesson_id, step_id)
    return new


def records(
    session: Session, user_id: int, course_id: str
) -> tuple[list[StepRecord], list[AnswerRecord]]:
    steps = [
        StepRecord(row.lesson_id, row.step_id, True, row.id)
        for row in session.execute(
            select(StepLog.id, StepLog.lesson_id, StepLog.step_id).where(
                StepLog.user_id == user_id, StepLog.course_id == course_id
            )
        )
    ]
    answers = [
        AnswerRecord(row.exercise_id, row.score if not row.correct else True, row.id, row.step_id)
        for row in session.execute(
            select(
                AttemptLog.id,
                AttemptLog.exercise_id,
                AttemptLog.score,
                AttemptLog.correct,
                AttemptLog.step_id,
            )
            .where(AttemptLog.user_id == user_id, AttemptLog.course_id == course_id)
            .order_by(AttemptLog.id)
        )
    ]
    return steps, answers


def course_progress(session: Session, user_id: int, course: Course) -> CourseProgress:
    return progress(course, *records(session, user_id, course.id))


def update_summary(
    session: Session, user_id: int, course: Course, lesson_id: str, step_id: str | None
) -> LessonSummary:
    """Bring the learner's summary of a lesson up to date after a new record."""
    now = datetime.now(UTC)
    lesson = course.lesson(lesson_id)
    # Read before the summary changes: a change would be flushed by the next query (autoflush),
    # and the summary would be written twice per answer.
    state = course_progress(session, user_id, course).lessons[lesson_id]
    best = dict(
        session.execute(
            select(AttemptLog.exercise_id, func.max(AttemptLog.score))
            .where(
                AttemptLog.user_id == user_id,
                AttemptLog.course_id == course.id,
                AttemptLog.lesson_id == lesson_id,
            )
            .group_by(AttemptLog.exercise_id)
        ).all()
    )
    summary = session.get(LessonSummary, (user_id, course.id, lesson_id))
    if summary is None:
        summary = LessonSummary(
            user_id=user_id, course_id=course.id, lesson_id=lesson_id, time_spent=0
        )
        session.add(summary)
    else:
        last = summary.updated_at
        if last is not None:
            last = last if last.tzinfo else last.replace(tzinfo=UTC)
            summary.time_spent += int(min(max((now - last).total_seconds(), 0), MAX_GAP_SECONDS))
    exercise_ids = [exercise.id for exercise in lesson.exercises]
    summary.progress = state.fraction
    summary.best_score = (
        sum(best.get(i, 0.0) for i in exercise_ids) / len(exercise_ids) if exercise_ids else 0.0
    )
    summary.last_step_id = step_id
    summary.updated_at = now
    session.flush()
    return summary
