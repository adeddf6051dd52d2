"""Learner records: storing steps and answers exactly once, and where a learner stands.

Every record also brings the learner's summary of its lesson up to date (`LessonSummary`:
the steps done, by record or by mastery rule, and the best score of each exercise), so that
pages read one row per lesson, never the learner's whole history: a learner who practised for
a year has thousands of answers, and the course map costs the same for them as on day one.
The course engine (`lessons.engine`) does the reasoning both ways: `progress_from_lessons`
from the summaries, `steps_done` from one lesson's records when a summary is first made.

Services take the session, add and flush, and never commit.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import bindparam, case, func, or_, select
from sqlalchemy.orm import Session

from learn.inserts import insert_once
from learn.models import AttemptLog, LessonSummary, StepLog
from learn.review import meet_vocabulary
from lessons import (
    AnswerRecord,
    Course,
    CourseProgress,
    ExercisesStep,
    Lesson,
    LessonRecord,
    ReviewStep,
    StepRecord,
    progress_from_lessons,
    step_mastery,
    steps_done,
)

# Time between two records of a lesson counts as time spent, up to this: a learner who put
# the phone away for an hour did not study for an hour.
MAX_GAP_SECONDS = 300
# Set in `session.info` when reading progress filled in summaries kept from before they held
# the steps done: a page that only reads commits then, so that it happens once.
FILLED = "rianthai.summaries_filled"


def record_step(
    session: Session,
    user_id: int,
    course: Course,
    lesson_id: str,
    step_id: str,
    record_uuid: uuid.UUID,
) -> LessonSummary | None:
    """Store that the learner finished a step: the lesson's summary after it, or None when
    the UUID was stored already (a replay changes nothing)."""
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
    if not new:
        return None
    return update_summary(session, user_id, course, lesson_id, step_id, finished=True)


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
) -> LessonSummary | None:
    """Store a graded answer: the lesson's summary after it, or None when the UUID was
    stored already (a replay changes nothing)."""
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
    if not new:
        return None
    return update_summary(
        session,
        user_id,
        course,
        lesson_id,
        step_id,
        scored=(exercise_id, float(result.score), bool(result.correct)),
    )


def step_answers(
    session: Session, user_id: int, course_id: str, lesson_id: str, step_id: str
) -> list[AnswerRecord]:
    """The learner's answers in one step of a lesson, oldest first."""
    return [
        AnswerRecord(row.exercise_id, row.score if not row.correct else True, row.id, step_id)
        for row in session.execute(
            select(AttemptLog.id, AttemptLog.exercise_id, AttemptLog.score, AttemptLog.correct)
            .where(
                AttemptLog.user_id == user_id,
                AttemptLog.course_id == course_id,
                AttemptLog.lesson_id == lesson_id,
                AttemptLog.step_id == step_id,
            )
            .order_by(AttemptLog.id)
        )
    ]


@dataclass(frozen=True, slots=True)
class StepTally:
    """What the player needs to know of a learner's answers in one step: per exercise, how
    often it was answered and whether the latest answer was right; and how many in all."""

    attempts: dict[str, int] = field(default_factory=dict)
    last_correct: dict[str, bool] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.attempts.values())

    @classmethod
    def of(cls, answers: list[AnswerRecord]) -> StepTally:
        """The tally of answers given oldest first."""
        tally = cls()
        for answer in answers:
            tally.attempts[answer.exercise_id] = tally.attempts.get(answer.exercise_id, 0) + 1
            tally.last_correct[answer.exercise_id] = answer.is_correct
        return tally


# Built once: the step page runs it on every view.
_RIGHT = or_(AttemptLog.correct, AttemptLog.score >= 1.0)  # as AnswerRecord.is_correct
_STEP_TALLY = (
    select(
        AttemptLog.exercise_id,
        func.count(),
        func.max(AttemptLog.id),
        func.max(case((_RIGHT, AttemptLog.id))),
    )
    .where(
        AttemptLog.user_id == bindparam("user_id"),
        AttemptLog.course_id == bindparam("course_id"),
        AttemptLog.lesson_id == bindparam("lesson_id"),
        AttemptLog.step_id == bindparam("step_id"),
    )
    .group_by(AttemptLog.exercise_id)
)


def step_tally(
    session: Session, user_id: int, course_id: str, lesson_id: str, step_id: str
) -> StepTally:
    """The learner's `StepTally` in one step, counted by the database: a step practised a
    thousand times costs a page the same few rows as one answered once."""
    rows = session.execute(
        _STEP_TALLY,
        {"user_id": user_id, "course_id": course_id, "lesson_id": lesson_id, "step_id": step_id},
    )
    tally = StepTally()
    for exercise_id, count, last_id, last_right_id in rows:
        tally.attempts[exercise_id] = count
        tally.last_correct[exercise_id] = last_right_id == last_id
    return tally


_SUMMARIES = select(LessonSummary).where(
    LessonSummary.user_id == bindparam("user_id"), LessonSummary.course_id == bindparam("course_id")
)


