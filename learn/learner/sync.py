"""What a learner did on a phone without a connection, sent back when it has one: `POST /sync`.

The service worker keeps each answer, finished step and video report in the phone's queue with
the UUID of the form it came from, and sends the queue in batches. Each record is checked and
graded here with the course's own grader (a grade made on the phone is never asked for), then
stored with its UUID like the live pages store it, so a batch sent twice counts once. The answer
names each UUID: `stored`, `duplicate` (stored before) or `refused` with a reason; the phone
drops a record only once it is answered for.

One transaction per batch: records are checked before anything is written, so a refusal does not
undo the others, and any failure while writing leaves the database as it was and the whole
batch on the phone, to be sent again (replaying is safe, by the UUIDs). A commit per record
would cost a disk sync per answer for no gain.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping

from flask import jsonify, request
from flask_babel import gettext as _
from flask_login import current_user, login_required
from werkzeug.datastructures import MultiDict

from learn.catalog import catalog
from learn.extensions import db
from learn.learner import bp
from learn.learner.player import read_response
from learn.media import library
from learn.progress import record_answer, record_step
from learn.watching import BadReport, read_report, save_watch
from lessons import VideoStep

MAX_RECORDS = 100  # per request; the phone sends a longer queue in several
MAX_FIELDS = 40  # form fields of one answer (a matching or word-order form has a dozen)
MAX_VALUES = 20  # values of one field (the boxes ticked in a multiple-select exercise)
MAX_TEXT = 500  # characters of one value
KINDS = ("answer", "step", "watch")


class Refused(Exception):
    """A record that cannot be stored: `reason` is a code for the phone, `detail` says what is
    wrong and where."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


def _string(record: Mapping, key: str, where: str) -> str:
    value = record.get(key)
    if not isinstance(value, str) or not value or len(value) > MAX_TEXT:
        raise Refused("malformed", f"{where}.{key} must be a non-empty string")
    return value


def _form(fields: object, where: str) -> MultiDict:
    """An answer's form fields (`{name: [values]}`) as the live answer view reads them."""
    if not isinstance(fields, dict) or len(fields) > MAX_FIELDS:
        raise Refused(
            "malformed", f"{where}.fields must be an object of at most {MAX_FIELDS} fields"
        )
    form = MultiDict()
    for name, values in fields.items():
        values = [values] if isinstance(values, str) else values
        if (
            len(name) > MAX_TEXT
            or not isinstance(values, list)
            or len(values) > MAX_VALUES
            or not all(isinstance(v, str) and len(v) <= MAX_TEXT for v in values)
        ):
            raise Refused(
                "malformed", f"{where}.fields.{name[:40]} must be a list of short strings"
            )
        for value in values:
            form.add(name, value)
    return form


def _place(record: Mapping, where: str):
    """(course, lesson, step) the record names, each checked against the course."""
    course = catalog().get(_string(record, "course", where))
    if course is None:
        raise Refused("unknown_course", f"{where}.course: no course {record['course']!r}")
    lesson_id = _string(record, "lesson", where)
    if not course.has("lesson", lesson_id):
        raise Refused("unknown_lesson", f"{where}.lesson: no lesson {lesson_id!r} in {course.id}")
    lesson = course.lesson(lesson_id)
    step_id = _string(record, "step", where)
    if step_id not in lesson.step_ids:
        raise Refused("unknown_step", f"{where}.step: no step {step_id!r} in lesson {lesson_id}")
    return course, lesson, lesson.step(step_id)


def _apply(record: object, where: str) -> dict:
    """Check one record and store it; its result for the phone."""
    if not isinstance(record, dict):
        raise Refused("malformed", f"{where} must be an object")
    try:
        record_uuid = uuid.UUID(_string(record, "uuid", where))
    except ValueError:
        raise Refused("malformed", f"{where}.uuid is not a UUID") from None
    kind = record.get("kind")
    if kind not in KINDS:
        raise Refused("malformed", f"{where}.kind must be one of {', '.join(KINDS)}")
    if not isinstance(record.get("user"), str | int):
        raise Refused("malformed", f"{where}.user must name the account that made the record")
    if str(record["user"]) != str(current_user.id):
        raise Refused("other_user", f"{where}.user: made by another account on this phone")
    course, lesson, step = _place(record, where)
    user_id = current_user.id
    if kind == "watch":
        if not isinstance(step, VideoStep):
            raise Refused("unknown_step", f"{where}.step: {step.id} is not a video step")
        try:
            position, duration, played = read_report(record.get("report"))
        except BadReport as error:
            raise Refused("malformed", f"{where}.report: {error}") from None
        item = library.item(step.media)
        known = item.duration if item else None
        save_watch(db.session, user_id, course, lesson.id, step, position, duration, played, known)
        return {"status": "stored"}
    if kind == "step":
        new = record_step(db.session, user_id, course, lesson.id, step.id, record_uuid)
        return {"status": "stored" if new else "duplicate"}
    exercise_id = _string(record, "exercise", where)
    asked = step.checkpoints if isinstance(step, VideoStep) else getattr(step, "exercises", ())
    if exercise_id not in asked:
        raise Refused("unknown_exercise", f"{where}.exercise: {exercise_id!r} is not in {step.id}")
    exercise = course.exercise(exercise_id)
    form = _form(record.get("fields"), where)
    response = read_response(exercise, form)
    result = exercise.grade(response)
    new = record_answer(
        db.session,
        user_id,
        course,
        lesson.id,
        step.id,
        exercise_id,
        response,
        result,
        record_uuid,
        hinted=form.get("hinted") == "1",
    )
    return {"status": "stored" if new else "duplicate", "correct": bool(result.correct)}


def _message(results: list[dict]) -> str:
    """What the learner reads once the batch is stored: how many answers, how many right."""
    accepted = [r for r in results if r["status"] != "refused"]
    answers = [r for r in accepted if "correct" in r]
    refused = len(results) - len(accepted)
    if answers:
        right = sum(r["correct"] for r in answers)
        text = _(
            "Sent from your phone: %(answers)s answers, %(right)s right.",
            answers=len(answers),
            right=right,
        )
    elif accepted:
        text = _("What you did on your phone has been sent.")
    else:
        text = ""
    if refused:
        text = " ".join((text, _("%(count)s could not be used.", count=refused))).strip()
    return text


@bp.post("/sync")
@login_required
def sync():
    """Store a batch of records made offline; a result for each UUID (JSON)."""
    data = request.get_json(silent=True)
    records = data.get("records") if isinstance(data, dict) else None
    if not isinstance(records, list):
        return jsonify(error="the body must be a JSON object with a list 'records'"), 400
    if len(records) > MAX_RECORDS:
        error = f"at most {MAX_RECORDS} records per request, not {len(records)}"
        return jsonify(error=error), 413
    results = []
    for index, record in enumerate(records):
        where = f"records[{index}]"
        try:
            result = _apply(record, where)
        except Refused as refusal:
            result = {"status": "refused", "reason": refusal.reason, "detail": refusal.detail}
        raw = record.get("uuid") if isinstance(record, dict) else None
        results.append({"uuid": raw if isinstance(raw, str) else None, **result})
    db.session.commit()
    return jsonify(results=results, message=_message(results))
