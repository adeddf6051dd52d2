"""The database of people and what they did (never the course text: that lives in files)."""

from learn.models.records import AttemptLog, LessonSummary, StepLog
from learn.models.user import LANGUAGE_CODES, Role, User, load_user

__all__ = [
    "LANGUAGE_CODES",
    "AttemptLog",
    "LessonSummary",
    "Role",
    "StepLog",
    "User",
    "load_user",
]
