"""What the home page shows from groups and organisations: work assigned, links for staff.

`home_panel` is called by the home view, which asks for the user's roles (`ROLES`) and the
lessons they finished in its own statement; the panel then needs one query for the work
assigned (two more for an invitation), whatever the number of groups and assignments.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import bindparam, exists, select
from sqlalchemy.orm import Session

from learn.models import (
    Assignment,
    Group,
    GroupMember,
    GroupRole,
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


# The work given to the learner's groups, with each group's name: built once, read as rows.
_ASSIGNED = (
    select(Assignment.course_id, Assignment.lesson_id, Assignment.due_on, Group.name)
    .join(Group, Group.id == Assignment.group_id)
    .join(GroupMember, GroupMember.group_id == Group.id)
    .where(GroupMember.user_id == bindparam("user_id"), GroupMember.role == GroupRole.LEARNER)
)


def assigned_to(
    session: Session,
    user_id: int,
    courses: dict[str, Course],
    today: date,
    done_lessons: Collection[tuple[str, str]],
) -> list[AssignedItem]:
    """Work given to the learner's groups, soonest due first; done work last. `done_lessons`
    are the (course, lesson) pairs the learner finished."""
    rows = session.connection().execute(_ASSIGNED, {"user_id": user_id})
    items: dict[tuple[str, str | None], AssignedItem] = {}
    for course_id, lesson_id, due_on, group_name in rows:
        course = courses.get(course_id)
        if course is None:
            continue  # a course taken off the server: nothing to open
        lesson = None
        if lesson_id is not None:
            if not course.has("lesson", lesson_id):
                continue
            lesson = course.lesson(lesson_id)
            done = (course.id, lesson.id) in done_lessons
        else:
            done = all((course.id, each.id) in done_lessons for each in course.lessons)
        item = AssignedItem(
            course, lesson, group_name, due_on, done, is_overdue(due_on, done, today)
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


# What the panel's links depend on, as columns for the statement the home view asks about the
# user (parameter `user_id`): whether they are in an organisation at all, train or run one,
# run one, and train a group.
ROLES = (
    exists().where(Membership.user_id == bindparam("user_id")),
    exists().where(
        Membership.user_id == bindparam("user_id"),
        Membership.role.in_([OrgRole.TRAINER, OrgRole.ORG_ADMIN]),
    ),
    exists().where(
        Membership.user_id == bindparam("user_id"), Membership.role == OrgRole.ORG_ADMIN
    ),
    exists().where(
        GroupMember.user_id == bindparam("user_id"), GroupMember.role == GroupRole.TRAINER
    ),
)


def home_panel(
    session: Session,
    user: User,
    courses: dict[str, Course],
    today: date,
    roles: Sequence[bool],
    done_lessons: Collection[tuple[str, str]],
    pending_code: str | None = None,
) -> HomePanel:
    """The panel for `user`, given the `ROLES` columns and the (course, lesson) pairs they
    finished."""
    in_orgs, org_trainer, org_admin, group_trainer = roles
    invited = group_by_code(session, pending_code) if pending_code else None
    if invited is not None and session.get(GroupMember, (invited.id, user.id)) is not None:
        invited = None
    admin = is_platform_admin(user)
    return HomePanel(
        assigned=tuple(assigned_to(session, user.id, courses, today, done_lessons)),
        trains=admin or group_trainer or org_trainer,
        administers=admin or org_admin,
        platform_admin=admin,
        invited_to=invited,
        in_organisations=in_orgs,
    )


def panel_for_current_user(
    roles: Sequence[bool], done_lessons: Collection[tuple[str, str]]
) -> HomePanel | None:
    """The panel for the logged-in user of this request (None for a visitor)."""
    from flask import session
    from flask_login import current_user

    from learn.catalog import catalog
    from learn.extensions import db

    if not current_user.is_authenticated:
        return None
    courses = {course.id: course for course in catalog().courses()}
    today = datetime.now(UTC).date()
    return home_panel(
        db.session, current_user, courses, today, roles, done_lessons, session.get("join_code")
    )
