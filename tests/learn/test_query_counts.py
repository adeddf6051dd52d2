"""No page asks the database once per record: the same SQL count for 1 answer and for 100.

A learner's pages must cost the same number of queries on day one and after months of use
(an N+1 query hides in the first and hurts in the second). Runs on PostgreSQL too when
TEST_DATABASE_URL names one.
"""

from __future__ import annotations

import difflib
import re
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import insert

from learn.extensions import db
from learn.models import AttemptLog, LessonSummary, ReviewCard, StepLog, User

# (lesson, step, exercise) of the test pack "mini", in the order a learner meets them.
ANSWERED = [
    ("hello", "hello-video", "hello-check"),
    ("hello", "hello-practice", "hello-meaning"),
    ("hello", "hello-practice", "hello-polite"),
    ("thanks", "thanks-practice", "thanks-meaning"),
]
STEPS = [("hello", "hello-video"), ("hello", "hello-dialogue"), ("thanks", "thanks-reading")]
WORDS = ["sawatdii", "khrap", "khop-khun"]
PRACTICE = "/courses/mini/lessons/hello/steps/hello-practice"

PAGES = {
    "home": "/",
    "course map": "/courses/mini",
    "course list": "/courses",
    "lesson step": f"{PRACTICE}?again=1",
    "review": "/review",
}


def _learner(app, login: str, answers: int) -> int:
    """A learner with `answers` answers, some finished steps, summaries and due review cards,
    written straight into the database."""
    past = datetime.now(UTC) - timedelta(days=1)
    with app.app_context():
        user = User(username=login, password_hash="-", language="en")
        db.session.add(user)
        db.session.flush()
        db.session.execute(
            insert(AttemptLog),
            [
                dict(
                    uuid=uuid.uuid4(),
                    user_id=user.id,
                    course_id="mini",
                    lesson_id=lesson,
                    step_id=step,
                    exercise_id=exercise,
                    correct=i % 3 != 0,
                    score=0.0 if i % 3 == 0 else 1.0,
                    answer="a",
                    feedback=[],
                    hinted=False,
                )
                for i in range(answers)
                for lesson, step, exercise in [ANSWERED[i % len(ANSWERED)]]
            ],
        )
        finished = STEPS[: min(len(STEPS), answers)]
        db.session.execute(
            insert(StepLog),
            [
                dict(
                    uuid=uuid.uuid4(),
                    user_id=user.id,
                    course_id="mini",
                    lesson_id=lesson,
                    step_id=step,
                )
                for lesson, step in finished
            ],
        )
        for lesson in sorted({lesson for lesson, _ in finished}):
            db.session.add(
                LessonSummary(
                    user_id=user.id,
                    course_id="mini",
                    lesson_id=lesson,
                    progress=0.5,
                    time_spent=60,
                )
            )
        for word in WORDS[: 2 if answers == 1 else 3]:
            db.session.add(
                ReviewCard(user_id=user.id, course_id="mini", item_id=word, due=past, state={})
            )
        db.session.commit()
        return user.id


def _log_in(client, user_id: int) -> None:
    with client.session_transaction() as session:
        session.clear()
        session["_user_id"] = str(user_id)
        session["_fresh"] = True


def _queries_for(app, client, count_queries, user_id: int, path: str) -> list[str]:
    _log_in(client, user_id)
    warm = client.get(path)  # the first request of a process loads the catalogue and caches
    assert warm.status_code == 200, (path, warm.status_code)
    with count_queries() as counted:
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return counted.statements


@pytest.mark.parametrize("page", PAGES)
def test_a_page_costs_the_same_queries_for_1_answer_and_100(app, client, count_queries, page):
    few = _learner(app, "few", answers=1)
    many = _learner(app, "many", answers=100)
    path = PAGES[page]
    with_few = _queries_for(app, client, count_queries, few, path)
    with_many = _queries_for(app, client, count_queries, many, path)
    assert len(with_many) == len(with_few), "\n".join(with_many)
    # And few in absolute terms: a page is a handful of indexed reads, not dozens.
    assert len(with_few) <= 12, "\n".join(with_few)


def _answer_queries(app, client, count_queries, user_id: int) -> list[str]:
    _log_in(client, user_id)
    html = client.get(f"{PRACTICE}?again=1").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
    with count_queries() as counted:
        response = client.post(
            f"{PRACTICE}/answer",
            data={
                "csrf_token": token,
                "uuid": str(uuid.uuid4()),
                "exercise": "hello-meaning",
                "choice": "hello",
            },
        )
    assert response.status_code == 200, response.status_code
    return counted.statements


