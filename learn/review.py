"""Spaced review of the vocabulary a learner has met, scheduled by FSRS (`exercises.review`).

A learner meets a lesson's words when they first do something in the lesson; each word then
has a card. `/review` asks the due cards in varied forms: read the Thai and choose the meaning,
listen and choose the Thai, or read the meaning and type the Thai. Services take the session
and flush; the view commits.
"""

from __future__ import annotations

import random
import uuid
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from exercises import Result
from exercises import review as fsrs_review
from exercises.grading import grade_choice, grade_typed
from learn.inserts import insert_once
from learn.models import ReviewCard, ReviewLog
from lessons import Course, VocabularyItem

CHOICES = 4
SESSION_SIZE = 20
FORMS = ("read", "listen", "type")


def meet_vocabulary(session: Session, user_id: int, course: Course, lesson_id: str) -> None:
    """Give the learner a card for each word of the lesson they do not have one for yet."""
    items = course.lesson(lesson_id).vocabulary
    if not items:
        return
    now = datetime.now(UTC)
    rows = [
        {
            "user_id": user_id,
            "course_id": course.id,
            "item_id": item.id,
            "due": now,
            "state": fsrs_review.new_card(item.id, now).to_dict(),
        }
        for item in items
    ]
    insert_once(session, ReviewCard, rows, unique=["user_id", "course_id", "item_id"])


# The cards due: asked on every review page and (as a subquery) on the home page, built once.
DUE_COUNT = (
    select(func.count())
    .select_from(ReviewCard)
    .where(ReviewCard.user_id == bindparam("user_id"), ReviewCard.due <= bindparam("now"))
)


def due_count(session: Session, user_id: int, now: datetime | None = None) -> int:
    now = now or datetime.now(UTC)
    return session.scalar(DUE_COUNT, {"user_id": user_id, "now": now})


def next_due(session: Session, user_id: int, now: datetime | None = None) -> ReviewCard | None:
    """The most overdue card, or None when nothing is due."""
    now = now or datetime.now(UTC)
    return session.scalars(
        select(ReviewCard)
        .where(ReviewCard.user_id == user_id, ReviewCard.due <= now)
        .order_by(ReviewCard.due, ReviewCard.id)
        .limit(1)
    ).first()


@dataclass(frozen=True, slots=True)
class Question:
    """One review question: how it is asked, the word, and the choices (for choice forms)."""

    form: str
    item: VocabularyItem
    options: tuple[VocabularyItem, ...] = ()


def question_for(course: Course, card: ReviewCard) -> Question:
    """The form and choices for a card: varied by how often it was reviewed, never random
    between two page loads (the same card and count give the same question)."""
    item = course.vocabulary_item(card.item_id)
    reviews = int(card.state.get("reviews", 0))
    forms = [f for f in FORMS if f != "listen" or item.audio]
    if reviews < 2:  # new words: recognise before recalling
        forms = [f for f in forms if f != "type"]
    form = forms[(reviews + zlib.crc32(item.id.encode())) % len(forms)]
    if form == "type":
        return Question(form, item)
    rng = random.Random(f"{card.id}:{reviews}")
    others = [v for lesson in course.lessons for v in lesson.vocabulary if v.id != item.id]
    choices = [item, *rng.sample(others, min(CHOICES - 1, len(others)))]
    rng.shuffle(choices)
    return Question(form, item, tuple(choices))


def grade(question: Question, response: str) -> Result:
    if question.form == "type":
        return grade_typed([question.item.thai], response)
    return grade_choice([o.id for o in question.options], question.item.id, response)


def answer_card(
    session: Session,
    card: ReviewCard,
    question: Question,
    response: str,
    record_uuid: uuid.UUID,
    seconds: float | None = None,
    now: datetime | None = None,
) -> Result:
    """Grade a review answer, reschedule the card and log the review (a replayed UUID is not
    counted again)."""
    now = now or datetime.now(UTC)
    result = grade(question, response)
    rating = fsrs_review.rating_for(result, seconds)
    logged = insert_once(
        session,
        ReviewLog,
        dict(
            uuid=record_uuid,
            user_id=card.user_id,
            course_id=card.course_id,
            item_id=card.item_id,
            form=question.form,
            answer=response,
            correct=result.correct,
            score=result.score,
            rating=int(rating),
        ),
    )
    if logged:
        updated = fsrs_review.review(fsrs_review.ReviewCard.from_dict(card.state), rating, now)
        card.state = updated.to_dict()
        card.due = updated.due
        session.flush()
    return result
