"""What the home page shows from groups and organisations: work assigned, links for staff.

`home_panel` is called by the home view; it needs a constant number of queries whatever the
number of groups and assignments.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from learn.models import (
    Assignment,
    Group,
    GroupMember,
    GroupRole,
    LessonSummary,
    Membership,
    OrgRole,
    User,
)
from learn.org.access import is_platform_admin
from learn.trainer.groups import group_by_code, is_overdue
from lessons import Course, Lesson


@dataclass(frozen=True, slots=True)
class AssignedItem:
    """One piece of work assigned to the learner: a lesson, or a whole course."""

    course: Course
    lesson: Lesson | None
    group_name: str
    due_on: date | None
    done: bool
    overdue: bool


@dataclass(frozen=True, slots=True)
class HomePanel:
    assigned: tuple[AssignedItem, ...]
    trains: bool
    administers: bool
    platform_admin: bool
    invited_to: Group | None
    in_organisations: bool  # links to the learner's own page of who sees their progress


def assigned_to(
    session: Session, user_id: int, courses: dict[str, Course], today: date
) -> list[AssignedItem]:
    """Work given to the learner's groups, soonest due first; done work last."""
    rows = session.execute(
        select(Assignment, Group.name)
        .join(Group, Group.id == Assignment.group_id)
        .join(GroupMember, GroupMember.group_id == Group.id)
        .where(GroupMember.user_id == user_id, GroupMember.role == GroupRole.LEARNER)
    ).all()
    if not rows:
        return []
    done_lessons = set(
        session.execute(
            select(LessonSummary.course_id, LessonSummary.lesson_id).where(
                LessonSummary.user_id == user_id, LessonSummary.progress >= 1.0
            )
        ).all()
    )
    items: dict[tuple[str, str | None], AssignedItem] = {}
    for assignment, group_name in rows:
        course = courses.get(assignment.course_id)
        if course is None:
            continue  # a course taken off the server: nothing to open
        lesson = None
        if assignment.lesson_id is not None:
            if not course.has("lesson", assignment.lesson_id):
                continue
            lesson = course.lesson(assignment.lesson_id)
            done = (course.id, lesson.id) in done_lessons
        else:
            done = all((course.id, each.id) in done_lessons for each in course.lessons)
        item = AssignedItem(
            course,
            lesson,
            group_name,
            assignment.due_on,
            done,
            is_overdue(assignment.due_on, done, today),
        )
        key = (course.id, lesson.id if lesson else None)
        # The same work from two groups: show it once, with the earliest due date.
        if key not in items or _sooner(item.due_on, items[key].due_on):
            items[key] = item
    return sorted(
        items.values(), key=lambda i: (i.done, i.due_on is None, i.due_on or today, i.course.id)
    )


def _sooner(a: date | None, b: date | None) -> bool:
    return a is not None and (b is None or a < b)


def home_panel(
    session: Session,
    user: User,
    courses: dict[str, Course],
    today: date,
    pending_code: str | None = None,
) -> HomePanel:
    roles = set(session.scalars(select(Membership.role).where(Membership.user_id == user.id)))
    trains = session.scalar(
        select(GroupMember.group_id).where(
            GroupMember.user_id == user.id, GroupMember.role == GroupRole.TRAINER
        )
    )
    invited = group_by_code(session, pending_code) if pending_code else None
    if invited is not None and session.get(GroupMember, (invited.id, user.id)) is not None:
        invited = None
    admin = is_platform_admin(user)
    return HomePanel(
        assigned=tuple(assigned_to(session, user.id, courses, today)),
        trains=admin or trains is not None or bool(roles & {OrgRole.TRAINER, OrgRole.ORG_ADMIN}),
        administers=admin or OrgRole.ORG_ADMIN in roles,
        platform_admin=admin,
        invited_to=invited,
        in_organisations=bool(roles),
    )


def panel_for_current_user() -> HomePanel | None:
    """The panel for the logged-in user of this request (None for a visitor)."""
    from flask import session
    from flask_login import current_user

    from learn.catalog import catalog
    from learn.extensions import db

    if not current_user.is_authenticated:
        return None
    courses = {course.id: course for course in catalog().courses()}
    today = datetime.now(UTC).date()
    return home_panel(db.session, current_user, courses, today, session.get("join_code"))
