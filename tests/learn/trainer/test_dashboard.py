"""The group dashboard: the grid, who is stuck, hardest exercises, charts, and query counts."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exercises import Result
from learn.catalog import catalog
from learn.content import localized
from learn.extensions import db
from learn.models import (
    Assignment,
    AttemptLog,
    GroupMember,
    GroupRole,
    LessonSummary,
    User,
)
from learn.progress import record_answer, record_step
from learn.trainer.charts import bar_chart
from learn.trainer.dashboard import Learner, group_grid, hardest_exercises, stuck_on_exercises

TOMORROW = (datetime.now(UTC).date() + timedelta(days=1)).isoformat()


def _answer(user_id, exercise, correct, answer, when=None, lesson="hello"):
    return AttemptLog(
        uuid=uuid.uuid4(),
        user_id=user_id,
        course_id="mini",
        lesson_id=lesson,
        step_id="hello-practice",
        exercise_id=exercise,
        correct=correct,
        score=1.0 if correct else 0.0,
        answer=answer,
        feedback=[],
        created_at=when or datetime.now(UTC),
    )


def _add_learners(app, group_id: int, n: int, start: int = 0) -> list[int]:
    """n learners in the group, each with a summary of lesson 1 and three answers."""
    with app.app_context():
        users = [
            User(username=f"worker{start + i}", password_hash="x", display_name=f"W{start + i}")
            for i in range(n)
        ]
        db.session.add_all(users)
        db.session.flush()
        for user in users:
            db.session.add(GroupMember(group_id=group_id, user_id=user.id, role=GroupRole.LEARNER))
            db.session.add(
                LessonSummary(
                    user_id=user.id,
                    course_id="mini",
                    lesson_id="hello",
                    progress=1.0,
                    best_score=0.9,
                    time_spent=300,
                )
            )
            for correct in (False, False, True):
                db.session.add(_answer(user.id, "hello-polite", correct, "khrap"))
        db.session.commit()
        return [user.id for user in users]


def do_lesson(app, user_id: int) -> None:
    """Lesson 1 done as the player records it: every exercise answered right, every step done.

    The records services, not the player's pages: the player has its own tests, and this
    story is about what the trainer sees.
    """
    with app.app_context():
        course = catalog().get("mini")
        lesson = course.lesson("hello")
        for step in lesson.steps:
            for exercise_id in getattr(step, "exercises", ()) or getattr(step, "checkpoints", ()):
                exercise = course.exercise(exercise_id)
                answer = exercise.answer if hasattr(exercise, "answer") else None
                record_answer(
                    db.session,
                    user_id,
                    course,
                    "hello",
                    step.id,
                    exercise_id,
                    answer,
                    exercise.grade(answer),
                    uuid.uuid4(),
                )
            record_step(db.session, user_id, course, "hello", step.id, uuid.uuid4())
        db.session.commit()


def test_trainer_assigns_worker_joins_does_it_grid_shows_done(app, world, make, login_as):
    """The issue's story: group, join by code, lesson 1 due tomorrow, done, shown done."""
    group = world.groups["a"]
    client = login_as("trainer_a")
    client.submit(
        f"/trainer/groups/{group}/assignments",
        {"work": "mini/hello", "due": TOMORROW},
        page=f"/trainer/groups/{group}",
    )
    make.user("somchai", name="Somchai")
    with app.app_context():
        from learn.models import Group

        code = db.session.get(Group, group).join_code
    client = login_as("somchai")
    client.submit(f"/join/{code}", {})
    assert f"Due {TOMORROW}" in client.get("/").text
    do_lesson(app, make.users["somchai"])
    assert "✓ Done" in client.get("/").text
    page = login_as("trainer_a").get(f"/trainer/groups/{group}/dashboard").text
    row = re.search(r"<th scope=\"row\">Somchai</th>(.*?)</tr>", page, re.S).group(1)
    assert "✓ Done" in row
    assert f"Due {TOMORROW}" in page


def test_grid_states_and_scores(app, world):
    with app.app_context():
        db.session.add(
            LessonSummary(
                user_id=world.users["learner_a"],
                course_id="mini",
                lesson_id="hello",
                progress=0.5,
                best_score=0.75,
                time_spent=120,
            )
        )
        db.session.commit()
        courses = {c.id: c for c in catalog().courses()}
        grid = group_grid(db.session, world.groups["a"], courses)
    assert [col.lesson.id for col in grid.columns] == ["hello", "thanks"]
    (row,) = grid.rows
    assert [cell.state for cell in row.cells] == ["in_progress", "not_started"]
    assert row.cells[0].score == 0.75
    assert row.time_spent == 120
    assert grid.done_share(0) == 0.0


def _cells(page: str, name: str) -> list[tuple[str, str]]:
    """A learner's row of the grid: each cell's class and its text, spacing collapsed."""
    row = re.search(rf'<th scope="row">{name}</th>(.*?)</tr>', page, re.S).group(1)
    return [
        (css, " ".join(re.sub(r"<[^>]+>", " ", html).split()))
        for css, html in re.findall(r'<td class="([^"]*)">(.*?)</td>', row, re.S)
    ]


@pytest.mark.parametrize(
    "lang, words",
    [
        ("en", {"done": "✓ Done", "half": "50% done", "none": "0% done", "score": "Score",
                "never": "never"}),
        ("th", {"done": "✓ เสร็จแล้ว", "half": "เสร็จแล้ว 50%", "none": "เสร็จแล้ว 0%",
                "score": "คะแนน", "never": "ไม่เคย"}),
    ],
)  # fmt: skip
def test_grid_cells_show_state_percent_score_and_lateness(app, world, make, login_as, lang, words):
    """What each cell says, and which are marked late, in the trainer's language."""
    group = world.groups["a"]
    today = datetime.now(UTC).date()
    nok, mai = make.user("nok", name="Nok"), make.user("mai", name="Mai")
    with app.app_context():
        db.session.get(User, world.users["trainer_a"]).language = lang
        for user_id in (nok, mai):
            db.session.add(GroupMember(group_id=group, user_id=user_id, role=GroupRole.LEARNER))
        for lesson, due in (("hello", today - timedelta(days=1)), ("thanks", None)):
            db.session.add(
                Assignment(group_id=group, course_id="mini", lesson_id=lesson, due_on=due)
            )
        for user_id, lesson, progress, score in [
            (world.users["learner_a"], "hello", 0.5, 0.75),
            (nok, "hello", 1.0, 1.0),
            (nok, "thanks", 0.0, 0.5),
        ]:
            db.session.add(LessonSummary(user_id=user_id, course_id="mini", lesson_id=lesson,
                                         progress=progress, best_score=score))  # fmt: skip
        db.session.commit()
    page = login_as("trainer_a").get(f"/trainer/groups/{group}/dashboard").text
    late, score = " cell-overdue", words["score"]
    assert _cells(page, "learner_a") == [
        ("cell cell-in_progress" + late, f"{words['half']} {score} 75%"),
        ("cell cell-not_started", "–"),
        ("small", today.isoformat()),
    ]
    assert _cells(page, "Nok") == [
        ("cell cell-done", f"{words['done']} {score} 100%"),  # done is never late
        ("cell cell-in_progress", f"{words['none']} {score} 50%"),
        ("small", today.isoformat()),
    ]
    assert _cells(page, "Mai") == [
        ("cell cell-not_started" + late, "–"),
        ("cell cell-not_started", "–"),
        ("small", words["never"]),
    ]


@pytest.mark.parametrize(
    "answers, stuck",
    [
        ([False, False, False], 3),
        ([False, False, False, False], 4),
        ([False, False, True], None),  # got it in the end
        ([True, False, False], None),  # two in a row is not yet stuck
        ([False, True, False, False, False], 3),
    ],
)
def test_stuck_means_the_latest_answers_in_a_row_were_wrong(app, world, answers, stuck):
    learner = world.users["learner_a"]
    with app.app_context():
        course = {c.id: c for c in catalog().courses()}["mini"]
        for ok in answers:
            result = Result(correct=ok, score=1.0 if ok else 0.0)
            record_answer(db.session, learner, course, "hello", "hello-practice",
                          "hello-meaning", "thanks", result, uuid.uuid4())  # fmt: skip
        db.session.commit()
        users = {learner: Learner(learner, "learner_a")}
        found = stuck_on_exercises(
            db.session, world.groups["a"], users, datetime.now(UTC) - timedelta(days=30)
        )
    assert [s.failures for s in found] == ([stuck] if stuck else [])


def test_inactive_learners_are_listed(app, world, login_as):
    with app.app_context():
        db.session.add(
            LessonSummary(
                user_id=world.users["learner_a"],
                course_id="mini",
                lesson_id="hello",
                progress=0.5,
                updated_at=datetime.now(UTC) - timedelta(days=10),
            )
        )
        db.session.commit()
    client = login_as("trainer_a")
    page = client.get(f"/trainer/groups/{world.groups['a']}/dashboard?days=7").text
    assert "last active" in page
    page = client.get(f"/trainer/groups/{world.groups['a']}/dashboard?days=14").text
    assert "Nobody is stuck." in page


def test_who_is_stuck_says_since_when_and_on_what(app, world, make, login_as):
    """One line per learner idle for the days asked or stuck on an exercise, and what with."""
    group, learner = world.groups["a"], world.users["learner_a"]
    mai = make.user("mai", name="Mai")
    with app.app_context():
        db.session.add(GroupMember(group_id=group, user_id=mai, role=GroupRole.LEARNER))
        course = catalog().get("mini")
        for _ in range(3):
            record_answer(db.session, learner, course, "hello", "hello-practice", "hello-meaning",
                          "thanks", Result(correct=False, score=0.0), uuid.uuid4())  # fmt: skip
        db.session.commit()
        lesson = localized(course.lesson_of("hello-meaning").title, "en")
        prompt = localized(course.exercise("hello-meaning").prompt, "en")
    page = login_as("trainer_a").get(f"/trainer/groups/{group}/dashboard").text
    lines = re.search(r'<ul class="menu stuck">(.*?)</ul>', page, re.S).group(1)
    assert [" ".join(re.sub(r"<[^>]+>", " ", li).split()) for li in lines.split("</li>")[:-1]] == [
        "Mai · has not started",
        f"learner_a · wrong 3 times in a row: {lesson} · {prompt}",
    ]


