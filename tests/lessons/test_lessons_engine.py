"""The course engine: lesson states, mastery rules, next steps, percentages, "continue"."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lessons import (
    AnswerRecord,
    Course,
    ExercisesStep,
    Lesson,
    LessonState,
    LocalizedText,
    MasteryRule,
    ReadingStep,
    ReviewStep,
    StepRecord,
    Unit,
    VideoStep,
    progress,
)
from lessons.engine import MasteryStatus, mastery_met, step_mastery

T = LocalizedText.of({"en": "x"})


def lesson(lesson_id, steps, prerequisites=(), unit="u1"):
    return Lesson(lesson_id, unit, lesson_id, T, (T,), tuple(prerequisites), (), tuple(steps))


def make_course():
    """a -> b -> c in unit u1, d (needs a and b) in unit u2."""
    a = lesson(
        "a",
        [
            VideoStep("a-video", "m-a"),
            ExercisesStep("a-ex", ("a1", "a2", "a3"), MasteryRule.m_of_n(2, 3)),
        ],
    )
    b = lesson(
        "b",
        [
            ReadingStep("b-read", "notes"),
            ExercisesStep("b-ex", ("b1", "b2"), MasteryRule.all_correct()),
        ],
        prerequisites=["a"],
    )
    c = lesson(
        "c",
        [
            ExercisesStep("c-ex", ("c1",), MasteryRule.streak(3)),
            ReviewStep("c-review", vocabulary=("v",)),
        ],
        prerequisites=["b"],
    )
    d = lesson("d", [ReadingStep("d-read", "text")], prerequisites=["a", "b"], unit="u2")
    return Course("course", "1", T, ("en",), (Unit("u1", T, (a, b, c)), Unit("u2", T, (d,))), "h")


COURSE = make_course()


def done(*pairs):
    return [StepRecord(lesson_id, step_id) for lesson_id, step_id in pairs]


def answers(*items):
    """("a1", True), ... in time order."""
    return [AnswerRecord(ex, ok, at=i) for i, (ex, ok) in enumerate(items)]


A_DONE = done(("a", "a-video"), ("a", "a-ex"))
B_DONE = done(("b", "b-read"), ("b", "b-ex"))


@pytest.mark.parametrize(
    ("steps", "expected"),
    [
        pytest.param([], dict(a="available", b="locked", c="locked", d="locked"), id="fresh"),
        pytest.param(done(("a", "a-video")), dict(a="in_progress", b="locked"), id="started"),
        pytest.param(A_DONE, dict(a="done", b="available", c="locked", d="locked"), id="a-done"),
        pytest.param(
            A_DONE + B_DONE,
            dict(a="done", b="done", c="available", d="available"),
            id="all-prerequisites-of-d",
        ),
        pytest.param(
            done(("c", "c-review")),
            dict(a="available", c="in_progress"),
            id="started-lesson-stays-in-progress-even-if-locked",
        ),
        pytest.param(
            done(("d", "d-read")),
            dict(d="done", b="locked"),
            id="done-lesson-stays-done-after-new-prerequisite",
        ),
        pytest.param(
            done(("a", "a-video"), ("a", "a-video"), ("a", "a-ex")),
            dict(a="done"),
            id="replayed-record",
        ),
        pytest.param(
            [StepRecord("a", "a-video", done=False)],
            dict(a="in_progress"),
            id="opened-not-finished",
        ),
    ],
)
def test_lesson_states_honour_prerequisites(steps, expected):
    result = progress(COURSE, steps)
    assert {k: result.state(k).value for k in expected} == expected


@pytest.mark.parametrize(
    ("rule", "outcomes", "met"),
    [
        (MasteryRule.m_of_n(2, 3), [], False),
        (MasteryRule.m_of_n(2, 3), [True], False),
        (MasteryRule.m_of_n(2, 3), [True, True], True),
        (MasteryRule.m_of_n(2, 3), [True, False, True], True),
        (MasteryRule.m_of_n(2, 3), [True, True, False, False], False),  # only the last 3 count
        (MasteryRule.m_of_n(2, 3), [False, False, True, False, True], True),
        (MasteryRule.m_of_n(4, 5), [True, True, True, False, True], True),
        (MasteryRule.m_of_n(4, 5), [True, True, False, False, True, True], False),
        (MasteryRule.m_of_n(2, 3), [0.5, 0.99, 1.0], False),  # partial credit is not correct
        (MasteryRule.streak(3), [True, True], False),
        (MasteryRule.streak(3), [False, True, True, True], True),
        (MasteryRule.streak(3), [True, True, True, False], False),
    ],
)
def test_m_of_n_and_streak_count_the_last_answers_of_the_set(rule, outcomes, met):
    exercise_ids = ("x", "y", "z")
    records = [AnswerRecord(exercise_ids[i % 3], ok, at=i) for i, ok in enumerate(outcomes)]
    assert mastery_met(rule, exercise_ids, records) is met


@pytest.mark.parametrize(
    ("outcomes", "met"),
    [
        ([("b1", True)], False),  # b2 never answered
        ([("b1", True), ("b2", True)], True),
        ([("b1", True), ("b2", False)], False),
        ([("b1", True), ("b2", False), ("b2", True)], True),  # the latest answer counts
        ([("b1", True), ("b2", True), ("b1", False)], False),
    ],
)
def test_all_correct_needs_the_latest_answer_to_every_exercise_right(outcomes, met):
    records = answers(*outcomes)
    assert mastery_met(MasteryRule.all_correct(), ("b1", "b2"), records) is met
    after = progress(COURSE, A_DONE, records).lessons["b"]
    assert ("b-ex" in after.steps_done) is met


def test_mastery_completes_an_exercise_step_without_a_step_record():
    result = progress(COURSE, done(("a", "a-video")), answers(("a1", True), ("a3", True)))
    assert result.state("a") is LessonState.DONE
    assert result.state("b") is LessonState.AVAILABLE


def test_answers_out_of_order_are_sorted_by_time():
    records = [AnswerRecord("c1", True, at=t) for t in (3, 1, 2)]
    records.append(AnswerRecord("c1", False, at=0))
    assert "c-ex" in progress(COURSE, [], records).lessons["c"].steps_done


def test_an_answer_for_another_step_does_not_count():
    records = [AnswerRecord("c1", True, at=t, step_id="elsewhere") for t in range(3)]
    assert "c-ex" not in progress(COURSE, [], records).lessons["c"].steps_done


@pytest.mark.parametrize(
    ("steps", "lesson_id", "next_step"),
    [
        ([], "a", "a-video"),
        (done(("a", "a-video")), "a", "a-ex"),
        (done(("a", "a-ex")), "a", "a-video"),  # the first step not done, wherever it is
        (A_DONE, "a", None),
        ([], "c", "c-ex"),
    ],
)
def test_next_step_is_the_first_step_not_done(steps, lesson_id, next_step):
    assert progress(COURSE, steps).lessons[lesson_id].next_step == next_step


@pytest.mark.parametrize(
    ("steps", "lesson_pct", "unit_pct", "course_pct"),
    [
        ([], {"a": 0, "d": 0}, {"u1": 0, "u2": 0}, 0),
        (done(("a", "a-video")), {"a": 50}, {"u1": 16}, 14),  # 1 of 6, 1 of 7: rounded down
        (A_DONE, {"a": 100, "b": 0}, {"u1": 33, "u2": 0}, 28),
        (A_DONE + B_DONE + done(("d", "d-read")), {"d": 100}, {"u1": 66, "u2": 100}, 71),
        (
            A_DONE + B_DONE + done(("c", "c-ex"), ("c", "c-review"), ("d", "d-read")),
            {"a": 100, "c": 100},
            {"u1": 100, "u2": 100},
            100,
        ),
    ],
)
def test_percentages_count_steps(steps, lesson_pct, unit_pct, course_pct):
    result = progress(COURSE, steps)
    assert {k: result.lessons[k].percent for k in lesson_pct} == lesson_pct
    assert {k: result.units[k].percent for k in unit_pct} == unit_pct
    assert result.course.percent == course_pct


@pytest.mark.parametrize(
    ("steps", "records", "target"),
    [
        ([], [], ("a", "a-video")),
        (done(("a", "a-video")), [], ("a", "a-ex")),
        (A_DONE, [], ("b", "b-read")),
        # two lessons in progress: the one touched last wins
        (
            [StepRecord("a", "a-video", at=5), StepRecord("c", "c-review", at=9)],
            [],
            ("c", "c-ex"),
        ),
        (
            [StepRecord("a", "a-video", at=5), StepRecord("c", "c-review", at=1)],
            [],
            ("a", "a-ex"),
        ),
        (
            A_DONE + B_DONE + done(("c", "c-ex"), ("c", "c-review"), ("d", "d-read")),
            [],
            None,
        ),
    ],
)
def test_continue_leads_to_the_last_lesson_in_progress_else_the_first_available(
    steps, records, target
):
    assert progress(COURSE, steps, records).continue_at == target


def test_records_of_ids_the_course_no_longer_has_are_ignored():
    steps = done(("gone", "x"), ("a", "removed-step"), ("a", "a-video"))
    records = [AnswerRecord("removed-exercise", True, at=1), AnswerRecord("a1", 1.0, at=None)]
    result = progress(COURSE, steps, records)
    assert result.lessons["a"].steps_done == {"a-video"}
    assert set(result.lessons) == {"a", "b", "c", "d"}


record_ids = st.sampled_from(["a", "b", "c", "d", "a-video", "a-ex", "b-ex", "c-ex", "zz", ""])
step_records = st.builds(
    StepRecord, record_ids, record_ids, st.booleans(), st.one_of(st.none(), st.integers())
)
answer_records = st.builds(
    AnswerRecord,
    st.sampled_from(["a1", "a2", "a3", "b1", "b2", "c1", "zz"]),
    st.one_of(st.booleans(), st.floats(0, 1)),
    st.one_of(st.none(), st.integers(), st.text(max_size=3)),
    st.one_of(st.none(), record_ids),
)


@given(st.lists(step_records, max_size=20), st.lists(answer_records, max_size=30))
def test_any_records_give_a_consistent_answer(steps, records):
    result = progress(COURSE, steps, records)
    for lesson_progress in result.lessons.values():
        assert 0 <= lesson_progress.percent <= 100
        assert (lesson_progress.state is LessonState.DONE) == (lesson_progress.next_step is None)
    assert 0 <= result.course.percent <= 100
    if result.continue_at is not None:
        lesson_id, step_id = result.continue_at
        assert result.lessons[lesson_id].next_step == step_id


@pytest.mark.parametrize(
    ("step_id", "outcomes", "status"),
    [
        ("a-ex", [], MasteryStatus(False, 0, 2)),
        ("a-ex", [("a1", True), ("a2", False)], MasteryStatus(False, 1, 2)),
        ("a-ex", [("a1", True), ("a2", False), ("a3", True)], MasteryStatus(True, 2, 2)),
        ("b-ex", [("b1", True)], MasteryStatus(False, 1, 2)),
        ("b-ex", [("b1", True), ("b2", True)], MasteryStatus(True, 2, 2)),
        (
            "c-ex",
            [("c1", True), ("c1", False), ("c1", True), ("c1", True)],
            MasteryStatus(False, 2, 3),
        ),
        ("c-ex", [("c1", True)] * 5, MasteryStatus(True, 3, 3)),
    ],
)
def test_step_mastery_says_how_far_the_learner_is(step_id, outcomes, status):
    lesson = COURSE.lesson(step_id[0])
    assert step_mastery(lesson.step(step_id), answers(*outcomes)) == status


def test_steps_without_exercises_have_no_mastery():
    assert step_mastery(COURSE.lesson("a").step("a-video"), []) is None
