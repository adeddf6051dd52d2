"""Bulk worker accounts: reading the CSV an admin uploads, checking every row, creating accounts.

A file comes from Excel or a text editor in whatever encoding it saved: UTF-8 with or without
a BOM, UTF-16 ("Unicode text", tab-separated), else the Thai Windows code page (cp874), else
Western Windows (cp1252). The encoding used is reported, so the admin can see a wrong guess.
Every row is checked and every problem is reported with its line and column; the view decides
whether anything is created.

One-time passwords are ten characters with no lookalikes (no 0/o, 1/l/i). They are hashed with
a lighter argon2 setting than chosen passwords: a random 10-character password from 31 symbols
(about 50 bits) needs no slow hash to resist guessing, and 300 accounts must be made in one
request (the default setting takes 0.16 s per hash here). `authenticate` re-hashes with the
default setting at the first login, and the first login asks for a new password anyway.
"""

from __future__ import annotations

import csv
import io
import re
import secrets
import unicodedata
from dataclasses import dataclass, field

from argon2 import PasswordHasher
from sqlalchemy import select
from sqlalchemy.orm import Session

from exercises.text import clean_input
from learn.auth.accounts import AccountError, normalise_login
from learn.models import Group, GroupMember, GroupRole, Membership, Organisation, OrgRole, User
from learn.trainer.groups import create_group

MAX_ROWS = 2000
MAX_BYTES = 1_000_000
PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
PASSWORD_LENGTH = 10
_one_time_hasher = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1)

COLUMNS = ("name", "login", "language", "group")
REQUIRED = ("name", "login", "language")
# Header words an admin may use for each column, compared case-folded and without spaces.
HEADERS = {
    "name": {"name", "fullname", "displayname", "worker", "ชื่อ", "ชื่อนามสกุล", "ชื่อ-นามสกุล"},
    "login": {
        "login",
        "username",
        "user",
        "phone",
        "usernameorphone",
        "phonenumber",
        "mobile",
        "ชื่อผู้ใช้",
        "เบอร์โทร",
        "เบอร์โทรศัพท์",
        "โทรศัพท์",
    },
    "language": {"language", "lang", "ภาษา"},
    "group": {"group", "class", "cohort", "กลุ่ม"},
}
# What people write in the language column, to the language code.
LANGUAGE_NAMES = {
    "km": {"km", "khmer", "cambodian", "ខ្មែរ", "ភាសាខ្មែរ", "เขมร", "ภาษาเขมร", "กัมพูชา"},
    "lo": {"lo", "lao", "laotian", "ລາວ", "ພາສາລາວ", "ลาว", "ภาษาลาว"},
    "my": {"my", "burmese", "myanmar", "မြန်မာ", "ဗမာ", "พม่า", "ภาษาพม่า", "เมียนมา"},
    "en": {"en", "english", "อังกฤษ", "ภาษาอังกฤษ"},
    "th": {"th", "thai", "ไทย", "ภาษาไทย"},
}
_LANGUAGE_BY_NAME = {name: code for code, names in LANGUAGE_NAMES.items() for name in names}
_MYANMAR = re.compile("[\u1000-\u109f]")
_THAI_MARK = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")


@dataclass(frozen=True, slots=True)
class RowError:
    """One problem: the line of the file, the column (None for the whole file), a code."""

    line: int
    column: str | None
    code: str
    data: dict = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class WorkerRow:
    line: int
    name: str
    login: str  # normalised, as it will be stored
    language: str
    group: str


@dataclass(frozen=True, slots=True)
class Checked:
    """A checked file: its encoding, the good rows, every error, the groups it would create."""

    encoding: str
    rows: tuple[WorkerRow, ...]
    errors: tuple[RowError, ...]
    new_groups: tuple[str, ...]

    @property
    def bad_lines(self) -> int:
        return len({e.line for e in self.errors})


# How files that are not text begin: a spreadsheet (.xlsx, .ods are zip files; .xls is an
# OLE2 file), a PDF, a picture.
_BINARY_STARTS = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8")


def looks_like_text(data: bytes) -> bool:
    """Whether an upload can be a CSV file at all (UTF-16 text has NUL bytes, and a BOM)."""
    if data.startswith(_BINARY_STARTS):
        return False
    return data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" not in data[:4096]


