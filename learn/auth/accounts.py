"""Account services: normalising logins, registering, authenticating, changing passwords.

Services take the SQLAlchemy session, add and flush, and never commit: the caller owns the
transaction.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from learn.models import Role, User

_hasher = PasswordHasher()
# Verified against when the login is unknown, so that a wrong login costs as long as a wrong
# password and response times do not tell which logins exist.
_DUMMY_HASH = _hasher.hash("not a real password")

_PHONE = re.compile(r"^\+?[0-9][0-9 .\-]{6,18}[0-9]$")
MIN_PASSWORD = 8
MAX_PASSWORD = 128  # long enough for any passphrase, short enough to hash cheaply
# The commonest passwords of 8 characters or more in published leak lists (what a guesser
# tries first); sequences and repeats are caught by rule, not listed.
COMMON_PASSWORDS = frozenset(
    (Path(__file__).with_name("common_passwords.txt")).read_text(encoding="utf-8").split()
)
_RUNS = ("01234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm", "abcdefghijklmnopqrstuvwxyz")


class AccountError(Exception):
    """A refusal the user can act on; `code` picks the translated message."""

    def __init__(self, code: str, **data: object) -> None:
        super().__init__(code)
        self.code = code
        self.data = data


def normalise_login(raw: str) -> str:
    """One spelling per account: NFC, case-folded; phone numbers reduced to their digits.

    A Thai number typed as +66 81 234 5678 and as 081-234-5678 is the same account.
    Raises AccountError('login_invalid') when it is neither a username nor a phone number.
    """
    text = unicodedata.normalize("NFC", raw).strip()
    if _PHONE.match(text):
        digits = re.sub(r"[ .\-]", "", text)
        if digits.startswith("+66"):
            digits = "0" + digits[3:]
        return digits
    text = text.casefold()
    if not 3 <= len(text) <= 32 or not all(map(_username_char, text)):
        raise AccountError("login_invalid")
    return text


def _username_char(char: str) -> bool:
    # Letters, digits and the combining marks of Thai, Khmer, Lao and Burmese names.
    return unicodedata.category(char)[0] in "LMN" or char in "._-"


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def check_new_password(password: str, login: str) -> None:
    """The rules for a new password, made for people typing on a phone (NIST SP 800-63B):
    at least 8 characters of any kind, spaces and any script welcome, no rules about mixing
    letters and digits; only what is guessed first is refused."""
    if len(password) < MIN_PASSWORD:
        raise AccountError("password_short", min=MIN_PASSWORD)
    if len(password) > MAX_PASSWORD:
        raise AccountError("password_long", max=MAX_PASSWORD)
    if password.casefold() == login.casefold() or _digits(password) == _digits(login) != "":
        raise AccountError("password_is_login")
    if _easy_to_guess(password):
        raise AccountError("password_easy")


def _digits(text: str) -> str:
    """The digits of a text that is only digits and separators (a phone number), else ""."""
    stripped = re.sub(r"[ .\-+]", "", text)
    return stripped if stripped.isdigit() else ""


def _easy_to_guess(password: str) -> bool:
    """The passwords tried first: the commonest ones, one or two characters repeated
    (11111111, abababab), and runs of digits or keys (12345678, 98765432)."""
    folded = password.casefold().strip()
    if folded in COMMON_PASSWORDS or len(set(folded)) <= 2:
        return True
    return any(folded in run or folded in run[::-1] for run in _RUNS)


def find_user(session: Session, login: str) -> User | None:
    return session.scalar(select(User).where(User.username == login))


def register(
    session: Session,
    login: str,
    password: str,
    language: str,
    display_name: str = "",
    role: Role = Role.LEARNER,
) -> User:
    """Create an account; raises AccountError('login_taken') if the login is in use."""
    login = normalise_login(login)
    check_new_password(password, login)
    if session.scalar(select(func.count()).select_from(User).where(User.username == login)):
        raise AccountError("login_taken")
    user = User(
        username=login,
        display_name=unicodedata.normalize("NFC", display_name).strip(),
        password_hash=hash_password(password),
        language=language,
        role=role,
    )
    session.add(user)
    session.flush()
    return user


@dataclass(frozen=True, slots=True)
class LoginPolicy:
    max_failures: int = 5
    lock_minutes: int = 15


def _aware(moment: datetime | None) -> datetime | None:
    # SQLite hands back naive datetimes even for timezone-aware columns; they were UTC.
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment


def authenticate(
    session: Session,
    raw_login: str,
    password: str,
    policy: LoginPolicy = LoginPolicy(),
    now: datetime | None = None,
) -> User:
    """Return the user whose login and password these are, or raise AccountError.

    After `policy.max_failures` wrong passwords in a row the account refuses every attempt,
    right or wrong, for `policy.lock_minutes` ('too_many_tries').
    """
    now = now or datetime.now(UTC)
    try:
        login = normalise_login(raw_login)
    except AccountError:
        raise AccountError("login_failed") from None
    user = find_user(session, login)
    if user is None:
        _verify(_DUMMY_HASH, password)
        raise AccountError("login_failed")
    locked_until = _aware(user.locked_until)
    if locked_until and locked_until > now:
        minutes = max(1, int((locked_until - now).total_seconds() // 60) + 1)
        raise AccountError("too_many_tries", minutes=minutes)
    if not _verify(user.password_hash, password):
        user.failed_logins += 1
        if user.failed_logins >= policy.max_failures:
            user.locked_until = now + timedelta(minutes=policy.lock_minutes)
            user.failed_logins = 0
        session.flush()
        raise AccountError("login_failed")
    user.failed_logins = 0
    user.locked_until = None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    session.flush()
    return user


def change_password(session: Session, user: User, current: str, new: str) -> None:
    if not _verify(user.password_hash, current):
        raise AccountError("current_password_wrong")
    check_new_password(new, user.username)
    user.password_hash = hash_password(new)
    user.must_change_password = False
    session.flush()


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False
