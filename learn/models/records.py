"""What learners did: append-only logs with client-made UUIDs, and a summary per lesson.

Kolibri's vocabulary: an attempt log per answer (`correct`, `score`, the raw `answer`,
`hinted`), a log per finished step, and a summary per learner and lesson with `progress` 0..1.
A retry or an offline replay sends the same UUID again and is stored once.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import JSON, DateTime, Float, ForeignKey, Index, String, Uuid, func
from sqlalchemy.orm import Mapped, mapped_column

from learn.extensions import db

ID = String(64)  # content ids (course, lesson, step, exercise) are short stable strings


class StepLog(db.Model):
    """A learner finished a step of a lesson."""

    __tablename__ = "step_logs"
    __table_args__ = (Index(None, "user_id", "course_id", "lesson_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    course_id: Mapped[str] = mapped_column(ID)
    lesson_id: Mapped[str] = mapped_column(ID)
    step_id: Mapped[str] = mapped_column(ID)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class AttemptLog(db.Model):
    """One answer to one exercise, graded."""

    __tablename__ = "attempt_logs"
    __table_args__ = (
        # A learner's answers in a course, a lesson, a step: what the player reads.
        Index(None, "user_id", "course_id", "lesson_id", "step_id"),
        Index(None, "course_id", "exercise_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    course_id: Mapped[str] = mapped_column(ID)
    lesson_id: Mapped[str] = mapped_column(ID)
    step_id: Mapped[str | None] = mapped_column(ID)
    exercise_id: Mapped[str] = mapped_column(ID)
    correct: Mapped[bool]
    score: Mapped[float] = mapped_column(Float)
    answer: Mapped[object] = mapped_column(JSON)
    feedback: Mapped[object] = mapped_column(JSON)
    hinted: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class LessonSummary(db.Model):
    """Where a learner stands in one lesson: kept up to date on every record, so that pages
    read one row per lesson instead of the learner's whole history (learn/progress.py)."""

    __tablename__ = "lesson_summaries"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    course_id: Mapped[str] = mapped_column(ID, primary_key=True)
    lesson_id: Mapped[str] = mapped_column(ID, primary_key=True)
    progress: Mapped[float] = mapped_column(Float, default=0.0)
    best_score: Mapped[float] = mapped_column(Float, default=0.0)
    time_spent: Mapped[int] = mapped_column(default=0)  # seconds
    last_step_id: Mapped[str | None] = mapped_column(ID)
    # The steps done (by a record or by their mastery rule) and the best score of each
    # exercise; NULL in rows written before these were kept, filled in when next read.
    steps_done: Mapped[list[str] | None] = mapped_column(JSON)
    best_scores: Mapped[dict[str, float] | None] = mapped_column(JSON)
    # Wrong answers in a row to each exercise, up to the latest: who is stuck where.
    wrong_streaks: Mapped[dict[str, int] | None] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )
