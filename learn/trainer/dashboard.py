"""The trainer's view of a group: a learners x lessons grid, who is stuck, the hardest exercises.

Every function here runs a fixed number of SQL statements whatever the size of the group (the
learners are always selected through a subquery on the group, never one by one): the grid
needs two, `stuck_on_exercises` one, `hardest_exercises` two. The grid and who is stuck read
the lesson summaries (one row per learner and lesson, kept up to date on every record), so
they cost the same after a year of answers as on the first day; the hardest exercises count
every answer the group gave, so the page keeps them for a few minutes (dashboard_views).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import groupby
from operator import itemgetter

from sqlalchemy import bindparam, case, func, select
from sqlalchemy.orm import Session

from learn.models import Assignment, AttemptLog, GroupMember, GroupRole, LessonSummary, User
from lessons import Course, Lesson

STUCK_AFTER_FAILURES = 3
HARDEST_MIN_ATTEMPTS = 3


# The group's learners, as a subquery of every statement here (one statement for 3 learners
# or 3000); the group is the parameter `group_id`.
LEARNERS = select(GroupMember.user_id).where(
    GroupMember.group_id == bindparam("group_id"), GroupMember.role == GroupRole.LEARNER
)
# The statements the page runs on every visit, built once (building one costs about as much
# as running it) and run on the connection, in plain rows, not ORM objects (a group of 500
# has thousands of summaries). The connection does not flush the session first: the page
# has nothing pending, and callers that add rows flush or commit them before asking.
ASSIGNED = (
    select(Assignment.course_id, Assignment.lesson_id, Assignment.due_on)
    .where(Assignment.group_id == bindparam("group_id"))
    .order_by(Assignment.id)
)
# The learners and their summaries of the grid's courses, a learner with none on one row of
# NULLs.
GRID = (
    select(
        User.id,
        User.display_name,
        User.username,
        LessonSummary.course_id,
        LessonSummary.lesson_id,
        LessonSummary.progress,
        LessonSummary.best_score,
        LessonSummary.time_spent,
        LessonSummary.updated_at,
    )
    .outerjoin(
        LessonSummary,
        (LessonSummary.user_id == User.id)
        & LessonSummary.course_id.in_(bindparam("course_ids", expanding=True)),
    )
    .where(User.id.in_(LEARNERS))
    .order_by(User.display_name, User.id)
)
STREAKS = select(
    LessonSummary.user_id,
    LessonSummary.course_id,
    LessonSummary.lesson_id,
    LessonSummary.wrong_streaks,
).where(LessonSummary.user_id.in_(LEARNERS), LessonSummary.updated_at >= bindparam("since"))


def _aware(moment: datetime | None) -> datetime | None:
    # SQLite hands back naive datetimes even for timezone-aware columns; they were UTC.
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment


@dataclass(frozen=True, slots=True)
class Learner:
    """A learner as the dashboard shows them: read as two columns, not as a whole account."""

    id: int
    name: str


@dataclass(frozen=True, slots=True)
class Column:
    course: Course
    lesson: Lesson
    due_on: object  # date | None


@dataclass(frozen=True, slots=True)
class Cell:
    state: str  # not_started, in_progress or done
    progress: float
    score: float | None


EMPTY = Cell("not_started", 0.0, None)


@dataclass(frozen=True, slots=True)
class Row:
    user: Learner
    cells: tuple[Cell, ...]
    last_activity: datetime | None
    time_spent: int  # seconds, in the grid's courses

    @property
    def done(self) -> int:
        return sum(cell.state == "done" for cell in self.cells)


@dataclass(frozen=True, slots=True)
class Grid:
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]

    def done_share(self, index: int) -> float:
        """Share of learners who finished the column's lesson, 0..1."""
        if not self.rows:
            return 0.0
        return sum(row.cells[index].state == "done" for row in self.rows) / len(self.rows)


def columns(session: Session, group_id: int, courses: dict[str, Course]) -> list[Column]:
    """The lessons assigned to the group in course order (every lesson if none is assigned)."""
    due: dict[tuple[str, str], object] = {}
    assigned = session.connection().execute(ASSIGNED, {"group_id": group_id})
    for course_id, assigned_lesson, due_on in assigned:
        course = courses.get(course_id)
        if course is None:
            continue
        if assigned_lesson is None:
            lesson_ids = [lesson.id for lesson in course.lessons]
        elif course.has("lesson", assigned_lesson):
            lesson_ids = [assigned_lesson]
        else:
            continue
        for lesson_id in lesson_ids:
            known = due.get((course.id, lesson_id))
            if (course.id, lesson_id) not in due or (
                due_on is not None and (known is None or due_on < known)
            ):
                due[(course.id, lesson_id)] = due_on
    picked = due.keys() or {(c.id, lesson.id) for c in courses.values() for lesson in c.lessons}
    return [
        Column(course, lesson, due.get((course.id, lesson.id)))
        for course in courses.values()
        for lesson in course.lessons
        if (course.id, lesson.id) in picked
    ]


def group_grid(session: Session, group_id: int, courses: dict[str, Course]) -> Grid:
    """Every learner of the group against every assigned lesson: state, best score, last time."""
    cols = columns(session, group_id, courses)
    at = {(col.course.id, col.lesson.id): index for index, col in enumerate(cols)}
    found = (
        session.connection()
        .execute(GRID, {"group_id": group_id, "course_ids": sorted({c.course.id for c in cols})})
        .all()  # at once: row by row from the cursor costs 0.2 ms more for 50 learners
    )
    width, rows = len(cols), []
    for (user_id, display_name, username), summaries in groupby(found, key=itemgetter(0, 1, 2)):
        cells, last, spent = [EMPTY] * width, None, 0
        for *_, course_id, lesson_id, progress, score, seconds, updated in summaries:
            if course_id is None:  # no summary: the learner's one row
                continue
            # All naive (SQLite) or all aware: compared as they come, made aware once below.
            if updated is not None and (last is None or updated > last):
                last = updated
            spent += seconds or 0
            index = at.get((course_id, lesson_id))
            if index is not None:
                cells[index] = _cell(progress, score)
        rows.append(
            Row(Learner(user_id, display_name or username), tuple(cells), _aware(last), spent)
        )
    return Grid(tuple(cols), tuple(rows))


def _cell(progress: float | None, score: float | None) -> Cell:
    progress, score = progress or 0.0, score or 0.0
    if progress >= 1.0:
        state = "done"
    elif progress > 0 or score > 0:
        state = "in_progress"
    else:
        state = "not_started"
    return Cell(state, progress, score)


@dataclass(frozen=True, slots=True)
class Inactive:
    user: Learner
    last_activity: datetime | None


def inactive(grid: Grid, days: int, now: datetime) -> list[Inactive]:
    """Learners with nothing done for `days` days (or ever) who have lessons left to do."""
    cutoff = now - timedelta(days=days)
    return [
        Inactive(row.user, row.last_activity)
        for row in grid.rows
        if row.done < len(grid.columns)
        and (row.last_activity is None or row.last_activity < cutoff)
    ]


@dataclass(frozen=True, slots=True)
class StuckOn:
    user: Learner
    course_id: str
    lesson_id: str
    exercise_id: str
    failures: int  # wrong answers in a row, up to the latest


def stuck_on_exercises(
    session: Session, group_id: int, users: dict[int, Learner], since: datetime
) -> list[StuckOn]:
    """Learners active in a lesson since `since` whose latest answers to one of its exercises
    were wrong STUCK_AFTER_FAILURES times or more in a row."""
    rows = session.connection().execute(STREAKS, {"group_id": group_id, "since": since}).all()
    return sorted(
        (
            StuckOn(users[user_id], course_id, lesson_id, exercise_id, count)
            for user_id, course_id, lesson_id, streaks in rows
            if user_id in users
            for exercise_id, count in (streaks or {}).items()
            if count >= STUCK_AFTER_FAILURES
        ),
        key=lambda s: (-s.failures, s.user.name, s.exercise_id),
    )


@dataclass(frozen=True, slots=True)
class Hardest:
    course_id: str
    exercise_id: str
    attempts: int
    wrong: int
    common_wrong: tuple[tuple[object, int], ...]  # (answer as given, how many times)

    @property
    def error_rate(self) -> float:
        return self.wrong / self.attempts if self.attempts else 0.0


def hardest_exercises(session: Session, group_id: int, limit: int = 8) -> list[Hardest]:
    """Exercises the group gets wrong most often, with the wrong answers given most often.

    Answers are counted over the whole group, never shown per learner.
    """

    wrong = func.sum(case((AttemptLog.correct, 0), else_=1))
    totals = session.execute(
        select(AttemptLog.course_id, AttemptLog.exercise_id, func.count(), wrong)
        .where(AttemptLog.user_id.in_(LEARNERS))
        .group_by(AttemptLog.course_id, AttemptLog.exercise_id)
        .having(func.count() >= HARDEST_MIN_ATTEMPTS),
        {"group_id": group_id},
    ).all()
    with_errors = [row for row in totals if row[3]]
    ranked = sorted(with_errors, key=lambda r: (-r[3] / r[2], -r[2], r[1]))[:limit]
    if not ranked:
        return []
    answers: dict[tuple[str, str], Counter] = defaultdict(Counter)
    keep: dict[tuple[str, str], object] = {}
    for course_id, exercise_id, answer in session.execute(
        select(AttemptLog.course_id, AttemptLog.exercise_id, AttemptLog.answer).where(
            AttemptLog.user_id.in_(LEARNERS),
            AttemptLog.exercise_id.in_({row[1] for row in ranked}),
            AttemptLog.correct.is_(False),
        ),
        {"group_id": group_id},
    ):
        key = json.dumps(answer, sort_keys=True, ensure_ascii=False)
        answers[(course_id, exercise_id)][key] += 1
        keep[key] = answer
    return [
        Hardest(
            course_id,
            exercise_id,
            int(count),
            int(wrong_count),
            tuple((keep[k], n) for k, n in answers[(course_id, exercise_id)].most_common(3)),
        )
        for course_id, exercise_id, count, wrong_count in ranked
    ]
