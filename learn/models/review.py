"""Spaced review: one FSRS card per learner and vocabulary item, and a log of every review."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import JSON, DateTime, ForeignKey, Index, String, UniqueConstraint, Uuid, func
from sqlalchemy.orm import Mapped, mapped_column

from learn.extensions import db
from learn.models.records import ID


class ReviewCard(db.Model):
    """Where one vocabulary item stands in a learner's memory (`exercises.review.ReviewCard`)."""

    __tablename__ = "review_cards"
    __table_args__ = (
        UniqueConstraint("user_id", "course_id", "item_id"),
        Index(None, "user_id", "due"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    course_id: Mapped[str] = mapped_column(ID)
    item_id: Mapped[str] = mapped_column(ID)
    due: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    state: Mapped[dict] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class ReviewLog(db.Model):
    """One review of one card: how it was asked, what the learner did, the rating it gave."""

    __tablename__ = "review_logs"
    __table_args__ = (Index(None, "user_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    course_id: Mapped[str] = mapped_column(ID)
    item_id: Mapped[str] = mapped_column(ID)
    form: Mapped[str] = mapped_column(String(16))  # listen, read or type
    answer: Mapped[object] = mapped_column(JSON)
    correct: Mapped[bool]
    score: Mapped[float]
    rating: Mapped[int]  # fsrs.Rating: 1 again, 2 hard, 3 good, 4 easy
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
