"""The words for each account refusal, in the reader's language."""

from __future__ import annotations

from collections.abc import Callable

from flask_babel import gettext

from learn.auth.accounts import AccountError

MESSAGES: dict[str, Callable[..., str]] = {
    "login_invalid": lambda: gettext(
        "Use 3 to 32 letters, digits, dots, dashes or underscores, or a phone number."
    ),
    "login_taken": lambda: gettext(
        "This username or phone number is already used. Choose another."
    ),
    "login_failed": lambda: gettext("Wrong username or password. Please try again."),
    "too_many_tries": lambda minutes: gettext(
        "Too many wrong tries. Wait %(minutes)s minutes, then try again.", minutes=minutes
    ),
    "password_short": lambda min: gettext(
        "The password needs at least %(min)s characters.", min=min
    ),
    "password_long": lambda max: gettext(
        "The password can have at most %(max)s characters.", max=max
    ),
    "password_is_login": lambda: gettext("The password must not be your username."),
    "password_easy": lambda: gettext(
        "This password is too easy to guess. Try a few words you will remember."
    ),
    "current_password_wrong": lambda: gettext("Your current password is not right."),
}


def message_for(error: AccountError) -> str:
    """The translated sentence for a refusal, with its numbers filled in."""
    return MESSAGES[error.code](**error.data)
