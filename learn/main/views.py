"""Home page and `/healthz`."""

from __future__ import annotations

from flask import jsonify, render_template
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from learn.auth.forms import LanguageForm
from learn.extensions import db
from learn.i18n import needs_language_choice
from learn.main import bp


@bp.get("/")
def home():
    """The learner's home, or a welcome (with the language chooser) for a visitor."""
    language_form = LanguageForm() if needs_language_choice() else None
    return render_template("main/home.html", language_form=language_form)


@bp.get("/healthz")
def healthz():
    """200 with JSON when the database answers, 503 when it does not (for load balancers)."""
    try:
        db.session.execute(text("SELECT 1"))
    except SQLAlchemyError:
        db.session.rollback()
        return jsonify(status="error", database="unavailable"), 503
    return jsonify(status="ok", database="ok")
