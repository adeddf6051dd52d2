"""Views for spaced review: today's due words one at a time, each answer logged once."""

from __future__ import annotations

import time
import uuid

from flask import abort, render_template, request
from flask_login import current_user, login_required

from learn.catalog import catalog
from learn.extensions import db
from learn.learner.feedback import sentences
from learn.models import ReviewCard
from learn.practice import bp
from learn.review import answer_card, due_count, next_due, question_for


def _card_course(card: ReviewCard):
    course = catalog().get(card.course_id)
    if course is None or not course.has("vocabulary", card.item_id):
        return None
    return course


@bp.get("/review")
@login_required
def review():
    """The next due word, asked in one of the review forms; or a 'done for today' page."""
    card = next_due(db.session, current_user.id)
    while card is not None and _card_course(card) is None:
        # A word a new course version removed: it is never asked again.
        db.session.delete(card)
        db.session.commit()
        card = next_due(db.session, current_user.id)
    if card is None:
        return render_template("practice/done.html")
    course = _card_course(card)
    return render_template(
        "practice/question.html",
        card=card,
        course=course,
        question=question_for(course, card),
        due=due_count(db.session, current_user.id),
        record_uuid=uuid.uuid4(),
        shown_at=int(time.time()),
    )


@bp.post("/review/<int:card_id>")
@login_required
def answer(card_id: int):
    """Grade one review, reschedule the card, show the right answer."""
    card = db.session.get(ReviewCard, card_id)
    if card is None or card.user_id != current_user.id:
        abort(404)
    course = _card_course(card)
    if course is None:
        abort(404)
    try:
        record_uuid = uuid.UUID(request.form.get("uuid", ""))
        seconds = max(0.0, time.time() - int(request.form.get("shown_at", "")))
    except ValueError:
        abort(400)
    question = question_for(course, card)
    response = request.form.get("choice") or request.form.get("text") or ""
    result = answer_card(db.session, card, question, response, record_uuid, seconds)
    db.session.commit()
    return render_template(
        "practice/feedback.html",
        question=question,
        result=result,
        messages=sentences(result.feedback),
        due=due_count(db.session, current_user.id),
    )