def test_hardest_exercises_with_common_wrong_answers(app, world, login_as):
    learner = world.users["learner_a"]
    with app.app_context():
        for answer in ("khrap", "khrap", "khrap", "kha"):
            db.session.add(_answer(learner, "hello-polite", answer == "kha", answer))
        for answer in ("hello", "hello", "thanks"):
            db.session.add(_answer(learner, "hello-meaning", answer == "hello", answer))
        db.session.commit()
        hardest = hardest_exercises(db.session, world.groups["a"])
    assert [(h.exercise_id, h.wrong, h.attempts) for h in hardest] == [
        ("hello-polite", 3, 4),
        ("hello-meaning", 1, 3),
    ]
    assert hardest[0].common_wrong == (("khrap", 3),)
    page = login_as("trainer_a").get(f"/trainer/groups/{world.groups['a']}/dashboard").text
    assert "75% wrong of 4 answers" in page
    # The wrong answer is shown as the option the learner picked, in Thai.
    assert "สวัสดีครับ" in page


def test_dashboard_charts_are_inline_svg(world, login_as):
    _ = world
    page = login_as("trainer_a").get(f"/trainer/groups/{world.groups['a']}/dashboard").text
    assert page.count('<svg class="chart"') == 2
    # No script draws them; the one script is offline.js, which every page loads.
    assert re.findall(r"<script[^>]*>", page) == [
        re.search(r'<script src="/static/js/offline\.js\?v=\w+" defer>', page).group(0)
    ]


def test_bar_chart_escapes_labels():
    svg = bar_chart([("<b>Aung</b>", 3, "3 min"), ("ສົມ", 0, "0 min")], "Time & effort")
    assert "<b>" not in svg and "&lt;b&gt;Aung&lt;/b&gt;" in svg
    assert "Time &amp; effort" in svg
    assert svg.count('class="chart-bar"') == 2


def test_grid_query_count_does_not_grow_with_learners(app, world, login_as, count_queries):
    """The whole dashboard page, not only the grid, for 3 and then 30 learners."""
    group = world.groups["a"]
    client = login_as("trainer_a")
    _add_learners(app, group, 2)
    client.get(f"/trainer/groups/{group}/dashboard")  # warm: catalogue loaded, session user
    with count_queries() as few:
        assert client.get(f"/trainer/groups/{group}/dashboard").status_code == 200
    _add_learners(app, group, 27, start=100)
    with count_queries() as many:
        page = client.get(f"/trainer/groups/{group}/dashboard").text
    assert page.count('<th scope="row">') == 30
    assert many.count == few.count
    with app.app_context():
        courses = {c.id: c for c in catalog().courses()}
    with count_queries() as grid_only, app.app_context():
        group_grid(db.session, group, courses)
    assert grid_only.count <= 2


def test_grid_of_500_learners_needs_at_most_2_queries(app, world, count_queries):
    """The issue's bound is 5 queries for 500 learners; the grid needs two."""
    _add_learners(app, world.groups["a"], 499, start=1000)
    with app.app_context():
        courses = {c.id: c for c in catalog().courses()}
    with count_queries() as counted, app.app_context():
        grid = group_grid(db.session, world.groups["a"], courses)
    assert len(grid.rows) == 500
    assert sum(row.cells[0].state == "done" for row in grid.rows) == 499  # all but learner_a
    assert sum(row.time_spent for row in grid.rows) == 499 * 300
    assert counted.count <= 2


@given(
    st.lists(
        st.tuples(st.text(max_size=20), st.floats(allow_nan=True), st.text(max_size=8)),
        max_size=12,
    ),
    st.floats(allow_nan=False, allow_infinity=False, min_value=0, max_value=1e9),
)
def test_bar_chart_never_crashes_and_bars_stay_inside(bars, maximum):
    svg = bar_chart(bars, "t", maximum=maximum)
    widths = re.findall(r'width="([^"]+)" height="14" rx="3" class="chart-bar"', svg)
    assert len(widths) == len(bars)
    assert all(0 <= float(width) <= 260 for width in widths)


@pytest.mark.parametrize("path", ["/trainer/groups/{group}", "/"])
def test_group_page_and_home_query_counts_are_constant(app, world, login_as, count_queries, path):
    group = world.groups["a"]
    client = login_as("trainer_a")
    client.submit(
        f"/trainer/groups/{group}/assignments",
        {"work": "mini/hello"},
        page=f"/trainer/groups/{group}",
    )
    url = path.format(group=group)
    client.get(url)
    with count_queries() as few:
        client.get(url)
    _add_learners(app, group, 20)
    with count_queries() as many:
        client.get(url)
    assert many.count == few.count
