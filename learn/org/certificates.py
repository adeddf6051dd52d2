"""Certificates of completion: when a course is complete, issuing one, finding one by its code.

A code is 12 characters of the join-code alphabet (no 0/O, 1/I/L), shown in three groups of
four; 31^12 codes make guessing one hopeless, and a forged code simply finds nothing.
"""

from __future__ import annotations

import re
import secrets
from datetime import UTC, date, datetime

import icu
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from learn.models import Certificate, LessonSummary, Organisation, User
from learn.org.members import OrgError
from learn.trainer.groups import CODE_ALPHABET
from lessons import Course

CODE_LENGTH = 12
_CODE = re.compile(f"^[{CODE_ALPHABET}]{{{CODE_LENGTH}}}$")
# Dates as each language writes them; Thai in the Buddhist era (25 พฤศจิกายน 2569).
DATE_LOCALES = {
    "th": "th_TH@calendar=buddhist",
    "km": "km_KH",
    "lo": "lo_LA",
    "my": "my_MM",
    "en": "en_GB",
}


def completed_on(session: Session, user_id: int, course: Course) -> date | None:
    """The day the learner finished the course's last lesson, or None if one is not done."""
    lesson_ids = [lesson.id for lesson in course.lessons]
    done, last = session.execute(
        select(func.count(), func.max(LessonSummary.updated_at)).where(
            LessonSummary.user_id == user_id,
            LessonSummary.course_id == course.id,
            LessonSummary.lesson_id.in_(lesson_ids),
            LessonSummary.progress >= 1.0,
        )
    ).one()
    if not lesson_ids or done < len(lesson_ids) or last is None:
        return None
    return (last if last.tzinfo else last.replace(tzinfo=UTC)).date()


def new_code(session: Session) -> str:
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if session.scalar(select(Certificate.id).where(Certificate.code == code)) is None:
            return code


def issue(session: Session, org: Organisation, user: User, course: Course) -> Certificate:
    """The organisation's certificate for this learner and course (made once, then the same)."""
    existing = session.scalar(
        select(Certificate).where(
            Certificate.user_id == user.id,
            Certificate.org_id == org.id,
            Certificate.course_id == course.id,
        )
    )
    if existing is not None:
        return existing
    finished = completed_on(session, user.id, course)
    if finished is None:
        raise OrgError("not_completed")
    certificate = Certificate(
        code=new_code(session),
        user_id=user.id,
        org_id=org.id,
        course_id=course.id,
        name=user.name,
        language=user.language,
        course_title=course.title.as_dict(),
        org_name=org.name,
        completed_on=finished,
    )
    session.add(certificate)
    session.flush()
    return certificate


def normalise_code(raw: str) -> str | None:
    code = re.sub(r"[\s\-]", "", raw).upper()
    return code if _CODE.match(code) else None


def by_code(session: Session, raw: str) -> Certificate | None:
    code = normalise_code(raw)
    if code is None:
        return None
    return session.scalar(select(Certificate).where(Certificate.code == code))


def show_code(code: str) -> str:
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def long_date(day: date, lang: str) -> str:
    """The date written out in the language's own way (ICU)."""
    formatter = icu.DateFormat.createDateInstance(
        icu.DateFormat.LONG, icu.Locale(DATE_LOCALES.get(lang, "en_GB"))
    )
    formatter.setTimeZone(icu.TimeZone.getGMT())
    # Midday UTC: the same calendar day whatever zone the formatter works in.
    return formatter.format(datetime(day.year, day.month, day.day, 12, tzinfo=UTC))