def decode(data: bytes) -> tuple[str, str]:
    """The text of an uploaded file and the name of the encoding it was read in."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "UTF-8 (BOM)"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "UTF-16"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp874")
    except UnicodeDecodeError:
        text = None
    # cp874 maps most high bytes to Thai, so a Western file decodes too: accept it only when
    # every Thai vowel or tone mark sits on a Thai letter, as in real Thai text.
    if text is not None and _plausible_thai(text):
        return text, "Windows-874 (Thai)"
    return data.decode("cp1252", errors="replace"), "Windows-1252 (Western)"


def _plausible_thai(text: str) -> bool:
    return all(
        m.start() > 0 and "\u0e01" <= text[m.start() - 1] <= "\u0e4e"
        for m in _THAI_MARK.finditer(text)
    )


def clean(text: str) -> str:
    """NFC, single spaces, no invisible characters; Burmese in Zawgyi converted to Unicode."""
    text = unicodedata.normalize("NFC", text)
    if _MYANMAR.search(text):
        return clean_input(text, "my")
    return clean_input(text, "en")


def _delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: (counts[d], d == ","))


def _header_key(cell: str) -> str:
    return re.sub(r"[\s_\-]", "", clean(cell).casefold())


def check(session: Session, org: Organisation, text: str, encoding: str = "UTF-8") -> Checked:
    """Read and check a whole file; nothing is written."""
    text = text.lstrip("\ufeff")
    first = next((line for line in text.splitlines() if line.strip()), None)
    if first is None:
        return Checked(encoding, (), (RowError(1, None, "file_empty"),), ())
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first))
    header = next((record for record in reader if any(cell.strip() for cell in record)), None)
    if header is None:
        return Checked(encoding, (), (RowError(1, None, "file_empty"),), ())
    header_line = reader.line_num
    where: dict[str, int] = {}
    for index, cell in enumerate(header):
        for column, words in HEADERS.items():
            if _header_key(cell) in words and column not in where:
                where[column] = index
    missing = [c for c in REQUIRED if c not in where]
    if missing:
        return Checked(
            encoding, (), tuple(RowError(header_line, c, "column_missing") for c in missing), ()
        )
    errors: list[RowError] = []
    candidates: list[WorkerRow] = []
    seen: dict[str, int] = {}
    line = reader.line_num
    for record in reader:
        start, line = line + 1, reader.line_num
        if not any(cell.strip() for cell in record):
            continue
        if len(candidates) + len({e.line for e in errors}) >= MAX_ROWS:
            errors.append(RowError(start, None, "too_many_rows", {"max": MAX_ROWS}))
            break
        cells = {c: clean(record[i]) if i < len(record) else "" for c, i in where.items()}
        row_errors = _check_row(start, cells, seen)
        errors.extend(row_errors)
        if not row_errors:
            seen[cells["login"]] = start
            candidates.append(
                WorkerRow(start, cells["name"], cells["login"], cells["language"], cells["group"])
            )
    taken = (
        set(
            session.scalars(
                select(User.username).where(User.username.in_([r.login for r in candidates]))
            )
        )
        if candidates
        else set()
    )
    rows = []
    for row in candidates:
        if row.login in taken:
            errors.append(RowError(row.line, "login", "login_taken", {"login": row.login}))
        else:
            rows.append(row)
    names = session.scalars(select(Group.name).where(Group.org_id == org.id))
    known = {name.casefold() for name in names}
    new_groups = []
    for row in rows:
        if row.group and row.group.casefold() not in known:
            known.add(row.group.casefold())
            new_groups.append(row.group)
    errors.sort(key=lambda e: (e.line, COLUMNS.index(e.column) if e.column in COLUMNS else -1))
    return Checked(encoding, tuple(rows), tuple(errors), tuple(new_groups))


def _check_row(line: int, cells: dict[str, str], seen: dict[str, int]) -> list[RowError]:
    """Check one row's cells, normalising `login` and `language` in place."""
    errors = []
    if not cells["name"]:
        errors.append(RowError(line, "name", "name_missing"))
    elif len(cells["name"]) > 100:
        errors.append(RowError(line, "name", "too_long", {"max": 100}))
    if not cells["login"]:
        errors.append(RowError(line, "login", "login_missing"))
    else:
        try:
            cells["login"] = normalise_login(cells["login"])
        except AccountError:
            errors.append(RowError(line, "login", "login_invalid", {"login": cells["login"]}))
        else:
            if cells["login"] in seen:
                errors.append(
                    RowError(line, "login", "login_repeated", {"other": seen[cells["login"]]})
                )
    language = _LANGUAGE_BY_NAME.get(cells["language"].casefold())
    if language is None:
        errors.append(RowError(line, "language", "language_unknown", {"value": cells["language"]}))
    else:
        cells["language"] = language
    cells.setdefault("group", "")
    if len(cells["group"]) > 100:
        errors.append(RowError(line, "group", "too_long", {"max": 100}))
    return errors


def new_password() -> str:
    return "".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(PASSWORD_LENGTH))


@dataclass(frozen=True, slots=True)
class NewWorker:
    """An account just made, with the one-time password that exists only until it is printed."""

    user: User
    password: str
    group: str


def create_workers(
    session: Session, org: Organisation, rows: tuple[WorkerRow, ...]
) -> list[NewWorker]:
    """Create an account per checked row, a learner of the organisation and of its group."""
    # Group names match whatever their case: "night shift" is the group "Night shift".
    groups = {
        g.name.casefold(): g for g in session.scalars(select(Group).where(Group.org_id == org.id))
    }
    made = []
    for row in rows:
        if row.group and row.group.casefold() not in groups:
            groups[row.group.casefold()] = create_group(session, org, row.group, trainer=None)
        password = new_password()
        user = User(
            username=row.login,
            display_name=row.name,
            language=row.language,
            password_hash=_one_time_hasher.hash(password),
            must_change_password=True,
        )
        session.add(user)
        made.append(NewWorker(user, password, row.group))
    session.flush()
    for worker in made:
        session.add(Membership(org_id=org.id, user_id=worker.user.id, role=OrgRole.LEARNER))
        if worker.group:
            group = groups[worker.group.casefold()]
            session.add(
                GroupMember(group_id=group.id, user_id=worker.user.id, role=GroupRole.LEARNER)
            )
    session.flush()
    return made


def reset_passwords(session: Session, users: list[User]) -> list[NewWorker]:
    """New one-time passwords for accounts whose cards were lost (they must change it again)."""
    made = []
    for user in users:
        password = new_password()
        user.password_hash = _one_time_hasher.hash(password)
        user.must_change_password = True
        made.append(NewWorker(user, password, ""))
    session.flush()
    return made
