"""Views for learners: catalogue, course map, the lesson player step by step, the result."""

from __future__ import annotations

import uuid

from flask import (
    abort,
    flash,
    jsonify,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required

from learn.catalog import catalog
from learn.extensions import db
from learn.freshness import learner_etag, not_modified, revalidate
from learn.learner import bp
from learn.learner.feedback import outcome_title, sentences
from learn.learner.lookup import course_or_404, lesson_or_404, step_or_404
from learn.learner.offline import exercise_asked
from learn.learner.player import next_exercise, read_response
from learn.learner.video import video_context
from learn.models import LessonSummary
from learn.progress import FILLED, course_progress, record_answer, record_step, step_tally
from lessons import CourseProgress, ExercisesStep, LessonState, ReviewStep, VideoStep, progress


def _standing(course) -> CourseProgress:
    """Where the current learner stands in `course`. Summaries from before the steps done
    were kept get them filled in on this read, and saved, once."""
    state = course_progress(db.session, current_user.id, course)
    if db.session.info.pop(FILLED, False):
        db.session.commit()
    return state


def _uuid_from_form() -> uuid.UUID:
    try:
        return uuid.UUID(request.form.get("uuid", ""))
    except ValueError:
        abort(400)


@bp.get("/courses")
def courses():
    """Every course this server offers, with the learner's share done."""
    offered = catalog().courses()
    shares = {}
    if current_user.is_authenticated:
        shares = {c.id: _standing(c).course for c in offered}
    return render_template("learner/courses.html", courses=offered, shares=shares)


@bp.get("/courses/<course_id>")
def course_map(course_id: str):
    """Units and lessons of a course, each with its state and progress."""
    course = course_or_404(course_id)
    etag = learner_etag(course)
    if unchanged := not_modified(etag):
        return unchanged
    state = _standing(course) if current_user.is_authenticated else progress(course)
    page = render_template("learner/course_map.html", course=course, state=state)
    return revalidate(make_response(page), etag)


@bp.get("/courses/<course_id>/lessons/<lesson_id>")
@login_required
def lesson(course_id: str, lesson_id: str):
    """Open a lesson where the learner stands in it: its next step, or its result."""
    course = course_or_404(course_id)
    lesson_or_404(course, lesson_id)
    state = _standing(course).lessons[lesson_id]
    if state.state is LessonState.LOCKED:
        flash(_("Finish the lessons before this one first."), "info")
        return redirect(url_for("learner.course_map", course_id=course_id))
    if state.next_step is None:
        return redirect(url_for("learner.result", course_id=course_id, lesson_id=lesson_id))
    return redirect(
        url_for("learner.step", course_id=course_id, lesson_id=lesson_id, step_id=state.next_step)
    )


@bp.get("/courses/<course_id>/lessons/<lesson_id>/steps/<step_id>")
@login_required
def step(course_id: str, lesson_id: str, step_id: str):
    """One step of the lesson player."""
    course = course_or_404(course_id)
    lesson = lesson_or_404(course, lesson_id)
    current = step_or_404(lesson, step_id)
    # A video step also shows where the learner left off, which watching changes.
    etag = None if isinstance(current, VideoStep) else learner_etag(course)
    if unchanged := not_modified(etag):
        return unchanged
    position = lesson.step_ids.index(step_id)
    state = _standing(course).lessons[lesson_id]
    if state.state is LessonState.LOCKED:
        return redirect(url_for("learner.lesson", course_id=course_id, lesson_id=lesson_id))
    exercise = None
    if isinstance(current, ExercisesStep | ReviewStep) and current.exercises:
        asked = exercise_asked(current)  # a page saved for offline use names its exercise
        if step_id in state.steps_done and request.args.get("again") is None and not asked:
            return _after_step(course, lesson, step_id)
        mine = step_tally(db.session, current_user.id, course.id, lesson_id, step_id)
        tries = {i: course.exercise(i).tries for i in current.exercises}
        exercise = course.exercise(asked or next_exercise(current, mine, tries))
    video = video_context(course, current) if isinstance(current, VideoStep) else {}
    page = render_template(
        "learner/step.html",
        course=course,
        lesson=lesson,
        step=current,
        position=position,
        state=state,
        exercise=exercise,
        record_uuid=uuid.uuid4(),
        **video,
    )
    return revalidate(make_response(page), etag)


@bp.post("/courses/<course_id>/lessons/<lesson_id>/steps/<step_id>/done")
@login_required
def step_done(course_id: str, lesson_id: str, step_id: str):
    """The learner finished a video, reading or review step."""
    course = course_or_404(course_id)
    lesson = lesson_or_404(course, lesson_id)
    step_or_404(lesson, step_id)
    record_step(db.session, current_user.id, course, lesson_id, step_id, _uuid_from_form())
    db.session.commit()
    return _after_step(course, lesson, step_id)


@bp.post("/courses/<course_id>/lessons/<lesson_id>/steps/<step_id>/answer")
@login_required
def answer(course_id: str, lesson_id: str, step_id: str):
    """Grade an answer, store it once, and show the feedback."""
    course = course_or_404(course_id)
    lesson = lesson_or_404(course, lesson_id)
    current = step_or_404(lesson, step_id)
    exercise_id = request.form.get("exercise", "")
    asked = (
        current.checkpoints if isinstance(current, VideoStep) else getattr(current, "exercises", ())
    )
    if exercise_id not in asked:
        abort(400)
    exercise = course.exercise(exercise_id)
    response = read_response(exercise, request.form)
    result = exercise.grade(response)
    summary = record_answer(
        db.session,
        current_user.id,
        course,
        lesson_id,
        step_id,
        exercise_id,
        response,
        result,
        _uuid_from_form(),
        hinted=request.form.get("hinted") == "1",
    )
    summary = summary or db.session.get(LessonSummary, (current_user.id, course.id, lesson_id))
    step_done = summary is not None and step_id in (summary.steps_done or ())
    db.session.commit()
    tries_left = 0
    if not result.correct:
        tally = step_tally(db.session, current_user.id, course.id, lesson_id, step_id)
        tries_left = max(0, exercise.tries - tally.attempts.get(exercise_id, 0))
    messages = sentences(result.feedback)
    if request.accept_mimetypes.best == "application/json":  # a checkpoint inside the video
        return jsonify(
            outcome=result.outcome,
            title=outcome_title(result.outcome),
            correct=result.correct,
            messages=[str(m) for m in messages],
            tries_left=tries_left,
            uuid=str(uuid.uuid4()),
        )
    return render_template(
        "learner/feedback.html",
        course=course,
        lesson=lesson,
        step=current,
        exercise=exercise,
        result=result,
        messages=messages,
        tries_left=tries_left,
        step_done=step_done,
    )


def _after_step(course, lesson, step_id: str):
    """Go on to the next step not done, or to the lesson's result."""
    state = _standing(course).lessons[lesson.id]
    if state.next_step is None:
        return redirect(url_for("learner.result", course_id=course.id, lesson_id=lesson.id))
    return redirect(
        url_for("learner.step", course_id=course.id, lesson_id=lesson.id, step_id=state.next_step)
    )


@bp.get("/courses/<course_id>/lessons/<lesson_id>/result")
@login_required
def result(course_id: str, lesson_id: str):
    """The end of a lesson: what was done, and what comes next."""
    course = course_or_404(course_id)
    lesson = lesson_or_404(course, lesson_id)
    state = _standing(course)
    summary = db.session.get(LessonSummary, (current_user.id, course.id, lesson_id))
    return render_template(
        "learner/result.html", course=course, lesson=lesson, state=state, summary=summary
    )
