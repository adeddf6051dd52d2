"""Home page and `/healthz`."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import jsonify, render_template
from flask_login import current_user
from sqlalchemy import bindparam, select, text
from sqlalchemy.exc import SQLAlchemyError

from learn.auth.forms import LanguageForm
from learn.catalog import catalog
from learn.extensions import db
from learn.i18n import needs_language_choice
from learn.main import bp
from learn.models import LessonSummary, User
from learn.review import DUE_COUNT
from learn.trainer import home as trainer_home


@bp.get("/")
def home():
    """The learner's home, or a welcome (with the language chooser) for a visitor."""
    language_form = LanguageForm() if needs_language_choice() else None
    resume, review_due, panel = None, 0, None
    if current_user.is_authenticated:
        found = (
            db.session.connection()
            .execute(_LEARNER, {"user_id": current_user.id, "now": datetime.now(UTC)})
            .all()
        )
        review_due, *roles = found[0][:-3]
        touched = [row[-3:] for row in found if row[-3] is not None]  # (course, lesson, progress)
        done = frozenset((course_id, lesson_id) for course_id, lesson_id, p in touched if p >= 1)
        resume = _resume(*touched[0][:2]) if touched else None
        panel = trainer_home.panel_for_current_user(roles, done)
    return render_template(
        "main/home.html",
        language_form=language_form,
        resume=resume,
        courses=catalog().courses(),
        review_due=review_due,
        panel=panel,
    )


# What the home page asks about the learner, in one statement built once: the review cards due
# now, the roles the panel's links depend on, and every lesson they touched, the latest first
# (where to continue; which are done, for the work assigned). One row per lesson touched (a
# learner has a summary per lesson, never more), each with the same first columns; one row
# with no lesson when they touched none.
_LEARNER = (
    select(
        DUE_COUNT.scalar_subquery(),
        *trainer_home.ROLES,
        LessonSummary.course_id,
        LessonSummary.lesson_id,
        LessonSummary.progress,
    )
    .select_from(User)
    .outerjoin(LessonSummary, LessonSummary.user_id == User.id)
    .where(User.id == bindparam("user_id"))
    .order_by(LessonSummary.updated_at.desc())
)


def _resume(course_id: str, lesson_id: str) -> tuple | None:
    """The course and lesson the learner touched last, to continue where they left off."""
    course = catalog().get(course_id)
    if course is None or not course.has("lesson", lesson_id):
        return None
    return course, course.lesson(lesson_id)


@bp.get("/healthz")
def healthz():
    """200 with JSON when the database answers, 503 when it does not (for load balancers)."""
    try:
        db.session.execute(text("SELECT 1"))
    except SQLAlchemyError:
        db.session.rollback()
        return jsonify(status="error", database="unavailable"), 503
    return jsonify(status="ok", database="ok")
