"""The video step: the rendition to play, resuming, watch progress, the save-data setting."""

from __future__ import annotations

from flask import jsonify, redirect, request
from flask_login import current_user, login_required

from learn.extensions import db
from learn.learner import bp
from learn.learner.lookup import course_or_404, lesson_or_404, step_or_404
from learn.media import library
from learn.models import WatchProgress
from learn.urls import safe_next
from learn.watching import BadReport, clip_of, read_report, save_watch
from lessons import VideoStep
from media_index.renditions import pick_rendition

SAVE_DATA_COOKIE = "save_data"
ONE_YEAR = 365 * 24 * 3600


def wants_save_data() -> bool:
    """The learner's choice on this phone, else the browser's own data saver (`Save-Data`)."""
    chosen = request.cookies.get(SAVE_DATA_COOKIE)
    if chosen in ("0", "1"):
        return chosen == "1"
    return request.headers.get("Save-Data", "").strip().lower() == "on"


def video_context(course, step: VideoStep) -> dict:
    """What the step page needs to play a video: the file, its size, where to resume."""
    item = library.item(step.media)
    save_data = wants_save_data()
    context = {
        "media": item,
        "save_data": save_data,
        "checkpoints": [course.exercise(exercise_id) for exercise_id in step.checkpoints],
    }
    if item is None:
        return context
    choices = sorted([item.original, *item.renditions.values()], key=lambda r: r.size)
    chosen = pick_rendition(item, save_data)
    asked = request.args.get("quality")
    if asked and any(r.name == asked for r in choices):
        chosen = next(r for r in choices if r.name == asked)
    start, end = clip_of(step, item.duration)
    progress = db.session.get(WatchProgress, (current_user.id, course.id, step.id))
    resume = start
    if progress is not None and start < progress.position < end - 3:
        resume = progress.position
    context.update(
        rendition=chosen, renditions=choices, clip=(start, end), resume=resume, progress=progress
    )
    return context


@bp.post("/courses/<course_id>/lessons/<lesson_id>/steps/<step_id>/watch")
@login_required
def watch(course_id: str, lesson_id: str, step_id: str):
    """Save where the learner is in a video and what they saw (JSON; idempotent)."""
    course = course_or_404(course_id)
    lesson = lesson_or_404(course, lesson_id)
    step = step_or_404(lesson, step_id, VideoStep)
    try:
        position, duration, played = read_report(request.get_json(silent=True))
    except BadReport as error:
        return jsonify(error=str(error)), 400
    item = library.item(step.media)
    _, done = save_watch(
        db.session,
        current_user.id,
        course,
        lesson_id,
        step,
        position,
        duration,
        played,
        known_duration=item.duration if item else None,
    )
    db.session.commit()
    return jsonify(done=done)


@bp.post("/settings/save-data")
def save_data_setting():
    """Turn 'save data' on or off for this phone (a cookie: the data plan is the phone's)."""
    on = request.form.get("save_data") == "1"
    response = redirect(safe_next(request.args.get("next")))
    response.set_cookie(
        SAVE_DATA_COOKIE, "1" if on else "0", max_age=ONE_YEAR, samesite="Lax", httponly=True
    )
    return response
