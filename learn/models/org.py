"""Organisations and what they run: members with a role, groups with a join code, assignments.

An organisation (an employer, an NGO, a language centre) has members; each membership has its
own role there (`org_admin`, `trainer`, `learner`), separate from the platform role on `User`.
A group belongs to one organisation; its trainers and learners are `GroupMember` rows. An
assignment gives a group a lesson, or a whole course when `lesson_id` is empty, with an optional
due date. A person may belong to several organisations and groups. A certificate records a
course completed, with a code anyone can verify.
"""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    String,
    UniqueConstraint,
    false,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from learn.extensions import db
from learn.models.records import ID
from learn.models.user import User


class OrgRole(enum.StrEnum):
    ORG_ADMIN = "org_admin"
    TRAINER = "trainer"
    LEARNER = "learner"


class GroupRole(enum.StrEnum):
    TRAINER = "trainer"
    LEARNER = "learner"


def _enum(kind: type[enum.Enum]) -> Enum:
    return Enum(kind, native_enum=False, length=16, values_callable=lambda e: [m.value for m in e])


class Organisation(db.Model):
    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class Membership(db.Model):
    """A person's place in an organisation: one role per person and organisation."""

    __tablename__ = "memberships"
    __table_args__ = (UniqueConstraint("org_id", "user_id"), Index(None, "user_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    role: Mapped[OrgRole] = mapped_column(_enum(OrgRole), default=OrgRole.LEARNER)
    # The learner agreed that the organisation may see each of their answers (off by default:
    # it sees completion, scores and time spent only). The learner can take it back.
    shares_answers: Mapped[bool] = mapped_column(default=False, server_default=false())
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    user: Mapped[User] = relationship(lazy="raise")
    org: Mapped[Organisation] = relationship(lazy="raise")


class Group(db.Model):
    """A class or cohort in one organisation; learners join it with `join_code`."""

    __tablename__ = "groups"

    id: Mapped[int] = mapped_column(primary_key=True)
    org_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(100))
    join_code: Mapped[str] = mapped_column(String(8), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    org: Mapped[Organisation] = relationship(lazy="raise")


class GroupMember(db.Model):
    """A trainer or a learner of a group."""

    __tablename__ = "group_members"
    __table_args__ = (Index(None, "user_id"),)

    group_id: Mapped[int] = mapped_column(
        ForeignKey("groups.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[GroupRole] = mapped_column(_enum(GroupRole), default=GroupRole.LEARNER)
    joined_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    user: Mapped[User] = relationship(lazy="raise")


class Assignment(db.Model):
    """A lesson (or, with no `lesson_id`, a whole course) given to a group to do."""

    __tablename__ = "assignments"

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), index=True)
    course_id: Mapped[str] = mapped_column(ID)
    lesson_id: Mapped[str | None] = mapped_column(ID)
    due_on: Mapped[date | None] = mapped_column(Date)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class Certificate(db.Model):
    """A course completed, certified by an organisation; anyone can check `code` at /verify.

    The name, course title and organisation name are copied in when it is issued: a
    certificate says what was true that day, even if the account or course changes later.
    """

    __tablename__ = "certificates"
    __table_args__ = (UniqueConstraint("user_id", "org_id", "course_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    org_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"))
    course_id: Mapped[str] = mapped_column(ID)
    name: Mapped[str] = mapped_column(String(100))
    language: Mapped[str] = mapped_column(String(2))
    course_title: Mapped[dict] = mapped_column(JSON)  # {lang: title}
    org_name: Mapped[str] = mapped_column(String(120))
    completed_on: Mapped[date] = mapped_column(Date)
    issued_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