def test_an_answer_costs_no_more_queries_after_100_answers(app, client, count_queries):
    few = _learner(app, "few", answers=1)
    many = _learner(app, "many", answers=100)
    with_many = _answer_queries(app, client, count_queries, many)
    with_few = _answer_queries(app, client, count_queries, few)
    # Fewer when the step is done already: its mastery rule needs no more checking.
    assert len(with_many) <= len(with_few), "\n".join(
        difflib.unified_diff(with_few, with_many, "1 answer", "100 answers", lineterm="")
    )


def test_the_counter_sees_every_statement(app, client, count_queries):
    """The fixture itself: a page that reads the database is seen to do so."""
    user = _learner(app, "one", answers=1)
    assert len(_queries_for(app, client, count_queries, user, "/review")) >= 2


def _answer_reads(statements: list[str]) -> list[str]:
    """The statements that read answers one by one (the engine's input), and which ones."""
    return [
        s
        for s in statements
        if s.lstrip().upper().startswith("SELECT")
        and "FROM attempt_logs" in s
        and "ORDER BY attempt_logs.id" in s
    ]


def test_pages_never_read_the_whole_answer_history(app, client, count_queries):
    """Where a learner stands comes from one summary per lesson, and the player asks the
    database to count the answers of the step on the screen: no page reads answers one by
    one, however often a step was practised."""
    many = _learner(app, "many", answers=100)
    for page, path in PAGES.items():
        statements = _queries_for(app, client, count_queries, many, path)
        reads = _answer_reads(statements)
        assert reads == [], f"{page}:\n" + "\n".join(reads)
        if page == "lesson step":
            counted = [s for s in statements if "FROM attempt_logs" in s]
            assert len(counted) == 1 and "GROUP BY attempt_logs.exercise_id" in counted[0]
            assert "attempt_logs.step_id = " in counted[0]


def test_summaries_written_before_steps_were_kept_are_filled_once(app, client, count_queries):
    """Rows from before migration 0006 have no steps done: the first page that reads them
    works them out from the lesson's records and saves them; later pages just read."""
    many = _learner(app, "many", answers=100)  # summaries of "hello" and "thanks", unfilled
    _log_in(client, many)
    with count_queries() as first:
        assert client.get("/courses/mini").status_code == 200
    with count_queries() as second:
        assert client.get("/courses/mini").status_code == 200
    assert len(_answer_reads(first.statements)) == 2  # one per lesson
    assert len(_answer_reads(second.statements)) == 0
    with app.app_context():
        summary = db.session.get(LessonSummary, (many, "mini", "hello"))
        # hello-video and hello-dialogue were recorded; the practice's rule is met by the
        # answers (2 of every 3 right).
        assert set(summary.steps_done) >= {"hello-video", "hello-dialogue"}
        assert summary.best_scores == {
            "hello-check": 1.0,
            "hello-meaning": 1.0,
            "hello-polite": 1.0,
        }


def test_an_answer_reads_the_steps_answers_twice_at_most(app, client, count_queries):
    """Once to see whether the step's mastery rule is met, once for the tries left on the
    feedback page: never the whole history."""
    many = _learner(app, "many", answers=100)
    _log_in(client, many)
    html = client.get(f"{PRACTICE}?again=1").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
    with count_queries() as counted:
        response = client.post(
            f"{PRACTICE}/answer",
            data={"csrf_token": token, "uuid": str(uuid.uuid4()), "exercise": "hello-meaning",
                  "choice": "hello"},
        )  # fmt: skip
    assert response.status_code == 200
    assert "Correct!" in response.get_data(as_text=True)
    reads = _answer_reads(counted.statements)
    assert len(reads) <= 2, "\n".join(counted.statements)
    assert all("attempt_logs.step_id = " in s for s in reads), "\n".join(reads)


def test_an_answer_writes_the_lesson_summary_once(app, client, count_queries):
    """Even when time has passed since the last answer (the usual case)."""
    user = _learner(app, "few", answers=1)
    with app.app_context():
        summary = db.session.get(LessonSummary, (user, "mini", "hello"))
        summary.updated_at = datetime.now(UTC) - timedelta(minutes=2)
        db.session.commit()
    statements = _answer_queries(app, client, count_queries, user)
    writes = [s for s in statements if s.lstrip().upper().startswith("UPDATE LESSON_SUMMARIES")]
    assert len(writes) == 1, "\n".join(statements)
