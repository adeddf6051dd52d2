"""How much of each video a learner watched, and where to resume."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, Float, ForeignKey, String, func
from sqlalchemy.orm import Mapped, mapped_column

from learn.extensions import db
from learn.models.records import ID


class WatchProgress(db.Model):
    """The latest position in a video step, and which parts of it were seen.

    `seen` is a list of [start, end] seconds, merged; `watched` is their total length. A
    report repeated or arriving late only adds what it adds, so saving is idempotent.
    """

    __tablename__ = "watch_progress"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    course_id: Mapped[str] = mapped_column(ID, primary_key=True)
    step_id: Mapped[str] = mapped_column(ID, primary_key=True)
    media_id: Mapped[str] = mapped_column(String(128))
    position: Mapped[float] = mapped_column(Float, default=0.0)
    watched: Mapped[float] = mapped_column(Float, default=0.0)  # seconds seen, distinct
    seen: Mapped[list] = mapped_column(JSON, default=list)
    duration: Mapped[float] = mapped_column(Float, default=0.0)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )
