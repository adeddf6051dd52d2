"""How much of each video a learner watched, and where to resume."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Float, ForeignKey, String, func
from sqlalchemy.orm import Mapped, mapped_column

from learn.extensions import db
from learn.models.records import ID


class WatchProgress(db.Model):
    """The latest position in a video step and the seconds of it seen, kept as a maximum.

    Saving is idempotent: a report repeated or arriving late never moves `watched` backwards.
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
    duration: Mapped[float] = mapped_column(Float, default=0.0)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )
