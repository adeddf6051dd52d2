"""Employer reports: completion per group and per worker over a date range, and a CSV of it.

An employer sees completion, scores and time, never a worker's answers. A lesson counts as
done in the range when its summary says done and was last updated in the range (the summary
is updated on every record, so this is the day the lesson was last worked on).
Four queries whatever the number of workers.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from learn.models import (
    Assignment,
    Group,
    GroupMember,
    GroupRole,
    LessonSummary,
    Organisation,
    User,
)
from lessons import Course


@dataclass(frozen=True, slots=True)
class WorkerLine:
    user: User
    groups: tuple[str, ...]
    assigned: int  # lessons assigned through the worker's groups
    done: int  # of those, done in the range
    score: float | None  # mean best score of the lessons done
    seconds: int  # time spent in the range, all lessons
    last_activity: datetime | None

    @property
    def percent(self) -> int | None:
        return (100 * self.done) // self.assigned if self.assigned else None


@dataclass(frozen=True, slots=True)
class GroupLine:
    group: Group
    learners: int
    assigned: int  # lessons assigned to the group
    finished: int  # learners who did every lesson assigned
    percent: int | None  # mean completion of its learners


@dataclass(frozen=True, slots=True)
class Report:
    start: date
    end: date
    groups: tuple[GroupLine, ...]
    workers: tuple[WorkerLine, ...]


def _aware(moment: datetime | None) -> datetime | None:
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment


def _lessons(assignment: Assignment, courses: dict[str, Course]) -> set[tuple[str, str]]:
    course = courses.get(assignment.course_id)
    if course is None:
        return set()
    if assignment.lesson_id is None:
        return {(course.id, lesson.id) for lesson in course.lessons}
    if course.has("lesson", assignment.lesson_id):
        return {(course.id, assignment.lesson_id)}
    return set()


def org_report(
    session: Session, org: Organisation, courses: dict[str, Course], start: date, end: date
) -> Report:
    """Completion of every group and every worker of the organisation between start and end."""
    since = datetime.combine(start, time.min, UTC)
    until = datetime.combine(end + timedelta(days=1), time.min, UTC)
    groups = session.scalars(
        select(Group).where(Group.org_id == org.id).order_by(Group.name, Group.id)
    ).all()
    in_org = select(Group.id).where(Group.org_id == org.id)
    places = session.execute(
        select(GroupMember.group_id, User)
        .join(User, User.id == GroupMember.user_id)
        .where(GroupMember.group_id.in_(in_org), GroupMember.role == GroupRole.LEARNER)
    ).all()
    work: dict[int, set[tuple[str, str]]] = defaultdict(set)
    for assignment in session.scalars(select(Assignment).where(Assignment.group_id.in_(in_org))):
        work[assignment.group_id] |= _lessons(assignment, courses)
    learners = select(GroupMember.user_id).where(
        GroupMember.group_id.in_(in_org), GroupMember.role == GroupRole.LEARNER
    )
    summaries: dict[int, list[LessonSummary]] = defaultdict(list)
    for summary in session.scalars(
        select(LessonSummary).where(
            LessonSummary.user_id.in_(learners),
            LessonSummary.updated_at >= since,
            LessonSummary.updated_at < until,
        )
    ):
        summaries[summary.user_id].append(summary)

    names = {g.id: g.name for g in groups}
    users: dict[int, User] = {}
    groups_of: dict[int, list[int]] = defaultdict(list)
    for group_id, user in places:
        users[user.id] = user
        groups_of[user.id].append(group_id)

    def done_of(user_id: int) -> dict[tuple[str, str], LessonSummary]:
        return {(s.course_id, s.lesson_id): s for s in summaries[user_id] if s.progress >= 1.0}

    workers = []
    for user_id, user in sorted(users.items(), key=lambda item: item[1].name):
        assigned = set().union(*(work[g] for g in groups_of[user_id]))
        done = {key: s for key, s in done_of(user_id).items() if key in assigned}
        times = [_aware(s.updated_at) for s in summaries[user_id]]
        workers.append(
            WorkerLine(
                user,
                tuple(sorted(names[g] for g in groups_of[user_id])),
                len(assigned),
                len(done),
                sum(s.best_score for s in done.values()) / len(done) if done else None,
                sum(s.time_spent for s in summaries[user_id]),
                max(times, default=None),
            )
        )
    group_lines = []
    for group in groups:
        members = [uid for uid, gids in groups_of.items() if group.id in gids]
        shares = [
            len(work[group.id] & done_of(uid).keys()) / len(work[group.id])
            for uid in members
            if work[group.id]
        ]
        group_lines.append(
            GroupLine(
                group,
                len(members),
                len(work[group.id]),
                sum(share >= 1.0 for share in shares),
                int(100 * sum(shares) / len(shares)) if shares else None,
            )
        )
    return Report(start, end, tuple(group_lines), tuple(workers))


def _safe(cell: object) -> object:
    """A cell Excel will not run as a formula (a name starting with = or + could)."""
    if isinstance(cell, str) and cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + cell
    return cell


def _as_text(login: str) -> str:
    """A phone-number login kept as text: Excel would drop its leading 0 (0812... -> 812...)."""
    return f'="{login}"' if login.isdigit() and login.startswith("0") else str(_safe(login))


def report_csv(org_name: str, header: Sequence[str], report: Report) -> bytes:
    """The worker lines as CSV that Excel opens right in every script: UTF-8 with BOM, CRLF."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for line in report.workers:
        writer.writerow(
            [
                _safe(org_name),
                _safe(", ".join(line.groups)),
                _safe(line.user.name),
                _as_text(line.user.username),
                line.user.language,
                line.assigned,
                line.done,
                "" if line.percent is None else line.percent,
                "" if line.score is None else round(100 * line.score),
                round(line.seconds / 60),
                line.last_activity.date().isoformat() if line.last_activity else "",
            ]
        )
    return ("\ufeff" + out.getvalue()).encode("utf-8")
