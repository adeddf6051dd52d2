"""The database of people and what they did (never the course text: that lives in files)."""

from learn.models.user import LANGUAGE_CODES, Role, User, load_user

__all__ = ["LANGUAGE_CODES", "Role", "User", "load_user"]
