"""The personal workbook: the textbook with the learner's name and a page of their progress.

It is cached like a textbook, in a folder per learner, under a key whose content hash covers
the course and the learner's summary: new progress makes a new workbook, and the older ones of
the same course, language and size are removed when the new one is served.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from learn.models import LessonSummary, User
from learn.progress import course_progress
from lessons import Course, LessonState
from textbook import LearnerSummary, TextbookCache, TextbookKey, key_for


def summary_for(session: Session, user: User, course: Course) -> LearnerSummary:
    """What the workbook prints about the learner: name, lessons done, score per lesson."""
    state = course_progress(session, user.id, course)
    scores = dict(
        session.execute(
            select(LessonSummary.lesson_id, LessonSummary.best_score).where(
                LessonSummary.user_id == user.id, LessonSummary.course_id == course.id
            )
        ).all()
    )
    done = {lesson_id for lesson_id, p in state.lessons.items() if p.state is LessonState.DONE}
    return LearnerSummary(
        name=user.name,
        lessons_done=frozenset(done),
        scores={k: min(1.0, max(0.0, v)) for k, v in scores.items() if course.has("lesson", k)},
        date=date.today(),
    )


def to_json(summary: LearnerSummary) -> str:
    return json.dumps(
        {
            "name": summary.name,
            "lessons_done": sorted(summary.lessons_done),
            "scores": dict(sorted(summary.scores.items())),
            "date": summary.date.isoformat() if summary.date else None,
        },
        ensure_ascii=False,
    )


def from_json(text: str) -> LearnerSummary:
    data = json.loads(text)
    return LearnerSummary(
        name=data["name"],
        lessons_done=frozenset(data["lessons_done"]),
        scores=data["scores"],
        date=date.fromisoformat(data["date"]) if data["date"] else None,
    )


def workbook_key(course: Course, lang: str, size: str, summary: LearnerSummary) -> TextbookKey:
    digest = hashlib.sha256(to_json(summary).encode()).hexdigest()[:16]
    key = key_for(course, lang, size)
    return replace(key, content_hash=f"{key.content_hash}-{digest}")


def workbook_cache(folder: str, user_id: int) -> TextbookCache:
    return TextbookCache(Path(folder) / "workbooks" / str(user_id))


def prune_older(cache: TextbookCache, key: TextbookKey) -> None:
    """Remove the learner's earlier workbooks of this course, language and size."""
    current = cache.path_for(key)
    prefix = current.name.rsplit("-", 1)[0]
    for old in current.parent.glob(f"{prefix}-*.pdf"):
        if old != current:
            old.with_suffix(".json").unlink(missing_ok=True)
            old.unlink(missing_ok=True)
