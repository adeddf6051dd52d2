"""Watch progress of video steps: where to resume, what was seen, and done at 90 %.

The player reports the parts of the video it played (its `played` time ranges) every few
seconds and on pause. They are merged with what was stored, so a repeated, late or partial
report never loses anything, and the step counts as done once 90 % of its clip was seen.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Iterable

from sqlalchemy.orm import Session

from learn.models import WatchProgress
from learn.progress import record_step
from lessons import Course, VideoStep

DONE_AT = 0.9
MAX_RANGES = 200
# The one step record a finished video makes: the same UUID however often it is reported.
WATCHED = uuid.UUID("5f1d0c5e-3c57-4c1e-9a8e-6b7d3f0a2b11")


class BadReport(ValueError):
    """A progress report the player could not have sent (names what is wrong)."""


def merge(ranges: Iterable[Iterable[float]]) -> list[list[float]]:
    """Sorted, non-overlapping [start, end] ranges covering the same seconds."""
    merged: list[list[float]] = []
    for start, end in sorted((float(a), float(b)) for a, b in ranges):
        if merged and start <= merged[-1][1] + 0.5:  # gaps under half a second are seeks
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged


def clip_of(step: VideoStep, duration: float) -> tuple[float, float]:
    start = step.start or 0.0
    end = step.end if step.end is not None else duration
    return start, max(start, min(end, duration) if duration else end)


def seen_in(ranges: list[list[float]], clip: tuple[float, float]) -> float:
    """Seconds of `clip` covered by `ranges`."""
    return sum(max(0.0, min(e, clip[1]) - max(s, clip[0])) for s, e in ranges)


def _number(value: object, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise BadReport(f"{what} must be a number of seconds")
    if value < 0:
        raise BadReport(f"{what} must not be negative")
    return float(value)


def read_report(data: object) -> tuple[float, float, list[list[float]]]:
    """(position, duration, played ranges) from the player's JSON; BadReport if malformed."""
    if not isinstance(data, dict):
        raise BadReport("the report must be a JSON object")
    duration = _number(data.get("duration"), "duration")
    position = _number(data.get("position"), "position")
    played = data.get("played", [])
    if not isinstance(played, list) or len(played) > MAX_RANGES:
        raise BadReport(f"played must be a list of at most {MAX_RANGES} [start, end] pairs")
    ranges = []
    for n, pair in enumerate(played):
        if not isinstance(pair, list) or len(pair) != 2:
            raise BadReport(f"played[{n}] must be a [start, end] pair")
        start, end = (_number(v, f"played[{n}]") for v in pair)
        if end < start or end > duration + 1:
            raise BadReport(f"played[{n}] is outside the video")
        ranges.append([start, end])
    if position > duration + 1:
        raise BadReport("position is past the end of the video")
    return position, duration, ranges


def save_watch(
    session: Session,
    user_id: int,
    course: Course,
    lesson_id: str,
    step: VideoStep,
    position: float,
    duration: float,
    played: list[list[float]],
    known_duration: float | None = None,
) -> tuple[WatchProgress, bool]:
    """Merge a report into the learner's progress; True when the step is (now) done."""
    duration = known_duration or duration
    progress = session.get(WatchProgress, (user_id, course.id, step.id))
    if progress is None:
        progress = WatchProgress(
            user_id=user_id, course_id=course.id, step_id=step.id, media_id=step.media, seen=[]
        )
        session.add(progress)
    progress.seen = merge([*progress.seen, *played])
    progress.position = min(position, duration)
    progress.duration = max(progress.duration or 0.0, duration)
    clip = clip_of(step, progress.duration)
    progress.watched = seen_in(progress.seen, clip)
    length = clip[1] - clip[0]
    done = length > 0 and progress.watched >= DONE_AT * length
    session.flush()
    if done:
        record_uuid = uuid.uuid5(WATCHED, f"{user_id}/{course.id}/{lesson_id}/{step.id}")
        record_step(session, user_id, course, lesson_id, step.id, record_uuid)
    return progress, done