def course_progress(session: Session, user_id: int, course: Course) -> CourseProgress:
    """Where the learner stands in the course, from one summary row per lesson touched."""
    summaries = session.scalars(_SUMMARIES, {"user_id": user_id, "course_id": course.id}).all()
    for summary in summaries:
        if summary.steps_done is None and course.has("lesson", summary.lesson_id):
            _rebuild(session, summary, course.lesson(summary.lesson_id))
            session.info[FILLED] = True
    return progress_from_lessons(
        course,
        (
            LessonRecord(s.lesson_id, frozenset(s.steps_done or ()), _aware(s.updated_at))
            for s in summaries
        ),
    )


def update_summary(
    session: Session,
    user_id: int,
    course: Course,
    lesson_id: str,
    step_id: str | None,
    *,
    finished: bool = False,
    scored: tuple[str, float, bool] | None = None,
) -> LessonSummary:
    """Bring the learner's summary of a lesson up to date after a new record: the step
    `finished`, or an answer `scored` (exercise id, score, correct) in `step_id`.

    A lesson's first record also gives the learner review cards for its words, and so does
    each step newly done (a new course version may have added words).
    """
    now = datetime.now(UTC)
    lesson = course.lesson(lesson_id)
    summary = session.get(LessonSummary, (user_id, course.id, lesson_id))
    if summary is None:
        summary = LessonSummary(
            user_id=user_id, course_id=course.id, lesson_id=lesson_id, time_spent=0
        )
        session.add(summary)
    # No flush until all is known: the row is written once per record.
    with session.no_autoflush:
        last = _aware(summary.updated_at)
        gap = int(min(max((now - last).total_seconds(), 0), MAX_GAP_SECONDS)) if last else 0
        if summary.steps_done is None:
            before: set[str] = set()
            _rebuild(session, summary, lesson)  # counts the record just inserted
        else:
            before = set(summary.steps_done)
            done, best = set(before), dict(summary.best_scores or {})
            streaks = dict(summary.wrong_streaks or {})
            if finished and step_id:
                done.add(step_id)
            if scored:
                exercise_id, score, correct = scored
                best[exercise_id] = max(best.get(exercise_id, 0.0), score)
                streaks[exercise_id] = 0 if correct else streaks.get(exercise_id, 0) + 1
                if (
                    step_id
                    and step_id not in done
                    and _mastered(session, user_id, course, lesson, step_id)
                ):
                    done.add(step_id)
            summary.steps_done, summary.best_scores = sorted(done), best
            summary.wrong_streaks = streaks
    _derive(summary, lesson)
    summary.time_spent = (summary.time_spent or 0) + gap
    summary.last_step_id = step_id
    summary.updated_at = now
    session.flush()
    if not before or set(summary.steps_done) - before:
        meet_vocabulary(session, user_id, course, lesson_id)
    return summary


def _mastered(session: Session, user_id: int, course: Course, lesson: Lesson, step_id: str) -> bool:
    """Whether the step's answers now meet its mastery rule (False for steps without one)."""
    step = lesson.step(step_id)
    if not isinstance(step, ExercisesStep | ReviewStep) or not step.exercises:
        return False
    status = step_mastery(step, step_answers(session, user_id, course.id, lesson.id, step_id))
    return bool(status and status.met)


def _rebuild(session: Session, summary: LessonSummary, lesson: Lesson) -> None:
    """Fill a summary's steps done, best scores and wrong streaks from all of its lesson's
    records (a new summary, or one written before these were kept)."""
    key = (
        StepLog.user_id == summary.user_id,
        StepLog.course_id == summary.course_id,
        StepLog.lesson_id == summary.lesson_id,
    )
    steps = [
        StepRecord(summary.lesson_id, step_id)
        for step_id in session.scalars(select(StepLog.step_id).where(*key).distinct())
    ]
    answers = []
    best: dict[str, float] = {}
    streaks: dict[str, int] = {}
    for row in session.execute(
        select(
            AttemptLog.id,
            AttemptLog.exercise_id,
            AttemptLog.score,
            AttemptLog.correct,
            AttemptLog.step_id,
        )
        .where(
            AttemptLog.user_id == summary.user_id,
            AttemptLog.course_id == summary.course_id,
            AttemptLog.lesson_id == summary.lesson_id,
        )
        .order_by(AttemptLog.id)
    ):
        answers.append(
            AnswerRecord(row.exercise_id, True if row.correct else row.score, row.id, row.step_id)
        )
        best[row.exercise_id] = max(best.get(row.exercise_id, 0.0), float(row.score))
        streaks[row.exercise_id] = 0 if row.correct else streaks.get(row.exercise_id, 0) + 1
    summary.steps_done = sorted(steps_done(lesson, steps, answers))
    summary.best_scores = best
    summary.wrong_streaks = streaks
    _derive(summary, lesson)


def _derive(summary: LessonSummary, lesson: Lesson) -> None:
    """The share of steps done and the mean best score, from the kept sets."""
    done = set(summary.steps_done) & set(lesson.step_ids)
    summary.progress = len(done) / len(lesson.steps) if lesson.steps else 1.0
    exercise_ids = [exercise.id for exercise in lesson.exercises]
    best = summary.best_scores or {}
    summary.best_score = (
        sum(best.get(i, 0.0) for i in exercise_ids) / len(exercise_ids) if exercise_ids else 0.0
    )


def _aware(moment: datetime | None) -> datetime | None:
    """SQLite gives back naive datetimes; every time here is UTC."""
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment
