"""Group services: creating groups, join codes, joining, co-trainers and assignments.

Services take the session, add and flush, and never commit: the view owns the transaction.
"""

from __future__ import annotations

import re
import secrets
import unicodedata
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from learn.forms import clean_text
from learn.models import (
    Assignment,
    Group,
    GroupMember,
    GroupRole,
    Membership,
    Organisation,
    OrgRole,
    User,
)
from lessons import Course

# No 0/O, 1/I (nor L, which some fonts draw like 1): a code read aloud or copied from a
# whiteboard can only be typed one way.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8
_CODE = re.compile(f"^[{CODE_ALPHABET}]{{{CODE_LENGTH}}}$")


class GroupError(Exception):
    """A refusal the trainer can act on; `code` picks the translated message."""

    def __init__(self, code: str, **data: object) -> None:
        super().__init__(code)
        self.code = code
        self.data = data


def new_join_code(session: Session) -> str:
    """A fresh code no other group uses (31^8: a collision is rare, but checked)."""
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if session.scalar(select(Group.id).where(Group.join_code == code)) is None:
            return code


def normalise_code(raw: str) -> str | None:
    """What a learner typed, made a code: upper case, no spaces or dashes; None if it can't be."""
    code = re.sub(r"[\s\-]", "", unicodedata.normalize("NFKC", raw)).upper()
    return code if _CODE.match(code) else None


def clean_name(raw: str, limit: int = 100) -> str:
    name = clean_text(raw) or ""  # NFC, Zawgyi to Unicode, spaces tidied
    if not name:
        raise GroupError("name_missing")
    if len(name) > limit:
        raise GroupError("name_long", max=limit)
    return name


def ensure_membership(session: Session, org_id: int, user_id: int, role: OrgRole) -> Membership:
    """The person's membership of the organisation, created with `role` if they had none.

    An existing membership keeps its role: joining a group never demotes an org admin.
    """
    membership = session.scalar(
        select(Membership).where(Membership.org_id == org_id, Membership.user_id == user_id)
    )
    if membership is None:
        membership = Membership(org_id=org_id, user_id=user_id, role=role)
        session.add(membership)
        session.flush()
    return membership


def create_group(session: Session, org: Organisation, name: str, trainer: User | None) -> Group:
    """A new group with a fresh join code; `trainer` (if any) becomes its first trainer."""
    group = Group(org_id=org.id, name=clean_name(name), join_code=new_join_code(session))
    session.add(group)
    session.flush()
    if trainer is not None:
        session.add(GroupMember(group_id=group.id, user_id=trainer.id, role=GroupRole.TRAINER))
        session.flush()
    return group


def new_code_for(session: Session, group: Group) -> str:
    """Replace the group's join code (the old one stops working at once)."""
    group.join_code = new_join_code(session)
    session.flush()
    return group.join_code


def group_by_code(session: Session, raw: str) -> Group | None:
    code = normalise_code(raw)
    if code is None:
        return None
    return session.scalar(select(Group).where(Group.join_code == code))


def join_group(session: Session, group: Group, user: User) -> bool:
    """Make the user a learner of the group and of its organisation; False if already in it."""
    ensure_membership(session, group.org_id, user.id, OrgRole.LEARNER)
    if session.get(GroupMember, (group.id, user.id)) is not None:
        return False
    session.add(GroupMember(group_id=group.id, user_id=user.id, role=GroupRole.LEARNER))
    session.flush()
    return True


def add_trainer(session: Session, group: Group, user_id: int) -> None:
    """Make a trainer or admin of the group's organisation a co-trainer of the group."""
    role = session.scalar(
        select(Membership.role).where(
            Membership.org_id == group.org_id, Membership.user_id == user_id
        )
    )
    if role not in (OrgRole.TRAINER, OrgRole.ORG_ADMIN):
        raise GroupError("not_a_trainer")
    member = session.get(GroupMember, (group.id, user_id))
    if member is None:
        session.add(GroupMember(group_id=group.id, user_id=user_id, role=GroupRole.TRAINER))
    else:
        member.role = GroupRole.TRAINER
    session.flush()


def remove_member(session: Session, group: Group, user_id: int) -> None:
    member = session.get(GroupMember, (group.id, user_id))
    if member is not None:
        session.delete(member)
        session.flush()


def members(session: Session, group: Group) -> list[tuple[User, GroupRole]]:
    """Everyone in the group with their role there, trainers first, then by name."""
    rows = session.execute(
        select(User, GroupMember.role)
        .join(GroupMember, GroupMember.user_id == User.id)
        .where(GroupMember.group_id == group.id)
    ).all()
    order = {GroupRole.TRAINER: 0, GroupRole.LEARNER: 1}
    return sorted(((u, r) for u, r in rows), key=lambda row: (order[row[1]], row[0].name))


def assign(
    session: Session,
    group: Group,
    course: Course,
    lesson_id: str | None,
    due_on: date | None,
    by: User,
) -> Assignment:
    """Give the group a lesson of the course, or the whole course when `lesson_id` is None."""
    if lesson_id is not None and not course.has("lesson", lesson_id):
        raise GroupError("lesson_unknown")
    assignment = Assignment(
        group_id=group.id, course_id=course.id, lesson_id=lesson_id, due_on=due_on, created_by=by.id
    )
    session.add(assignment)
    session.flush()
    return assignment


def assignments(session: Session, group: Group) -> list[Assignment]:
    return list(
        session.scalars(
            select(Assignment)
            .where(Assignment.group_id == group.id)
            .order_by(Assignment.due_on.is_(None), Assignment.due_on, Assignment.id)
        )
    )


def is_overdue(due_on: date | None, done: bool, today: date) -> bool:
    return due_on is not None and not done and due_on < today
