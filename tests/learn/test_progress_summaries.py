"""The lesson summaries kept on every record say exactly what the whole history says.

Pages read where a learner stands from one summary per lesson (learn/progress.py); the course
engine can also work it out from every step and answer ever recorded (`lessons.progress`).
Hypothesis plays random learners through the bundled course, record by record, and checks
the two agree on every lesson's state, steps done and next step, the shares, where
"continue" leads, and each summary's progress, best score and wrong answers in a row; and
that the database's count of each step's answers (what the player decides the next exercise
from) is the count of the answers given in order.
"""

from __future__ import annotations

import itertools
import uuid
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from exercises import Result
from learn.extensions import db
from learn.models import LessonSummary, User
from learn.progress import StepTally, course_progress, record_answer, record_step, step_tally
from lessons import AnswerRecord, StepRecord, load_course, progress

COURSE = load_course(Path(__file__).parents[2] / "lessons" / "courses" / "thai-for-work")
# The first three lessons: every step kind and mastery rule, and a prerequisite chain.
LESSONS = [lesson for unit in COURSE.units for lesson in unit.lessons][:3]
_users = itertools.count()


def _events():
    """One record: a step finished, or an answer to one of a step's exercises."""
    finish = st.tuples(
        st.just("finish"), st.sampled_from([(ls.id, s.id) for ls in LESSONS for s in ls.steps])
    )
    answerable = [
        (lesson.id, step.id, exercise_id)
        for lesson in LESSONS
        for step in lesson.steps
        for exercise_id in (*getattr(step, "exercises", ()), *getattr(step, "checkpoints", ()))
    ]
    answer = st.tuples(st.just("answer"), st.sampled_from(answerable), st.floats(0, 1))
    return st.one_of(finish, answer, answer)  # answers are the commoner record


@pytest.fixture
def learners(app):
    with app.app_context():
        yield


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(events=st.lists(_events(), max_size=60))
def test_summaries_agree_with_the_whole_history(learners, events):
    user = User(username=f"walker{next(_users)}", password_hash="-", language="my")
    db.session.add(user)
    db.session.flush()
    # The same records for the engine, timed by their order (the tables' ids are two counters).
    steps, answers, lesson_of = [], [], []
    for at, event in enumerate(events):
        if event[0] == "finish":
            lesson_id, step_id = event[1]
            record_step(db.session, user.id, COURSE, lesson_id, step_id, uuid.uuid4())
            steps.append(StepRecord(lesson_id, step_id, True, at))
        else:
            (lesson_id, step_id, exercise_id), score = event[1], event[2]
            score = 1.0 if score > 0.6 else round(score, 2)  # right more often than not
            result = Result(correct=score == 1.0, score=score)
            record_answer(
                db.session, user.id, COURSE, lesson_id, step_id, exercise_id, "x", result,
                uuid.uuid4(),
            )  # fmt: skip
            answers.append(
                AnswerRecord(exercise_id, True if result.correct else score, at, step_id)
            )
            lesson_of.append(lesson_id)
    db.session.commit()

    kept = course_progress(db.session, user.id, COURSE)
    whole = progress(COURSE, steps, answers)
    for lesson in COURSE.lessons:
        mine, theirs = kept.lessons[lesson.id], whole.lessons[lesson.id]
        assert (mine.state, mine.steps_done, mine.next_step) == (
            theirs.state,
            theirs.steps_done,
            theirs.next_step,
        ), lesson.id
    assert kept.units == whole.units
    assert kept.course == whole.course
    assert kept.continue_at == whole.continue_at

    for summary in db.session.scalars(
        select(LessonSummary).where(LessonSummary.user_id == user.id)
    ):
        lesson = COURSE.lesson(summary.lesson_id)
        assert summary.progress == pytest.approx(whole.lessons[lesson.id].fraction)
        # Answers given in this lesson to this lesson's own exercises (a review step may
        # ask another lesson's).
        best = {}
        for answered_in, answer in zip(lesson_of, answers, strict=True):
            if answered_in == lesson.id and answer.exercise_id in {e.id for e in lesson.exercises}:
                best[answer.exercise_id] = max(
                    best.get(answer.exercise_id, 0.0), float(answer.correct)
                )
        streaks = {}
        for answered_in, answer in zip(lesson_of, answers, strict=True):
            if answered_in == lesson.id:
                streaks[answer.exercise_id] = (
                    0 if answer.is_correct else streaks.get(answer.exercise_id, 0) + 1
                )
        assert summary.wrong_streaks == streaks, lesson.id
        expected = sum(best.values()) / len(lesson.exercises) if lesson.exercises else 0.0
        assert summary.best_score == pytest.approx(expected), lesson.id

    for lesson in LESSONS:
        for step in lesson.steps:
            given = [
                answer
                for answered_in, answer in zip(lesson_of, answers, strict=True)
                if answered_in == lesson.id and answer.step_id == step.id
            ]
            counted = step_tally(db.session, user.id, COURSE.id, lesson.id, step.id)
            assert counted == StepTally.of(given), (lesson.id, step.id)


def test_the_tally_follows_each_exercises_latest_answer(learners):
    """Right then wrong is wrong now; wrong then right is right; a score short of 1 is
    wrong; answers in other steps do not count."""
    user = User(username=f"tally{next(_users)}", password_hash="-", language="km")
    db.session.add(user)
    db.session.flush()
    lesson = LESSONS[0]
    step = next(s for s in lesson.steps if len(getattr(s, "exercises", ())) >= 3)
    other = next(s for s in lesson.steps if getattr(s, "checkpoints", ()))
    first, second, third = step.exercises[:3]
    for exercise_id, score in [(first, 1.0), (first, 0.0), (second, 0.0), (second, 1.0),
                               (third, 0.5)]:  # fmt: skip
        result = Result(correct=score == 1.0, score=score)
        record_answer(
            db.session, user.id, COURSE, lesson.id, step.id, exercise_id, "x", result,
            uuid.uuid4(),
        )  # fmt: skip
    record_answer(
        db.session, user.id, COURSE, lesson.id, other.id, other.checkpoints[0], "x",
        Result(correct=True, score=1.0), uuid.uuid4(),
    )  # fmt: skip
    tally = step_tally(db.session, user.id, COURSE.id, lesson.id, step.id)
    assert tally.attempts == {first: 2, second: 2, third: 1}
    assert tally.last_correct == {first: False, second: True, third: False}
    assert tally.total == 5
