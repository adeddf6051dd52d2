"""Home page and `/healthz`."""

from __future__ import annotations

from flask import jsonify, render_template
from flask_login import current_user
from sqlalchemy import select, text
from sqlalchemy.exc import SQLAlchemyError

from learn.auth.forms import LanguageForm
from learn.catalog import catalog
from learn.extensions import db
from learn.i18n import needs_language_choice
from learn.main import bp
from learn.models import LessonSummary
from learn.review import due_count
from learn.trainer import home as trainer_home


@bp.get("/")
def home():
    """The learner's home, or a welcome (with the language chooser) for a visitor."""
    language_form = LanguageForm() if needs_language_choice() else None
    return render_template(
        "main/home.html",
        language_form=language_form,
        resume=_resume(),
        courses=catalog().courses(),
        review_due=due_count(db.session, current_user.id) if current_user.is_authenticated else 0,
        panel=trainer_home.panel_for_current_user(),
    )


def _resume():
    """The course and lesson the learner touched last, to continue where they left off."""
    if not current_user.is_authenticated:
        return None
    summary = db.session.scalars(
        select(LessonSummary)
        .where(LessonSummary.user_id == current_user.id)
        .order_by(LessonSummary.updated_at.desc())
        .limit(1)
    ).first()
    if summary is None:
        return None
    course = catalog().get(summary.course_id)
    if course is None or not course.has("lesson", summary.lesson_id):
        return None
    return course, course.lesson(summary.lesson_id), summary


@bp.get("/healthz")
def healthz():
    """200 with JSON when the database answers, 503 when it does not (for load balancers)."""
    try:
        db.session.execute(text("SELECT 1"))
    except SQLAlchemyError:
        db.session.rollback()
        return jsonify(status="error", database="unavailable"), 503
    return jsonify(status="ok", database="ok")
