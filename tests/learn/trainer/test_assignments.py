"""Assignments: a trainer gives a group a lesson or a course; learners see it on their home."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from learn.extensions import db
from learn.models import Assignment, LessonSummary
from learn.trainer.groups import is_overdue

TODAY = datetime.now(UTC).date()


def _assign(client, group_id: int, work: str, due: str = ""):
    return client.submit(
        f"/trainer/groups/{group_id}/assignments",
        {"work": work, "due": due},
        page=f"/trainer/groups/{group_id}",
    )


@pytest.mark.parametrize(
    "due, done, overdue",
    [
        (None, False, False),
        (TODAY, False, False),  # due today is not late yet
        (TODAY - timedelta(days=1), False, True),
        (TODAY - timedelta(days=1), True, False),  # done work is never overdue
        (TODAY + timedelta(days=1), False, False),
    ],
)
def test_overdue_rule(due, done, overdue):
    assert is_overdue(due, done, TODAY) is overdue


def test_assigned_lesson_with_due_date_shows_on_the_learners_home(app, world, login_as):
    group = world.groups["a"]
    tomorrow = (TODAY + timedelta(days=1)).isoformat()
    client = login_as("trainer_a")
    response = _assign(client, group, "mini/hello", tomorrow)
    assert "Assigned." in client.get(response.headers["Location"]).text
    page = client.get(f"/trainer/groups/{group}").text
    assert f"Due {tomorrow}" in page
    home = login_as("learner_a").get("/").text
    assert "Assigned to you" in home
    assert "/courses/mini/lessons/hello" in home
    assert f"Due {tomorrow}" in home
    assert "Overdue" not in home
    # Someone in another organisation's group sees nothing of it.
    assert "Assigned to you" not in login_as("learner_b").get("/").text


def test_overdue_is_marked_for_learner_and_trainer(app, world, login_as):
    group = world.groups["a"]
    yesterday = (TODAY - timedelta(days=1)).isoformat()
    client = login_as("trainer_a")
    _assign(client, group, "mini", yesterday)
    assert "Overdue" in client.get(f"/trainer/groups/{group}").text
    home = login_as("learner_a").get("/").text
    assert "Overdue" in home
    assert "/courses/mini" in home


def test_done_lesson_is_marked_done_not_overdue(app, world, login_as):
    group = world.groups["a"]
    client = login_as("trainer_a")
    _assign(client, group, "mini/hello", (TODAY - timedelta(days=3)).isoformat())
    with app.app_context():
        db.session.add(
            LessonSummary(
                user_id=world.users["learner_a"],
                course_id="mini",
                lesson_id="hello",
                progress=1.0,
                best_score=1.0,
                time_spent=60,
            )
        )
        db.session.commit()
    home = login_as("learner_a").get("/").text
    assert "✓ Done" in home
    assert "Overdue" not in home


def test_learners_home_asks_three_statements(app, world, make, login_as, count_queries):
    """The account; the reviews due, the roles and every lesson touched in one statement; the
    work assigned: whatever the number of lessons, groups and assignments."""
    second = make.group(world.orgs["a"], "Group A2", ["trainer_a"], ["learner_a"])
    client = login_as("trainer_a")
    _assign(client, world.groups["a"], "mini/hello", (TODAY - timedelta(days=3)).isoformat())
    _assign(client, second, "mini")
    with app.app_context():
        for lesson_id, progress, days_ago in (("hello", 1.0, 2), ("thanks", 0.5, 1)):
            db.session.add(
                LessonSummary(
                    user_id=world.users["learner_a"],
                    course_id="mini",
                    lesson_id=lesson_id,
                    progress=progress,
                    best_score=progress,
                    time_spent=60,
                    updated_at=datetime.now(UTC) - timedelta(days=days_ago),
                )
            )
        db.session.commit()
    client = login_as("learner_a")
    client.get("/")
    with count_queries() as counted:
        home = client.get("/").text
    assert counted.count == 3
    assert "✓ Done" in home and "Continue: Thank you" in home
    assert 'href="/courses/mini"' in home  # the whole course, not done yet


@pytest.mark.parametrize(
    "work, due, message",
    [
        ("nope", "", "Choose a lesson from the list."),
        ("mini/nope", "", "Choose a lesson from the list."),
        ("mini/hello", "31/12/2026", "The due date is not a date."),
    ],
)
def test_bad_assignments_are_refused(app, world, login_as, work, due, message):
    client = login_as("trainer_a")
    response = _assign(client, world.groups["a"], work, due)
    assert message in client.get(response.headers["Location"]).text
    with app.app_context():
        assert db.session.query(Assignment).count() == 0


def test_assignment_can_be_taken_back(app, world, login_as):
    group = world.groups["a"]
    client = login_as("trainer_a")
    _assign(client, group, "mini/hello")
    with app.app_context():
        assignment_id = db.session.query(Assignment).one().id
    client.submit(
        f"/trainer/groups/{group}/assignments/{assignment_id}/delete",
        {},
        page=f"/trainer/groups/{group}",
    )
    assert "Assigned to you" not in login_as("learner_a").get("/").text


def test_same_work_from_two_groups_shows_once_with_the_sooner_date(app, world, make, login_as):
    second = make.group(world.orgs["a"], "Group A2", ["trainer_a"], ["learner_a"])
    client = login_as("trainer_a")
    soon, later = TODAY + timedelta(days=2), TODAY + timedelta(days=9)
    _assign(client, world.groups["a"], "mini/hello", later.isoformat())
    _assign(client, second, "mini/hello", soon.isoformat())
    home = login_as("learner_a").get("/").text
    assert home.count('/courses/mini/lessons/hello"') == 1
    assert f"Due {soon.isoformat()}" in home
    assert isinstance(soon, date)
