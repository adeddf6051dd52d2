"""The database of people and what they did (never the course text: that lives in files)."""

from learn.models.org import (
    Assignment,
    Certificate,
    Group,
    GroupMember,
    GroupRole,
    Membership,
    Organisation,
    OrgRole,
)
from learn.models.records import AttemptLog, LessonSummary, StepLog
from learn.models.review import ReviewCard, ReviewLog
from learn.models.user import LANGUAGE_CODES, Role, User, load_user
from learn.models.watch import WatchProgress

__all__ = [
    "LANGUAGE_CODES",
    "Assignment",
    "AttemptLog",
    "Certificate",
    "Group",
    "GroupMember",
    "GroupRole",
    "LessonSummary",
    "Membership",
    "OrgRole",
    "Organisation",
    "ReviewCard",
    "ReviewLog",
    "Role",
    "StepLog",
    "User",
    "WatchProgress",
    "load_user",
]
